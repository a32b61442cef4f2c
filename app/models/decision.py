"""The dossier's decisions as a table: what is due, by when, for whom, and whether it still stands.

One row per decision the rules engine ever made for a dossier, written in the evaluation's transaction.
``statut``: ``active``; ``satisfaite`` when a later act meets it; ``depassee`` once its date passed
unmet; ``remplacee`` when a later evaluation no longer makes it (the row stays: nothing is deleted, and
each change is traced by the evaluation or event that made it). At most one row per ``cle`` is not
``remplacee``. ``faits`` are the facts the rule read, never names, contacts or birth dates (those live in
the act's payload only)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

STATUTS = ("active", "satisfaite", "depassee", "remplacee")
KINDS = ("echeance", "orientation", "alerte")


class Decision(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(f"statut IN ({', '.join(repr(s) for s in STATUTS)})", name="statut"),
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in KINDS)})", name="kind"),
        Index(
            "uq_decisions_dossier_id_cle_courante",
            "dossier_id",
            "cle",
            unique=True,
            postgresql_where=text("statut <> 'remplacee'"),
        ),
        Index(
            "ix_decisions_echeances_actives",
            "date",
            postgresql_where=text("statut = 'active' AND kind = 'echeance'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("dossiers.id"))
    cle: Mapped[str] = mapped_column(Text, comment="kind|code|regle|acte[|precision]")
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(64))
    date: Mapped[dt.date | None] = mapped_column(Date)
    destinataire: Mapped[str | None] = mapped_column(String(32), comment="the partner kind addressed")
    regle: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    acte_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("actes.id"), comment="the act that caused it"
    )
    precision: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    faits: Mapped[dict[str, Any]] = mapped_column(JSONB, comment="the facts the rule read")
    actes_lies: Mapped[dict[str, Any]] = mapped_column(JSONB, comment="alias -> id of the other acts it read")
    statut: Mapped[str] = mapped_column(String(16))
    statut_le: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    evaluation_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("evaluations.id"), comment="the evaluation that made it"
    )
