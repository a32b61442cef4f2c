from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rejeu import Rejeu
from ...types import UNSET, Response


def _get_kwargs(
    abonnement_id: UUID,
    *,
    depuis: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["depuis"] = depuis

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/abonnements/{abonnement_id}/rejouer".format(
            abonnement_id=quote(str(abonnement_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Rejeu | None:
    if response.status_code == 202:
        response_202 = Rejeu.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Rejeu]:
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
    depuis: str,
) -> Response[Problem | Rejeu]:
    """Replay a subscription's events

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Queue again, in the feed's order, the partner's events of the subscription's types after a feed
    cursor or since a time (`depuis`: a cursor, or ISO 8601 with its offset), each as a new delivery
    (same `webhook-id`: receivers deduplicate). Turns a disabled subscription on again. Problems: 401,
    403, 404, 410 (cursor older than the events kept), 422, 503.

    Args:
        abonnement_id (UUID):
        depuis (str): A feed cursor, or an ISO 8601 time

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rejeu]
    """

    kwargs = _get_kwargs(
        abonnement_id=abonnement_id,
        depuis=depuis,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    depuis: str,
) -> Problem | Rejeu | None:
    """Replay a subscription's events

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Queue again, in the feed's order, the partner's events of the subscription's types after a feed
    cursor or since a time (`depuis`: a cursor, or ISO 8601 with its offset), each as a new delivery
    (same `webhook-id`: receivers deduplicate). Turns a disabled subscription on again. Problems: 401,
    403, 404, 410 (cursor older than the events kept), 422, 503.

    Args:
        abonnement_id (UUID):
        depuis (str): A feed cursor, or an ISO 8601 time

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rejeu
    """

    return sync_detailed(
        abonnement_id=abonnement_id,
        client=client,
        depuis=depuis,
    ).parsed


async def asyncio_detailed(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    depuis: str,
) -> Response[Problem | Rejeu]:
    """Replay a subscription's events

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Queue again, in the feed's order, the partner's events of the subscription's types after a feed
    cursor or since a time (`depuis`: a cursor, or ISO 8601 with its offset), each as a new delivery
    (same `webhook-id`: receivers deduplicate). Turns a disabled subscription on again. Problems: 401,
    403, 404, 410 (cursor older than the events kept), 422, 503.

    Args:
        abonnement_id (UUID):
        depuis (str): A feed cursor, or an ISO 8601 time

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rejeu]
    """

    kwargs = _get_kwargs(
        abonnement_id=abonnement_id,
        depuis=depuis,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
    depuis: str,
) -> Problem | Rejeu | None:
    """Replay a subscription's events

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Queue again, in the feed's order, the partner's events of the subscription's types after a feed
    cursor or since a time (`depuis`: a cursor, or ISO 8601 with its offset), each as a new delivery
    (same `webhook-id`: receivers deduplicate). Turns a disabled subscription on again. Problems: 401,
    403, 404, 410 (cursor older than the events kept), 422, 503.

    Args:
        abonnement_id (UUID):
        depuis (str): A feed cursor, or an ISO 8601 time

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rejeu
    """

    return (
        await asyncio_detailed(
            abonnement_id=abonnement_id,
            client=client,
            depuis=depuis,
        )
    ).parsed
