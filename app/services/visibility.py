"""Need to know, decided in one place: which dossiers a partner may read, and what of them.

- **Scope: grants.** A partner reads a dossier through an ``acces`` row (a grant): territorial bodies
  (CCAPEX, préfecture, département, local commissions, CAF/MSA) get one on every dossier of their
  territories, parties and their agents (commissaires, bailleurs) and the other bodies one on each
  dossier they filed in. Which grants are written is decided here (:func:`filing_grants`,
  :func:`territorial_kinds`); reads, searches and feeds join on them (:func:`dossier_filter`). Outside
  its grants a dossier is 404, never 403.
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
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, select

from app.core.kinds import PARTNER_KINDS
from app.core.security import Principal
from app.models.acces import Acces
from app.models.dossier import Dossier
from app.schemas.actes import POLITIQUES

TERRITORIAL = frozenset({"ccapex", "prefecture", "departement", "commission_locale", "organisme_payeur"})

# Partner kind -> the act types whose content it sees besides its own acts: the registry's ``lecteurs``.
CONTENT: dict[str, frozenset[str]] = {
    kind: frozenset(t for t, politique in POLITIQUES.items() if kind in politique.lecteurs)
    for kind in PARTNER_KINDS
}
ALL_DECISIONS = frozenset({"ccapex", "prefecture", "departement"})
# Acts whose mere use by a decision tells something of the household's social or financial situation:
# the registry's ``sensible``.
SENSITIVE = frozenset(t for t, politique in POLITIQUES.items() if politique.sensible)


# Grants: which are written, in one place ---------------------------------------------------------
#
# ``acces`` rows open dossiers to partners (``models/acces.py``). The rules that decide which grants a
# change writes live here, and nowhere else:
# - a filing opens the dossier to its filer (``depot``);
# - a new dossier opens to every active territorial body of its territory (``territoire``), and a new
#   territorial partner to every dossier of its territories (``services/partners.py`` asks
#   :func:`territorial_kinds`);
# - ``attribution``: the CCAPEX routes a dossier to a member (:func:`attribution_grant`);
# - ``consentement``: the household was told a local commission will examine its dossier
#   (:func:`consent_grant`); its refusal ends that commission's grants on the dossier;
# - ``orientation`` is a motif the table accepts for the workflow that will write it.
# ``portee`` says what a grant opens: ``dossier`` (the whole dossier, each act as far as the partner's
# kind may see its content) or ``propres_actes`` (its own acts and the decisions about them).

PORTEE_DOSSIER = "dossier"
PORTEE_PROPRES_ACTES = "propres_actes"


def territorial_kinds() -> tuple[str, ...]:
    """The partner kinds that get a ``territoire`` grant on every dossier of their territories."""
    return tuple(sorted(TERRITORIAL))


@dataclass(frozen=True)
class Grant:
    """A grant to write: the partner, why, what it opens, and the act that opened it."""

    partner_id: str
    motif: str
    portee: str
    acte_id: str | None = None

    def row(self) -> dict[str, str | None]:
        return {
            "partner_id": self.partner_id,
            "motif": self.motif,
            "portee": self.portee,
            "acte_id": self.acte_id,
        }


def filing_grants(
    principal: Principal,
    acte_id: uuid.UUID,
    *,
    new_dossier: bool,
    territorial_partners: Iterable[str],
) -> list[Grant]:
    """The grants a filing writes: the filer's, and for a new dossier the territorial bodies'."""
    grants = [Grant(str(principal.partner_id), "depot", PORTEE_DOSSIER, str(acte_id))]
    if new_dossier:
        grants += [Grant(p, "territoire", PORTEE_DOSSIER) for p in sorted(set(territorial_partners))]
    return grants


def attribution_grant(partner_id: uuid.UUID | str) -> Grant:
    """The grant the CCAPEX's routing writes to a member (``POST /v1/dossiers/{id}/attributions``,
    ``services/ccapex.py``): the whole dossier, as the member's kind may see it."""
    return Grant(str(partner_id), "attribution", PORTEE_DOSSIER)


