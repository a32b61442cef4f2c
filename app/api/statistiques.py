"""The charters' indicators: counts, same-year ratios and cohort conversions, as JSON, CSV or SVG."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Security
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from app.api.deps import Motif, current_principal
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import forbidden, responses, validation_problem
from app.core.scopes import STATISTIQUES_LIRE
from app.core.security import Principal
from app.schemas.common import Territoire
from app.schemas.statistiques import Indicateurs
from app.services import audit
from app.services import statistiques as service

router = APIRouter(tags=["statistiques"])
Lecteur = Annotated[Principal, Security(current_principal, scopes=[STATISTIQUES_LIRE])]
Annee = Annotated[int, Query(ge=2000, le=2100)]

_CSV = "text/csv"


async def _body(
    request: Request,
    session: SessionDep,
    principal: Principal,
    territoire: str,
    du: int,
    au: int,
    motif: str | None,
    format_: str,
    **objet: str,
) -> dict[str, Any]:
    """The indicators, and the read audited like a dossier's (``lecture_statistiques``: who, the caller's
    ``X-Motif``, what was read in ``objet``); a refused territory is audited as ``refuse``."""
    lu = {"territoire": territoire, "du": du, "au": au, "format": format_, **objet}
    if territoire not in principal.territoires:
        await audit.record_objet(
            session,
            principal,
            "lecture_statistiques",
            lu,
            request_id_var.get(),
            resultat="refuse",
            motif=motif,
        )
        raise forbidden(f"This partner does not read the statistics of territoire {territoire}.")
    if du > au:
        raise validation_problem([{"pointer": "/du", "detail": f"du ({du}) is after au ({au})"}])
    if au - du > 30:
        raise validation_problem([{"pointer": "/au", "detail": "at most 31 years at once"}])
    body = await service.indicateurs(session, principal, territoire, du, au, request.app.state.stats_seuil)
    await audit.record_objet(
        session, principal, "lecture_statistiques", lu, request_id_var.get(), motif=motif
    )
    return body


@router.get(
    "/v1/statistiques/indicateurs",
    response_model=Indicateurs,
    summary="The charters' indicators of a territory, year by year",
    description="Scope `statistiques:lire` (CCAPEX, préfecture, département), for one of the partner's "
    "territories (else 403). Tidy rows `{annee, indicateur, parc, valeur, masque}`, in three tables named "
    "apart: counts by the act's own date (`lignes`), same-year ratios (`ratios_meme_annee`) and CDP cohort "
    "conversions (`conversions_cohorte`); each indicator is defined in docs/statistiques.md with the charter "
    "line it answers. A count below `PREVEX_STATS_SEUIL` (default 5, but not 0) is `valeur: null, masque: "
    "true` for every reader but the territory's CCAPEX, and complementary cells are masked so that no total "
    "gives it back. `Accept: text/csv` gives the same rows as CSV; `graphiques` links the SVG charts. "
    "Computed from the aggregates (`calcule_le`: their last rebuild, `prevex statistiques reconstruire`). "
    "Every read is audited like a dossier's (`lecture_statistiques`, with `X-Motif` and what was read).",
    responses={
        **responses(401, 403, 422, 503),
        200: {
            "content": {
                _CSV: {
                    "schema": {"type": "string"},
                    "example": "tableau,annee,indicateur,parc,"
                    "valeur,masque\r\nlignes,2024,assignations,total,5415,false\r\n",
                }
            }
        },
    },
)
async def lire_indicateurs(
    request: Request,
    session: SessionDep,
    principal: Lecteur,
    territoire: Annotated[Territoire, Query(description="Département code")],
    du: Annee = 2019,
    au: Annee = 2024,
    motif: Motif = None,
) -> Response:
    as_csv = _CSV in request.headers.get("accept", "")
    body = await _body(request, session, principal, territoire, du, au, motif, "csv" if as_csv else "json")
    if as_csv:
        return Response(
            service.as_csv(body),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="indicateurs-{territoire}-{du}-{au}.csv"'},
        )
    return JSONResponse(body)


_SVG: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "image/svg+xml": {
                "schema": {"type": "string"},
                "example": '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><text x="10" y="20">'
                "Procédure par étape et par année, territoire 75</text></svg>",
            }
        },
        "description": "An SVG chart (its text is text: svg.fonttype none)",
    }
}


@router.get(
    "/v1/statistiques/graphiques/entonnoir.svg",
    summary="The yearly funnel per stage (SVG)",
    description="Scope `statistiques:lire`, same territories and masking as the indicators: one group of bars "
    "per year, one bar per stage (parc total); a masked cell is drawn as no bar, labelled « masqué ».",
    response_class=Response,
    responses={**_SVG, **responses(401, 403, 422, 503)},
)
async def lire_entonnoir(
    request: Request,
    session: SessionDep,
    principal: Lecteur,
    territoire: Annotated[Territoire, Query()],
    du: Annee = 2019,
    au: Annee = 2024,
    motif: Motif = None,
) -> Response:
    body = await _body(request, session, principal, territoire, du, au, motif, "svg_entonnoir")
    # Drawing is CPU work (and matplotlib's first import, seconds): in a thread, not on the event loop.
    return Response(await run_in_threadpool(service.entonnoir_svg, body), media_type="image/svg+xml")


@router.get(
    "/v1/statistiques/graphiques/tendance.svg",
    summary="One indicator's trend over the years (SVG)",
    description="Scope `statistiques:lire`, same territories and masking as the indicators: one line per parc; "
    "masked points are gaps. 422 for an indicator the territory has no count of.",
    response_class=Response,
    responses={**_SVG, **responses(401, 403, 422, 503)},
)
async def lire_tendance(
    request: Request,
    session: SessionDep,
    principal: Lecteur,
    territoire: Annotated[Territoire, Query()],
    indicateur: Annotated[str, Query(max_length=96)],
    du: Annee = 2019,
    au: Annee = 2024,
    motif: Motif = None,
) -> Response:
    body = await _body(
        request, session, principal, territoire, du, au, motif, "svg_tendance", indicateur=indicateur
    )
    if indicateur not in body["graphiques"]["tendances"]:
        raise validation_problem(
            [{"pointer": "/indicateur", "detail": f"no count named {indicateur!r} here"}]
        )
    return Response(
        await run_in_threadpool(service.tendance_svg, body, indicateur), media_type="image/svg+xml"
    )
