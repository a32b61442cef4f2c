"""Webhook subscriptions (push): register an endpoint, list, rotate its secret, replay, delete, and
list its deliveries with every attempt."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Security
from fastapi.responses import JSONResponse

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.problems import responses
from app.core.scopes import ABONNEMENTS_GERER
from app.core.security import Principal
from app.schemas.abonnements import (
    Abonnement,
    AbonnementCree,
    AbonnementDemande,
    PageAbonnements,
    PageLivraisons,
    Rejeu,
    SecretRenouvele,
)
from app.services import abonnements as service

router = APIRouter(tags=["abonnements"])
Gestionnaire = Annotated[Principal, Security(current_principal, scopes=[ABONNEMENTS_GERER])]
_SCOPE = (
    "Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404)."
)


@router.post(
    "/v1/abonnements",
    status_code=201,
    response_model=AbonnementCree,
    summary="Register a webhook endpoint",
    description=f'{_SCOPE} Prevex POSTs each event of the partner\'s feed whose type is listed (`["*"]`: '
    "all) to `url`, as the partner may see it, signed per Standard Webhooks (`webhook-id` = the event's "
    "id, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`); verify with the "
    "`standardwebhooks` package and the `secret` of this answer, **shown once**. In order per dossier; "
    "a failed delivery is retried (first within 10 s, then exponential backoff with jitter for 24 h, "
    "honouring `Retry-After`); 410, or retries exhausted, disable the subscription (event "
    "`abonnement.desactive`). The URL must be HTTPS to a public address; redirects are not followed. "
    "Problems: 401, 403, 422 (URL refused, unknown type), 503.",
    responses=responses(400, 401, 403, 422, 503),
)
async def creer_abonnement(
    demande: AbonnementDemande, session: SessionDep, principal: Gestionnaire
) -> JSONResponse:
    return JSONResponse(await service.create(session, principal, demande.url, demande.types), status_code=201)


@router.get(
    "/v1/abonnements",
    response_model=PageAbonnements,
    summary="The partner's webhook subscriptions",
    description=f"{_SCOPE} Secrets are never shown again.",
    responses=responses(401, 403, 503),
)
async def lister_abonnements(session: SessionDep, principal: Gestionnaire) -> JSONResponse:
    return JSONResponse(await service.list_mine(session, principal))


@router.get(
    "/v1/abonnements/{abonnement_id}",
    response_model=Abonnement,
    summary="One webhook subscription",
    description=_SCOPE,
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_abonnement(
    abonnement_id: uuid.UUID, session: SessionDep, principal: Gestionnaire
) -> JSONResponse:
    return JSONResponse(await service.get(session, principal, abonnement_id))


@router.delete(
    "/v1/abonnements/{abonnement_id}",
    response_model=Abonnement,
    summary="Delete a webhook subscription",
    description=f"{_SCOPE} Nothing more is pushed; pending deliveries are cancelled. Answers the "
    "subscription as it ends (`statut`: `supprime`); it is listed no more.",
    responses=responses(401, 403, 404, 422, 503),
)
async def supprimer_abonnement(
    abonnement_id: uuid.UUID, session: SessionDep, principal: Gestionnaire
) -> JSONResponse:
    return JSONResponse(await service.delete(session, principal, abonnement_id))


@router.post(
    "/v1/abonnements/{abonnement_id}/secret",
    response_model=SecretRenouvele,
    summary="Rotate a subscription's signing secret",
    description=f"{_SCOPE} A new `whsec_…` secret, shown once. The previous one keeps signing beside it "
    "(two signatures in `webhook-signature`) for `PREVEX_WEBHOOK_SECRET_OVERLAP_HOURS` (24 h).",
    responses=responses(401, 403, 404, 422, 503),
)
async def renouveler_secret_abonnement(
    abonnement_id: uuid.UUID, session: SessionDep, principal: Gestionnaire
) -> JSONResponse:
    return JSONResponse(await service.rotate_secret(session, principal, abonnement_id))


@router.post(
    "/v1/abonnements/{abonnement_id}/rejouer",
    status_code=202,
    response_model=Rejeu,
    summary="Replay a subscription's events",
    description=f"{_SCOPE} Queue again, in the feed's order, the partner's events of the subscription's "
    "types after a feed cursor or since a time (`depuis`: a cursor, or ISO 8601 with its offset), each "
    "as a new delivery (same `webhook-id`: receivers deduplicate). Turns a disabled subscription on "
    "again. Problems: 401, 403, 404, 410 (cursor older than the events kept), 422, 503.",
    responses=responses(401, 403, 404, 410, 422, 503),
)
async def rejouer_abonnement(
    abonnement_id: uuid.UUID,
    session: SessionDep,
    principal: Gestionnaire,
    depuis: Annotated[str, Query(max_length=100, description="A feed cursor, or an ISO 8601 time")],
) -> JSONResponse:
    return JSONResponse(await service.replay(session, principal, abonnement_id, depuis), status_code=202)


@router.get(
    "/v1/abonnements/{abonnement_id}/livraisons",
    response_model=PageLivraisons,
    summary="A subscription's deliveries and every attempt",
    description=f"{_SCOPE} Newest first, cursor pagination. Each delivery (`en_attente`, `livree`, "
    "`echouee`, `annulee`) with its attempts: start, end, result, HTTP status, error, next try.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lister_livraisons(
    abonnement_id: uuid.UUID,
    session: SessionDep,
    principal: Gestionnaire,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JSONResponse:
    return JSONResponse(await service.deliveries(session, principal, abonnement_id, cursor, limit))
