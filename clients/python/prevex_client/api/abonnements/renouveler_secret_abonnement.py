from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.secret_renouvele import SecretRenouvele
from ...types import Response


def _get_kwargs(
    abonnement_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/abonnements/{abonnement_id}/secret".format(
            abonnement_id=quote(str(abonnement_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecretRenouvele | None:
    if response.status_code == 200:
        response_200 = SecretRenouvele.from_dict(response.json())

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
) -> Response[Problem | SecretRenouvele]:
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
) -> Response[Problem | SecretRenouvele]:
    """Rotate a subscription's signing secret

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    A new `whsec_…` secret, shown once. The previous one keeps signing beside it (two signatures in
    `webhook-signature`) for `PREVEX_WEBHOOK_SECRET_OVERLAP_HOURS` (24 h).

    Args:
        abonnement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecretRenouvele]
    """

    kwargs = _get_kwargs(
        abonnement_id=abonnement_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SecretRenouvele | None:
    """Rotate a subscription's signing secret

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    A new `whsec_…` secret, shown once. The previous one keeps signing beside it (two signatures in
    `webhook-signature`) for `PREVEX_WEBHOOK_SECRET_OVERLAP_HOURS` (24 h).

    Args:
        abonnement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecretRenouvele
    """

    return sync_detailed(
        abonnement_id=abonnement_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SecretRenouvele]:
    """Rotate a subscription's signing secret

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    A new `whsec_…` secret, shown once. The previous one keeps signing beside it (two signatures in
    `webhook-signature`) for `PREVEX_WEBHOOK_SECRET_OVERLAP_HOURS` (24 h).

    Args:
        abonnement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecretRenouvele]
    """

    kwargs = _get_kwargs(
        abonnement_id=abonnement_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    abonnement_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SecretRenouvele | None:
    """Rotate a subscription's signing secret

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    A new `whsec_…` secret, shown once. The previous one keeps signing beside it (two signatures in
    `webhook-signature`) for `PREVEX_WEBHOOK_SECRET_OVERLAP_HOURS` (24 h).

    Args:
        abonnement_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecretRenouvele
    """

    return (
        await asyncio_detailed(
            abonnement_id=abonnement_id,
            client=client,
        )
    ).parsed
