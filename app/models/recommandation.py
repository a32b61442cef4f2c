"""Recommendations (avis et recommandations) of a CCAPEX, a local commission or the COMEX on a dossier,
to a partner or to the household, and every change of their follow-up (``recommandation_suivis``).

``statut`` is the current follow-up (``en_cours`` at emission); ``date_reference`` is the date of the
session it came from (or of its emission without one): the 6-month reminder counts from it
(``rappel_le``, written once by the follow-up job)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import get_args

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    String,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.schemas.recommandations import Nature, Statut

# The catalogue is the contract's (schemas/recommandations.py): one list, checked here by the database.
NATURES = get_args(Nature)
STATUTS = get_args(Statut)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Recommandation(Base):
    __tablename__ = "recommandations"
    __table_args__ = (
        CheckConstraint(_in("nature", NATURES), name="nature"),
        CheckConstraint(_in("statut", STATUTS), name="statut"),
        CheckConstraint("(destinataire_id IS NULL) = destinataire_menage", name="destinataire"),
        Index("ix_recommandations_destinataire_id_created_at", "destinataire_id", "created_at"),
        Index("ix_recommandations_dossier_id", "dossier_id"),
        Index(
            "ix_recommandations_a_rappeler",
            "date_reference",
            postgresql_where=text("statut = 'en_cours' AND rappel_le IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("dossiers.id"))
    emetteur_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("partners.id"))
    destinataire_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), comment="the partner addressed; null for the household"
    )
    destinataire_menage: Mapped[bool] = mapped_column(Boolean)
    nature: Mapped[str] = mapped_column(String(40))
    texte: Mapped[str] = mapped_column(Text)
    echeance: Mapped[date | None] = mapped_column(Date)
    seance_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), ForeignKey("seances.id"))
    date_reference: Mapped[date] = mapped_column(Date, comment="the session's date, else the emission's")
    statut: Mapped[str] = mapped_column(String(16))
    statut_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    rappel_le: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="when the 6-month reminder was sent"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RecommandationSuivi(Base):
    """One change of a recommendation's follow-up: never updated, never deleted."""

    __tablename__ = "recommandation_suivis"
    __table_args__ = (
        CheckConstraint(_in("statut", STATUTS), name="statut"),
        Index("ix_recommandation_suivis_recommandation_id", "recommandation_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    recommandation_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("recommandations.id", ondelete="CASCADE")
    )
    statut: Mapped[str] = mapped_column(String(16))
    date: Mapped[date] = mapped_column(Date, comment="when it happened, as the partner says")
    commentaire: Mapped[str | None] = mapped_column(Text)
    partner_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("partners.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
