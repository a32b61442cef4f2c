"""The console's people: creating a user (``prevex users create``), checking a password and a TOTP code,
and finding the user an OpenID Connect identity belongs to (docs/console-comptes.md).

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's second recommended profile);
TOTP secrets (RFC 6238, 30 s, 6 digits, pyotp) are stored encrypted with the project's Fernet keys
(``core/crypto.py``), and a code is accepted once (the last accepted time step is kept)."""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.crypto import decrypt, encrypt
from app.core.scopes import ROLES
from app.models.partner import Partner
from app.models.utilisateur import ConsoleSession, Utilisateur

TOTP_ISSUER = "Prevex"
#: Between the password and the TOTP code: this long to type the code.
TOTP_PENDING_MINUTES = 5
_HASHER = PasswordHasher()
# Verified when the email is unknown, so that an unknown account costs the same time as a wrong password.
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


class UserInputError(ValueError):
    """A user that cannot be created as asked (the message says why, in English, for the CLI)."""


@dataclass(frozen=True)
class CreatedUser:
    user: Utilisateur
    partner: Partner
    password: str  # shown once
    totp_uri: str  # otpauth://totp/…, shown once (a QR code of it enrols an authenticator app)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def new_password() -> str:
    """A one-time initial password: 20 random characters (about 120 bits)."""
    return secrets.token_urlsafe(15)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(password: str, hashed: str | None) -> bool:
    """Constant work whether or not the account has a password (argon2id either way)."""
    try:
        return _HASHER.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def totp_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=TOTP_ISSUER)


async def create_user(session: AsyncSession, *, partner: str, email: str, role: str) -> CreatedUser:
    """A local account: ``partner`` is the partner's id; the password and the TOTP secret are made here."""
    if role not in ROLES:
        raise UserInputError(f"unknown role {role!r} (one of {', '.join(ROLES)})")
    address = normalise_email(email)
    if "@" not in address or len(address) > 254 or any(c.isspace() for c in address):
        raise UserInputError("not an email address")
    try:
        partner_id = uuid.UUID(partner)
    except ValueError as exc:
        raise UserInputError("--partner must be a partner id (see `prevex partners list`)") from exc
    found = await session.get(Partner, partner_id)
    if found is None:
        raise UserInputError("no such partner")
    if found.statut != "actif":
        raise UserInputError("this partner is revoked")
    if await session.scalar(select(Utilisateur.id).where(Utilisateur.email == address)) is not None:
        raise UserInputError("a user with this email already exists")
    password = new_password()
    secret = pyotp.random_base32()
    user = Utilisateur(
        id=uuid.uuid4(),
        partner_id=found.id,
        email=address,
        role=role,
        mot_de_passe=hash_password(password),
        totp_secret=encrypt(secret),
    )
    session.add(user)
    await session.flush()
    return CreatedUser(user, found, password, totp_uri(secret, address))


async def accept_totp(
    session: AsyncSession, user: Utilisateur, code: str, *, at: float | None = None
) -> bool:
    """Whether ``code`` is the user's current TOTP code (the previous or next 30 s step allowed for clock
    drift), never accepting a step already used: the step is recorded, in the caller's transaction."""
    if user.totp_secret is None:
        return False
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(decrypt(user.totp_secret))
    now = time.time() if at is None else at
    for offset in (0, -1, 1):
        moment = datetime.fromtimestamp(now + offset * totp.interval, UTC)
        step = totp.timecode(moment)
        if secrets.compare_digest(totp.at(moment), code):
            if user.totp_dernier_pas is not None and step <= user.totp_dernier_pas:
                return False  # replayed
            # Conditional: two requests with the same code, at the same time, cannot both win.
            result = await session.execute(
                update(Utilisateur)
                .where(
                    Utilisateur.id == user.id,
                    (Utilisateur.totp_dernier_pas.is_(None)) | (Utilisateur.totp_dernier_pas < step),
                )
                .values(totp_dernier_pas=step)
            )
            return bool(getattr(result, "rowcount", 0))
    return False


