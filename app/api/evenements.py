"""The pull feed: the calling partner's events, in commit order, as it may see them."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request, Security
from fastapi.responses import Response

from app.api.deps import current_principal
from app.core.problems import responses
from app.core.scopes import EVENEMENTS_LIRE
from app.core.security import Principal
from app.schemas.evenements import TYPES, PageEvenements, envelope_models
from app.services.evenements import read_feed

router = APIRouter(tags=["evenements"])


@router.get(
    "/v1/evenements",
    response_model=PageEvenements,
    summary="The partner's event feed (pull)",
    description=(
        "Scope `evenements:lire`. The events addressed to the calling partner (the dossiers it holds a "
        "grant on, the decisions it may see), in commit order, each as the partner may see it (the same "
        "need-to-know view as `GET /v1/dossiers/{id}`). At least once: keep `next_cursor` once a page is "
        "handled and read on with `apres=`; a page with no items returns the same cursor. Replayable from "
        "any cursor for `PREVEX_EVENT_RETENTION_DAYS` (30 by default); an older cursor is 410 "
        "(`curseur-expire`): start again without `apres`. Event types and their `data`: the `webhooks` "
        "section of this document and `docs/evenements.md`. Problems: 401, 403, 410, 422 (bad cursor, "
        "unknown type), 503."
    ),
    responses=responses(401, 403, 410, 422, 503),
)
async def lire_flux(
    request: Request,
    principal: Annotated[Principal, Security(current_principal, scopes=[EVENEMENTS_LIRE])],
    apres: Annotated[
        str | None, Query(max_length=100, description="The `next_cursor` of the previous page")
    ] = None,
    types: Annotated[
        str | None,
        Query(max_length=1000, description="Comma-separated event types (e.g. `acte.depose,decision.emise`)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    body = await read_feed(request.app.state.database, principal, apres=apres, types=types, limit=limit)
    return Response(body, media_type="application/json")


_WEBHOOK_DOC = (
    "Prevex POSTs this event to each subscription (`POST /v1/abonnements`) that names its type, as the "
    "subscriber's partner may see it: the body is the feed's item, byte for byte what is signed. Headers "
    "(Standard Webhooks): `webhook-id` (the event's id: the same on every retry and replay, deduplicate "
    "on it), `webhook-timestamp` (Unix seconds of this attempt), `webhook-signature` (`v1,<base64 "
    "HMAC-SHA256 of id.timestamp.body>`, one per secret during a rotation). Answer 2xx within 15 s. "
    "Anything else is retried (3xx included: redirects are not followed; `Retry-After` honoured); 410 "
    "disables the subscription.\n\nRecipients: "
)


def register_webhooks(app: FastAPI) -> None:
    """The OpenAPI document's ``webhooks``: one per event type, its body typed
    (``schemas/evenements.py``)."""
    for name, model in envelope_models().items():

        async def endpoint(body: Any) -> None:  # documentation only: Prevex calls the partner
            return None

        endpoint.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=model)]
        )
        app.webhooks.add_api_route(
            name,
            endpoint,
            methods=["POST"],
            summary=f"Event `{name}`",
            description=" ".join((TYPES[name].data.__doc__ or "").split())
            + "\n\n"
            + _WEBHOOK_DOC
            + TYPES[name].destinataires
            + ".",
            operation_id=f"webhook_{name.replace('.', '_')}",
            tags=["evenements"],
            responses={
                200: {"description": "Received (any 2xx)"},
                410: {"description": "Gone: Prevex disables the subscription"},
            },
        )
