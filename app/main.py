"""The application factory: routers, problem handlers, middleware, lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import TypeAdapter
from starlette.middleware.cors import CORSMiddleware

from app import __version__
from app.api import (
    abonnements,
    actes,
    audit,
    ccapex,
    consentements,
    courriers,
    dossiers,
    evenements,
    health,
    oauth,
    partenaires,
    recommandations,
    regles,
    seances,
    statistiques,
)
from app.console import router as console_router
from app.console.connexion import provider_origin
from app.console.templating import STATIC_DIR as CONSOLE_STATIC
from app.core import problems
from app.core.config import Settings, get_settings
from app.core.db import Database, resolve_database_url
from app.core.embedded import owns_embedded, watch_embedded
from app.core.entetes import SecurityHeadersMiddleware
from app.core.logging import RequestIdMiddleware, configure_logging
from app.core.migrations import head_revision
from app.core.openapi import TAGS, build_openapi, component_schemas, operation_id, register_components
from app.core.security import KeyRing, ensure_signing_key
from app.rules.rulebook import load_rulebook
from app.schemas.actes import ACTE_ADAPTER
from app.schemas.auth import TokenProblem, TokenRequest
from app.schemas.regles import SIMULATION_ADAPTER
from app.services.menages import KeyCheck

DESCRIPTION = (Path(__file__).parent / "api" / "DESCRIPTION.md").read_text(encoding="utf-8")
_ASSETS = Path(fastapi_offline.__file__).parent / "static"


def create_app(
    settings: Settings | None = None,
    *,
    database_url: str | None = None,
    on_shutdown: Callable[[], None] | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = database_url or resolve_database_url(settings)
        database = Database(url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow)
        app.state.database = database
        app.state.keyring = KeyRing()
        app.state.partner_status = {}
        app.state.verified_tokens = {}
        app.state.migration_head = head_revision()
        app.state.household_keys = KeyCheck()
        app.state.stats_seuil = settings.stats_seuil
        app.state.settings = settings  # the console's sign-in reads its settings here (app/console/auth.py)
        try:
            async with database.sessionmaker() as session, session.begin():
                await ensure_signing_key(session)
                await app.state.keyring.load(session)
            if not await app.state.household_keys.refresh(database):
                logging.getLogger("prevex").error(
                    "household keys made with another secret: filings refused until "
                    "`prevex menages recalculer-cles` is run"
                )
        except Exception:
            await database.dispose()
            raise
        # Everything made at start (modules, the app, the rule book, the keys) lives as long as the
        # process: out of the cyclic garbage collector's generations, its collections stop walking it
        # (they were a fifth of a filing's instructions; bench/README.md).
        load_rulebook()
        gc.collect()
        gc.freeze()
        # The embedded server this process owns is restarted by it when it dies (core/embedded.py).
        watcher = asyncio.create_task(watch_embedded(database)) if owns_embedded() else None
        yield
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        await database.dispose()
        if on_shutdown is not None:
            on_shutdown()

    app = FastAPI(
        title="Prevex",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/v1/openapi.json",
        servers=[{"url": "/", "description": "this server"}],
        openapi_tags=TAGS,
        generate_unique_id_function=operation_id,
        # Prevex configures no OpenTelemetry provider: FastAPI's native telemetry would only ask, on every
        # request, whether one appeared (environment and context look-ups on the hot path).
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    problems.install(app)
    app.add_middleware(RequestIdMiddleware)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:  # closed by default: no CORS headers at all
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-Motif", "X-Request-Id"],
            expose_headers=["Location", "Retry-After", "X-Request-Id", "Idempotent-Replayed"],
        )
    # outermost: every response, problems included; the console's forms may lead to the OIDC provider
    # (the sign-out there)
    provider = provider_origin(settings.oidc_issuer) if settings.oidc_issuer else ""
    app.add_middleware(SecurityHeadersMiddleware, console_form_origins=[provider] if provider else [])
    actes.install(app)  # the filing route first: routes are matched in order, and it is the hot path
    for module in (
        health,
        oauth,
        partenaires,
        dossiers,
        regles,
        evenements,
        abonnements,
        ccapex,
        seances,
        recommandations,
        consentements,
        courriers,
        audit,
        statistiques,
    ):
        app.include_router(module.router)
    app.include_router(console_router.router)
    app.mount("/console/static", StaticFiles(directory=CONSOLE_STATIC), name="console-static")
    evenements.register_webhooks(app)
    _install_docs(app)

    register_components(component_schemas("Acte", ACTE_ADAPTER))
    register_components(component_schemas("SimulationDemande", SIMULATION_ADAPTER))
    for model in (problems.Problem, TokenProblem, TokenRequest):
        register_components(component_schemas(model.__name__, TypeAdapter(model)))

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app


def _install_docs(app: FastAPI) -> None:
    """Swagger UI and ReDoc with their assets served by the app: they work with no internet access."""
    app.mount("/docs-assets", StaticFiles(directory=_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/v1/openapi.json",
            title="Prevex API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/v1/openapi.json",
            title="Prevex API",
            redoc_js_url="/docs-assets/redoc.standalone.js",
            redoc_favicon_url="/docs-assets/favicon.png",
            with_google_fonts=False,
        )


def served_app() -> FastAPI:
    """The app of each ``prevex serve --workers N`` process (uvicorn's factory, in the worker process):
    the settings of the environment, ``PREVEX_DATABASE_URL`` required."""
    from app.core.db import resolve_database_url

    settings = get_settings()
    if settings.database_url is None:
        raise RuntimeError("prevex serve --workers N needs PREVEX_DATABASE_URL")
    return create_app(settings, database_url=resolve_database_url(settings))
