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

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select

from app.core.kinds import PARTNER_KINDS
from app.core.security import Principal
from app.models.acces import Acces
from app.models.acte import Acte
from app.models.decision import Decision
from app.models.dossier import Dossier
from app.schemas.actes import POLITIQUES
from app.schemas.politiques import CHAMPS_COMMUNS, GROUPES

TERRITORIAL = frozenset({"ccapex", "prefecture", "departement", "commission_locale", "organisme_payeur"})

# Partner kind -> the act types whose content it sees besides its own acts: the registry's ``lecteurs``.
CONTENT: dict[str, frozenset[str]] = {
    kind: frozenset(t for t, politique in POLITIQUES.items() if kind in politique.lecteurs)
    for kind in PARTNER_KINDS
}
BAILLEUR_KINDS = frozenset({"bailleur_social", "bailleur_prive"})
# The kinds that see every decision of a dossier they may read, and those that see every decision about
# an act whose content they read (the préfecture: the procedure from the assignation on, not the
# decisions about the CDP or the landlord's signalement; docs/protection.md §2). Both see a decision
# resting on a sensitive act they may not read, its facts from that act masked.
ALL_DECISIONS = frozenset({"ccapex", "departement"})
DECISIONS_OF_READ_ACTS = frozenset({"prefecture"})
# Acts whose mere use by a decision tells something of the household's social or financial situation:
# the registry's ``sensible``.
SENSITIVE = frozenset(t for t, politique in POLITIQUES.items() if politique.sensible)


# Need to know, field by field: the matrix ---------------------------------------------------------
#
# Partner kind -> the field groups (``schemas/politiques.py`` GROUPES) it reads in the content of an act
# it may read (its own acts: every field). ``vulnerabilite`` and ``recommandations`` are slots: groups no
# act carries yet (the CCAPEX's recommendations come with its sessions), decided here already.
# docs/protection.md shows the same matrix; tests/services/test_visibility.py checks they agree.
SLOTS = ("vulnerabilite", "recommandations")
ALL_GROUPS: tuple[str, ...] = (*GROUPES, *SLOTS)
_PROCEDURE_GROUPS = frozenset(
    {"enveloppe", "identite", "logement", "bail", "bailleur", "dette_loyer", "procedure", "apurement"}
)
MATRICE: dict[str, frozenset[str]] = {
    "ccapex": frozenset(ALL_GROUPS),
    "departement": frozenset(ALL_GROUPS),
    "commission_locale": frozenset(ALL_GROUPS),
    # The procedure and what a CFP decision needs (rehousing, over-indebtedness, aid, vulnerability,
    # the CCAPEX's opinion), never the social narrative or the household's contacts.
    "prefecture": frozenset(ALL_GROUPS) - {"contact", "dsf_social"},
    # Housing-aid facts and the debt they bear on, never contacts or the social narrative.
    "organisme_payeur": _PROCEDURE_GROUPS | {"aides_logement", "aide_fsl"},
    "commissaire_justice": _PROCEDURE_GROUPS,
    "bailleur_social": _PROCEDURE_GROUPS,
    "bailleur_prive": _PROCEDURE_GROUPS,
    "other": frozenset({"enveloppe"}),
    "dpo": frozenset({"enveloppe"}),  # holds no grant: reads the audit, not the dossiers
}
_OCCUPANT_GROUPS: dict[str, str] = {
    field.split(".", 1)[1]: group
    for group, fields in CHAMPS_COMMUNS.items()
    for field in fields
    if field.startswith("occupants.")
}
# Act type -> top-level payload field -> its group.
_FIELD_GROUPS: dict[str, dict[str, str]] = {
    t: {
        field: group
        for group, fields in (*CHAMPS_COMMUNS.items(), *politique.champs.items())
        for field in fields
        if "." not in field
    }
    for t, politique in POLITIQUES.items()
}


