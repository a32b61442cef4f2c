"""The household's word on a local commission examining its dossier (seed 002 annex 6)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Security
from fastapi.responses import JSONResponse

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.problems import responses
from app.core.scopes import DOSSIERS_LIRE
from app.core.security import Principal
from app.schemas.consentements import Consentement, ConsentementDemande
from app.services import consentements as service

router = APIRouter(tags=["ccapex"])
Lecteur = Annotated[Principal, Security(current_principal, scopes=[DOSSIERS_LIRE])]


@router.post(
    "/v1/dossiers/{dossier_id}/consentements",
    status_code=201,
    response_model=Consentement,
    summary="Record the household's consent to a local commission",
    description="Scope `dossiers:lire`; the landlord, or the CCAPEX's secretariat when the household tells "
    "it (other kinds: 403), on a dossier it may read (else 404). `informe` gives the commission a grant "
    "(`consentement`); `refus` ends every grant it holds on the dossier, takes the dossier off its coming "
    "sessions' agendas and keeps it off them. A later statement replaces the earlier one.",
    responses=responses(400, 401, 403, 404, 422, 503),
)
async def enregistrer_consentement(
    dossier_id: uuid.UUID, demande: ConsentementDemande, session: SessionDep, principal: Lecteur
) -> JSONResponse:
    body = await service.record(
        session, principal, dossier_id, demande.commission_id, demande.statut, demande.date
    )
    return JSONResponse(body, status_code=201)
