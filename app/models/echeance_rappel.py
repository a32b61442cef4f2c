"""Deadlines already announced as near (``echeance.proche``): one row per decision, written by the
deadline watch in the statement that writes the event, so that the event is written once per deadline
whatever the number of workers and restarts. (An overdue deadline needs no row: its decision's
``statut`` becomes ``depassee`` in the same way, once.)"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class EcheanceRappel(Base):
    __tablename__ = "echeance_rappels"

    decision_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("decisions.id"), primary_key=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
