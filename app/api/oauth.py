"""OAuth2 client credentials and the public keys that verify the tokens."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote_plus

from fastapi import APIRouter, Request, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.api.body import request_body
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.limites import token_limits
from app.core.problems import ProblemException, problem_doc, responses
from app.core.security import KeyRing, issue_token
from app.schemas.auth import TOKEN_FIELD_LIMITS, Jwks, TokenResponse
from app.services.partners import authenticate_client

router = APIRouter(tags=["authentification"])


def _invalid_request(detail: str, errors: list[dict[str, str]] | None = None) -> ProblemException:
    return ProblemException(
        400, "requete-invalide", "Invalid token request", detail, errors=errors, error="invalid_request"
    )


def _invalid_client(detail: str) -> ProblemException:
    return ProblemException(
        401,
        "client-invalide",
        "Invalid client",
        detail,
        error="invalid_client",
        headers={"WWW-Authenticate": 'Basic realm="prevex"'},
    )


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    """RFC 6749 §2.3.1: ``Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))``.
    Any other ``Authorization`` (a bearer token, garbled credentials) is a failed client authentication
    through that header: 401 invalid_client with a Basic challenge (RFC 6749 §5.2)."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "basic":
        raise _invalid_client("Client authentication is HTTP Basic or the form fields.")
    try:
        client_id, sep, client_secret = base64.b64decode(value.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        sep = ""
    if not sep:
        raise _invalid_client("Malformed HTTP Basic credentials.")
    return unquote_plus(client_id), unquote_plus(client_secret)


_TOKEN_PROBLEMS = {
    400: problem_doc(
        400,
        description="Invalid token request: `error` is `invalid_request`, `unsupported_grant_type` or "
        "`invalid_scope`",
        schema="TokenProblem",
    ),
    401: problem_doc(
        401,
        description="`invalid_client`: unknown client, wrong secret, revoked partner, or an `Authorization` "
        "header that is not HTTP Basic client credentials",
        schema="TokenProblem",
        headers={
            "WWW-Authenticate": {
                "description": 'Basic realm="prevex"',
                "required": True,
                "schema": {"type": "string"},
            }
        },
    ),
    429: problem_doc(
        429,
        description="`trop-de-tentatives`: too many failed client authentications from this IP or for this "
        "client",
        headers={
            "Retry-After": {
                "description": "Seconds before a new attempt may succeed",
                "required": True,
                "schema": {"type": "integer"},
            }
        },
    ),
    **responses(503),
}


async def _form(request: Request) -> dict[str, str | None]:
    """The token request's fields; a field sent as a file, or a form that does not parse, is
    invalid_request (FastAPI's ``Form`` would answer 422, which OAuth2 clients do not expect)."""
    try:
        form = await request.form()
    except StarletteHTTPException:
        raise _invalid_request("The form cannot be parsed.") from None
    fields: dict[str, str | None] = {}
    for name in TOKEN_FIELD_LIMITS:
        value = form.get(name)
        if value is not None and not isinstance(value, str):
            raise _invalid_request(
                f"The field {name} must be text.", [{"pointer": f"/{name}", "detail": "not text"}]
            )
        fields[name] = value
    return fields


@router.post(
    "/v1/oauth/token",
    response_model=TokenResponse,
    summary="Get an access token (OAuth2 client credentials)",
    description=(
        "Form fields `grant_type=client_credentials` (required), `client_id` and `client_secret` (or, "
        "instead of these two, HTTP Basic client authentication, RFC 6749 §2.3.1), optional `scope` "
        "(space-separated subset of the partner kind's scopes). No scope needed. "
        "Problems (RFC 6749 §5.2 `error` member in each): 400 `invalid_request` (a missing or too long "
        "field, with `errors` pointers; two authentication methods at once), 400 `unsupported_grant_type` "
        "or `invalid_scope`, 401 `invalid_client` (also for an `Authorization` header other than HTTP Basic "
        "client credentials), 429 `trop-de-tentatives` (too many failed authentications from this IP or for "
        "this client: `Retry-After`), 503."
    ),
    responses=_TOKEN_PROBLEMS,
    openapi_extra=request_body("TokenRequest", media="application/x-www-form-urlencoded"),
)
async def obtenir_jeton(request: Request, response: Response, session: SessionDep) -> TokenResponse:
    form = await _form(request)
    grant_type, client_id, client_secret, scope = (form[name] for name in TOKEN_FIELD_LIMITS)
    basic = _basic_credentials(request.headers.get("authorization"))
    if basic is not None and (client_id is not None or client_secret is not None):
        raise _invalid_request("Use one client authentication method: HTTP Basic or the form fields.")
    fields = {"grant_type": grant_type, "scope": scope}
    if basic is None:
        fields |= {"client_id": client_id, "client_secret": client_secret}
    errors = [
        {"pointer": f"/{name}", "detail": "Field required"}
        for name, value in fields.items()
        if name != "scope" and not value
    ] + [
        {"pointer": f"/{name}", "detail": f"at most {TOKEN_FIELD_LIMITS[name]} characters"}
        for name, value in fields.items()
        if value is not None and len(value) > TOKEN_FIELD_LIMITS[name]
    ]
    if errors:
        raise _invalid_request("The token request is incomplete or invalid.", errors)
    client_id, client_secret = basic or (str(client_id), str(client_secret))
    if grant_type != "client_credentials":
        raise ProblemException(
            400,
            "grant-non-supporte",
            "Unsupported grant type",
            "Only grant_type=client_credentials is supported.",
            error="unsupported_grant_type",
        )
    requested = set(scope.split()) if scope and scope.strip() else None
    ip = request.client.host if request.client is not None else ""
    limits = token_limits()
    limits.check(ip, client_id)
    try:
        principal = await authenticate_client(session, client_id, client_secret, requested)
    except PermissionError as exc:
        raise ProblemException(
            400,
            "scope-invalide",
            "Invalid scope",
            f"These scopes are not granted to this partner: {exc}.",
            error="invalid_scope",
        ) from exc
    if principal is None:
        limits.failed(ip, client_id)
        raise _invalid_client("Unknown client, wrong secret, or revoked partner.")
    settings = get_settings()
    ring: KeyRing = request.app.state.keyring
    if ring.stale():
        await ring.load(session)
    access = issue_token(
        ring,
        principal,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        ttl_seconds=settings.token_ttl_seconds,
    )
    response.headers["Cache-Control"] = "no-store"
    return TokenResponse(
        access_token=access, expires_in=settings.token_ttl_seconds, scope=" ".join(sorted(principal.scopes))
    )


@router.get(
    "/v1/.well-known/jwks.json",
    response_model=Jwks,
    summary="Public keys that verify access tokens",
    description="RS256 keys, one `kid` each. After a rotation the previous key stays listed until the "
    "tokens it signed have expired. No authentication.",
    responses=responses(503),
)
async def lire_jwks(request: Request, session: SessionDep, response: Response) -> Jwks:
    ring: KeyRing = request.app.state.keyring
    if ring.stale():
        await ring.load(session)
    response.headers["Cache-Control"] = "public, max-age=60"
    return Jwks(keys=ring.jwks["keys"])
