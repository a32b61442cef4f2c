from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decisions import Decisions
from ...models.problem import Problem
from ...models.simulation_demande import SimulationDemande
from ...types import Response


def _get_kwargs(
    *,
    body: SimulationDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/regles/simulation",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Decisions | Problem | None:
    if response.status_code == 200:
        response_200 = Decisions.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Decisions | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SimulationDemande,
) -> Response[Decisions | Problem]:
    """Simulate the decisions for a dossier's acts (nothing stored)

     Scope `regles:lire`. Gives the `echeances`, `orientations` and `alertes` of the dossier these acts
    would make, exactly as real filings of the same acts would (an act's `recu_le` stands for its
    receipt time; without it, its `date_acte`). Problems: 400, 401, 403, 413, 415, 422, 503.

    Args:
        body (SimulationDemande): The acts of one dossier, in order. Nothing is stored. An act may
            carry `recu_le` (when it reached
            Prevex); without it, its `date_acte` stands for it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Decisions | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SimulationDemande,
) -> Decisions | Problem | None:
    """Simulate the decisions for a dossier's acts (nothing stored)

     Scope `regles:lire`. Gives the `echeances`, `orientations` and `alertes` of the dossier these acts
    would make, exactly as real filings of the same acts would (an act's `recu_le` stands for its
    receipt time; without it, its `date_acte`). Problems: 400, 401, 403, 413, 415, 422, 503.

    Args:
        body (SimulationDemande): The acts of one dossier, in order. Nothing is stored. An act may
            carry `recu_le` (when it reached
            Prevex); without it, its `date_acte` stands for it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Decisions | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SimulationDemande,
) -> Response[Decisions | Problem]:
    """Simulate the decisions for a dossier's acts (nothing stored)

     Scope `regles:lire`. Gives the `echeances`, `orientations` and `alertes` of the dossier these acts
    would make, exactly as real filings of the same acts would (an act's `recu_le` stands for its
    receipt time; without it, its `date_acte`). Problems: 400, 401, 403, 413, 415, 422, 503.

    Args:
        body (SimulationDemande): The acts of one dossier, in order. Nothing is stored. An act may
            carry `recu_le` (when it reached
            Prevex); without it, its `date_acte` stands for it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Decisions | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SimulationDemande,
) -> Decisions | Problem | None:
    """Simulate the decisions for a dossier's acts (nothing stored)

     Scope `regles:lire`. Gives the `echeances`, `orientations` and `alertes` of the dossier these acts
    would make, exactly as real filings of the same acts would (an act's `recu_le` stands for its
    receipt time; without it, its `date_acte`). Problems: 400, 401, 403, 413, 415, 422, 503.

    Args:
        body (SimulationDemande): The acts of one dossier, in order. Nothing is stored. An act may
            carry `recu_le` (when it reached
            Prevex); without it, its `date_acte` stands for it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Decisions | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
