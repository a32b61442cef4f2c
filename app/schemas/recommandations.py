"""Recommendations (avis et recommandations), their follow-up and the 12-month outcome (bilan)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.schemas.common import TexteLong

_ID = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
_DOSSIER = "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d"
_BAILLEUR = "4c2a7e1b-8d3f-4b6a-9e0c-1f2d3a4b5c6d"

Nature = Literal[
    "reprise_paiement",
    "plan_apurement",
    "saisine_surendettement",
    "demande_fsl",
    "demande_logement_social",
    "recours_dalo",
    "suspension_procedure_relogement",
    "accompagnement_social",
    "delais_prefecture",
    "diagnostic_social",
    "autre",
]
Statut = Literal["en_cours", "mise_en_oeuvre", "non_suivie", "sans_objet"]
IssueBilan = Literal["maintien", "relogement", "depart", "expulsion"]


class Destinataire(BaseModel):
    """A partner (`partenaire_id`) or the household (`menage: true`), exactly one of them."""

    model_config = ConfigDict(extra="forbid")
    partenaire_id: uuid.UUID | None = None
    menage: Literal[True] | None = None

    @model_validator(mode="after")
    def _one(self) -> Destinataire:
        if (self.partenaire_id is None) == (self.menage is None):
            raise ValueError("give either `partenaire_id` or `menage: true`")
        return self


class RecommandationDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "destinataire": {"partenaire_id": _BAILLEUR},
                    "nature": "plan_apurement",
                    "texte": "Proposer un plan d'apurement sur 24 mois.",
                    "echeance": "2026-06-30",
                    "seance_id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                }
            ]
        },
    )
    destinataire: Destinataire
    nature: Nature
    texte: TexteLong = Field(description="What is recommended (no more personal data than needed)")
    echeance: dt.date | None = Field(default=None, description="By when")
    seance_id: uuid.UUID | None = Field(default=None, description="The session it came from")


class SuiviDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"statut": "mise_en_oeuvre", "date": "2026-05-12", "commentaire": "Plan signé le 12/05."}
            ]
        },
    )
    statut: Statut
    date: dt.date = Field(description="When it happened")
    commentaire: TexteLong | None = None


class Suivi(BaseModel):
    statut: Statut
    date: dt.date
    commentaire: str | None
    partenaire_id: uuid.UUID = Field(description="Who recorded it")
    at: dt.datetime


_RECOMMANDATION: dict[str, Any] = {
    "id": _ID,
    "dossier_id": _DOSSIER,
    "emetteur_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "destinataire": {"partenaire_id": _BAILLEUR, "menage": None},
    "nature": "plan_apurement",
    "texte": "Proposer un plan d'apurement sur 24 mois.",
    "echeance": "2026-06-30",
    "seance_id": None,
    "date_reference": "2026-04-14",
    "statut": "en_cours",
    "statut_le": "2026-04-14T16:00:00+00:00",
    "rappel_le": None,
    "created_at": "2026-04-14T16:00:00+00:00",
    "suivis": [],
}


class Recommandation(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_RECOMMANDATION]})
    id: uuid.UUID
    dossier_id: uuid.UUID
    emetteur_id: uuid.UUID
    destinataire: Destinataire
    nature: Nature
    texte: str
    echeance: dt.date | None
    seance_id: uuid.UUID | None
    date_reference: dt.date = Field(
        description="The session's date (or the emission's): the follow-up counts from it"
    )
    statut: Statut
    statut_le: dt.datetime
    rappel_le: dt.datetime | None = Field(description="When the 6-month reminder was sent")
    created_at: dt.datetime
    suivis: list[Suivi] = Field(description="Every follow-up recorded, oldest first")


class PageRecommandations(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [_RECOMMANDATION], "next_cursor": None}]}
    )
    items: list[Recommandation]
    next_cursor: str | None


class BilanDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"issue": "maintien", "surendettement": False, "fsl": True, "pcs": False}]
        },
    )
    issue: IssueBilan = Field(description="What became of the household 12 months on")
    surendettement: bool = Field(description="A surendettement file was opened")
    fsl: bool = Field(description="The FSL helped")
    pcs: bool = Field(description="A rehousing was offered (PCS)")


class Bilan(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "dossier_id": _DOSSIER,
                    "seance_id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                    "seance_date": "2026-04-14",
                    "modifiable_jusqu_au": "2027-12-14",
                    "demande_le": "2027-04-14T06:00:00+00:00",
                    "issue": "maintien",
                    "surendettement": False,
                    "fsl": True,
                    "pcs": False,
                    "renseigne_le": "2027-04-20T10:00:00+00:00",
                }
            ]
        }
    )
    dossier_id: uuid.UUID
    seance_id: uuid.UUID
    seance_date: dt.date
    modifiable_jusqu_au: dt.date = Field(description="20 months after the session: changes refused after")
    demande_le: dt.datetime | None
    issue: IssueBilan | None
    surendettement: bool | None
    fsl: bool | None
    pcs: bool | None
    renseigne_le: dt.datetime | None


class Comptes(BaseModel):
    """Recommendation counts by kind and follow-up status (for the statistics)."""

    nature: Nature
    statut: Statut
    nombre: int
