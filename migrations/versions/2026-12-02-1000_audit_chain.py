"""The audit as a hash chain: every read, refused read and write of a dossier, with the writing
transaction's id (``xid``, for commit order), the client, the result, the caller's motive and the
endpoint's purpose, and the chain's hashes (``precedent``, ``empreinte``), set by the sealer.

Revision ID: 8d3f5a7b9c21
Revises: 7c2d4e6f8a10
Create Date: 2026-12-02 10:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8d3f5a7b9c21"
down_revision: str | None = "7c2d4e6f8a10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = (
    "'commissaire_justice', 'bailleur_social', 'bailleur_prive', 'organisme_payeur', 'ccapex', 'departement', "
    "'prefecture', 'commission_locale', 'other'"
)


def upgrade() -> None:
    # xid8 (no SQLAlchemy type in a migration file): rows already written committed long ago, so any id
    # below every live transaction's will do (3 is the first normal transaction id).
    op.add_column("audit_lectures", sa.Column("xid", sa.Text(), server_default="3", nullable=False))
    op.execute("ALTER TABLE audit_lectures ALTER COLUMN xid DROP DEFAULT")
    op.execute("ALTER TABLE audit_lectures ALTER COLUMN xid TYPE xid8 USING xid::xid8")
    op.execute("ALTER TABLE audit_lectures ALTER COLUMN xid SET DEFAULT pg_current_xact_id()")
    op.add_column("audit_lectures", sa.Column("client_id", sa.String(length=128), nullable=True))
    op.add_column(
        "audit_lectures", sa.Column("resultat", sa.String(length=16), server_default="lu", nullable=False)
    )
    op.add_column(
        "audit_lectures",
        sa.Column("motif", sa.String(length=200), nullable=True, comment="the caller's X-Motif header"),
    )
    op.add_column(
        "audit_lectures",
        sa.Column("finalite", sa.String(length=200), nullable=True, comment="the endpoint's purpose"),
    )
    op.add_column(
        "audit_lectures",
        sa.Column("precedent", sa.String(length=64), nullable=True, comment="the previous row's empreinte"),
    )
    op.add_column(
        "audit_lectures",
        sa.Column("empreinte", sa.String(length=64), nullable=True, comment="sha256 of precedent and this row"),
    )
    op.create_check_constraint("resultat", "audit_lectures", "resultat IN ('lu', 'refuse', 'ecrit')")
    op.create_index("ix_audit_lectures_xid_id", "audit_lectures", ["xid", "id"], unique=False)
    op.drop_constraint(op.f("ck_partners_kind"), "partners", type_="check")
    op.create_check_constraint("kind", "partners", f"kind IN ({_KINDS}, 'dpo')")


def downgrade() -> None:
    op.drop_constraint(op.f("ck_partners_kind"), "partners", type_="check")
    op.create_check_constraint("kind", "partners", f"kind IN ({_KINDS})")
    op.drop_index("ix_audit_lectures_xid_id", table_name="audit_lectures")
    op.drop_constraint(op.f("ck_audit_lectures_resultat"), "audit_lectures", type_="check")
    for column in ("empreinte", "precedent", "finalite", "motif", "resultat", "client_id", "xid"):
        op.drop_column("audit_lectures", column)
