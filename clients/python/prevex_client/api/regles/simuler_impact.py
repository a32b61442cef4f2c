from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.impact_demande import ImpactDemande
from ...models.impact_reponse import ImpactReponse
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ImpactDemande,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/regles/impact",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImpactReponse | Problem | None:
    if response.status_code == 200:
        response_200 = ImpactReponse.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImpactReponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImpactDemande,
) -> Response[ImpactReponse | Problem]:
    """What a draft rule file would change on the stored dossiers (nothing stored)

     Scopes `regles:lire` and `dossiers:lire`; for the CCAPEX, the préfecture and the département (the
    kinds that read every decision of their territories' dossiers), in one of their territories. The
    draft (`fichier`, a rule file's YAML) takes the place of the file it replaces (`remplace`, else the
    territory's files sharing a rule id with it); the engine runs on the stored acts of every dossier of
    `territoire` the caller may read, once with the rules in force and once with the draft, and the
    answer counts the decisions that would appear, disappear, change date or otherwise change, with
    examples (dossier and act ids, codes, rules, dates: never an act's content) and the dossiers that
    change. Read-only: nothing is stored. A malformed draft is 422, each error naming the file, rule and
    field as `prevex regles verifier` does. Problems: 400, 401, 403, 413, 415, 422.

    Args:
        body (ImpactDemande): A draft rule file and the territory whose stored dossiers it is
            tried on. Nothing is stored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpactReponse | Problem]
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
    body: ImpactDemande,
) -> ImpactReponse | Problem | None:
    """What a draft rule file would change on the stored dossiers (nothing stored)

     Scopes `regles:lire` and `dossiers:lire`; for the CCAPEX, the préfecture and the département (the
    kinds that read every decision of their territories' dossiers), in one of their territories. The
    draft (`fichier`, a rule file's YAML) takes the place of the file it replaces (`remplace`, else the
    territory's files sharing a rule id with it); the engine runs on the stored acts of every dossier of
    `territoire` the caller may read, once with the rules in force and once with the draft, and the
    answer counts the decisions that would appear, disappear, change date or otherwise change, with
    examples (dossier and act ids, codes, rules, dates: never an act's content) and the dossiers that
    change. Read-only: nothing is stored. A malformed draft is 422, each error naming the file, rule and
    field as `prevex regles verifier` does. Problems: 400, 401, 403, 413, 415, 422.

    Args:
        body (ImpactDemande): A draft rule file and the territory whose stored dossiers it is
            tried on. Nothing is stored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpactReponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImpactDemande,
) -> Response[ImpactReponse | Problem]:
    """What a draft rule file would change on the stored dossiers (nothing stored)

     Scopes `regles:lire` and `dossiers:lire`; for the CCAPEX, the préfecture and the département (the
    kinds that read every decision of their territories' dossiers), in one of their territories. The
    draft (`fichier`, a rule file's YAML) takes the place of the file it replaces (`remplace`, else the
    territory's files sharing a rule id with it); the engine runs on the stored acts of every dossier of
    `territoire` the caller may read, once with the rules in force and once with the draft, and the
    answer counts the decisions that would appear, disappear, change date or otherwise change, with
    examples (dossier and act ids, codes, rules, dates: never an act's content) and the dossiers that
    change. Read-only: nothing is stored. A malformed draft is 422, each error naming the file, rule and
    field as `prevex regles verifier` does. Problems: 400, 401, 403, 413, 415, 422.

    Args:
        body (ImpactDemande): A draft rule file and the territory whose stored dossiers it is
            tried on. Nothing is stored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImpactReponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImpactDemande,
) -> ImpactReponse | Problem | None:
    """What a draft rule file would change on the stored dossiers (nothing stored)

     Scopes `regles:lire` and `dossiers:lire`; for the CCAPEX, the préfecture and the département (the
    kinds that read every decision of their territories' dossiers), in one of their territories. The
    draft (`fichier`, a rule file's YAML) takes the place of the file it replaces (`remplace`, else the
    territory's files sharing a rule id with it); the engine runs on the stored acts of every dossier of
    `territoire` the caller may read, once with the rules in force and once with the draft, and the
    answer counts the decisions that would appear, disappear, change date or otherwise change, with
    examples (dossier and act ids, codes, rules, dates: never an act's content) and the dossiers that
    change. Read-only: nothing is stored. A malformed draft is 422, each error naming the file, rule and
    field as `prevex regles verifier` does. Problems: 400, 401, 403, 413, 415, 422.

    Args:
        body (ImpactDemande): A draft rule file and the territory whose stored dossiers it is
            tried on. Nothing is stored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImpactReponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
