from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Security

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.problems import not_found, responses
from app.core.security import Principal
from app.models.partner import Partner
from app.schemas.partenaires import PartenaireProfil

router = APIRouter(tags=["partenaires"])


@router.get(
    "/v1/partenaires/moi",
    response_model=PartenaireProfil,
    summary="The calling partner's own profile",
    description="Kind, territories and the scopes of the presented token. Any valid token; no scope needed.",
    responses=responses(401, 503),
)
async def lire_mon_profil(
    session: SessionDep, principal: Annotated[Principal, Security(current_principal)]
) -> PartenaireProfil:
    partner = await session.get(Partner, principal.partner_id)
    if partner is None:
        raise not_found()
    return PartenaireProfil(
        id=partner.id,
        kind=partner.kind,
        nom=partner.nom,
        siret=partner.siret,
        territoires=list(partner.territoires),
        scopes=sorted(principal.scopes),
        client_id=principal.client_id,
    )
