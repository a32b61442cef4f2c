"""CCAPEX sessions: creation, agenda, each examined dossier's outcome, reading."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Security
from fastapi.responses import JSONResponse

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.problems import problem_doc, responses
from app.core.scopes import CCAPEX_GERER, DOSSIERS_LIRE
from app.core.security import Principal
from app.schemas.seances import ExamenDemande, OrdreDuJourDemande, Releve, Seance, SeanceDemande
from app.services import seances as service

router = APIRouter(tags=["ccapex"])
Secretariat = Annotated[Principal, Security(current_principal, scopes=[CCAPEX_GERER])]
Lecteur = Annotated[Principal, Security(current_principal, scopes=[DOSSIERS_LIRE])]


@router.post(
    "/v1/seances",
    status_code=201,
    response_model=Seance,
    summary="Create a session",
    description="Scope `ccapex:gerer`. The calling partner is the session's secretariat; `membres` are the "
    "partners that sit in it. 403 when the territory is not the partner's; 422 for an unknown member.",
    responses=responses(400, 401, 403, 422, 503),
)
async def creer_seance(demande: SeanceDemande, session: SessionDep, principal: Secretariat) -> JSONResponse:
    body = await service.create(
        session,
        principal,
        territoire=demande.territoire,
        date=demande.date,
        formation=demande.formation,
        membres=demande.membres,
    )
    return JSONResponse(body, status_code=201)


@router.get(
    "/v1/seances/{seance_id}",
    response_model=Seance,
    summary="Read a session and its agenda",
    description="Scope `dossiers:lire`. Its secretariat and its members only; to anyone else it is 404. "
    "The agenda lists dossier ids and outcomes: each member reads a dossier through its own grants.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_seance(seance_id: uuid.UUID, session: SessionDep, principal: Lecteur) -> JSONResponse:
    return JSONResponse(await service.read(session, principal, seance_id))


@router.post(
    "/v1/seances/{seance_id}/ordre-du-jour",
    response_model=Seance,
    summary="Put a dossier on a session's agenda",
    description="Scope `ccapex:gerer`, the session's secretariat only (else 404). The dossier must be one "
    "it may read (else 422 on `/dossier_id`, the refusal audited), of the session's territory. 409 `consentement-refuse` when the household refused the "
    "session's commission; 409 `ordre-du-jour-fige` for a local session less than a month away. Adding "
    "it twice changes nothing.",
    responses={
        **responses(400, 401, 403, 404, 422, 503),
        409: problem_doc(409, description="`consentement-refuse` or `ordre-du-jour-fige`"),
    },
)
async def inscrire_ordre_du_jour(
    seance_id: uuid.UUID, demande: OrdreDuJourDemande, session: SessionDep, principal: Secretariat
) -> JSONResponse:
    return JSONResponse(await service.add_to_agenda(session, principal, seance_id, demande.dossier_id))


@router.put(
    "/v1/seances/{seance_id}/ordre-du-jour/{dossier_id}",
    response_model=Seance,
    summary="Record what the session made of a dossier",
    description="Scope `ccapex:gerer`, the session's secretariat only (else 404; 404 too when the dossier "
    "is not on the agenda). `examine` starts the 12-month follow-up of the dossier's outcome.",
    responses=responses(400, 401, 403, 404, 422, 503),
)
async def consigner_examen(
    seance_id: uuid.UUID,
    dossier_id: uuid.UUID,
    demande: ExamenDemande,
    session: SessionDep,
    principal: Secretariat,
) -> JSONResponse:
    return JSONResponse(
        await service.record_outcome(session, principal, seance_id, dossier_id, demande.issue, demande.avis)
    )


@router.post(
    "/v1/seances/{seance_id}/releve",
    response_model=Releve,
    summary="Send a session's relevé de décisions to the State's services",
    description="Scope `ccapex:gerer`, the session's secretariat only (else 404). One `seance.releve` event to "
    "the préfecture partners of the session's territory: the agenda's dossier ids and outcomes, nothing else "
    "(`seeds/002_93761ec2a302805a.txt:L1075-1079`, the CLPIL's relevé). Sending again sends it again.",
    responses=responses(401, 403, 404, 422, 503),
)
async def envoyer_releve(seance_id: uuid.UUID, session: SessionDep, principal: Secretariat) -> JSONResponse:
    return JSONResponse(await service.send_releve(session, principal, seance_id))
