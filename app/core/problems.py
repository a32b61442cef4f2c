"""RFC 9457 problem details: every 4xx/5xx leaves the service as ``application/problem+json``.

Problem types are URNs (``urn:prevex:probleme:<slug>``), each documented in ``docs/problems.md``.
No stack trace, SQL or personal data ever reaches a client.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Annotated, Any

from asyncpg.exceptions import OperatorInterventionError, PostgresConnectionError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import get_settings

logger = logging.getLogger("prevex.problems")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:prevex:probleme:"


# Optional members that are left out when they have no value (never sent as ``null``).
_Absent = SkipJsonSchema[None]


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


class ProblemError(BaseModel):
    """One invalid field of the body (``pointer``), or one invalid parameter (``pointer`` is then ``""``
    and ``parameter`` names it)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"pointer": "/dette/montant_cents", "detail": "Input should be a valid integer"},
                {"pointer": "", "parameter": "query:cursor", "detail": "invalid cursor"},
            ]
        },
    )
    pointer: str = Field(description="RFC 6901 JSON pointer into the request body ('' = the whole body)")
    parameter: Annotated[str, StringConstraints(pattern=r"^(path|query|header|cookie):.+$")] | _Absent = (
        Field(
            default=None,
            json_schema_extra=_no_default,
            description="For a path, query or header parameter: where and its name, e.g. `path:dossier_id`, "
            "`query:cursor`, `header:Idempotency-Key`. Absent for the body's fields.",
        )
    )
    detail: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(extra="allow")
    type: str = Field(examples=["urn:prevex:probleme:validation"])
    title: str
    status: int
    detail: str
    instance: str | _Absent = Field(default=None, json_schema_extra=_no_default)
    errors: list[ProblemError] | _Absent = Field(default=None, json_schema_extra=_no_default)


class ProblemException(Exception):
    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str,
        *,
        errors: Sequence[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}
        self.extra = extra

    def body(self, instance: str | None = None) -> dict[str, Any]:
        return problem_body(
            self.status,
            self.slug,
            self.title,
            self.detail,
            instance=instance,
            errors=self.errors,
            **self.extra,
        )


