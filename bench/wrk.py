"""An outside load generator beside ours, and the API's memory (issue 13, items 4 and 5).

    uv run python bench/wrk.py                       # wrk on Prevex and the baseline, peak RSS, batches
    uv run python bench/wrk.py --workers 2           # Prevex as `prevex serve --workers 2`
    uv run python bench/wrk.py --duration 30 --connections 32 --rounds 2

Needs ``wrk`` (Debian's package: ``apt-get install wrk``). The servers, the database and the token are
made as ``bench/intake.py`` makes them (the same functions): a fresh database on the local PostgreSQL
(or ``--database-url``, or an embedded one), ``prevex serve`` and the bare baseline
(``bench/baseline.py``), a commissaire de justice made by ``prevex partners create``.

1. **wrk**, per server and round: a warm-up of ``--warmup`` seconds, then ``--duration`` seconds at
   ``--connections`` connections on ``--threads`` threads, ``POST /v1/actes`` with the schema's
   ``commandement_de_payer`` example, each request with its own reference and household (a Lua script
   numbers them per thread). wrk's requests/s and latency percentiles are printed for both servers, and
   their ratio, to be read beside ``bench/intake.py``'s own client. Then Prevex **paced at half its best
   rate** (``--paced-connections`` connections, each pausing after every answer with wrk's ``delay()``):
   the latency a partner sees when the server is not saturated (goal p99 <= 20 ms).
2. **Peak RSS** of the Prevex server (the process and its children: the uvicorn workers), sampled every
   20 ms: during the wrk load, during ``POST /v1/actes/lot`` of ``--batch`` acts answered as one JSON
   document, and during the same batch streamed as NDJSON (``Accept: application/x-ndjson``). Goal
   200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.intake import (  # noqa: E402
    Resources,
    Server,
    choose_database,
    log,
    make_bodies,
    prevex_command,
    prevex_token,
    start_server,
    wait_ready,
)

LUA = r"""
local template = [==[@BODY@]==]
local token = "@TOKEN@"
local counter = 0
local tid = 0
local threads = {}

function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end

function init(args)
  run = args[1] or "w"
  pause = tonumber(args[2] or "0")
end

function delay()
  return pause
end

