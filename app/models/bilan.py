"""The outcome of a dossier examined by the CCAPEX, 12 months after its session (seed 000 action 23):
one row per dossier, written by the follow-up job when it asks the secretariat (``demande_le``), filled
by ``PUT /v1/dossiers/{id}/bilan`` (``issue`` and the flags), changeable up to 20 months after the
session (``services/recommandations.py``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

ISSUES = ("maintien", "relogement", "depart", "expulsion")


class Bilan(Base):
    __tablename__ = "bilans"
    __table_args__ = (
        CheckConstraint(f"issue IS NULL OR issue IN ({', '.join(repr(i) for i in ISSUES)})", name="issue"),
    )

    dossier_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("dossiers.id"), primary_key=True
    )
    seance_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("seances.id"))
    seance_date: Mapped[date] = mapped_column(Date)
    demande_le: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="when the 12-month review asked the secretariat"
    )
    issue: Mapped[str | None] = mapped_column(String(16))
    surendettement: Mapped[bool | None] = mapped_column(Boolean)
    fsl: Mapped[bool | None] = mapped_column(Boolean)
    pcs: Mapped[bool | None] = mapped_column(Boolean)
    renseigne_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    renseigne_par: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("partners.id"))
