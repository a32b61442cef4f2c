"""Response shapes of acts, receipts and dossiers (documentation of the contract; routes build them)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.rules.codes import DECISION_CODES
from app.schemas.ccapex import Proposition


def _codes(kind: str) -> str:
    """The public codes of one kind, as a Markdown list (they are part of the contract)."""
    return "\n".join(
        f"- `{code}`: {meta['en']}" for code, meta in DECISION_CODES.items() if meta["kind"] == kind
    )


_DECISION_EXAMPLE: dict[str, Any] = {
    "kind": "echeance",
    "code": "cdp_effet",
    "regle": "N-CDP-DELAY-2023",
    "source": "Loi 89-462 art. 24 I (loi 2023-668 art. 10)",
    "acte": "5f0c…",
    "acte_reference": "CJ-2026-0042",
    "faits": {"date_acte": "2026-03-02", "bail.date_signature": "2024-01-15"},
    "date": "2026-04-13",
    "message": "Le commandement produit effet 6 semaines après sa signification.",
    "cle": "echeance|cdp_effet|…",
    "liens_sources": ["https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310"],
}


_ACTE_VUE_EXAMPLE: dict[str, Any] = {
    "id": "3b2f8c1e-0d6a-4d8e-9a57-2f1c0e9b7a31",
    "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
    "type": "diagnostic_social_financier",
    "date_acte": "2026-04-30",
    "recu_le": "2026-04-30T08:00:00+00:00",
    "deposant": {"kind": "departement", "vous": False},
    "contenu_visible": False,
}
_SOURCE_EXAMPLE = {
    "acte_id": "3b2f8c1e-0d6a-4d8e-9a57-2f1c0e9b7a31",
    "type": "commandement_de_payer",
    "partner_kind": "commissaire_justice",
    "date_acte": "2026-03-02",
    "recu_le": "2026-03-02T09:15:27+00:00",
}
_DOSSIER_EXAMPLE: dict[str, Any] = {
    "id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
    "territoire": "93",
    "parc": "prive",
    "stade": "contentieux",
    "created_at": "2026-03-02T09:15:27+00:00",
    "updated_at": "2026-04-30T08:00:00+00:00",
    "faits": {
        "dette.montant_cents": {
            "valeur": 282000,
            "source": _SOURCE_EXAMPLE,
            "historique": [{"valeur": 282000, "source": _SOURCE_EXAMPLE}],
            "divergent": False,
        }
    },
    "actes": [_ACTE_VUE_EXAMPLE],
    "echeances": [_DECISION_EXAMPLE],
    "orientations": [],
    "alertes": [],
    "version_regles": "national@…",
}


class Decision(BaseModel):
    """A decision of the rules engine. Codes are listed in `docs/rules.md`."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [_DECISION_EXAMPLE]})
    kind: Literal["echeance", "orientation", "alerte"]
    code: str = Field(
        description="Public decision code, e.g. `cdp_effet`, `signalement_ccapex`, "
        "`notification_prefet_tardive` (see docs/rules.md)"
    )
    regle: str = Field(description="Id of the rule that made the decision")
    source: str = Field(description="Law article, court opinion, or charter file and line")
    acte: str = Field(description="Id (or, in a simulation, reference) of the act the decision is about")
    acte_reference: str | None = None
    faits: dict[str, Any] = Field(description="The facts the rule used")
    actes_lies: dict[str, str] = Field(
        default_factory=dict,
        description="The other acts of the dossier the rule read, by alias (e.g. `saisine`, `dsf`): ids, "
        "or references in a simulation. Those whose content this partner may not read are left out",
    )
    liens_sources: list[str] = Field(
        default_factory=list,
        description="Where to read the sources: `/v1/regles/sources/{fichier}?lignes=n-m` for each charter "
        "line cited, then the public text (Légifrance, Conseil d'État) of the legal texts named",
    )
    faits_masques: bool | None = Field(
        default=None,
        description="True when facts taken from an act this partner may not read were removed from `faits`",
    )
    message: str
    cle: str = Field(description="Stable identity of the decision within its dossier")
    date: str | None = Field(default=None, description="For deadlines: the date (ISO 8601)")
    destinataire: str | None = Field(default=None, description="For orientations: the partner kind concerned")
    precision: str | None = None
    statut: Literal["active", "satisfaite", "depassee", "remplacee"] | None = Field(
        default=None,
        description="In a dossier's current decisions: `active`, `satisfaite` (a later act met it), "
        "`depassee` (its date passed unmet). Receipts and simulations carry none",
    )


class Decisions(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "echeances": [_DECISION_EXAMPLE],
                    "orientations": [],
                    "alertes": [],
                    "version_regles": "national@…",
                }
            ]
        }
    )
    echeances: list[Decision] = Field(description="Deadlines. Codes:\n" + _codes("echeance"))
    orientations: list[Decision] = Field(
        description="Who must be told or seized. Codes:\n" + _codes("orientation")
    )
    alertes: list[Decision] = Field(
        description="Admissibility and consistency alerts (never blocking). Codes:\n" + _codes("alerte")
    )


