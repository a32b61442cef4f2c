from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_dossiers import PageDossiers
from ...models.problem import Problem
from ...models.rechercher_dossiers_parc import RechercherDossiersParc
from ...models.rechercher_dossiers_stade import RechercherDossiersStade
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    territoire: str | Unset = UNSET,
    stade: RechercherDossiersStade | Unset = UNSET,
    parc: RechercherDossiersParc | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    x_motif: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_motif, Unset):
        headers["X-Motif"] = x_motif

    params: dict[str, Any] = {}

    params["territoire"] = territoire

    json_stade: str | Unset = UNSET
    if not isinstance(stade, Unset):
        json_stade = stade.value

    params["stade"] = json_stade

    json_parc: str | Unset = UNSET
    if not isinstance(parc, Unset):
        json_parc = parc.value

    params["parc"] = json_parc

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dossiers",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDossiers | Problem | None:
    if response.status_code == 200:
        response_200 = PageDossiers.from_dict(response.json())

        return response_200

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
) -> Response[PageDossiers | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    stade: RechercherDossiersStade | Unset = UNSET,
    parc: RechercherDossiersParc | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    x_motif: str | Unset = UNSET,
) -> Response[PageDossiers | Problem]:
    """Search the dossiers this partner may read

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Newest
    first; cursor pagination (`next_cursor`), no total count.

    Args:
        territoire (str | Unset):
        stade (RechercherDossiersStade | Unset):
        parc (RechercherDossiersParc | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDossiers | Problem]
    """

    kwargs = _get_kwargs(
        territoire=territoire,
        stade=stade,
        parc=parc,
        limit=limit,
        cursor=cursor,
        x_motif=x_motif,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    stade: RechercherDossiersStade | Unset = UNSET,
    parc: RechercherDossiersParc | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    x_motif: str | Unset = UNSET,
) -> PageDossiers | Problem | None:
    """Search the dossiers this partner may read

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Newest
    first; cursor pagination (`next_cursor`), no total count.

    Args:
        territoire (str | Unset):
        stade (RechercherDossiersStade | Unset):
        parc (RechercherDossiersParc | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDossiers | Problem
    """

    return sync_detailed(
        client=client,
        territoire=territoire,
        stade=stade,
        parc=parc,
        limit=limit,
        cursor=cursor,
        x_motif=x_motif,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    stade: RechercherDossiersStade | Unset = UNSET,
    parc: RechercherDossiersParc | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    x_motif: str | Unset = UNSET,
) -> Response[PageDossiers | Problem]:
    """Search the dossiers this partner may read

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Newest
    first; cursor pagination (`next_cursor`), no total count.

    Args:
        territoire (str | Unset):
        stade (RechercherDossiersStade | Unset):
        parc (RechercherDossiersParc | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDossiers | Problem]
    """

    kwargs = _get_kwargs(
        territoire=territoire,
        stade=stade,
        parc=parc,
        limit=limit,
        cursor=cursor,
        x_motif=x_motif,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    stade: RechercherDossiersStade | Unset = UNSET,
    parc: RechercherDossiersParc | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    x_motif: str | Unset = UNSET,
) -> PageDossiers | Problem | None:
    """Search the dossiers this partner may read

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Newest
    first; cursor pagination (`next_cursor`), no total count.

    Args:
        territoire (str | Unset):
        stade (RechercherDossiersStade | Unset):
        parc (RechercherDossiersParc | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDossiers | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            territoire=territoire,
            stade=stade,
            parc=parc,
            limit=limit,
            cursor=cursor,
            x_motif=x_motif,
        )
    ).parsed
