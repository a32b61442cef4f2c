"""Every line of JWT code in Prevex lives here (python-jose, RS256 only).

Signing keys are stored encrypted (``core/crypto.py``, Fernet with ``PREVEX_ENCRYPTION_KEYS``): a key
written in clear by an older version is encrypted at the next start (:func:`ensure_signing_key`).

Access tokens are short-lived RS256 JWTs with ``iss``, ``aud``, ``exp``, ``iat``, ``nbf``, ``jti``,
``sub`` (partner id), ``kind``, ``territoires`` and ``scope``. Decoding always names the algorithm,
requires a known ``kid`` and checks the header's ``alg`` before anything else, so ``alg: none`` and
HS256-signed-with-the-public-key tokens are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt
from jose.backends.base import Key
from jose.exceptions import ExpiredSignatureError, JOSEError, JWTClaimsError
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.crypto import decrypt, encrypt, is_encrypted, reencrypt
from app.models.signing_key import SigningKey

ALGORITHM = "RS256"
# A token past this size is refused before it is parsed (ours are about 1 KB; a partner with every scope
# stays well below 4 KB): a stretched token costs no base64 decoding, JSON parsing or RSA verification.
MAX_TOKEN_BYTES = 8192
_KEY_REFRESH_SECONDS = 60.0
_UNKNOWN_KID_REFRESH_SECONDS = 5.0


class TokenError(Exception):
    """A token that must not be accepted. The message is safe to show to the caller."""


# Client secrets -------------------------------------------------------------------------------------


def new_client_id() -> str:
    return "pvx_" + secrets.token_hex(12)


def new_client_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, expected_sha256: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), expected_sha256)


# Keys -----------------------------------------------------------------------------------------------


def generate_signing_key() -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    kid = datetime.now(UTC).strftime("%Y%m%d%H%M%S-") + secrets.token_hex(4)
    public_jwk = jwk.construct(public_pem, ALGORITHM).to_dict()
    public_jwk = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in public_jwk.items()}
    public_jwk.update({"kid": kid, "use": "sig", "alg": ALGORITHM})
    return SigningKey(kid=kid, private_pem=encrypt(pem), public_jwk=public_jwk)


def private_pem(key: SigningKey) -> str:
    """The key's private PEM, decrypted (or as stored, for a row written in clear before encryption)."""
    return decrypt(key.private_pem) if is_encrypted(key.private_pem) else key.private_pem


async def encrypt_signing_keys(session: AsyncSession, *, rotate: bool = False) -> int:
    """Encrypt the keys stored in clear (older versions); with ``rotate``, encrypt every key again with
    the first of ``PREVEX_ENCRYPTION_KEYS``. The count of rows changed."""
    changed = 0
    for key in (await session.scalars(select(SigningKey).with_for_update())).all():
        if not is_encrypted(key.private_pem):
            key.private_pem = encrypt(key.private_pem)
        elif rotate:
            key.private_pem = reencrypt(key.private_pem)
        else:
            continue
        changed += 1
    await session.flush()
    return changed


#: Held by a starting server while it looks for (and maybe creates) the signing key: concurrent first
#: starts (``prevex serve --workers N``) make one key, not one each that the others learn of only at
#: their next reload (meanwhile refusing the tokens their siblings signed: 401).
SIGNING_KEY_LOCK = int.from_bytes(hashlib.sha256(b"prevex:signing-key").digest()[:8], "big", signed=True)


async def ensure_signing_key(session: AsyncSession) -> None:
    """First start: create a key, one whoever starts at the same time (a lock for the transaction).
    Keys stored in clear by an older version are encrypted."""
    await session.execute(select(func.pg_advisory_xact_lock(SIGNING_KEY_LOCK)))
    if await session.scalar(select(SigningKey.kid).where(~SigningKey.private_pem.startswith("gAAAAA"))):
        await encrypt_signing_keys(session)
    now = datetime.now(UTC)
    active = await session.scalar(
        select(SigningKey.kid).where((SigningKey.retire_after.is_(None)) | (SigningKey.retire_after > now))
    )
    if active is None:
        session.add(generate_signing_key())
        await session.flush()


async def rotate_signing_key(session: AsyncSession, grace: timedelta) -> SigningKey:
    """A new key signs from now on; the previous ones stay published for ``grace`` (≥ token lifetime)."""
    now = datetime.now(UTC)
    await session.execute(
        update(SigningKey).where(SigningKey.retire_after.is_(None)).values(retire_after=now + grace)
    )
    key = generate_signing_key()
    session.add(key)
    await session.flush()
    return key


