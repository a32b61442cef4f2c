"""The console's people: users of a partner (role, argon2id password, encrypted TOTP secret, OIDC
identity), their server-side sessions, the OpenID Connect sign-ins under way; the audit's user column
(nullable, chained only when set), kept unchanged by the sealer's update like the other chained columns

Revision ID: 8e4d2a6c1b75
Revises: 3c1f7e2a9b54
Create Date: 2026-12-02 14:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "8e4d2a6c1b75"
down_revision: str | None = "3c1f7e2a9b54"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The append-only trigger (migration 3a9c7e5b1d42) lets the sealer write a row's hashes only when its
# content is unchanged: the content now includes user_id.
_BEFORE = (
    "id, at, partner_id, partner_kind, client_id, dossier_id, operation, request_id, xid, resultat, motif, finalite"
)
_AFTER = _BEFORE + ", user_id"


def _function(content: str) -> str:
    old = ", ".join(f"OLD.{c.strip()}" for c in content.split(","))
    new = ", ".join(f"NEW.{c.strip()}" for c in content.split(","))
    return f"""
CREATE OR REPLACE FUNCTION audit_lectures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_lectures is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'UPDATE' THEN
    -- The sealer's update: a row without hashes gets them, nothing else changes.
    IF OLD.empreinte IS NULL AND NEW.empreinte IS NOT NULL AND NEW.precedent IS NOT NULL
       AND ({new}) IS NOT DISTINCT FROM ({old}) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_lectures is append-only: row % may not be changed', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- DELETE: the purge job's only (it sets prevex.purge_audit for its transaction), of sealed rows.
  IF current_setting('prevex.purge_audit', true) = 'on' AND OLD.empreinte IS NOT NULL THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_lectures is append-only: row % may only be deleted by the purge job', OLD.id
    USING ERRCODE = 'insufficient_privilege';
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "utilisateurs",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("partner_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("mot_de_passe", sa.String(length=200), nullable=True, comment="argon2id hash"),
        sa.Column("totp_secret", sa.String(length=300), nullable=True, comment="Fernet-encrypted base32 secret"),
        sa.Column(
            "totp_dernier_pas",
            sa.BigInteger(),
            nullable=True,
            comment="the last accepted TOTP time step (a code is accepted once)",
        ),
        sa.Column(
            "mot_de_passe_a_changer",
            sa.Boolean(),
            server_default=sa.text("true"),
            nullable=False,
            comment="the password is the one-time one printed by the CLI",
        ),
        sa.Column("oidc_issuer", sa.String(length=300), nullable=True),
        sa.Column("oidc_subject", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("desactive_le", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("role IN ('secretariat', 'membre', 'lecture')", name=op.f("ck_utilisateurs_role")),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_utilisateurs_email_minuscules")),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_utilisateurs_partner_id_partners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_utilisateurs")),
        sa.UniqueConstraint("email", name="uq_utilisateurs_email"),
        sa.UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_utilisateurs_oidc"),
    )
    op.create_index(op.f("ix_utilisateurs_partner_id"), "utilisateurs", ["partner_id"], unique=False)
    op.create_table(
        "console_sessions",
        sa.Column("id_sha256", sa.String(length=64), nullable=False),
        sa.Column("utilisateur_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("etape", sa.String(length=8), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vu_le", sa.DateTime(timezone=True), nullable=False, comment="last use (idle timeout)"),
        sa.CheckConstraint("etape IN ('totp', 'mdp', 'active')", name=op.f("ck_console_sessions_etape")),
        sa.ForeignKeyConstraint(
            ["utilisateur_id"],
            ["utilisateurs.id"],
            name=op.f("fk_console_sessions_utilisateur_id_utilisateurs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id_sha256", name=op.f("pk_console_sessions")),
    )
    op.create_index("ix_console_sessions_utilisateur_id", "console_sessions", ["utilisateur_id"], unique=False)
    op.create_table(
        "console_oidc_etats",
        sa.Column("state_sha256", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("code_verifier", sa.String(length=128), nullable=False),
        sa.Column("suivant", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("state_sha256", name=op.f("pk_console_oidc_etats")),
    )
    op.add_column(
        "audit_lectures",
        sa.Column(
            "user_id",
            postgresql.UUID(as_uuid=True),
            nullable=True,
            comment="the console user (a person of the partner), when it was one",
        ),
    )
    op.execute(_function(_AFTER))


def downgrade() -> None:
    op.execute(_function(_BEFORE))
    op.drop_column("audit_lectures", "user_id")
    op.drop_table("console_oidc_etats")
    op.drop_index("ix_console_sessions_utilisateur_id", table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_index(op.f("ix_utilisateurs_partner_id"), table_name="utilisateurs")
    op.drop_table("utilisateurs")
