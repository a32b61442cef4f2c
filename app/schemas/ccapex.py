"""What awaits the CCAPEX (its work list) and its routing grants (attributions), as the contract shows them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Texte

_DOSSIER = "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d"
_PARTENAIRE = "4c2a7e1b-8d3f-4b6a-9e0c-1f2d3a4b5c6d"


class Motif(BaseModel):
    """One open orientation addressed to the CCAPEX: why the dossier is on its list."""

    decision_id: uuid.UUID
    code: str = Field(description="The orientation's code (`signalement_ccapex`, `saisine_ccapex_…`)")
    regle: str = Field(description="The rule that made it")
    source: str = Field(description="Law article or charter file and line")
    depuis: dt.datetime = Field(description="Since when it is open")


class Echeance(BaseModel):
    code: str
    date: dt.date


class Proposition(BaseModel):
    """A charter's routing rule that applies to the dossier: route it with an attribution."""

    code: str = Field(description="The orientation's code (e.g. `ccapex_locale`)")
    regle: str = Field(description="The rule that proposes it")
    source: str = Field(description="The charter file and line")
    kind: str | None = Field(description="The partner kind it routes to")
    partenaires: list[uuid.UUID] = Field(description="The active partners of that kind in the territory")


class ATraiter(BaseModel):
    dossier_id: uuid.UUID
    territoire: str
    stade: Literal["pre_contentieux", "contentieux", "execution", "clos"]
    depuis: dt.datetime = Field(description="When its oldest open orientation to the CCAPEX was made")
    motifs: list[Motif] = Field(description="Every open orientation addressed to the CCAPEX")
    prochaine_echeance: Echeance | None = Field(description="The dossier's next active deadline")
    propositions: list[Proposition] = Field(
        description="Routing the charters propose (never made silently: `POST …/attributions`)"
    )


class PageATraiter(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "dossier_id": _DOSSIER,
                            "territoire": "93",
                            "stade": "pre_contentieux",
                            "depuis": "2026-03-02T09:15:27+00:00",
                            "motifs": [
                                {
                                    "decision_id": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
                                    "code": "signalement_ccapex",
                                    "regle": "N-CDP-SIGNAL-2023",
                                    "source": "Loi n° 89-462, art. 24 II",
                                    "depuis": "2026-03-02T09:15:27+00:00",
                                }
                            ],
                            "prochaine_echeance": {"code": "cdp_effet", "date": "2026-05-04"},
                            "propositions": [],
                        }
                    ],
                    "next_cursor": None,
                }
            ]
        }
    )
    items: list[ATraiter]
    next_cursor: str | None = Field(description="Where to read on from (`cursor=`); null on the last page")


class AttributionDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"partenaire_id": _PARTENAIRE, "motif": "Examen du dossier FSL (maintien)"}]
        },
    )
    partenaire_id: uuid.UUID = Field(description="The member that gets the grant")
    motif: Texte = Field(description="Why (kept with the grant; no personal data)")


class Attribution(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "dossier_id": _DOSSIER,
                    "partenaire_id": _PARTENAIRE,
                    "motif": "Examen du dossier FSL (maintien)",
                    "accorde_par": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "depuis": "2026-03-02T09:15:27+00:00",
                    "jusqu_a": None,
                }
            ]
        }
    )
    dossier_id: uuid.UUID
    partenaire_id: uuid.UUID
    motif: str | None
    accorde_par: uuid.UUID | None
    depuis: dt.datetime
    jusqu_a: dt.datetime | None = Field(description="When it ended (`DELETE`); null while it stands")
