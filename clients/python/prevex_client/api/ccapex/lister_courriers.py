from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_courriers import PageCourriers
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    dossier_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dossiers/{dossier_id}/courriers".format(
            dossier_id=quote(str(dossier_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCourriers | Problem | None:
    if response.status_code == 200:
        response_200 = PageCourriers.from_dict(response.json())

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
) -> Response[PageCourriers | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PageCourriers | Problem]:
    """The letters a dossier's decisions ask for

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. Every letter an orientation of the
    dossier asks for (rule files' `courriers`: kind, sender, addressee, the facts it needs, the rule and
    its source), oldest first; replaced decisions are left out. 404 when the dossier is not visible.

    Args:
        dossier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCourriers | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PageCourriers | Problem | None:
    """The letters a dossier's decisions ask for

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. Every letter an orientation of the
    dossier asks for (rule files' `courriers`: kind, sender, addressee, the facts it needs, the rule and
    its source), oldest first; replaced decisions are left out. 404 when the dossier is not visible.

    Args:
        dossier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCourriers | Problem
    """

    return sync_detailed(
        dossier_id=dossier_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PageCourriers | Problem]:
    """The letters a dossier's decisions ask for

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. Every letter an orientation of the
    dossier asks for (rule files' `courriers`: kind, sender, addressee, the facts it needs, the rule and
    its source), oldest first; replaced decisions are left out. 404 when the dossier is not visible.

    Args:
        dossier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCourriers | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PageCourriers | Problem | None:
    """The letters a dossier's decisions ask for

     Scope `dossiers:lire`. A letter is shown to whom sees the decision that asks for it (need to know);
    the facts it prints go through the field matrix (a fact this partner may not read is listed in
    `donnees_manquantes` and printed « [non communiqué] »). Audited. Every letter an orientation of the
    dossier asks for (rule files' `courriers`: kind, sender, addressee, the facts it needs, the rule and
    its source), oldest first; replaced decisions are left out. 404 when the dossier is not visible.

    Args:
        dossier_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCourriers | Problem
    """

    return (
        await asyncio_detailed(
            dossier_id=dossier_id,
            client=client,
        )
    ).parsed
