"""The filing's statements have plans that are right at any size: on a fresh database whose tables were
never analysed, PostgreSQL's generic plan (the one a connection keeps once it stops planning each
execution) reads the growing tables through their keys, never by scanning them."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import pytest
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


def _nodes(plan: Any) -> Iterator[dict[str, Any]]:
    """Every node of an ``EXPLAIN (FORMAT JSON)`` plan."""
    if isinstance(plan, dict):
        yield plan
        for value in plan.values():
            yield from _nodes(value)
    elif isinstance(plan, list):
        for value in plan:
            yield from _nodes(value)


def _scans(plan: Any) -> Iterator[str]:
    for node in _nodes(plan):
        if node.get("Node Type") == "Seq Scan":
            yield str(node.get("Relation Name"))


def _partner_wide_reads(plan: Any) -> Iterator[str]:
    """The index reads bound by a partner alone: a handful of partners (a bailiffs' firm, the landlord,
    the CAF) file nearly every act of a territory, so such a read grows with the whole table."""
    for node in _nodes(plan):
        condition = node.get("Index Cond")
        if condition is not None and set(re.findall(r"(\w+) = ", str(condition))) == {"partner_id"}:
            yield f"{node.get('Index Name')}: {condition}"


async def _generic_plan(conn: asyncpg.Connection, statement: str, args: str) -> Any:
    await conn.execute("SET plan_cache_mode = force_generic_plan")
    name = f"p_{uuid.uuid4().hex[:8]}"
    await conn.execute(f"PREPARE {name} AS {statement}")
    plan = json.loads(await conn.fetchval(f"EXPLAIN (FORMAT JSON) EXECUTE {name}({args})"))
    await conn.execute(f"DEALLOCATE {name}")
    return plan


async def _generic_plan_scans(conn: asyncpg.Connection, statement: str, args: str) -> set[str]:
    return set(_scans(await _generic_plan(conn, statement, args))) & GROWING


def _filing_statements(partner: str, dossier: str, cle: str) -> dict[str, tuple[str, str]]:
    """The filing's statements with arguments (SQL literals): ``partner`` and ``dossier`` ids, ``cle``
    the Idempotency-Key."""
    duplicates = f"{partner}, 'REF', {cle}, '[\"k\"]', '93', '2025-01-01'"
    return {
        "DUPLICATES": (DUPLICATES, duplicates),
        "DUPLICATES_LOCKING": (DUPLICATES_LOCKING, f"{duplicates}, '552100554'"),
        "STATE": (STATE, dossier),
        "STATE_AND_SIDE": (STATE_AND_SIDE, f"{dossier}, {partner}"),
        "RECEIPT_SOURCE": (RECEIPT_SOURCE, f"'{uuid.uuid4()}', {partner}"),
        "SET_STATUT": (SET_STATUT, f"'{uuid.uuid4()}', 'remplacee', now(), 'active'"),
    }


@asynccontextmanager
async def _own_database(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A database of its own on the test server, migrated (empty tables, no statistics), dropped after."""
    name = f"plans_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        conn = await asyncpg.connect(url)
        try:
            yield conn
        finally:
            await conn.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


# A territory as the intake fills it, never analysed: one partner (the bailiffs' firm) filed every act,
# three per dossier, each dossier granted to it.
_FILL = """
INSERT INTO partners (id, kind, nom, siret, territoires)
VALUES ($1, 'commissaire_justice', 'Etude', '55210055400013', '{93}');
INSERT INTO dossiers (id, territoire, stade) SELECT md5('d' || i)::uuid, '93', 'contentieux'
FROM generate_series(1, 1000) i;
INSERT INTO actes (id, dossier_id, partner_id, partner_kind, type, reference, territoire, date_acte, recu_le,
                   payload, payload_sha256, nouveau_dossier)
SELECT md5('a' || i || '-' || j)::uuid, md5('d' || i)::uuid, $1, 'commissaire_justice', 'commandement_de_payer',
       'R' || i || '-' || j, '93', DATE '2025-01-01', now(), jsonb_build_object('motif', repeat('x', 600)),
       md5('a' || i || '-' || j), j = 1
FROM generate_series(1, 1000) i, generate_series(1, 3) j;
INSERT INTO acces (dossier_id, partner_id, motif, portee, depuis)
SELECT md5('d' || i)::uuid, $1, 'depot', 'dossier', now() FROM generate_series(1, 1000) i;
"""


@asynccontextmanager
async def _filled_database(database_url: str) -> AsyncIterator[tuple[asyncpg.Connection, str]]:
    """A database of its own, migrated and filled as above, never analysed; its connection and partner."""
    async with _own_database(database_url) as conn:
        partner = str(uuid.uuid4())
        # A simple query (no parameters in a multi-statement string): the partner inlined.
        await conn.execute(_FILL.replace("$1", f"CAST('{partner}' AS uuid)"))
        yield conn, partner