def problem_body(
    status: int,
    slug: str,
    title: str,
    detail: str,
    *,
    instance: str | None = None,
    errors: Sequence[dict[str, str]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {"type": TYPE_PREFIX + slug, "title": title, "status": status, "detail": detail}
    if instance is not None:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = list(errors)
    body.update(extra)
    return body


def problem_response(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


# Frequent problems, named once -------------------------------------------------------------------


def unauthorized(detail: str, *, error: str | None = "invalid_token") -> ProblemException:
    """401 with its challenge. ``error=None`` when the request carried no credentials at all: RFC 6750
    section 3.1 then wants the bare challenge, with no error code."""
    challenge = 'Bearer realm="prevex"' + (f', error="{error}"' if error else "")
    return ProblemException(
        401, "non-authentifie", "Authentication required", detail, headers={"WWW-Authenticate": challenge}
    )


def forbidden(detail: str, *, scope: str | None = None) -> ProblemException:
    headers = {"WWW-Authenticate": f'Bearer realm="prevex", error="insufficient_scope", scope="{scope}"'}
    return ProblemException(403, "interdit", "Forbidden", detail, headers=headers if scope else None)


def not_found(detail: str = "No such resource, or not visible to this partner.") -> ProblemException:
    return ProblemException(404, "introuvable", "Not found", detail)


def method_not_allowed(*allowed: str) -> ProblemException:
    methods = ", ".join(allowed)
    return ProblemException(
        405,
        "methode-non-permise",
        "Method not allowed",
        f"This path answers {methods} only.",
        headers={"Allow": methods},
    )


def internal_error(
    detail: str = "An unexpected error occurred; it has been logged with this request's id.",
) -> ProblemException:
    return ProblemException(500, "erreur-interne", "Internal error", detail)


def service_unavailable(
    detail: str = "The database is unreachable; retry later.", *, retry_after: int | None = None
) -> ProblemException:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return ProblemException(503, "service-indisponible", "Service unavailable", detail, headers=headers)


def validation_problem(errors: Sequence[dict[str, str]], detail: str | None = None) -> ProblemException:
    return ProblemException(
        422,
        "validation",
        "Invalid request",
        detail or f"The request has {len(errors)} invalid field(s); see `errors`.",
        errors=errors,
    )


# Handlers -------------------------------------------------------------------------------------------


def _location_pointer(loc: Sequence[int | str]) -> tuple[str, str]:
    """FastAPI's ('body', 'a', 0) → ('body', '/a/0'); ('query', 'limit') → ('query', 'limit')."""
    where = str(loc[0]) if loc else "body"
    rest = [str(p).replace("~", "~0").replace("/", "~1") for p in loc[1:]]
    if where == "body":
        return where, "".join("/" + p for p in rest)
    return where, ".".join(rest)


def exception_response(exc: ProblemException, path: str) -> JSONResponse:
    """The problem+json response of ``exc`` for a request to ``path``."""
    return problem_response(exc.status, exc.body(instance=path), exc.headers)


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemException)
    return exception_response(exc, request.url.path)


async def _on_request_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    raw = exc.errors()
    if any(err.get("type") == "json_invalid" for err in raw):
        body = problem_body(
            400,
            "json-invalide",
            "Malformed JSON",
            "The request body is not valid JSON.",
            instance=request.url.path,
        )
        return problem_response(400, body)
    errors: list[dict[str, str]] = []
    for err in raw:
        where, pointer = _location_pointer(err.get("loc", ()))
        if where == "body":
            errors.append({"pointer": pointer, "detail": str(err.get("msg", "invalid"))})
        else:
            errors.append({"pointer": "", "parameter": f"{where}:{pointer}", "detail": str(err.get("msg"))})
    problem = validation_problem(errors)
    return problem_response(422, problem.body(instance=request.url.path))


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    titles = {404: "Not found", 405: "Method not allowed", 401: "Authentication required"}
    slug = {404: "introuvable", 405: "methode-non-permise", 401: "non-authentifie"}.get(
        exc.status_code, "http"
    )
    detail = exc.detail if isinstance(exc.detail, str) else "HTTP error"
    body = problem_body(
        exc.status_code, slug, titles.get(exc.status_code, "HTTP error"), detail, instance=request.url.path
    )
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
    return problem_response(exc.status_code, body, headers)


def _allowed_methods(request: Request) -> str:
    """Every method the path answers (Starlette's 405 names only those of the first route that matched
    the path: a path served by two routes, e.g. ``GET`` and ``PUT``, would list one). The documented
    routes whose template matches the path most literally (fewest parameters: ``/v1/actes/lot`` before
    ``/v1/actes/{acte_id}``) count; included routers (FastAPI keeps them as ``original_router``) are
    walked too."""
    path = request.url.path
    found: list[tuple[int, set[str]]] = []
    pending = list(request.app.router.routes)
    while pending:
        route = pending.pop()
        included = getattr(route, "original_router", None)
        if included is not None:
            pending.extend(included.routes)
            continue
        regex = getattr(route, "path_regex", None)
        if regex is None or not getattr(route, "include_in_schema", False) or not regex.match(path):
            continue
        found.append(
            (str(getattr(route, "path_format", "")).count("{"), set(getattr(route, "methods", None) or ()))
        )
    literal = min((n for n, _ in found), default=0)
    methods = {m for n, ms in found if n == literal for m in ms}
    return ", ".join(sorted(methods))


def _raised_in_driver(exc: BaseException) -> bool:
    """Whether the exception went through asyncpg's code (e.g. while opening a connection)."""
    tb = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).startswith("asyncpg"):
            return True
        tb = tb.tb_next
    return False


def is_database_outage(exc: BaseException) -> bool:
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    # The hot path's bare asyncpg connections: the server is gone, shutting down or starting up (57P01-03).
    if isinstance(exc, (PostgresConnectionError, OperatorInterventionError)):
        return True
    # A socket-level failure while reaching the server: the embedded server's Unix socket is gone
    # (FileNotFoundError), unreachable host, ... SQLAlchemy does not wrap these, asyncpg raises them as is.
    if isinstance(exc, OSError) and _raised_in_driver(exc):
        return True
    return type(exc).__module__.startswith("asyncpg") and "Connection" in type(exc).__name__


def unexpected_response(path: str, exc: BaseException) -> JSONResponse:
    if is_database_outage(exc):
        logger.warning("database unavailable", extra={"error": type(exc).__name__})
        return exception_response(service_unavailable(retry_after=get_settings().retry_after_seconds), path)
    logger.error("unexpected error", extra={"error": type(exc).__name__}, exc_info=exc)
    return exception_response(internal_error(), path)


class UnexpectedErrorMiddleware:
    """Turns any exception that escaped the handlers into a problem (503 for a database outage, else 500).
    It sits inside Starlette's ServerErrorMiddleware, which would otherwise re-raise the exception to the
    server, whose log line may print SQL parameters (personal data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if started:
                logger.error("error after the response started", extra={"error": type(exc).__name__})
                return
            await unexpected_response(scope["path"], exc)(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ProblemException, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_request_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_middleware(UnexpectedErrorMiddleware)


_DESCRIPTIONS: dict[int, str] = {
    400: "Malformed request (bad JSON, bad form)",
    401: "Missing, invalid or expired token",
    403: "The token lacks the scope this operation needs",
    404: "Not found, or not visible to this partner",
    405: "Method not allowed (`Allow` lists the path's methods)",
    409: "Conflict (a request with this Idempotency-Key is still in flight: `Retry-After`)",
    410: "Gone (a feed cursor older than the events kept)",
    413: "Payload too large",
    415: "Unsupported content type",
    422: "Invalid content; `errors` lists each field with a JSON pointer (or parameter)",
    503: "Database unavailable; retry after `Retry-After` seconds",
}
_SECONDS = {"type": "string", "pattern": "^[0-9]+$"}
_HEADERS: dict[int, dict[str, dict[str, Any]]] = {
    401: {
        "WWW-Authenticate": {
            "description": 'The challenge: `Bearer realm="prevex"`, with `error` when a token was refused',
            "required": True,
            "schema": {"type": "string"},
        }
    },
    403: {
        "WWW-Authenticate": {
            "description": 'For a missing scope: `error="insufficient_scope"` and the `scope` needed',
            "schema": {"type": "string"},
        }
    },
    409: {"Retry-After": {"description": "Seconds, when the key is in flight", "schema": _SECONDS}},
    503: {"Retry-After": {"description": "Seconds", "required": True, "schema": _SECONDS}},
}


def problem_doc(
    status: int,
    *,
    description: str | None = None,
    schema: str = "Problem",
    headers: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The OpenAPI response object of a problem: ``application/problem+json`` only, with its headers."""
    doc: dict[str, Any] = {
        "description": description or _DESCRIPTIONS.get(status, "Problem"),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }
    declared = {**_HEADERS.get(status, {}), **(headers or {})}
    if declared:
        doc["headers"] = declared
    return doc


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for the problems a route may answer (the ``Problem`` component is
    registered by the app factory: a ``model`` here would also document it as ``application/json``)."""
    return {status: problem_doc(status) for status in statuses}
