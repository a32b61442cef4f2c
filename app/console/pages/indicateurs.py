"""``/console/indicateurs``: the charters' indicators of one of the user's territories, the funnel and
trend charts (the API's SVGs) and the CSV, with the API's checks and masking (``services/statistiques``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from app.api.statistiques import _body as indicateurs_body
from app.console.pages.commun import Refus, Utilisateur, exiger, page_erreur, refus_de
from app.console.templating import render
from app.core.db import SessionDep
from app.core.problems import ProblemException
from app.core.scopes import STATISTIQUES_LIRE
from app.services import statistiques

router = APIRouter()
Annee = Annotated[int | None, Query(ge=2000, le=2100)]


@dataclass(frozen=True)
class _Choix:
    """What every view of the indicators is asked for: a territory (else the user's first) and years."""

    territoire: str
    du: int | None
    au: int | None


def _choix(
    territoire: Annotated[str, Query(max_length=3)] = "", du: Annee = None, au: Annee = None
) -> _Choix:
    return _Choix(territoire, du, au)


Choix = Annotated[_Choix, Depends(_choix)]


def _periode(du: int | None, au: int | None) -> tuple[int, int]:
    fin = au or dt.date.today().year - 1
    return (du or fin - 5), fin


async def _donnees(
    request: Request, session: SessionDep, user: Utilisateur, choix: _Choix, format_: str
) -> dict[str, Any]:
    """The API's indicators, read (and audited as ``lecture_statistiques``, with ``format_`` saying which
    of the console's views read them) with the user's ``Principal``."""
    exiger(user, STATISTIQUES_LIRE)
    territoire = choix.territoire or user.principal.territoires[0]
    debut, fin = _periode(choix.du, choix.au)
    try:
        return await indicateurs_body(request, session, user.principal, territoire, debut, fin, None, format_)
    except ProblemException as exc:
        raise refus_de(exc) from None


@router.get("/indicateurs", response_class=HTMLResponse)
async def page(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    choix: Choix,
    indicateur: Annotated[str, Query(max_length=96)] = "",
) -> HTMLResponse:
    try:
        body = await _donnees(request, session, user, choix, "console_html")
    except Refus as refus:
        return page_erreur(request, refus)
    annees = list(range(body["du"], body["au"] + 1))
    table: dict[str, dict[int, Any]] = {}
    for ligne in body["lignes"]:
        if ligne["parc"] == "total":
            table.setdefault(ligne["indicateur"], {})[ligne["annee"]] = ligne
    tendances = sorted(body["graphiques"]["tendances"])
    choisi = indicateur if indicateur in tendances else (tendances[0] if tendances else "")
    query = {"territoire": body["territoire"], "du": body["du"], "au": body["au"]}
    context = {
        "rubrique": "indicateurs",
        "b": body,
        "annees": annees,
        "table": table,
        "tendances": [(t, t) for t in tendances],
        "choisi": choisi,
        "territoires": [(t, t) for t in user.principal.territoires],
        "entonnoir": "/console/indicateurs/entonnoir.svg?" + urlencode(query),
        "tendance": "/console/indicateurs/tendance.svg?" + urlencode({**query, "indicateur": choisi})
        if choisi
        else None,
        "csv": "/console/indicateurs.csv?" + urlencode(query),
        "erreurs": {},
    }
    return render(request, "indicateurs.html", context)


@router.get("/indicateurs.csv")
async def csv(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    choix: Choix,
) -> Response:
    try:
        body = await _donnees(request, session, user, choix, "console_csv")
    except Refus as refus:
        return page_erreur(request, refus)
    name = f"indicateurs-{body['territoire']}-{body['du']}-{body['au']}.csv"
    return Response(
        statistiques.as_csv(body),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/indicateurs/entonnoir.svg")
async def entonnoir(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    choix: Choix,
) -> Response:
    try:
        body = await _donnees(request, session, user, choix, "console_svg_entonnoir")
    except Refus as refus:
        return page_erreur(request, refus)
    # Drawing is CPU work (cached by what is drawn): in a thread, not on the event loop.
    return Response(await run_in_threadpool(statistiques.entonnoir_svg, body), media_type="image/svg+xml")


@router.get("/indicateurs/tendance.svg")
async def tendance(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    indicateur: Annotated[str, Query(max_length=96)],
    choix: Choix,
) -> Response:
    try:
        body = await _donnees(request, session, user, choix, "console_svg_tendance")
        if indicateur not in body["graphiques"]["tendances"]:
            raise Refus(404, "Introuvable", "Ce territoire n'a pas de compte de cet indicateur.")
    except Refus as refus:
        return page_erreur(request, refus)
    svg = await run_in_threadpool(statistiques.tendance_svg, body, indicateur)
    return Response(svg, media_type="image/svg+xml")
