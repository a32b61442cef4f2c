"""The letters the dossier's decisions ask for (list, JSON, PDF)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request, Security
from fastapi.responses import JSONResponse, Response

from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import ProblemException, problem_doc, responses
from app.core.scopes import DOSSIERS_LIRE
from app.core.security import Principal
from app.schemas.courriers import CourrierRendu, PageCourriers
from app.services import courriers as service

router = APIRouter(tags=["ccapex"])
Lecteur = Annotated[Principal, Security(current_principal, scopes=[DOSSIERS_LIRE])]
PDF = "application/pdf"
_VISIBLE = (
    "Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know); "
    "the facts it prints go through the field matrix (a fact this partner may not read is listed in "
    "`donnees_manquantes` and printed « [non communiqué] »). Audited."
)


def _accepts(accept: str | None) -> str:
    """`application/pdf` or `application/json` (the default), by the first acceptable type; else 406."""
    if not accept:
        return "application/json"
    for part in accept.split(","):
        media = part.split(";", 1)[0].strip().lower()
        if media == PDF:
            return PDF
        if media in {"application/json", "application/*", "*/*"}:
            return "application/json"
    raise ProblemException(
        406,
        "non-acceptable",
        "Not acceptable",
        "A letter is served as application/pdf or application/json.",
    )


@router.get(
    "/v1/dossiers/{dossier_id}/courriers",
    response_model=PageCourriers,
    summary="The letters a dossier's decisions ask for",
    description=f"{_VISIBLE} Every letter an orientation of the dossier asks for (rule files' `courriers`: "
    "kind, sender, addressee, the facts it needs, the rule and its source), oldest first; replaced "
    "decisions are left out. 404 when the dossier is not visible.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lister_courriers(dossier_id: uuid.UUID, session: SessionDep, principal: Lecteur) -> JSONResponse:
    return JSONResponse(await service.lister(session, principal, dossier_id, request_id_var.get()))


@router.get(
    "/v1/courriers/{courrier_id}",
    response_model=CourrierRendu,
    summary="Read or render a letter",
    description=f"{_VISIBLE} With `Accept: application/pdf`, the letter rendered in French from its "
    "Typst template (A4), naming the rule and its source; otherwise JSON with what it prints (`rendu`). "
    "406 for any other `Accept`.",
    responses={
        200: {"content": {PDF: {"schema": {"type": "string", "format": "binary"}}}},
        **responses(401, 403, 404, 422, 503),
        406: problem_doc(406, description="`Accept` is neither application/pdf nor application/json"),
    },
)
async def lire_courrier(
    courrier_id: uuid.UUID, request: Request, session: SessionDep, principal: Lecteur
) -> Response:
    # Content negotiation (RFC 9110 §12.5.1): the two media types of the 200 response, not a parameter.
    media = _accepts(request.headers.get("accept"))
    body = await service.lire(session, principal, courrier_id, request_id_var.get())
    if media == PDF:
        return Response(
            service.pdf(body["rendu"]),
            media_type=PDF,
            headers={"Content-Disposition": f'inline; filename="courrier-{courrier_id}.pdf"'},
        )
    return JSONResponse(body)
