from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.abonnement_cree import AbonnementCree
from ...models.abonnement_demande import AbonnementDemande
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AbonnementDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/abonnements",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AbonnementCree | Problem | None:
    if response.status_code == 201:
        response_201 = AbonnementCree.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AbonnementCree | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AbonnementDemande,
) -> Response[AbonnementCree | Problem]:
    """Register a webhook endpoint

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Prevex POSTs each event of the partner's feed whose type is listed (`["*"]`: all) to `url`, as the
    partner may see it, signed per Standard Webhooks (`webhook-id` = the event's id, `webhook-
    timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`); verify with the `standardwebhooks`
    package and the `secret` of this answer, **shown once**. In order per dossier; a failed delivery is
    retried (first within 10 s, then exponential backoff with jitter for 24 h, honouring `Retry-After`);
    410, or retries exhausted, disable the subscription (event `abonnement.desactive`). The URL must be
    HTTPS to a public address; redirects are not followed. Problems: 401, 403, 422 (URL refused, unknown
    type), 503.

    Args:
        body (AbonnementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AbonnementCree | Problem]
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
    body: AbonnementDemande,
) -> AbonnementCree | Problem | None:
    """Register a webhook endpoint

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Prevex POSTs each event of the partner's feed whose type is listed (`["*"]`: all) to `url`, as the
    partner may see it, signed per Standard Webhooks (`webhook-id` = the event's id, `webhook-
    timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`); verify with the `standardwebhooks`
    package and the `secret` of this answer, **shown once**. In order per dossier; a failed delivery is
    retried (first within 10 s, then exponential backoff with jitter for 24 h, honouring `Retry-After`);
    410, or retries exhausted, disable the subscription (event `abonnement.desactive`). The URL must be
    HTTPS to a public address; redirects are not followed. Problems: 401, 403, 422 (URL refused, unknown
    type), 503.

    Args:
        body (AbonnementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AbonnementCree | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AbonnementDemande,
) -> Response[AbonnementCree | Problem]:
    """Register a webhook endpoint

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Prevex POSTs each event of the partner's feed whose type is listed (`["*"]`: all) to `url`, as the
    partner may see it, signed per Standard Webhooks (`webhook-id` = the event's id, `webhook-
    timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`); verify with the `standardwebhooks`
    package and the `secret` of this answer, **shown once**. In order per dossier; a failed delivery is
    retried (first within 10 s, then exponential backoff with jitter for 24 h, honouring `Retry-After`);
    410, or retries exhausted, disable the subscription (event `abonnement.desactive`). The URL must be
    HTTPS to a public address; redirects are not followed. Problems: 401, 403, 422 (URL refused, unknown
    type), 503.

    Args:
        body (AbonnementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AbonnementCree | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AbonnementDemande,
) -> AbonnementCree | Problem | None:
    """Register a webhook endpoint

     Scope `abonnements:gerer`. A partner sees and manages only its own subscriptions (another's is 404).
    Prevex POSTs each event of the partner's feed whose type is listed (`["*"]`: all) to `url`, as the
    partner may see it, signed per Standard Webhooks (`webhook-id` = the event's id, `webhook-
    timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`); verify with the `standardwebhooks`
    package and the `secret` of this answer, **shown once**. In order per dossier; a failed delivery is
    retried (first within 10 s, then exponential backoff with jitter for 24 h, honouring `Retry-After`);
    410, or retries exhausted, disable the subscription (event `abonnement.desactive`). The URL must be
    HTTPS to a public address; redirects are not followed. Problems: 401, 403, 422 (URL refused, unknown
    type), 503.

    Args:
        body (AbonnementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AbonnementCree | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
