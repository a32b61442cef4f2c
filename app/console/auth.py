"""Who is signed in to the console: a user of one partner, with a role in it.

The contract the pages rely on (``app/console/pages``): ``console_user`` is a FastAPI dependency that
returns the signed-in ``ConsoleUser`` of the request's session cookie, or sends a browser without one to
the sign-in page; ``csrf_token`` gives the value every form carries in its hidden ``csrf`` field, and
``check_csrf`` refuses a POST whose field does not match the session's.

Sessions live in the database (``console_sessions``), keyed by the SHA-256 of the random token the
cookie carries: ``__Host-prevex-session`` (HttpOnly, Secure, SameSite=Lax, Path=/), or
``prevex-session`` without Secure when ``PREVEX_CONSOLE_COOKIE_SECURE=false`` (plain-http loopback). A
session ends after ``PREVEX_CONSOLE_IDLE_MINUTES`` unused, ``PREVEX_CONSOLE_ABSOLUTE_HOURS`` after its
sign-in, at sign-out (its row deleted; after an OpenID Connect sign-in, the browser then signs out at the
provider too: ``app/console/connexion.py``), or when its user is deactivated or its partner revoked.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, cast
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import delete, select, update

from app.core.config import Settings, get_settings
from app.core.db import Database
from app.core.problems import ProblemException
from app.core.scopes import scopes_for_role
from app.core.security import Principal
from app.models.partner import Partner
from app.models.utilisateur import ConsoleSession, Utilisateur
from app.services.utilisateurs import TOTP_PENDING_MINUTES

Role = Literal["secretariat", "membre", "lecture"]

#: The ``client_id`` of the audit rows a console user writes (``user_id`` names the person).
CONSOLE_CLIENT_ID = "console"


@dataclass(frozen=True, slots=True)
class ConsoleUser:
    """A person signed in. ``principal`` is their partner's rights (kind, territories, the scopes their
    role allows), carrying the user's id for the audit: pages call the services with it as the API does."""

    user_id: uuid.UUID
    partner_id: uuid.UUID
    email: str  # shown on the page, never logged
    role: Role
    principal: Principal


# Settings and cookies -------------------------------------------------------------------------------


def settings_of(request: Request) -> Settings:
    """The app's settings (``create_app``'s, which tests choose), else the environment's."""
    found = getattr(request.app.state, "settings", None)
    return found if isinstance(found, Settings) else get_settings()


def cookie_name(settings: Settings, base: str = "prevex-session") -> str:
    """``__Host-`` names need Secure, Path=/ and no Domain: the browser then refuses the cookie from a
    sub-domain or over plain http."""
    return f"__Host-{base}" if settings.console_cookie_secure else base


def set_cookie(response: Response, settings: Settings, base: str, value: str, *, max_age: int | None) -> None:
    response.set_cookie(
        cookie_name(settings, base),
        value,
        max_age=max_age,
        path="/",
        secure=settings.console_cookie_secure,
        httponly=True,
        samesite="lax",
    )


def clear_cookie(response: Response, settings: Settings, base: str) -> None:
    response.delete_cookie(
        cookie_name(settings, base),
        path="/",
        secure=settings.console_cookie_secure,
        httponly=True,
        samesite="lax",
    )


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


# Sessions -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveSession:
    row: ConsoleSession
    user: Utilisateur
    partner: Partner


async def open_session(
    request: Request, response: Response, user_id: uuid.UUID, etape: str, *, id_token: str | None = None
) -> str:
    """A new session row for this user (``totp``: the password was right, the code is awaited; ``mdp``:
    the one-time password must be changed; ``active``: signed in) and its cookie on ``response``; an
    OpenID Connect sign-in keeps its ``id_token`` with it (for the sign-out at the provider). Returns the
    session's CSRF token. A new token at each step: a session id known before sign-in is never the
    signed-in one (no fixation)."""
    settings = settings_of(request)
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    async with _database(request).sessionmaker() as session, session.begin():
        session.add(
            ConsoleSession(
                id_sha256=token_sha256(token),
                utilisateur_id=user_id,
                etape=etape,
                csrf=csrf,
                created_at=now,
                vu_le=now,
                id_token=id_token,
            )
        )
    # The cookie lasts the browser's session; the server decides when the session ends.
    set_cookie(response, settings, "prevex-session", token, max_age=None)
    return csrf


async def end_session(request: Request) -> None:
    """Sign-out: the session's row deleted (the cookie, even kept, then opens nothing)."""
    token = request.cookies.get(cookie_name(settings_of(request)))
    if not token:
        return
    async with _database(request).sessionmaker() as session, session.begin():
        await session.execute(delete(ConsoleSession).where(ConsoleSession.id_sha256 == token_sha256(token)))


