"""Partner exchange: webhook subscriptions, deliveries and their attempts, deadline reminders, partner
events without a dossier, and the job queue's schema (Procrastinate)

- ``abonnements``: a partner's endpoint, the event types it wants, its secret (encrypted);
- ``livraisons`` and ``livraison_tentatives``: the outbox of webhook deliveries, written by the event
  writer, and every attempt;
- ``echeance_rappels``: deadlines already announced as near (``echeance.proche`` once per deadline);
- ``evenements.dossier_id`` and ``territoire`` may be null (an event about the partner itself), and
  ``created_at`` is indexed (retention, replays by time);
- ``signing_keys.private_pem`` holds a Fernet token (the app encrypts rows left in clear at start);
- Procrastinate's schema, from the installed package's ``schema.sql`` (pinned ``procrastinate>=3.10,<4``
  in ``pyproject.toml``). A later Procrastinate release ships its changes as SQL files
  (``procrastinate/sql/migrations``): each is applied by a migration of ours, with ``op.execute``.

Revision ID: 7c2d4e6f8a10
Revises: 5b1e7c3a9d20
Create Date: 2026-12-02 09:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "7c2d4e6f8a10"
down_revision: str | None = "5b1e7c3a9d20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _procrastinate_schema() -> str:
    from procrastinate.schema import SchemaManager

    return SchemaManager.get_schema()


def _execute_script(script: str) -> None:
    """A multi-statement SQL script (functions with ``$$`` bodies) through the driver's simple query
    protocol, in the migration's transaction."""
    from sqlalchemy.util import await_only

    driver = op.get_bind().connection.driver_connection
    await_only(driver.execute(script))


def upgrade() -> None:
    # Signing keys are now stored encrypted; rows written in clear are encrypted by the next start.
    op.alter_column(
        "signing_keys", "private_pem", existing_type=sa.Text(), comment="Fernet token of the PEM (core/crypto.py)"
    )
    op.alter_column("evenements", "dossier_id", existing_type=sa.UUID(), nullable=True,
                    comment="null: about the partner itself")
    op.alter_column("evenements", "territoire", existing_type=sa.String(length=3), nullable=True)
    op.create_index("ix_evenements_created_at", "evenements", ["created_at"])

    op.create_table(
        "abonnements",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("partner_id", sa.UUID(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("types", postgresql.ARRAY(sa.String(length=64)), nullable=False, comment="event types, or {*}"),
        sa.Column("secret", sa.Text(), nullable=False, comment="Fernet token of the whsec_ secret"),
        sa.Column("secret_precedent", sa.Text(), nullable=True, comment="Fernet token, during an overlap"),
        sa.Column("secret_precedent_jusqu_a", sa.DateTime(timezone=True), nullable=True),
        sa.Column("statut", sa.String(length=16), nullable=False),
        sa.Column("motif", sa.Text(), nullable=True, comment="why Prevex disabled it"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("statut_le", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("statut IN ('actif', 'desactive', 'supprime')", name=op.f("ck_abonnements_statut")),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name=op.f("fk_abonnements_partner_id_partners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_abonnements")),
    )
    op.create_index(
        "ix_abonnements_partner_id_actifs", "abonnements", ["partner_id"],
        postgresql_where=sa.text("statut = 'actif'"),
    )
    op.create_table(
        "livraisons",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("abonnement_id", sa.UUID(), nullable=False),
        sa.Column("evenement_seq", sa.BigInteger(), nullable=False),
        sa.Column("dossier_id", sa.UUID(), nullable=True),
        sa.Column("rejeu", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("statut", sa.String(length=16), server_default="en_attente", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("statut_le", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "statut IN ('en_attente', 'livree', 'echouee', 'annulee')", name=op.f("ck_livraisons_statut")
        ),
        sa.ForeignKeyConstraint(
            ["abonnement_id"], ["abonnements.id"], name=op.f("fk_livraisons_abonnement_id_abonnements")
        ),
        sa.ForeignKeyConstraint(
            ["evenement_seq"], ["evenements.seq"], name=op.f("fk_livraisons_evenement_seq_evenements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_livraisons")),
    )
    op.create_index(
        "ix_livraisons_abonnement_id_created_at", "livraisons", ["abonnement_id", "created_at", "id"]
    )
    op.create_index("ix_livraisons_evenement_seq", "livraisons", ["evenement_seq"])
    op.create_table(
        "livraison_tentatives",
        sa.Column("livraison_id", sa.UUID(), nullable=False),
        sa.Column("numero", sa.Integer(), nullable=False),
        sa.Column("debut", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fin", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resultat", sa.String(length=16), nullable=False),
        sa.Column("statut_http", sa.Integer(), nullable=True),
        sa.Column("erreur", sa.Text(), nullable=True),
        sa.Column("prochain_essai", sa.DateTime(timezone=True), nullable=True),
        sa.Column("worker", sa.String(length=128), nullable=True),
        sa.CheckConstraint(
            "resultat IN ('en_cours', 'succes', 'echec', 'interrompue')",
            name=op.f("ck_livraison_tentatives_resultat"),
        ),
        sa.ForeignKeyConstraint(
            ["livraison_id"], ["livraisons.id"], name=op.f("fk_livraison_tentatives_livraison_id_livraisons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("livraison_id", "numero", name=op.f("pk_livraison_tentatives")),
    )
    op.create_table(
        "echeance_rappels",
        sa.Column("decision_id", sa.UUID(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_echeance_rappels_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_echeance_rappels")),
    )
    _execute_script(_procrastinate_schema())


def downgrade() -> None:
    raise NotImplementedError("one way only: events without a dossier cannot be given one back")
