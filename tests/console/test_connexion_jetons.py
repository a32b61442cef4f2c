"""The console's ID token checks (``core/security.decode_id_token``), with real RS256 keys: only a token
of our provider, for our client, with our nonce, fresh, signed RS256 by a key of the provider's JWKS."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt

from app.core.security import TokenError, decode_id_token, provider_keys

ISSUER = "https://fournisseur.exemple.gouv.fr"
CLIENT = "prevex-console"
NONCE = "nonce-envoye"


def _rsa() -> tuple[str, dict[str, Any]]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    public = {
        k: (v.decode() if isinstance(v, bytes) else v)
        for k, v in jwk.construct(public_pem, "RS256").to_dict().items()
    }
    return pem, public


@pytest.fixture(scope="module")
def provider() -> tuple[str, str, dict[str, Any]]:
    pem, public = _rsa()
    public.update({"kid": "cle-1", "use": "sig", "alg": "RS256"})
    return pem, public_pem_of(public), {"keys": [public]}


def public_pem_of(public: dict[str, Any]) -> str:
    key = jwk.construct(public, "RS256")
    return key.to_pem().decode()


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": CLIENT, "sub": "agent-1", "nonce": NONCE, "iat": now, "exp": now + 300}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(pem: str, claims: dict[str, Any], kid: str = "cle-1") -> str:
    token: str = jwt.encode(claims, pem, algorithm="RS256", headers={"kid": kid})
    return token


def _decode(token: str, jwks: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return decode_id_token(token, provider_keys(jwks), issuer=ISSUER, client_id=CLIENT, nonce=NONCE, **kwargs)


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_a_good_token_is_accepted(provider: tuple[str, str, dict[str, Any]]) -> None:
    pem, _, jwks = provider
    assert _decode(_sign(pem, _claims()), jwks)["sub"] == "agent-1"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"aud": "un-autre-client"}, "audience"),
        ({"iss": "https://autre.exemple.org"}, "issuer"),
        ({"nonce": "un-autre-nonce"}, "nonce"),
        ({"nonce": None}, "nonce"),
        ({"exp": int(time.time()) - 120}, "expired"),
        # exp a day ahead: the parameters are computed when the suite is collected, minutes before this runs.
        ({"iat": int(time.time()) - 3600, "exp": int(time.time()) + 86400}, "too long ago"),
        ({"sub": None}, "signature or claims"),
        ({"aud": [CLIENT, "un-autre"], "azp": "un-autre"}, "authorised party"),
    ],
)
def test_wrong_claims_are_refused(
    provider: tuple[str, str, dict[str, Any]], overrides: dict[str, Any], message: str
) -> None:
    pem, _, jwks = provider
    with pytest.raises(TokenError, match=message):
        _decode(_sign(pem, _claims(**overrides)), jwks)


def test_alg_none_is_refused(provider: tuple[str, str, dict[str, Any]]) -> None:
    _, _, jwks = provider
    token = f"{_b64({'alg': 'none', 'kid': 'cle-1'})}.{_b64(_claims())}."
    with pytest.raises(TokenError, match="algorithm not accepted"):
        _decode(token, jwks)


def test_hs256_signed_with_the_public_key_is_refused(provider: tuple[str, str, dict[str, Any]]) -> None:
    _, public_pem, jwks = provider
    import hashlib
    import hmac

    header, payload = _b64({"alg": "HS256", "kid": "cle-1", "typ": "JWT"}), _b64(_claims())
    signature = hmac.new(public_pem.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    token = f"{header}.{payload}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
    with pytest.raises(TokenError, match="algorithm not accepted"):
        _decode(token, jwks)


def test_a_key_not_in_the_providers_jwks_is_refused(provider: tuple[str, str, dict[str, Any]]) -> None:
    _, _, jwks = provider
    other_pem, _ = _rsa()
    with pytest.raises(TokenError, match="unknown key"):
        _decode(_sign(other_pem, _claims(), kid="cle-2"), jwks)
    # The provider's kid on a token signed by another key: the signature fails.
    with pytest.raises(TokenError, match="signature"):
        _decode(_sign(other_pem, _claims(), kid="cle-1"), jwks)


def test_at_hash_is_checked_when_the_token_carries_one(provider: tuple[str, str, dict[str, Any]]) -> None:
    pem, _, jwks = provider
    token: str = jwt.encode(
        _claims(), pem, algorithm="RS256", headers={"kid": "cle-1"}, access_token="le-jeton-d-acces"
    )
    assert _decode(token, jwks, access_token="le-jeton-d-acces")["sub"] == "agent-1"
    with pytest.raises(TokenError, match="at_hash"):
        _decode(token, jwks, access_token="un-autre-jeton")
