"""Household keys: whether the stored ones were made with this server's secret, and making them again.

The keys (``dossier_cles``) are HMACs of a household's normalised address and names with
``PREVEX_HOUSEHOLD_KEY_SECRET`` (``services/dossiers.py``). The ``reglages`` row ``cles_menages`` holds
a fingerprint of the secret that made them: a server started with another secret (or on a database
whose keys predate the HMAC) knows its keys match nothing, refuses filings that would silently open
duplicate dossiers, and says to run ``prevex menages recalculer-cles``, which makes every key again from
the acts' payloads (the one place the names and addresses live).

Whatever writes keys checks first, with :func:`check_keys`: a server at start (and ``/readyz``), and every
command that files acts without a server (``prevex demo``, ``prevex actes import``), so that the first
keys of a new database have their fingerprint whoever wrote them."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import asyncpg

from app.core.config import get_settings
from app.core.db import Database
from app.core.problems import ProblemException
from app.services.dossiers import household_keys, household_secret_fingerprint

REGLAGE = "cles_menages"

_STATE = (
    "SELECT (SELECT valeur FROM reglages WHERE cle = $1) AS empreinte, "
    "EXISTS (SELECT 1 FROM dossier_cles) AS des_cles"
)
_RECORD = "INSERT INTO reglages (cle, valeur, updated_at) VALUES ($1, $2, $3) ON CONFLICT (cle) DO NOTHING"
_RECORDED = "SELECT valeur FROM reglages WHERE cle = $1"
_SET = (
    "INSERT INTO reglages (cle, valeur, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (cle) DO UPDATE SET valeur = EXCLUDED.valeur, updated_at = EXCLUDED.updated_at"
)


async def keys_match(conn: asyncpg.Connection) -> bool:
    """Whether the stored household keys were made with this server's secret. On a database with no key
    yet, records the secret's fingerprint (the keys made from now on will be this secret's), unless
    another process (a server, ``prevex demo``) recorded its own meanwhile: the first one wins, and a
    second with another secret is told its keys do not match."""
    row = await conn.fetchrow(_STATE, REGLAGE)
    mine = household_secret_fingerprint()
    if row["empreinte"] is None and not row["des_cles"]:
        # DO NOTHING waits for a concurrent recorder's commit; the next statement then sees its row.
        await conn.execute(_RECORD, REGLAGE, mine, datetime.now(UTC))
        return bool(await conn.fetchval(_RECORDED, REGLAGE) == mine)
    return bool(row["empreinte"] == mine)


async def check_keys(database: Database) -> bool:
    """:func:`keys_match` in a transaction of its own (which records the fingerprint on a new database)."""
    async with database.transaction() as conn:
        return await keys_match(conn)


STALE_KEYS_DETAIL = (
    "The stored household keys were made with another PREVEX_HOUSEHOLD_KEY_SECRET (or before keys "
    "were HMACs): filings are refused until an operator runs `prevex menages recalculer-cles`, so that "
    "no household gets a second dossier."
)


_IDS = "SELECT id FROM dossiers WHERE id > $1 ORDER BY id LIMIT $2"
_PAYLOADS = "SELECT dossier_id, payload FROM actes WHERE dossier_id = ANY($1::uuid[])"
_DELETE = "DELETE FROM dossier_cles WHERE dossier_id = ANY($1::uuid[])"
_INSERT = (
    "INSERT INTO dossier_cles (cle, dossier_id) SELECT * FROM unnest($1::text[], $2::uuid[]) "
    "ON CONFLICT DO NOTHING"
)


async def rekey(
    database: Database, *, batch: int = 500, progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Make every dossier's household keys again with the current secret, a batch of dossiers per
    transaction, then record the secret's fingerprint. Returns (dossiers, keys)."""
    dossiers = keys = 0
    last = uuid.UUID(int=0)
    while True:
        async with database.transaction() as conn:
            ids = [r["id"] for r in await conn.fetch(_IDS, last, batch)]
            if not ids:
                break
            made: set[tuple[str, uuid.UUID]] = set()
            for row in await conn.fetch(_PAYLOADS, ids):
                made.update((k, row["dossier_id"]) for k in household_keys(row["payload"]))
            await conn.execute(_DELETE, ids)
            pairs = sorted(made, key=lambda p: (p[0], str(p[1])))
            await conn.execute(_INSERT, [k for k, _ in pairs], [d for _, d in pairs])
        dossiers += len(ids)
        keys += len(pairs)
        last = ids[-1]
        if progress is not None:
            progress(len(ids))
    async with database.transaction() as conn:
        await conn.execute(_SET, REGLAGE, household_secret_fingerprint(), datetime.now(UTC))
    return dossiers, keys


def stale_keys_problem() -> ProblemException:
    return ProblemException(
        503,
        "cles-menages-perimees",
        "Household keys out of date",
        STALE_KEYS_DETAIL,
        headers={"Retry-After": str(get_settings().retry_after_seconds)},
    )


class KeyCheck:
    """Whether this server may file: its secret made the stored keys. Known at start; while not, asked
    again at most every few seconds (the operator may be running the re-keying command right now)."""

    _RECHECK_SECONDS = 5.0

    def __init__(self) -> None:
        self.ok = False
        self._checked = float("-inf")

    async def refresh(self, database: Database) -> bool:
        try:
            self.ok = await check_keys(database)
        except asyncpg.UndefinedTableError:  # a schema behind the code: /readyz says so
            self.ok = False
        self._checked = time.monotonic()
        return self.ok

    async def ensure(self, database: Database) -> None:
        """Raise the 503 problem unless the keys match (checking again if the last check is old)."""
        if self.ok:
            return
        if time.monotonic() - self._checked >= self._RECHECK_SECONDS and await self.refresh(database):
            return
        raise stale_keys_problem()
