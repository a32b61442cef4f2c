"""Intake benchmark: ``POST /v1/actes`` of Prevex against a bare Starlette + asyncpg endpoint.

    uv run python bench/intake.py [--requests N] [--concurrency C] [--database-url URL] [...]

Both servers run as real uvicorn processes (one worker each) on loopback ports, against the same
PostgreSQL server; each gets a warm-up, then N requests at concurrency C from an httpx load generator
running in separate process(es). Progress goes to stderr, the figures to stdout. See bench/README.md.

The database: ``--database-url``, else ``PREVEX_BENCH_DATABASE_URL``, else a fresh database
``prevex_bench_<random>`` on ``postgresql://postgres@127.0.0.1:5432/postgres`` when that answers
(dropped at the end), else an embedded PostgreSQL (pgserver) in a temporary folder (deleted at the end).
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import multiprocessing as mp
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
LOCAL_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
GOAL = 0.5
READY_TIMEOUT_S = 180.0
WARMUP_TIMEOUT_S = 120.0
REQUEST_TIMEOUT_S = 60.0


class BenchError(Exception):
    """Setup failed; the message says what to do."""


class Interrupted(BaseException):
    """SIGTERM: unwind like Ctrl-C so that everything is cleaned up."""


def log(message: str) -> None:
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr closed (e.g. piped into `head`): keep cleaning up
        pass


# --------------------------------------------------------------------------------------------------
# Request bodies
# --------------------------------------------------------------------------------------------------


def make_bodies(run_id: str, count: int, phase: str) -> list[bytes]:
    """``count`` valid commandement_de_payer acts, each with its own reference and household."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from app.schemas.actes import EXEMPLES

    template = copy.deepcopy(EXEMPLES["commandement_de_payer"])
    template.pop("dossier_id", None)
    bodies = []
    for i in range(count):
        body = copy.deepcopy(template)
        tag = f"{run_id}{phase}{i:06d}"
        body["reference"] = f"BENCH-{tag}"
        body["logement"]["adresse"] = f"{i % 300 + 1} rue du Banc d'Essai {tag}"
        body["occupants"][0]["nom"] = f"BENCH{tag.upper()}"
        bodies.append(json.dumps(body, ensure_ascii=False).encode())
    return bodies


# --------------------------------------------------------------------------------------------------
# Load generator (runs in child processes)
# --------------------------------------------------------------------------------------------------


@dataclass
class Shared:
    """What the parent and the load-generator processes share during one phase."""

    warm_done: Any
    done: Any
    errors: Any
    ready: Any
    finished: Any
    go: Any
    stop: Any


def new_shared(ctx: Any) -> Shared:
    return Shared(
        warm_done=ctx.Value("q", 0),
        done=ctx.Value("q", 0),
        errors=ctx.Value("q", 0),
        ready=ctx.Value("i", 0),
        finished=ctx.Value("i", 0),
        go=ctx.Event(),
        stop=ctx.Event(),
    )


def _bump(value: Any, by: int = 1) -> None:
    with value.get_lock():
        value.value += by


