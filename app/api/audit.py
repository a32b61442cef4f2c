"""The audit of dossier accesses: the CCAPEX reads its dossiers', a DPO every dossier's."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Security
from fastapi.responses import JSONResponse

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import responses
from app.core.scopes import AUDIT_LIRE
from app.core.security import Principal
from app.schemas.audit import PageAudit
from app.services.audit import read_audit

router = APIRouter(tags=["audit"])


@router.get(
    "/v1/audit",
    response_model=PageAudit,
    summary="Who read, was refused or wrote a dossier",
    description="Scope `audit:lire` (the CCAPEX, a `dpo` partner). Every read, refused read (404) and "
    "filing of a dossier: partner (named), client, when, operation, result, the caller's `X-Motif` and the "
    "endpoint's purpose. The CCAPEX gives a `dossier_id` it may read (404 otherwise); a DPO may omit it. "
    "Newest first; cursor pagination. Hash-chained in commit order (`prevex audit verifier`).",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_audit(
    session: SessionDep,
    principal: Annotated[Principal, Security(current_principal, scopes=[AUDIT_LIRE])],
    dossier_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> JSONResponse:
    page = await read_audit(
        session, principal, dossier_id=dossier_id, limit=limit, cursor=cursor, request_id=request_id_var.get()
    )
    return JSONResponse(page)
