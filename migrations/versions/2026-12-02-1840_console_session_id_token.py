"""The console's sessions keep the ID token of an OpenID Connect sign-in: the ``id_token_hint`` of the
sign-out at the provider (RP-initiated logout)

Revision ID: 5b7e0d3f9a21
Revises: 5b1e9c3d7a20
Create Date: 2026-12-02 18:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b7e0d3f9a21"
down_revision: str | None = "5b1e9c3d7a20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "console_sessions",
        sa.Column(
            "id_token",
            sa.Text(),
            nullable=True,
            comment="the OIDC sign-in's ID token (id_token_hint at sign-out); null for a local account",
        ),
    )


def downgrade() -> None:
    op.drop_column("console_sessions", "id_token")
