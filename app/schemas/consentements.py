"""The household's word on a local commission examining its dossier, as the contract shows it."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_COMMISSION = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d"


class ConsentementDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"commission_id": _COMMISSION, "statut": "informe", "date": "2026-03-10"}]
        },
    )
    commission_id: uuid.UUID = Field(description="The local commission (CLPIL, CLIL)")
    statut: Literal["informe", "refus"] = Field(
        description="`informe`: told, did not object; `refus`: the household refused"
    )
    date: dt.date = Field(description="When the household said it")


class Consentement(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "commission_id": _COMMISSION,
                    "statut": "refus",
                    "date": "2026-03-10",
                    "enregistre_le": "2026-03-10T10:00:00+00:00",
                }
            ]
        }
    )
    dossier_id: uuid.UUID
    commission_id: uuid.UUID
    statut: Literal["informe", "refus"]
    date: dt.date
    enregistre_le: dt.datetime
