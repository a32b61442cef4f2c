"""Access grants: who may read a dossier, why, since when, and what the grant opens.

One row per (dossier, partner, motif). ``services/visibility.py`` decides which grants are written
(``depot``: the partner filed an act; ``territoire``: a territorial body of the dossier's territory;
``orientation``, ``attribution`` by the CCAPEX, ``consentement`` for a local commission) and reads them
for every read, search and feed. ``portee`` says what the grant opens: ``dossier`` (the dossier, as far
as the partner's kind may see each act) or ``propres_actes`` (only the partner's own acts and the
decisions about them). A grant that ends keeps its row (``jusqu_a``)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

MOTIFS = ("depot", "territoire", "orientation", "attribution", "consentement")
PORTEES = ("dossier", "propres_actes")


class Acces(Base):
    __tablename__ = "acces"
    __table_args__ = (
        CheckConstraint(f"motif IN ({', '.join(repr(m) for m in MOTIFS)})", name="motif"),
        CheckConstraint(f"portee IN ({', '.join(repr(p) for p in PORTEES)})", name="portee"),
        Index("ix_acces_partner_id_dossier_id", "partner_id", "dossier_id"),
    )

    dossier_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), primary_key=True
    )
    motif: Mapped[str] = mapped_column(String(16), primary_key=True)
    portee: Mapped[str] = mapped_column(String(16))
    depuis: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    jusqu_a: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acte_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("actes.id"), comment="the act that opened it (depot)"
    )
    accorde_par: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), comment="the partner that granted it (attribution)"
    )
    raison: Mapped[str | None] = mapped_column(Text, comment="why it was granted (attribution)")
