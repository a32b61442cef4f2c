"""The filing's statements have plans that are right at any size: on a fresh database whose tables were
never analysed, PostgreSQL's generic plan (the one a connection keeps once it stops planning each
execution) reads the growing tables through their keys, never by scanning them."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from app.core.migrations import upgrade
from app.repositories.actes import (
    DOSSIER_LOCK_SQL,
    DUPLICATES,
    DUPLICATES_LOCKING,
    RECEIPT_SOURCE,
    SET_STATUT,
    STATE,
    STATE_AND_SIDE,
    dossier_lock,
)

GROWING = {"actes", "dossiers", "dossier_cles", "idempotency_keys", "decisions", "acces", "evaluations"}


def _scans(plan: Any) -> Iterator[str]:
    if isinstance(plan, dict):
        if plan.get("Node Type") == "Seq Scan":
            yield str(plan.get("Relation Name"))
        for value in plan.values():
            yield from _scans(value)
    elif isinstance(plan, list):
        for value in plan:
            yield from _scans(value)


async def _generic_plan_scans(conn: asyncpg.Connection, statement: str, args: str) -> set[str]:
    await conn.execute("SET plan_cache_mode = force_generic_plan")
    name = f"p_{uuid.uuid4().hex[:8]}"
    await conn.execute(f"PREPARE {name} AS {statement}")
    plan = json.loads(await conn.fetchval(f"EXPLAIN (FORMAT JSON) EXECUTE {name}({args})"))
    await conn.execute(f"DEALLOCATE {name}")
    return set(_scans(plan)) & GROWING


async def test_generic_plans_never_scan_a_growing_table(database_url: str) -> None:
    name = f"plans_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)  # a fresh database: empty tables, no statistics
        conn = await asyncpg.connect(url)
        try:
            some = f"'{uuid.uuid4()}'"
            statements = {
                "DUPLICATES": (DUPLICATES, f"{some}, 'REF', '', '[\"k\"]', '93', '2025-01-01'"),
                "DUPLICATES_LOCKING": (
                    DUPLICATES_LOCKING,
                    f"{some}, 'REF', '', '[\"k\"]', '93', '2025-01-01', '552100554'",
                ),
                "STATE": (STATE, some),
                "STATE_AND_SIDE": (STATE_AND_SIDE, f"{some}, {some}"),
                "RECEIPT_SOURCE": (RECEIPT_SOURCE, f"{some}, {some}"),
                "SET_STATUT": (SET_STATUT, f"{some}, 'remplacee', now(), 'active'"),
            }
            for label, (statement, args) in statements.items():
                assert await _generic_plan_scans(conn, statement, args) == set(), label
        finally:
            await conn.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_generic_plans_in_a_filing_never_scan_even_on_tables_analysed_empty(database_url: str) -> None:
    """Tables analysed while empty (``ANALYZE`` after a migration or an import without Idempotency-Keys)
    say "0 rows": a generic plan made then scans them, and a connection keeps it while they grow (until
    the next ANALYZE, which a server with autovacuum off never does). Inside a filing's transaction
    (:data:`INDEX_PLANS`, sent with its BEGIN) the plans read them through their keys all the same."""
    from app.repositories.actes import INDEX_PLANS, begin_and_lock

    assert INDEX_PLANS in begin_and_lock(1, [2], 3)
    name = f"plans_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("ANALYZE")
            some = f"'{uuid.uuid4()}'"
            args = f"{some}, 'REF', 'KEY', '[\"k\"]', '93', '2025-01-01'"
            outside = await _generic_plan_scans(conn, DUPLICATES, args)
            assert "idempotency_keys" in outside  # what the filing would keep without INDEX_PLANS
            async with conn.transaction():
                await conn.execute(INDEX_PLANS)
                assert await _generic_plan_scans(conn, DUPLICATES, args) == set()
                assert await _generic_plan_scans(conn, DUPLICATES_LOCKING, f"{args}, NULL") == set()
                assert await _generic_plan_scans(conn, STATE_AND_SIDE, f"{some}, {some}") == set()
        finally:
            await conn.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_the_dossier_lock_in_sql_is_the_one_python_takes(database_url: str) -> None:
    """``DUPLICATES_LOCKING`` locks a dossier by :data:`DOSSIER_LOCK_SQL`; ``lock_dossier``,
    re-evaluation and batches by :func:`dossier_lock`: the same lock, or they would not exclude each
    other."""
    conn = await asyncpg.connect(database_url)
    try:
        ids = [uuid.uuid4() for _ in range(200)] + [uuid.UUID(int=0), uuid.UUID(int=2**128 - 1)]
        computed = await conn.fetch(
            f"SELECT u.id, {DOSSIER_LOCK_SQL.format(id='u.id')} AS k "  # noqa: S608 (a constant expression)
            "FROM unnest(CAST($1 AS uuid[])) AS u(id)",
            ids,
        )
        assert {r["id"]: r["k"] for r in computed} == {i: dossier_lock(str(i)) for i in ids}
        assert any(r["k"] < 0 for r in computed) and any(r["k"] > 0 for r in computed)  # the sign too
    finally:
        await conn.close()
