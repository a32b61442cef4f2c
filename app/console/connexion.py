"""Sign-in and sign-out of the console's people: local accounts (password and TOTP) and OpenID Connect.

- ``GET/POST /console/connexion``: email and password (argon2id), then ``/console/connexion/totp``: the
  authenticator's 6-digit code. The sign-in form carries a CSRF token bound to a cookie of its own
  (double submit: there is no session yet); the code's form, the token of the half-open session.
- ``GET /console/connexion/oidc``: the authorization code flow with PKCE (S256), ``state`` and ``nonce``,
  against ``PREVEX_OIDC_ISSUER``; ``GET /console/oidc/retour``: the callback (the ID token checked by
  ``core/security.decode_id_token``). A first sign-in finds the user created with the same email
  (``prevex users create``), or is refused: no self-registration.
- ``POST /console/deconnexion``: the session's row deleted; after an OpenID Connect sign-in, when the
  provider's discovery document names an ``end_session_endpoint``, the browser is sent there to sign out
  at the provider too (RP-initiated logout: ``id_token_hint``, the ID token kept with the session;
  ``client_id``; ``post_logout_redirect_uri``, the sign-in page; a ``state`` bound to this browser by a
  cookie, which the sign-in page checks to say the sign-out was asked of the provider too).

Failed sign-ins (a wrong password, a wrong code) are counted per client IP and per account email in a
moving window (the ``limits`` library, ``PREVEX_CONSOLE_RATE_LIMIT_IP`` and ``…_COMPTE``); once either is
spent, the form answers 429 before checking anything. Nothing personal is logged.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import math
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import httpx
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from sqlalchemy import delete, select

from app.console.auth import (
    ConsoleUser,
    LiveSession,
    clear_cookie,
    console_user,
    console_user_of,
    cookie_name,
    csrf_refused,
    end_session,
    form_csrf,
    live_session,
    open_session,
    safe_next,
    set_cookie,
    settings_of,
    token_sha256,
)
from app.console.templating import render
from app.core.config import Settings
from app.core.db import Database
from app.core.security import (
    ProviderKeys,
    TokenError,
    decode_id_token,
    decode_userinfo_jwt,
    id_token_kid,
    provider_keys,
)
from app.models.partner import Partner
from app.models.utilisateur import OidcEtat, Utilisateur
from app.services.utilisateurs import (
    MOT_DE_PASSE_MIN,
    accept_totp,
    change_password,
    end_other_sessions,
    normalise_email,
    password_matches,
    user_for_oidc,
)

logger = logging.getLogger("prevex.console")

router = APIRouter()

CSRF_COOKIE = "prevex-connexion"  # the sign-in form's double-submit token (before any session)
OIDC_COOKIE = "prevex-oidc"  # the OIDC sign-in's state, binding the callback to this browser
OIDC_STATE_MINUTES = 10
LOGOUT_COOKIE = "prevex-deconnexion"  # the sign-out at the provider's state, checked on the way back
_DISCOVERY_SECONDS = 3600.0
_JWKS_REFRESH_SECONDS = 5.0

MSG_IDENTIFIANTS = "Adresse électronique ou mot de passe incorrect."
MSG_CODE = "Code incorrect ou déjà utilisé. Saisissez le code à 6 chiffres affiché par votre application."
MSG_TROP = "Trop de tentatives de connexion échouées. Réessayez dans {secondes} secondes."


def _database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


# Failed sign-ins --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignInLimits:
    limiter: MovingWindowRateLimiter
    per_ip: RateLimitItem
    per_account: RateLimitItem

    def _keys(self, ip: str, email: str) -> list[tuple[RateLimitItem, str]]:
        return [(self.per_ip, f"ip:{ip}"), (self.per_account, f"compte:{token_sha256(email)}")]

    def retry_after(self, ip: str, email: str) -> int | None:
        """Seconds to wait when this IP or this account has spent its failed attempts, else None."""
        for item, key in self._keys(ip, email):
            if not self.limiter.test(item, "console", key):
                reset, _ = self.limiter.get_window_stats(item, "console", key)
                return max(1, math.ceil(reset - time.time()))
        return None

    def failed(self, ip: str, email: str) -> None:
        for item, key in self._keys(ip, email):
            self.limiter.hit(item, "console", key)


def _limits(request: Request) -> SignInLimits:
    found = getattr(request.app.state, "console_limits", None)
    if isinstance(found, SignInLimits):
        return found
    settings = settings_of(request)
    made = SignInLimits(
        MovingWindowRateLimiter(storage_from_string(settings.rate_limit_storage)),
        parse(settings.console_rate_limit_ip),
        parse(settings.console_rate_limit_compte),
    )
    request.app.state.console_limits = made
    return made


def _ip(request: Request) -> str:
    return request.client.host if request.client else "?"


# Local accounts -------------------------------------------------------------------------------------


def _login_page(
    request: Request,
    csrf: str,
    suivant: str,
    *,
    erreur: str | None = None,
    email: str = "",
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    deconnecte: bool = False,
) -> Response:
    settings = settings_of(request)
    response = render(
        request,
        "connexion.html",
        {
            "csrf": csrf,
            "suivant": suivant,
            "erreur": erreur,
            "email": email,
            "oidc": bool(settings.oidc_issuer and settings.oidc_client_id),
            "deconnecte": deconnecte,
        },
        status_code=status_code,
        headers=headers,
    )
    set_cookie(response, settings, CSRF_COOKIE, csrf, max_age=3600)
    return _no_store(response)


@router.get("/connexion", response_class=HTMLResponse, name="connexion")
async def connexion(
    request: Request,
    suivant: Annotated[str | None, Query(max_length=2000)] = None,
    state: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The sign-in page; also where the provider sends the browser back after the sign-out there (with
    the ``state`` this browser's cookie holds: the page then says the sign-out was asked of it)."""
    target = safe_next(suivant)
    if await live_session(request) is not None:
        return RedirectResponse(target, status_code=303)
    if await live_session(request, etape="mdp") is not None:
        return RedirectResponse(_change_url(target), status_code=303)
    settings = settings_of(request)
    csrf = request.cookies.get(cookie_name(settings, CSRF_COOKIE)) or secrets.token_urlsafe(32)
    expected = request.cookies.get(cookie_name(settings, LOGOUT_COOKIE))
    back = bool(state and expected and secrets.compare_digest(state.encode(), expected.encode()))
    response = _login_page(request, csrf[:64], target, deconnecte=back)
    if back:
        clear_cookie(response, settings, LOGOUT_COOKIE)
    return response


