"""The console's routes under ``/console``: sign-in (``connexion``) and the pages. Not in the API's
contract (``include_in_schema=False``): the console is for people in a browser, the API for software."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.console import connexion, pages

router = APIRouter(prefix="/console", include_in_schema=False)
router.include_router(connexion.router)
router.include_router(pages.router)
router.add_api_route("", pages.accueil, methods=["GET"], response_class=HTMLResponse)  # /console itself