class Recu(Decisions):
    """The receipt of a filing. `recu_le` is the legal proof of the filing date."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "3b2f8c1e-0d6a-4d8e-9a57-2f1c0e9b7a31",
                    "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "recu_le": "2026-03-02T09:15:27.123456+00:00",
                    "type": "commandement_de_payer",
                    "reference": "CJ-2026-0042",
                    "acte": {"type": "commandement_de_payer", "reference": "CJ-2026-0042"},
                    "echeances": [_DECISION_EXAMPLE],
                    "orientations": [],
                    "alertes": [],
                    "version_regles": "national:…",
                }
            ]
        }
    )
    id: str
    dossier_id: str
    recu_le: str = Field(description="Server time (UTC) when Prevex received the act")
    type: str
    reference: str
    acte: dict[str, Any] = Field(description="The act as stored")
    version_regles: str


class Deposant(BaseModel):
    kind: str
    vous: bool = Field(description="True when the calling partner filed it")


class ActeVue(BaseModel):
    """An act as the calling partner may see it: its content only where its mission needs it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ACTE_VUE_EXAMPLE]})

    id: str
    dossier_id: str
    type: str
    date_acte: str
    recu_le: str
    deposant: Deposant
    contenu_visible: bool
    acte: dict[str, Any] | None = None
    decisions: Decisions | None = None


class Fait(BaseModel):
    valeur: Any
    source: dict[str, Any] | None = Field(
        description="Who said it, when: acte_id, type, partner_kind, the act's date_acte and its recu_le. "
        "None (and `valeur` None) when only unconfirmed acts stated it"
    )
    historique: list[dict[str, Any]] = Field(
        description="Every value stated, in the order of the acts' dates (then of receipt), with its source "
        "and `confirme`: false when it comes from a party that joined the dossier by household match and "
        "that the CCAPEX has not linked to it (such a value never becomes the current one for others)"
    )
    divergent: bool = Field(description="True when partners stated different values")


class DossierVue(Decisions):
    model_config = ConfigDict(json_schema_extra={"examples": [_DOSSIER_EXAMPLE]})
    id: str
    territoire: str
    parc: str | None
    stade: Literal["pre_contentieux", "contentieux", "execution", "clos"]
    created_at: str
    updated_at: str
    faits: dict[str, Fait] = Field(
        description="Each fact (dotted paths) with its current value: the one stated by the act with the most "
        "recent date_acte (then the latest received), with its source; an old act filed late joins the "
        "history without overriding newer facts"
    )
    actes: list[ActeVue]
    version_regles: str | None
    attributions_proposees: list[Proposition] | None = Field(
        default=None,
        description="To the CCAPEX and local commissions only: the routing the charters propose (rule, "
        "source, partner kind, candidates); never made silently: `POST /v1/dossiers/{id}/attributions`",
    )


class DossierResume(BaseModel):
    id: str
    territoire: str
    parc: str | None
    stade: str
    created_at: str
    updated_at: str


class PageDossiers(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            k: _DOSSIER_EXAMPLE[k]
                            for k in ("id", "territoire", "parc", "stade", "created_at", "updated_at")
                        }
                    ],
                    "next_cursor": "WyIyMDI2LTAzLTAyVDA5OjE1OjI3KzAwOjAwIiwgIjlkNGUiXQ",
                }
            ]
        }
    )
    items: list[DossierResume]
    next_cursor: str | None = Field(description="Opaque; pass as `cursor` for the next page. null at the end")


class EntreeChronologie(BaseModel):
    quand: str
    nature: Literal["acte", "evenement"]
    acte: ActeVue | None = None
    evenement: dict[str, Any] | None = Field(
        default=None,
        description="An event of the dossier's log: `{id, type, acte_id}` (`id`: a UUID), type `dossier.cree` "
        "(first act), `acte.depose` (an act filed), `decision.emise` (a new deadline, orientation or alert) "
        "or `dossier.reevalue` (the rules, re-run after a change, decided differently: a new evaluation "
        "beside the old one)",
    )


class Chronologie(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "dossier_id": _DOSSIER_EXAMPLE["id"],
                    "items": [
                        {"quand": "2026-04-30T08:00:00+00:00", "nature": "acte", "acte": _ACTE_VUE_EXAMPLE},
                        {
                            "quand": "2026-04-30T08:00:00+00:00",
                            "nature": "evenement",
                            "evenement": {
                                "id": "0b7e5c2a-4f1d-4a8e-9c3b-6d2f1e0a9b84",
                                "type": "acte.depose",
                                "acte_id": _ACTE_VUE_EXAMPLE["id"],
                            },
                        },
                    ],
                }
            ]
        }
    )
    dossier_id: str
    items: list[EntreeChronologie]


class ResultatLot(BaseModel):
    index: int
    statut: int = Field(description="201 filed, 200 already filed (replay), or the problem's status")
    recu: Recu | None = None
    probleme: dict[str, Any] | None = None


class ReponseLot(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "resultats": [
                        {"index": 0, "statut": 201, "recu": {"id": "3b2f8c1e-…", "dossier_id": "9d4e…"}},
                        {
                            "index": 1,
                            "statut": 422,
                            "probleme": {
                                "type": "urn:prevex:probleme:validation",
                                "title": "Invalid request",
                                "status": 422,
                                "detail": "The request has 1 invalid field(s); see `errors`.",
                                "errors": [
                                    {
                                        "pointer": "/dette/montant_cents",
                                        "detail": "Input should be a valid integer",
                                    }
                                ],
                            },
                        },
                    ],
                    "acceptes": 1,
                    "rejetes": 1,
                }
            ]
        }
    )
    resultats: list[ResultatLot]
    acceptes: int
    rejetes: int
