"""Idempotency keys (IETF draft): per partner and key, the request's hash and the act it filed (the
replayed answer is rebuilt from the act, byte-identical to the first)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (Index("ix_idempotency_keys_created_at", "created_at"),)

    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id"), primary_key=True
    )
    cle: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_sha256: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int] = mapped_column(Integer)
    acte_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("actes.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
