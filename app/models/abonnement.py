"""Webhook subscriptions: a partner's HTTPS endpoint and the event types it wants pushed.

The secret that signs deliveries (Standard Webhooks, ``whsec_…``) is stored encrypted
(``core/crypto.py``) and shown once, when made; a rotation keeps the previous secret signing beside the
new one until ``secret_precedent_jusqu_a`` (receivers verify with either). ``statut``: ``actif``;
``desactive`` by Prevex (the endpoint answered 410, or a delivery exhausted its retry budget: the reason
is ``motif``, and an ``abonnement.desactive`` event says so); ``supprime`` by the partner (the row stays,
its deliveries are listed no more)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, CheckConstraint, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

STATUTS = ("actif", "desactive", "supprime")


class Abonnement(Base):
    __tablename__ = "abonnements"
    __table_args__ = (
        CheckConstraint(f"statut IN ({', '.join(repr(s) for s in STATUTS)})", name="statut"),
        Index("ix_abonnements_partner_id_actifs", "partner_id", postgresql_where=text("statut = 'actif'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("partners.id"))
    url: Mapped[str] = mapped_column(Text)
    types: Mapped[list[str]] = mapped_column(ARRAY(String(64)), comment="event types, or {*}")
    secret: Mapped[str] = mapped_column(Text, comment="Fernet token of the whsec_ secret")
    secret_precedent: Mapped[str | None] = mapped_column(Text, comment="Fernet token, during an overlap")
    secret_precedent_jusqu_a: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    statut: Mapped[str] = mapped_column(String(16))
    motif: Mapped[str | None] = mapped_column(Text, comment="why Prevex disabled it")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    statut_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
