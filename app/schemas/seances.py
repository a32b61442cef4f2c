"""CCAPEX sessions and their agendas, as the contract shows them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.territoires import DEPARTEMENT_PATTERN
from app.schemas.common import TexteLong

_SEANCE = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"
_DOSSIER = "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d"
_MEMBRE = "4c2a7e1b-8d3f-4b6a-9e0c-1f2d3a4b5c6d"

Formation = Literal["pleniere", "restreinte", "locale"]
IssueExamen = Literal["examine", "ajourne", "retire"]


class SeanceDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"territoire": "93", "date": "2026-04-14", "formation": "pleniere", "membres": [_MEMBRE]}
            ]
        },
    )
    territoire: str = Field(pattern=DEPARTEMENT_PATTERN, description="One of the secretariat's territories")
    date: dt.date
    formation: Formation
    membres: list[uuid.UUID] = Field(
        max_length=100, description="The member partners (the secretariat is one without being named)"
    )


class OrdreDuJourDemande(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"dossier_id": _DOSSIER}]})
    dossier_id: uuid.UUID


class ExamenDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"issue": "examine", "avis": "Avis favorable au maintien (FSL)."}]},
    )
    issue: IssueExamen = Field(description="`examine`, `ajourne` (to a later session) or `retire`")
    avis: TexteLong | None = Field(default=None, description="The session's opinion (no personal data)")


class PointReleve(BaseModel):
    dossier_id: uuid.UUID
    issue: IssueExamen | None


class ReleveServiceEtat(BaseModel):
    """One State service's part of a relevé (`seeds/002_93761ec2a302805a.txt:L1075-1079`)."""

    arrondissements: list[str] = Field(description="The arrondissements it serves")
    service: str = Field(description="The State service")
    courriel: str = Field(description="Its address for the relevé, as the charter gives it")
    adresse: str | None = Field(description="Its postal address")
    source: str = Field(description="The charter file and line")
    dossiers: list[PointReleve] = Field(description="The agenda's dossiers of those arrondissements")


class PointOrdreDuJour(BaseModel):
    dossier_id: uuid.UUID
    ajoute_le: dt.datetime
    issue: IssueExamen | None = Field(description="The outcome; null until the secretariat records it")
    avis: str | None
    issue_le: dt.datetime | None


class Seance(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _SEANCE,
                    "territoire": "93",
                    "date": "2026-04-14",
                    "formation": "pleniere",
                    "secretariat_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "membres": [_MEMBRE],
                    "ordre_du_jour": [
                        {
                            "dossier_id": _DOSSIER,
                            "ajoute_le": "2026-03-20T10:00:00+00:00",
                            "issue": None,
                            "avis": None,
                            "issue_le": None,
                        }
                    ],
                    "created_at": "2026-03-02T09:15:27+00:00",
                }
            ]
        }
    )
    id: uuid.UUID
    territoire: str
    date: dt.date
    formation: Formation
    secretariat_id: uuid.UUID
    membres: list[uuid.UUID]
    ordre_du_jour: list[PointOrdreDuJour]
    created_at: dt.datetime


class Releve(BaseModel):
    """The relevé de décisions as sent (`seance.releve`)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "seance_id": _SEANCE,
                    "territoire": "77",
                    "date": "2026-04-14",
                    "formation": "locale",
                    "dossiers": [{"dossier_id": _DOSSIER, "issue": "examine"}],
                    "destinataires": 1,
                }
            ]
        }
    )
    seance_id: uuid.UUID
    territoire: str
    date: dt.date
    formation: Formation
    dossiers: list[PointReleve] = Field(description="Each dossier on the agenda and its outcome")
    services_etat: list[ReleveServiceEtat] | None = Field(
        default=None,
        description="Where the territory's rule file routes the relevé by arrondissement (77, R-38: "
        "Meaux/Torcy, Melun/Fontainebleau, Provins): each State service and its dossiers",
    )
    hors_arrondissement: list[PointReleve] | None = Field(
        default=None,
        description="With `services_etat`: the dossiers of a commune no arrondissement lists (sent by hand)",
    )
    destinataires: int = Field(description="How many préfecture partners it was sent to")
