from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from app.core.problems import Problem

#: The longest value of each token request field (longer: 400 invalid_request).
TOKEN_FIELD_LIMITS: Final = {"grant_type": 64, "client_id": 64, "client_secret": 256, "scope": 4000}


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


class TokenRequest(BaseModel):
    """The token request's form (RFC 6749 §4.4.2). With HTTP Basic client authentication (RFC 6749
    §2.3.1), `client_id` and `client_secret` are left out of the form. Unknown fields are ignored."""

    # The route reads the form itself, to answer every refusal as OAuth2 says (400 with `error`): this
    # model is the form's contract, with the same limits.
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"grant_type": "client_credentials", "client_id": "pvx_…", "client_secret": "…"}]
        }
    )
    grant_type: Literal["client_credentials"]
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=TOKEN_FIELD_LIMITS["client_id"])]
    client_secret: Annotated[
        str, StringConstraints(min_length=1, max_length=TOKEN_FIELD_LIMITS["client_secret"])
    ] = Field(json_schema_extra={"format": "password"})
    scope: (
        Annotated[str, StringConstraints(max_length=TOKEN_FIELD_LIMITS["scope"])] | SkipJsonSchema[None]
    ) = Field(
        default=None,
        description="Space-separated subset of the partner kind's scopes (default: all of them)",
        json_schema_extra=_no_default,
    )


class TokenProblem(Problem):
    """A refused token request: a problem with RFC 6749 §5.2's `error` member."""

    error: Literal["invalid_request", "unsupported_grant_type", "invalid_scope", "invalid_client"]


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
