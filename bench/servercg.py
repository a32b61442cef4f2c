"""Instructions per filing in the real ``prevex serve`` process, under valgrind's callgrind.

    uv run python bench/servercg.py [--root CHECKOUT] [--warmup 100] [-n 200] [-c 8] [--out FILE]

Starts ``prevex serve`` of ``--root`` (default: this checkout; another checkout, e.g. a worktree of an
older commit, uses its own ``.venv``) under ``valgrind --tool=callgrind --instr-atstart=no`` on a fresh
database (created and dropped), files ``--warmup`` acts, switches instrumentation on
(``callgrind_control -i on``), files ``-n`` acts from ``-c`` concurrent clients, switches it off and
dumps. Prints the instructions per filing; ``callgrind_annotate FILE`` shows where they go. Instruction
counts do not depend on the machine's load (times under valgrind do), so old and new can be compared on
a busy machine. Needs ``valgrind`` (Debian's package); takes a few minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import asyncpg
import httpx

HERE = Path(__file__).resolve().parents[1]
ADMIN_URL = os.environ.get("PREVEX_BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(ADMIN_URL)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=HERE, help="the checkout whose server is measured")
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--requests", "-n", type=int, default=200)
    parser.add_argument("--concurrency", "-c", type=int, default=8)
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--out", type=Path, help="callgrind's output (default: a temporary file)")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(HERE))
    from bench.intake import free_port, luhn_siret, make_bodies  # this checkout's helpers

    name = f"prevex_cg_{secrets.token_hex(4)}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    base, _, _ = ADMIN_URL.rpartition("/")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    tmp = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    env.update(PREVEX_DATABASE_URL=f"{base}/{name}", PREVEX_DATA_DIR=str(tmp / "data"))
    prevex = str(root / ".venv" / "bin" / "prevex")
    python = str(root / ".venv" / "bin" / "python")
    out = args.out or tmp / "callgrind.out"
    port = args.port or free_port()
    server = None
    try:
        subprocess.run([prevex, "db", "upgrade"], cwd=root, env=env, check=True, capture_output=True)
        server = subprocess.Popen(
            [
                *("valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"),
                *(python, prevex, "serve", "--host", "127.0.0.1", "--port", str(port)),
            ],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 600
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not become ready")
            time.sleep(1)
        created = subprocess.run(
            [
                *(prevex, "partners", "create", "--kind", "commissaire_justice", "--name", "Banc callgrind"),
                *("--siret", luhn_siret(), "--territory", "93", "--json"),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        import json

        creds = json.loads(created.stdout.strip().splitlines()[-1])
        token = httpx.post(
            f"{url}/v1/oauth/token",
            data={
                "grant_type": "client_credentials",
                **{k: creds[k] for k in ("client_id", "client_secret")},
            },
            timeout=120,
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        bodies = make_bodies(secrets.token_hex(3), args.warmup + args.requests, "g")

        def send(batch: list[bytes]) -> dict[int, int]:
            it, lock, codes = iter(batch), threading.Lock(), dict[int, int]()

            def worker() -> None:
                with httpx.Client(base_url=url, timeout=300) as client:
                    while True:
                        with lock:
                            body = next(it, None)
                        if body is None:
                            return
                        status = client.post("/v1/actes", content=body, headers=headers).status_code
                        with lock:
                            codes[status] = codes.get(status, 0) + 1

            threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            return codes

        print(f"warm-up: {send(bodies[: args.warmup])}", file=sys.stderr)
        subprocess.run(["callgrind_control", "-i", "on", str(server.pid)], check=True, capture_output=True)
        measured = send(bodies[args.warmup :])
        subprocess.run(["callgrind_control", "-i", "off", str(server.pid)], check=True, capture_output=True)
        subprocess.run(["callgrind_control", "-d", str(server.pid)], check=True, capture_output=True)
        print(f"measured: {measured}", file=sys.stderr)
    finally:
        if server is not None:
            with __import__("contextlib").suppress(ProcessLookupError):
                os.killpg(server.pid, 15)
            server.wait(120)
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    dumps = sorted(out.parent.glob(out.name + ".*")) or [out]
    total = crypto = 0
    line = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$")
    for dump in dumps:
        annotated = subprocess.run(["callgrind_annotate", str(dump)], capture_output=True, text=True).stdout
        for text in annotated.splitlines():
            match = line.match(text)
            if match is None:
                continue
            count = int(match.group(1).replace(",", ""))
            if "PROGRAM TOTALS" in text:
                total += count
            elif "cryptography" in match.group(2) or "libcrypto" in match.group(2):
                crypto += count
    n = args.requests
    print(
        f"{root}: {total / n / 1e6:.2f} M instructions per filing, {(total - crypto) / n / 1e6:.2f} M without "
        f"OpenSSL/cryptography ({crypto / n / 1e6:.2f} M: hashing, and the key ring's RSA key load when its "
        f"once-a-minute reload fell in the window); {n} filings, concurrency {args.concurrency}; "
        f"{', '.join(map(str, dumps))}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
