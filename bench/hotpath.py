"""Where the CPU of one ``POST /v1/actes`` goes, measured in-process, one request at a time.

    uv run python bench/hotpath.py [--requests N] [--database-url URL] [--embedded] [--cprofile]

No HTTP server and no load generator: the ASGI app of ``create_app`` is called directly, requests are
sent one after the other, and the hot-path functions are wrapped (at run time, in this process; the
app's code is not modified) to record the CPU time (``time.process_time``) spent inside each. With one
request in flight, the CPU time of an ``await`` is only this process's work (waiting for PostgreSQL is
not CPU time). Prints the inclusive CPU time per request of each part, the number of SQL round trips,
the cost of one SQLAlchemy round trip against a bare asyncpg one, and (``--cprofile``) the CPU by
package. The database is chosen as in ``bench/intake.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import inspect
import json
import logging
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.intake import (
    BenchError,
    Resources,
    analyze,
    asyncpg_dsn,
    choose_database,
    log,
    luhn_siret,
    make_bodies,
)

CPU: dict[str, float] = defaultdict(float)
PG_CPU: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
ACTIVE = False
BACKENDS: set[int] = set()  # PostgreSQL backend pids of the app's connections (when PostgreSQL is local)


def _add_backend(pid: int) -> None:
    """Track a backend when it runs on this machine (its /proc entry is a postgres process)."""
    try:
        with open(f"/proc/{pid}/comm") as f:
            if f.read().strip() in ("postgres", "postmaster"):
                BACKENDS.add(pid)
    except OSError:
        pass


def pg_cpu() -> float:
    """CPU seconds used so far by the app's PostgreSQL backends (``/proc/<pid>/schedstat``, ns)."""
    total = 0
    for pid in list(BACKENDS):
        try:
            with open(f"/proc/{pid}/schedstat") as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            BACKENDS.discard(pid)
    return total / 1e9


def _record(label: str, cpu: float, pg: float = 0.0) -> None:
    if ACTIVE:
        CPU[label] += cpu
        PG_CPU[label] += pg
        CALLS[label] += 1


def timed(label: str, fn: Any) -> Any:
    if getattr(fn, "__bench_wrapped__", False):
        return fn
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def awrapper(*args: Any, **kwargs: Any) -> Any:
            started, pg_started = time.process_time(), pg_cpu()
            try:
                return await fn(*args, **kwargs)
            finally:
                _record(label, time.process_time() - started, pg_cpu() - pg_started)

        awrapper.__bench_wrapped__ = True  # type: ignore[attr-defined]
        return awrapper

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _record(label, time.process_time() - started)

    wrapper.__bench_wrapped__ = True  # type: ignore[attr-defined]
    return wrapper


class _TimedJson:
    """Stands for the ``json`` module inside one app module, to time its ``dumps``."""

    def __init__(self, label: str) -> None:
        self.dumps = timed(label, json.dumps)

    def __getattr__(self, name: str) -> Any:
        return getattr(json, name)


def _wrap(module: Any, name: str, label: str) -> None:
    """Time ``module.name`` (looked up at call time by its callers); skip it if the app changed."""
    target = getattr(module, name, None)
    if target is None or not callable(target):
        log(f"note: {module.__name__}.{name} not found; not timed")
        return
    setattr(module, name, timed(label, target))


