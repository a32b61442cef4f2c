from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token_problem import TokenProblem
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenProblem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = TokenProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = TokenProblem.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenProblem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Problem | TokenProblem | TokenResponse]:
    """Get an access token (OAuth2 client credentials)

     Form fields `grant_type=client_credentials` (required), `client_id` and `client_secret` (or, instead
    of these two, HTTP Basic client authentication, RFC 6749 §2.3.1), optional `scope` (space-separated
    subset of the partner kind's scopes). No scope needed. Problems (RFC 6749 §5.2 `error` member in
    each): 400 `invalid_request` (a missing or too long field, with `errors` pointers; two
    authentication methods at once), 400 `unsupported_grant_type` or `invalid_scope`, 401
    `invalid_client` (also for an `Authorization` header other than HTTP Basic client credentials), 429
    `trop-de-tentatives` (too many failed authentications from this IP or for this client: `Retry-
    After`), 503.

    Args:
        body (TokenRequest): The token request's form (RFC 6749 §4.4.2). With HTTP Basic client
            authentication (RFC 6749
            §2.3.1), `client_id` and `client_secret` are left out of the form. Unknown fields are
            ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenProblem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Problem | TokenProblem | TokenResponse | None:
    """Get an access token (OAuth2 client credentials)

     Form fields `grant_type=client_credentials` (required), `client_id` and `client_secret` (or, instead
    of these two, HTTP Basic client authentication, RFC 6749 §2.3.1), optional `scope` (space-separated
    subset of the partner kind's scopes). No scope needed. Problems (RFC 6749 §5.2 `error` member in
    each): 400 `invalid_request` (a missing or too long field, with `errors` pointers; two
    authentication methods at once), 400 `unsupported_grant_type` or `invalid_scope`, 401
    `invalid_client` (also for an `Authorization` header other than HTTP Basic client credentials), 429
    `trop-de-tentatives` (too many failed authentications from this IP or for this client: `Retry-
    After`), 503.

    Args:
        body (TokenRequest): The token request's form (RFC 6749 §4.4.2). With HTTP Basic client
            authentication (RFC 6749
            §2.3.1), `client_id` and `client_secret` are left out of the form. Unknown fields are
            ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenProblem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Problem | TokenProblem | TokenResponse]:
    """Get an access token (OAuth2 client credentials)

     Form fields `grant_type=client_credentials` (required), `client_id` and `client_secret` (or, instead
    of these two, HTTP Basic client authentication, RFC 6749 §2.3.1), optional `scope` (space-separated
    subset of the partner kind's scopes). No scope needed. Problems (RFC 6749 §5.2 `error` member in
    each): 400 `invalid_request` (a missing or too long field, with `errors` pointers; two
    authentication methods at once), 400 `unsupported_grant_type` or `invalid_scope`, 401
    `invalid_client` (also for an `Authorization` header other than HTTP Basic client credentials), 429
    `trop-de-tentatives` (too many failed authentications from this IP or for this client: `Retry-
    After`), 503.

    Args:
        body (TokenRequest): The token request's form (RFC 6749 §4.4.2). With HTTP Basic client
            authentication (RFC 6749
            §2.3.1), `client_id` and `client_secret` are left out of the form. Unknown fields are
            ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenProblem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Problem | TokenProblem | TokenResponse | None:
    """Get an access token (OAuth2 client credentials)

     Form fields `grant_type=client_credentials` (required), `client_id` and `client_secret` (or, instead
    of these two, HTTP Basic client authentication, RFC 6749 §2.3.1), optional `scope` (space-separated
    subset of the partner kind's scopes). No scope needed. Problems (RFC 6749 §5.2 `error` member in
    each): 400 `invalid_request` (a missing or too long field, with `errors` pointers; two
    authentication methods at once), 400 `unsupported_grant_type` or `invalid_scope`, 401
    `invalid_client` (also for an `Authorization` header other than HTTP Basic client credentials), 429
    `trop-de-tentatives` (too many failed authentications from this IP or for this client: `Retry-
    After`), 503.

    Args:
        body (TokenRequest): The token request's form (RFC 6749 §4.4.2). With HTTP Basic client
            authentication (RFC 6749
            §2.3.1), `client_id` and `client_secret` are left out of the form. Unknown fields are
            ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenProblem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
