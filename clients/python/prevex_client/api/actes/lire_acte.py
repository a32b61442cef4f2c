from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.acte_vue import ActeVue
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    acte_id: UUID,
    *,
    x_motif: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_motif, Unset):
        headers["X-Motif"] = x_motif

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/actes/{acte_id}".format(
            acte_id=quote(str(acte_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActeVue | Problem | None:
    if response.status_code == 200:
        response_200 = ActeVue.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ActeVue | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    acte_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> Response[ActeVue | Problem]:
    """Read one act

     Scope `dossiers:lire`. The act's content only where the partner's mission needs it, with the
    decisions made when it was filed. An act outside the partner's scope is 404. Every read is audited.

    Args:
        acte_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActeVue | Problem]
    """

    kwargs = _get_kwargs(
        acte_id=acte_id,
        x_motif=x_motif,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    acte_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> ActeVue | Problem | None:
    """Read one act

     Scope `dossiers:lire`. The act's content only where the partner's mission needs it, with the
    decisions made when it was filed. An act outside the partner's scope is 404. Every read is audited.

    Args:
        acte_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActeVue | Problem
    """

    return sync_detailed(
        acte_id=acte_id,
        client=client,
        x_motif=x_motif,
    ).parsed


async def asyncio_detailed(
    acte_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> Response[ActeVue | Problem]:
    """Read one act

     Scope `dossiers:lire`. The act's content only where the partner's mission needs it, with the
    decisions made when it was filed. An act outside the partner's scope is 404. Every read is audited.

    Args:
        acte_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActeVue | Problem]
    """

    kwargs = _get_kwargs(
        acte_id=acte_id,
        x_motif=x_motif,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    acte_id: UUID,
    *,
    client: AuthenticatedClient,
    x_motif: str | Unset = UNSET,
) -> ActeVue | Problem | None:
    """Read one act

     Scope `dossiers:lire`. The act's content only where the partner's mission needs it, with the
    decisions made when it was filed. An act outside the partner's scope is 404. Every read is audited.

    Args:
        acte_id (UUID):
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActeVue | Problem
    """

    return (
        await asyncio_detailed(
            acte_id=acte_id,
            client=client,
            x_motif=x_motif,
        )
    ).parsed
