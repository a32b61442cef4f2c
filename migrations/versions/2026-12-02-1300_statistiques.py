"""Statistics: the aggregates per territory, year, indicator and parc, and when each territory's were rebuilt

Revision ID: 3c1f7e2a9b54
Revises: 3a9c7e5b1d42
Create Date: 2026-12-02 04:50:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3c1f7e2a9b54"
down_revision: str | None = "3a9c7e5b1d42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "statistiques",
        sa.Column("territoire", sa.String(length=3), nullable=False),
        sa.Column("annee", sa.SmallInteger(), nullable=False),
        sa.Column("indicateur", sa.String(length=96), nullable=False),
        sa.Column("parc", sa.String(length=8), nullable=False, comment="total, social, prive, inconnu"),
        sa.Column("valeur", sa.Integer(), nullable=False, comment="a count, or a median delay in days"),
        sa.PrimaryKeyConstraint("territoire", "annee", "indicateur", "parc", name=op.f("pk_statistiques")),
    )
    op.create_table(
        "statistiques_calculs",
        sa.Column("territoire", sa.String(length=3), nullable=False),
        sa.Column("calcule_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("territoire", name=op.f("pk_statistiques_calculs")),
    )


def downgrade() -> None:
    op.drop_table("statistiques_calculs")
    op.drop_table("statistiques")