@dataclass
class KeyRing:
    """Keys cached in memory, reloaded every minute (and on an unknown ``kid``, at most every 5 s)."""

    signing_kid: str | None = None
    signing_key: Key | None = None
    public: dict[str, Key] = field(default_factory=dict)
    jwks: dict[str, Any] = field(default_factory=lambda: {"keys": []})
    loaded_at: float = 0.0
    _signer_source: tuple[str, str] | None = None  # the signer's kid and stored PEM, as last constructed

    async def load(self, session: AsyncSession) -> None:
        now = datetime.now(UTC)
        rows = (
            await session.scalars(
                select(SigningKey)
                .where((SigningKey.retire_after.is_(None)) | (SigningKey.retire_after > now))
                .order_by(SigningKey.created_at.desc(), SigningKey.kid.desc())
            )
        ).all()
        self.public = {row.kid: jwk.construct(row.public_jwk, ALGORITHM) for row in rows}
        self.jwks = {"keys": [row.public_jwk for row in rows]}
        signer = next((row for row in rows if row.retire_after is None), rows[0] if rows else None)
        if signer is not None and (signer.kid, signer.private_pem) != self._signer_source:
            # Loading an RSA private key checks it (~50-60 ms of CPU here, in the event loop): only when
            # the signer changed, not at every minute's reload (a pause of every request in flight).
            self.signing_kid = signer.kid
            self.signing_key = jwk.construct(private_pem(signer), ALGORITHM)
            self._signer_source = (signer.kid, signer.private_pem)
        self.loaded_at = time.monotonic()

    def stale(self, *, unknown_kid: bool = False) -> bool:
        age = time.monotonic() - self.loaded_at
        return age > (_UNKNOWN_KID_REFRESH_SECONDS if unknown_kid else _KEY_REFRESH_SECONDS)


# Tokens ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Principal:
    """Who is calling, as the token says."""

    partner_id: uuid.UUID
    kind: str
    territoires: tuple[str, ...]
    scopes: frozenset[str]
    client_id: str
    expires_at: int = 0  # the token's ``exp`` (epoch seconds), when it comes from a token
    user_id: uuid.UUID | None = None  # the person signed in to the console, when it is one (the audit's)


def issue_token(ring: KeyRing, principal: Principal, *, issuer: str, audience: str, ttl_seconds: int) -> str:
    if ring.signing_key is None or ring.signing_kid is None:
        raise RuntimeError("no signing key loaded")
    now = int(time.time())
    claims = {
        "iss": issuer,
        "aud": audience,
        "sub": str(principal.partner_id),
        "client_id": principal.client_id,
        "kind": principal.kind,
        "territoires": list(principal.territoires),
        "scope": " ".join(sorted(principal.scopes)),
        "iat": now,
        "nbf": now,
        "exp": now + ttl_seconds,
        "jti": uuid.uuid4().hex,
    }
    token: str = jwt.encode(claims, ring.signing_key, algorithm=ALGORITHM, headers={"kid": ring.signing_kid})
    return token


def token_kid(token: str) -> str:
    """The header's ``kid``, after refusing an oversized token and any algorithm but RS256. Every other
    header (``jku``, ``x5u``, ``jwk``, ``x5c``…) is ignored: keys come from the key ring, never from the
    token."""
    if len(token) > MAX_TOKEN_BYTES:
        raise TokenError("token too large")
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError as exc:
        raise TokenError("malformed token") from exc
    if header.get("alg") != ALGORITHM:
        raise TokenError("token algorithm not accepted")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise TokenError("token has no key id")
    return kid


