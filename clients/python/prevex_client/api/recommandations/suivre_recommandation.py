from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.recommandation import Recommandation
from ...models.suivi_demande import SuiviDemande
from ...types import Response


def _get_kwargs(
    recommandation_id: UUID,
    *,
    body: SuiviDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/recommandations/{recommandation_id}".format(
            recommandation_id=quote(str(recommandation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Recommandation | None:
    if response.status_code == 200:
        response_200 = Recommandation.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | Recommandation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recommandation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SuiviDemande,
) -> Response[Problem | Recommandation]:
    """Record a recommendation's follow-up

     Scope `recommandations:suivre`. By its addressee; for the household, by its emitter or a CCAPEX
    secretariat that may read the dossier; to anyone else it is 404. Every change is kept (`suivis`) and
    announced (`recommandation.suivie`).

    Args:
        recommandation_id (UUID):
        body (SuiviDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recommandation]
    """

    kwargs = _get_kwargs(
        recommandation_id=recommandation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recommandation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SuiviDemande,
) -> Problem | Recommandation | None:
    """Record a recommendation's follow-up

     Scope `recommandations:suivre`. By its addressee; for the household, by its emitter or a CCAPEX
    secretariat that may read the dossier; to anyone else it is 404. Every change is kept (`suivis`) and
    announced (`recommandation.suivie`).

    Args:
        recommandation_id (UUID):
        body (SuiviDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recommandation
    """

    return sync_detailed(
        recommandation_id=recommandation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    recommandation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SuiviDemande,
) -> Response[Problem | Recommandation]:
    """Record a recommendation's follow-up

     Scope `recommandations:suivre`. By its addressee; for the household, by its emitter or a CCAPEX
    secretariat that may read the dossier; to anyone else it is 404. Every change is kept (`suivis`) and
    announced (`recommandation.suivie`).

    Args:
        recommandation_id (UUID):
        body (SuiviDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recommandation]
    """

    kwargs = _get_kwargs(
        recommandation_id=recommandation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recommandation_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SuiviDemande,
) -> Problem | Recommandation | None:
    """Record a recommendation's follow-up

     Scope `recommandations:suivre`. By its addressee; for the household, by its emitter or a CCAPEX
    secretariat that may read the dossier; to anyone else it is 404. Every change is kept (`suivis`) and
    announced (`recommandation.suivie`).

    Args:
        recommandation_id (UUID):
        body (SuiviDemande):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recommandation
    """

    return (
        await asyncio_detailed(
            recommandation_id=recommandation_id,
            client=client,
            body=body,
        )
    ).parsed
