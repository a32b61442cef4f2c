"""Set-based bulk against a raw idempotent COPY (issue 13, item 2): the same payloads, the same database,
the same run.

    uv run python bench/bulk.py                          # 20 000 acts, batches of 5 000, fresh database
    uv run python bench/bulk.py --large                  # and on bench/scale.py's 1 000 000-act database
    uv run python bench/bulk.py --acts 50000 --batch 5000 --large --profile

For each database (a fresh one, created and dropped here, never analysed; with ``--large`` also
``prevex_scale_<N>``, built by ``bench/scale.py --build-only`` if missing) it times, alternately:

- **Prevex**: ``services.lots.file_lot`` in batches of ``--batch`` acts (what ``prevex actes import`` and
  ``POST /v1/actes/lot`` run: validation, authorisation, household match, duplicates, rules, acts,
  decisions, grants, events, audit), in process, on one connection, as the CLI does;
- **raw COPY**: the same payloads, per batch, ``COPY`` into a temporary table, then ``INSERT INTO
  bench_raw ... SELECT ... ON CONFLICT (partner_id, reference) DO NOTHING`` into a table of its own
  (``id uuid, partner_id uuid, reference text, payload jsonb, recu_le timestamptz``, unique
  ``(partner_id, reference)``): the least an idempotent bulk store can do.

and prints acts/s for both and their ratio (goal: at least 0.5), then, with ``--profile``, where the
Prevex side spends its time (cProfile, cumulative, top 25). Each act is a ``commandement_de_payer`` of a new
household (``bench/intake.make_bodies``).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import secrets
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale import ADMIN_URL, _admin, build, database_url, log  # noqa: E402


async def _principal(url: str) -> Any:
    from app.core.db import Database
    from app.core.scopes import scopes_for_kind
    from app.core.security import Principal
    from app.services.partners import create_partner
    from bench.hotpath import luhn_siret

    database = Database(url, pool_size=1, max_overflow=0)
    try:
        async with database.sessionmaker() as session, session.begin():
            issued = await create_partner(
                session,
                kind="commissaire_justice",
                nom=f"Banc d'essai (bulk {secrets.token_hex(2)})",
                siret=luhn_siret(),
                territoires=["93"],
            )
        return Principal(
            issued.partner.id,
            "commissaire_justice",
            ("93",),
            frozenset(scopes_for_kind("commissaire_justice")),
            "bench-bulk",
        )
    finally:
        await database.dispose()


async def prevex(
    url: str, principal: Any, batches: list[list[bytes]], profile: cProfile.Profile | None
) -> float:
    from app.core.db import Database
    from app.services.lots import file_lot

    database = Database(url, pool_size=1, max_overflow=0)
    try:
        started = time.perf_counter()
        for batch in batches:
            if profile is not None:
                profile.enable()
            result = await file_lot(database, principal, list(batch))
            if profile is not None:
                profile.disable()
            if result["acceptes"] != len(batch):
                bad = next(r for r in result["resultats"] if r["statut"] not in (200, 201))
                raise SystemExit(f"Prevex refused an item: {bad}")
        return time.perf_counter() - started
    finally:
        await database.dispose()


RAW_TABLE = """CREATE TABLE IF NOT EXISTS bench_raw (
    id uuid PRIMARY KEY, partner_id uuid NOT NULL, reference text NOT NULL, payload jsonb NOT NULL,
    recu_le timestamptz NOT NULL DEFAULT now(), UNIQUE (partner_id, reference))"""


async def raw(url: str, partner: uuid.UUID, batches: list[list[bytes]]) -> float:
    import json

    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(RAW_TABLE)
        started = time.perf_counter()
        for batch in batches:
            async with conn.transaction():
                await conn.execute(
                    "CREATE TEMP TABLE bench_stage (id uuid, partner_id uuid, reference text, payload jsonb) "
                    "ON COMMIT DROP"
                )
                records = []
                for body in batch:
                    document = json.loads(body)
                    records.append((uuid.uuid4(), partner, document["reference"], body.decode()))
                await conn.copy_records_to_table(
                    "bench_stage", records=records, columns=["id", "partner_id", "reference", "payload"]
                )
                await conn.execute(
                    "INSERT INTO bench_raw (id, partner_id, reference, payload) "
                    "SELECT id, partner_id, reference, payload FROM bench_stage "
                    "ON CONFLICT (partner_id, reference) DO NOTHING"
                )
        return time.perf_counter() - started
    finally:
        await conn.execute("DROP TABLE IF EXISTS bench_raw")
        await conn.close()


def bodies_in_batches(count: int, size: int, tag: str) -> list[list[bytes]]:
    from bench.intake import make_bodies

    bodies = make_bodies(secrets.token_hex(3), count, tag)
    return [bodies[i : i + size] for i in range(0, len(bodies), size)]


def measure(label: str, url: str, args: argparse.Namespace) -> dict[str, float]:
    principal = asyncio.run(_principal(url))
    profile = cProfile.Profile() if args.profile else None
    figures: dict[str, list[float]] = {"prevex": [], "raw": []}
    for round_ in range(args.rounds):
        for side in ("prevex", "raw") if round_ % 2 == 0 else ("raw", "prevex"):
            batches = bodies_in_batches(args.acts, args.batch, f"{side[0]}{round_}")
            if side == "prevex":
                seconds = asyncio.run(prevex(url, principal, batches, profile))
            else:
                seconds = asyncio.run(raw(url, principal.partner_id, batches))
            rate = args.acts / seconds
            figures[side].append(rate)
            log(f"  {label} round {round_ + 1}: {side:6} {rate:9.0f} acts/s ({seconds:.1f} s)")
    if profile is not None:
        stream = io.StringIO()
        pstats.Stats(profile, stream=stream).sort_stats("cumulative").print_stats(25)
        print(f"\n-- profile of the Prevex side ({label}) --\n{stream.getvalue()}")
    best = {side: max(rates) for side, rates in figures.items()}
    return {**best, "ratio": best["prevex"] / best["raw"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--acts", type=int, default=20_000, help="acts per side and round (20 000)")
    parser.add_argument("--batch", type=int, default=5_000, help="acts per batch (5 000)")
    parser.add_argument("--rounds", type=int, default=2, help="alternations of the two sides (2)")
    parser.add_argument("--large", action="store_true", help="also on the large database (bench/scale.py)")
    parser.add_argument("--large-acts", type=int, default=1_000_000, help="its size (1 000 000)")
    parser.add_argument("--profile", action="store_true", help="cProfile of the Prevex side")
    args = parser.parse_args(argv)

    from app.core.migrations import upgrade

    results: dict[str, dict[str, float]] = {}
    fresh = f"prevex_bulk_{secrets.token_hex(4)}"
    asyncio.run(_admin(f'CREATE DATABASE "{fresh}"'))
    try:
        url = database_url(fresh)
        upgrade(url)
        results["fresh"] = measure("fresh", url, args)
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)'))
    if args.large:
        name = f"prevex_scale_{args.large_acts}"
        url = build(name, args.large_acts, 2000, 25)
        upgrade(url)
        results[f"{args.large_acts} acts"] = measure("large", url, args)

    print(
        f"\nbulk filing, {args.acts} acts per side and round, batches of {args.batch}, best of {args.rounds}"
    )
    print(f"server: {ADMIN_URL.rpartition('/')[0]}")
    print(f"{'database':>14} {'Prevex acts/s':>14} {'raw COPY acts/s':>16} {'ratio':>7}")
    for label, figures in results.items():
        print(f"{label:>14} {figures['prevex']:14.0f} {figures['raw']:16.0f} {figures['ratio']:7.3f}")
    print("goal: ratio >= 0.5 (issue 13, item 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
