"""Events, as partners read them (``GET /v1/evenements``) and receive them (webhooks): one envelope
(:class:`Evenement`: ``id``, ``type``, ``timestamp``, ``dossier_id``, ``data``) and one ``data`` schema per
type, declared once here (:data:`TYPES`). The OpenAPI document's ``webhooks`` section, ``docs/evenements.md``
and the subscription types a partner may ask for all read this registry.

``data`` holds ids, types, codes and dates, never a household's personal data; the one exception is
``acte.depose``'s ``acte``: the act as the recipient may see it (``services/visibility.py``: its content
only when the recipient's kind may read that act type), computed when the event is read or delivered.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, create_model

from app.schemas.recus import ActeVue
from app.schemas.seances import PointReleve, ReleveServiceEtat

_UUID_EXAMPLE = "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d"


class _Data(BaseModel):
    model_config = ConfigDict(extra="allow")


class DossierData(_Data):
    dossier_id: uuid.UUID = Field(description="The dossier (also the envelope's `dossier_id`)")


class ActeData(DossierData):
    acte_id: uuid.UUID = Field(description="The act")
    type: str = Field(description="The act's type, e.g. `signalement_impaye`")


class DossierCree(ActeData):
    """A filing opened a new dossier (the act's type says which)."""


class ActeDepose(ActeData):
    """An act was filed in the dossier (whoever filed it: the recipient may be its filer)."""

    partner_kind: str = Field(description="The filer's kind")
    acte: ActeVue | None = Field(
        default=None,
        description="The act as the recipient may see it: `contenu_visible` and, when true, its content "
        "(`acte`). Computed when read or delivered: a grant ended since is an event no longer shown",
    )


class DossierClos(ActeData):
    """An act that closes the dossier was filed (`expulsion`, `cloture`)."""


class DossierAnonymise(DossierData):
    """The dossier, closed for `PREVEX_ANONYMISATION_DELAI_JOURS`, was anonymised (docs/protection.md
    §4): its acts no longer carry the household's identity, contacts, street address or allocataire
    number, nor exact amounts, and no later filing can match the household to it. Purge your copies of
    its personal data too."""

    clos_le: str = Field(description="The date of its latest closing act (ISO 8601)")
    anonymise_le: str = Field(description="When it was anonymised (ISO 8601 date)")


class DecisionData(DossierData):
    decision_id: uuid.UUID = Field(description="The decision (its row never changes id)")
    acte_id: uuid.UUID = Field(description="The act the decision is about")
    acte_reference: str | None = Field(default=None, description="That act's reference (its filer's)")
    kind: Literal["echeance", "orientation", "alerte"] = Field(description="Deadline, orientation or alert")
    code: str = Field(description="Public decision code (`docs/rules.md`)")
    regle: str = Field(description="Id of the rule that made it")
    source: str = Field(description="Law article, court opinion, or charter file and line")
    date: str | None = Field(default=None, description="For deadlines: the date (ISO 8601)")
    destinataire: str | None = Field(default=None, description="For orientations: the partner kind concerned")
    statut: Literal["active", "satisfaite", "depassee", "remplacee"] = Field(
        description="The decision's status when the event was written"
    )


class DecisionEmise(DecisionData):
    """A filing or a re-evaluation made a decision (a new deadline, orientation or alert)."""

    cle: str = Field(description="Stable identity of the decision within its dossier")
    precision: str | None = None


class EcheanceProche(DecisionData):
    """A deadline is near: its date is within the lead (`PREVEX_ECHEANCE_PROCHE_JOURS_OUVRES` working days,
    default 5) and it is still `active`. Sent once per deadline."""

    jours_ouvres_restants: int = Field(description="Working days from today to the date")
    au_plus_tot: bool = Field(
        description="True for an earliest day (`cdp_effet`, `expulsion_au_plus_tot`): the day something "
        "becomes possible, not a deadline that an act must meet"
    )


class EcheanceDepassee(DecisionData):
    """A deadline passed with no act that meets it (e.g. no DSF by `dsf_transmission_limite`); the
    decision's `statut` is now `depassee`. Sent once per deadline."""


class CfpRefusImplicite(DecisionData):
    """Two months passed since the réquisition with no CFP decision (`refus_implicite_cfp`): the préfet's
    silence is a refusal (the State may owe the landlord compensation). Sent once, instead of
    `echeance.depassee`, for that deadline."""


class DossierReevalue(DossierData):
    """The rules were run again on the dossier (a rule change) and decided otherwise."""

    evaluation_id: uuid.UUID = Field(description="The new evaluation")
    version_regles: str = Field(description="The rules' version it ran")
    nouvelles_decisions: int = Field(
        description="How many decisions it added (each has its `decision.emise`)"
    )


class AttributionAccordee(DossierData):
    """The CCAPEX routed the dossier to a member: the recipient now holds a grant on it (`attribution`)."""

    partenaire_id: uuid.UUID = Field(description="The member that holds the grant")
    accorde_par: uuid.UUID = Field(description="The CCAPEX that granted it")


class RecommandationData(DossierData):
    recommandation_id: uuid.UUID = Field(description="The recommendation (`PATCH /v1/recommandations/{id}`)")
    nature: str = Field(description="Its kind, from the catalogue (`docs/ccapex.md`)")
    statut: Literal["en_cours", "mise_en_oeuvre", "non_suivie", "sans_objet"] = Field(
        description="Its follow-up status when the event was written"
    )
    destinataire_menage: bool = Field(description="True when it is addressed to the household")
    echeance: str | None = Field(default=None, description="Its due date (ISO 8601)")


class RecommandationEmise(RecommandationData):
    """A CCAPEX or a local commission made a recommendation: to its addressee (and its emitter)."""

    seance_id: uuid.UUID | None = Field(default=None, description="The session it came from")


class RecommandationSuivie(RecommandationData):
    """The addressee (or the secretariat, for the household) recorded a follow-up: to the emitter and
    the addressee."""

    date: str = Field(description="When it happened, as the partner says (ISO 8601)")


class RecommandationRappel(RecommandationData):
    """Six months after its session a recommendation is still `en_cours`: a reminder to the addressee
    (the emitter for the household). Sent once."""

    date_reference: str = Field(description="The session's date (or the emission's)")


class BilanDemande(DossierData):
    """Twelve months after the session that examined the dossier: the secretariat is asked for the outcome
    (`PUT /v1/dossiers/{id}/bilan`). Sent once."""

    seance_id: uuid.UUID = Field(description="The session")
    seance_date: str = Field(description="Its date (ISO 8601)")
    modifiable_jusqu_au: str = Field(description="The last day the outcome may be recorded or changed")


class SeanceReleve(_Data):
    """A session's secretariat sent its relevé de décisions (`seeds/002_93761ec2a302805a.txt:L1075-1079`: the CLPIL's relevé to the
    State's services): to the préfecture partners of the territory (no dossier: it lists several)."""

    seance_id: uuid.UUID = Field(description="The session")
    territoire: str = Field(description="Its territory")
    date: str = Field(description="Its date (ISO 8601)")
    formation: Literal["pleniere", "restreinte", "locale"] = Field(description="Its formation")
    dossiers: list[PointReleve] = Field(description="Each dossier on its agenda and its outcome")
    services_etat: list[ReleveServiceEtat] | None = Field(
        default=None,
        description="Where the territory's rule file routes the relevé by arrondissement (77, R-38): "
        "each State service and the dossiers of its arrondissements",
    )
    hors_arrondissement: list[PointReleve] | None = Field(
        default=None,
        description="With `services_etat`: the dossiers of a commune no arrondissement lists (sent by hand)",
    )


class AbonnementDesactive(_Data):
    """Prevex disabled one of the partner's webhook subscriptions (no dossier)."""

    abonnement_id: uuid.UUID = Field(description="The subscription")
    url: str = Field(description="Its endpoint")
    motif: str = Field(description="`410` (the endpoint said Gone) or `budget_epuise` (retries exhausted)")


@dataclass(frozen=True)
class TypeEvenement:
    """One event type: its ``data`` schema and who receives it."""

    data: type[BaseModel]
    destinataires: str


TYPES: dict[str, TypeEvenement] = {
    "dossier.cree": TypeEvenement(DossierCree, "every grant holder of the new dossier"),
    "acte.depose": TypeEvenement(ActeDepose, "every grant holder of the dossier (content per its kind)"),
    "decision.emise": TypeEvenement(
        DecisionEmise, "the grant holders that may see the decision (`Vue.decision`)"
    ),
    "echeance.proche": TypeEvenement(EcheanceProche, "the grant holders that may see the decision"),
    "echeance.depassee": TypeEvenement(EcheanceDepassee, "the grant holders that may see the decision"),
    "cfp.refus_implicite": TypeEvenement(CfpRefusImplicite, "the grant holders that may see the decision"),
    "dossier.reevalue": TypeEvenement(DossierReevalue, "every grant holder of the dossier"),
    "dossier.clos": TypeEvenement(DossierClos, "every grant holder of the dossier"),
    "dossier.anonymise": TypeEvenement(DossierAnonymise, "every partner holding a grant on the dossier"),
    "attribution.accordee": TypeEvenement(AttributionAccordee, "the member that got the grant, the CCAPEX"),
    "recommandation.emise": TypeEvenement(RecommandationEmise, "its addressee and its emitter"),
    "recommandation.suivie": TypeEvenement(RecommandationSuivie, "its emitter and its addressee"),
    "recommandation.rappel": TypeEvenement(
        RecommandationRappel, "its addressee (the emitter for the household)"
    ),
    "bilan.demande": TypeEvenement(BilanDemande, "the secretariat of the session"),
    "seance.releve": TypeEvenement(SeanceReleve, "the préfecture partners of the session's territory"),
    "abonnement.desactive": TypeEvenement(AbonnementDesactive, "the subscription's partner only"),
}

#: Families kept for later issues (CCAPEX workflows): their types will be added to :data:`TYPES` under
#: these prefixes; a subscription may already name them.
RESERVES = ("ccapex.",)


def type_accepte(name: str) -> bool:
    return name == "*" or name in TYPES or name.startswith(RESERVES)


_EVENEMENT_EXAMPLE: dict[str, Any] = {
    "id": "0b7f6a52-4c1d-4e8a-9f3b-2d5e6c7a8b90",
    "type": "acte.depose",
    "timestamp": "2026-03-02T09:15:27.123456+00:00",
    "dossier_id": _UUID_EXAMPLE,
    "data": {
        "dossier_id": _UUID_EXAMPLE,
        "acte_id": "3b2f8c1e-0d6a-4d8e-9a57-2f1c0e9b7a31",
        "type": "signalement_impaye",
        "partner_kind": "bailleur_social",
        "acte": {"contenu_visible": True, "acte": {"type": "signalement_impaye"}},
    },
}


class Evenement(BaseModel):
    """An event as the partner reads it in its feed and receives it by webhook (the same JSON)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EVENEMENT_EXAMPLE]})

    id: uuid.UUID = Field(description="Stable: the webhook's `webhook-id`, the same in the feed")
    type: str = Field(description="What happened (`docs/evenements.md`)")
    timestamp: datetime = Field(description="When it was recorded")
    dossier_id: uuid.UUID | None = Field(description="The dossier; null for an event about the partner")
    data: dict[str, Any] = Field(description="Per type: see the `webhooks` section of this document")


class PageEvenements(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [_EVENEMENT_EXAMPLE], "next_cursor": "MTIzNDU2Ljc4"}]}
    )
    items: list[Evenement]
    next_cursor: str = Field(
        description="Where to read on from (`apres=`): keep it once the page is handled. The same cursor "
        "when there is nothing new yet"
    )


def envelope_models() -> dict[str, type[BaseModel]]:
    """One envelope model per type, ``data`` typed: the bodies of the OpenAPI ``webhooks``."""
    models: dict[str, type[BaseModel]] = {}
    for name, spec in TYPES.items():
        title = "Evenement_" + name.replace(".", "_")
        models[name] = create_model(
            title,
            __doc__=spec.data.__doc__ or name,
            id=(uuid.UUID, ...),
            type=(cast(Any, Literal[name]), ...),
            timestamp=(datetime, ...),
            dossier_id=(cast(Any, uuid.UUID | None), ...),
            data=(spec.data, ...),
        )
    return models