def instrument() -> None:
    """Wrap the hot path. Nested labels are inclusive (a parent's time contains its children's)."""
    import fastapi.routing
    import starlette.responses
    from sqlalchemy.ext.asyncio.session import AsyncSession, AsyncSessionTransaction

    import app.api.actes as api_actes
    import app.api.deps as deps
    import app.core.logging as core_logging
    import app.services.actes as actes
    import app.services.decisions as decisions

    for name, label in (
        ("read_body", "read_body"),
        ("parse_json", "parse_json (ACTE_ADAPTER.validate_json)"),
        ("file_acte", "file_acte"),
    ):
        _wrap(api_actes, name, label)
    for name in ("token_kid", "decode_token", "_partner_is_active"):
        _wrap(deps, name, f"auth: {name}")
    for name in (
        "authorise",
        "household_keys",
        "_find_dossier",
        "dossier_state",
        "evaluate_dossier",
        "changes",
        "decision_events",
        "render_receipt",
        "compose",
    ):
        _wrap(actes, name, f"file_acte: {name}")
    _wrap(actes, "prepare", "file_acte: prepare (authorise, model_dump, canonical JSON, household keys)")
    actes.json = _TimedJson("file_acte: json.dumps (payload, decision rows, grants, events)")  # type: ignore[assignment]
    for name, label in (
        ("typed_facts", "evaluate_dossier: typed_facts (stored acts)"),
        ("evaluate", "evaluate_dossier: rules engine (evaluate)"),
        ("decision_dict", "evaluate_dossier: decision_dict"),
    ):
        _wrap(decisions, name, label)
    import app.services.evenements as evenements

    _wrap(evenements, "event_rows", "file_acte: event_rows (json)")
    AsyncSession.execute = timed_execute(AsyncSession.execute)  # type: ignore[method-assign]
    # Statements sent on the bare asyncpg connection (``Database.transaction``), BEGIN and COMMIT included.
    import asyncpg.connection
    from sqlalchemy.ext.asyncio import AsyncConnection

    for name in ("fetchval", "fetchrow", "fetch", "execute", "executemany", "fetchmany"):
        if hasattr(asyncpg.connection.Connection, name):
            setattr(
                asyncpg.connection.Connection,
                name,
                timed_execute(getattr(asyncpg.connection.Connection, name)),
            )
    from sqlalchemy.ext.asyncio import AsyncEngine

    AsyncConnection.start = timed("pool: checkout (AsyncConnection.start)", AsyncConnection.start)  # type: ignore[method-assign]
    AsyncConnection.close = timed("pool: return (AsyncConnection.close)", AsyncConnection.close)  # type: ignore[method-assign]
    AsyncEngine.raw_connection = timed(  # type: ignore[method-assign]
        "pool: checkout (AsyncEngine.raw_connection)", AsyncEngine.raw_connection
    )
    import app.core.db as core_db

    core_db.greenlet_spawn = timed("pool: return (greenlet_spawn(close))", core_db.greenlet_spawn)  # type: ignore[attr-defined]
    fastapi.routing.solve_dependencies = timed(  # type: ignore[attr-defined]
        "FastAPI solve_dependencies (auth, session object)",
        fastapi.routing.solve_dependencies,  # type: ignore[attr-defined]
    )
    AsyncSessionTransaction.__aexit__ = timed(  # type: ignore[method-assign]
        "session: commit (AsyncSessionTransaction.__aexit__)", AsyncSessionTransaction.__aexit__
    )
    AsyncSession.__aexit__ = timed("session: close (AsyncSession.__aexit__)", AsyncSession.__aexit__)  # type: ignore[method-assign]
    core_logging.JsonFormatter.format = timed(
        "access log: JsonFormatter.format", core_logging.JsonFormatter.format
    )  # type: ignore[method-assign]
    starlette.responses.JSONResponse.render = timed(  # type: ignore[method-assign]
        "response: JSONResponse.render", starlette.responses.JSONResponse.render
    )