async def live_session(request: Request, etape: str = "active") -> LiveSession | None:
    """The request's session at ``etape``, if it is still alive: within the idle and absolute timeouts
    (an expired one is deleted), its user active, its partner not revoked. Its last use is recorded."""
    settings = settings_of(request)
    token = request.cookies.get(cookie_name(settings))
    if not token or len(token) > 100:
        return None
    ident = token_sha256(token)
    now = datetime.now(UTC)
    idle = timedelta(minutes=settings.console_idle_minutes)
    absolute = timedelta(hours=settings.console_absolute_hours)
    if etape in ("totp", "mdp"):
        absolute = min(absolute, timedelta(minutes=TOTP_PENDING_MINUTES))
    async with _database(request).sessionmaker() as session, session.begin():
        found = (
            await session.execute(
                select(ConsoleSession, Utilisateur, Partner)
                .join(Utilisateur, Utilisateur.id == ConsoleSession.utilisateur_id)
                .join(Partner, Partner.id == Utilisateur.partner_id)
                .where(ConsoleSession.id_sha256 == ident)
            )
        ).first()
        if found is None:
            return None
        row, user, partner = found
        if row.etape != etape:
            return None
        if (
            now - row.vu_le > idle
            or now - row.created_at > absolute
            or user.desactive_le is not None
            or partner.statut != "actif"
        ):
            await session.execute(delete(ConsoleSession).where(ConsoleSession.id_sha256 == ident))
            return None
        # The last use, written at most every minute (or every tenth of the idle timeout, if shorter).
        if now - row.vu_le > min(timedelta(minutes=1), idle / 10):
            await session.execute(
                update(ConsoleSession).where(ConsoleSession.id_sha256 == ident).values(vu_le=now)
            )
    return LiveSession(row, user, partner)


def console_user_of(live: LiveSession) -> ConsoleUser:
    user, partner = live.user, live.partner
    principal = Principal(
        partner_id=partner.id,
        kind=partner.kind,
        territoires=tuple(partner.territoires),
        scopes=scopes_for_role(partner.kind, user.role),
        client_id=CONSOLE_CLIENT_ID,
        user_id=user.id,
    )
    return ConsoleUser(
        user_id=user.id,
        partner_id=partner.id,
        email=user.email,
        role=cast(Role, user.role),
        principal=principal,
    )


def sign_in_redirect(request: Request) -> ProblemException:
    """303 to the sign-in page, with the page asked for as ``suivant``."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/console/connexion?suivant=" + quote(target, safe="")
    return ProblemException(
        303,
        "connexion-requise",
        "Connexion requise",
        "Cette page demande d'être connecté : la page de connexion suit.",
        headers={"Location": location, "Cache-Control": "no-store"},
    )


def safe_next(value: str | None) -> str:
    """Where to go after sign-in: ``value`` when it is a path under ``/console``, else ``/console``
    (never another site: no scheme, no ``//host``, no backslash, no control character)."""
    if not value or len(value) > 2000:
        return "/console"
    if any(ord(c) < 0x20 or c == "\\" for c in value) or value.startswith("//"):
        return "/console"
    path = value.split("?", 1)[0].split("#", 1)[0]
    if path != "/console" and not path.startswith("/console/"):
        return "/console"
    if "/../" in path + "/" or "/./" in path + "/" or "//" in path:
        return "/console"
    if any(escaped in path.lower() for escaped in ("%2e", "%2f", "%5c")):  # dots and slashes in disguise
        return "/console"
    return value


# The contract ---------------------------------------------------------------------------------------


async def console_user(request: Request) -> ConsoleUser:
    """The signed-in user, from the session cookie; without a live session, a redirect to sign-in."""
    known = getattr(request.state, "console_user", None)
    if isinstance(known, ConsoleUser):
        return known
    live = await live_session(request)
    if live is None:
        raise sign_in_redirect(request)
    user = console_user_of(live)
    request.state.console_user = user
    request.state.console_csrf = live.row.csrf
    return user


def csrf_token(request: Request) -> str:
    """The session's CSRF token, for the hidden ``csrf`` field of every form."""
    token = getattr(request.state, "console_csrf", None)
    if not isinstance(token, str):
        raise RuntimeError("csrf_token needs console_user first (the page's dependency)")
    return token


def csrf_refused(detail: str) -> ProblemException:
    return ProblemException(403, "csrf", "Requête refusée", detail)


async def form_csrf(request: Request) -> str | None:
    """The token a request carries: the ``X-CSRF-Token`` header (htmx), else the form's ``csrf`` field."""
    header = request.headers.get("x-csrf-token")
    if header:
        return header
    if request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get("csrf")
        return value if isinstance(value, str) else None
    return None


async def check_csrf(request: Request) -> None:
    """Refuse (403 problem) a state-changing request whose ``csrf`` form field is not the session's.

    Also refuses every change to a ``lecture`` user (403): that role reads only. Call it (as a
    dependency) on every POST of the pages; it signs the user in first if the page has not."""
    user = await console_user(request)
    token = await form_csrf(request)
    if not token or not secrets.compare_digest(token.encode(), csrf_token(request).encode()):
        raise csrf_refused(
            "Le jeton de sécurité du formulaire manque ou ne correspond pas à votre session : rechargez la page et recommencez."
        )
    if user.role == "lecture":
        raise ProblemException(
            403,
            "interdit",
            "Action non permise",
            "Votre rôle (lecture) permet de consulter, pas de modifier.",
        )
