"""``/console``: what awaits the secretariat (the CCAPEX's work list), with filters and pagination; for a
user whose partner does not run the CCAPEX's work, the recommendations it answers for."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from app.console.pages.commun import PARCS, STADES, Refus, Utilisateur, page_erreur, peut, refus_de
from app.console.templating import render
from app.core.db import SessionDep
from app.core.logging import request_id_var
from app.core.problems import ProblemException
from app.core.scopes import CCAPEX_GERER, DOSSIERS_LIRE, RECOMMANDATIONS_SUIVRE
from app.core.territoires import DEPARTEMENT_PATTERN
from app.services import ccapex, reading, recommandations

PAR_PAGE = 20
_MOTIF = re.compile(r"^[a-z0-9_]{1,64}$")
_TERRITOIRE = re.compile(DEPARTEMENT_PATTERN)
_CURSEUR_MAX = 200
_PILE_MAX = 50


async def a_traiter(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    territoire: str = "",
    motif: str = "",
    stade: str = "",
    cursor: Annotated[str, Query(max_length=_CURSEUR_MAX)] = "",
    pile: Annotated[list[str] | None, Query(max_length=_PILE_MAX)] = None,
) -> HTMLResponse:
    """The list, or its results only for an htmx request (the filters and pagination swap them in)."""
    if not peut(user, CCAPEX_GERER):
        if peut(user, RECOMMANDATIONS_SUIVRE):
            return await _recommandations(request, session, user)
        return await _dossiers(request, session, user, cursor, pile)
    erreurs: dict[str, str] = {}
    if territoire and not _TERRITOIRE.fullmatch(territoire):
        erreurs["territoire"] = "Un code de département est attendu (93, 2A, 974)."
    if motif and not _MOTIF.fullmatch(motif):
        erreurs["motif"] = "Un code de motif (lettres minuscules, chiffres, _) est attendu."
    if stade and stade not in STADES:
        erreurs["stade"] = "Choisissez une valeur de la liste."
    precedents = [c for c in (pile or []) if len(c) <= _CURSEUR_MAX]
    filtres = {"territoire": territoire, "motif": motif, "stade": stade}
    page: dict[str, object] = {"items": [], "next_cursor": None}
    if not erreurs:
        try:
            page = await ccapex.a_traiter(
                session,
                user.principal,
                territoire=territoire or None,
                motif=motif or None,
                stade=stade or None,
                limit=PAR_PAGE,
                cursor=cursor or None,
                request_id=request_id_var.get(),
            )
        except ProblemException as exc:
            if exc.status != 422:
                return page_erreur(request, refus_de(exc))
            erreurs["cursor"] = "Cette page n'existe plus : revenez à la première."
    base = {k: v for k, v in filtres.items() if v}
    context = {
        "page": page,
        "filtres": filtres,
        "erreurs": erreurs,
        "stades": STADES,
        "territoires": [(t, t) for t in user.principal.territoires],
        **_pages(base, cursor, precedents, page["next_cursor"]),  # type: ignore[arg-type]
    }
    partiel = request.headers.get("hx-request") == "true" and request.headers.get("hx-target") == "resultats"
    status = 422 if erreurs else 200
    return render(
        request, "a_traiter_resultats.html" if partiel else "a_traiter.html", context, status_code=status
    )


def _pages(base: dict[str, str], cursor: str, precedents: list[str], suivant: str | None) -> dict[str, Any]:
    """Previous and next links of a cursor-paged list: each link carries the cursors of the pages before."""
    after = (
        "/console?"
        + urlencode({**base, "cursor": suivant, "pile": [*precedents, cursor][-_PILE_MAX:]}, doseq=True)
        if suivant
        else None
    )
    before = None
    if cursor:
        retour = {
            **base,
            **({"cursor": precedents[-1]} if precedents and precedents[-1] else {}),
            "pile": precedents[:-1],
        }
        before = "/console?" + urlencode(retour, doseq=True)
    return {"suivant": after, "precedent": before, "numero": len(precedents) + 1}


async def _dossiers(
    request: Request, session: SessionDep, user: Utilisateur, cursor: str, pile: list[str] | None
) -> HTMLResponse:
    """For a reader (``lecture``): the dossiers its partner may read, newest first (``search_dossiers``)."""
    if not peut(user, DOSSIERS_LIRE):
        return page_erreur(request, Refus(403, "Accès refusé", "Votre rôle ne permet pas cette page."))
    precedents = [c for c in (pile or []) if len(c) <= _CURSEUR_MAX]
    try:
        page = await reading.search_dossiers(
            session,
            user.principal,
            territoire=None,
            stade=None,
            parc=None,
            limit=PAR_PAGE,
            cursor=cursor or None,
            request_id=request_id_var.get(),
        )
    except ProblemException as exc:
        if exc.status != 422:
            return page_erreur(request, refus_de(exc))
        page = {"items": [], "next_cursor": None}
    context = {
        "page": page,
        "stades": STADES,
        "parcs": PARCS,
        **_pages({}, cursor, precedents, page["next_cursor"]),
    }
    return render(request, "dossiers.html", context)


async def _recommandations(request: Request, session: SessionDep, user: Utilisateur) -> HTMLResponse:
    if not peut(user, RECOMMANDATIONS_SUIVRE):
        return page_erreur(request, Refus(403, "Accès refusé", "Votre rôle ne permet pas cette page."))
    page = await recommandations.mine(
        session, user.principal, statut=None, limit=100, cursor=None, request_id=request_id_var.get()
    )
    return render(request, "mes_recommandations.html", {"page": page})