ORDER = [  # (depth, label); a parent's time includes its children's
    (0, "read_body"),
    (0, "parse_json (ACTE_ADAPTER.validate_json)"),
    (0, "FastAPI solve_dependencies (auth, session object)"),
    (1, "auth: token_kid"),
    (1, "auth: decode_token"),
    (1, "auth: _partner_is_active"),
    (0, "file_acte"),
    (1, "file_acte: prepare (authorise, model_dump, canonical JSON, household keys)"),
    (2, "file_acte: authorise"),
    (2, "file_acte: household_keys"),
    (0, "pool: checkout (AsyncConnection.start)"),
    (0, "pool: checkout (AsyncEngine.raw_connection)"),
    (1, "driver: BEGIN"),
    (1, "SQL: LOCKS (BEGIN + advisory locks, one simple query)"),
    (1, "SQL: DUPLICATES (DUPLICATES_LOCKING: and the dossier's lock)"),
    (1, "file_acte: _find_dossier"),
    (2, "SQL: ORM select (dossier candidates)"),
    (1, "SQL: a dossier's lock (lock_dossier)"),
    (1, "file_acte: dossier_state"),
    (2, "SQL: STATE (STATE_AND_SIDE: and the lease side)"),
    (1, "SQL: LEASE_SIDE (old code)"),
    (1, "file_acte: compose"),
    (2, "file_acte: evaluate_dossier"),
    (3, "evaluate_dossier: typed_facts (stored acts)"),
    (3, "evaluate_dossier: rules engine (evaluate)"),
    (3, "evaluate_dossier: decision_dict"),
    (2, "file_acte: changes"),
    (2, "file_acte: decision_events"),
    (2, "file_acte: render_receipt"),
    (2, "file_acte: event_rows (json)"),
    (1, "file_acte: json.dumps (payload, decision rows, grants, events)"),
    (1, "SQL: SET_STATUT (status changes of stored decisions)"),
    (1, "SQL: FILING (one statement, data-modifying CTEs)"),
    (1, "SQL: audit insert (old code)"),
    (0, "driver: COMMIT"),
    (0, "pool: return (AsyncConnection.close)"),
    (0, "pool: return (greenlet_spawn(close))"),
    (0, "session: commit (AsyncSessionTransaction.__aexit__)"),
    (0, "session: close (AsyncSession.__aexit__)"),
    (0, "response: JSONResponse.render"),
    (0, "access log: JsonFormatter.format"),
]
TOP_LEVEL = [label for depth, label in ORDER if depth == 0]


def _sql_label(statement: Any) -> str:
    text = (statement if isinstance(statement, str) else str(getattr(statement, "text", ""))).lstrip()
    if text.startswith(
        ("BEGIN; SELECT 1 FROM (SELECT pg_try_advisory", "BEGIN; SET LOCAL")
    ) or text.startswith("SELECT (SELECT pg_try_advisory"):
        return "SQL: LOCKS (BEGIN + advisory locks, one simple query)"
    if text.startswith("BEGIN"):
        return "driver: BEGIN"
    if text.startswith("COMMIT"):
        return "driver: COMMIT"
    if text.startswith(("SELECT (SELECT json_build_object", "WITH cand AS")):
        return "SQL: DUPLICATES (DUPLICATES_LOCKING: and the dossier's lock)"
    if text.startswith("SELECT pg_advisory_xact_lock("):
        return "SQL: a dossier's lock (lock_dossier)"
    if text.startswith("SELECT (SELECT coalesce(json_agg(json_build_object('id', a.id"):
        return "SQL: STATE (STATE_AND_SIDE: and the lease side)"
    if text.startswith("SELECT (SELECT bailleur_cle FROM dossiers"):
        return "SQL: LEASE_SIDE (old code)"
    if text.startswith("INSERT INTO audit_lectures"):
        return "SQL: audit insert (old code)"
    if text.startswith("UPDATE decisions SET statut"):
        return "SQL: SET_STATUT (status changes of stored decisions)"
    if text.startswith("WITH d AS"):
        return "SQL: FILING (one statement, data-modifying CTEs)"
    if text:
        return "SQL: other text()"
    return "SQL: ORM select (dossier candidates)"


def timed_execute(fn: Any) -> Any:
    @functools.wraps(fn)
    async def wrapper(self: Any, statement: Any, *args: Any, **kwargs: Any) -> Any:
        started, pg_started = time.process_time(), pg_cpu()
        try:
            return await fn(self, statement, *args, **kwargs)
        finally:
            _record(_sql_label(statement), time.process_time() - started, pg_cpu() - pg_started)

    return wrapper


async def _track_backends(database: Any) -> None:
    """Count the CPU of every client backend of our database (this process's connections)."""
    async with database.engine.connect() as conn:
        for pid in (
            await conn.exec_driver_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend'"
            )
        ).scalars():
            _add_backend(pid)


async def call(app: Any, token: str, body: bytes) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/actes",
        "raw_path": b"/v1/actes",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", b"application/json"),
            (b"authorization", f"Bearer {token}".encode()),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    sent = False
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


_SIZES = """
SELECT c.relname, pg_total_relation_size(c.oid) AS disk
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'alembic_version'
"""


