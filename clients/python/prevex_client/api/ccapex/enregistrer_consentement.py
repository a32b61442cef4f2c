from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consentement import Consentement
from ...models.consentement_demande import ConsentementDemande
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    dossier_id: UUID,
    *,
    body: ConsentementDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/dossiers/{dossier_id}/consentements".format(
            dossier_id=quote(str(dossier_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Consentement | Problem | None:
    if response.status_code == 201:
        response_201 = Consentement.from_dict(response.json())

        return response_201

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Consentement | Problem]:
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
    body: ConsentementDemande,
) -> Response[Consentement | Problem]:
    """Record the household's consent to a local commission

     Scope `dossiers:lire`; the landlord, or the CCAPEX's secretariat when the household tells it (other
    kinds: 403), on a dossier it may read (else 404). `informe` gives the commission a grant
    (`consentement`); `refus` ends every grant it holds on the dossier, takes the dossier off its coming
    sessions' agendas and keeps it off them. A later statement replaces the earlier one.

    Args:
        dossier_id (UUID):
        body (ConsentementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Consentement | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentementDemande,
) -> Consentement | Problem | None:
    """Record the household's consent to a local commission

     Scope `dossiers:lire`; the landlord, or the CCAPEX's secretariat when the household tells it (other
    kinds: 403), on a dossier it may read (else 404). `informe` gives the commission a grant
    (`consentement`); `refus` ends every grant it holds on the dossier, takes the dossier off its coming
    sessions' agendas and keeps it off them. A later statement replaces the earlier one.

    Args:
        dossier_id (UUID):
        body (ConsentementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Consentement | Problem
    """

    return sync_detailed(
        dossier_id=dossier_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentementDemande,
) -> Response[Consentement | Problem]:
    """Record the household's consent to a local commission

     Scope `dossiers:lire`; the landlord, or the CCAPEX's secretariat when the household tells it (other
    kinds: 403), on a dossier it may read (else 404). `informe` gives the commission a grant
    (`consentement`); `refus` ends every grant it holds on the dossier, takes the dossier off its coming
    sessions' agendas and keeps it off them. A later statement replaces the earlier one.

    Args:
        dossier_id (UUID):
        body (ConsentementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Consentement | Problem]
    """

    kwargs = _get_kwargs(
        dossier_id=dossier_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dossier_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentementDemande,
) -> Consentement | Problem | None:
    """Record the household's consent to a local commission

     Scope `dossiers:lire`; the landlord, or the CCAPEX's secretariat when the household tells it (other
    kinds: 403), on a dossier it may read (else 404). `informe` gives the commission a grant
    (`consentement`); `refus` ends every grant it holds on the dossier, takes the dossier off its coming
    sessions' agendas and keeps it off them. A later statement replaces the earlier one.

    Args:
        dossier_id (UUID):
        body (ConsentementDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Consentement | Problem
    """

    return (
        await asyncio_detailed(
            dossier_id=dossier_id,
            client=client,
            body=body,
        )
    ).parsed
