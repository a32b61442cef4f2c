from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chronologie import Chronologie
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dossier_id: UUID,
    *,
    x_motif: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_motif, Unset):
        headers["X-Motif"] = x_motif

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dossiers/{dossier_id}/chronologie".format(
            dossier_id=quote(str(dossier_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Chronologie | Problem | None:
    if response.status_code == 200:
        response_200 = Chronologie.from_dict(response.json())

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
) -> Response[Chronologie | Problem]:
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
    x_motif: str | Unset = UNSET,
) -> Response[Chronologie | Problem]:
    """A dossier's acts and events in order

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Each act
    with who filed it and when Prevex received it; each event.

    Args:
        dossier_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Chronologie | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
        x_motif=x_motif,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> Chronologie | Problem | None:
    """A dossier's acts and events in order

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Each act
    with who filed it and when Prevex received it; each event.

    Args:
        dossier_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Chronologie | Problem
    """

    return sync_detailed(
        dossier_id=dossier_id,
        client=client,
        x_motif=x_motif,
    ).parsed


async def asyncio_detailed(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> Response[Chronologie | Problem]:
    """A dossier's acts and events in order

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Each act
    with who filed it and when Prevex received it; each event.

    Args:
        dossier_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Chronologie | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
        x_motif=x_motif,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> Chronologie | Problem | None:
    """A dossier's acts and events in order

     Scope `dossiers:lire`. Territorial bodies read their territories' dossiers; parties read the
    dossiers they filed in. A dossier outside the partner's scope is 404, never 403. Audited. Each act
    with who filed it and when Prevex received it; each event.

    Args:
        dossier_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Chronologie | Problem
    """

    return (
        await asyncio_detailed(
            dossier_id=dossier_id,
            client=client,
            x_motif=x_motif,
        )
    ).parsed
