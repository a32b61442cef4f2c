from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.examen_demande import ExamenDemande
from ...models.problem import Problem
from ...models.seance import Seance
from ...types import Response


def _get_kwargs(
    seance_id: UUID,
    dossier_id: UUID,
    *,
    body: ExamenDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/seances/{seance_id}/ordre-du-jour/{dossier_id}".format(
            seance_id=quote(str(seance_id), safe=""),
            dossier_id=quote(str(dossier_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Seance | None:
    if response.status_code == 200:
        response_200 = Seance.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Seance]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    seance_id: UUID,
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExamenDemande,
) -> Response[Problem | Seance]:
    """Record what the session made of a dossier

     Scope `ccapex:gerer`, the session's secretariat only (else 404; 404 too when the dossier is not on
    the agenda). `examine` starts the 12-month follow-up of the dossier's outcome.

    Args:
        seance_id (UUID):
        dossier_id (UUID):
        body (ExamenDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Seance]
    """

    kwargs = _get_kwargs(
        seance_id=seance_id,
        dossier_id=dossier_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    seance_id: UUID,
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExamenDemande,
) -> Problem | Seance | None:
    """Record what the session made of a dossier

     Scope `ccapex:gerer`, the session's secretariat only (else 404; 404 too when the dossier is not on
    the agenda). `examine` starts the 12-month follow-up of the dossier's outcome.

    Args:
        seance_id (UUID):
        dossier_id (UUID):
        body (ExamenDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Seance
    """

    return sync_detailed(
        seance_id=seance_id,
        dossier_id=dossier_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    seance_id: UUID,
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExamenDemande,
) -> Response[Problem | Seance]:
    """Record what the session made of a dossier

     Scope `ccapex:gerer`, the session's secretariat only (else 404; 404 too when the dossier is not on
    the agenda). `examine` starts the 12-month follow-up of the dossier's outcome.

    Args:
        seance_id (UUID):
        dossier_id (UUID):
        body (ExamenDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Seance]
    """

    kwargs = _get_kwargs(
        seance_id=seance_id,
        dossier_id=dossier_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    seance_id: UUID,
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ExamenDemande,
) -> Problem | Seance | None:
    """Record what the session made of a dossier

     Scope `ccapex:gerer`, the session's secretariat only (else 404; 404 too when the dossier is not on
    the agenda). `examine` starts the 12-month follow-up of the dossier's outcome.

    Args:
        seance_id (UUID):
        dossier_id (UUID):
        body (ExamenDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Seance
    """

    return (
        await asyncio_detailed(
            seance_id=seance_id,
            dossier_id=dossier_id,
            client=client,
            body=body,
        )
    ).parsed
