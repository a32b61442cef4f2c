from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.courrier_rendu import CourrierRendu
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    courrier_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/courriers/{courrier_id}".format(
            courrier_id=quote(str(courrier_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CourrierRendu | Problem | None:
    if response.status_code == 200:
        response_200 = CourrierRendu.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[CourrierRendu | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    courrier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[CourrierRendu | Problem]:
    """Read or render a letter

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. With `Accept: application/pdf`, the
    letter rendered in French from its Typst template (A4), naming the rule and its source; otherwise
    JSON with what it prints (`rendu`). 406 for any other `Accept`.

    Args:
        courrier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CourrierRendu | Problem]
    """

    kwargs = _get_kwargs(
        courrier_id=courrier_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    courrier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> CourrierRendu | Problem | None:
    """Read or render a letter

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. With `Accept: application/pdf`, the
    letter rendered in French from its Typst template (A4), naming the rule and its source; otherwise
    JSON with what it prints (`rendu`). 406 for any other `Accept`.

    Args:
        courrier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CourrierRendu | Problem
    """

    return sync_detailed(
        courrier_id=courrier_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    courrier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[CourrierRendu | Problem]:
    """Read or render a letter

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. With `Accept: application/pdf`, the
    letter rendered in French from its Typst template (A4), naming the rule and its source; otherwise
    JSON with what it prints (`rendu`). 406 for any other `Accept`.

    Args:
        courrier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CourrierRendu | Problem]
    """

    kwargs = _get_kwargs(
        courrier_id=courrier_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    courrier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> CourrierRendu | Problem | None:
    """Read or render a letter

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. With `Accept: application/pdf`, the
    letter rendered in French from its Typst template (A4), naming the rule and its source; otherwise
    JSON with what it prints (`rendu`). 406 for any other `Accept`.

    Args:
        courrier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CourrierRendu | Problem
    """

    return (
        await asyncio_detailed(
            courrier_id=courrier_id,
            client=client,
        )
    ).parsed