class RawHttp:
    """A minimal HTTP/1.1 keep-alive client, one connection per worker: it costs the load generator
    ~0.1 ms of CPU per request where httpx costs ~2-4 ms (measured on the 2-CPU machine of the README),
    which matters when client and servers share the CPUs. Handles Content-Length, chunked bodies and
    ``Connection: close``; anything it cannot read is an error and the connection is reopened."""

    def __init__(self, url: str, headers: dict[str, str], concurrency: int) -> None:
        parsed = httpx.URL(url)
        self.host, self.port = parsed.host, parsed.port or 80
        lines = ["POST /v1/actes HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        self.head = ("\r\n".join(lines) + "\r\nContent-Length: ").encode("latin-1")
        self.conns: list[tuple[asyncio.StreamReader, asyncio.StreamWriter] | None] = [None] * concurrency

    async def post(self, worker: int, body: bytes) -> tuple[int, bytes]:
        conn = self.conns[worker]
        if conn is None:
            conn = await asyncio.open_connection(self.host, self.port)
            self.conns[worker] = conn
        reader, writer = conn
        try:
            writer.write(self.head + str(len(body)).encode() + b"\r\n\r\n" + body)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            fields = head.lower()
            close = b"\r\nconnection: close" in fields
            at = fields.find(b"\r\ncontent-length:")
            if at >= 0:
                content = await reader.readexactly(int(fields[at + 17 : fields.index(b"\r\n", at + 2)]))
            elif b"\r\ntransfer-encoding: chunked" in fields:
                parts = []
                while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                    parts.append((await reader.readexactly(size + 2))[:-2])
                await reader.readuntil(b"\r\n")
                content = b"".join(parts)
            else:
                content, close = await reader.read(), True
        except BaseException:
            self.conns[worker] = None
            writer.close()
            raise
        if close:
            self.conns[worker] = None
            writer.close()
        return status, content

    async def aclose(self) -> None:
        for conn in self.conns:
            if conn is not None:
                conn[1].close()


class HttpxHttp:
    """httpx.AsyncClient, one pool shared by the workers."""

    def __init__(self, url: str, headers: dict[str, str], concurrency: int) -> None:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        self.client = httpx.AsyncClient(
            base_url=url, headers=headers, limits=limits, timeout=httpx.Timeout(60.0)
        )

    async def post(self, worker: int, body: bytes) -> tuple[int, bytes]:
        response = await self.client.post("/v1/actes", content=body)
        return response.status_code, response.content

    async def aclose(self) -> None:
        await self.client.aclose()


async def _drive(
    http: RawHttp | HttpxHttp,
    bodies: list[bytes],
    concurrency: int,
    deadline: float,
    counter: Any,
    errors: Any | None,
    stop: Any,
) -> tuple[list[float], Counter[str], list[str]]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    samples: list[str] = []
    indices = iter(range(len(bodies)))

    async def worker(w: int) -> None:
        for i in indices:
            if time.monotonic() > deadline or stop.is_set():
                return
            started = time.perf_counter()
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT_S):
                    code, content = await http.post(w, bodies[i])
                status, ok = str(code), 200 <= code < 300
                if not ok and len(samples) < 5:
                    samples.append(f"{status}: {content[:300].decode(errors='replace')}")
            except (OSError, ValueError, TimeoutError, asyncio.IncompleteReadError, httpx.HTTPError) as exc:
                status, ok = type(exc).__name__, False
                if len(samples) < 5:
                    samples.append(f"{status}: {exc}"[:300])
            latencies.append(time.perf_counter() - started)
            statuses[status] += 1
            _bump(counter)
            if not ok and errors is not None:
                _bump(errors)

    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    return latencies, statuses, samples


