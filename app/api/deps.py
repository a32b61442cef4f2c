"""Authentication dependency: the bearer token → a ``Principal`` holding the scopes a route needs."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import OAuth2, SecurityScopes
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import get_settings
from app.core.db import Database
from app.core.problems import forbidden, unauthorized
from app.core.scopes import SCOPE_DESCRIPTIONS
from app.core.security import KeyRing, Principal, TokenError, decode_token, token_kid
from app.models.partner import Partner

_STATUS_TTL_SECONDS = 5.0
_VERIFIED_TOKENS_MAX = 10_000

oauth2 = OAuth2(
    flows=OAuthFlows(
        clientCredentials=OAuthFlowClientCredentials(tokenUrl="/v1/oauth/token", scopes=SCOPE_DESCRIPTIONS)
    ),
    scheme_name="partenaire",
    description="OAuth2 client credentials: `POST /v1/oauth/token` gives a short-lived RS256 bearer token.",
    auto_error=False,
)


async def _partner_is_active(request: Request, partner_id: uuid.UUID) -> bool:
    """A revoked partner's tokens stop working within a few seconds, without a query per request."""
    cache: dict[uuid.UUID, tuple[bool, float]] = request.app.state.partner_status
    hit = cache.get(partner_id)
    now = time.monotonic()
    if hit is not None and hit[1] > now:
        return hit[0]
    async with _session(request) as session:
        statut = await session.scalar(select(Partner.statut).where(Partner.id == partner_id))
    active = statut == "actif"
    cache[partner_id] = (active, now + _STATUS_TTL_SECONDS)
    return active


def _session(request: Request) -> AsyncSession:
    """A short read of its own (keys, partner status; rare, thanks to the caches): authentication never
    holds a pooled connection while the endpoint takes its own, so a burst of first requests cannot
    exhaust the pool."""
    database: Database = request.app.state.database
    return database.sessionmaker()


async def current_principal(
    security_scopes: SecurityScopes,
    request: Request,
    authorization: Annotated[str | None, Depends(oauth2)],
) -> Principal:
    return await authenticate(request, authorization, security_scopes.scopes)


async def authenticate(request: Request, authorization: str | None, scopes: Sequence[str]) -> Principal:
    """The dependency's work, callable directly by a hot endpoint (``POST /v1/actes``) that spares itself
    FastAPI's dependency resolution: a valid, unexpired RS256 token of an active partner holding
    ``scopes``; else 401 or 403."""
    if not authorization:
        raise unauthorized("A bearer token is required.", error=None)
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise unauthorized("A bearer token is required.", error="invalid_request")
    ring: KeyRing = request.app.state.keyring
    if ring.stale():
        async with _session(request) as session:
            await ring.load(session)
    cache: dict[str, tuple[Principal, str]] = request.app.state.verified_tokens
    hit = cache.get(token)
    # A remembered token still needs its key in the ring: a key revoked at once (compromised) stops its
    # tokens at the ring's next reload, not at their expiry.
    if hit is None or hit[0].expires_at <= time.time() or hit[1] not in ring.public:
        principal, kid = await _verify(token, ring, request)
        if len(cache) >= _VERIFIED_TOKENS_MAX:
            cache.clear()
        cache[token] = (principal, kid)
    else:
        principal = hit[0]
    if not await _partner_is_active(request, principal.partner_id):
        raise unauthorized("The token was refused: partner revoked.")
    missing = [s for s in scopes if s not in principal.scopes]
    if missing:
        raise forbidden(f"This operation needs the scope(s): {', '.join(missing)}.", scope=" ".join(missing))
    return principal


async def _verify(token: str, ring: KeyRing, request: Request) -> tuple[Principal, str]:
    """Signature and claims, checked once per token: a verified token is remembered until it expires."""
    settings = get_settings()
    try:
        kid = token_kid(token)
        if kid not in ring.public and ring.stale(unknown_kid=True):
            async with _session(request) as session:
                await ring.load(session)
        key = ring.public.get(kid)
        if key is None:
            raise TokenError("unknown key id")
        principal = decode_token(
            token,
            key,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            max_lifetime_seconds=settings.token_ttl_seconds,
        )
        return principal, kid
    except TokenError as exc:
        raise unauthorized(f"The token was refused: {exc}.") from exc


# Why the caller reads (docs/protection.md §3): recorded in the audit with the endpoint's purpose.
Motif = Annotated[
    str | None,
    Header(
        alias="X-Motif",
        max_length=200,
        pattern=r"^[^\x00-\x1f\x7f]*$",
        description="Why this read is made (e.g. a case number, 'commission du 12/03'): recorded in the audit "
        "of the dossier. Optional; at most 200 characters, no control characters. Never personal data.",
    ),
]
