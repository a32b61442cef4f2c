"""Filing at 0 and at N acts already stored: ``bench/intake.py --only prevex`` on a fresh database and on a
large one, alternated, and the ratio of the two rates (issue 13, item 1: at least 0.8).

    uv run python bench/scale.py                          # build (or reuse) a 1 000 000-act database, measure
    uv run python bench/scale.py --acts 100000 --rounds 3
    uv run python bench/scale.py --build-only             # only build the large database
    uv run python bench/scale.py --drop                   # drop the large database and exit

The large database (``--database``, default ``prevex_scale_<acts>``, on the server of
``PREVEX_BENCH_ADMIN_URL`` or ``postgresql://postgres@127.0.0.1:5432/postgres``) is kept between runs
(building a million acts takes minutes): drop it with ``--drop``. It is built in two steps:

1. **Seed**: ``--seed`` acts (2 000) filed through the real application in process (``create_app``, the
   ASGI app, ``POST /v1/actes``: every table a filing writes gets its real rows: dossier, household key,
   act, evaluation, decisions, grants, events and their recipients), each a new household;
2. **Copies**, set-based: every seeded row copied ``acts / seed - 1`` times by ``INSERT ... SELECT ...
   CROSS JOIN generate_series`` (ids remapped with ``md5(id || copy)``, references and household keys
   suffixed), in chunks of copies, one transaction each; then ``VACUUM ANALYZE`` (what an operator
   does after a bulk load).

Then each round runs ``bench/intake.py --only prevex`` (same ``-n``, ``-c``) on a fresh database (its
default: created and dropped by it, never analysed) and on the large database (whose acts from the
benchmark stay: a few thousand more), and prints both rates and ``large / fresh``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ADMIN_URL = os.environ.get("PREVEX_BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def database_url(name: str) -> str:
    base, _, _ = ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


async def _admin(sql: str, fetch: bool = False) -> Any:
    import asyncpg

    conn = await asyncpg.connect(ADMIN_URL)
    try:
        return await (conn.fetchval(sql) if fetch else conn.execute(sql))
    finally:
        await conn.close()


def exists(name: str) -> bool:
    return bool(asyncio.run(_admin(f"SELECT count(*) FROM pg_database WHERE datname = '{name}'", fetch=True)))  # noqa: S608 (our own name)


async def _count_acts(url: str) -> int:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM actes"))
    finally:
        await conn.close()


# Seeding: the real filing path, in process ----------------------------------------------------------


async def seed(url: str, count: int) -> None:
    import httpx

    from app.core.config import Settings
    from app.core.migrations import upgrade
    from app.main import create_app
    from bench.hotpath import commissaire_token
    from bench.intake import make_bodies

    upgrade(url)
    app = create_app(Settings(), database_url=url)
    async with app.router.lifespan_context(app):
        token = await commissaire_token(app, "Banc d'essai (scale)")
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        bodies = make_bodies(secrets.token_hex(3), count, "s")
        started = time.monotonic()
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://scale"
        ) as client:
            for i, body in enumerate(bodies, 1):
                response = await client.post("/v1/actes", content=body, headers=headers)
                if response.status_code != 201:
                    raise RuntimeError(f"seed filing answered {response.status_code}: {response.text[:300]}")
                if i % 500 == 0:
                    log(f"  seeded {i}/{count} acts ({i / (time.monotonic() - started):.0f}/s)")


# Copies: set-based ----------------------------------------------------------------------------------

# Per table: the expressions that replace a seeded column in copy ``k`` (every other column is copied as
# is). ``m(x)`` remaps a uuid so that copy k's rows refer to copy k's rows.
_M = "md5({col}::text || ':' || k)::uuid"
_ARRAY = "(SELECT coalesce(array_agg(md5(u::text || ':' || k)::uuid), CAST('{{}}' AS uuid[])) FROM unnest({col}) u)"
REMAP: dict[str, dict[str, str]] = {
    "dossiers": {"id": _M},
    "dossier_cles": {"cle": "encode(sha256(convert_to(cle || ':' || k, 'UTF8')), 'hex')", "dossier_id": _M},
    "actes": {"id": _M, "dossier_id": _M, "reference": "left(reference, 110) || '~' || k"},
    "evaluations": {
        "id": _M,
        "dossier_id": _M,
        "acte_id": _M,
        "ajoutees": _ARRAY,
        "satisfaites": _ARRAY,
        "remplacees": _ARRAY,
    },
    "decisions": {"id": _M, "dossier_id": _M, "acte_id": _M, "evaluation_id": _M},
    "acces": {"dossier_id": _M, "acte_id": _M},
    # events: a new id, and the copy's own positions in the log (seq after every seeded one, xid of the
    # copying transaction: the column default)
    "evenements": {
        "id": "gen_random_uuid()",
        "dossier_id": _M,
        "acte_id": _M,
        "seq": "{base} + (k - 1) * {n} + rn",
    },
    "evenement_destinataires": {"seq": "{base} + (k - 1) * {n} + rn"},
}
ORDER = list(REMAP)


async def copy(url: str, target: int, chunk: int) -> None:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        seeded = int(await conn.fetchval("SELECT count(*) FROM actes"))
        copies = max(0, target // seeded - 1)
        log(f"copying the {seeded} seeded acts {copies} times (set-based, {chunk} copies per transaction)")
        columns: dict[str, list[str]] = {}
        for table in ORDER:
            columns[table] = [
                r["column_name"]
                for r in await conn.fetch(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    table,
                )
            ]
        for table in ORDER:
            extra = ", row_number() OVER (ORDER BY seq) AS rn" if table.startswith("evenement") else ""
            await conn.execute(f"CREATE TEMP TABLE seed_{table} AS SELECT *{extra} FROM {table}")  # noqa: S608
        base = int(await conn.fetchval("SELECT coalesce(max(seq), 0) FROM evenements"))
        n_events = int(await conn.fetchval("SELECT count(*) FROM seed_evenements"))
        # The copies are consistent by construction (every remapped reference points at a row of the same
        # copy): no foreign-key trigger per row (a superuser's bulk load; set back below).
        await conn.execute("SET session_replication_role = replica")
        started = time.monotonic()
        done = 0
        while done < copies:
            first, last = done + 1, min(copies, done + chunk)
            async with conn.transaction():
                for table in ORDER:
                    cols = [c for c in columns[table] if not (table == "evenements" and c == "xid")]
                    if table == "evenement_destinataires":
                        cols = [c for c in cols if c != "xid"]
                    exprs = []
                    for c in cols:
                        expr = REMAP[table].get(c)
                        exprs.append(expr.format(col=c, base=base, n=n_events) if expr else c)
                    if table == "evenement_destinataires":
                        cols, exprs = [*cols, "xid"], [*exprs, "pg_current_xact_id()"]
                    # table and column names from the catalogue, integers we made: no input
                    insert = f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
                    await conn.execute(
                        insert + f"FROM seed_{table} CROSS JOIN generate_series({first}, {last}) AS k"
                    )
            done = last
            rate = done * seeded / (time.monotonic() - started)
            log(f"  {(done + 1) * seeded} acts stored ({rate:.0f} copied acts/s)")
        await conn.execute(
            "SELECT setval(pg_get_serial_sequence('evenements', 'seq'), (SELECT max(seq) FROM evenements))"
        )
    finally:
        await conn.close()
    log("VACUUM ANALYZE")
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


def build(name: str, acts: int, seed_count: int, chunk: int) -> str:
    url = database_url(name)
    if exists(name):
        stored = asyncio.run(_count_acts(url))
        if stored >= acts:
            log(f"reusing database {name} ({stored} acts)")
            return url
        raise SystemExit(f"database {name} exists with {stored} acts only: drop it first (--drop)")
    log(f"creating database {name}")
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        log(f"seeding {seed_count} acts through the application")
        asyncio.run(seed(url, seed_count))
        asyncio.run(copy(url, acts, chunk))
    except BaseException:
        log(f"build failed: dropping {name}")
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        raise
    return url


# Measuring ------------------------------------------------------------------------------------------

_FIGURE = re.compile(
    r"^\s+(throughput \(req/s\)|server CPU per request \(ms\)|latency p99 \(ms\))\s+([\d.]+)", re.M
)


def intake(extra: list[str], args: argparse.Namespace) -> dict[str, float]:
    command = [
        sys.executable,
        str(ROOT / "bench" / "intake.py"),
        "--only",
        "prevex",
        "-n",
        str(args.requests),
        "-c",
        str(args.concurrency),
        *extra,
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"intake.py failed ({done.returncode}):\n{done.stderr[-3000:]}")
    figures = {m.group(1): float(m.group(2)) for m in _FIGURE.finditer(done.stdout)}
    warned = "WARNING" in done.stdout
    return {**figures, "warned": float(warned)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--acts", type=int, default=1_000_000, help="acts in the large database (1 000 000)")
    parser.add_argument(
        "--seed", type=int, default=2000, help="acts filed through the application first (2000)"
    )
    parser.add_argument("--chunk", type=int, default=25, help="copies per transaction while building (25)")
    parser.add_argument("--database", help="the large database's name (default prevex_scale_<acts>)")
    parser.add_argument("--rounds", type=int, default=2, help="fresh/large alternations (2)")
    parser.add_argument("--requests", "-n", type=int, default=3000)
    parser.add_argument("--concurrency", "-c", type=int, default=32)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--drop", action="store_true", help="drop the large database and exit")
    args = parser.parse_args(argv)
    name = args.database or f"prevex_scale_{args.acts}"
    if args.drop:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        log(f"dropped {name}")
        return 0
    started = time.monotonic()
    url = build(name, args.acts, args.seed, args.chunk)
    log(f"large database ready in {time.monotonic() - started:.0f} s")
    if args.build_only:
        return 0
    stored = asyncio.run(_count_acts(url))
    rows = []
    for i in range(1, args.rounds + 1):
        for label, extra in (("fresh", []), ("large", ["--database-url", url])):
            log(f"round {i}/{args.rounds}: {label}")
            rows.append((i, label, intake(extra, args)))
    print(
        f"Filing at 0 and at {stored} acts stored (bench/intake.py --only prevex -n {args.requests} -c {args.concurrency})"
    )
    print(f"  {'round':>5}  {'database':<8} {'req/s':>8} {'server CPU ms/req':>18} {'p99 ms':>8}")
    for i, label, f in rows:
        flag = "  (interference warning)" if f.get("warned") else ""
        print(
            f"  {i:>5}  {label:<8} {f.get('throughput (req/s)', 0):>8.1f} "
            f"{f.get('server CPU per request (ms)', 0):>18.2f} {f.get('latency p99 (ms)', 0):>8.1f}{flag}"
        )
    fresh = sum(f["throughput (req/s)"] for _, label, f in rows if label == "fresh")
    large = sum(f["throughput (req/s)"] for _, label, f in rows if label == "large")
    ratio = large / fresh if fresh else 0.0
    verdict = "meets" if ratio >= 0.8 else "BELOW"
    print(f"  large / fresh throughput (pooled over rounds): {ratio:.3f} ({verdict} the goal of 0.8)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
