"""Retention (docs/protection.md §4): closed dossiers anonymised, idempotency records expired.

**Anonymisation.** A dossier closed (an act of stage ``clos``: ``expulsion``, ``cloture``) for
``PREVEX_ANONYMISATION_DELAI_JOURS`` days (counted from the latest closing act's ``date_acte`` to
:func:`app.core.clock.today`, which ``PREVEX_TODAY`` moves) is anonymised, one dossier per transaction,
under the dossier's filing lock:

- **the acts' payloads** (the one place a household's personal data lives) lose every field of the
  ``identite`` and ``contact`` groups (:data:`app.schemas.politiques.CHAMPS_COMMUNS`) and the other fields
  that name or number the household or a person (:data:`EFFACES`): the field is kept with the value
  ``null``, so that the act's shape stays (how many occupants, whether an allocataire number was given:
  who may see the dossier does not change); amounts (``*_cents``) are rounded to the nearest 100 € (an
  exact debt and its dates would single a household out);
- **the household keys** (``dossier_cles``) are deleted: no later filing can match the household to it;
- **the free texts** written about the household (a recommendation's text, its follow-up comments, a
  session's opinion, an attribution's reason) are erased, and the facts a decision read lose the erased
  paths;
- what statistics need stays: the dossier, its territory, parc and stage, every act's type, dates,
  filer and its field groups, decisions, deadlines, sessions and outcomes;
- ``dossier.anonymise`` is written through the one event writer (``services/evenements.py``) to every
  partner holding a grant on the dossier, so that they purge their copies too; receipts rebuilt from the
  act (an Idempotency-Key replay, a resent reference) then carry the anonymised act.

**Idempotency records** older than ``PREVEX_IDEMPOTENCY_RETENTION_HOURS`` are deleted: the same key then
files anew (a resent reference still answers with the act's receipt, the ``(partner, reference)`` pair
being unique for ever).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import asyncpg

from app.core import clock
from app.core.db import Database
from app.repositories.actes import lock_dossier
from app.schemas.actes import POLITIQUES
from app.schemas.politiques import CHAMPS_COMMUNS
from app.services.actes import canonical_json
from app.services.evenements import NewEvent, publish

EFFACE = None
"""What an erased field holds."""

#: Occupant fields erased: the ``identite`` and ``contact`` groups (every field of an occupant).
CHAMPS_OCCUPANT: tuple[str, ...] = tuple(
    path.split(".", 1)[1] for path in CHAMPS_COMMUNS["identite"] + CHAMPS_COMMUNS["contact"]
)
#: Other fields that name, number or locate the household or a person: the street address (the postal
#: and INSEE codes stay), the landlord's name (a natural person's, often; category and SIREN stay), the
#: CAF/MSA allocataire number.
EFFACES: tuple[str, ...] = ("logement.adresse", "bailleur.nom", "numero_allocataire")
#: Amounts are rounded to this many cents (100 €).
ARRONDI_CENTS = 10_000

_CLOSING = sorted(t for t, politique in POLITIQUES.items() if politique.clot)


def _round(value: int) -> int:
    return int((value + ARRONDI_CENTS // 2) // ARRONDI_CENTS * ARRONDI_CENTS)


def _amounts(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {
            k: _round(v)
            if k.endswith("_cents") and isinstance(v, int) and not isinstance(v, bool)
            else _amounts(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_amounts(v) for v in value]
    return value


def anonymised(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The act's payload without what identifies the household (pure: the same payload, the same
    result; an anonymised payload is its own anonymisation)."""
    out: dict[str, Any] = _amounts(dict(payload))
    occupants = out.get("occupants")
    if isinstance(occupants, list):
        out["occupants"] = [
            {k: (EFFACE if k in CHAMPS_OCCUPANT else v) for k, v in o.items()}
            if isinstance(o, Mapping)
            else o
            for o in occupants
        ]
    for path in EFFACES:
        head, _, tail = path.partition(".")
        if head not in out:
            continue
        if not tail:
            out[head] = EFFACE
        elif isinstance(out[head], Mapping) and tail in out[head]:
            out[head] = {**out[head], tail: EFFACE}
    return out


def _erased_fact(path: str) -> bool:
    return (path.startswith("occupants.") and path.split(".")[-1] in CHAMPS_OCCUPANT) or path in EFFACES


# Which dossiers ---------------------------------------------------------------------------------

_DUE = """
SELECT d.id, d.territoire, max(a.date_acte) FILTER (WHERE a.type = ANY($2::text[])) AS clos_le,
       count(*) AS actes
FROM dossiers d JOIN actes a ON a.dossier_id = d.id
WHERE d.stade = 'clos' AND d.anonymise_le IS NULL AND d.id > $3
GROUP BY d.id
HAVING max(a.date_acte) FILTER (WHERE a.type = ANY($2::text[])) <= $1
ORDER BY d.id
LIMIT $4
"""


@dataclass(frozen=True)
class Due:
    """A dossier due for anonymisation: its id, territory, closing date and number of acts (no personal
    data: what a dry run lists)."""

    dossier_id: uuid.UUID
    territoire: str
    clos_le: date
    actes: int


