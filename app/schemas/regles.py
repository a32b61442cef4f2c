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


class ExtraitSource(BaseModel):
    """Lines of a source text the rules cite (a public charter shipped with Prevex)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "fichier": "004_df506cacdd7ea785.txt",
                    "lignes": "3927-3928",
                    "texte": "courriers sont envoyés, selon le montant de la dette ou selon le parc (public ou "
                    "privé). Pour les dettes entre 3 000 \net 7 000€, les locataires sont encouragés à "
                    "consulter l’ADIL. ",
                }
            ]
        }
    )
    fichier: str = Field(
        description="The source text's file name, as the rules cite it (`seeds/<fichier>:L…`)"
    )
    lignes: str = Field(description="The lines served: `n` or `n-m`, numbered as in the original text")
    texte: str = Field(description="Those lines, joined by newlines, as published (OCR errors included)")


MAX_BROUILLON = 1_000_000


class ImpactDemande(BaseModel):
    """A draft rule file and the territory whose stored dossiers it is tried on. Nothing is stored."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "territoire": "93",
                    "fichier": 'territoire: "93"\nversion: "2026.1"\n… (the whole draft of 93/charte.yaml)',
                }
            ]
        },
    )
    territoire: Territoire
    fichier: Annotated[str, Field(min_length=1, max_length=MAX_BROUILLON)] = Field(
        description="The draft rule file, YAML text (the schema of docs/rules.md)"
    )
    remplace: Annotated[list[Annotated[str, Field(max_length=200)]], Field(max_length=20)] | None = Field(
        default=None,
        description="The files the draft replaces, as GET /v1/regles names them (`93/charte.yaml`); by "
        "default those sharing a rule id with the draft, else none (a new file beside them)",
    )


IMPACT_ADAPTER: Final[TypeAdapter[ImpactDemande]] = TypeAdapter(ImpactDemande)


class ImpactReponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "territoire": "93",
                    "fichier": "93/charte.yaml",
                    "remplace": ["93/charte.yaml"],
                    "version_regles": "national@2026.1+93@2022.1#6fa70152942a",
                    "version_brouillon": "national@2026.1+93@2022.1#bd99166b4950",
                    "reference": "Deux évaluations du moteur sur les mêmes actes : …",
                    "dossiers_examines": 1200,
                    "dossiers_changes": 1,
                    "apparaissent": {
                        "nombre": 1,
                        "exemples": [
                            {
                                "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
                                "acte_id": "3b2f8c1e-0d6a-4d8e-9a57-2f1c0e9b7a31",
                                "cle": "orientation|orientation_adil|93-ADIL-3000-7000|3b2f8c1e-…",
                                "kind": "orientation",
                                "code": "orientation_adil",
                                "regle": "93-ADIL-3000-7000",
                                "date": None,
                            }
                        ],
                    },
                    "disparaissent": {"nombre": 0, "exemples": []},
                    "changent_de_date": {"nombre": 0, "exemples": []},
                    "modifiees": {"nombre": 0, "exemples": []},
                    "par_code": {
                        "orientation_adil": {
                            "apparaissent": 1,
                            "disparaissent": 0,
                            "changent_de_date": 0,
                            "modifiees": 0,
                        }
                    },
                    "dossiers": [
                        {
                            "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
                            "apparaissent": 1,
                            "disparaissent": 0,
                            "changent_de_date": 0,
                            "modifiees": 0,
                        }
                    ],
                    "dossiers_tronques": False,
                }
            ]
        },
    )
    territoire: str
    fichier: str = Field(description="Where the draft would sit, relative to the rules folder")
    remplace: list[str] = Field(description="The files it replaces (empty: added beside them)")
    version_regles: str = Field(description="The rules in force, the reference")
    version_brouillon: str
    reference: str = Field(description="What the draft is compared with")
    dossiers_examines: int = Field(description="Stored dossiers of the territory the caller may read")
    dossiers_changes: int
    apparaissent: dict[str, Any] = Field(description="`{nombre, exemples}`: decisions the draft would add")
    disparaissent: dict[str, Any] = Field(description="Decisions it would no longer make")
    changent_de_date: dict[str, Any] = Field(description="Same decision, another date (`date_avant`, `date`)")
    modifiees: dict[str, Any] = Field(description="Same decision and date, other facts or message")
    par_code: dict[str, Any] = Field(description="The four counts by decision code")
    dossiers: list[dict[str, Any]] = Field(description="The dossiers that change (ids and counts), first 500")
    dossiers_tronques: bool = Field(description="More dossiers change than listed")
