"""Acts as filed, with the server's receipt time (the legal proof of the filing date)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Acte(Base):
    __tablename__ = "actes"
    __table_args__ = (
        UniqueConstraint("partner_id", "reference"),
        Index("ix_actes_dossier_id_recu_le", "dossier_id", "recu_le"),
        Index("ix_actes_partner_id_recu_le", "partner_id", "recu_le"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("dossiers.id"))
    partner_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("partners.id"))
    partner_kind: Mapped[str] = mapped_column(String(32))
    type: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(128))
    territoire: Mapped[str] = mapped_column(String(3))
    date_acte: Mapped[date] = mapped_column(Date)
    recu_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    receipt: Mapped[dict[str, Any]] = mapped_column(JSONB, comment="the 201 response body, replayed as is")


class Evaluation(Base):
    """One run of the rules engine on a dossier: on a filing (``depot``) or a re-evaluation after a rule
    change (``reevaluation``). Immutable: new rows are written beside the old ones."""

    __tablename__ = "evaluations"
    __table_args__ = (Index("ix_evaluations_dossier_id_created_at", "dossier_id", "created_at"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("dossiers.id"))
    acte_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("actes.id"), index=True)
    motif: Mapped[str] = mapped_column(String(16))
    version_regles: Mapped[str] = mapped_column(String(200))
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, comment="every decision for the dossier")
    nouvelles: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, comment="decisions this evaluation added")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
