"""Webhook deliveries: one row per (subscription, event) to push, written by the event writer in the
transaction of the event itself (the outbox), and one row per attempt.

A delivery's ``statut``: ``en_attente`` until an attempt succeeds (``livree``), or it is abandoned
(``echouee``: a 410, or the retry budget spent) or has nothing left to deliver (``annulee``: the
subscription is gone, or the partner may no longer see the dossier). Each attempt is claimed by writing
its row (``livraison_id``, ``numero``) in a transaction of its own before the request leaves, and
completed after: a worker killed mid-request leaves its row ``en_cours``, which the next run of the
delivery marks ``interrompue`` before making the next attempt, so no attempt is ever made twice and none
is lost (``jobs/livraisons.py``)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import expression, func

from app.models.base import Base

STATUTS = ("en_attente", "livree", "echouee", "annulee")
RESULTATS = ("en_cours", "succes", "echec", "interrompue")


class Livraison(Base):
    __tablename__ = "livraisons"
    __table_args__ = (
        CheckConstraint(f"statut IN ({', '.join(repr(s) for s in STATUTS)})", name="statut"),
        Index("ix_livraisons_abonnement_id_created_at", "abonnement_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=func.gen_random_uuid()
    )
    abonnement_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("abonnements.id"))
    evenement_seq: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("evenements.seq", ondelete="CASCADE"), index=True
    )
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    rejeu: Mapped[bool] = mapped_column(Boolean, server_default=expression.false())
    statut: Mapped[str] = mapped_column(String(16), server_default="en_attente")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    statut_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Tentative(Base):
    __tablename__ = "livraison_tentatives"
    __table_args__ = (
        CheckConstraint(f"resultat IN ({', '.join(repr(r) for r in RESULTATS)})", name="resultat"),
    )

    livraison_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("livraisons.id", ondelete="CASCADE"), primary_key=True
    )
    numero: Mapped[int] = mapped_column(Integer, primary_key=True)
    debut: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    fin: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resultat: Mapped[str] = mapped_column(String(16))
    statut_http: Mapped[int | None] = mapped_column(Integer)
    erreur: Mapped[str | None] = mapped_column(Text)
    prochain_essai: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    worker: Mapped[str | None] = mapped_column(String(128))