def _double_submit_ok(request: Request, token: str | None) -> bool:
    expected = request.cookies.get(cookie_name(settings_of(request), CSRF_COOKIE))
    return bool(token and expected and secrets.compare_digest(token.encode(), expected.encode()))


@router.post("/connexion", response_class=HTMLResponse)
async def connexion_envoi(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    mot_de_passe: Annotated[str, Form(max_length=1024)] = "",
    suivant: Annotated[str, Form(max_length=2000)] = "/console",
) -> Response:
    token = await form_csrf(request)
    if not _double_submit_ok(request, token):
        raise csrf_refused(
            "Le jeton de sécurité du formulaire manque ou a expiré : rechargez la page de connexion."
        )
    assert token is not None
    target = safe_next(suivant)
    address = normalise_email(email)
    limits = _limits(request)
    wait = limits.retry_after(_ip(request), address)
    if wait is not None:
        return _login_page(
            request,
            token,
            target,
            erreur=MSG_TROP.format(secondes=wait),
            email=address,
            status_code=429,
            headers={"Retry-After": str(wait)},
        )
    async with _database(request).sessionmaker() as session:
        found = (
            await session.execute(
                select(Utilisateur, Partner.statut)
                .join(Partner, Partner.id == Utilisateur.partner_id)
                .where(Utilisateur.email == address)
            )
        ).first()
    user = found[0] if found else None
    # argon2id is checked even for an unknown email (the same time either way).
    ok = password_matches(mot_de_passe, user.mot_de_passe if user else None)
    if not ok or user is None or found is None or found[1] != "actif" or user.desactive_le is not None:
        limits.failed(_ip(request), address)
        return _login_page(request, token, target, erreur=MSG_IDENTIFIANTS, email=address, status_code=401)
    response = RedirectResponse("/console/connexion/totp?" + urlencode({"suivant": target}), status_code=303)
    await open_session(request, response, user.id, "totp")
    return _no_store(response)


