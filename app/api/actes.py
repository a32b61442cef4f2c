"""Filing acts (one, or a batch) and reading one act."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request, Security
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.body import parse_json, read_body, request_body
from app.api.deps import authenticate, current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import ProblemException, exception_response, responses, validation_problem
from app.core.scopes import ACTES_DEPOSER, DOSSIERS_LIRE
from app.core.security import Principal
from app.schemas.actes import ACTE_ADAPTER, EXEMPLES
from app.schemas.recus import ActeVue, Recu, ReponseLot
from app.services.actes import file_acte
from app.services.lots import MAX_ITEMS, file_lot, split_items
from app.services.reading import read_acte

router = APIRouter(tags=["actes"])

MAX_ACTE_BYTES = 256 * 1024
MAX_LOT_BYTES = 64 * 1024 * 1024
IDEMPOTENCY_KEY_MAX = 255
_IDEMPOTENCY_KEY_DOC = (
    "IETF draft semantics: a replay returns the stored response; the same key with another "
    "payload is 422; a key still in flight is 409."
)
# POST /v1/actes reads its token and header itself (see ``deposer``); the contract says so here, exactly
# as FastAPI would from ``Security(current_principal, scopes=[...])`` and an ``Idempotency-Key`` ``Header``.
_DEPOSER_OPENAPI = {
    "security": [{"partenaire": [ACTES_DEPOSER]}],
    "parameters": [
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "schema": {
                "anyOf": [{"type": "string", "maxLength": IDEMPOTENCY_KEY_MAX}, {"type": "null"}],
                "description": _IDEMPOTENCY_KEY_DOC,
                "title": "Idempotency-Key",
            },
            "description": _IDEMPOTENCY_KEY_DOC,
        }
    ],
}


def idempotency_key(request: Request) -> str | None:
    """The ``Idempotency-Key`` header, refused (422, as FastAPI's own header validation) when too long."""
    key = request.headers.get("idempotency-key")
    if key is not None and len(key) > IDEMPOTENCY_KEY_MAX:
        raise validation_problem(
            [
                {
                    "pointer": "",
                    "parameter": "header:Idempotency-Key",
                    "detail": f"String should have at most {IDEMPOTENCY_KEY_MAX} characters",
                }
            ]
        )
    return key


@router.post(
    "/v1/actes",
    status_code=201,
    summary="File a procedure act",
    description=(
        "Scopes: `actes:deposer` and `actes:<type>:deposer` (which types a partner kind may file: "
        "`docs/actes.md`). The act attaches to its household's dossier (explicit `dossier_id`, else address + "
        "occupants). The receipt's `recu_le` is the legal proof of the filing date; it carries the rules "
        "engine's new `echeances`, `orientations` and `alertes`. The partner's `reference` is unique per "
        "partner: the same act sent again answers 200 with the first receipt; another act under the same "
        "reference is 409. Problems: 400 malformed JSON, 401, 403 (kind may not file this type, or territory), "
        "409, 413, 415, 422 (one `errors` entry per field, JSON pointers), 503."
    ),
    responses={
        201: {"model": Recu, "description": "Filed"},
        200: {"model": Recu, "description": "Already filed: the original receipt"},
        **responses(400, 401, 403, 409, 413, 415, 422, 503),
    },
    openapi_extra={**request_body("Acte", EXEMPLES["commandement_de_payer"]), **_DEPOSER_OPENAPI},
)
async def deposer(request: Request) -> Response:
    # The hot path: no FastAPI dependency to resolve. Same checks, same order as the dependencies would
    # make them: token and scope (401/403), then the header (422), then the body (415/413/400/422).
    principal = await authenticate(request, request.headers.get("authorization"), (ACTES_DEPOSER,))
    key = idempotency_key(request)
    raw = await read_body(request, ("application/json",), MAX_ACTE_BYTES)
    acte = parse_json(ACTE_ADAPTER, raw)
    # committed before the response; BEGIN goes with the first statement (see services.actes)
    async with request.app.state.database.transaction(deferred_begin=True) as conn:
        result = await file_acte(conn, principal, acte, idempotency_key=key)
    if result.rendered is not None:  # the receipt as stored, not serialised a second time
        return Response(result.rendered, result.status, result.headers, media_type="application/json")
    return JSONResponse(result.body, status_code=result.status, headers=result.headers)


@router.post(
    "/v1/actes/lot",
    summary="File a batch of acts",
    description=(
        f"Up to {MAX_ITEMS} acts, as a JSON array (`application/json`) or NDJSON (`application/x-ndjson`), "
        "each validated, authorised and made idempotent (by its `reference`) exactly like `POST /v1/actes`. "
        "The answer lists one result per item, in order: its receipt, or its problem. A bad item never blocks "
        "the good ones; items are committed in chunks, each item atomically. Scope: `actes:deposer` (and "
        "each act's own). Problems for the whole batch: 400, 401, 403, 413, 415, 422 (not an array, too many "
        "items), 503."
    ),
    response_model=ReponseLot,
    responses=responses(400, 401, 403, 413, 415, 422, 503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "maxItems": MAX_ITEMS,
                        "items": {"$ref": "#/components/schemas/Acte"},
                    },
                    "example": [EXEMPLES["commandement_de_payer"], EXEMPLES["saisine_ccapex"]],
                },
                "application/x-ndjson": {
                    "schema": {"type": "string", "description": "One act (JSON object) per line"}
                },
            },
        }
    },
)
async def deposer_lot(
    request: Request,
    principal: Annotated[Principal, Security(current_principal, scopes=[ACTES_DEPOSER])],
) -> JSONResponse:
    raw = await read_body(request, ("application/json", "application/x-ndjson"), MAX_LOT_BYTES)
    ndjson = request.headers.get("content-type", "").startswith("application/x-ndjson")
    items = split_items(raw, ndjson=ndjson)
    result = await file_lot(request.app.state.database, principal, items)
    return JSONResponse(result)


@router.get(
    "/v1/actes/{acte_id}",
    response_model=ActeVue,
    summary="Read one act",
    description="Scope `dossiers:lire`. The act's content only where the partner's mission needs it, with "
    "the decisions made when it was filed. An act outside the partner's scope is 404. Every read is audited.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_acte(
    acte_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, Security(current_principal, scopes=[DOSSIERS_LIRE])],
) -> JSONResponse:
    return JSONResponse(await read_acte(session, principal, acte_id, request_id_var.get()))


class DeposerFastPath:
    """``POST /v1/actes`` straight to :func:`deposer`, as pure ASGI: no route matching over every route,
    no FastAPI request handler, no exception-handler lookup (~0.1-0.15 ms of CPU per filing). The route
    above stays registered (the contract, any other method or a trailing slash go through the router).
    A problem becomes its problem+json response here, exactly as the registered handler would make it;
    anything else goes on to ``UnexpectedErrorMiddleware`` (500, or 503 for a database outage), which
    sits outside this middleware, with ``RequestIdMiddleware`` (request id, access log) outside both."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/v1/actes" and scope["method"] == "POST":
            request = Request(scope, receive)
            response: Response
            try:
                response = await deposer(request)
            except ProblemException as exc:
                response = exception_response(exc, request.url.path)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
