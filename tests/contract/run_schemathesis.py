"""The contract as an outside client finds it: schemathesis (``--checks all``) against a running Prevex.

    ./run uv run --frozen python tests/contract/run_schemathesis.py [--max-examples N] [--seed N]
        [--partner commissaire_justice] [-- extra schemathesis arguments]

It starts a PostgreSQL of its own (pgserver, in a temporary folder deleted at the end), serves the API on
a free loopback port (``prevex serve``, as a user would), creates one partner of each kind named by
``--partner`` (default: a commissaire de justice and a CCAPEX, both in the 93), gets each a token from
``/v1/oauth/token``, then runs ``schemathesis run openapi/openapi.json`` (the checked-in contract) once
per token, with the settings of ``schemathesis.toml`` beside this file. Bounded and reproducible: a fixed
seed, a fixed number of examples per operation, no example database, one worker (2 to 3 minutes in
all). Exits non-zero when any run finds a failure; the server's log is printed then, and each run's
NDJSON report is kept in ``$PREVEX_CONTRACT_REPORTS`` (default: the temporary folder)/prevex-schemathesis/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.json"
CONFIG = Path(__file__).with_name("schemathesis.toml")
REPORTS = Path(os.environ.get("PREVEX_CONTRACT_REPORTS", tempfile.gettempdir())) / "prevex-schemathesis"
SIRETS = {"commissaire_justice": "55512345400012", "ccapex": "73282932000074"}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    return {**env, **extra}


@contextmanager
def _database() -> Iterator[str]:
    import pgserver

    folder = Path(tempfile.mkdtemp(prefix="prevex-contract-"))
    server = pgserver.get_server(folder / "pgdata", cleanup_mode="delete")
    try:
        server.psql('CREATE DATABASE "prevex_contract";')
        yield str(server.get_uri("prevex_contract"))
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _server(env: dict[str, str], log: Path) -> Iterator[str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"prevex serve did not become ready:\n{log.read_text()}")
                time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def _token(base: str, kind: str, env: dict[str, str]) -> str:
    siret = SIRETS.get(kind, SIRETS["commissaire_justice"])
    create = ["partners", "create", "--kind", kind, "--name", f"Contrat {kind}", "--siret", siret]
    created = subprocess.run(
        [sys.executable, "-m", "app.cli", *create, "--territory", "93", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    partner = json.loads(created.stdout)
    form = {"grant_type": "client_credentials", "client_id": partner["client_id"]}
    response = httpx.post(f"{base}/v1/oauth/token", data={**form, "client_secret": partner["client_secret"]})
    response.raise_for_status()
    return str(response.json()["access_token"])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-examples", type=int, default=25, help="per operation and phase (default 25)")
    parser.add_argument("--seed", type=int, default=20261201, help="hypothesis seed (fixed by default)")
    parser.add_argument(
        "--partner",
        action="append",
        help="partner kind whose token runs the suite; repeat (default: commissaire_justice and ccapex)",
    )
    parser.add_argument("extra", nargs="*", help="more schemathesis arguments, after --")
    args = parser.parse_args()
    kinds = args.partner or ["commissaire_justice", "ccapex"]

    with tempfile.TemporaryDirectory(prefix="prevex-contract-run-") as tmp, _database() as url:
        env = _env(
            PREVEX_DATABASE_URL=url,
            PREVEX_ENVIRONMENT="test",
            PREVEX_TOKEN_TTL_SECONDS="3600",
            PREVEX_LOG_LEVEL="WARNING",
            PREVEX_DATA_DIR=tmp,
        )
        log = Path(tmp) / "server.log"
        with _server(env, log) as base:
            tokens = {kind: _token(base, kind, env) for kind in kinds}
            failed = []
            for kind, token in tokens.items():
                command = [
                    sys.executable,
                    "-m",
                    "schemathesis.cli",
                    "--config-file",
                    str(CONFIG),
                    "run",
                    str(CONTRACT),
                    "--url",
                    base,
                    "--checks",
                    "all",
                    "--seed",
                    str(args.seed),
                    "--max-examples",
                    str(args.max_examples),
                    "--generation-database",
                    "none",
                    "--workers",
                    "1",
                    "--no-color",
                    "--report",
                    "ndjson",
                    "--report-dir",
                    str(REPORTS / kind),
                    *args.extra,
                ]
                shutil.rmtree(REPORTS / kind, ignore_errors=True)
                print(f"== schemathesis as a {kind} (seed {args.seed}, {args.max_examples} examples) ==")
                sys.stdout.flush()
                run_env = {**env, "PREVEX_CONTRACT_TOKEN": token}
                status = subprocess.run(command, cwd=tmp, env=run_env, check=False, timeout=1800).returncode
                if status != 0:
                    failed.append(kind)
        if failed:
            print(f"== server log ==\n{log.read_text(errors='replace')[-20000:]}")
            print(f"schemathesis found failures with the token of: {', '.join(failed)}", file=sys.stderr)
            return 1
    print(f"schemathesis: no failure ({', '.join(kinds)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
