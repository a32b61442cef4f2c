from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.seance import Seance
from ...models.seance_demande import SeanceDemande
from ...types import Response


def _get_kwargs(
    *,
    body: SeanceDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/seances",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Seance | None:
    if response.status_code == 201:
        response_201 = Seance.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Seance]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SeanceDemande,
) -> Response[Problem | Seance]:
    """Create a session

     Scope `ccapex:gerer`. The calling partner is the session's secretariat; `membres` are the partners
    that sit in it. 403 when the territory is not the partner's; 422 for an unknown member.

    Args:
        body (SeanceDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Seance]
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
    client: AuthenticatedClient,
    body: SeanceDemande,
) -> Problem | Seance | None:
    """Create a session

     Scope `ccapex:gerer`. The calling partner is the session's secretariat; `membres` are the partners
    that sit in it. 403 when the territory is not the partner's; 422 for an unknown member.

    Args:
        body (SeanceDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Seance
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SeanceDemande,
) -> Response[Problem | Seance]:
    """Create a session

     Scope `ccapex:gerer`. The calling partner is the session's secretariat; `membres` are the partners
    that sit in it. 403 when the territory is not the partner's; 422 for an unknown member.

    Args:
        body (SeanceDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Seance]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SeanceDemande,
) -> Problem | Seance | None:
    """Create a session

     Scope `ccapex:gerer`. The calling partner is the session's secretariat; `membres` are the partners
    that sit in it. 403 when the territory is not the partner's; 422 for an unknown member.

    Args:
        body (SeanceDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Seance
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
