from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict

from app.core.kinds import PartnerKind


class PartenaireProfil(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0b9f3c9e-4a55-4c8e-9a53-1f3d2b6c7e10",
                    "kind": "commissaire_justice",
                    "nom": "Étude Exemple",
                    "siret": "73282932000074",
                    "territoires": ["93"],
                    "scopes": ["actes:commandement_de_payer:deposer", "actes:deposer", "dossiers:lire"],
                    "client_id": "pvx_0123456789abcdef01234567",
                }
            ]
        }
    )
    id: uuid.UUID
    kind: PartnerKind
    nom: str
    siret: str
    territoires: list[str]
    scopes: list[str]
    client_id: str
