"""The JWT attack suite (issue 10, item 6): every forged, replayed or stretched token is a 401 problem.

Each attack builds its token by hand (header, claims, signature) so that nothing in Prevex's own JWT
code (``core/security.py``) helps the attacker: the real signing key is used only where the attack is
"the real key, but a claim or a header the server must refuse"."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from fastapi import FastAPI

from app.core.config import get_settings
from app.core.security import KeyRing, rotate_signing_key
from app.models.signing_key import SigningKey
from app.services.partners import find_partner, revoke_partner
from tests.factories import PartnerCreds, make_partner

CHALLENGE = 'Bearer realm="prevex", error="invalid_token"'


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segment(obj: dict[str, Any]) -> str:
    return _b64(json.dumps(obj, separators=(",", ":")).encode())


def _sign(header: dict[str, Any], claims: dict[str, Any], key: Any) -> str:
    """A compact JWS of ``claims`` signed as ``header["alg"]`` says, with ``key`` (a cryptography private
    key, or bytes for HMAC; ignored for ``none``)."""
    signing_input = f"{_segment(header)}.{_segment(claims)}".encode()
    alg = header["alg"]
    if alg.lower() == "none":
        return signing_input.decode() + "."
    if alg.startswith("HS"):
        digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
        signature = hmac.new(key, signing_input, digest).digest()
    elif alg.startswith("RS"):
        algorithm = {"RS256": hashes.SHA256(), "RS512": hashes.SHA512()}[alg]
        signature = key.sign(signing_input, padding.PKCS1v15(), algorithm)
    elif alg.startswith("PS"):
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=hashes.SHA256().digest_size)
        signature = key.sign(signing_input, pss, hashes.SHA256())
    elif alg == "ES256":
        r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    else:  # pragma: no cover (a typo in a test)
        raise ValueError(alg)
    return f"{signing_input.decode()}.{_b64(signature)}"


def _real_private_key(ring: KeyRing) -> rsa.RSAPrivateKey:
    assert ring.signing_key is not None
    key = serialization.load_pem_private_key(ring.signing_key.to_pem(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def _claims(p: PartnerCreds, **changes: Any) -> dict[str, Any]:
    settings = get_settings()
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": str(p.partner_id),
        "client_id": p.client_id,
        "kind": p.kind,
        "territoires": list(p.territoires),
        "scope": "dossiers:lire",
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
    }
    for name, value in changes.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return claims


async def _refused(client: httpx.AsyncClient, token: str, name: str) -> None:
    response = await client.get("/v1/partenaires/moi", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401, (name, response.status_code, response.text[:200])
    assert response.headers["content-type"] == "application/problem+json", name
    assert response.headers["www-authenticate"] == CHALLENGE, name
    body = response.json()
    assert body["status"] == 401 and body["type"] and body["title"], name
    assert "Traceback" not in response.text, name


async def _accepted(client: httpx.AsyncClient, token: str) -> None:
    response = await client.get("/v1/partenaires/moi", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text


@pytest.fixture
async def partner(app: FastAPI, client: httpx.AsyncClient) -> PartnerCreds:
    return await make_partner(app, client, kind="commissaire_justice", territoires=("93",))


async def test_the_controls_are_accepted(
    app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds
) -> None:
    """The hand-built token with the real key and the real kid is accepted: every refusal below is the
    server's, not the suite's mistake."""
    ring: KeyRing = app.state.keyring
    header = {"alg": "RS256", "typ": "JWT", "kid": ring.signing_kid}
    await _accepted(client, _sign(header, _claims(partner), _real_private_key(ring)))
    await _accepted(client, partner.token)


async def test_algorithm_attacks(app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds) -> None:
    ring: KeyRing = app.state.keyring
    kid = ring.signing_kid
    real = _real_private_key(ring)
    public_pem = real.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    public_der = real.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    public_jwk = json.dumps(ring.jwks["keys"][0]).encode()
    attacker_ec = ec.generate_private_key(ec.SECP256R1())
    claims = _claims(partner)
    attacks: list[tuple[str, str]] = [
        (f"alg {alg!r}", _sign({"alg": alg, "kid": kid, "typ": "JWT"}, claims, None))
        for alg in ("none", "None", "NONE", "nOnE")
    ]
    attacks += [
        (
            "alg none with the real signature",
            _sign({"alg": "none", "kid": kid}, claims, None) + partner.token.split(".")[2],
        ),
        (
            "no alg",
            _sign({"alg": "RS256", "kid": kid}, claims, real).replace(
                _segment({"alg": "RS256", "kid": kid}), _segment({"kid": kid})
            ),
        ),
        ("HS256 with the public PEM as secret", _sign({"alg": "HS256", "kid": kid}, claims, public_pem)),
        (
            "HS256 with the public PEM, no trailing newline",
            _sign({"alg": "HS256", "kid": kid}, claims, public_pem.strip()),
        ),
        ("HS256 with the public DER as secret", _sign({"alg": "HS256", "kid": kid}, claims, public_der)),
        ("HS256 with the JWKS entry as secret", _sign({"alg": "HS256", "kid": kid}, claims, public_jwk)),
        ("HS512 with the public PEM", _sign({"alg": "HS512", "kid": kid}, claims, public_pem)),
        ("RS512 with the real key", _sign({"alg": "RS512", "kid": kid}, claims, real)),
        ("PS256 with the real key", _sign({"alg": "PS256", "kid": kid}, claims, real)),
        ("ES256 with an attacker's key", _sign({"alg": "ES256", "kid": kid}, claims, attacker_ec)),
        (
            "alg as a list",
            _sign({"alg": "RS256", "kid": kid}, claims, real).replace(
                _segment({"alg": "RS256", "kid": kid}), _segment({"alg": ["RS256"], "kid": kid})
            ),
        ),
    ]
    for name, token in attacks:
        await _refused(client, token, name)


async def test_key_id_and_embedded_key_attacks(
    app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds
) -> None:
    ring: KeyRing = app.state.keyring
    kid = ring.signing_kid
    real = _real_private_key(ring)
    attacker = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attacker_public = attacker.public_key().public_numbers()
    attacker_jwk = {
        "kty": "RSA",
        "kid": "attacker",
        "alg": "RS256",
        "n": _b64(attacker_public.n.to_bytes(256, "big")),
        "e": _b64(attacker_public.e.to_bytes(3, "big")),
    }
    claims = _claims(partner)
    attacks: list[tuple[str, str]] = [
        ("no kid", _sign({"alg": "RS256", "typ": "JWT"}, claims, real)),
        ("empty kid", _sign({"alg": "RS256", "kid": ""}, claims, real)),
        ("kid not a string", _sign({"alg": "RS256", "kid": 1}, claims, real)),
        ("kid as a list", _sign({"alg": "RS256", "kid": [kid]}, claims, real)),
        ("unknown kid", _sign({"alg": "RS256", "kid": "20990101000000-deadbeef"}, claims, real)),
        ("kid path traversal", _sign({"alg": "RS256", "kid": "../../../../dev/null"}, claims, attacker)),
        ("kid SQL", _sign({"alg": "RS256", "kid": "x' OR '1'='1"}, claims, attacker)),
        ("attacker key, real kid", _sign({"alg": "RS256", "kid": kid}, claims, attacker)),
        (
            "embedded jwk, real kid",
            _sign({"alg": "RS256", "kid": kid, "jwk": attacker_jwk}, claims, attacker),
        ),
        (
            "embedded jwk, its kid",
            _sign({"alg": "RS256", "kid": "attacker", "jwk": attacker_jwk}, claims, attacker),
        ),
        (
            "jku to the attacker",
            _sign(
                {"alg": "RS256", "kid": "attacker", "jku": "https://attacker.example/jwks.json"},
                claims,
                attacker,
            ),
        ),
        (
            "jku, real kid",
            _sign(
                {"alg": "RS256", "kid": kid, "jku": "https://attacker.example/jwks.json"}, claims, attacker
            ),
        ),
        (
            "x5u to the attacker",
            _sign({"alg": "RS256", "kid": kid, "x5u": "https://attacker.example/cert.pem"}, claims, attacker),
        ),
        ("x5c of the attacker", _sign({"alg": "RS256", "kid": kid, "x5c": ["MIIB"]}, claims, attacker)),
    ]
    for name, token in attacks:
        await _refused(client, token, name)
    # Ignored means ignored: the real key's token stays valid whatever these headers say (the server
    # fetched nothing and trusted nothing they carry).
    for extra in (
        {"jku": "https://attacker.example/jwks.json"},
        {"x5u": "https://attacker.example/c"},
        {"jwk": attacker_jwk},
    ):
        await _accepted(client, _sign({"alg": "RS256", "kid": kid, **extra}, claims, real))


async def test_time_and_audience_attacks(
    app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds
) -> None:
    ring: KeyRing = app.state.keyring
    real = _real_private_key(ring)
    header = {"alg": "RS256", "kid": ring.signing_kid}
    now = int(time.time())

    def signed(**changes: Any) -> str:
        return _sign(header, _claims(partner, **changes), real)

    attacks: list[tuple[str, str]] = [
        ("expired", signed(exp=now - 1)),
        ("expired long ago", signed(iat=now - 86_400, nbf=now - 86_400, exp=now - 86_000)),
        ("no exp", signed(exp=None)),
        ("exp not a number", signed(exp="tomorrow")),
        ("not yet valid (nbf)", signed(nbf=now + 120)),
        ("issued in the future (iat)", signed(iat=now + 120, nbf=now)),
        ("issued in the future, no nbf", signed(iat=now + 3600, nbf=None)),
        ("no iat", signed(iat=None)),
        ("lifetime beyond the server's", signed(exp=now + 365 * 86_400)),
        ("wrong iss", signed(iss="someone-else")),
        ("no iss", signed(iss=None)),
        ("wrong aud", signed(aud="another-api")),
        ("aud list without ours", signed(aud=["another-api"])),
        ("no aud", signed(aud=None)),
        ("no sub", signed(sub=None)),
        ("sub not a uuid", signed(sub="admin")),
        ("no kind", signed(kind=None)),
        ("no territoires", signed(territoires=None)),
    ]
    for name, token in attacks:
        await _refused(client, token, name)


async def test_tampered_payload_with_the_original_signature(
    app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds
) -> None:
    head, payload, signature = partner.token.split(".")
    original = json.loads(base64.urlsafe_b64decode(payload + "=="))
    changes: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
        ("scopes escalated", lambda c: c.update(scope=c["scope"] + " audit:lire partenaires:gerer")),
        ("territories widened", lambda c: c.update(territoires=["75", "77", "93"])),
        ("kind changed", lambda c: c.update(kind="ccapex")),
        ("sub swapped", lambda c: c.update(sub=str(uuid.uuid4()))),
        ("exp pushed", lambda c: c.update(exp=c["exp"] + 86_400)),
    ]
    for name, change in changes:
        claims = dict(original)
        change(claims)
        await _refused(client, f"{head}.{_segment(claims)}.{signature}", name)
    # The same bytes re-encoded differently (padding, whitespace) are other bytes: refused too.
    spaced = _b64(json.dumps(original, indent=1).encode())
    await _refused(client, f"{head}.{spaced}.{signature}", "payload re-serialised")
    await _refused(client, f"{head}.{payload}.{signature[:-4]}AAAA", "signature altered")
    await _refused(client, f"{head}.{payload}.", "signature removed")
    await _refused(client, f"{head}.{payload}", "two segments")
    await _refused(client, f"{head}.{payload}.{signature}.{signature}", "four segments")


async def test_tokens_of_a_gone_partner_or_a_revoked_key(
    app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds
) -> None:
    ring: KeyRing = app.state.keyring
    real = _real_private_key(ring)
    header = {"alg": "RS256", "kid": ring.signing_kid}
    # A partner that does not exist (deleted, or never was), signed with the real key.
    await _refused(client, _sign(header, _claims(partner, sub=str(uuid.uuid4())), real), "unknown partner")

    # A disabled partner: its token, verified before, stops working (the status cache elapsed).
    other = await make_partner(app, client, kind="bailleur_social")
    await _accepted(client, other.token)
    async with app.state.database.sessionmaker() as session, session.begin():
        found = await find_partner(session, other.client_id)
        assert found is not None
        await revoke_partner(session, found)
    app.state.partner_status.clear()  # the 5-second status cache, elapsed
    await _refused(client, other.token, "disabled partner")

    # A revoked signing key (retired at once, e.g. compromised): its tokens, already verified and
    # cached, are refused once the key ring has reloaded (the minute's reload, elapsed here).
    await _accepted(client, partner.token)
    old_kid = ring.signing_kid
    async with app.state.database.sessionmaker() as session, session.begin():
        await rotate_signing_key(session, timedelta(0))
    ring.loaded_at = 0.0
    try:
        await _refused(client, partner.token, "revoked key, cached token")
        await _refused(
            client, _sign({"alg": "RS256", "kid": old_kid}, _claims(partner), real), "revoked key, new token"
        )
    finally:
        async with app.state.database.sessionmaker() as session, session.begin():
            row = await session.get(SigningKey, old_kid)
            assert row is not None
            row.retire_after = None  # the other tests' tokens were signed with it
        ring.loaded_at = 0.0


async def test_oversized_tokens(app: FastAPI, client: httpx.AsyncClient, partner: PartnerCreds) -> None:
    ring: KeyRing = app.state.keyring
    real = _real_private_key(ring)
    header = {"alg": "RS256", "kid": ring.signing_kid}
    padded = _sign(header, _claims(partner, padding="x" * 20_000), real)  # the real key, a huge claim
    await _refused(client, padded, "oversized claims")
    await _refused(client, "a" * 100_000, "oversized garbage")
    huge_header = _sign({**header, "x": "y" * 20_000}, _claims(partner), real)
    await _refused(client, huge_header, "oversized header")
