"""The CLI as a user runs it: real processes, the embedded database, kill -9 and restart."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from tests.factories import acte, fake_siret, household

ROOT = Path(__file__).resolve().parents[1]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    env.update(extra)
    return env


def _prevex(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"prevex {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(env: dict[str, str], port: int, *extra: str, within: float = 60) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise AssertionError("prevex serve exited")
        time.sleep(0.3)
    process.kill()
    raise AssertionError("prevex serve did not become ready")


def _commissaire(env: dict[str, str], name: str = "Étude Test") -> dict[str, str]:
    """A commissaire de justice of the 93 made by ``prevex partners create --json``: its ids and secret."""
    created: dict[str, str] = json.loads(
        _prevex(
            *("partners", "create", "--kind", "commissaire_justice", "--name", name),
            *("--siret", fake_siret(), "--territory", "93", "--json"),
            env=env,
        ).stdout
    )
    return created


def _bearer(base: str, created: dict[str, str]) -> dict[str, str]:
    """The Authorization header of the partner ``prevex partners create --json`` printed, from the server."""
    token = httpx.post(
        f"{base}/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": created["client_id"],
            "client_secret": created["client_secret"],
        },
    ).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def _postmasters(data_dir: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        cmdline = proc.info.get("cmdline") or []
        if proc.info.get("name") == "postgres" and any(str(data_dir) in part for part in cmdline):
            found.append(proc)
    return found


def test_embedded_database_survives_kill_and_restart(tmp_path: Path) -> None:
    env = _env(PREVEX_DATA_DIR=str(tmp_path / "data"))
    created = _commissaire(env)
    port = _free_port()
    server = _serve(env, port)
    base = f"http://127.0.0.1:{port}"
    headers = _bearer(base, created)
    receipt = httpx.post(
        f"{base}/v1/actes", json=acte("commandement_de_payer", household()), headers=headers
    ).json()

    server.send_signal(signal.SIGKILL)
    server.wait(10)
    server = _serve(env, port)
    assert httpx.get(f"{base}/v1/partenaires/moi", headers=headers).json()["id"] == created["partner_id"]
    assert httpx.get(f"{base}/v1/actes/{receipt['id']}", headers=headers).status_code == 200
    listed = json.loads(_prevex("partners", "list", "--json", env=env).stdout)  # while serve runs
    assert [p["partner_id"] for p in listed] == [created["partner_id"]]

    server.send_signal(signal.SIGTERM)
    server.wait(20)
    deadline = time.monotonic() + 20
    while _postmasters(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.3)
    assert not _postmasters(tmp_path), "the embedded PostgreSQL should stop with the last prevex process"


def test_serve_restarts_its_embedded_database_after_kill_9(tmp_path: Path) -> None:
    """kill -9 of the embedded PostgreSQL while ``prevex serve`` runs: answers meanwhile are 503 with
    Retry-After (never 500), and the service is back by itself, with every acknowledged act, without a
    restart of ``prevex serve``."""
    env = _env(PREVEX_DATA_DIR=str(tmp_path / "data"))
    created = _commissaire(env)
    port = _free_port()
    server = _serve(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        headers = _bearer(base, created)
        first = httpx.post(
            f"{base}/v1/actes", json=acte("commandement_de_payer", household()), headers=headers
        )
        assert first.status_code == 201
        postmasters = [
            p for p in _postmasters(tmp_path) if p.parent() is None or p.parent().name() != "postgres"
        ]
        assert postmasters
        for postmaster in postmasters:  # the postmaster only: its backends die with it
            postmaster.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        statuses: list[int] = []
        second = None
        while time.monotonic() - killed < 60:
            response = httpx.post(
                f"{base}/v1/actes",
                json=acte("commandement_de_payer", household()),
                headers={**headers, "Idempotency-Key": "after-the-crash"},
                timeout=30,
            )
            statuses.append(response.status_code)
            if response.status_code == 201:
                second = response
                break
            assert response.status_code == 503, response.text
            assert int(response.headers["retry-after"]) > 0
            time.sleep(0.5)
        assert second is not None, f"not back 60 s after the kill: {statuses}"
        assert server.poll() is None  # the same process
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert httpx.get(f"{base}/v1/actes/{first.json()['id']}", headers=headers).status_code == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(20)


def test_partner_commands_and_bad_input(database_url: str) -> None:
    env = _env(PREVEX_DATABASE_URL=database_url)
    bad = _prevex(
        "partners",
        "create",
        "--kind",
        "commissaire_justice",
        "--name",
        "X",
        "--siret",
        "12345678901234",
        "--territory",
        "93",
        env=env,
        check=False,
    )
    assert bad.returncode == 2 and "siret" in bad.stderr and "Traceback" not in bad.stderr
    made = json.loads(
        _prevex(
            "partners",
            "create",
            "--kind",
            "ccapex",
            "--name",
            "CCAPEX",
            "--siret",
            fake_siret(),
            "--territory",
            "93",
            "--json",
            env=env,
        ).stdout
    )
    rotated = json.loads(_prevex("partners", "rotate-secret", made["partner_id"], "--json", env=env).stdout)
    assert rotated["client_id"] != made["client_id"]
    for columns in ("80", "250"):  # a narrow terminal (or a pipe: rich assumes 80) never cuts an identifier
        shown = _prevex("partners", "list", env={**env, "COLUMNS": columns}).stdout
        assert made["partner_id"] in shown and rotated["client_id"] in shown, shown
    _prevex("partners", "revoke", rotated["client_id"], env=env)
    listed = {p["partner_id"]: p for p in json.loads(_prevex("partners", "list", "--json", env=env).stdout)}
    assert (
        listed[made["partner_id"]]["status"] == "revoque" and listed[made["partner_id"]]["client_ids"] == []
    )


def test_actes_import_ndjson_and_csv(database_url: str, tmp_path: Path) -> None:
    env = _env(PREVEX_DATABASE_URL=database_url)
    made = json.loads(
        _prevex(
            "partners",
            "create",
            "--kind",
            "commissaire_justice",
            "--name",
            "Étude",
            "--siret",
            fake_siret(),
            "--territory",
            "93",
            "--json",
            env=env,
        ).stdout
    )
    bad = acte("commandement_de_payer", household())
    bad["dette"] = {"montant_cents": -5, "mois_impayes_consecutifs": 1}
    ndjson = tmp_path / "actes.ndjson"
    ndjson.write_text(
        "\n".join(
            json.dumps(a)
            for a in [acte("commandement_de_payer", household()), bad, acte("assignation", household())]
        )
        + "\n"
    )
    rejects = tmp_path / "rejets.ndjson"
    result = _prevex(
        "actes",
        "import",
        str(ndjson),
        "--partner",
        made["client_id"],
        "--rejects",
        str(rejects),
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "2 filed, 0 already filed, 1 rejected" in result.stdout
    rejected = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert (
        rejected[0]["ligne"] == 2
        and rejected[0]["probleme"]["errors"][0]["pointer"] == "/dette/montant_cents"
    )

    csv_file = tmp_path / "actes.csv"
    csv_file.write_text(
        "type,reference,territoire,date_acte,logement.adresse,logement.code_postal,occupants.0.nom,"
        "occupants.0.prenom,bail.date_signature,bail.loyer_mensuel_hc_cents,bail.charges_mensuelles_cents,"
        "bailleur.categorie,bailleur.nom,dette.montant_cents,dette.mois_impayes_consecutifs\n"
        "commandement_de_payer,CSV-1,93,2025-03-10,3 rue du Tableur,93100,TABLEUR,Alex,2021-09-01,85000,9000,"
        "personne_physique,M. Bailleur,282000,3\n"
    )
    result = _prevex("actes", "import", str(csv_file), "--partner", made["partner_id"], env=env)
    assert "1 filed" in result.stdout
    again = _prevex("actes", "import", str(csv_file), "--partner", made["partner_id"], env=env)
    assert "0 filed, 1 already filed" in again.stdout

    # Booleans only where the schema has them: a household named Faux stays a name.
    typed = tmp_path / "typed.csv"
    typed.write_text(
        "type,reference,territoire,date_acte,date_audience,reconventionnelle,logement.adresse,"
        "logement.code_postal,occupants.0.nom,occupants.0.prenom\n"
        "assignation,true,93,2025-05-05,2025-07-08,FALSE,4 rue du Tableur,93100,Faux,Vrai\n"
    )
    result = _prevex("actes", "import", str(typed), "--partner", made["client_id"], env=env)
    assert "1 filed, 0 already filed, 0 rejected" in result.stdout


def test_regles_verifier(tmp_path: Path) -> None:
    env = _env()
    ok = _prevex("regles", "verifier", env=env)
    assert "valid" in ok.stdout
    broken = tmp_path / "charte.yaml"
    broken.write_text(
        (ROOT / "app" / "rules" / "93" / "charte.yaml")
        .read_text()
        .replace("    du: 20", "    du: hier-20", 1)  # a rule's (the file's validite.du comes first)
    )
    result = _prevex("regles", "verifier", str(broken), env=env, check=False)
    assert result.returncode == 1
    assert str(broken) in result.stderr and "'du'" in result.stderr


@pytest.mark.parametrize("command", [["serve"], ["partners", "list"], ["db", "upgrade"]])
def test_production_without_a_database_url_says_so_in_one_line(command: list[str]) -> None:
    result = _prevex(*command, env=_env(PREVEX_ENVIRONMENT="production"), check=False)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: invalid configuration: PREVEX_DATABASE_URL must be set when PREVEX_ENVIRONMENT=production "
        "(no embedded database there), e.g. postgresql://user:password@host:5432/prevex"
    ]


def test_serve_with_several_workers(database_url: str) -> None:
    """``prevex serve --workers 2``: two API processes on one port, both filing; refused (exit 2, one line)
    on the embedded database, which one process watches."""
    refused = _prevex("serve", "--workers", "2", env=_env(), check=False)
    assert refused.returncode == 2
    assert "--workers above 1 needs PREVEX_DATABASE_URL" in refused.stderr
    env = _env(PREVEX_DATABASE_URL=database_url)
    created = _commissaire(env, "Étude à deux workers")
    port = _free_port()
    # two processes importing the app at once: on a loaded 2-CPU machine that took more than a minute
    process = _serve(env, port, "--workers", "2", within=240)
    try:
        assert len(psutil.Process(process.pid).children()) >= 2  # uvicorn's supervisor and its workers
        base = f"http://127.0.0.1:{port}"
        headers = _bearer(base, created)
        statuses = [
            httpx.post(
                f"{base}/v1/actes", json=acte("commandement_de_payer", household()), headers=headers
            ).status_code
            for _ in range(6)
        ]
        assert statuses == [201] * 6
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_an_invalid_setting_is_named() -> None:
    result = _prevex("serve", env=_env(PREVEX_TOKEN_TTL_SECONDS="5"), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "error: invalid configuration: PREVEX_TOKEN_TTL_SECONDS: Input should be greater than or equal to 60"
    )


@pytest.mark.parametrize("command", [["--help"], ["partners", "--help"], ["actes", "import", "--help"]])
def test_help(command: list[str]) -> None:
    assert _prevex(*command, env=_env()).returncode == 0


def _demo_acts_filed(database_url: str) -> int:
    import asyncio

    import asyncpg

    async def count() -> int:
        conn = await asyncpg.connect(database_url)
        try:
            return int(await conn.fetchval("SELECT count(*) FROM actes WHERE reference LIKE 'DEMO75-%'"))
        finally:
            await conn.close()

    return asyncio.run(count())


def _stop_demo_midway(
    database_url: str, env: dict[str, str], signum: int, to_group: bool
) -> tuple[int, list[psutil.Process]]:
    """Start ``prevex demo`` (two worker processes), wait until it has filed something, then signal it
    (the whole process group, as Ctrl-C in a terminal does, or the parent only, as a service manager
    does); returns its exit code and every process it had started."""
    args = ("demo", "--territoire", "75", "--echelle", "0.005", "--paralleles", "2", "--batch-size", "10")
    demo = subprocess.Popen(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    before = _demo_acts_filed(database_url)
    deadline = time.monotonic() + 120
    while _demo_acts_filed(database_url) <= before and demo.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert demo.poll() is None, "the demo ended before it could be stopped"
    children = psutil.Process(demo.pid).children(recursive=True)
    assert len(children) >= 2, children  # the worker pool (and the spawn's resource tracker)
    if to_group:
        os.killpg(demo.pid, signum)
    else:
        demo.send_signal(signum)
    _, stderr = demo.communicate(timeout=60)
    assert "run `prevex demo` again to finish" in stderr.decode(), stderr.decode()[-2000:]
    return demo.returncode, children


def test_demo_stops_cleanly_on_sigterm_and_ctrl_c_and_a_rerun_finishes(database_url: str) -> None:
    from app.services.demo import demo_acts, partners_for

    env = _env(PREVEX_DATABASE_URL=database_url)
    for signum, to_group in ((signal.SIGTERM, False), (signal.SIGINT, True)):
        code, children = _stop_demo_midway(database_url, env, signum, to_group)
        assert code == 128 + signum  # non-zero: the job is not done
        deadline = time.monotonic() + 10
        while any(c.is_running() and c.status() != psutil.STATUS_ZOMBIE for c in children):
            assert time.monotonic() < deadline, [c for c in children if c.is_running()]
            time.sleep(0.1)
    stopped_at = _demo_acts_filed(database_url)
    sirets = {p.role: p.siret for p in partners_for("75")}
    total = len(demo_acts("75", sirets, 0.005))
    assert 0 < stopped_at < total
    # A rerun finishes the job: what was filed is replayed, the rest filed, each act once.
    done = _prevex("demo", "--territoire", "75", "--echelle", "0.005", env=env)
    assert f"75: {total - stopped_at} filed, {stopped_at} already filed, 0 rejected" in done.stdout, (
        done.stdout
    )
    assert _demo_acts_filed(database_url) == total


def _sql(database_url: str, query: str) -> object:
    import asyncio

    import asyncpg

    async def run() -> object:
        conn = await asyncpg.connect(database_url)
        try:
            return await conn.fetchval(query)
        finally:
            await conn.close()

    return asyncio.run(run())


def test_demo_on_a_new_database_records_the_household_secret_and_the_server_is_ready(
    database_url: str, tmp_path: Path
) -> None:
    """``prevex demo`` before any server on a new database: the keys it writes have their secret's
    fingerprint, so a server started afterwards is ready (not 503 until ``prevex menages recalculer-cles``);
    a command run with another secret files nothing (exit 1, the server's reason)."""
    import uuid

    from sqlalchemy.engine import make_url

    name = f"prevex_cli_{uuid.uuid4().hex[:8]}"
    _sql(database_url, f'CREATE DATABASE "{name}"')
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        env = _env(PREVEX_DATABASE_URL=url)
        _prevex("db", "upgrade", env=env)
        done = _prevex("demo", "--territoire", "75", "--echelle", "0.001", env=env)
        filed = _demo_acts_filed(url)
        assert filed > 0 and f"75: {filed} filed" in done.stdout, done.stdout
        assert _sql(url, "SELECT count(*) FROM dossier_cles") != 0

        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ready = None
            deadline = time.monotonic() + 120
            while ready is None and time.monotonic() < deadline:
                assert server.poll() is None, "prevex serve exited"
                try:
                    ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
                except httpx.HTTPError:
                    time.sleep(0.3)
            assert ready is not None, "prevex serve did not answer"
            assert ready.status_code == 200, ready.text
        finally:
            server.terminate()
            server.wait(timeout=30)

        other = {**env, "PREVEX_HOUSEHOLD_KEY_SECRET": "another-secret-for-the-household-keys"}
        refused = _prevex("demo", "--territoire", "75", "--echelle", "0.001", env=other, check=False)
        assert refused.returncode == 1 and "prevex menages recalculer-cles" in refused.stderr, refused.stderr
        ndjson = tmp_path / "actes.ndjson"
        ndjson.write_text(json.dumps(acte("commandement_de_payer", household())) + "\n")
        made = _commissaire(env)
        refused = _prevex(
            "actes", "import", str(ndjson), "--partner", made["client_id"], env=other, check=False
        )
        assert refused.returncode == 1 and "prevex menages recalculer-cles" in refused.stderr, refused.stderr
        assert _sql(url, "SELECT count(*) FROM actes") == filed
    finally:
        _sql(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