async def storage_snapshot(url: str) -> tuple[dict[str, tuple[int, int, int]], int]:
    """Per table: (rows, bytes of its rows as stored, disk bytes: heap + TOAST + indexes), and the WAL
    position. Generic over the schema, so the same measurement reads any version of the app."""
    import asyncpg

    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        tables: dict[str, tuple[int, int, int]] = {}
        for row in await conn.fetch(_SIZES):
            name = row["relname"]
            count, size = await conn.fetchrow(
                f'SELECT count(*), coalesce(sum(pg_column_size(t.*)), 0) FROM "{name}" t'  # noqa: S608
            )
            tables[name] = (int(count), int(size), int(row["disk"]))
        wal = int(await conn.fetchval("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"))
    finally:
        await conn.close()
    return tables, wal


def print_storage(
    before: tuple[dict[str, tuple[int, int, int]], int],
    after: tuple[dict[str, tuple[int, int, int]], int],
    n: int,
) -> None:
    """Bytes written per filing: row bytes (``pg_column_size``, TOASTed values as stored, i.e.
    compressed), disk growth (pages: coarse for small tables), WAL."""
    print(f"  bytes written per filing ({n} filings, each a new household):")
    print(f"  {'table':<28} {'rows':>6} {'row bytes':>10} {'disk bytes':>11}")
    total_rows = total_bytes = total_disk = 0
    for name in sorted(set(after[0]) | set(before[0])):
        rows0, bytes0, disk0 = before[0].get(name, (0, 0, 0))
        rows1, bytes1, disk1 = after[0].get(name, (0, 0, 0))
        rows, size, disk = (rows1 - rows0) / n, (bytes1 - bytes0) / n, (disk1 - disk0) / n
        if rows == size == disk == 0:
            continue
        total_rows += rows1 - rows0
        total_bytes += bytes1 - bytes0
        total_disk += disk1 - disk0
        print(f"  {name:<28} {rows:6.2f} {size:10.0f} {disk:11.0f}")
    print(f"  {'all tables':<28} {total_rows / n:6.2f} {total_bytes / n:10.0f} {total_disk / n:11.0f}")
    print(f"  WAL bytes per filing: {(after[1] - before[1]) / n:.0f}")


async def round_trip_costs(url: str, database: Any, n: int = 300) -> tuple[float, float]:
    """CPU ms of one ``SELECT 1`` round trip in a transaction: SQLAlchemy session vs bare asyncpg."""
    import asyncpg
    from sqlalchemy import text

    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        started = time.process_time()
        for _ in range(n):
            async with conn.transaction():
                await conn.fetchval("SELECT 1")
        raw = (time.process_time() - started) / n
    finally:
        await conn.close()
    statement = text("SELECT 1")
    started = time.process_time()
    for _ in range(n):
        async with database.sessionmaker() as session, session.begin():
            await session.execute(statement)
    orm = (time.process_time() - started) / n
    return raw * 1000, orm * 1000


async def commissaire_token(app: Any, nom: str) -> str:
    """A new commissaire de justice of the 93 in ``app``'s database, and a bearer token for it (minted with
    the app's own key ring: no HTTP round trip)."""
    return await partner_token(app, nom, "commissaire_justice", ("93",))


async def partner_token(app: Any, nom: str, kind: str, territoires: tuple[str, ...]) -> str:
    """A new partner of ``kind`` in ``app``'s database, and a bearer token for it (minted with the app's own
    key ring: no HTTP round trip)."""
    from app.core.config import Settings
    from app.core.scopes import scopes_for_kind
    from app.core.security import Principal, issue_token
    from app.services.partners import create_partner

    async with app.state.database.sessionmaker() as session, session.begin():
        issued = await create_partner(
            session, kind=kind, nom=nom, siret=luhn_siret(), territoires=list(territoires)
        )
    principal = Principal(
        partner_id=issued.partner.id,
        kind=kind,
        territoires=territoires,
        scopes=frozenset(scopes_for_kind(kind)),
        client_id=issued.client_id,
    )
    settings = Settings()
    return issue_token(
        app.state.keyring,
        principal,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        ttl_seconds=settings.token_ttl_seconds,
    )


