"""Avis et recommandations, their follow-up, and the dossier's outcome at 12 months (bilan)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Security
from fastapi.responses import JSONResponse

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import problem_doc, responses
from app.core.scopes import CCAPEX_GERER, DOSSIERS_LIRE, RECOMMANDATIONS_SUIVRE
from app.core.security import Principal
from app.schemas.recommandations import (
    Bilan,
    BilanDemande,
    PageRecommandations,
    Recommandation,
    RecommandationDemande,
    Statut,
    SuiviDemande,
)
from app.services import recommandations as service

router = APIRouter(tags=["recommandations"])
Emetteur = Annotated[Principal, Security(current_principal, scopes=[CCAPEX_GERER])]
Suiveur = Annotated[Principal, Security(current_principal, scopes=[RECOMMANDATIONS_SUIVRE])]
Lecteur = Annotated[Principal, Security(current_principal, scopes=[DOSSIERS_LIRE])]


@router.post(
    "/v1/dossiers/{dossier_id}/recommandations",
    status_code=201,
    response_model=Recommandation,
    summary="Make a recommendation",
    description="Scope `ccapex:gerer` (CCAPEX, local commissions), on a dossier the partner may read (else "
    "404). To a partner that holds a grant on the dossier (else 422: route it first) or to the household; "
    "`seance_id`, optional, must be one of the partner's sessions with the dossier on its agenda. The "
    "answer carries its `id`; `recommandation.emise` goes to the addressee and the emitter.",
    responses=responses(400, 401, 403, 404, 422, 503),
)
async def emettre_recommandation(
    dossier_id: uuid.UUID, demande: RecommandationDemande, session: SessionDep, principal: Emetteur
) -> JSONResponse:
    body = await service.emettre(
        session,
        principal,
        dossier_id,
        partenaire_id=demande.destinataire.partenaire_id,
        nature=demande.nature,
        texte=demande.texte,
        echeance=demande.echeance,
        seance_id=demande.seance_id,
    )
    return JSONResponse(body, status_code=201)


@router.patch(
    "/v1/recommandations/{recommandation_id}",
    response_model=Recommandation,
    summary="Record a recommendation's follow-up",
    description="Scope `recommandations:suivre`. By its addressee; for the household, by its emitter or a "
    "CCAPEX secretariat that may read the dossier; to anyone else it is 404. Every change is kept "
    "(`suivis`) and announced (`recommandation.suivie`).",
    responses=responses(400, 401, 403, 404, 422, 503),
)
async def suivre_recommandation(
    recommandation_id: uuid.UUID, demande: SuiviDemande, session: SessionDep, principal: Suiveur
) -> JSONResponse:
    return JSONResponse(
        await service.suivre(
            session,
            principal,
            recommandation_id,
            statut=demande.statut,
            le=demande.date,
            commentaire=demande.commentaire,
        )
    )


@router.get(
    "/v1/recommandations",
    response_model=PageRecommandations,
    summary="The recommendations addressed to this partner",
    description="Scope `recommandations:suivre`. `destinataire=moi`: those the calling partner answers for "
    "(addressed to it, or to the household when it made them: the secretariat records their follow-up), "
    "on dossiers it may still read, oldest first; `statut` filters. Cursor pagination, no count. Audited.",
    responses=responses(401, 403, 422, 503),
)
async def lister_recommandations(
    session: SessionDep,
    principal: Suiveur,
    destinataire: Literal["moi"] = "moi",
    statut: Statut | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> JSONResponse:
    return JSONResponse(
        await service.mine(
            session, principal, statut=statut, limit=limit, cursor=cursor, request_id=request_id_var.get()
        )
    )


@router.put(
    "/v1/dossiers/{dossier_id}/bilan",
    response_model=Bilan,
    summary="Record the dossier's outcome",
    description="Scope `ccapex:gerer`, on a dossier the partner may read (else 404). The outcome 12 months "
    "after the first session that examined the dossier (asked by `bilan.demande`), with flags for "
    "surendettement, FSL and PCS; changeable up to 20 months after that session. 409 `bilan-sans-seance` "
    "when no session examined it, 409 `bilan-clos` after 20 months.",
    responses={
        **responses(400, 401, 403, 404, 422, 503),
        409: problem_doc(409, description="`bilan-sans-seance` or `bilan-clos`"),
    },
)
async def renseigner_bilan(
    dossier_id: uuid.UUID, demande: BilanDemande, session: SessionDep, principal: Emetteur
) -> JSONResponse:
    return JSONResponse(
        await service.renseigner_bilan(
            session,
            principal,
            dossier_id,
            issue=demande.issue,
            surendettement=demande.surendettement,
            fsl=demande.fsl,
            pcs=demande.pcs,
        )
    )


@router.get(
    "/v1/dossiers/{dossier_id}/bilan",
    response_model=Bilan,
    summary="Read the dossier's outcome",
    description="Scope `dossiers:lire`; for the CCAPEX and the local commissions that may read the dossier "
    "(to any other partner it is 404, as a dossier it may not read); 404 until it was asked or recorded.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_bilan(dossier_id: uuid.UUID, session: SessionDep, principal: Lecteur) -> JSONResponse:
    return JSONResponse(await service.lire_bilan(session, principal, dossier_id))
