"""Dossiers: one per household and lease, whoever files its acts ("dites-le nous une fois")."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, func, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, created_at_column

STAGES = ("pre_contentieux", "contentieux", "execution", "clos")


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        CheckConstraint("stade IN ('pre_contentieux', 'contentieux', 'execution', 'clos')", name="stade"),
        CheckConstraint("parc IS NULL OR parc IN ('social', 'prive')", name="parc"),
        Index("ix_dossiers_territoire_id", "territoire", "id"),
        Index(
            "ix_dossiers_ccapex_attente",
            "territoire",
            "ccapex_depuis",
            "id",
            postgresql_where=text("ccapex_depuis IS NOT NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    territoire: Mapped[str] = mapped_column(String(3))
    parc: Mapped[str | None] = mapped_column(String(8))
    stade: Mapped[str] = mapped_column(String(16))
    bailleur_cle: Mapped[str | None] = mapped_column(
        String(64), comment="landlord identity (SIREN or name hash)"
    )
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ccapex_depuis: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True),
        comment="oldest open orientation to the CCAPEX (trigger on decisions); NULL: nothing awaits it",
    )
    anonymise_le: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="when the retention job anonymised it (docs/protection.md §4)"
    )


class DossierCle(Base):
    """Household keys (address + occupant identity, hashed) that point to dossiers. A key may point to
    several dossiers: the same household at the same address with another landlord is another lease."""

    __tablename__ = "dossier_cles"

    cle: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
