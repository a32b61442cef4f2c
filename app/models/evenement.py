"""The event log: one row per thing that happened to a dossier (or to a partner itself), written in the
transaction that made it happen, and the partners each event is for.

Events are read in commit order: each row carries its writing transaction's id (``xid``,
``pg_current_xact_id()``) beside an identity ``seq``; a reader pages on ``(xid, seq)`` and only reads
rows whose ``xid`` is below the oldest transaction still running (``pg_snapshot_xmin``), so an event
that a slower transaction commits late is never skipped (``services/evenements.py``). The public id is
a random UUID: ``seq`` and ``xid`` say how much the whole service files, and never leave it. An event
about a partner itself (its subscription disabled) has no dossier. Events last
``PREVEX_EVENT_RETENTION_DAYS`` (``jobs/maintenance.py`` purges a prefix of the log, in commit order:
``ix_evenements_xid_seq``; recipients go with their event).

No foreign keys from the log to dossiers, acts or partners: it is append-only, written only by
``services/evenements.py`` in the transaction of the change it reports, about a dossier and act that
same transaction wrote or read, and checking each of its rows (several events and recipients per
filing) cost a third of the filing's write statement (``EXPLAIN ANALYZE``, ``bench/README.md``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, ForeignKey, Identity, Index, String, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import Xid8


class Evenement(Base):
    __tablename__ = "evenements"
    __table_args__ = (Index("ix_evenements_xid_seq", "xid", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), unique=True, server_default=text("gen_random_uuid()")
    )
    xid: Mapped[int] = mapped_column(Xid8(), server_default=text("pg_current_xact_id()"))
    type: Mapped[str] = mapped_column(String(64))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), index=True, comment="null: about the partner itself"
    )
    acte_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    territoire: Mapped[str | None] = mapped_column(String(3))
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class EvenementDestinataire(Base):
    """Who an event is for: one row per (partner, event), keyed so that a partner's feed is one index
    range scan in commit order. Deleted with its event (retention)."""

    __tablename__ = "evenement_destinataires"

    partner_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    xid: Mapped[int] = mapped_column(Xid8(), primary_key=True)
    seq: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("evenements.seq", ondelete="CASCADE"), primary_key=True
    )
