"""The rules engine's stored evaluations of a dossier."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.acte import Evaluation


async def latest_evaluation(
    session: AsyncSession, dossier_id: uuid.UUID
) -> tuple[list[dict[str, Any]], str] | None:
    """The decisions of the dossier's latest evaluation and the version of the rules that made them."""
    row = (
        await session.execute(
            select(Evaluation.decisions, Evaluation.version_regles)
            .where(Evaluation.dossier_id == dossier_id)
            .order_by(Evaluation.created_at.desc(), Evaluation.id.desc())
            .limit(1)
        )
    ).first()
    return None if row is None else (list(row.decisions), str(row.version_regles))
