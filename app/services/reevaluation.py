"""Re-evaluating stored dossiers after a rule change, through the filing's own SQL and locks: each
dossier under its lock (so a re-evaluation and a filing into the same dossier run one after the
other, and a stale re-evaluation can never become the latest), a new evaluation beside the old ones
with the decisions it adds, finds met or no longer makes, and its ``dossier.reevalue`` event for the
dossier's grant holders, all in one transaction."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import asyncpg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.dossier import Dossier
from app.repositories import actes as sql
from app.services.actes import act_facts, decision_events, dossier_state
from app.services.decisions import ActInput, changes, evaluate_dossier
from app.services.evenements import NewEvent, event_rows
from app.services.visibility import acts_index, holders

_LATEST_VERSION = (
    "SELECT territoire, (SELECT e.version_regles FROM evaluations e WHERE e.dossier_id = d.id "
    "ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS version FROM dossiers d WHERE d.id = $1"
)


async def dossier_ids(session: AsyncSession, territoire: str | None) -> list[uuid.UUID]:
    query = select(Dossier.id).order_by(Dossier.id)
    if territoire is not None:
        query = query.where(Dossier.territoire == territoire)
    return list((await session.scalars(query)).all())


async def reevaluate(conn: asyncpg.Connection, dossier_id: uuid.UUID, *, now: datetime | None = None) -> int:
    """1 when the rules now decide differently, or under another version (a new evaluation is stored),
    else 0. Runs in the connection's current transaction."""
    state = await dossier_state(conn, dossier_id)  # takes the dossier's lock first
    head = await conn.fetchrow(_LATEST_VERSION, dossier_id)
    if head is None or not state.acts:
        return 0
    territoire = str(head["territoire"])
    version, decisions = evaluate_dossier(
        territoire, [ActInput(str(a["id"]), a["payload"], a["recu_le"]) for a in state.acts]
    )
    references = {str(a["id"]): str(a["payload"]["reference"]) for a in state.acts}
    diff = changes(state.decisions, decisions, references, act_facts(state.acts))
    if diff.empty and version == head["version"]:
        return 0
    now = now or datetime.now(UTC)
    evaluation_id = uuid.uuid4()
    dossier_holders = holders(state.grants)
    event = NewEvent(
        "dossier.reevalue",
        {
            "evaluation_id": str(evaluation_id),
            "version_regles": version,
            "nouvelles_decisions": len(diff.added),
        },
        [h.partner_id for h in dossier_holders],
    )
    events = [event, *decision_events(diff, acts_index(state.acts), dossier_holders)]
    # Status changes of stored decisions first (a key made again needs its old row replaced first).
    if updates := sql.status_changes(diff.replaced, diff.satisfied_stored, now):
        await conn.executemany(sql.SET_STATUT, updates)
    await conn.execute(
        sql.REEVALUATION,
        dossier_id,
        territoire,
        now,
        evaluation_id,
        version,
        [i for i, _, _ in diff.added],
        diff.satisfied,
        diff.replaced,
        json.dumps(diff.rows(), separators=(",", ":")),
        event_rows(events),
    )
    return 1
