"""The audit: every read, refused read and write of a dossier (and every read of the statistics: no dossier,
``objet`` says what was read) — who (partner, client), when, what
(operation, result), why (the caller's ``X-Motif``, the endpoint's purpose). Append-only, and
hash-chained in commit order (``services/audit.py``): each row carries its writing transaction's id
(``xid``); once that transaction is below every running one, the sealer gives the row the hash of the
previous row (``precedent``) and its own (``empreinte``), so that an altered, removed or reordered row
shows (``prevex audit verifier``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, DateTime, Identity, Index, String, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import Xid8

RESULTATS = ("lu", "refuse", "ecrit")


class AuditLecture(Base):
    __tablename__ = "audit_lectures"
    __table_args__ = (
        Index("ix_audit_lectures_dossier_id_at", "dossier_id", "at"),
        Index("ix_audit_lectures_xid_id", "xid", "id"),
        CheckConstraint(f"resultat IN ({', '.join(repr(r) for r in RESULTATS)})", name="resultat"),
        CheckConstraint("dossier_id IS NOT NULL OR objet IS NOT NULL", name="dossier_ou_objet"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    partner_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    partner_kind: Mapped[str] = mapped_column(String(32))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), comment="null when what was read is not a dossier (see objet)"
    )
    operation: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(128))
    xid: Mapped[int] = mapped_column(Xid8(), server_default=text("pg_current_xact_id()"))
    client_id: Mapped[str | None] = mapped_column(String(128))
    resultat: Mapped[str] = mapped_column(String(16), server_default="lu")
    motif: Mapped[str | None] = mapped_column(String(200), comment="the caller's X-Motif header")
    finalite: Mapped[str | None] = mapped_column(String(200), comment="the endpoint's purpose")
    precedent: Mapped[str | None] = mapped_column(String(64), comment="the previous row's empreinte")
    empreinte: Mapped[str | None] = mapped_column(String(64), comment="sha256 of precedent and this row")
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), comment="the console user (a person of the partner), when it was one"
    )
    objet: Mapped[dict[str, Any] | None] = mapped_column(
        JSONB, comment="what was read when it is not a dossier (statistics: territoire, du, au, format)"
    )
