"""CCAPEX sessions: a territory's plenary, restricted or local formation on a date, its members, and its
agenda (``seance_dossiers``: one row per dossier examined, with the outcome the secretariat records).

The partner that created the session is its secretariat. A member reads the agenda of the sessions it
belongs to and nothing of the others (``services/seances.py``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

FORMATIONS = ("pleniere", "restreinte", "locale")
ISSUES = ("examine", "ajourne", "retire")


class Seance(Base):
    __tablename__ = "seances"
    __table_args__ = (
        CheckConstraint(f"formation IN ({', '.join(repr(f) for f in FORMATIONS)})", name="formation"),
        Index("ix_seances_territoire_date", "territoire", "date"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    territoire: Mapped[str] = mapped_column(String(3))
    date: Mapped[date] = mapped_column(Date)
    formation: Mapped[str] = mapped_column(String(16))
    secretariat_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), comment="the partner that created it"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SeanceMembre(Base):
    __tablename__ = "seance_membres"
    __table_args__ = (Index("ix_seance_membres_partner_id", "partner_id"),)

    seance_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("seances.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), primary_key=True
    )


class SeanceDossier(Base):
    """One dossier on a session's agenda, and what the session made of it."""

    __tablename__ = "seance_dossiers"
    __table_args__ = (
        CheckConstraint(f"issue IS NULL OR issue IN ({', '.join(repr(i) for i in ISSUES)})", name="issue"),
        Index("ix_seance_dossiers_dossier_id", "dossier_id"),
    )

    seance_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("seances.id", ondelete="CASCADE"), primary_key=True
    )
    dossier_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("dossiers.id"), primary_key=True
    )
    ajoute_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    issue: Mapped[str | None] = mapped_column(String(16))
    avis: Mapped[str | None] = mapped_column(
        Text, comment="the session's opinion, as the secretariat wrote it"
    )
    issue_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
