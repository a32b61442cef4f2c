from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ordre_du_jour_demande import OrdreDuJourDemande
from ...models.problem import Problem
from ...models.seance import Seance
from ...types import Response


def _get_kwargs(
    seance_id: UUID,
    *,
    body: OrdreDuJourDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/seances/{seance_id}/ordre-du-jour".format(
            seance_id=quote(str(seance_id), safe=""),
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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
    *,
    client: AuthenticatedClient,
    body: OrdreDuJourDemande,
) -> Response[Problem | Seance]:
    """Put a dossier on a session's agenda

     Scope `ccapex:gerer`, the session's secretariat only (else 404). The dossier must be one it may read
    (else 422 on `/dossier_id`, the refusal audited), of the session's territory. 409 `consentement-
    refuse` when the household refused the session's commission; 409 `ordre-du-jour-fige` for a local
    session less than a month away. Adding it twice changes nothing.

    Args:
        seance_id (UUID):
        body (OrdreDuJourDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Seance]
    """

    kwargs = _get_kwargs(
        seance_id=seance_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    seance_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrdreDuJourDemande,
) -> Problem | Seance | None:
    """Put a dossier on a session's agenda

     Scope `ccapex:gerer`, the session's secretariat only (else 404). The dossier must be one it may read
    (else 422 on `/dossier_id`, the refusal audited), of the session's territory. 409 `consentement-
    refuse` when the household refused the session's commission; 409 `ordre-du-jour-fige` for a local
    session less than a month away. Adding it twice changes nothing.

    Args:
        seance_id (UUID):
        body (OrdreDuJourDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Seance
    """

    return sync_detailed(
        seance_id=seance_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    seance_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrdreDuJourDemande,
) -> Response[Problem | Seance]:
    """Put a dossier on a session's agenda

     Scope `ccapex:gerer`, the session's secretariat only (else 404). The dossier must be one it may read
    (else 422 on `/dossier_id`, the refusal audited), of the session's territory. 409 `consentement-
    refuse` when the household refused the session's commission; 409 `ordre-du-jour-fige` for a local
    session less than a month away. Adding it twice changes nothing.

    Args:
        seance_id (UUID):
        body (OrdreDuJourDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Seance]
    """

    kwargs = _get_kwargs(
        seance_id=seance_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    seance_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrdreDuJourDemande,
) -> Problem | Seance | None:
    """Put a dossier on a session's agenda

     Scope `ccapex:gerer`, the session's secretariat only (else 404). The dossier must be one it may read
    (else 422 on `/dossier_id`, the refusal audited), of the session's territory. 409 `consentement-
    refuse` when the household refused the session's commission; 409 `ordre-du-jour-fige` for a local
    session less than a month away. Adding it twice changes nothing.

    Args:
        seance_id (UUID):
        body (OrdreDuJourDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Seance
    """

    return (
        await asyncio_detailed(
            seance_id=seance_id,
            client=client,
            body=body,
        )
    ).parsed
