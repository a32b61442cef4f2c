from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_livraisons import PageLivraisons
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    abonnement_id: UUID,
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/abonnements/{abonnement_id}/livraisons".format(
            abonnement_id=quote(str(abonnement_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageLivraisons | Problem | None:
    if response.status_code == 200:
        response_200 = PageLivraisons.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageLivraisons | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageLivraisons | Problem]:
    """A subscription's deliveries and every attempt

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Newest first, cursor pagination. Each delivery (`en_attente`, `livree`, `echouee`, `annulee`) with
    its attempts: start, end, result, HTTP status, error, next try.

    Args:
        abonnement_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageLivraisons | Problem]
    """

    kwargs = _get_kwargs(
        abonnement_id=abonnement_id,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageLivraisons | Problem | None:
    """A subscription's deliveries and every attempt

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Newest first, cursor pagination. Each delivery (`en_attente`, `livree`, `echouee`, `annulee`) with
    its attempts: start, end, result, HTTP status, error, next try.

    Args:
        abonnement_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageLivraisons | Problem
    """

    return sync_detailed(
        abonnement_id=abonnement_id,
        client=client,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageLivraisons | Problem]:
    """A subscription's deliveries and every attempt

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Newest first, cursor pagination. Each delivery (`en_attente`, `livree`, `echouee`, `annulee`) with
    its attempts: start, end, result, HTTP status, error, next try.

    Args:
        abonnement_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageLivraisons | Problem]
    """

    kwargs = _get_kwargs(
        abonnement_id=abonnement_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageLivraisons | Problem | None:
    """A subscription's deliveries and every attempt

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Newest first, cursor pagination. Each delivery (`en_attente`, `livree`, `echouee`, `annulee`) with
    its attempts: start, end, result, HTTP status, error, next try.

    Args:
        abonnement_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageLivraisons | Problem
    """

    return (
        await asyncio_detailed(
            abonnement_id=abonnement_id,
            client=client,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
