"""Every read of a dossier, by whom, when, through which operation. Append-only."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Identity, Index, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AuditLecture(Base):
    __tablename__ = "audit_lectures"
    __table_args__ = (Index("ix_audit_lectures_dossier_id_at", "dossier_id", "at"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    partner_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    partner_kind: Mapped[str] = mapped_column(String(32))
    dossier_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    operation: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(128))
