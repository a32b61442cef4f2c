from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TokenResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJ...",
                    "token_type": "bearer",
                    "expires_in": 600,
                    "scope": "dossiers:lire regles:lire",
                }
            ]
        }
    )
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (a token type, not a secret)
    expires_in: int = Field(description="Seconds until the token expires")
    scope: str = Field(description="Space-separated scopes granted")


class Jwks(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "keys": [
                        {
                            "kty": "RSA",
                            "kid": "20261123150000-1a2b3c4d",
                            "use": "sig",
                            "alg": "RS256",
                            "n": "…",
                            "e": "AQAB",
                        }
                    ]
                }
            ]
        }
    )
    keys: list[dict[str, str]]
