"""Need to know, decided in one place: which dossiers a partner may read, and what of them.

- **Scope.** Territorial bodies (CCAPEX, préfecture, département, local commissions, CAF/MSA) read the
  dossiers of their territories. Parties and their agents (commissaires, bailleurs) and the other bodies
  read only dossiers in which they filed an act. Outside its scope a dossier is 404, never 403.
- **Content.** A partner sees the full content of its own acts and of the act types its mission needs;
  of the others it sees only that they exist (type, dates, who filed them). The DSF's content is for the
  CCAPEX, the département and the local commissions; a CAF sees housing-aid facts, not the social
  narrative.
- **Decisions.** Deadlines, orientations and alerts about acts whose content it sees, and orientations
  addressed to its kind.

Every endpoint that reads dossiers goes through ``dossier_filter`` and ``Vue``; no router writes its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select
from sqlalchemy.orm import aliased

from app.core.security import Principal
from app.models.acte import Acte
from app.models.dossier import Dossier
from app.schemas.actes import ACTE_TYPES

TERRITORIAL = frozenset({"ccapex", "prefecture", "departement", "commission_locale", "organisme_payeur"})

_PROCEDURE = frozenset(
    {
        "commandement_de_payer",
        "assignation",
        "decision_justice",
        "commandement_quitter_lieux",
        "requisition_cfp",
        "decision_cfp",
        "expulsion",
        "cloture",
    }
)
_ALL = frozenset(ACTE_TYPES)
_DSF = "diagnostic_social_financier"

CONTENT: dict[str, frozenset[str]] = {
    "ccapex": _ALL,
    "departement": _ALL,
    "commission_locale": _ALL,
    "prefecture": _ALL - {_DSF},
    "organisme_payeur": frozenset(
        {
            "signalement_impaye",
            "commandement_de_payer",
            "saisine_ccapex",
            "assignation",
            "decision_justice",
            "decision_apl",
            "plan_apurement",
            "decision_fsl",
            "cloture",
        }
    ),
    "commissaire_justice": _PROCEDURE,
    "bailleur_social": _PROCEDURE | {"saisine_ccapex", "protocole_cohesion_sociale", "plan_apurement"},
    "bailleur_prive": _PROCEDURE | {"saisine_ccapex", "plan_apurement"},
    "other": frozenset(),
}
ALL_DECISIONS = frozenset({"ccapex", "prefecture", "departement"})


def dossier_filter(principal: Principal) -> ColumnElement[bool]:
    """The dossiers this partner may read, as a WHERE clause on ``Dossier``."""
    in_territory = Dossier.territoire.in_(principal.territoires)
    if principal.kind in TERRITORIAL:
        return in_territory
    own = aliased(Acte)
    filed_here = exists(
        select(own.id)
        .where(own.dossier_id == Dossier.id, own.partner_id == principal.partner_id)
        .correlate(Dossier)
    )
    return and_(in_territory, filed_here)


@dataclass(frozen=True)
class Vue:
    """What one partner may see of the acts and decisions of a dossier it may read."""

    principal: Principal

    def sees_content(self, acte_type: str, partner_id: uuid.UUID | str) -> bool:
        if str(partner_id) == str(self.principal.partner_id):
            return True
        return acte_type in CONTENT.get(self.principal.kind, frozenset())

    def acte(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """An act as this partner may see it: in full, or only that it exists."""
        visible = self.sees_content(row["type"], row["partner_id"])
        summary: dict[str, Any] = {
            "id": str(row["id"]),
            "dossier_id": str(row["dossier_id"]),
            "type": row["type"],
            "date_acte": row["date_acte"].isoformat(),
            "recu_le": row["recu_le"].isoformat(),
            "deposant": {
                "kind": row["partner_kind"],
                "vous": str(row["partner_id"]) == str(self.principal.partner_id),
            },
            "contenu_visible": visible,
        }
        if visible:
            summary["acte"] = row["payload"]
        return summary

    def decision(self, decision: Mapping[str, Any], visible_acts: set[str]) -> bool:
        if self.principal.kind in ALL_DECISIONS:
            return True
        if decision.get("destinataire") == self.principal.kind:
            return True
        return str(decision.get("acte")) in visible_acts