async def test_generic_plans_never_read_a_partners_whole_history(database_url: str) -> None:
    """A dossier's reads go by the dossier (or a full key), never by a partner alone. On a never-analysed
    database the generic plan of :data:`STATE_AND_SIDE` found the filer's side (an act of the dossier
    naming the filer, by a partner holding a ``dossier`` grant) by ANDing the dossier's index with
    ``uq_actes_partner_id_reference`` on the grant's partner (both guessed at 0.5 % of the table): every
    act that partner ever filed, per grant, per filing. The trigger keeping ``dossiers.ccapex_depuis``
    reads a dossier's orientations by its (partial) dossier index."""
    from app.repositories.actes import INDEX_PLANS

    async with _filled_database(database_url) as (conn, partner):
        source = await conn.fetchval("SELECT prosrc FROM pg_proc WHERE proname = 'dossiers_ccapex_depuis'")
        found = re.search(r"SELECT min\(statut_le\) INTO depuis (FROM decisions WHERE [^;]*);", source)
        assert found is not None
        trigger = "SELECT min(statut_le) " + found.group(1).replace("cible", "CAST($1 AS uuid)")
        dossier = "CAST(md5('d1') AS uuid)"  # one of the filled dossiers
        statements = {
            **_filing_statements(f"'{partner}'", dossier, "'KEY'"),
            "dossiers_ccapex_depuis": (trigger, dossier),
        }
        for inside in (False, True):  # outside a filing, and inside one (INDEX_PLANS, as a filing plans)
            async with conn.transaction():
                if inside:
                    await conn.execute(INDEX_PLANS)
                for label, (statement, args) in statements.items():
                    plan = await _generic_plan(conn, statement, args)
                    assert list(_partner_wide_reads(plan)) == [], (label, inside)
                    if inside:
                        assert set(_scans(plan)) & GROWING == set(), label
                assert "uq_decisions_dossier_id_cle_courante" in json.dumps(
                    await _generic_plan(conn, trigger, dossier)
                )


async def test_a_filing_never_compiles_its_statements(database_url: str) -> None:
    """Without statistics the planner's guesses (100 household keys per filing, 0.5 % of a table per key)
    make the generic plan of :data:`DUPLICATES` cost more with every row stored: 4.4e5 at 90 000 acts,
    past ``jit_above_cost`` (1e5, then 66 ms of LLVM per 0.4 ms lookup) and soon the inlining and
    optimising thresholds (5e5, 500 ms): the demo of the 93 fell from 1 500 to 50 acts/s. Here the
    thresholds are lowered to what this small database's plans cost; a filing's transaction
    (:data:`INDEX_PLANS`) runs them uncompiled all the same, plans cached before it included."""
    from app.repositories.actes import INDEX_PLANS

    async with _filled_database(database_url) as (conn, partner):
        if not await conn.fetchval("SELECT pg_jit_available()"):
            pytest.skip("this PostgreSQL has no JIT provider")
        await conn.execute("SET jit = on; SET jit_above_cost = 0; SET jit_inline_above_cost = 0")
        await conn.execute("SET plan_cache_mode = force_generic_plan")
        await conn.execute(f"PREPARE dup AS {DUPLICATES}")
        args = f"'{partner}', 'REF', 'KEY', '[\"k\"]', '93', '2025-01-01'"

        async def compiled() -> bool:
            plan = json.loads(await conn.fetchval(f"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE dup({args})"))
            return "JIT" in plan[0]

        assert await compiled()  # what a filing would do without INDEX_PLANS
        async with conn.transaction():
            await conn.execute(INDEX_PLANS)
            assert not await compiled()


async def test_generic_plans_never_scan_a_growing_table(database_url: str) -> None:
    async with _own_database(database_url) as conn:  # a fresh database: empty tables, no statistics
        some = f"'{uuid.uuid4()}'"
        for label, (statement, args) in _filing_statements(some, some, "''").items():
            assert await _generic_plan_scans(conn, statement, args) == set(), label


async def test_generic_plans_in_a_filing_never_scan_even_on_tables_analysed_empty(database_url: str) -> None:
    """Tables analysed while empty (``ANALYZE`` after a migration or an import without Idempotency-Keys)
    say "0 rows": a generic plan made then scans them, and a connection keeps it while they grow (until
    the next ANALYZE, which a server with autovacuum off never does). Inside a filing's transaction
    (:data:`INDEX_PLANS`, sent with its BEGIN) the plans read them through their keys all the same."""
    from app.repositories.actes import INDEX_PLANS, begin_and_lock

    assert INDEX_PLANS in begin_and_lock(1, [2], 3)
    async with _own_database(database_url) as conn:
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