async def run(args: argparse.Namespace, url: str) -> None:
    from sqlalchemy import event

    from app.core.config import Settings
    from app.core.migrations import upgrade
    from app.main import create_app

    global ACTIVE
    upgrade(url)
    app = create_app(Settings(), database_url=url)
    devnull = open(os.devnull, "w")  # noqa: ASYNC230 (once, at start-up)
    for handler in logging.getLogger().handlers:  # keep the access log (its cost counts), not its noise
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(devnull)
    async with app.router.lifespan_context(app):
        database = app.state.database
        token = await commissaire_token(app, "Banc d'essai")
        statements = 0

        @event.listens_for(database.engine.sync_engine, "before_cursor_execute")
        def _count(*_: Any) -> None:
            nonlocal statements
            statements += 1

        @event.listens_for(database.engine.sync_engine, "connect")
        def _backend(dbapi_connection: Any, _: Any) -> None:
            _add_backend(dbapi_connection.driver_connection.get_server_pid())

        await _track_backends(database)

        import asyncpg.connection

        raw_statements = 0

        def counted(fn: Any) -> Any:
            @functools.wraps(fn)
            async def wrapper(*args: Any, **kwargs: Any) -> Any:
                nonlocal raw_statements
                raw_statements += 1
                return await fn(*args, **kwargs)

            return wrapper

        # executemany/fetchmany pipeline their executions: one round trip each
        for name in ("fetchval", "fetchrow", "fetch", "execute", "executemany", "fetchmany"):
            if hasattr(asyncpg.connection.Connection, name):
                setattr(
                    asyncpg.connection.Connection, name, counted(getattr(asyncpg.connection.Connection, name))
                )

        run_id = os.urandom(3).hex()
        for status in [await call(app, token, b) for b in make_bodies(run_id, args.warmup, "W")]:
            if status != 201:
                raise BenchError(f"warm-up request answered {status}")

        await _track_backends(database)  # the backends opened during the warm-up too

        if args.analyze:
            await asyncio.to_thread(analyze, url)  # as autovacuum would, see bench/intake.py

        # 1. plain: CPU and wall time per request, nothing wrapped; bytes written
        bodies = make_bodies(run_id, args.requests, "P")
        stored_before = await storage_snapshot(url)
        cpu0, wall0, pg0, statements = time.process_time(), time.perf_counter(), pg_cpu(), 0
        raw_statements = 0
        statuses = [await call(app, token, b) for b in bodies]
        cpu_plain = (time.process_time() - cpu0) / len(bodies) * 1000
        pg_plain = (pg_cpu() - pg0) / len(bodies) * 1000
        wall_plain = (time.perf_counter() - wall0) / len(bodies) * 1000
        per_request_sql = statements / len(bodies)
        per_request_raw = raw_statements / len(bodies)
        bad = [s for s in statuses if s != 201]
        if bad:
            raise BenchError(f"{len(bad)} requests failed (first status {bad[0]})")
        stored_after = await storage_snapshot(url)
        if args.bytes_only:
            print(
                f"POST /v1/actes in-process, {args.requests} sequential requests (after {args.warmup} warm-up)"
            )
            print_storage(stored_before, stored_after, len(bodies))
            return

        # cProfile of the app as it runs, before the timers below are installed (their /proc reads would
        # dominate the profile)
        profiler: cProfile.Profile | None = None
        if args.cprofile:
            bodies = make_bodies(run_id, args.requests, "C")
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for b in bodies:
                await call(app, token, b)
            profiler.disable()

        # 2. instrumented
        instrument()
        bodies = make_bodies(run_id, args.requests, "I")
        ACTIVE = True
        cpu0 = time.process_time()
        for b in bodies:
            await call(app, token, b)
        cpu_instr = (time.process_time() - cpu0) / len(bodies) * 1000
        ACTIVE = False

        raw_rt, orm_rt = await round_trip_costs(url, database)

        print(f"POST /v1/actes in-process, {args.requests} sequential requests (after {args.warmup} warm-up)")
        print(
            f"  CPU per request: {cpu_plain:.2f} ms (wall {wall_plain:.2f} ms); instrumented run {cpu_instr:.2f} ms"
        )
        if BACKENDS:
            print(f"  PostgreSQL backend CPU per request: {pg_plain:.2f} ms")
        else:
            print("  PostgreSQL backend CPU: not measured (the server is not on this machine)")
        print(
            f"  SQL statements per request: {per_request_sql:.2f} sent by SQLAlchemy (+ its BEGIN and COMMIT), "
            f"{per_request_raw:.2f} on the bare asyncpg connection (BEGIN and COMMIT included)"
        )
        print(
            "  inclusive CPU per request of each part: this process (ms, % of the instrumented request), "
            "and its PostgreSQL backend (ms):"
        )
        n = len(bodies)
        print(f"  {'':72} {'app ms':>7}  {'%':>5}  {'PG ms':>6}  calls")
        for depth, label in ORDER:
            if label not in CPU:
                continue
            ms = CPU[label] / n * 1000
            pg = (
                f"{PG_CPU[label] / n * 1000:6.3f}"
                if label in PG_CPU and BACKENDS and PG_CPU[label]
                else f"{'':6}"
            )
            print(
                f"  {'  ' * depth}{label:<{72 - 2 * depth}} {ms:7.3f}  {100 * ms / cpu_instr:5.1f}%  {pg}"
                f"  {CALLS[label] / n:.2f}"
            )
        others = sorted(set(CPU) - {label for _, label in ORDER})
        for label in others:
            print(
                f"  (not in the tree) {label}: {CPU[label] / n * 1000:.3f} ms ({CALLS[label] / n:.2f} calls)"
            )
        measured = sum(CPU[k] for k in TOP_LEVEL if k in CPU) / n * 1000
        print(
            f"  {'everything else: routing, middleware, endpoint glue (no uvicorn/HTTP here)':<72} "
            f"{cpu_instr - measured:7.3f}  {100 * (cpu_instr - measured) / cpu_instr:5.1f}%"
        )
        print(
            f"  one SELECT 1 round trip in a transaction, CPU: bare asyncpg {raw_rt:.3f} ms, "
            f"SQLAlchemy AsyncSession {orm_rt:.3f} ms"
        )
        print_storage(stored_before, stored_after, len(bodies))
        if profiler is not None:
            by_package: dict[str, float] = defaultdict(float)
            stats = pstats.Stats(profiler)
            total = 0.0
            for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
                total += tottime
                by_package[_package(filename)] += tottime
            print(
                "  cProfile (uninstrumented run), self CPU by package (profiler overhead inflates small calls):"
            )
            for package, t in sorted(by_package.items(), key=lambda kv: -kv[1])[:16]:
                print(f"    {package:<40} {100 * t / total:5.1f}%")
            stats.sort_stats("tottime")
            if args.cprofile_out:
                stats.dump_stats(args.cprofile_out)
                print(f"  cProfile data written to {args.cprofile_out}")