async def due(conn: asyncpg.Connection, today: date, delai_jours: int, *, limit: int = 10_000) -> list[Due]:
    """The dossiers closed on or before ``today - delai_jours`` and not yet anonymised, by id."""
    found: list[Due] = []
    last = uuid.UUID(int=0)
    cutoff = today - timedelta(days=delai_jours)
    while len(found) < limit:
        rows = await conn.fetch(_DUE, cutoff, _CLOSING, last, min(1000, limit - len(found)))
        if not rows:
            break
        found += [Due(r["id"], r["territoire"], r["clos_le"], r["actes"]) for r in rows]
        last = rows[-1]["id"]
    return found


# Anonymising one dossier ------------------------------------------------------------------------

_LOCKED = "SELECT territoire, anonymise_le FROM dossiers WHERE id = $1 FOR UPDATE"
_ACTS = "SELECT id, payload FROM actes WHERE dossier_id = $1 ORDER BY id"
_SET_PAYLOAD = "UPDATE actes SET payload = CAST($2 AS jsonb) WHERE id = $1"
_DECISIONS = "SELECT id, faits FROM decisions WHERE dossier_id = $1"
_SET_FAITS = "UPDATE decisions SET faits = CAST($2 AS jsonb) WHERE id = $1"
_TEXTS = (
    "DELETE FROM dossier_cles WHERE dossier_id = $1",
    "UPDATE recommandations SET texte = '' WHERE dossier_id = $1",
    "UPDATE recommandation_suivis SET commentaire = NULL "
    "WHERE recommandation_id IN (SELECT id FROM recommandations WHERE dossier_id = $1)",
    "UPDATE seance_dossiers SET avis = NULL WHERE dossier_id = $1",
    "UPDATE acces SET raison = NULL WHERE dossier_id = $1",
)
_HOLDERS = (
    "SELECT DISTINCT partner_id FROM acces WHERE dossier_id = $1 AND jusqu_a IS NULL ORDER BY partner_id"
)
_MARK = "UPDATE dossiers SET anonymise_le = $2 WHERE id = $1"


async def anonymise(conn: asyncpg.Connection, dossier_id: uuid.UUID, clos_le: date, now: datetime) -> int:
    """Anonymise one dossier in the connection's transaction; the number of acts rewritten (0 when it was
    already anonymised)."""
    await conn.execute(lock_dossier(str(dossier_id)))
    row = await conn.fetchrow(_LOCKED, dossier_id)
    if row is None or row["anonymise_le"] is not None:
        return 0
    rewritten = 0
    for act in await conn.fetch(_ACTS, dossier_id):
        payload = _json(act["payload"])
        after = anonymised(payload)
        if after != payload:
            await conn.execute(_SET_PAYLOAD, act["id"], canonical_json(after))
            rewritten += 1
    for decision in await conn.fetch(_DECISIONS, dossier_id):
        faits = _json(decision["faits"])
        kept = {k: EFFACE if _erased_fact(k) else _amounts({k: v})[k] for k, v in faits.items()}
        if kept != faits:
            await conn.execute(_SET_FAITS, decision["id"], canonical_json(kept))
    for statement in _TEXTS:
        await conn.execute(statement, dossier_id)
    await conn.execute(_MARK, dossier_id, now)
    holders = [r["partner_id"] for r in await conn.fetch(_HOLDERS, dossier_id)]
    if holders:
        data = {"clos_le": clos_le.isoformat(), "anonymise_le": now.date().isoformat()}
        await publish(
            conn, dossier_id, row["territoire"], [NewEvent("dossier.anonymise", data, holders)], now
        )
    return rewritten


def _json(value: Any) -> dict[str, Any]:
    return dict(json.loads(value) if isinstance(value, str) else value)


@dataclass
class Bilan:
    """What a run did: the dossiers anonymised (ids only) and the acts rewritten."""

    dossiers: list[uuid.UUID] = field(default_factory=list)
    actes: int = 0


async def run(database: Database, delai_jours: int, today: date | None = None) -> Bilan:
    """Anonymise every dossier due, one transaction each (safe to run concurrently: each dossier is
    locked and checked again)."""
    today = today or clock.today()
    async with database.transaction() as conn:
        todo: Sequence[Due] = await due(conn, today, delai_jours)
    bilan = Bilan()
    for item in todo:
        async with database.transaction() as conn:
            rewritten = await anonymise(conn, item.dossier_id, item.clos_le, clock.now())
        bilan.dossiers.append(item.dossier_id)
        bilan.actes += rewritten
    return bilan


# Idempotency records ----------------------------------------------------------------------------

_EXPIRE = """
WITH old AS (SELECT partner_id, cle FROM idempotency_keys WHERE created_at < $1 ORDER BY created_at LIMIT $2)
DELETE FROM idempotency_keys k USING old WHERE k.partner_id = old.partner_id AND k.cle = old.cle
"""


async def expire_idempotency(conn: asyncpg.Connection, before: datetime, batch: int = 10_000) -> int:
    """Delete a batch of the idempotency records created before ``before``; how many."""
    status: str = await conn.execute(_EXPIRE, before, batch)
    return int(status.split()[-1])