@router.get("/connexion/totp", response_class=HTMLResponse)
async def connexion_totp(
    request: Request, suivant: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    target = safe_next(suivant)
    pending = await live_session(request, etape="totp")
    if pending is None:
        return RedirectResponse("/console/connexion?" + urlencode({"suivant": target}), status_code=303)
    return _no_store(render(request, "connexion_totp.html", {"csrf": pending.row.csrf, "suivant": target}))


@router.post("/connexion/totp", response_class=HTMLResponse)
async def connexion_totp_envoi(
    request: Request,
    code: Annotated[str, Form(max_length=16)] = "",
    suivant: Annotated[str, Form(max_length=2000)] = "/console",
) -> Response:
    target = safe_next(suivant)
    pending = await live_session(request, etape="totp")
    if pending is None:
        return RedirectResponse("/console/connexion?" + urlencode({"suivant": target}), status_code=303)
    token = await form_csrf(request)
    if not token or not secrets.compare_digest(token.encode(), pending.row.csrf.encode()):
        raise csrf_refused(
            "Le jeton de sécurité du formulaire manque ou ne correspond pas : recommencez la connexion."
        )
    limits = _limits(request)
    ip, address = _ip(request), pending.user.email
    wait = limits.retry_after(ip, address)
    if wait is not None:
        return _no_store(
            render(
                request,
                "connexion_totp.html",
                {"csrf": pending.row.csrf, "suivant": target, "erreur": MSG_TROP.format(secondes=wait)},
                status_code=429,
                headers={"Retry-After": str(wait)},
            )
        )
    async with _database(request).sessionmaker() as session, session.begin():
        user = await session.get(Utilisateur, pending.user.id, with_for_update=True)
        accepted = user is not None and await accept_totp(session, user, code)
        must_change = user is not None and user.mot_de_passe_a_changer
    if not accepted:
        limits.failed(ip, address)
        return _no_store(
            render(
                request,
                "connexion_totp.html",
                {"csrf": pending.row.csrf, "suivant": target, "erreur": MSG_CODE},
                status_code=401,
            )
        )
    await end_session(request)  # the half-open session gives way to a new one (a new token)
    if must_change:  # the one-time password: a new one before any page
        response = RedirectResponse(_change_url(target), status_code=303)
        await open_session(request, response, pending.user.id, "mdp")
    else:
        response = RedirectResponse(target, status_code=303)
        await open_session(request, response, pending.user.id, "active")
    clear_cookie(response, settings_of(request), CSRF_COOKIE)
    return _no_store(response)


def _change_url(target: str) -> str:
    return "/console/connexion/mot-de-passe?" + urlencode({"suivant": target})


async def _password_session(request: Request) -> LiveSession | None:
    """The session that may change its password: one whose one-time password must go (``mdp``), or a
    signed-in one (the person's own choice)."""
    return await live_session(request, etape="mdp") or await live_session(request)


@router.get("/connexion/mot-de-passe", response_class=HTMLResponse)
async def mot_de_passe(
    request: Request, suivant: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    target = safe_next(suivant)
    live = await _password_session(request)
    if live is None:
        return RedirectResponse("/console/connexion?" + urlencode({"suivant": target}), status_code=303)
    return _no_store(
        render(
            request,
            "connexion_mot_de_passe.html",
            {
                "csrf": live.row.csrf,
                "suivant": target,
                "impose": live.row.etape == "mdp",
                "minimum": MOT_DE_PASSE_MIN,
            },
        )
    )


@router.post("/connexion/mot-de-passe", response_class=HTMLResponse)
async def mot_de_passe_envoi(
    request: Request,
    actuel: Annotated[str, Form(max_length=1024)] = "",
    nouveau: Annotated[str, Form(max_length=1024)] = "",
    confirmation: Annotated[str, Form(max_length=1024)] = "",
    suivant: Annotated[str, Form(max_length=2000)] = "/console",
) -> Response:
    target = safe_next(suivant)
    live = await _password_session(request)
    if live is None:
        return RedirectResponse("/console/connexion?" + urlencode({"suivant": target}), status_code=303)
    token = await form_csrf(request)
    if not token or not secrets.compare_digest(token.encode(), live.row.csrf.encode()):
        raise csrf_refused("Le jeton de sécurité du formulaire manque ou ne correspond pas à votre session.")
    context = {
        "csrf": live.row.csrf,
        "suivant": target,
        "impose": live.row.etape == "mdp",
        "minimum": MOT_DE_PASSE_MIN,
    }
    limits = _limits(request)
    ip, address = _ip(request), live.user.email
    wait = limits.retry_after(ip, address)
    if wait is not None:
        return _no_store(
            render(
                request,
                "connexion_mot_de_passe.html",
                {**context, "erreur": MSG_TROP.format(secondes=wait)},
                status_code=429,
                headers={"Retry-After": str(wait)},
            )
        )
    async with _database(request).sessionmaker() as session, session.begin():
        refus = await change_password(session, live.user.id, actuel, nouveau, confirmation)
        if refus is None:
            # Every other session of this person ends (a password changed because it leaked).
            await end_other_sessions(session, live.user.id, live.row.id_sha256)
    if refus is not None:
        if refus.startswith("Le mot de passe actuel"):
            limits.failed(ip, address)
        return _no_store(
            render(request, "connexion_mot_de_passe.html", {**context, "erreur": refus}, status_code=400)
        )
    if live.row.etape == "mdp":
        await end_session(request)
        response = RedirectResponse(target, status_code=303)
        await open_session(request, response, live.user.id, "active")
        return _no_store(response)
    return _no_store(RedirectResponse("/console/compte?mot_de_passe=change", status_code=303))


@router.get("/compte", response_class=HTMLResponse)
async def compte(request: Request, user: Annotated[ConsoleUser, Depends(console_user)]) -> Response:
    """The signed-in person's account: who, which partner, which role, and the sign-out button."""
    async with _database(request).sessionmaker() as session:
        partner = await session.get(Partner, user.partner_id)
    return _no_store(
        render(
            request,
            "connexion_compte.html",
            {
                "partenaire": partner,
                "scopes": sorted(user.principal.scopes),
                "mot_de_passe_change": request.query_params.get("mot_de_passe") == "change",
            },
        )
    )


@router.post("/deconnexion")
async def deconnexion(request: Request) -> Response:
    """Sign-out, by a form with the session's CSRF token (every role may sign out): the session's row
    deleted, then the sign-in page, or, after an OpenID Connect sign-in, the sign-out at the provider
    (which sends the browser back to the sign-in page)."""
    settings = settings_of(request)
    live = await live_session(request)
    at_provider: str | None = None
    state = secrets.token_urlsafe(32)
    if live is not None:
        token = await form_csrf(request)
        if not token or not secrets.compare_digest(token.encode(), live.row.csrf.encode()):
            raise csrf_refused(
                "Le jeton de sécurité du formulaire manque ou ne correspond pas à votre session."
            )
        await end_session(request)
        if live.row.id_token:
            at_provider = await _end_session_url(request, live.row.id_token, state)
    response = RedirectResponse(at_provider or "/console/connexion", status_code=303)
    clear_cookie(response, settings, "prevex-session")
    if at_provider:
        set_cookie(response, settings, LOGOUT_COOKIE, state, max_age=OIDC_STATE_MINUTES * 60)
    return _no_store(response)


# OpenID Connect ---------------------------------------------------------------------------------------


@dataclass
class Provider:
    """The provider's discovery document and signing keys, cached (keys fetched again on an unknown
    ``kid``, at most every 5 s: the provider rotated them)."""

    issuer: str
    document: dict[str, Any]
    keys: ProviderKeys = field(default_factory=dict)
    loaded_at: float = 0.0
    keys_at: float = 0.0


class OidcUnavailable(Exception):
    """The provider cannot be reached or answered something unusable (the message is safe to show)."""


async def _provider(request: Request, *, refresh_keys: bool = False) -> Provider:
    settings = settings_of(request)
    cached = getattr(request.app.state, "console_oidc", None)
    now = time.monotonic()
    async with httpx.AsyncClient(timeout=10.0) as http:
        try:
            if (
                not isinstance(cached, Provider)
                or cached.issuer != settings.oidc_issuer
                or now - cached.loaded_at > _DISCOVERY_SECONDS
            ):
                url = settings.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration"
                document = (await http.get(url)).raise_for_status().json()
                if document.get("issuer") != settings.oidc_issuer:
                    raise OidcUnavailable("le document de découverte nomme un autre émetteur")
                cached = Provider(settings.oidc_issuer, document, loaded_at=now)
                refresh_keys = True
            if (refresh_keys and now - cached.keys_at > _JWKS_REFRESH_SECONDS) or not cached.keys:
                jwks = (await http.get(cached.document["jwks_uri"])).raise_for_status().json()
                cached.keys = provider_keys(jwks)
                cached.keys_at = now
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            raise OidcUnavailable("le fournisseur d'identité ne répond pas comme attendu") from exc
    request.app.state.console_oidc = cached
    return cached


def _redirect_uri(request: Request, settings: Settings) -> str:
    return settings.oidc_redirect_uri or str(request.url_for("oidc_retour"))


def provider_origin(url: str) -> str:
    """``scheme://host[:port]`` of a provider's URL: the console's pages may post forms there (the CSP's
    ``form-action``, ``core/entetes.py``), since a sign-out form's redirect to it must be allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", parts.netloc):
        return ""  # nothing a policy could be made to say more with (no space, quote or semicolon)
    return f"{parts.scheme}://{parts.netloc}"


async def _end_session_url(request: Request, id_token: str, state: str) -> str | None:
    """The provider's ``end_session_endpoint`` with this sign-out's parameters, or None (no OIDC
    configured, the provider unreachable or offering none, or it lies on another origin than the issuer,
    where the CSP would not let the browser go): the person is then signed out of Prevex only."""
    settings = settings_of(request)
    if not (settings.oidc_issuer and settings.oidc_client_id):
        return None
    try:
        provider = await _provider(request)
    except OidcUnavailable:
        logger.warning("console sign-out: the OIDC provider is unreachable, signed out of Prevex only")
        return None
    endpoint = provider.document.get("end_session_endpoint")
    if not isinstance(endpoint, str) or provider_origin(endpoint) != provider_origin(settings.oidc_issuer):
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.oidc_client_id,
            "post_logout_redirect_uri": settings.oidc_post_logout_redirect_uri
            or str(request.url_for("connexion")),
            "state": state,
        }
    )
    return endpoint + ("&" if "?" in endpoint else "?") + query


def _refusal(request: Request, message: str, status_code: int = 403) -> Response:
    return _no_store(render(request, "connexion_refus.html", {"message": message}, status_code=status_code))


@router.get("/connexion/oidc")
async def connexion_oidc(
    request: Request, suivant: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    settings = settings_of(request)
    if not (settings.oidc_issuer and settings.oidc_client_id):
        return _refusal(
            request, "La connexion par un fournisseur d'identité n'est pas configurée sur ce serveur.", 404
        )
    try:
        provider = await _provider(request)
    except OidcUnavailable as exc:
        return _refusal(request, f"Connexion impossible pour le moment : {exc}.", 502)
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    now = datetime.now(UTC)
    async with _database(request).sessionmaker() as session, session.begin():
        await session.execute(
            delete(OidcEtat).where(OidcEtat.created_at < now - timedelta(minutes=OIDC_STATE_MINUTES))
        )
        session.add(
            OidcEtat(
                state_sha256=token_sha256(state),
                nonce=nonce,
                code_verifier=verifier,
                suivant=safe_next(suivant),
                created_at=now,
            )
        )
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.oidc_client_id,
            "redirect_uri": _redirect_uri(request, settings),
            "scope": settings.oidc_scopes,
            "state": state,
            "nonce": nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    endpoint = str(provider.document["authorization_endpoint"])
    response = RedirectResponse(endpoint + ("&" if "?" in endpoint else "?") + query, status_code=303)
    set_cookie(response, settings, OIDC_COOKIE, state, max_age=OIDC_STATE_MINUTES * 60)
    return _no_store(response)


async def _exchange(request: Request, provider: Provider, code: str, verifier: str) -> dict[str, Any]:
    settings = settings_of(request)
    secret = settings.oidc_client_secret.get_secret_value()
    methods = provider.document.get("token_endpoint_auth_methods_supported", ["client_secret_basic"])
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": _redirect_uri(request, settings),
        "code_verifier": verifier,
    }
    auth: httpx.BasicAuth | None = None
    if "client_secret_basic" in methods:
        auth = httpx.BasicAuth(settings.oidc_client_id, secret)
    else:
        data.update({"client_id": settings.oidc_client_id, "client_secret": secret})
    async with httpx.AsyncClient(timeout=10.0) as http:
        try:
            answer = await http.post(
                str(provider.document["token_endpoint"]), data=data, auth=auth or httpx.USE_CLIENT_DEFAULT
            )
        except httpx.HTTPError as exc:
            raise OidcUnavailable("le fournisseur d'identité ne répond pas") from exc
    if answer.status_code != 200:
        raise OidcUnavailable("le fournisseur d'identité a refusé l'échange du code")
    tokens: dict[str, Any] = answer.json()
    return tokens


async def _userinfo_email(
    request: Request, provider: Provider, access_token: str, subject: str
) -> str | None:
    """The email from the UserInfo endpoint (ProConnect gives it there, signed), when the ID token has none."""
    endpoint = provider.document.get("userinfo_endpoint")
    if not endpoint:
        return None
    settings = settings_of(request)
    async with httpx.AsyncClient(timeout=10.0) as http:
        try:
            answer = await http.get(str(endpoint), headers={"Authorization": f"Bearer {access_token}"})
        except httpx.HTTPError as exc:
            raise OidcUnavailable("le fournisseur d'identité ne répond pas") from exc
    if answer.status_code != 200:
        return None
    if answer.headers.get("content-type", "").startswith("application/jwt"):
        claims = decode_userinfo_jwt(
            answer.text.strip(), provider.keys, issuer=provider.issuer, client_id=settings.oidc_client_id
        )
    else:
        claims = answer.json()
    if claims.get("sub") != subject:
        raise TokenError("UserInfo is about another subject")
    email = claims.get("email")
    return email if isinstance(email, str) else None


@router.get("/oidc/retour", name="oidc_retour")
async def oidc_retour(
    request: Request,
    code: Annotated[str | None, Query(max_length=2000)] = None,
    state: Annotated[str | None, Query(max_length=200)] = None,
    error: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    settings = settings_of(request)
    if not (settings.oidc_issuer and settings.oidc_client_id):
        return _refusal(
            request, "La connexion par un fournisseur d'identité n'est pas configurée sur ce serveur.", 404
        )
    expected = request.cookies.get(cookie_name(settings, OIDC_COOKIE))
    if error:
        return _refusal(
            request, "Le fournisseur d'identité n'a pas confirmé votre connexion. Recommencez.", 401
        )
    if not code or not state or not expected or not secrets.compare_digest(state.encode(), expected.encode()):
        return _refusal(
            request,
            "Cette réponse de connexion ne correspond à aucune connexion commencée dans ce navigateur. Recommencez.",
            400,
        )
    now = datetime.now(UTC)
    async with _database(request).sessionmaker() as session, session.begin():
        pending = (
            await session.execute(
                delete(OidcEtat).where(OidcEtat.state_sha256 == token_sha256(state)).returning(OidcEtat)
            )
        ).scalar_one_or_none()
    if pending is None or now - pending.created_at > timedelta(minutes=OIDC_STATE_MINUTES):
        return _refusal(request, "Cette connexion a expiré ou a déjà servi. Recommencez.", 400)
    try:
        provider = await _provider(request)
        tokens = await _exchange(request, provider, code, pending.code_verifier)
        id_token = tokens.get("id_token")
        if not isinstance(id_token, str):
            raise TokenError("no ID token")
        if id_token_kid(id_token) not in provider.keys:
            provider = await _provider(request, refresh_keys=True)
        access_token = tokens.get("access_token") if isinstance(tokens.get("access_token"), str) else None
        claims = decode_id_token(
            id_token,
            provider.keys,
            issuer=provider.issuer,
            client_id=settings.oidc_client_id,
            nonce=pending.nonce,
            access_token=access_token,
        )
        email = claims.get("email") if isinstance(claims.get("email"), str) else None
        if email is None and access_token:
            email = await _userinfo_email(request, provider, access_token, claims["sub"])
        if claims.get("email_verified") is False:
            email = None
    except OidcUnavailable as exc:
        return _refusal(request, f"Connexion impossible pour le moment : {exc}.", 502)
    except TokenError as exc:
        logger.warning("console OIDC sign-in refused: %s", exc)  # the reason, never the token or a claim
        return _refusal(
            request, "La réponse du fournisseur d'identité n'a pas pu être vérifiée. Recommencez.", 401
        )
    async with _database(request).sessionmaker() as session, session.begin():
        user = await user_for_oidc(session, issuer=provider.issuer, subject=claims["sub"], email=email)
        partner = await session.get(Partner, user.partner_id) if user is not None else None
    if user is None or partner is None or partner.statut != "actif" or user.desactive_le is not None:
        return _refusal(
            request,
            "Aucun compte Prevex n'est ouvert pour cette identité. Demandez au secrétariat de votre CCAPEX "
            "de vous créer un compte avec votre adresse électronique professionnelle.",
        )
    response = RedirectResponse(pending.suivant, status_code=303)
    await open_session(request, response, user.id, "active", id_token=id_token)
    clear_cookie(response, settings, OIDC_COOKIE)
    return _no_store(response)


__all__ = ["console_user_of", "router"]
