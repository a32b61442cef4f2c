"""The audit of dossier accesses, as ``GET /v1/audit`` shows it (docs/protection.md §3)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Acces(BaseModel):
    """One access to a dossier (or to the statistics: no dossier, ``objet``): who, when, what, why."""

    at: str = Field(description="When (UTC)")
    dossier_id: str | None = Field(description="The dossier; null for a read of the statistics")
    objet: dict[str, Any] | None = Field(
        default=None,
        description="What was read when it is not a dossier: for `lecture_statistiques`, "
        "`{territoire, du, au, format}` (and `indicateur` for a trend chart)",
    )
    partner_id: str
    partner_kind: str
    partner_nom: str | None = Field(description="The partner's registered name")
    client_id: str | None = Field(description="The credentials used")
    user_id: str | None = Field(
        description="The person of the partner, when the access was made in the web console (the user's "
        "id); null for the partner's software"
    )
    operation: str = Field(
        description="lecture_dossier, lecture_chronologie, lecture_acte, recherche, depot, lecture_courriers, "
        "lecture_courrier, lecture_statistiques, …"
    )
    resultat: Literal["lu", "refuse", "ecrit"] = Field(
        description="lu: read; refuse: a read answered 404 (not the partner's to see); ecrit: a filing"
    )
    motif: str | None = Field(description="The caller's X-Motif header")
    finalite: str | None = Field(description="The endpoint's purpose")
    request_id: str | None
    scelle: bool = Field(
        description="Already chained (hash-chained in commit order; `prevex audit verifier`)"
    )


class PageAudit(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "at": "2026-03-02T09:15:27+00:00",
                            "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
                            "partner_id": "3b2f8c1e-0d6a-4d8e-9a57-2f1c0e9b7a31",
                            "partner_kind": "bailleur_social",
                            "partner_nom": "OPH Fictif de l'Est parisien",
                            "client_id": "pvx_3b2f8c1e",
                            "user_id": None,
                            "operation": "lecture_dossier",
                            "resultat": "refuse",
                            "motif": None,
                            "finalite": "suivi du dossier (GET /v1/dossiers/{id})",
                            "request_id": "0b8f2c4e9a1d4f6b",
                            "scelle": True,
                        }
                    ],
                    "next_cursor": None,
                }
            ]
        }
    )
    items: list[Acces]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end")