def decode_token(
    token: str, key: Key, *, issuer: str, audience: str, max_lifetime_seconds: int = 3600
) -> Principal:
    """The token's claims, checked: signature, ``exp``, ``nbf``, ``iss``, ``aud`` (python-jose), an
    ``iat`` not in the future and a lifetime (``exp - iat``) no longer than the server ever gives."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
                "leeway": 0,
            },
        )
    except ExpiredSignatureError as exc:
        raise TokenError("token expired") from exc
    except JWTClaimsError as exc:
        raise TokenError("token claims not accepted (issuer or audience)") from exc
    except JOSEError as exc:  # a bad signature, or a required claim (exp, iat, sub...) missing
        raise TokenError("token signature or claims not valid") from exc
    try:
        principal = Principal(
            partner_id=uuid.UUID(claims["sub"]),
            kind=str(claims["kind"]),
            territoires=tuple(str(t) for t in claims["territoires"]),
            scopes=frozenset(str(claims.get("scope", "")).split()),
            client_id=str(claims["client_id"]),
            expires_at=int(claims["exp"]),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise TokenError("token claims incomplete") from exc
    issued_at = claims["iat"]
    if not isinstance(issued_at, int) or issued_at > time.time():
        raise TokenError("token issued in the future")
    if principal.expires_at - issued_at > max_lifetime_seconds:
        raise TokenError("token lifetime too long")
    return principal


# OpenID Connect ID tokens (the console's sign-in) ----------------------------------------------------


#: A provider's signing keys by ``kid`` (what :func:`provider_keys` makes of its JWKS).
ProviderKeys = dict[str, Key]


def provider_keys(jwks: dict[str, Any]) -> ProviderKeys:
    """The RS256 signing keys of a provider's JWKS document, by ``kid`` (others are ignored)."""
    keys: dict[str, Key] = {}
    for entry in jwks.get("keys", []):
        if not isinstance(entry, dict) or entry.get("kty") != "RSA":
            continue
        if entry.get("use", "sig") != "sig" or entry.get("alg", ALGORITHM) != ALGORITHM:
            continue
        try:
            keys[str(entry.get("kid", ""))] = jwk.construct(entry, ALGORITHM)
        except JOSEError:
            continue
    return keys


def id_token_kid(token: str) -> str:
    """The header's ``kid`` (``""`` when absent), after refusing an oversized token and every algorithm
    but RS256 (``none``, HS256 signed with a public key…)."""
    if len(token) > MAX_TOKEN_BYTES:
        raise TokenError("ID token too large")
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError as exc:
        raise TokenError("malformed ID token") from exc
    if header.get("alg") != ALGORITHM:
        raise TokenError("ID token algorithm not accepted")
    kid = header.get("kid", "")
    return kid if isinstance(kid, str) else ""


def _provider_key(token: str, keys: dict[str, Key], what: str) -> Key:
    """The provider's key that signed ``token`` (RS256 only): by the header's ``kid``, or the one key of
    the JWKS when the header names none."""
    kid = id_token_kid(token)
    key = keys.get(kid) if kid else (next(iter(keys.values())) if len(keys) == 1 else None)
    if key is None:
        raise TokenError(f"{what} signed by an unknown key")
    return key


def decode_id_token(
    token: str,
    keys: dict[str, Key],
    *,
    issuer: str,
    client_id: str,
    nonce: str,
    access_token: str | None = None,
    max_age_seconds: int = 600,
) -> dict[str, Any]:
    """An ID token's claims (OpenID Connect Core §3.1.3.7), checked: RS256 only (named), the key by
    ``kid`` from the provider's JWKS (the one key when the header names none), the signature, ``iss``,
    ``aud`` (our client id; ``azp`` too when several audiences), ``exp``, ``iat`` (not in the future,
    not older than ``max_age_seconds``), ``sub``, the ``nonce`` we sent, and ``at_hash`` when present."""
    key = _provider_key(token, keys, "ID token")
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            audience=client_id,
            issuer=issuer,
            access_token=access_token,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
                "verify_at_hash": access_token is not None,
                "leeway": 30,
            },
        )
    except ExpiredSignatureError as exc:
        raise TokenError("ID token expired") from exc
    except JWTClaimsError as exc:
        raise TokenError("ID token claims not accepted (issuer, audience or at_hash)") from exc
    except JOSEError as exc:
        raise TokenError("ID token signature or claims not valid") from exc
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise TokenError("ID token authorised party is not this client")
    sent = claims.get("nonce")
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), nonce.encode()):
        raise TokenError("ID token nonce is not the one sent")
    issued_at = claims["iat"]
    now = time.time()
    if not isinstance(issued_at, int) or issued_at > now + 30 or issued_at < now - max_age_seconds:
        raise TokenError("ID token issued in the future or too long ago")
    if not isinstance(claims["sub"], str) or not claims["sub"]:
        raise TokenError("ID token has no subject")
    return claims


def decode_userinfo_jwt(token: str, keys: dict[str, Key], *, issuer: str, client_id: str) -> dict[str, Any]:
    """A signed UserInfo response (``application/jwt``, as ProConnect answers): RS256 only, the
    provider's key, ``iss`` and ``aud`` when present."""
    key = _provider_key(token, keys, "UserInfo")
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            audience=client_id,
            issuer=issuer,
            options={"verify_aud": True, "verify_iss": True, "leeway": 30},
        )
    except JOSEError as exc:
        raise TokenError("UserInfo signature or claims not valid") from exc
    return claims
