"""The event log: read in commit order, so that a reader paging between two transactions that commit
out of order misses nothing (and a reader paging on the bare sequence does miss one)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import asyncpg
import httpx
from fastapi import FastAPI

from app.core.db import Database
from app.services.evenements import DEBUT, Curseur, NewEvent, page, publish
from tests.factories import acte, household, make_partner

# What a feed would be with a cursor on the identity column alone.
_BARE = """
SELECT e.seq, e.type FROM evenement_destinataires d JOIN evenements e ON e.seq = d.seq
WHERE d.partner_id = $1 AND d.seq > $2 ORDER BY d.seq
"""


async def _read(database: Database, partner_id: uuid.UUID, after: Curseur) -> tuple[list[str], Curseur]:
    """Everything there is to read after ``after``, page by page, in a transaction of its own."""
    types: list[str] = []
    async with database.transaction() as conn:
        while True:
            found = await page(conn, partner_id, after, 2)
            if not found.rows:
                return types, after
            types += [r["type"] for r in found.rows]
            after = found.next_cursor


async def _read_bare(database: Database, partner_id: uuid.UUID, after: int) -> tuple[list[str], int]:
    async with database.transaction() as conn:
        rows = await conn.fetch(_BARE, partner_id, after)
    return [r["type"] for r in rows], (rows[-1]["seq"] if rows else after)


async def test_a_reader_between_out_of_order_commits_misses_nothing(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    database: Database = app.state.database
    reader = await make_partner(app, client)
    filed = await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=reader.headers
    )
    dossier_id = uuid.UUID(filed.json()["dossier_id"])
    seen, cursor = await _read(database, reader.partner_id, DEBUT)
    assert seen[:2] == ["dossier.cree", "acte.depose"] and set(seen[2:]) == {"decision.emise"}
    _, bare_cursor = await _read_bare(database, reader.partner_id, 0)

    now = datetime.now(UTC)
    first, second = (NewEvent(t, {}, [reader.partner_id]) for t in ("test.premier", "test.second"))
    async with database.transaction() as slow:  # begins first: the lower sequence value and xid
        await publish(slow, dossier_id, "93", [first], now)
        async with database.transaction() as fast:
            await publish(fast, dossier_id, "93", [second], now)
        # ``fast`` has committed, ``slow`` has not: the reader pages in between.
        seen_between, cursor = await _read(database, reader.partner_id, cursor)
        bare_between, bare_cursor = await _read_bare(database, reader.partner_id, bare_cursor)
    # Both committed now.
    seen_after, cursor = await _read(database, reader.partner_id, cursor)
    bare_after, _ = await _read_bare(database, reader.partner_id, bare_cursor)

    # Commit order: nothing is shown while an older transaction may still add an event before it...
    assert seen_between == []
    # ...and then both, in the order of their transactions, none missing.
    assert seen_after == ["test.premier", "test.second"]
    # The same pages on the bare sequence: the second event is read first and its value passes the
    # first one's, which is then never read.
    assert bare_between == ["test.second"] and bare_after == []
    # Nothing more, and the cursor stays where it was.
    assert await _read(database, reader.partner_id, cursor) == ([], cursor)


async def test_events_are_for_the_dossiers_grant_holders_only(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    commissaire = await make_partner(app, client)
    ccapex = await make_partner(app, client, kind="ccapex")
    elsewhere = await make_partner(app, client, kind="ccapex", territoires=("75",))
    stranger = await make_partner(app, client)  # same territory, no act in this dossier
    await client.post(
        "/v1/actes", json=acte("commandement_de_payer", household()), headers=commissaire.headers
    )
    for partner, expected in ((commissaire, True), (ccapex, True), (elsewhere, False), (stranger, False)):
        seen, _ = await _read(app.state.database, partner.partner_id, DEBUT)
        assert (seen[:2] == ["dossier.cree", "acte.depose"]) is expected, partner.kind
        assert bool(seen) is expected


def test_cursors_are_opaque_and_checked() -> None:
    cursor = Curseur(12345678901, 42)
    assert Curseur.decode(cursor.encode()) == cursor
    for bad in ("", "nope", "MTIzNA", Curseur(1, 2).encode() + "x!"):
        try:
            Curseur.decode(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


async def test_the_page_reads_the_recipients_index_in_order(database_url: str) -> None:
    """The feed's page is one range scan of ``evenement_destinataires``' primary key (no sort)."""
    connection = await asyncpg.connect(database_url)
    try:
        plan = await connection.fetchval(
            "EXPLAIN (FORMAT JSON) SELECT d.xid, d.seq FROM evenement_destinataires d "
            "WHERE d.partner_id = $1 AND (d.xid, d.seq) > ('0'::xid8, 0) "
            "AND d.xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY d.xid, d.seq LIMIT 10",
            uuid.uuid4(),
        )
    finally:
        await connection.close()
    assert "pk_evenement_destinataires" in plan and '"Sort"' not in plan
