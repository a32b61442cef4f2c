"""Acts as filed, with the server's receipt time (the legal proof of the filing date). The payload is
the one place a household's personal data lives: receipts are rebuilt from the act and its evaluation."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Acte(Base):
    __tablename__ = "actes"
    __table_args__ = (
        UniqueConstraint("partner_id", "reference"),
        Index("ix_actes_dossier_id_recu_le", "dossier_id", "recu_le"),
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
    nouveau_dossier: Mapped[bool] = mapped_column(Boolean, comment="the filing opened the dossier")
