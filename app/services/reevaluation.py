"""Re-evaluating stored dossiers after a rule change: new evaluations are written beside the old, each
with its ``dossier.reevalue`` event in the same transaction (the outbox the event feeds will read)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.acte import Acte, Evaluation
from app.models.dossier import Dossier
from app.models.event import Event
from app.services.decisions import ActInput, evaluate_dossier
from app.services.evaluations import latest_evaluation


async def dossier_ids(session: AsyncSession, territoire: str | None) -> list[uuid.UUID]:
    query = select(Dossier.id).order_by(Dossier.id)
    if territoire is not None:
        query = query.where(Dossier.territoire == territoire)
    return list((await session.scalars(query)).all())


async def reevaluate(session: AsyncSession, dossier_id: uuid.UUID) -> int:
    """1 when the rules now decide differently (a new evaluation is stored), else 0."""
    territoire = await session.scalar(select(Dossier.territoire).where(Dossier.id == dossier_id))
    acts = (
        await session.execute(
            select(Acte.id, Acte.payload, Acte.recu_le)
            .where(Acte.dossier_id == dossier_id)
            .order_by(Acte.recu_le, Acte.id)
        )
    ).all()
    if territoire is None or not acts:
        return 0
    version, decisions = evaluate_dossier(
        territoire, [ActInput(str(a.id), a.payload, a.recu_le) for a in acts]
    )
    latest = await latest_evaluation(session, dossier_id)
    if latest is not None and latest == (decisions, version):
        return 0
    known = {d["cle"] for d in (latest[0] if latest else [])}
    nouvelles = [d for d in decisions if d["cle"] not in known]
    evaluation_id, now = uuid.uuid4(), datetime.now(UTC)
    await session.execute(
        insert(Evaluation).values(
            id=evaluation_id,
            dossier_id=dossier_id,
            acte_id=None,
            motif="reevaluation",
            version_regles=version,
            decisions=decisions,
            nouvelles=nouvelles,
            created_at=now,
        )
    )
    await session.execute(
        insert(Event).values(
            type="dossier.reevalue",
            dossier_id=dossier_id,
            acte_id=None,
            territoire=territoire,
            data={
                "dossier_id": str(dossier_id),
                "evaluation_id": str(evaluation_id),
                "version_regles": version,
                "nouvelles_decisions": len(nouvelles),
            },
            created_at=now,
        )
    )
    return 1
