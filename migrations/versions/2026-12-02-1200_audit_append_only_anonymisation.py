"""Data protection: the audit append-only in the database (a trigger refuses UPDATE, DELETE and TRUNCATE
but the sealer's one update of a row's hashes and the purge job's deletes), the dossiers' anonymisation
mark, and an index for the idempotency records' expiry

Revision ID: 3a9c7e5b1d42
Revises: 05619a18c704
Create Date: 2026-12-02 12:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3a9c7e5b1d42"
down_revision: str | None = "05619a18c704"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The chained columns must not change when the sealer writes a row's hashes (services/audit.py).
_CONTENT = "id, at, partner_id, partner_kind, client_id, dossier_id, operation, request_id, xid, resultat, motif, finalite"
_OLD = ", ".join(f"OLD.{c.strip()}" for c in _CONTENT.split(","))
_NEW = ", ".join(f"NEW.{c.strip()}" for c in _CONTENT.split(","))

FUNCTION = f"""
CREATE FUNCTION audit_lectures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_lectures is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'UPDATE' THEN
    -- The sealer's update: a row without hashes gets them, nothing else changes.
    IF OLD.empreinte IS NULL AND NEW.empreinte IS NOT NULL AND NEW.precedent IS NOT NULL
       AND ({_NEW}) IS NOT DISTINCT FROM ({_OLD}) THEN
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
    op.execute(FUNCTION)
    op.execute(
        "CREATE TRIGGER audit_lectures_append_only BEFORE UPDATE OR DELETE ON audit_lectures "
        "FOR EACH ROW EXECUTE FUNCTION audit_lectures_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_lectures_no_truncate BEFORE TRUNCATE ON audit_lectures "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_lectures_append_only()"
    )
    op.add_column(
        "dossiers",
        sa.Column(
            "anonymise_le",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="when the retention job anonymised it (docs/protection.md §4)",
        ),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_idempotency_keys_created_at", table_name="idempotency_keys")
    op.drop_column("dossiers", "anonymise_le")
    op.execute("DROP TRIGGER audit_lectures_no_truncate ON audit_lectures")
    op.execute("DROP TRIGGER audit_lectures_append_only ON audit_lectures")
    op.execute("DROP FUNCTION audit_lectures_append_only()")
