"""Partners (organisations that call the API) and their client credentials."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, CheckConstraint, DateTime, ForeignKey, String, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.core.kinds import PARTNER_KINDS
from app.models.base import Base, created_at_column

_KINDS_SQL = ", ".join(f"'{k}'" for k in PARTNER_KINDS)


class Partner(Base):
    __tablename__ = "partners"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_KINDS_SQL})", name="kind"),
        CheckConstraint("statut IN ('actif', 'revoque')", name="statut"),
        CheckConstraint("cardinality(territoires) > 0", name="territoires"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(32))
    nom: Mapped[str] = mapped_column(String(200))
    siret: Mapped[str] = mapped_column(String(14))
    territoires: Mapped[list[str]] = mapped_column(ARRAY(String(3)))
    statut: Mapped[str] = mapped_column(String(16), server_default=text("'actif'"))
    created_at: Mapped[datetime] = created_at_column()
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PartnerCredential(Base):
    """A client id and the SHA-256 of its secret (secrets are 256-bit random: a slow hash adds nothing)."""

    __tablename__ = "partner_credentials"

    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    secret_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = created_at_column()
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PartnerTerritoire(Base):
    """Which active partners act in a territory, by kind: the lookup that gives a new dossier's territorial
    grants in one index range scan (``partners.territoires`` is the source; the partners service keeps
    both in step)."""

    __tablename__ = "partenaire_territoires"

    territoire: Mapped[str] = mapped_column(String(3), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True
    )
