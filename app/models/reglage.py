"""Server-wide values kept in the database (e.g. the fingerprint of the secret that made the household
keys, so that a server started with another secret knows its keys no longer match)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Reglage(Base):
    __tablename__ = "reglages"

    cle: Mapped[str] = mapped_column(String(64), primary_key=True)
    valeur: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
