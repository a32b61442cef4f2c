"""The indicators' contract: tidy rows (one per year, indicator and parc), three tables named apart."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ParcStat = Literal["total", "social", "prive", "inconnu"]


class Ligne(BaseModel):
    annee: int = Field(description="Year of the act's own date (cohorts: year of the dossier's first CDP)")
    indicateur: str = Field(description="Its name, defined in docs/statistiques.md with the charter line")
    parc: ParcStat = Field(description="The parc the dossier had at the act's date (not today's)")
    valeur: int | float | None = Field(description="null when masked")
    masque: bool = Field(
        description="Hidden: below the threshold, or so that no total gives a hidden cell back"
    )


class Graphiques(BaseModel):
    entonnoir: str = Field(description="The yearly funnel per stage (SVG)")
    tendances: dict[str, str] = Field(description="Each count's trend over the years (SVG), by indicator")


_EXEMPLE: dict[str, Any] = {
    "territoire": "75",
    "du": 2023,
    "au": 2024,
    "seuil": 5,
    "masquage": True,
    "calcule_le": "2026-12-02T05:00:00+00:00",
    "lignes": [
        {
            "annee": 2024,
            "indicateur": "commandements_de_payer",
            "parc": "total",
            "valeur": 10782,
            "masque": False,
        },
        {
            "annee": 2024,
            "indicateur": "saisines_ccapex.origine.prefecture",
            "parc": "social",
            "valeur": None,
            "masque": True,
        },
    ],
    "ratios_meme_annee": [
        {
            "annee": 2024,
            "indicateur": "ratio_meme_annee.assignations_par_cdp",
            "parc": "total",
            "valeur": 0.5022,
            "masque": False,
        }
    ],
    "conversions_cohorte": [
        {
            "annee": 2023,
            "indicateur": "cohorte_cdp.effectif",
            "parc": "total",
            "valeur": 9604,
            "masque": False,
        },
        {
            "annee": 2023,
            "indicateur": "taux_conversion_cohorte_cdp.assignation",
            "parc": "total",
            "valeur": 0.41,
            "masque": False,
        },
        {
            "annee": 2023,
            "indicateur": "delai_median_jours.cdp_assignation",
            "parc": "total",
            "valeur": 152,
            "masque": False,
        },
    ],
    "graphiques": {
        "entonnoir": "/v1/statistiques/graphiques/entonnoir.svg?territoire=75&du=2023&au=2024",
        "tendances": {
            "commandements_de_payer": "/v1/statistiques/graphiques/tendance.svg?territoire=75&du=2023&au=2024"
            "&indicateur=commandements_de_payer"
        },
    },
}


class Indicateurs(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_EXEMPLE]})

    territoire: str
    du: int
    au: int
    seuil: int = Field(description="PREVEX_STATS_SEUIL: counts below it (not 0) are masked")
    masquage: bool = Field(description="Masking applied (false only for the territory's CCAPEX)")
    calcule_le: str | None = Field(description="When the aggregates were last rebuilt from the acts")
    lignes: list[Ligne] = Field(description="Counts by the act's own date, each distinct act once")
    ratios_meme_annee: list[Ligne] = Field(
        description="Same-year ratios (numerator and denominator of the same calendar year): not conversions"
    )
    conversions_cohorte: list[Ligne] = Field(
        description="CDP cohorts: of the dossiers with their first CDP in year N, how many reached each stage "
        "(whenever), the rate, and the median delay in days"
    )
    graphiques: Graphiques
