"""The CCAPEX's work list and its routing grants (attributions)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Security
from fastapi.responses import JSONResponse

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import problem_doc, responses
from app.core.scopes import CCAPEX_GERER
from app.core.security import Principal
from app.core.territoires import DEPARTEMENT_PATTERN
from app.schemas.ccapex import Attribution, AttributionDemande, PageATraiter
from app.services import ccapex as service

router = APIRouter(tags=["ccapex"])
Secretariat = Annotated[Principal, Security(current_principal, scopes=[CCAPEX_GERER])]
_SCOPE = (
    "Scope `ccapex:gerer` (CCAPEX and local commissions). Only dossiers this partner may read "
    "(need to know); another is 404."
)


@router.get(
    "/v1/ccapex/a-traiter",
    response_model=PageATraiter,
    summary="What awaits the CCAPEX",
    description=f"{_SCOPE} The dossiers with an open orientation addressed to the CCAPEX (signalements "
    "over threshold, saisines, alerts, complex cases), oldest first, each with why (`motifs`: code, rule, "
    "source) and its next active deadline. Closed dossiers are left out. Cursor pagination, no count. "
    "Audited.",
    responses=responses(401, 403, 422, 503),
)
async def lister_en_attente(
    session: SessionDep,
    principal: Secretariat,
    territoire: Annotated[str | None, Query(pattern=DEPARTEMENT_PATTERN)] = None,
    motif: Annotated[str | None, Query(max_length=64, pattern=r"^[a-z0-9_]+$")] = None,
    stade: Literal["pre_contentieux", "contentieux", "execution"] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> JSONResponse:
    return JSONResponse(
        await service.a_traiter(
            session,
            principal,
            territoire=territoire,
            motif=motif,
            stade=stade,
            limit=limit,
            cursor=cursor,
            request_id=request_id_var.get(),
        )
    )


@router.post(
    "/v1/dossiers/{dossier_id}/attributions",
    status_code=201,
    response_model=Attribution,
    summary="Route a dossier to a member",
    description=f"{_SCOPE} Gives the member (département social service, FSL, surendettement commission, "
    "local commission, local CCAPEX, COMEX) a grant on the dossier (`attribution`: the dossier as its kind "
    "may see it), with the reason, and tells it (`attribution.accordee`). Granting again renews it. "
    "422 when the member is not an active partner of the dossier's territory; 409 "
    "`consentement-refuse` when the household refused that local commission.",
    responses={
        **responses(400, 401, 403, 404, 422, 503),
        409: problem_doc(409, description="`consentement-refuse`: the household refused this commission"),
    },
)
async def attribuer_dossier(
    dossier_id: uuid.UUID, demande: AttributionDemande, session: SessionDep, principal: Secretariat
) -> JSONResponse:
    body = await service.attribuer(session, principal, dossier_id, demande.partenaire_id, demande.motif)
    return JSONResponse(body, status_code=201)


@router.delete(
    "/v1/dossiers/{dossier_id}/attributions/{partenaire_id}",
    response_model=Attribution,
    summary="End a routing grant",
    description=f"{_SCOPE} The member's `attribution` grant ends (its row stays, with `jusqu_a`): the "
    "answer is the grant as it ends. 404 when none stands.",
    responses=responses(401, 403, 404, 422, 503),
)
async def retirer_attribution(
    dossier_id: uuid.UUID, partenaire_id: uuid.UUID, session: SessionDep, principal: Secretariat
) -> JSONResponse:
    return JSONResponse(await service.retirer(session, principal, dossier_id, partenaire_id))