def consent_grant(commission_id: uuid.UUID | str) -> Grant:
    """The grant a household's ``informe`` writes to a local commission (``services/consentements.py``);
    its ``refus`` ends every grant of that commission on the dossier instead."""
    return Grant(str(commission_id), "consentement", PORTEE_DOSSIER)


@dataclass(frozen=True)
class Holder:
    """A partner holding grants on a dossier: who it is and what its grants open there."""

    partner_id: str
    kind: str
    portee: str

    @cached_property
    def vue(self) -> Vue:
        return Vue(Principal(uuid.UUID(self.partner_id), self.kind, (), frozenset(), ""), self.portee)


def holders(grants: Iterable[Mapping[str, Any]]) -> list[Holder]:
    """The dossier's grant holders (``{partner_id, kind, portee}`` rows, one or more per partner)."""
    by_partner: dict[str, tuple[str, list[str]]] = {}
    for g in grants:
        entry = by_partner.setdefault(str(g["partner_id"]), (str(g["kind"]), []))
        entry[1].append(str(g["portee"]))
    return [
        Holder(pid, kind, best_portee(portees) or PORTEE_PROPRES_ACTES)
        for pid, (kind, portees) in sorted(by_partner.items())
    ]


def who_sees(
    decision: Mapping[str, Any], dossier_holders: Iterable[Holder], actes: Mapping[str, tuple[str, str]]
) -> list[str]:
    """The holders that may see ``decision`` (the recipients of the event that announces it)."""
    return [h.partner_id for h in dossier_holders if h.vue.decision(decision, actes) is not None]


def best_portee(portees: Iterable[str]) -> str | None:
    """What a partner's grants on one dossier open together (``dossier`` wins), or None without any."""
    found = set(portees)
    if PORTEE_DOSSIER in found:
        return PORTEE_DOSSIER
    return PORTEE_PROPRES_ACTES if found else None


def dossier_filter(principal: Principal) -> ColumnElement[bool]:
    """The dossiers this partner may read, as a WHERE clause on ``Dossier``: an active grant, in one of
    its territories."""
    granted = exists(
        select(Acces.dossier_id)
        .where(
            Acces.dossier_id == Dossier.id,
            Acces.partner_id == principal.partner_id,
            Acces.jusqu_a.is_(None),
        )
        .correlate(Dossier)
    )
    return and_(Dossier.territoire.in_(principal.territoires), granted)


def portee_query(principal: Principal, dossier_id: uuid.UUID) -> Select[tuple[str]]:
    """The portées of this partner's active grants on one dossier."""
    return select(Acces.portee).where(
        Acces.dossier_id == dossier_id, Acces.partner_id == principal.partner_id, Acces.jusqu_a.is_(None)
    )


def acts_index(rows: Iterable[Mapping[Any, Any]]) -> dict[str, tuple[str, str]]:
    """A dossier's acts as :meth:`Vue.decision` reads them: id -> (type, partner id)."""
    return {str(r["id"]): (str(r["type"]), str(r["partner_id"])) for r in rows}


@dataclass(frozen=True)
class Vue:
    """What one partner may see of the acts and decisions of a dossier it may read, through grants that
    open ``portee``."""

    principal: Principal
    portee: str = PORTEE_DOSSIER

    @cached_property
    def _me(self) -> str:
        return str(self.principal.partner_id)

    @cached_property
    def _content(self) -> frozenset[str]:
        return CONTENT.get(self.principal.kind, frozenset()) if self.portee == PORTEE_DOSSIER else frozenset()

    def sees_content(self, acte_type: str, partner_id: uuid.UUID | str) -> bool:
        if (partner_id if type(partner_id) is str else str(partner_id)) == self._me:
            return True
        return acte_type in self._content

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

        addressed = self.portee == PORTEE_DOSSIER and (
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
