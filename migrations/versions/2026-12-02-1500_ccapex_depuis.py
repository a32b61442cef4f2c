"""What awaits the CCAPEX, kept per dossier: ``dossiers.ccapex_depuis``, the date of the oldest open
orientation addressed to the CCAPEX (kind ``orientation``, destinataire ``ccapex``, statut ``active``,
not a routing proposal: ``services/ccapex.ROUTAGE``), NULL when there is none; maintained by a trigger on
``decisions`` (whatever writes them: the intake, the re-evaluation, the CCAPEX's work), filled here from
the decisions, and indexed by territory in that order, so that the work list reads one page of the
index instead of grouping every open orientation of the territory (``services/ccapex.a_traiter``)

Revision ID: 5b1e9c3d7a20
Revises: 8e4d2c7a5f13
Create Date: 2026-12-02 15:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b1e9c3d7a20"
down_revision: str | None = "8e4d2c7a5f13"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# services/ccapex.ROUTAGE at this revision (tests/services/test_ccapex_depuis.py checks they agree).
_OUVERTE = (
    "kind = 'orientation' AND destinataire = 'ccapex' AND statut = 'active'"
    " AND code NOT IN ('ccapex_locale', 'ccapex_nord', 'ccapex_sud')"
)

_FUNCTION = f"""
CREATE FUNCTION dossiers_ccapex_depuis() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cible uuid;
  depuis timestamptz;
BEGIN
  FOREACH cible IN ARRAY (CASE TG_OP
      WHEN 'INSERT' THEN ARRAY[NEW.dossier_id]
      WHEN 'DELETE' THEN ARRAY[OLD.dossier_id]
      ELSE (CASE WHEN OLD.dossier_id = NEW.dossier_id THEN ARRAY[NEW.dossier_id]
                 ELSE ARRAY[OLD.dossier_id, NEW.dossier_id] END) END)
  LOOP
    SELECT min(statut_le) INTO depuis FROM decisions WHERE dossier_id = cible AND {_OUVERTE};
    UPDATE dossiers SET ccapex_depuis = depuis WHERE id = cible AND ccapex_depuis IS DISTINCT FROM depuis;
  END LOOP;
  RETURN NULL;
END
$$
"""

# Only the rows that are (or were) orientations to the CCAPEX fire it: the intake's other decisions
# (deadlines, alerts, orientations to others) cost nothing.
_CCAPEX_NEW = "NEW.kind = 'orientation' AND NEW.destinataire = 'ccapex'"
_CCAPEX_OLD = "OLD.kind = 'orientation' AND OLD.destinataire = 'ccapex'"


def upgrade() -> None:
    op.add_column(
        "dossiers",
        sa.Column(
            "ccapex_depuis",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="oldest open orientation to the CCAPEX (trigger on decisions); NULL: nothing awaits it",
        ),
    )
    op.execute(
        f"""UPDATE dossiers d SET ccapex_depuis = o.depuis
            FROM (SELECT dossier_id, min(statut_le) AS depuis FROM decisions WHERE {_OUVERTE}
                  GROUP BY dossier_id) o
            WHERE d.id = o.dossier_id"""
    )
    op.create_index(
        "ix_dossiers_ccapex_attente",
        "dossiers",
        ["territoire", "ccapex_depuis", "id"],
        postgresql_where=sa.text("ccapex_depuis IS NOT NULL"),
    )
    op.execute(_FUNCTION)
    op.execute(
        "CREATE TRIGGER decisions_ccapex_depuis_insert AFTER INSERT ON decisions FOR EACH ROW "
        f"WHEN ({_CCAPEX_NEW}) EXECUTE FUNCTION dossiers_ccapex_depuis()"
    )
    op.execute(
        "CREATE TRIGGER decisions_ccapex_depuis_update AFTER UPDATE ON decisions FOR EACH ROW "
        f"WHEN (({_CCAPEX_NEW}) OR ({_CCAPEX_OLD})) EXECUTE FUNCTION dossiers_ccapex_depuis()"
    )
    op.execute(
        "CREATE TRIGGER decisions_ccapex_depuis_delete AFTER DELETE ON decisions FOR EACH ROW "
        f"WHEN ({_CCAPEX_OLD}) EXECUTE FUNCTION dossiers_ccapex_depuis()"
    )


def downgrade() -> None:
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER decisions_ccapex_depuis_{event} ON decisions")
    op.execute("DROP FUNCTION dossiers_ccapex_depuis()")
    op.drop_index("ix_dossiers_ccapex_attente", table_name="dossiers")
    op.drop_column("dossiers", "ccapex_depuis")
