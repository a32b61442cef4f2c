"""The letters a dossier's decisions ask for, as the contract shows them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_EXEMPLE: dict[str, Any] = {
    "id": "2f1c9a7e-3b4d-4e5f-8a6b-7c8d9e0f1a2b",
    "dossier_id": "9d4e1a2b-5c6f-4a7b-8c9d-0e1f2a3b4c5d",
    "code": "courrier_prevention",
    "precision": "orientation_adil_mds_ccas",
    "titre": "Courrier d'orientation vers l'ADIL, la MDS et le CCAS au commandement de payer",
    "expediteur": "Secrétariat de la CCAPEX de Seine-et-Marne (Nord ou Sud)",
    "destinataire": "menage",
    "regle": "77-COURRIER-CDP",
    "source": "seeds/002_93761ec2a302805a.txt:L348",
    "source_modele": "seeds/002_93761ec2a302805a.txt:L348",
    "statut": "active",
    "depuis": "2026-03-02T09:00:00+00:00",
    "donnees": ["occupants.nom", "logement.adresse", "dette.montant_cents"],
    "donnees_manquantes": [],
    "faits": {
        "occupants.nom": "Camille EXEMPLE",
        "logement.adresse": "12 rue des Exemples",
        "dette.montant_cents": 245000,
    },
}


class Courrier(BaseModel):
    """A letter a decision asks for: its kind, addressee, the facts it needs, the rule and its source."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXEMPLE]})

    id: uuid.UUID = Field(description="The letter's id (the decision's)")
    dossier_id: uuid.UUID
    code: str = Field(description="The decision's code (e.g. `courrier_prevention`)")
    precision: str | None = Field(description="The letter's kind (e.g. `parc_prive`)")
    titre: str
    expediteur: str = Field(description="Who sends it (the rule file's `courriers` entry)")
    destinataire: Literal["menage"] = Field(description="To whom: the household")
    regle: str = Field(description="The rule whose decision asks for it")
    source: str = Field(description="The rule's source (law article or charter file and line)")
    source_modele: str = Field(description="The charter line the letter's text follows")
    statut: Literal["active", "satisfaite", "depassee"] = Field(description="The decision's status")
    depuis: dt.datetime
    donnees: list[str] = Field(description="The facts the letter needs")
    donnees_manquantes: list[str] = Field(
        description="Facts the letter needs that the dossier lacks, or that this partner may not read"
    )
    faits: dict[str, Any] = Field(description="The needed facts, as this partner may read them")


class PageCourriers(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_EXEMPLE]}]})

    items: list[Courrier]


class Rendu(BaseModel):
    """What the PDF prints, in French."""

    id: uuid.UUID
    titre: str
    expediteur: str
    adresse_destinataire: list[str]
    date: str = Field(description="The day it is rendered, in French")
    rappel: list[str] = Field(description="The landlord, the debt and the act's date, as the letter recalls")
    paragraphes: list[str]
    regle: str
    source: str
    source_modele: str
    donnees_manquantes: list[str] = Field(description="Printed as « [non communiqué] »")


_RENDU: dict[str, Any] = {
    "id": _EXEMPLE["id"],
    "titre": _EXEMPLE["titre"],
    "expediteur": _EXEMPLE["expediteur"],
    "adresse_destinataire": ["Camille EXEMPLE", "12 rue des Exemples", "77100"],
    "date": "2 mars 2026",
    "rappel": ["Bailleur : SCI Fictive", "Dette de loyer déclarée : 2\u202f450,00 €", "Acte du 2 mars 2026"],
    "paragraphes": ["Un commandement de payer vous a été délivré à la demande de votre bailleur. …"],
    "regle": "77-COURRIER-CDP",
    "source": "seeds/002_93761ec2a302805a.txt:L348",
    "source_modele": "seeds/002_93761ec2a302805a.txt:L348",
    "donnees_manquantes": [],
}


class CourrierRendu(Courrier):
    model_config = ConfigDict(json_schema_extra={"examples": [{**_EXEMPLE, "rendu": _RENDU}]})

    rendu: Rendu