def _package(filename: str) -> str:
    if "site-packages/" in filename:
        return filename.split("site-packages/")[1].split("/")[0]
    if "/bench/" in filename:
        return "bench (this script's timers)"
    if "/app/" in filename:
        parts = filename.split("/app/")[1].split("/")
        return "app/" + "/".join(parts[:2])
    if filename.startswith("<") or filename == "~":
        return "builtins / C functions"
    return "stdlib: " + Path(filename).stem


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", "-n", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--database-url")
    parser.add_argument("--embedded", action="store_true")
    parser.add_argument("--analyze", action="store_true", help="ANALYZE the database after the warm-up")
    parser.add_argument("--cprofile", action="store_true", help="also profile with cProfile (CPU clock)")
    parser.add_argument("--cprofile-out", help="write the cProfile data to this file (pstats)")
    parser.add_argument(
        "--bytes-only",
        action="store_true",
        help="only the bytes written per filing (no instrumentation: runs on any version of the app)",
    )
    args = parser.parse_args()
    res = Resources(tmpdir=Path(tempfile.mkdtemp(prefix="prevex-hotpath-")))
    try:
        db = choose_database(args, res)
        asyncio.run(run(args, db.url))
        return 0
    except BenchError as exc:
        log(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        res.cleanup()


if __name__ == "__main__":
    sys.exit(main())
