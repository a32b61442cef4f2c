"""Crash drills: ``kill -9`` of the API process, or of its embedded PostgreSQL, under load.

    uv run python bench/drill.py --target api --kills 20
    uv run python bench/drill.py --target db --kills 20
    uv run python bench/drill.py --target both --kills 20     # the two drills, one after the other

Runs ``prevex serve`` on an embedded PostgreSQL in a temporary folder (deleted at the end) and
``--clients`` (16) client threads, each filing new acts one after the other with its own
``Idempotency-Key`` and ``reference``, retrying the same request on 503, 409 ``requete-en-cours`` and
transport errors until it is acknowledged (200 or 201). Every ``--interval`` seconds (3) the drill kills:

- ``api``: the ``prevex serve`` process (``kill -9``), then starts it again, as a supervisor would;
- ``db``: the embedded PostgreSQL's postmaster (``kill -9``); ``prevex serve`` must bring it back itself.

and measures how long ``/readyz`` was not 200 after each kill. At the end it checks, in the database,
that every acknowledged act is stored exactly once (the id the client was given), and prints the counts:
acknowledged, stored, lost, duplicates, answers by status (a 500 is a failure of the drill), and the
unavailability per kill. Exit code 1 when an act was lost or duplicated or an answer was 500.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.intake import free_port, luhn_siret, make_bodies  # noqa: E402


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Api:
    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env = env
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def wait_ready(self, timeout: float = 120) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"not ready {timeout:.0f} s after the kill")


def postmasters(data_dir: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        cmdline = proc.info.get("cmdline") or []
        if proc.info.get("name") == "postgres" and any(str(data_dir) in part for part in cmdline):
            parent = proc.parent()
            if parent is None or parent.name() != "postgres":
                found.append(proc)
    return found


def run(target: str, args: argparse.Namespace) -> bool:
    tmp = Path(tempfile.mkdtemp(prefix="prevex-drill-"))
    data_dir = tmp / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    env["PREVEX_DATA_DIR"] = str(data_dir)
    api = Api(env, args.port)
    stop = threading.Event()
    acked: dict[str, str] = {}  # reference -> id
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    try:
        created = subprocess.run(
            [
                *(sys.executable, "-m", "app.cli", "partners", "create", "--kind", "commissaire_justice"),
                *("--name", "Banc des pannes", "--siret", luhn_siret(), "--territory", "93", "--json"),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        creds = json.loads(created.stdout.strip().splitlines()[-1])
        api.start()
        api.wait_ready()
        token = httpx.post(
            f"{api.url}/v1/oauth/token",
            data={
                "grant_type": "client_credentials",
                **{k: creds[k] for k in ("client_id", "client_secret")},
            },
            timeout=30,
        ).json()["access_token"]

        def client(n: int) -> None:
            with httpx.Client(base_url=api.url, timeout=30) as http:
                k = 0
                while not stop.is_set():
                    k += 1
                    body = make_bodies(f"{target}{n:02d}x{k:06d}", 1, "d")[0]
                    reference = json.loads(body)["reference"]
                    headers = {
                        "Authorization": f"Bearer {token}",
                        "Content-Type": "application/json",
                        "Idempotency-Key": reference,
                    }
                    while True:  # the same request until it is acknowledged, even after stop
                        try:
                            response = http.post("/v1/actes", content=body, headers=headers)
                        except httpx.HTTPError as exc:
                            with lock:
                                statuses[type(exc).__name__] += 1
                            time.sleep(0.2)
                            continue
                        with lock:
                            statuses[str(response.status_code)] += 1
                        if response.status_code in (200, 201):
                            with lock:
                                acked[reference] = response.json()["id"]
                            break
                        if response.status_code not in (409, 503):
                            log(f"unexpected {response.status_code}: {response.text[:300]}")
                        time.sleep(0.2)

        threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
        for t in threads:
            t.start()
        outages = []
        for i in range(1, args.kills + 1):
            time.sleep(args.interval)
            if target == "api":
                api.kill()
                api.start()
            else:
                found = postmasters(data_dir)
                if not found:
                    raise SystemExit("no embedded postmaster to kill")
                for p in found:
                    p.send_signal(signal.SIGKILL)
                time.sleep(0.2)  # let /readyz see it gone
            outages.append(api.wait_ready())
            log(f"[{target}] kill {i}/{args.kills}: back in {outages[-1]:.2f} s, {len(acked)} acknowledged")
        time.sleep(args.interval)
        stop.set()
        for t in threads:
            t.join(120)

        checked = subprocess.run(
            [sys.executable, "-c", _COUNT],
            cwd=ROOT,
            env=env,
            input=json.dumps(acked),
            capture_output=True,
            text=True,
            check=True,
        )
        stored, found_ids, duplicates = json.loads(checked.stdout.strip().splitlines()[-1])
        lost = len(acked) - found_ids
        errors = statuses.get("500", 0)
        print(f"Crash drill: kill -9 of the {'API process' if target == 'api' else 'embedded PostgreSQL'}")
        print(
            f"  kills: {args.kills} every {args.interval:.0f} s, {args.clients} clients retrying with their Idempotency-Key"
        )
        print(f"  acknowledged {len(acked)}, stored {stored}, lost {lost}, duplicates {duplicates}")
        print(f"  answers: {', '.join(f'{k}×{v}' for k, v in sorted(statuses.items()))}")
        print(f"  500 answers: {errors}")
        print(
            f"  unavailable after each kill (s, until /readyz is 200): max {max(outages):.2f}, "
            f"mean {sum(outages) / len(outages):.2f}, total {sum(outages):.1f}"
        )
        return lost == 0 and duplicates == 0 and errors == 0 and stored == len(acked)
    finally:
        stop.set()
        api.stop()
        for p in postmasters(data_dir):
            p.send_signal(signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)


# Run in a child process (it joins the embedded server; the acknowledged acts on its standard input):
# counts of the drill's acts, by reference.
_COUNT = """
import asyncio, json, sys
from pathlib import Path
import asyncpg
from app.core.config import get_settings
from app.core.embedded import release_embedded, start_embedded

acked = json.loads(sys.stdin.read())
async def main():
    conn = await asyncpg.connect(start_embedded(Path(get_settings().data_dir)))
    rows = await conn.fetch("SELECT reference, id::text AS id FROM actes WHERE reference LIKE 'BENCH-%'")
    await conn.close()
    ids = {}
    for r in rows:
        ids.setdefault(r["reference"], []).append(r["id"])
    found = sum(1 for ref, i in acked.items() if ids.get(ref) == [i])
    duplicates = sum(len(v) - 1 for v in ids.values())
    print(json.dumps([len(rows), found, duplicates]))
asyncio.run(main())
release_embedded()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--target", choices=["api", "db", "both"], default="both")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between kills (3)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--port", type=int, default=0, help="the API's port (0: a free one)")
    args = parser.parse_args(argv)
    targets = ["api", "db"] if args.target == "both" else [args.target]
    ok = True
    for target in targets:
        ok = run(target, args) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
