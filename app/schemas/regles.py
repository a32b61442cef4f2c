"""Rule sets and simulations."""

from __future__ import annotations

from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from app.schemas.actes import EXEMPLES, Acte
from app.schemas.common import Territoire

MAX_ACTES_SIMULATION = 200


class SimulationDemande(BaseModel):
    """The acts of one dossier, in order. Nothing is stored. An act may carry `recu_le` (when it reached
    Prevex); without it, its `date_acte` stands for it."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "territoire": "93",
                    "actes": [
                        EXEMPLES["commandement_de_payer"],
                        {**EXEMPLES["assignation"], "recu_le": "2026-05-20T10:00:00Z"},
                    ],
                }
            ]
        },
    )
    territoire: Territoire
    actes: Annotated[list[Acte], Field(min_length=1, max_length=MAX_ACTES_SIMULATION)]


SIMULATION_ADAPTER: Final[TypeAdapter[SimulationDemande]] = TypeAdapter(SimulationDemande)


class RegleResume(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    titre: str
    du: str | None
    au: str | None
    source: str


class JeuDeRegles(BaseModel):
    model_config = ConfigDict(extra="allow")
    territoire: str
    version: str
    titre: str
    source: str
    regles: list[RegleResume]


class Catalogue(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "jeux": [
                        {
                            "territoire": "national",
                            "version": "2026.1",
                            "titre": "Règles nationales",
                            "source": "Loi 89-462 art. 24 ; CPCE L412-1 à L412-6",
                            "regles": [
                                {
                                    "id": "N-CDP-DELAY-2023",
                                    "titre": "Délai du commandement de payer (6 semaines)",
                                    "du": "2023-07-29",
                                    "au": None,
                                    "source": "Loi 89-462 art. 24 I",
                                }
                            ],
                        }
                    ],
                    "codes": {"cdp_effet": {"kind": "echeance", "fr": "…", "en": "…"}},
                }
            ]
        },
    )
    jeux: list[JeuDeRegles]
    codes: dict[str, Any] = Field(description="Every public decision code, by kind, with its meaning")
