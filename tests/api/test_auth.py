"""Partner authentication: client credentials, RS256 tokens, JWKS, refusal of every forged token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta

import httpx
from fastapi import FastAPI
from jose import jwt as jose_jwt

from app.core.config import get_settings
from app.core.security import (
    KeyRing,
    Principal,
    generate_signing_key,
    issue_token,
    private_pem,
    rotate_signing_key,
)
from app.services.partners import find_partner, revoke_partner
from tests.factories import PartnerCreds, make_partner


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _principal(p: PartnerCreds) -> Principal:
    return Principal(p.partner_id, p.kind, p.territoires, frozenset({"dossiers:lire"}), p.client_id)


async def _moi(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/v1/partenaires/moi", headers={"Authorization": f"Bearer {token}"})


async def test_cli_style_partner_gets_token_and_calls_protected_endpoint(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    p = await make_partner(app, client, kind="commissaire_justice", territoires=("93", "75"))
    response = await _moi(client, p.token)
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(p.partner_id)
    assert body["kind"] == "commissaire_justice"
    assert body["territoires"] == ["75", "93"]
    assert "actes:commandement_de_payer:deposer" in body["scopes"]
    assert "actes:signalement_impaye:deposer" not in body["scopes"]


async def test_token_response_shape(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client, kind="organisme_payeur")
    response = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": p.client_id,
            "client_secret": p.client_secret,
            "scope": "dossiers:lire",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == get_settings().token_ttl_seconds or body["expires_in"] > 0
    assert body["scope"] == "dossiers:lire"
    assert response.headers["cache-control"] == "no-store"
    header = json.loads(base64.urlsafe_b64decode(body["access_token"].split(".")[0] + "=="))
    assert header["alg"] == "RS256" and header["kid"]


async def test_token_refusals(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    bad_secret = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": p.client_id, "client_secret": "wrong"},
    )
    assert bad_secret.status_code == 401
    assert bad_secret.headers["content-type"] == "application/problem+json"
    assert bad_secret.json()["error"] == "invalid_client"

    bad_grant = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "password", "client_id": p.client_id, "client_secret": p.client_secret},
    )
    assert bad_grant.status_code == 400 and bad_grant.json()["error"] == "unsupported_grant_type"

    bad_scope = await client.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": p.client_id,
            "client_secret": p.client_secret,
            "scope": "dossiers:lire actes:signalement_impaye:deposer",
        },
    )
    assert bad_scope.status_code == 400 and bad_scope.json()["error"] == "invalid_scope"

    missing = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials", "client_id": p.client_id}
    )
    assert missing.status_code == 400 and missing.json()["error"] == "invalid_request"
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["errors"] == [{"pointer": "/client_secret", "detail": "Field required"}]
    too_long = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": "x" * 65, "client_secret": "s"},
    )
    assert too_long.status_code == 400
    assert too_long.json()["errors"] == [{"pointer": "/client_id", "detail": "at most 64 characters"}]
    # Whatever the form, a refusal is OAuth2's 400 invalid_request, never FastAPI's 422.
    as_file = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": p.client_id},
        files={"client_secret": ("secret.txt", b"s")},
    )
    assert as_file.status_code == 400 and as_file.json()["error"] == "invalid_request"
    assert as_file.json()["errors"] == [{"pointer": "/client_secret", "detail": "not text"}]
    garbled_form = await client.post(
        "/v1/oauth/token",
        content=b"--x\r\nnot a part",
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    assert garbled_form.status_code == 400 and garbled_form.json()["error"] == "invalid_request"


async def test_token_with_http_basic_client_authentication(app: FastAPI, client: httpx.AsyncClient) -> None:
    """RFC 6749 §2.3.1: what most OAuth client libraries send by default."""
    p = await make_partner(app, client)
    basic = httpx.BasicAuth(p.client_id, p.client_secret)
    ok = await client.post("/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=basic)
    assert ok.status_code == 200, ok.text
    assert (await _moi(client, ok.json()["access_token"])).status_code == 200
    wrong = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=httpx.BasicAuth(p.client_id, "wrong"),
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    both = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": p.client_id, "client_secret": p.client_secret},
        auth=basic,
    )
    assert both.status_code == 400 and both.json()["error"] == "invalid_request"
    garbled = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": "Basic !!!"},
    )
    # RFC 6749 §5.2: a failed authentication through the Authorization header is 401 invalid_client.
    assert garbled.status_code == 401 and garbled.json()["error"] == "invalid_client"
    assert garbled.headers["www-authenticate"] == 'Basic realm="prevex"'
    bearer = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": p.client_id, "client_secret": p.client_secret},
        headers={"Authorization": f"Bearer {p.token}"},
    )
    assert bearer.status_code == 401 and bearer.json()["error"] == "invalid_client"


async def test_forged_tokens_are_refused_with_401(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    ring: KeyRing = app.state.keyring
    settings = get_settings()
    assert (await _moi(client, p.token)).status_code == 200

    head, payload, signature = p.token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["territoires"] = ["75", "77", "93"]
    tampered = f"{head}.{_b64(json.dumps(claims).encode())}.{signature}"

    expired = issue_token(
        ring, _principal(p), issuer=settings.jwt_issuer, audience=settings.jwt_audience, ttl_seconds=-5
    )
    wrong_aud = issue_token(
        ring, _principal(p), issuer=settings.jwt_issuer, audience="another-api", ttl_seconds=60
    )
    wrong_iss = issue_token(
        ring, _principal(p), issuer="someone-else", audience=settings.jwt_audience, ttl_seconds=60
    )
    kid = ring.signing_kid
    alg_none = f"{_b64(json.dumps({'alg': 'none', 'kid': kid, 'typ': 'JWT'}).encode())}.{payload}."
    public_pem = ring.public[kid].public_key().to_pem()  # type: ignore[index, union-attr]
    hs_head = _b64(json.dumps({"alg": "HS256", "kid": kid, "typ": "JWT"}).encode())
    hs_sig = _b64(hmac.new(public_pem, f"{hs_head}.{payload}".encode(), hashlib.sha256).digest())
    hs256_with_public_key = f"{hs_head}.{payload}.{hs_sig}"
    stranger = KeyRing()
    foreign = generate_signing_key()
    from jose import jwk

    stranger.signing_kid, stranger.signing_key = foreign.kid, jwk.construct(private_pem(foreign), "RS256")
    unknown_kid = issue_token(
        stranger, _principal(p), issuer=settings.jwt_issuer, audience=settings.jwt_audience, ttl_seconds=60
    )

    no_exp = jose_jwt.encode(
        {k: v for k, v in claims.items() if k != "exp"} | {"territoires": ["93"]},
        ring.signing_key,
        algorithm="RS256",
        headers={"kid": kid},
    )  # signed with the real key, but never expires

    for name, token in [
        ("no exp", no_exp),
        ("tampered", tampered),
        ("expired", expired),
        ("alg none", alg_none),
        ("hs256 with public key", hs256_with_public_key),
        ("wrong aud", wrong_aud),
        ("wrong iss", wrong_iss),
        ("unknown kid", unknown_kid),
        ("garbage", "not.a.jwt"),
    ]:
        response = await _moi(client, token)
        assert response.status_code == 401, name
        assert response.headers["content-type"] == "application/problem+json", name
        assert response.headers["www-authenticate"] == 'Bearer realm="prevex", error="invalid_token"', name
        assert response.json()["status"] == 401, name

    no_token = await client.get("/v1/partenaires/moi")  # no credentials: the bare challenge (RFC 6750 3.1)
    assert no_token.status_code == 401 and no_token.headers["www-authenticate"] == 'Bearer realm="prevex"'
    basic = await client.get("/v1/partenaires/moi", headers={"Authorization": "Basic eDp5"})
    assert basic.status_code == 401
    assert basic.headers["www-authenticate"] == 'Bearer realm="prevex", error="invalid_request"'


async def test_revoked_partner_is_refused(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    assert (await _moi(client, p.token)).status_code == 200
    async with app.state.database.sessionmaker() as session, session.begin():
        partner = await find_partner(session, p.client_id)
        assert partner is not None
        await revoke_partner(session, partner)
    app.state.partner_status.clear()  # the 5-second status cache, elapsed
    assert (await _moi(client, p.token)).status_code == 401
    again = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": p.client_id, "client_secret": p.client_secret},
    )
    assert again.status_code == 401


async def test_jwks_and_rotation_without_downtime(app: FastAPI, client: httpx.AsyncClient) -> None:
    p = await make_partner(app, client)
    jwks = (await client.get("/v1/.well-known/jwks.json")).json()
    old_kid = app.state.keyring.signing_kid
    # The minute's reload keeps the signing key it has (loading an RSA private key costs ~50 ms of CPU).
    kept = app.state.keyring.signing_key
    async with app.state.database.sessionmaker() as session:
        await app.state.keyring.load(session)
    assert app.state.keyring.signing_key is kept
    assert old_kid in {k["kid"] for k in jwks["keys"]}
    assert all(k["alg"] == "RS256" and k["kty"] == "RSA" and "d" not in k for k in jwks["keys"])

    async with app.state.database.sessionmaker() as session, session.begin():
        new = await rotate_signing_key(session, timedelta(minutes=20))
    async with app.state.database.sessionmaker() as session:
        await app.state.keyring.load(session)
    assert app.state.keyring.signing_kid == new.kid
    assert app.state.keyring.signing_key is not kept
    published = {k["kid"] for k in (await client.get("/v1/.well-known/jwks.json")).json()["keys"]}
    assert {old_kid, new.kid} <= published
    assert (await _moi(client, p.token)).status_code == 200  # signed by the previous key
    fresh = await make_partner(app, client)
    assert json.loads(base64.urlsafe_b64decode(fresh.token.split(".")[0] + "=="))["kid"] == new.kid
    assert (await _moi(client, fresh.token)).status_code == 200
