from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audit import PageAudit
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    dossier_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_dossier_id: str | Unset = UNSET
    if not isinstance(dossier_id, Unset):
        json_dossier_id = str(dossier_id)
    params["dossier_id"] = json_dossier_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageAudit | Problem | None:
    if response.status_code == 200:
        response_200 = PageAudit.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageAudit | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    dossier_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageAudit | Problem]:
    """Who read, was refused or wrote a dossier

     Scope `audit:lire` (the CCAPEX, a `dpo` partner). Every read, refused read (404) and filing of a
    dossier: partner (named), client, when, operation, result, the caller's `X-Motif` and the endpoint's
    purpose. The CCAPEX gives a `dossier_id` it may read (404 otherwise); a DPO may omit it. Newest
    first; cursor pagination. Hash-chained in commit order (`prevex audit verifier`).

    Args:
        dossier_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAudit | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    dossier_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageAudit | Problem | None:
    """Who read, was refused or wrote a dossier

     Scope `audit:lire` (the CCAPEX, a `dpo` partner). Every read, refused read (404) and filing of a
    dossier: partner (named), client, when, operation, result, the caller's `X-Motif` and the endpoint's
    purpose. The CCAPEX gives a `dossier_id` it may read (404 otherwise); a DPO may omit it. Newest
    first; cursor pagination. Hash-chained in commit order (`prevex audit verifier`).

    Args:
        dossier_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAudit | Problem
    """

    return sync_detailed(
        client=client,
        dossier_id=dossier_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    dossier_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageAudit | Problem]:
    """Who read, was refused or wrote a dossier

     Scope `audit:lire` (the CCAPEX, a `dpo` partner). Every read, refused read (404) and filing of a
    dossier: partner (named), client, when, operation, result, the caller's `X-Motif` and the endpoint's
    purpose. The CCAPEX gives a `dossier_id` it may read (404 otherwise); a DPO may omit it. Newest
    first; cursor pagination. Hash-chained in commit order (`prevex audit verifier`).

    Args:
        dossier_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAudit | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    dossier_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageAudit | Problem | None:
    """Who read, was refused or wrote a dossier

     Scope `audit:lire` (the CCAPEX, a `dpo` partner). Every read, refused read (404) and filing of a
    dossier: partner (named), client, when, operation, result, the caller's `X-Motif` and the endpoint's
    purpose. The CCAPEX gives a `dossier_id` it may read (404 otherwise); a DPO may omit it. Newest
    first; cursor pagination. Hash-chained in commit order (`prevex audit verifier`).

    Args:
        dossier_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAudit | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            dossier_id=dossier_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
