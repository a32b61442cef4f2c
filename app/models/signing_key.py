"""RS256 keys that sign access tokens. The newest active key signs; every key not yet retired is
published in the JWKS, so tokens signed before a rotation stay valid until they expire. The private key
is stored encrypted (a Fernet token, ``core/crypto.py``), never in clear."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, created_at_column


class SigningKey(Base):
    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_pem: Mapped[str] = mapped_column(Text, comment="Fernet token of the PEM (core/crypto.py)")
    public_jwk: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at_column()
    retire_after: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
