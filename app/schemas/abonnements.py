"""Webhook subscriptions and their deliveries, as the contract shows them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"
_CREE = "2026-03-02T09:15:27+00:00"


class AbonnementDemande(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"url": "https://partenaire.example/prevex/webhooks", "types": ["acte.depose"]}]
        },
    )
    url: str = Field(
        max_length=2000,
        description="HTTPS URL that receives the events (POST, Standard Webhooks). Plain HTTP and private "
        "addresses only for the hosts of `PREVEX_WEBHOOK_ALLOWED_HOSTS`",
    )
    types: list[str] = Field(
        min_length=1, max_length=50, description='Event types to push, or `["*"]` for all of them'
    )


_ABONNEMENT: dict[str, Any] = {
    "id": _ID,
    "url": "https://partenaire.example/prevex/webhooks",
    "types": ["acte.depose"],
    "statut": "actif",
    "motif": None,
    "created_at": _CREE,
}


class Abonnement(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_ABONNEMENT]})
    id: uuid.UUID
    url: str
    types: list[str]
    statut: Literal["actif", "desactive", "supprime"] = Field(
        description="`desactive`: Prevex stopped pushing (the endpoint answered 410, or a delivery used "
        "its retry budget; see `motif`). A replay (`rejouer`) turns it on again. `supprime`: deleted "
        "(only in the answer to the deletion)"
    )
    motif: str | None = None
    created_at: datetime


class AbonnementCree(Abonnement):
    """The new subscription, with its signing secret: shown this once, never again."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _ID,
                    "url": "https://partenaire.example/prevex/webhooks",
                    "types": ["acte.depose"],
                    "statut": "actif",
                    "motif": None,
                    "created_at": _CREE,
                    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                }
            ]
        }
    )
    secret: str = Field(description="`whsec_…`: verify each delivery's `webhook-signature` with it")


class SecretRenouvele(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _ID,
                    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                    "precedent_valide_jusqu_a": "2026-03-03T09:15:27+00:00",
                }
            ]
        }
    )
    id: uuid.UUID
    secret: str = Field(description="The new `whsec_…` secret, shown this once")
    precedent_valide_jusqu_a: datetime = Field(
        description="Until then deliveries carry two signatures (old and new secret): switch meanwhile"
    )


class PageAbonnements(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_ABONNEMENT]}]})
    items: list[Abonnement]


class Rejeu(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"livraisons": 42}]})
    livraisons: int = Field(description="Deliveries queued again, in the feed's order")


class TentativeVue(BaseModel):
    numero: int
    debut: datetime
    fin: datetime | None
    resultat: Literal["en_cours", "succes", "echec", "interrompue"] = Field(
        description="`interrompue`: the worker stopped mid-request (the next attempt follows)"
    )
    statut_http: int | None
    erreur: str | None
    prochain_essai: datetime | None


class LivraisonVue(BaseModel):
    id: uuid.UUID
    evenement_id: uuid.UUID
    type: str
    dossier_id: uuid.UUID | None
    rejeu: bool
    statut: Literal["en_attente", "livree", "echouee", "annulee"]
    created_at: datetime
    tentatives: list[TentativeVue]


class PageLivraisons(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                            "evenement_id": "0b7f6a52-4c1d-4e8a-9f3b-2d5e6c7a8b90",
                            "type": "acte.depose",
                            "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
                            "rejeu": False,
                            "statut": "livree",
                            "created_at": _CREE,
                            "tentatives": [
                                {
                                    "numero": 1,
                                    "debut": _CREE,
                                    "fin": _CREE,
                                    "resultat": "succes",
                                    "statut_http": 204,
                                    "erreur": None,
                                    "prochain_essai": None,
                                }
                            ],
                        }
                    ],
                    "next_cursor": None,
                }
            ]
        }
    )
    items: list[LivraisonVue]
    next_cursor: str | None
