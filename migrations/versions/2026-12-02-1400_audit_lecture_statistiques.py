"""The audit records statistics reads: ``audit_lectures.dossier_id`` nullable, ``objet`` (JSONB: what was
read when it is not a dossier, e.g. the indicators' territory and years), a check that a row names one or
the other, and the append-only trigger's content comparison extended to ``objet`` (the sealer may still
only add a row's hashes)

Revision ID: 8e4d2c7a5f13
Revises: 8e4d2a6c1b75
Create Date: 2026-12-02 14:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "8e4d2c7a5f13"
down_revision: str | None = "8e4d2a6c1b75"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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


# The chained columns must not change when the sealer writes a row's hashes (services/audit.py).
_BEFORE = (
    "id, at, partner_id, partner_kind, client_id, dossier_id, operation, request_id, xid, resultat, motif, finalite"
    ", user_id"  # the console's user (migration 8e4d2a6c1b75)
)
_AFTER = _BEFORE + ", objet"


def upgrade() -> None:
    op.alter_column(
        "audit_lectures",
        "dossier_id",
        existing_type=postgresql.UUID(as_uuid=True),
        nullable=True,
        comment="null when what was read is not a dossier (see objet)",
    )
    op.add_column(
        "audit_lectures",
        sa.Column(
            "objet",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=True,
            comment="what was read when it is not a dossier (statistics: territoire, du, au, format)",
        ),
    )
    op.create_check_constraint(
        "dossier_ou_objet", "audit_lectures", "dossier_id IS NOT NULL OR objet IS NOT NULL"
    )
    op.execute(_function(_AFTER))


def downgrade() -> None:
    # Rows without a dossier cannot go back (the audit is append-only): the downgrade refuses them.
    op.execute(_function(_BEFORE))
    op.drop_constraint(op.f("ck_audit_lectures_dossier_ou_objet"), "audit_lectures", type_="check")
    op.drop_column("audit_lectures", "objet")
    op.alter_column(
        "audit_lectures", "dossier_id", existing_type=postgresql.UUID(as_uuid=True), nullable=False, comment=None
    )
