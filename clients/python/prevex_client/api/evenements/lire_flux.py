from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_evenements import PageEvenements
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    apres: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["apres"] = apres

    params["types"] = types

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/evenements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageEvenements | Problem | None:
    if response.status_code == 200:
        response_200 = PageEvenements.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageEvenements | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    apres: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[PageEvenements | Problem]:
    """The partner's event feed (pull)

     Scope `evenements:lire`. The events addressed to the calling partner (the dossiers it holds a grant
    on, the decisions it may see), in commit order, each as the partner may see it (the same need-to-
    know view as `GET /v1/dossiers/{id}`). At least once: keep `next_cursor` once a page is handled and
    read on with `apres=`; a page with no items returns the same cursor. Replayable from any cursor for
    `PREVEX_EVENT_RETENTION_DAYS` (30 by default); an older cursor is 410 (`curseur-expire`): start
    again without `apres`. Event types and their `data`: the `webhooks` section of this document and
    `docs/evenements.md`. Problems: 401, 403, 410, 422 (bad cursor, unknown type), 503.

    Args:
        apres (str | Unset): The `next_cursor` of the previous page
        types (str | Unset): Comma-separated event types (e.g. `acte.depose,decision.emise`)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEvenements | Problem]
    """

    kwargs = _get_kwargs(
        apres=apres,
        types=types,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    apres: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> PageEvenements | Problem | None:
    """The partner's event feed (pull)

     Scope `evenements:lire`. The events addressed to the calling partner (the dossiers it holds a grant
    on, the decisions it may see), in commit order, each as the partner may see it (the same need-to-
    know view as `GET /v1/dossiers/{id}`). At least once: keep `next_cursor` once a page is handled and
    read on with `apres=`; a page with no items returns the same cursor. Replayable from any cursor for
    `PREVEX_EVENT_RETENTION_DAYS` (30 by default); an older cursor is 410 (`curseur-expire`): start
    again without `apres`. Event types and their `data`: the `webhooks` section of this document and
    `docs/evenements.md`. Problems: 401, 403, 410, 422 (bad cursor, unknown type), 503.

    Args:
        apres (str | Unset): The `next_cursor` of the previous page
        types (str | Unset): Comma-separated event types (e.g. `acte.depose,decision.emise`)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEvenements | Problem
    """

    return sync_detailed(
        client=client,
        apres=apres,
        types=types,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    apres: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[PageEvenements | Problem]:
    """The partner's event feed (pull)

     Scope `evenements:lire`. The events addressed to the calling partner (the dossiers it holds a grant
    on, the decisions it may see), in commit order, each as the partner may see it (the same need-to-
    know view as `GET /v1/dossiers/{id}`). At least once: keep `next_cursor` once a page is handled and
    read on with `apres=`; a page with no items returns the same cursor. Replayable from any cursor for
    `PREVEX_EVENT_RETENTION_DAYS` (30 by default); an older cursor is 410 (`curseur-expire`): start
    again without `apres`. Event types and their `data`: the `webhooks` section of this document and
    `docs/evenements.md`. Problems: 401, 403, 410, 422 (bad cursor, unknown type), 503.

    Args:
        apres (str | Unset): The `next_cursor` of the previous page
        types (str | Unset): Comma-separated event types (e.g. `acte.depose,decision.emise`)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEvenements | Problem]
    """

    kwargs = _get_kwargs(
        apres=apres,
        types=types,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    apres: str | Unset = UNSET,
    types: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> PageEvenements | Problem | None:
    """The partner's event feed (pull)

     Scope `evenements:lire`. The events addressed to the calling partner (the dossiers it holds a grant
    on, the decisions it may see), in commit order, each as the partner may see it (the same need-to-
    know view as `GET /v1/dossiers/{id}`). At least once: keep `next_cursor` once a page is handled and
    read on with `apres=`; a page with no items returns the same cursor. Replayable from any cursor for
    `PREVEX_EVENT_RETENTION_DAYS` (30 by default); an older cursor is 410 (`curseur-expire`): start
    again without `apres`. Event types and their `data`: the `webhooks` section of this document and
    `docs/evenements.md`. Problems: 401, 403, 410, 422 (bad cursor, unknown type), 503.

    Args:
        apres (str | Unset): The `next_cursor` of the previous page
        types (str | Unset): Comma-separated event types (e.g. `acte.depose,decision.emise`)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEvenements | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            apres=apres,
            types=types,
            limit=limit,
        )
    ).parsed
