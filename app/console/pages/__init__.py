"""The console's pages, each from the services the API uses, with the signed-in user's ``Principal``."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.console.pages import commun, dossier, indicateurs, liste, seances
from app.console.templating import templates

templates.env.filters.update(jour=commun.jour, court=commun.court, libelle=commun.libelle)

router = APIRouter()
# The list is the console's home: ``/console/`` here, ``/console`` itself on the console's router (an
# included router may not have an empty path).
accueil = liste.a_traiter
router.add_api_route("/", accueil, methods=["GET"], response_class=HTMLResponse)
router.include_router(dossier.router)
router.include_router(seances.router)
router.include_router(indicateurs.router)
