"""What the household said about a local commission (CLPIL/CLIL) examining its dossier (seed 002 annex 6):
``informe`` (told, did not object) or ``refus``. One row per (dossier, commission); a new statement
replaces the previous one (``services/consentements.py``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

STATUTS = ("informe", "refus")


class Consentement(Base):
    __tablename__ = "consentements"
    __table_args__ = (CheckConstraint("statut IN ('informe', 'refus')", name="statut"),)

    dossier_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("dossiers.id"), primary_key=True
    )
    commission_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), primary_key=True
    )
    statut: Mapped[str] = mapped_column(String(16))
    date: Mapped[date] = mapped_column(Date, comment="when the household said it")
    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), comment="who recorded it"
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
