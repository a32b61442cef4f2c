"""Reading dossiers: what this partner may see of them (need to know), every read audited."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Security
from fastapi.responses import JSONResponse

from app.api.deps import Motif, current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import responses
from app.core.scopes import DOSSIERS_LIRE
from app.core.security import Principal
from app.core.territoires import DEPARTEMENT_PATTERN
from app.schemas.recus import Chronologie, DossierVue, PageDossiers
from app.services.reading import read_chronologie, read_dossier, search_dossiers

router = APIRouter(tags=["dossiers"])
Lecteur = Annotated[Principal, Security(current_principal, scopes=[DOSSIERS_LIRE])]
_SCOPE_NOTE = (
    "Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the "
    "dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited."
)


@router.get(
    "/v1/dossiers",
    response_model=PageDossiers,
    summary="Search the dossiers this partner may read",
    description=f"{_SCOPE_NOTE} Newest first; cursor pagination (`next_cursor`), no total count.",
    responses=responses(401, 403, 422, 503),
)
async def rechercher_dossiers(
    session: SessionDep,
    principal: Lecteur,
    territoire: Annotated[str | None, Query(pattern=DEPARTEMENT_PATTERN)] = None,
    stade: Literal["pre_contentieux", "contentieux", "execution", "clos"] | None = None,
    parc: Literal["social", "prive"] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    motif: Motif = None,
) -> JSONResponse:
    page = await search_dossiers(
        session,
        principal,
        territoire=territoire,
        stade=stade,
        parc=parc,
        limit=limit,
        cursor=cursor,
        request_id=request_id_var.get(),
        motif=motif,
    )
    return JSONResponse(page)


@router.get(
    "/v1/dossiers/{dossier_id}",
    response_model=DossierVue,
    summary="Read a dossier",
    description=f"{_SCOPE_NOTE} Facts with provenance (latest value, source, history), the acts, and the "
    "dossier's current deadlines, orientations and alerts.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_dossier(
    dossier_id: uuid.UUID, session: SessionDep, principal: Lecteur, motif: Motif = None
) -> JSONResponse:
    return JSONResponse(await read_dossier(session, principal, dossier_id, request_id_var.get(), motif))


@router.get(
    "/v1/dossiers/{dossier_id}/chronologie",
    response_model=Chronologie,
    summary="A dossier's acts and events in order",
    description=f"{_SCOPE_NOTE} Each act with who filed it and when Prevex received it; each event.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_chronologie(
    dossier_id: uuid.UUID, session: SessionDep, principal: Lecteur, motif: Motif = None
) -> JSONResponse:
    return JSONResponse(await read_chronologie(session, principal, dossier_id, request_id_var.get(), motif))
