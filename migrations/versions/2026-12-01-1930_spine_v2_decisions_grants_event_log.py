"""Spine v2: decisions and access grants as tables, a commit-ordered event log, each thing stored once

- ``decisions``: one row per decision, with its status; ``evaluations`` keep the history as the ids of
  the decisions each one added (``ajoutees``), found met (``satisfaites``) or dropped (``remplacees``)
  instead of two JSON copies of every decision;
- ``acces``: access grants (dossier, partner, motif, portee), backfilled from the acts (``depot``) and
  the territorial partners (``territoire``);
- ``evenements`` (was ``events``): a public UUID, the writing transaction's ``xid8``, and
  ``evenement_destinataires`` (who each event is for);
- ``actes.receipt`` and ``idempotency_keys.response_body`` are gone: a replay is rebuilt from the act;
  ``actes.nouveau_dossier`` keeps what the receipt said;
- ``reglages``: server-wide values (the household-key secret's fingerprint).

Household keys made before this revision are SHA-256 digests; the server now makes HMAC keys, so a
database upgraded with dossiers in it needs ``prevex menages recalculer-cles`` (``/readyz`` says so).

One way only: the downgrade refuses (the old receipts cannot be made again byte for byte).

Revision ID: 5b1e7c3a9d20
Revises: 2647369d1f66
Create Date: 2026-12-01 19:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5b1e7c3a9d20"
down_revision: str | None = "2647369d1f66"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The partner kinds that read their territories' dossiers when this revision was written.
_TERRITORIAL = "('ccapex', 'prefecture', 'departement', 'commission_locale', 'organisme_payeur')"


def upgrade() -> None:
    op.create_table(
        "reglages",
        sa.Column("cle", sa.String(length=64), nullable=False),
        sa.Column("valeur", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("cle", name=op.f("pk_reglages")),
    )

    op.create_table(
        "partenaire_territoires",
        sa.Column("territoire", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("partner_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_partenaire_territoires_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("territoire", "kind", "partner_id", name=op.f("pk_partenaire_territoires")),
    )
    op.execute(
        "INSERT INTO partenaire_territoires (territoire, kind, partner_id) "
        "SELECT DISTINCT t, kind, id FROM partners CROSS JOIN LATERAL unnest(territoires) AS t "
        "WHERE statut = 'actif'"
    )

    # Access grants --------------------------------------------------------------------------------
    op.create_table(
        "acces",
        sa.Column("dossier_id", sa.UUID(), nullable=False),
        sa.Column("partner_id", sa.UUID(), nullable=False),
        sa.Column("motif", sa.String(length=16), nullable=False),
        sa.Column("portee", sa.String(length=16), nullable=False),
        sa.Column("depuis", sa.DateTime(timezone=True), nullable=False),
        sa.Column("jusqu_a", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acte_id", sa.UUID(), nullable=True, comment="the act that opened it (depot)"),
        sa.Column("accorde_par", sa.UUID(), nullable=True, comment="the partner that granted it (attribution)"),
        sa.CheckConstraint(
            "motif IN ('depot', 'territoire', 'orientation', 'attribution', 'consentement')",
            name=op.f("ck_acces_motif"),
        ),
        sa.CheckConstraint("portee IN ('dossier', 'propres_actes')", name=op.f("ck_acces_portee")),
        sa.ForeignKeyConstraint(["accorde_par"], ["partners.id"], name=op.f("fk_acces_accorde_par_partners")),
        sa.ForeignKeyConstraint(["acte_id"], ["actes.id"], name=op.f("fk_acces_acte_id_actes")),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_acces_dossier_id_dossiers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name=op.f("fk_acces_partner_id_partners")),
        sa.PrimaryKeyConstraint("dossier_id", "partner_id", "motif", name=op.f("pk_acces")),
    )
    op.create_index("ix_acces_partner_id_dossier_id", "acces", ["partner_id", "dossier_id"], unique=False)
    op.execute(
        "INSERT INTO acces (dossier_id, partner_id, motif, portee, depuis, acte_id) "
        "SELECT DISTINCT ON (dossier_id, partner_id) dossier_id, partner_id, 'depot', 'dossier', recu_le, id "
        "FROM actes ORDER BY dossier_id, partner_id, recu_le, id"
    )
    op.execute(
        "INSERT INTO acces (dossier_id, partner_id, motif, portee, depuis) "
        "SELECT d.id, p.id, 'territoire', 'dossier', d.created_at FROM dossiers d "
        f"JOIN partners p ON d.territoire = ANY(p.territoires) WHERE p.statut = 'actif' AND p.kind IN {_TERRITORIAL}"  # noqa: S608
    )

    # Acts: no stored receipt ---------------------------------------------------------------------
    op.add_column(
        "actes",
        sa.Column("nouveau_dossier", sa.Boolean(), nullable=True, comment="the filing opened the dossier"),
    )
    op.execute("UPDATE actes SET nouveau_dossier = coalesce((receipt->>'nouveau_dossier')::boolean, false)")
    op.alter_column("actes", "nouveau_dossier", nullable=False)
    op.drop_column("actes", "receipt")
    op.drop_index("ix_actes_partner_id_recu_le", table_name="actes")

    # Decisions as a table ------------------------------------------------------------------------
    op.create_table(
        "decisions",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("dossier_id", sa.UUID(), nullable=False),
        sa.Column("cle", sa.Text(), nullable=False, comment="kind|code|regle|acte[|precision]"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("destinataire", sa.String(length=32), nullable=True, comment="the partner kind addressed"),
        sa.Column("regle", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("acte_id", sa.UUID(), nullable=False, comment="the act that caused it"),
        sa.Column("precision", sa.String(length=64), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("faits", postgresql.JSONB(astext_type=sa.Text()), nullable=False, comment="the facts the rule read"),
        sa.Column(
            "actes_lies",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="alias -> id of the other acts it read",
        ),
        sa.Column("statut", sa.String(length=16), nullable=False),
        sa.Column("statut_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("evaluation_id", sa.UUID(), nullable=False, comment="the evaluation that made it"),
        sa.CheckConstraint("kind IN ('echeance', 'orientation', 'alerte')", name=op.f("ck_decisions_kind")),
        sa.CheckConstraint(
            "statut IN ('active', 'satisfaite', 'depassee', 'remplacee')", name=op.f("ck_decisions_statut")
        ),
        sa.ForeignKeyConstraint(["acte_id"], ["actes.id"], name=op.f("fk_decisions_acte_id_actes")),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_decisions_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"], ["evaluations.id"], name=op.f("fk_decisions_evaluation_id_evaluations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    for column, comment in (
        ("ajoutees", "decisions it made"),
        ("satisfaites", "decisions it found met by the act"),
        ("remplacees", "decisions it no longer makes"),
    ):
        op.add_column(
            "evaluations",
            sa.Column(column, postgresql.ARRAY(sa.UUID()), nullable=False, server_default="{}", comment=comment),
        )
    # Every decision an evaluation added becomes a row (facts read from the occupants' list are dropped:
    # no names outside the payload); the latest row of each key stays current if the dossier's latest
    # evaluation still makes it.
    op.execute(
        """
        WITH made AS (
          SELECT gen_random_uuid() AS id, e.id AS evaluation_id, e.dossier_id, e.created_at, n.ord, n.d
          FROM evaluations e CROSS JOIN LATERAL jsonb_array_elements(e.nouvelles) WITH ORDINALITY AS n(d, ord)
        ), inserted AS (
          INSERT INTO decisions (id, dossier_id, cle, kind, code, date, destinataire, regle, source, acte_id,
                                 precision, message, faits, actes_lies, statut, statut_le, evaluation_id)
          SELECT id, dossier_id, d->>'cle', d->>'kind', d->>'code', (d->>'date')::date, d->>'destinataire',
                 d->>'regle', d->>'source', (d->>'acte')::uuid, d->>'precision', coalesce(d->>'message', ''),
                 coalesce(d->'faits', '{}') - 'occupants', coalesce(d->'actes_lies', '{}'), 'remplacee',
                 created_at, evaluation_id
          FROM made RETURNING id
        )
        UPDATE evaluations e SET ajoutees = m.ids
        FROM (SELECT evaluation_id, array_agg(id ORDER BY ord) AS ids FROM made GROUP BY evaluation_id) m
        WHERE e.id = m.evaluation_id
        """
    )
    op.execute(
        """
        WITH latest AS (
          SELECT DISTINCT ON (dossier_id) dossier_id, decisions FROM evaluations
          ORDER BY dossier_id, created_at DESC, id DESC
        ), current AS (
          SELECT DISTINCT ON (x.dossier_id, x.cle) x.id
          FROM decisions x JOIN evaluations e ON e.id = x.evaluation_id
          JOIN latest l ON l.dossier_id = x.dossier_id
          WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(l.decisions) c WHERE c->>'cle' = x.cle)
          ORDER BY x.dossier_id, x.cle, e.created_at DESC, e.id DESC
        )
        UPDATE decisions SET statut = 'active' WHERE id IN (SELECT id FROM current)
        """
    )
    for column in ("ajoutees", "satisfaites", "remplacees"):
        op.alter_column("evaluations", column, server_default=None)
    op.drop_column("evaluations", "decisions")
    op.drop_column("evaluations", "nouvelles")
    op.create_index(
        "uq_decisions_dossier_id_cle_courante",
        "decisions",
        ["dossier_id", "cle"],
        unique=True,
        postgresql_where=sa.text("statut <> 'remplacee'"),
    )
    op.create_index(
        "ix_decisions_echeances_actives",
        "decisions",
        ["date"],
        unique=False,
        postgresql_where=sa.text("statut = 'active' AND kind = 'echeance'"),
    )

    # The event log ------------------------------------------------------------------------------
    op.create_table(
        "evenements",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("xid", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.UUID(), nullable=False),
        sa.Column("acte_id", sa.UUID(), nullable=True),
        sa.Column("territoire", sa.String(length=3), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_evenements")),
        sa.UniqueConstraint("id", name=op.f("uq_evenements_id")),
    )
    # xid8 (no SQLAlchemy type in a migration file): events already written committed long ago, so any
    # id below every live transaction's will do (3 is the first normal transaction id).
    op.execute("ALTER TABLE evenements ALTER COLUMN xid TYPE xid8 USING '3'::xid8")
    op.execute(
        "INSERT INTO evenements (xid, type, dossier_id, acte_id, territoire, data, created_at) "
        "SELECT '3'::xid8, type, dossier_id, acte_id, territoire, data, created_at FROM events ORDER BY id"
    )
    op.execute("ALTER TABLE evenements ALTER COLUMN xid SET DEFAULT pg_current_xact_id()")
    op.create_index(op.f("ix_evenements_dossier_id"), "evenements", ["dossier_id"], unique=False)
    op.create_index("ix_evenements_xid_seq", "evenements", ["xid", "seq"], unique=False)
    op.drop_index("ix_events_territoire_id", table_name="events")
    op.drop_index(op.f("ix_events_dossier_id"), table_name="events")
    op.drop_table("events")
    op.create_table(
        "evenement_destinataires",
        sa.Column("partner_id", sa.UUID(), nullable=False),
        sa.Column("xid", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["seq"], ["evenements.seq"], name=op.f("fk_evenement_destinataires_seq_evenements"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("partner_id", "xid", "seq", name=op.f("pk_evenement_destinataires")),
    )
    op.execute("ALTER TABLE evenement_destinataires ALTER COLUMN xid TYPE xid8 USING '3'::xid8")
    op.execute(
        "INSERT INTO evenement_destinataires (partner_id, xid, seq) "
        "SELECT DISTINCT g.partner_id, e.xid, e.seq FROM evenements e JOIN acces g ON g.dossier_id = e.dossier_id"
    )

    # Idempotency records point at the act ---------------------------------------------------------
    op.add_column("idempotency_keys", sa.Column("acte_id", sa.UUID(), nullable=True))
    op.execute("UPDATE idempotency_keys SET acte_id = (response_body->>'id')::uuid")
    op.execute("DELETE FROM idempotency_keys WHERE acte_id IS NULL OR acte_id NOT IN (SELECT id FROM actes)")
    op.alter_column("idempotency_keys", "acte_id", nullable=False)
    op.create_foreign_key(
        op.f("fk_idempotency_keys_acte_id_actes"), "idempotency_keys", "actes", ["acte_id"], ["id"]
    )
    op.drop_column("idempotency_keys", "response_body")


def downgrade() -> None:
    raise NotImplementedError("Spine v2 is a one-way migration: restore a backup taken before it instead.")
