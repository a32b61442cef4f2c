"""The console's people: users of a partner (with a role in it), their sessions, and the OpenID Connect
sign-ins under way (docs/console-comptes.md)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, created_at_column

ROLES = ("secretariat", "membre", "lecture")


class Utilisateur(Base):
    """A person of one partner. ``email`` is stored lower-cased; ``mot_de_passe`` is an argon2id hash;
    ``totp_secret`` is Fernet-encrypted (``core/crypto.py``); ``oidc_issuer`` and ``oidc_subject`` are
    the identity the provider gave at the first OIDC sign-in."""

    __tablename__ = "utilisateurs"
    __table_args__ = (
        CheckConstraint(f"role IN ({', '.join(repr(r) for r in ROLES)})", name="role"),
        CheckConstraint("email = lower(email)", name="email_minuscules"),
        UniqueConstraint("email", name="uq_utilisateurs_email"),
        UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_utilisateurs_oidc"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    partner_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(16))
    mot_de_passe: Mapped[str | None] = mapped_column(String(200), comment="argon2id hash")
    totp_secret: Mapped[str | None] = mapped_column(String(300), comment="Fernet-encrypted base32 secret")
    totp_dernier_pas: Mapped[int | None] = mapped_column(
        BigInteger, comment="the last accepted TOTP time step (a code is accepted once)"
    )
    mot_de_passe_a_changer: Mapped[bool] = mapped_column(
        Boolean, server_default=text("true"), comment="the password is the one-time one printed by the CLI"
    )
    oidc_issuer: Mapped[str | None] = mapped_column(String(300))
    oidc_subject: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = created_at_column()
    desactive_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ConsoleSession(Base):
    """A browser's session. The cookie carries a random token; the row is keyed by its SHA-256 (a read
    of the table gives no usable cookie). ``etape`` is ``totp`` between the password and the code,
    ``mdp`` while the one-time password must be changed (neither is signed in yet), ``active`` once
    signed in. ``id_token`` is the ID token of an OpenID Connect sign-in, the ``id_token_hint`` of the
    sign-out at the provider (not a credential here: Prevex accepts no ID token as a bearer token)."""

    __tablename__ = "console_sessions"
    __table_args__ = (
        CheckConstraint("etape IN ('totp', 'mdp', 'active')", name="etape"),
        Index("ix_console_sessions_utilisateur_id", "utilisateur_id"),
    )

    id_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    utilisateur_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("utilisateurs.id", ondelete="CASCADE")
    )
    etape: Mapped[str] = mapped_column(String(8))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    vu_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="last use (idle timeout)")
    id_token: Mapped[str | None] = mapped_column(
        Text, comment="the OIDC sign-in's ID token (id_token_hint at sign-out); null for a local account"
    )


class OidcEtat(Base):
    """An OpenID Connect sign-in under way: the ``state`` sent to the provider (its SHA-256), with the
    ``nonce`` and the PKCE ``code_verifier`` the callback needs, and where to go after."""

    __tablename__ = "console_oidc_etats"

    state_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64))
    code_verifier: Mapped[str] = mapped_column(String(128))
    suivant: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
