from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.extrait_source import ExtraitSource
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    fichier: str,
    *,
    lignes: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["lignes"] = lignes

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/regles/sources/{fichier}".format(
            fichier=quote(str(fichier), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ExtraitSource | Problem | None:
    if response.status_code == 200:
        response_200 = ExtraitSource.from_dict(response.json())

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
) -> Response[ExtraitSource | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fichier: str,
    *,
    client: AuthenticatedClient,
    lignes: str | Unset = UNSET,
) -> Response[ExtraitSource | Problem]:
    """Lines of a charter the rules cite

     Scope `regles:lire`. A rule's `source` (and every decision's `liens_sources`) cites a charter as
    `seeds/<fichier>:L<n>-<m>`; this serves those lines of the text as published, shipped with Prevex
    (`app/rules/sources`). `fichier` is one of those texts' names, never a path (404 otherwise);
    `lignes` is `n` or `n-m` within the text (422 otherwise), the whole text without it.

    Args:
        fichier (str):
        lignes (str | Unset): `n` or `n-m` (1-based, inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExtraitSource | Problem]
    """

    kwargs = _get_kwargs(
        fichier=fichier,
        lignes=lignes,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fichier: str,
    *,
    client: AuthenticatedClient,
    lignes: str | Unset = UNSET,
) -> ExtraitSource | Problem | None:
    """Lines of a charter the rules cite

     Scope `regles:lire`. A rule's `source` (and every decision's `liens_sources`) cites a charter as
    `seeds/<fichier>:L<n>-<m>`; this serves those lines of the text as published, shipped with Prevex
    (`app/rules/sources`). `fichier` is one of those texts' names, never a path (404 otherwise);
    `lignes` is `n` or `n-m` within the text (422 otherwise), the whole text without it.

    Args:
        fichier (str):
        lignes (str | Unset): `n` or `n-m` (1-based, inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExtraitSource | Problem
    """

    return sync_detailed(
        fichier=fichier,
        client=client,
        lignes=lignes,
    ).parsed


async def asyncio_detailed(
    fichier: str,
    *,
    client: AuthenticatedClient,
    lignes: str | Unset = UNSET,
) -> Response[ExtraitSource | Problem]:
    """Lines of a charter the rules cite

     Scope `regles:lire`. A rule's `source` (and every decision's `liens_sources`) cites a charter as
    `seeds/<fichier>:L<n>-<m>`; this serves those lines of the text as published, shipped with Prevex
    (`app/rules/sources`). `fichier` is one of those texts' names, never a path (404 otherwise);
    `lignes` is `n` or `n-m` within the text (422 otherwise), the whole text without it.

    Args:
        fichier (str):
        lignes (str | Unset): `n` or `n-m` (1-based, inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExtraitSource | Problem]
    """

    kwargs = _get_kwargs(
        fichier=fichier,
        lignes=lignes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fichier: str,
    *,
    client: AuthenticatedClient,
    lignes: str | Unset = UNSET,
) -> ExtraitSource | Problem | None:
    """Lines of a charter the rules cite

     Scope `regles:lire`. A rule's `source` (and every decision's `liens_sources`) cites a charter as
    `seeds/<fichier>:L<n>-<m>`; this serves those lines of the text as published, shipped with Prevex
    (`app/rules/sources`). `fichier` is one of those texts' names, never a path (404 otherwise);
    `lignes` is `n` or `n-m` within the text (422 otherwise), the whole text without it.

    Args:
        fichier (str):
        lignes (str | Unset): `n` or `n-m` (1-based, inclusive)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExtraitSource | Problem
    """

    return (
        await asyncio_detailed(
            fichier=fichier,
            client=client,
            lignes=lignes,
        )
    ).parsed
