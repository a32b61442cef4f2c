"""OAuth2 client credentials and the public keys that verify the tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.problems import ProblemException, responses
from app.core.security import KeyRing, issue_token
from app.schemas.auth import Jwks, TokenResponse
from app.services.partners import authenticate_client

router = APIRouter(tags=["authentification"])


@router.post(
    "/v1/oauth/token",
    response_model=TokenResponse,
    summary="Get an access token (OAuth2 client credentials)",
    description=(
        "Form fields `grant_type=client_credentials`, `client_id`, `client_secret`, optional `scope` "
        "(space-separated subset of the partner kind's scopes). No scope needed. "
        "Problems: 400 `unsupported_grant_type` or `invalid_scope`, 401 `invalid_client`, 422 missing field."
    ),
    responses=responses(400, 401, 422, 503),
)
async def token(
    request: Request,
    response: Response,
    session: SessionDep,
    grant_type: Annotated[str, Form(examples=["client_credentials"])],
    client_id: Annotated[str, Form(max_length=64)],
    client_secret: Annotated[str, Form(max_length=256)],
    scope: Annotated[str | None, Form(max_length=4000)] = None,
) -> TokenResponse:
    if grant_type != "client_credentials":
        raise ProblemException(
            400,
            "grant-non-supporte",
            "Unsupported grant type",
            "Only grant_type=client_credentials is supported.",
            error="unsupported_grant_type",
        )
    requested = set(scope.split()) if scope and scope.strip() else None
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
        raise ProblemException(
            401,
            "client-invalide",
            "Invalid client",
            "Unknown client, wrong secret, or revoked partner.",
            error="invalid_client",
            headers={"WWW-Authenticate": 'Basic realm="prevex"'},
        )
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
async def jwks(request: Request, session: SessionDep, response: Response) -> Jwks:
    ring: KeyRing = request.app.state.keyring
    if ring.stale():
        await ring.load(session)
    response.headers["Cache-Control"] = "public, max-age=60"
    return Jwks(keys=ring.jwks["keys"])
