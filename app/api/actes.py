"""Filing acts (one, or a batch) and reading one act."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Request, Security
from fastapi.responses import JSONResponse, Response, StreamingResponse

from app.api.body import parse_json, read_body, request_body
from app.api.deps import Motif, authenticate, current_principal
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import method_not_allowed, responses, validation_problem
from app.core.scopes import ACTES_DEPOSER, DOSSIERS_LIRE
from app.core.security import Principal
from app.schemas.actes import ACTE_ADAPTER, EXEMPLES
from app.schemas.recus import ActeVue, Recu, ReponseLot
from app.services.actes import file_acte
from app.services.lots import MAX_ITEMS, file_lot_json, ndjson_lines, split_items, stream_lot
from app.services.reading import read_acte

router = APIRouter(tags=["actes"])

MAX_ACTE_BYTES = 256 * 1024
MAX_LOT_BYTES = 64 * 1024 * 1024
IDEMPOTENCY_KEY_MAX = 255
_IDEMPOTENCY_KEY_DOC = (
    "IETF draft semantics: a replay returns the stored response; the same key with another "
    "payload is 422; a key still in flight is 409."
)
# What FastAPI would declare for ``Security(current_principal, scopes=[ACTES_DEPOSER])`` and an
# ``Idempotency-Key`` ``Header(max_length=255)``: ``deposer`` reads both itself.
_DEPOSER_OPENAPI = {
    "security": [{"partenaire": [ACTES_DEPOSER]}],
    "parameters": [
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "schema": {"type": "string", "maxLength": IDEMPOTENCY_KEY_MAX, "title": "Idempotency-Key"},
            "description": _IDEMPOTENCY_KEY_DOC,
        }
    ],
}


_REPLAYED = {
    "Idempotent-Replayed": {
        "description": "`true` when this answer is the stored one: the act was filed before (same "
        "`Idempotency-Key`, or same `reference` and content); nothing new was written.",
        "schema": {"type": "string", "enum": ["true"]},
    }
}
_LOCATION = {
    "Location": {
        "description": "The new act: `/v1/actes/{id}`",
        "schema": {"type": "string", "pattern": "^/v1/actes/[0-9a-f-]{36}$"},
    }
}

# What a receipt leads to (OpenAPI links: generated clients and stateful testers follow them).
_LINKS = {
    "lireActe": {"operationId": "lireActe", "parameters": {"acte_id": "$response.body#/id"}},
    "lireDossier": {"operationId": "lireDossier", "parameters": {"dossier_id": "$response.body#/dossier_id"}},
    "lireChronologie": {
        "operationId": "lireChronologie",
        "parameters": {"dossier_id": "$response.body#/dossier_id"},
    },
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


# POST /v1/actes is registered on the application's own router, first (``install``), not through
# ``router``: FastAPI matches an included router's routes through a nested router (each request walks
# it twice), and this is the hot path. It is an ordinary route all the same: every middleware and
# app-level dependency applies to it.
DEPOSER_ROUTE: dict[str, Any] = dict(
    name="deposer_acte",  # the operation id (deposerActe); the function keeps its name
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
        201: {"model": Recu, "description": "Filed", "headers": {**_LOCATION, **_REPLAYED}, "links": _LINKS},
        200: {
            "model": Recu,
            "description": "Already filed: the original receipt",
            "headers": _REPLAYED,
            "links": _LINKS,
        },
        **responses(400, 401, 403, 409, 413, 415, 422, 503),
    },
    openapi_extra={**request_body("Acte", EXEMPLES["commandement_de_payer"]), **_DEPOSER_OPENAPI},
)


async def deposer(request: Request) -> Response:
    # An ordinary route (every middleware and app-level dependency applies), whose only parameter is the
    # request: the token, the header and the body are read here, in the order FastAPI's dependencies
    # would (401/403, then the header's 422, then 415/413/400/422), without its parameter machinery
    # (see bench/README.md). The contract says so (``_DEPOSER_OPENAPI``).
    principal = await authenticate(request, request.headers.get("authorization"), (ACTES_DEPOSER,))
    key = idempotency_key(request)
    raw = await read_body(request, ("application/json",), MAX_ACTE_BYTES)
    acte = parse_json(ACTE_ADAPTER, raw)
    database = request.app.state.database
    await request.app.state.household_keys.ensure(database)
    # committed before the response; BEGIN goes with the first statement (see services.actes)
    async with database.transaction(deferred_begin=True) as conn:
        result = await file_acte(conn, principal, acte, idempotency_key=key)
    return Response(result.body, result.status, result.headers, media_type="application/json")


@router.post(
    "/v1/actes/lot",
    summary="File a batch of acts",
    description=(
        f"Up to {MAX_ITEMS} acts, as a JSON array (`application/json`) or NDJSON (`application/x-ndjson`), "
        "each validated, authorised and made idempotent (by its `reference`) exactly like `POST /v1/actes`. "
        "The answer lists one result per item, in order: its receipt, or its problem. A bad item never blocks "
        "the good ones; items are committed in chunks, each item atomically. With `Accept: application/x-ndjson` "
        "the answer streams: one line per item (`{index, statut, recu|probleme}`) as its chunk commits, then "
        'a last line `{"fin": true, "acceptes", "rejetes"}`; if the database goes away mid-batch the last line '
        'is `{"fin": false, "reprendre_a": <first item not filed>, "probleme": <503>}` (every line before it '
        "stands; sending the batch again replays them). Scope: `actes:deposer` (and each act's own). Problems "
        "for the whole batch: 400, 401, 403, 413, 415, 422 (not an array, too many items), 503."
    ),
    response_model=ReponseLot,
    responses={
        200: {
            "content": {
                "application/x-ndjson": {
                    "schema": {"type": "string", "description": "One JSON object per line (see above)"},
                }
            }
        },
        **responses(400, 401, 403, 413, 415, 422, 503),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": MAX_ITEMS,
                        "items": {"$ref": "#/components/schemas/Acte"},
                    },
                    "example": [EXEMPLES["commandement_de_payer"], EXEMPLES["saisine_ccapex"]],
                },
                "application/x-ndjson": {
                    "schema": {
                        "type": "string",
                        "minLength": 1,
                        "description": f"One act (JSON object) per line, 1 to {MAX_ITEMS} lines",
                    }
                },
            },
        }
    },
)
async def deposer_lot(
    request: Request,
    principal: Annotated[Principal, Security(current_principal, scopes=[ACTES_DEPOSER])],
) -> Response:
    raw = await read_body(request, ("application/json", "application/x-ndjson"), MAX_LOT_BYTES)
    ndjson = request.headers.get("content-type", "").startswith("application/x-ndjson")
    items = split_items(raw, ndjson=ndjson)
    database = request.app.state.database
    await request.app.state.household_keys.ensure(database)
    if "application/x-ndjson" in request.headers.get("accept", ""):
        chunks = stream_lot(database, principal, items)
        # The first chunk is filed before the answer starts: a database that is down is a 503 as usual.
        first: list[bytes] = await anext(chunks, [])
        return StreamingResponse(
            ndjson_lines(first, chunks, get_settings().retry_after_seconds),
            media_type="application/x-ndjson",
        )
    # Every chunk is filed before the answer starts (its status is known); the parts are then sent as
    # they are, without joining them into one more copy of the answer.
    parts = await file_lot_json(database, principal, items)
    return StreamingResponse(iter(parts), media_type="application/json")


@router.api_route("/v1/actes/lot", methods=["GET", "HEAD", "PUT", "PATCH", "DELETE"], include_in_schema=False)
async def lot_autres_methodes() -> None:
    """``/v1/actes/lot`` only files (POST). Without this route, ``GET /v1/actes/lot`` would match
    ``GET /v1/actes/{acte_id}`` and answer 422 for a malformed id; other methods on either path are
    405 from the router, with ``Allow``."""
    raise method_not_allowed("POST")


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
    motif: Motif = None,
) -> JSONResponse:
    return JSONResponse(await read_acte(session, principal, acte_id, request_id_var.get(), motif))


def install(app: FastAPI) -> None:
    """The filing route on the application's router, before any other; then this module's router."""
    app.add_api_route("/v1/actes", deposer, methods=["POST"], tags=["actes"], **DEPOSER_ROUTE)
    app.include_router(router)
