"""One run of the rules engine on a dossier: on a filing (``depot``) or a re-evaluation after a rule
change (``reevaluation``). Immutable history: each row lists the decisions it added, the ones it found
met (``satisfaites``) and the ones it no longer makes (``remplacees``), in the engine's order; the
current decisions are the ``decisions`` table."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, DateTime, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Evaluation(Base):
    __tablename__ = "evaluations"
    __table_args__ = (Index("ix_evaluations_dossier_id_created_at", "dossier_id", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("dossiers.id"))
    acte_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("actes.id"), index=True)
    motif: Mapped[str] = mapped_column(String(16))
    version_regles: Mapped[str] = mapped_column(String(200))
    ajoutees: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)), comment="decisions it made")
    satisfaites: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), comment="decisions it found met by the act"
    )
    remplacees: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), comment="decisions it no longer makes"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