async def user_for_oidc(
    session: AsyncSession, *, issuer: str, subject: str, email: str | None
) -> Utilisateur | None:
    """The user an OIDC identity belongs to: the one bound to it, else (first sign-in) the user created
    with this email who has no OIDC identity yet, which is then bound to it. None: no such user (no
    self-registration)."""
    bound = await session.scalar(
        select(Utilisateur).where(Utilisateur.oidc_issuer == issuer, Utilisateur.oidc_subject == subject)
    )
    if bound is not None:
        return bound
    if not email:
        return None
    user = await session.scalar(
        select(Utilisateur)
        .where(Utilisateur.email == normalise_email(email), Utilisateur.oidc_subject.is_(None))
        .with_for_update()
    )
    if user is None:
        return None
    user.oidc_issuer = issuer
    user.oidc_subject = subject
    await session.flush()
    return user


async def disable_user(session: AsyncSession, email: str) -> bool:
    """Deactivate the user with this email and end their sessions at once. False: no such user."""
    user = await session.scalar(
        select(Utilisateur).where(Utilisateur.email == normalise_email(email)).with_for_update()
    )
    if user is None:
        return False
    user.desactive_le = user.desactive_le or datetime.now(UTC)
    await session.execute(delete(ConsoleSession).where(ConsoleSession.utilisateur_id == user.id))
    await session.flush()
    return True


async def reset_user(session: AsyncSession, email: str) -> CreatedUser | None:
    """A new one-time password and TOTP secret for this user (lost), their sessions ended, and active
    again if they had been deactivated. None: no such user."""
    user = await session.scalar(
        select(Utilisateur).where(Utilisateur.email == normalise_email(email)).with_for_update()
    )
    if user is None:
        return None
    partner = await session.get(Partner, user.partner_id)
    assert partner is not None
    password, secret = new_password(), pyotp.random_base32()
    user.mot_de_passe = hash_password(password)
    user.totp_secret = encrypt(secret)
    user.totp_dernier_pas = None
    user.desactive_le = None
    user.mot_de_passe_a_changer = True
    await session.execute(delete(ConsoleSession).where(ConsoleSession.utilisateur_id == user.id))
    await session.flush()
    return CreatedUser(user, partner, password, totp_uri(secret, user.email))


async def purge_sessions(
    conn: Any, *, idle_minutes: float, absolute_hours: float, oidc_minutes: int = 10
) -> int:
    """Delete the console sessions past their idle or absolute timeout (those nobody came back to: a
    returning browser's expired session is deleted at once) and the OIDC sign-ins never finished.
    ``conn``: an asyncpg connection. Returns how many sessions went."""
    sessions = await conn.execute(
        "DELETE FROM console_sessions WHERE vu_le < now() - make_interval(secs => $1) "
        "OR created_at < now() - make_interval(secs => $2) "
        "OR (etape = 'totp' AND created_at < now() - make_interval(mins => $3))",
        idle_minutes * 60,
        absolute_hours * 3600,
        TOTP_PENDING_MINUTES,
    )
    await conn.execute(
        "DELETE FROM console_oidc_etats WHERE created_at < now() - make_interval(mins => $1)", oidc_minutes
    )
    return int(sessions.split()[-1])


MOT_DE_PASSE_MIN = 12


async def change_password(
    session: AsyncSession, user_id: uuid.UUID, actuel: str, nouveau: str, confirmation: str
) -> str | None:
    """The user's own change of password: None when done (the new one hashed, no longer to change), else
    why not, in French for the page. The caller ends the user's other sessions."""
    user = await session.get(Utilisateur, user_id, with_for_update=True)
    if user is None:
        return "Compte introuvable."
    if not password_matches(actuel, user.mot_de_passe):
        return "Le mot de passe actuel est incorrect."
    if len(nouveau) < MOT_DE_PASSE_MIN:
        return f"Le nouveau mot de passe doit compter au moins {MOT_DE_PASSE_MIN} caractères."
    if nouveau != confirmation:
        return "La confirmation ne correspond pas au nouveau mot de passe."
    if nouveau == actuel:
        return "Le nouveau mot de passe doit être différent de l'actuel."
    user.mot_de_passe = hash_password(nouveau)
    user.mot_de_passe_a_changer = False
    await session.flush()
    return None


async def end_other_sessions(session: AsyncSession, user_id: uuid.UUID, keep_sha256: str | None) -> None:
    query = delete(ConsoleSession).where(ConsoleSession.utilisateur_id == user_id)
    if keep_sha256 is not None:
        query = query.where(ConsoleSession.id_sha256 != keep_sha256)
    await session.execute(query)