async def _client(
    kind: str,
    url: str,
    token: str,
    warm_bodies: list[bytes],
    bodies: list[bytes],
    concurrency: int,
    max_seconds: float,
    shared: Shared,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    http = (RawHttp if kind == "raw" else HttpxHttp)(url, headers, concurrency)
    try:
        await _drive(
            http,
            warm_bodies,
            concurrency,
            time.monotonic() + WARMUP_TIMEOUT_S,
            shared.warm_done,
            None,
            shared.stop,
        )
        _bump(shared.ready)
        if not shared.go.wait(timeout=READY_TIMEOUT_S):
            return {"aborted": True}
        cpu0, t0 = time.process_time(), time.monotonic()
        latencies, statuses, samples = await _drive(
            http, bodies, concurrency, t0 + max_seconds, shared.done, shared.errors, shared.stop
        )
        t1, cpu1 = time.monotonic(), time.process_time()
        _bump(shared.finished)
    finally:
        await http.aclose()
    return {
        "start": t0,
        "end": t1,
        "cpu": cpu1 - cpu0,
        "latencies": latencies,
        "statuses": dict(statuses),
        "samples": samples,
    }


def client_process(
    kind: str,
    url: str,
    token: str,
    warm_bodies: list[bytes],
    bodies: list[bytes],
    concurrency: int,
    max_seconds: float,
    shared: Shared,
    results: Any,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it sets `stop` on Ctrl-C
    try:
        import uvloop

        runner = uvloop.run
    except ImportError:
        runner = asyncio.run
    try:
        result = runner(_client(kind, url, token, warm_bodies, bodies, concurrency, max_seconds, shared))
    except Exception as exc:  # reported by the parent
        result = {"crashed": f"{type(exc).__name__}: {exc}"}
    results.put(result)


# --------------------------------------------------------------------------------------------------
# CPU accounting
# --------------------------------------------------------------------------------------------------


def _tree_cpu(pid: int) -> float:
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


_CLIENT_BACKEND = re.compile(r"\(\d+\)|\[local\]")


def _postgres_cpu(postmaster: int | None, database: str | None) -> dict[int, float]:
    """CPU seconds of the PostgreSQL server's processes that work for us: the postmaster, its background
    processes (WAL writer, checkpointer, autovacuum...) and the backends connected to our database (not
    the backends of other databases of a shared server)."""
    if postmaster is None:
        return {}
    try:
        root = psutil.Process(postmaster)
        procs = [root, *root.children()]
    except psutil.NoSuchProcess:
        return {}
    out: dict[int, float] = {}
    for p in procs:
        try:
            if p.pid != postmaster and database:
                title = " ".join(p.cmdline())
                if _CLIENT_BACKEND.search(title) and f" {database} " not in title:
                    continue
            t = p.cpu_times()
            out[p.pid] = t.user + t.system
        except psutil.Error:
            pass
    return out


@dataclass
class CpuSnapshot:
    when: float
    system: Any
    server: float
    postgres: dict[int, float]

    @classmethod
    def take(cls, server_pid: int, postmaster: tuple[int, str] | None) -> CpuSnapshot:
        pg = _postgres_cpu(*postmaster) if postmaster else {}
        return cls(time.monotonic(), psutil.cpu_times(), _tree_cpu(server_pid), pg)


def cpu_between(a: CpuSnapshot, b: CpuSnapshot) -> dict[str, float]:
    """Cores busy on average between two snapshots."""
    wall = max(b.when - a.when, 1e-9)
    total = sum(b.system) - sum(a.system)
    idle = (b.system.idle + getattr(b.system, "iowait", 0.0)) - (
        a.system.idle + getattr(a.system, "iowait", 0.0)
    )
    cores = psutil.cpu_count() or 1
    pg = sum(cpu - a.postgres.get(pid, 0.0) for pid, cpu in b.postgres.items())
    return {
        "machine": cores * (total - idle) / total if total > 0 else 0.0,
        "server": (b.server - a.server) / wall,
        "postgres": pg / wall if b.postgres else float("nan"),
    }


# --------------------------------------------------------------------------------------------------
# One measured phase
# --------------------------------------------------------------------------------------------------


@dataclass
class PhaseResult:
    target: str
    requested: int
    completed: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    client_cpu: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if not (s.isdigit() and 200 <= int(s) < 300))

    @property
    def rps(self) -> float:
        return self.completed / self.elapsed if self.elapsed > 0 else 0.0


def run_phase(
    ctx: Any,
    client_kind: str,
    target: str,
    url: str,
    token: str,
    server_pid: int,
    postmaster: tuple[int, str] | None,
    warm_bodies: list[bytes],
    bodies: list[bytes],
    concurrency: int,
    clients: int,
    max_seconds: float,
    before_measure: Callable[[], None] | None = None,
) -> PhaseResult:
    shared = new_shared(ctx)
    results = ctx.Queue()
    procs = []
    for k in range(clients):
        share = concurrency // clients + (1 if k < concurrency % clients else 0)
        p = ctx.Process(
            target=client_process,
            args=(
                client_kind,
                url,
                token,
                warm_bodies[k::clients],
                bodies[k::clients],
                share,
                max_seconds,
                shared,
                results,
            ),
            daemon=True,
        )
        p.start()
        procs.append(p)
    try:
        return _watch_phase(
            target,
            shared,
            results,
            procs,
            server_pid,
            postmaster,
            len(warm_bodies),
            len(bodies),
            max_seconds,
            before_measure,
        )
    finally:
        shared.stop.set()
        shared.go.set()
        for p in procs:
            p.join(timeout=10)
            if p.is_alive():
                p.kill()
                p.join(timeout=5)


def _progress(label: str, done: int, total: int, started: float, errors: int | None = None) -> None:
    elapsed = time.monotonic() - started
    rate = done / elapsed if elapsed > 0 else 0.0
    extra = f", {errors} errors" if errors else ""
    log(f"  [{label}] {done}/{total} requests, {rate:.0f} req/s{extra}")


def _watch_phase(
    target: str,
    shared: Shared,
    results: Any,
    procs: list[Any],
    server_pid: int,
    postmaster: tuple[int, str] | None,
    n_warm: int,
    n_measure: int,
    max_seconds: float,
    before_measure: Callable[[], None] | None,
) -> PhaseResult:
    clients = len(procs)

    def check_alive() -> None:
        dead = [p for p in procs if not p.is_alive() and p.exitcode not in (0, None)]
        if dead:
            raise BenchError(f"a load-generator process died (exit code {dead[0].exitcode})")

    # warm-up
    started = time.monotonic()
    last = started
    while shared.ready.value < clients:
        time.sleep(0.1)
        check_alive()
        if all(not p.is_alive() for p in procs):
            break
        now = time.monotonic()
        if now - last >= 1.0:
            _progress(f"{target} warm-up", shared.warm_done.value, n_warm, started)
            last = now
        if now - started > WARMUP_TIMEOUT_S + 30:
            raise BenchError(f"{target}: the warm-up did not finish in {WARMUP_TIMEOUT_S:.0f} s")
    _progress(f"{target} warm-up", shared.warm_done.value, n_warm, started)

    # measure
    if before_measure is not None:
        before_measure()
    before = CpuSnapshot.take(server_pid, postmaster)
    # PostgreSQL processes that end during the run (autovacuum workers...) keep the CPU last seen
    seen_pg: dict[int, float] = dict(before.postgres)
    shared.go.set()
    started = last = time.monotonic()
    while shared.finished.value < clients:
        time.sleep(0.05)
        check_alive()
        if all(not p.is_alive() for p in procs):
            break
        now = time.monotonic()
        if now - last >= 1.0:
            _progress(f"{target} measure", shared.done.value, n_measure, started, shared.errors.value)
            if postmaster is not None:
                seen_pg.update(_postgres_cpu(*postmaster))
            last = now
        if now - started > max_seconds + 60:
            raise BenchError(f"{target}: the load generator did not stop after {max_seconds:.0f} s")
    after = CpuSnapshot.take(server_pid, postmaster)
    after.postgres = {**seen_pg, **after.postgres}
    _progress(f"{target} measure", shared.done.value, n_measure, started, shared.errors.value)

    result = PhaseResult(target=target, requested=n_measure)
    parts = []
    for _ in procs:
        try:
            part = results.get(timeout=30)
        except Exception as exc:
            raise BenchError(f"{target}: a load-generator process sent no result") from exc
        if "crashed" in part:
            raise BenchError(f"{target}: the load generator failed: {part['crashed']}")
        if "aborted" in part:
            raise BenchError(f"{target}: the load generator was aborted")
        parts.append(part)
    result.elapsed = max(p["end"] for p in parts) - min(p["start"] for p in parts)
    for p in parts:
        result.latencies.extend(p["latencies"])
        result.statuses.update(p["statuses"])
        result.samples.extend(p["samples"])
        result.client_cpu += p["cpu"]
    result.completed = len(result.latencies)
    result.cpu = cpu_between(before, after)
    result.cpu["client"] = result.client_cpu / result.elapsed if result.elapsed > 0 else 0.0
    if result.completed < n_measure:
        log(
            f"  [{target}] time limit ({max_seconds:.0f} s) reached: {n_measure - result.completed} requests not sent"
        )
    for s in result.samples:
        log(f"  [{target}] error sample: {s}")
    return result


# --------------------------------------------------------------------------------------------------
# Databases and servers
# --------------------------------------------------------------------------------------------------


def asyncpg_dsn(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def _pg(url: str, *statements: str, fetch: str | None = None) -> Any:
    import asyncpg

    conn = await asyncpg.connect(asyncpg_dsn(url), timeout=5)
    try:
        for statement in statements:
            await conn.execute(statement)
        return await conn.fetchval(fetch) if fetch else None
    finally:
        await conn.close()


async def postmaster_pid(url: str) -> tuple[int, str] | None:
    """The pid of the PostgreSQL server's main process when it runs on this machine (for CPU figures)."""
    import asyncpg

    conn = await asyncpg.connect(asyncpg_dsn(url), timeout=5)
    try:
        backend = await conn.fetchval("SELECT pg_backend_pid()")
        try:
            process = psutil.Process(backend)
            parent = process.parent()
            if process.name() in ("postgres", "postmaster") and parent is not None:
                return int(parent.pid), str(await conn.fetchval("SELECT current_database()"))
        except psutil.Error:
            pass
        return None
    finally:
        await conn.close()


def pg(url: str, *statements: str, fetch: str | None = None) -> Any:
    return asyncio.run(_pg(url, *statements, fetch=fetch))


def analyze(url: str) -> None:
    """``--analyze``: refresh the planner's statistics after the warm-up, as autovacuum would within a
    minute. By default the fresh benchmark tables are never analysed during a short run (like a new
    deployment's first minute); the plans of some Prevex queries depend on it (see README)."""
    try:
        pg(url, "ANALYZE")
    except Exception as exc:
        log(f"warning: ANALYZE failed ({type(exc).__name__}: {exc}); the planner may lack statistics")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    def tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


@dataclass
class Resources:
    """Everything to undo at the end, whatever happens."""

    tmpdir: Path
    servers: list[Server] = field(default_factory=list)
    admin_url: str | None = None
    created_database: str | None = None
    created_table: tuple[str, str] | None = None  # (database url, table)
    embedded: Any = None

    def cleanup(self) -> None:
        for server in self.servers:
            stop_process(server.process)
        if self.created_table is not None:
            url, table = self.created_table
            try:
                pg(url, f"DROP TABLE IF EXISTS {table}")
            except Exception as exc:
                log(f"warning: could not drop table {table}: {exc}")
        if self.created_database is not None and self.admin_url is not None:
            try:
                pg(self.admin_url, f'DROP DATABASE IF EXISTS "{self.created_database}" WITH (FORCE)')
                log(f"dropped database {self.created_database}")
            except Exception as exc:
                log(f"warning: could not drop database {self.created_database}: {exc}")
        if self.embedded is not None:
            try:
                self.embedded.cleanup()
                log("stopped the embedded PostgreSQL")
            except Exception as exc:
                log(f"warning: could not stop the embedded PostgreSQL: {exc}")
        shutil.rmtree(self.tmpdir, ignore_errors=True)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group we started, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@dataclass
class DatabaseChoice:
    url: str
    description: str


def choose_database(args: argparse.Namespace, res: Resources) -> DatabaseChoice:
    given = args.database_url or os.environ.get("PREVEX_BENCH_DATABASE_URL")
    if given:
        origin = "--database-url" if args.database_url else "PREVEX_BENCH_DATABASE_URL"
        try:
            version = pg(given, fetch="SHOW server_version")
        except Exception as exc:
            raise BenchError(f"{origin}: cannot connect ({type(exc).__name__}: {exc})") from None
        log(f"database: {origin} (Prevex migrates it; the acts filed by the benchmark stay in it)")
        return DatabaseChoice(given, f"PostgreSQL {version}, {origin} (given)")
    name = f"prevex_bench_{secrets.token_hex(4)}"
    if not args.embedded:
        try:
            pg(LOCAL_ADMIN_URL, f'CREATE DATABASE "{name}"')
        except Exception as exc:
            log(
                f"database: no usable PostgreSQL at 127.0.0.1:5432 ({type(exc).__name__}); using an embedded one"
            )
        else:
            res.admin_url, res.created_database = LOCAL_ADMIN_URL, name
            log(f"database: fresh database {name} on 127.0.0.1:5432 (dropped at the end)")
            version = pg(LOCAL_ADMIN_URL, fetch="SHOW server_version")
            return DatabaseChoice(
                _with_database(LOCAL_ADMIN_URL, name),
                f"PostgreSQL {version} at 127.0.0.1:5432, fresh database {name}",
            )
    log("database: starting an embedded PostgreSQL (pgserver) in a temporary folder")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

        server = pgserver.get_server(res.tmpdir / "pgdata", cleanup_mode="delete")
    res.embedded = server
    server.psql(f'CREATE DATABASE "{name}";')
    url: str = server.get_uri(name)
    version = pg(url, fetch="SHOW server_version")
    return DatabaseChoice(url, f"embedded PostgreSQL {version} (pgserver, Unix socket), database {name}")


def start_server(
    res: Resources, name: str, command: list[str], env: dict[str, str], *, port: bool = True
) -> Server:
    """A process of ours, in its own process group, its output in a log file; with ``port``, a free
    port is given to it (``--port``)."""
    number = free_port() if port else 0
    command = [*command, "--port", str(number)] if port else command
    log_path = res.tmpdir / f"{name}.log"
    with open(log_path, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: Ctrl-C reaches us only, we stop it
        )
    server = Server(name, process, f"http://127.0.0.1:{number}", log_path)
    res.servers.append(server)
    return server


def wait_ready(server: Server, path: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    last_problem = ""
    with httpx.Client(base_url=server.url, timeout=5.0) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise BenchError(
                    f"{server.name} exited with code {server.process.returncode} while starting:\n{server.tail()}"
                )
            try:
                response = client.get(path)
                if response.status_code == 200:
                    return
                last_problem = f"{path} answered {response.status_code}: {response.text[:200]}"
            except httpx.HTTPError as exc:
                last_problem = type(exc).__name__
            time.sleep(0.25)
    raise BenchError(
        f"{server.name} not ready after {READY_TIMEOUT_S:.0f} s ({last_problem}):\n{server.tail()}"
    )


def prevex_command() -> list[str]:
    script = Path(sys.executable).with_name("prevex")
    return [str(script)] if script.exists() else ["uv", "run", "prevex"]


def luhn_siret() -> str:
    """A random SIRET with valid checksums (SIREN and SIRET are both Luhn)."""
    from stdnum import luhn

    siren = f"{secrets.randbelow(10**8):08d}"
    siren += luhn.calc_check_digit(siren)
    nic = f"{secrets.randbelow(10**4):04d}"
    return siren + nic + luhn.calc_check_digit(siren + nic)


def partner_via_cli(env: dict[str, str], kind: str, name: str) -> dict[str, Any]:
    """A new partner of the 93, made by ``prevex partners create --json`` (as an operator would): its
    ids and one-time secret."""
    created = subprocess.run(
        [
            *prevex_command(),
            "partners",
            "create",
            "--kind",
            kind,
            "--name",
            name,
            "--siret",
            luhn_siret(),
            "--territory",
            "93",
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if created.returncode != 0:
        raise BenchError(f"`prevex partners create` failed ({created.returncode}):\n{created.stderr[-2000:]}")
    found: dict[str, Any] = json.loads(created.stdout.strip().splitlines()[-1])
    return found


def prevex_token(server: Server, env: dict[str, str]) -> str:
    creds = partner_via_cli(env, "commissaire_justice", "Étude du banc d'essai")
    response = httpx.post(
        f"{server.url}/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": creds["client_id"],
            "client_secret": creds["client_secret"],
        },
        timeout=30,
    )
    if response.status_code != 200:
        raise BenchError(f"POST /v1/oauth/token answered {response.status_code}: {response.text[:500]}")
    token: str = response.json()["access_token"]
    return token


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def _nz(x: float) -> float:
    return 0.0 if x != x else x  # NaN (no local PostgreSQL process seen) counts as 0


def _status_summary(statuses: Counter[str]) -> str:
    return ", ".join(f"{s}×{n}" for s, n in sorted(statuses.items())) or "-"


def report(
    args: argparse.Namespace, db: DatabaseChoice, pool_size: int, rounds: list[dict[str, PhaseResult]]
) -> None:
    targets = [t for t in ("prevex", "baseline") if t in rounds[0]]
    pooled: dict[str, PhaseResult] = {}
    for t in targets:
        agg = PhaseResult(target=t, requested=0)
        for r in rounds:
            p = r[t]
            agg.requested += p.requested
            agg.completed += p.completed
            agg.elapsed += p.elapsed
            agg.latencies.extend(p.latencies)
            agg.statuses.update(p.statuses)
            agg.client_cpu += p.client_cpu
        agg.cpu = {  # weighted by each round's duration
            k: sum(r[t].cpu[k] * r[t].elapsed for r in rounds) / agg.elapsed if agg.elapsed > 0 else 0.0
            for k in rounds[0][t].cpu
        }
        pooled[t] = agg

    cores = psutil.cpu_count() or 1
    print("Prevex intake benchmark: POST /v1/actes (commandement_de_payer, one new household per request)")
    print(
        f"  {args.requests} measured requests per server and round, {args.warmup} warm-up, concurrency "
        f"{args.concurrency}, {args.rounds} round(s), {args.clients} load-generator process(es) ({args.client} client)"
    )
    stats = "ANALYZE after each warm-up" if args.analyze else "tables not analysed (fresh database)"
    print(f"  machine: {cores} CPU(s), Python {sys.version.split()[0]}; database: {db.description}; {stats}")
    print(
        f"  servers: uvicorn, 1 worker each, uvloop + httptools; Prevex pool {pool_size} (+ PREVEX_DB_MAX_OVERFLOW, default 0), "
        f"baseline asyncpg pool {pool_size}"
    )
    print()
    names = {"prevex": "Prevex", "baseline": "baseline"}
    header = f"  {'':34}" + "".join(f"{names[t]:>14}" for t in targets)
    print(header)

    def row(label: str, fmt: Any) -> None:
        print(f"  {label:34}" + "".join(f"{fmt(pooled[t]):>14}" for t in targets))

    row("requests completed", lambda p: f"{p.completed}/{p.requested}")
    row("errors (non-2xx or transport)", lambda p: str(p.errors))
    row("throughput (req/s)", lambda p: f"{p.rps:.1f}")
    if len(rounds) > 1:
        for i, r in enumerate(rounds, 1):
            print(f"  {'  round ' + str(i):34}" + "".join(f"{r[t].rps:>14.1f}" for t in targets))
    row("latency p50 (ms)", lambda p: f"{_pct(p.latencies, 0.50) * 1000:.1f}")
    row("latency p95 (ms)", lambda p: f"{_pct(p.latencies, 0.95) * 1000:.1f}")
    row("latency p99 (ms)", lambda p: f"{_pct(p.latencies, 0.99) * 1000:.1f}")
    row("latency max (ms)", lambda p: f"{max(p.latencies, default=float('nan')) * 1000:.1f}")
    print(f"  CPU during the measurement, in cores (of {cores}):")
    row("  server process", lambda p: f"{p.cpu['server']:.2f}")
    row("  load generator (client)", lambda p: f"{p.cpu['client']:.2f}")
    row(
        "  PostgreSQL (ours + background)",
        lambda p: "not local" if p.cpu["postgres"] != p.cpu["postgres"] else f"{p.cpu['postgres']:.2f}",
    )
    row(
        "  anything else",
        lambda p: (
            f"{max(0.0, p.cpu['machine'] - p.cpu['server'] - p.cpu['client'] - _nz(p.cpu['postgres'])):.2f}"
        ),
    )
    row("  whole machine", lambda p: f"{p.cpu['machine']:.2f}")
    row("client CPU per request (ms)", lambda p: f"{p.client_cpu / max(p.completed, 1) * 1000:.2f}")
    row(
        "server CPU per request (ms)",
        lambda p: f"{p.cpu['server'] * p.elapsed / max(p.completed, 1) * 1000:.2f}",
    )
    row("status codes", lambda p: _status_summary(p.statuses))
    print()
    if "prevex" in pooled and "baseline" in pooled and pooled["baseline"].rps > 0:
        ratio = pooled["prevex"].rps / pooled["baseline"].rps
        verdict = "meets the goal" if ratio >= GOAL else "BELOW the goal"
        if any(p.cpu["client"] >= 0.85 * args.clients for p in pooled.values()):
            verdict += "; INCONCLUSIVE, the load generator was saturated, see below"
        print(f"  ratio Prevex / baseline throughput: {ratio:.3f} (goal >= {GOAL}: {verdict})")
        if len(rounds) > 1:
            per_round = [r["prevex"].rps / r["baseline"].rps for r in rounds if r["baseline"].rps > 0]
            print(f"  per-round ratios: {', '.join(f'{x:.3f}' for x in per_round)}")
    busy = max(
        p.cpu["machine"] - p.cpu["server"] - p.cpu["client"] - _nz(p.cpu["postgres"]) for p in pooled.values()
    )
    for p in pooled.values():
        if p.cpu["client"] >= 0.85 * args.clients:
            print(
                f"  WARNING: the load generator was saturated during the {names[p.target]} run "
                f"({p.cpu['client']:.2f} core(s) for {args.clients} process(es)): that throughput is the "
                "client's limit, not the server's (try --client raw, or more --clients on a bigger machine)."
            )
    if busy > 0.25:
        print(
            f"  WARNING: other work used up to {busy:.2f} core(s) during a measurement: the figures are "
            "disturbed; rerun on a quiet machine (or use --rounds to alternate the servers)."
        )
    print(
        f"  note: the load generator, both servers and PostgreSQL share the same {cores} CPU(s); when "
        f"'whole machine' is close to {cores}, the machine (not only the server) is the limit, and the "
        "client's CPU is taken from the servers."
    )
    sys.stdout.flush()


# --------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Throughput of Prevex's POST /v1/actes against a bare Starlette + asyncpg insert.",
    )
    parser.add_argument(
        "--requests", "-n", type=int, default=3000, help="measured requests per server (3000)"
    )
    parser.add_argument("--concurrency", "-c", type=int, default=32, help="requests in flight (32)")
    parser.add_argument("--warmup", type=int, default=200, help="warm-up requests per server (200)")
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="load generator: a minimal asyncio HTTP/1.1 client (raw, default) or httpx.AsyncClient",
    )
    parser.add_argument("--clients", type=int, default=1, help="load-generator processes sharing -c (1)")
    parser.add_argument("--rounds", type=int, default=1, help="alternate Prevex/baseline this many times (1)")
    parser.add_argument(
        "--max-seconds", type=float, default=300.0, help="time limit of each measured phase, in seconds (300)"
    )
    parser.add_argument(
        "--analyze", action="store_true", help="ANALYZE the database after each warm-up (see README)"
    )
    parser.add_argument("--database-url", help="PostgreSQL URL to use (else PREVEX_BENCH_DATABASE_URL, ...)")
    parser.add_argument(
        "--embedded", action="store_true", help="use an embedded PostgreSQL even if one runs locally"
    )
    parser.add_argument(
        "--only", choices=("prevex", "baseline"), help="measure one server only (no ratio); for profiling"
    )
    args = parser.parse_args(argv)
    for name in ("requests", "concurrency", "clients", "rounds"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0 or args.max_seconds <= 0:
        parser.error("--warmup must be >= 0 and --max-seconds > 0")
    if args.clients > args.concurrency:
        parser.error("--clients cannot exceed --concurrency")
    return args


def bench(args: argparse.Namespace, res: Resources) -> int:
    from app.core.config import Settings

    try:
        pool_size = Settings().db_pool_size  # what `prevex serve` will use (environment, .env)
    except Exception:  # e.g. PREVEX_ENVIRONMENT=production without a URL in this shell
        pool_size = Settings.model_fields["db_pool_size"].default
    db = choose_database(args, res)
    postmaster = asyncio.run(postmaster_pid(db.url))
    run_id = secrets.token_hex(3)

    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    for key in ("PREVEX_LOG_LEVEL", "PREVEX_DB_POOL_SIZE", "PREVEX_DB_MAX_OVERFLOW"):
        if key in os.environ:
            base_env[key] = os.environ[key]
    prevex_env = {
        **base_env,
        "PREVEX_DATABASE_URL": db.url,
        "PREVEX_DATA_DIR": str(res.tmpdir / "prevex-data"),
    }
    table = "bench_baseline_actes" if res.created_database or res.embedded else f"bench_baseline_{run_id}"
    baseline_env = {
        **base_env,
        "BENCH_BASELINE_DATABASE_URL": db.url,
        "BENCH_BASELINE_TABLE": table,
        "BENCH_BASELINE_POOL_SIZE": str(pool_size),
    }
    targets = [args.only] if args.only else ["prevex", "baseline"]
    token = "x" * 800  # about the size of a Prevex access token; replaced by a real one below

    servers: dict[str, Server] = {}
    if "prevex" in targets:
        log("starting Prevex (`prevex serve`, migrates the database first)")
        servers["prevex"] = start_server(
            res, "prevex", [*prevex_command(), "serve", "--host", "127.0.0.1"], prevex_env
        )
    if "baseline" in targets:
        log("starting the baseline (uvicorn bench.baseline:app)")
        servers["baseline"] = start_server(
            res,
            "baseline",
            [
                sys.executable,
                "-m",
                "uvicorn",
                "bench.baseline:app",
                "--host",
                "127.0.0.1",
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            baseline_env,
        )
        res.created_table = (db.url, table) if not res.created_database and not res.embedded else None
    for name, server in servers.items():
        wait_ready(server, "/readyz")
        log(f"{name} ready at {server.url} (pid {server.process.pid})")

    ctx = mp.get_context("spawn")
    rounds: list[dict[str, PhaseResult]] = []
    for round_no in range(1, args.rounds + 1):
        bodies = make_bodies(run_id, args.requests, f"R{round_no}")
        outcome: dict[str, PhaseResult] = {}
        for name in targets:
            server = servers[name]
            if name == "prevex":
                log("creating a commissaire_justice partner and getting a token")
                token = prevex_token(server, prevex_env)
            # The baseline ignores the header; it gets the same bytes as Prevex (or as many).
            # Warm-up acts of their own (reference and household) per target and round; the measured
            # acts are the same for both targets (Prevex sees each of them once).
            warm = make_bodies(run_id, args.warmup, f"W{name[0]}{round_no}")
            log(
                f"round {round_no}/{args.rounds}: {name}: {args.warmup} warm-up then {args.requests} measured "
                f"requests at concurrency {args.concurrency}"
            )
            outcome[name] = run_phase(
                ctx,
                args.client,
                name,
                server.url,
                token,
                server.process.pid,
                postmaster,
                warm,
                bodies,
                args.concurrency,
                args.clients,
                args.max_seconds,
                before_measure=(lambda: analyze(db.url)) if args.analyze else None,
            )
            if server.process.poll() is not None:
                raise BenchError(f"{name} exited during the benchmark:\n{server.tail()}")
        rounds.append(outcome)
    report(args, db, pool_size, rounds)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def on_sigterm(signum: int, frame: Any) -> None:
        raise Interrupted()

    signal.signal(signal.SIGTERM, on_sigterm)
    res = Resources(tmpdir=Path(tempfile.mkdtemp(prefix="prevex-bench-")))
    code = 1
    try:
        code = bench(args, res)
    except (KeyboardInterrupt, Interrupted):
        log("interrupted: cleaning up")
        code = 130
    except BenchError as exc:
        log(f"error: {exc}")
        code = 1
    finally:
        previous = signal.signal(signal.SIGINT, lambda *_: log("cleaning up, please wait"))
        try:
            res.cleanup()
        finally:
            signal.signal(signal.SIGINT, previous)
    return code


if __name__ == "__main__":
    sys.exit(main())