def fact_group(acte_type: str, path: str) -> str | None:
    """The field group of a fact a rule read in an act of this type (``dette.montant_cents``:
    ``dette_loyer``), or None for what is not an act's field (a parameter, a computed date)."""
    head = path.split(".", 1)[0]
    if head == "occupants":
        return _OCCUPANT_GROUPS.get(path.rsplit(".", 1)[-1], "identite")
    return _FIELD_GROUPS.get(acte_type, {}).get(head)


def groups_of(kind: str) -> frozenset[str]:
    """The field groups a partner kind reads in the content of acts it may read (others' acts)."""
    return MATRICE.get(kind, frozenset({"enveloppe"}))


def masks_fields(kind: str, acte_type: str) -> bool:
    """Whether :func:`visible_fields` may drop anything of an act of this type for this kind."""
    carried = {*_FIELD_GROUPS.get(acte_type, {}).values(), *_OCCUPANT_GROUPS.values()}
    return not carried <= groups_of(kind)


def visible_fields(kind: str, acte_type: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The one field filter: what of another partner's act a partner of ``kind`` reads, group by group
    (:data:`MATRICE`). Reads, searches, feeds and webhooks call it; a field of no known group is dropped."""
    allowed = groups_of(kind)
    groups = _FIELD_GROUPS.get(acte_type, {})
    shown: dict[str, Any] = {}
    for key, value in payload.items():
        if key == "occupants" and isinstance(value, list):
            occupants = [
                {k: v for k, v in o.items() if _OCCUPANT_GROUPS.get(k) in allowed}
                for o in value
                if isinstance(o, Mapping)
            ]
            if any(occupants):
                shown[key] = occupants
        elif groups.get(key) in allowed:
            shown[key] = value
    return shown


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


def depot_portee(
    principal: Principal,
    *,
    new_dossier: bool,
    held: Iterable[str],
    dossier_bailleur: str | None,
    filer_siren: str | None,
    etude_nommee: bool = False,
    act_bailleur: str | None = None,
) -> str:
    """What a filing opens to its filer (``docs/protection.md``, "Joining is not reading"): the whole
    dossier when the filing opens it, when the filer already reads the whole dossier (a territorial body,
    a party already linked, a CCAPEX attribution), or when it stands on the same side of the same lease:
    a landlord whose own registered SIREN is the dossier's landlord, or the étude that an act of a linked
    party names as acting (``commissaire.siret``), filing for the dossier's landlord. Otherwise, a party
    that joined by household match sees only its own acts and the decisions about them
    (``propres_actes``). What the act says of the landlord is never enough: a SIREN is public."""
    if new_dossier or best_portee(held) == PORTEE_DOSSIER:
        return PORTEE_DOSSIER
    if principal.kind in BAILLEUR_KINDS and dossier_bailleur is not None and dossier_bailleur == filer_siren:
        return PORTEE_DOSSIER
    if (
        principal.kind == "commissaire_justice"
        and etude_nommee
        and (act_bailleur is None or act_bailleur == dossier_bailleur)
    ):
        return PORTEE_DOSSIER
    return PORTEE_PROPRES_ACTES


def filing_grants(
    principal: Principal,
    acte_id: uuid.UUID,
    *,
    new_dossier: bool,
    territorial_partners: Iterable[str],
    portee: str = PORTEE_DOSSIER,
) -> list[Grant]:
    """The grants a filing writes: the filer's (opening ``portee``, :func:`depot_portee`), and for a new
    dossier the territorial bodies'."""
    grants = [Grant(str(principal.partner_id), "depot", portee, str(acte_id))]
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


def holders(grants: Iterable[Mapping[str, Any]], *, allocataire: bool = True) -> list[Holder]:
    """The dossier's grant holders (``{partner_id, kind, portee[, motif]}`` rows, one or more per
    partner). ``allocataire``: whether the dossier is a CAF/MSA's business (:func:`is_allocataire`); if
    not, a CAF/MSA that holds only its territorial grant is no holder (it hears nothing of the dossier)."""
    by_partner: dict[str, tuple[str, list[str], set[str]]] = {}
    for g in grants:
        entry = by_partner.setdefault(str(g["partner_id"]), (str(g["kind"]), [], set()))
        entry[1].append(str(g["portee"]))
        entry[2].add(str(g.get("motif", "")))
    return [
        Holder(pid, kind, best_portee(portees) or PORTEE_PROPRES_ACTES)
        for pid, (kind, portees, motifs) in sorted(by_partner.items())
        if allocataire or kind != CAISSE or motifs != {"territoire"}
    ]


def is_allocataire(payloads: Iterable[Mapping[str, Any]], decisions: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a dossier concerns a CAF/MSA's allocataire: an act gives an allocataire number, or a
    decision is addressed to the organisme payeur (the same test as :func:`dossier_filter`'s, in SQL)."""
    return any("numero_allocataire" in p for p in payloads) or any(
        d.get("destinataire") == CAISSE for d in decisions
    )


def who_sees(
    decision: Mapping[str, Any], dossier_holders: Iterable[Holder], actes: Mapping[str, tuple[str, str]]
) -> list[str]:
    """The holders that may see ``decision`` (the recipients of the event that announces it)."""
    return [h.partner_id for h in dossier_holders if h.vue.decision(decision, actes) is not None]


def act_event_recipients(dossier_holders: Iterable[Holder], filer: str) -> list[str]:
    """Who hears that an act was filed (``acte.depose``, ``dossier.clos``): the holders that read the
    whole dossier, and the filer itself; never a party that joined by household match (it would learn
    of another party's act)."""
    return [h.partner_id for h in dossier_holders if h.portee == PORTEE_DOSSIER or h.partner_id == filer]


def best_portee(portees: Iterable[str]) -> str | None:
    """What a partner's grants on one dossier open together (``dossier`` wins), or None without any."""
    found = set(portees)
    if PORTEE_DOSSIER in found:
        return PORTEE_DOSSIER
    return PORTEE_PROPRES_ACTES if found else None


def dossier_filter(principal: Principal) -> ColumnElement[bool]:
    """The dossiers this partner may read, as a WHERE clause on ``Dossier``: an active grant, in one of
    its territories."""
    granted: ColumnElement[bool] = exists(
        select(Acces.dossier_id)
        .where(
            Acces.dossier_id == Dossier.id,
            Acces.partner_id == principal.partner_id,
            Acces.jusqu_a.is_(None),
        )
        .correlate(Dossier)
    )
    if principal.kind == CAISSE:
        granted = and_(granted, or_(_not_only_territorial(principal), _allocataire()))
    return and_(Dossier.territoire.in_(principal.territoires), granted)


# A CAF/MSA holds a territorial grant on every dossier of its territory (so that it hears of a dossier the
# moment one of its allocataires is in it), but reads only its allocataires' dossiers: one where it filed
# an act, one an act gives an allocataire number for, one with a decision addressed to it (an orientation,
# the APL).
CAISSE = "organisme_payeur"


def _not_only_territorial(principal: Principal) -> ColumnElement[bool]:
    return exists(
        select(Acces.dossier_id)
        .where(
            Acces.dossier_id == Dossier.id,
            Acces.partner_id == principal.partner_id,
            Acces.jusqu_a.is_(None),
            Acces.motif != "territoire",
        )
        .correlate(Dossier)
    )


def _allocataire() -> ColumnElement[bool]:
    numbered = exists(
        select(Acte.id)
        .where(Acte.dossier_id == Dossier.id, Acte.payload.has_key("numero_allocataire"))
        .correlate(Dossier)
    )
    addressed = exists(
        select(Decision.id)
        .where(
            Decision.dossier_id == Dossier.id, Decision.destinataire == CAISSE, Decision.statut != "remplacee"
        )
        .correlate(Dossier)
    )
    return or_(numbered, addressed)


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

    @property
    def own_acts_only(self) -> bool:
        """A party that joined by household match: it sees its own acts, not even that others exist."""
        return self.portee == PORTEE_PROPRES_ACTES

    def lists_act(self, partner_id: uuid.UUID | str) -> bool:
        """Whether the act is shown at all (even as a summary): always, but to a party that joined by
        household match, which sees only its own."""
        return not self.own_acts_only or str(partner_id) == self._me

    def shown_acts(self, rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        return [r for r in rows if self.lists_act(r["partner_id"])]

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
            summary["acte"] = self.contenu(row["type"], row["partner_id"], row["payload"])
        return summary

    def contenu(self, acte_type: str, partner_id: uuid.UUID | str, payload: Any) -> Any:
        """The content of an act this partner sees: all of its own, of the others' the groups its kind
        reads (:func:`visible_fields`). ``payload`` may be a placeholder (the feed splices the stored JSON
        text in): it is then given back as is, and the caller filters (:meth:`filters`)."""
        if str(partner_id) == self._me or not isinstance(payload, Mapping):
            return payload
        return visible_fields(self.principal.kind, acte_type, payload)

    def filters(self, acte_type: str, partner_id: uuid.UUID | str) -> bool:
        """Whether the content of this act, as stored, must go through :func:`visible_fields`."""
        return str(partner_id) != self._me and masks_fields(self.principal.kind, acte_type)

    def decision(
        self, decision: Mapping[str, Any], actes: Mapping[str, tuple[str, str]]
    ) -> Mapping[str, Any] | None:
        """The decision as this partner may see it, or None. ``actes``: the dossier's acts, id -> (type,
        partner id)."""

        def visible(key: Any) -> bool:
            act = actes.get(str(key))
            return act is not None and self.sees_content(act[0], act[1])

        kind = self.principal.kind
        addressed = self.portee == PORTEE_DOSSIER and (
            kind in ALL_DECISIONS
            or decision.get("destinataire") == kind
            or (kind in DECISIONS_OF_READ_ACTS and visible(decision["acte"]))
        )
        if not addressed and not visible(decision["acte"]):
            return None
        lies: Mapping[str, Any] = decision.get("actes_lies") or {}
        hidden = {alias for alias, key in lies.items() if not visible(key)}
        by_group = self._facts_outside_groups(decision, lies, actes)
        if by_group and not hidden:
            return {
                **decision,
                "faits": {k: v for k, v in decision["faits"].items() if k not in by_group},
                "faits_masques": True,
            }
        if not hidden:
            return decision
        if self.own_acts_only:  # even a masked fact would tell that another party's act exists
            return None
        if not addressed and any(actes.get(str(lies[alias]), ("",))[0] in SENSITIVE for alias in hidden):
            return None
        return {
            **decision,
            "faits": {
                k: v
                for k, v in decision["faits"].items()
                if k.split(".", 1)[0] not in hidden and k not in by_group
            },
            "actes_lies": {alias: key for alias, key in lies.items() if alias not in hidden},
            "faits_masques": True,
        }

    def _facts_outside_groups(
        self, decision: Mapping[str, Any], lies: Mapping[str, Any], actes: Mapping[str, tuple[str, str]]
    ) -> set[str]:
        """The facts of a decision that come from a field group this partner's kind does not read in
        another partner's act: the same matrix as the acts' content (:func:`visible_fields`)."""
        allowed = groups_of(self.principal.kind)
        if allowed >= set(ALL_GROUPS):
            return set()
        outside = set()
        for label in decision.get("faits") or {}:
            alias, _, rest = label.partition(".")
            key = lies.get(alias) if rest and alias in lies else decision["acte"]
            path = rest if rest and alias in lies else label
            act = actes.get(str(key))
            if act is None or act[1] == self._me:
                continue
            group = fact_group(act[0], path)
            if group is not None and group not in allowed:
                outside.add(label)
        return outside

    def decisions(
        self, decisions: Iterable[Mapping[str, Any]], actes: Mapping[str, tuple[str, str]]
    ) -> list[Mapping[str, Any]]:
        """The decisions this partner may see, as it may see them."""
        return [shown for d in decisions if (shown := self.decision(d, actes)) is not None]