request = function()
  counter = counter + 1
  local tag = run .. tid .. "x" .. counter
  local body = template:gsub("@TAG@", tag)
  return wrk.format("POST", "/v1/actes", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
"""


class PeakRss:
    """The largest resident set of a process and its children, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        self.process = psutil.Process(pid)
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(self.every)

    def __enter__(self) -> PeakRss:
        self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def now_mb(self) -> float:
        return self._sample() / 2**20


def template_body() -> str:
    """The example CDP with ``@TAG@`` where each request puts its own reference and household."""
    body = json.loads(make_bodies("tpl", 1, "T")[0])
    body["reference"] = "WRK-@TAG@"
    body["logement"]["adresse"] = "12 rue du Banc d'Essai @TAG@"
    body["occupants"][0]["nom"] = "WRK@TAG@"
    return json.dumps(body, ensure_ascii=False)


_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
_PCT = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_NON2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_ERRORS = re.compile(r"Socket errors:.*")
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(
    url: str,
    script: Path,
    args: argparse.Namespace,
    seconds: float,
    run: str,
    *,
    connections: int | None = None,
    pause_ms: int = 0,
) -> dict[str, Any]:
    connections = connections or args.connections
    command = [
        "wrk",
        f"-t{min(args.threads, connections)}",
        f"-c{connections}",
        f"-d{seconds:.0f}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(script),
        f"{url}/v1/actes",
        "--",
        run,
        str(pause_ms),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 120)
    if done.returncode != 0:
        raise SystemExit(f"wrk failed ({done.returncode}): {done.stderr[-2000:]}")
    out = done.stdout
    rps = _RPS.search(out)
    figures: dict[str, Any] = {
        "rps": float(rps.group(1)) if rps else float("nan"),
        **{f"p{m.group(1)}": float(m.group(2)) * _UNIT[m.group(3)] for m in _PCT.finditer(out)},
        "non2xx": int(m.group(1)) if (m := _NON2XX.search(out)) else 0,
        "socket": m.group(0) if (m := _ERRORS.search(out)) else "",
    }
    return figures


def batch_rss(server: Server, token: str, size: int, streamed: bool) -> tuple[float, float, int]:
    """Peak RSS (MB) while Prevex files one batch of ``size`` new acts, the seconds it took, and how many
    were accepted."""
    bodies = make_bodies(secrets.token_hex(3), size, "L" if streamed else "J")
    payload = b"[" + b",".join(bodies) + b"]"
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if streamed:
        headers["Accept"] = "application/x-ndjson"
    with PeakRss(server.process.pid) as rss, httpx.Client(base_url=server.url, timeout=900) as client:
        started = time.monotonic()
        if streamed:
            accepted = 0
            with client.stream("POST", "/v1/actes/lot", content=payload, headers=headers) as response:
                if response.status_code != 200:
                    raise SystemExit(f"batch answered {response.status_code}")
                for line in response.iter_lines():
                    if line and json.loads(line).get("statut") in (200, 201):
                        accepted += 1
        else:
            response = client.post("/v1/actes/lot", content=payload, headers=headers)
            if response.status_code != 200:
                raise SystemExit(f"batch answered {response.status_code}: {response.text[:300]}")
            accepted = int(response.json()["acceptes"])
        seconds = time.monotonic() - started
    return rss.peak / 2**20, seconds, accepted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per server (20)")
    parser.add_argument("--warmup", type=float, default=5.0, help="warm-up seconds per server (5)")
    parser.add_argument("--connections", "-c", type=int, default=32)
    parser.add_argument("--threads", "-t", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="`prevex serve --workers N` (1)")
    parser.add_argument(
        "--paced-connections", type=int, default=4, help="connections of the paced phase at half the rate (4)"
    )
    parser.add_argument("--job-workers", type=int, default=0, help="`prevex worker` processes beside it (0)")
    parser.add_argument("--batch", type=int, default=5000, help="acts in the batch of the RSS phase (5000)")
    parser.add_argument("--database-url", help="PostgreSQL URL (else a fresh database, as intake.py)")
    parser.add_argument("--embedded", action="store_true")
    args = parser.parse_args(argv)
    if subprocess.run(["which", "wrk"], capture_output=True, check=False).returncode != 0:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")

    res = Resources(Path(tempfile.mkdtemp(prefix="prevex-wrk-")))
    try:
        db = choose_database(args, res)
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
        prevex_env = {
            **base_env,
            "PREVEX_DATABASE_URL": db.url,
            "PREVEX_DATA_DIR": str(res.tmpdir / "prevex-data"),
            "PREVEX_LOG_LEVEL": "WARNING",
        }
        command = [*prevex_command(), "serve", "--host", "127.0.0.1", "--workers", str(args.workers)]
        prevex = start_server(res, "prevex", command, prevex_env)
        baseline = start_server(
            res,
            "baseline",
            [sys.executable, "-m", "uvicorn", "bench.baseline:app", "--host", "127.0.0.1", "--no-access-log"],
            {
                **base_env,
                "BENCH_BASELINE_DATABASE_URL": db.url,
                "BENCH_BASELINE_TABLE": f"bench_wrk_{secrets.token_hex(3)}",
                "BENCH_BASELINE_POOL_SIZE": "10",
            },
        )
        for server in (prevex, baseline):
            wait_ready(server, "/readyz")
        # Background workers beside the API (``prevex worker``, the job queue on the same database): they
        # run the deadline watch and housekeeping while the API is loaded.
        job_workers = [
            start_server(res, f"worker{n}", [*prevex_command(), "worker"], prevex_env, port=False)
            for n in range(args.job_workers)
        ]
        token = prevex_token(prevex, prevex_env)
        script = res.tmpdir / "post.lua"
        script.write_text(LUA.replace("@BODY@", template_body()).replace("@TOKEN@", token))

        results: dict[str, list[dict[str, Any]]] = {"prevex": [], "baseline": []}
        rss_wrk = 0.0
        for round_ in range(args.rounds):
            order = (prevex, baseline) if round_ % 2 == 0 else (baseline, prevex)
            for server in order:
                tag = f"{server.name[0]}{round_}{secrets.token_hex(2)}"
                log(
                    f"round {round_ + 1}: {server.name}: warm-up {args.warmup:.0f} s, then {args.duration:.0f} s"
                )
                run_wrk(server.url, script, args, args.warmup, f"w{tag}")
                with PeakRss(server.process.pid) as rss:
                    figures = run_wrk(server.url, script, args, args.duration, f"m{tag}")
                if server is prevex:
                    rss_wrk = max(rss_wrk, rss.peak / 2**20)
                results[server.name].append(figures)
                log(f"  {figures['rps']:.0f} req/s, p99 {figures.get('p99', float('nan')):.1f} ms")
        # Half of Prevex's best rate, paced: each of --paced-connections connections waits after each
        # answer (wrk's delay()) so that together they send at most that rate.
        half = max(f["rps"] for f in results["prevex"]) / 2
        pause = int(args.paced_connections * 1000 / half)
        log(
            f"Prevex paced at about {half:.0f} req/s ({args.paced_connections} connections, {pause} ms pause)"
        )
        paced = run_wrk(
            prevex.url,
            script,
            args,
            args.duration,
            f"p{secrets.token_hex(2)}",
            connections=args.paced_connections,
            pause_ms=pause,
        )
        log(f"batch of {args.batch} acts, answered as one JSON document")
        rss_json, s_json, ok_json = batch_rss(prevex, token, args.batch, streamed=False)
        log(f"batch of {args.batch} acts, streamed as NDJSON")
        rss_nd, s_nd, ok_nd = batch_rss(prevex, token, args.batch, streamed=True)
        idle = PeakRss(prevex.process.pid).now_mb()
        for worker in job_workers:
            if worker.process.poll() is not None:
                raise SystemExit(f"{worker.name} exited:\n{worker.tail()}")
    finally:
        res.cleanup()

    print(
        f"\nwrk {args.threads} threads, {args.connections} connections, {args.duration:.0f} s per server and round, "
        f"Prevex with {args.workers} API worker(s) and {args.job_workers} job worker(s); {db.description}"
    )
    print(f"{'':10} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, rounds in results.items():
        for f in rounds:
            print(
                f"{name:10} {f['rps']:9.0f} {f.get('p50', float('nan')):8.1f} {f.get('p90', float('nan')):8.1f} "
                f"{f.get('p99', float('nan')):8.1f} {f['non2xx']:8d} {f['socket']}"
            )
    best = {name: max(f["rps"] for f in rounds) for name, rounds in results.items()}
    print(f"ratio Prevex / baseline (best rounds): {best['prevex'] / best['baseline']:.3f}   goal >= 0.5")
    print(
        f"Prevex paced at half its best rate ({half:.0f} req/s asked): {paced['rps']:.0f} req/s, "
        f"p50 {paced.get('p50', float('nan')):.1f} ms, p99 {paced.get('p99', float('nan')):.1f} ms "
        f"(goal p99 <= 20 ms), non-2xx {paced['non2xx']}"
    )
    print("\npeak RSS of the Prevex server (all its processes), goal <= 200 MB")
    print(f"  under the wrk load                      {rss_wrk:7.1f} MB")
    print(
        f"  batch of {args.batch}, one JSON answer        {rss_json:7.1f} MB  ({ok_json} acts in {s_json:.1f} s)"
    )
    print(f"  batch of {args.batch}, NDJSON streamed        {rss_nd:7.1f} MB  ({ok_nd} acts in {s_nd:.1f} s)")
    print(f"  after the batches                       {idle:7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
