"""Need to know, decided in one place: which dossiers a partner may read, and what of them.

- **Scope.** Territorial bodies (CCAPEX, préfecture, département, local commissions, CAF/MSA) read the
  dossiers of their territories. Parties and their agents (commissaires, bailleurs) and the other bodies
  read only dossiers in which they filed an act. Outside its scope a dossier is 404, never 403.
- **Content.** A partner sees the full content of its own acts and of the act types its mission needs;
  of the others it sees only that they exist (type, dates, who filed them). The DSF's content is for the
  CCAPEX, the département and the local commissions; a CAF sees housing-aid facts, not the social
  narrative.
- **Decisions.** Deadlines, orientations and alerts about acts whose content it sees, and orientations
  addressed to its kind. A decision also reads other acts of the dossier (``actes_lies``: the saisine
  before an assignation, the DSF, the DALO decision): the facts it took from an act whose content the
  partner may not see are masked (``faits_masques``), and a decision that rests on a sensitive act
  (DSF, DALO, surendettement, FSL, APL) the partner may not see is not shown at all, unless the
  partner's kind is its addressee or reads every decision: the decision itself would tell the secret.

Every endpoint that reads dossiers goes through ``dossier_filter`` and ``Vue``; no router writes its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
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
# Acts whose mere use by a decision tells something of the household's social or financial situation.
SENSITIVE = frozenset({_DSF, "decision_dalo", "surendettement", "decision_fsl", "decision_apl"})


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


def acts_index(rows: Iterable[Mapping[Any, Any]]) -> dict[str, tuple[str, str]]:
    """A dossier's acts as :meth:`Vue.decision` reads them: id -> (type, partner id)."""
    return {str(r["id"]): (str(r["type"]), str(r["partner_id"])) for r in rows}


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

    def decision(
        self, decision: Mapping[str, Any], actes: Mapping[str, tuple[str, str]]
    ) -> Mapping[str, Any] | None:
        """The decision as this partner may see it, or None. ``actes``: the dossier's acts, id -> (type,
        partner id)."""

        def visible(key: Any) -> bool:
            act = actes.get(str(key))
            return act is not None and self.sees_content(act[0], act[1])

        addressed = (
            self.principal.kind in ALL_DECISIONS or decision.get("destinataire") == self.principal.kind
        )
        if not addressed and not visible(decision["acte"]):
            return None
        lies: Mapping[str, Any] = decision.get("actes_lies") or {}
        hidden = {alias for alias, key in lies.items() if not visible(key)}
        if not hidden:
            return decision
        if not addressed and any(actes.get(str(lies[alias]), ("",))[0] in SENSITIVE for alias in hidden):
            return None
        return {
            **decision,
            "faits": {k: v for k, v in decision["faits"].items() if k.split(".", 1)[0] not in hidden},
            "actes_lies": {alias: key for alias, key in lies.items() if alias not in hidden},
            "faits_masques": True,
        }

    def decisions(
        self, decisions: Iterable[Mapping[str, Any]], actes: Mapping[str, tuple[str, str]]
    ) -> list[Mapping[str, Any]]:
        """The decisions this partner may see, as it may see them."""
        return [shown for d in decisions if (shown := self.decision(d, actes)) is not None]
