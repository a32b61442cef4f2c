from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.releve import Releve
from ...types import Response


def _get_kwargs(
    seance_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/seances/{seance_id}/releve".format(
            seance_id=quote(str(seance_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Releve | None:
    if response.status_code == 200:
        response_200 = Releve.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Releve]:
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
) -> Response[Problem | Releve]:
    """Send a session's relevé de décisions to the State's services

     Scope `ccapex:gerer`, the session's secretariat only (else 404). One `seance.releve` event to the
    préfecture partners of the session's territory: the agenda's dossier ids and outcomes, nothing else
    (`seeds/002_93761ec2a302805a.txt:L1075-1079`, the CLPIL's relevé). Sending again sends it again.

    Args:
        seance_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Releve]
    """

    kwargs = _get_kwargs(
        seance_id=seance_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    seance_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | Releve | None:
    """Send a session's relevé de décisions to the State's services

     Scope `ccapex:gerer`, the session's secretariat only (else 404). One `seance.releve` event to the
    préfecture partners of the session's territory: the agenda's dossier ids and outcomes, nothing else
    (`seeds/002_93761ec2a302805a.txt:L1075-1079`, the CLPIL's relevé). Sending again sends it again.

    Args:
        seance_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Releve
    """

    return sync_detailed(
        seance_id=seance_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    seance_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | Releve]:
    """Send a session's relevé de décisions to the State's services

     Scope `ccapex:gerer`, the session's secretariat only (else 404). One `seance.releve` event to the
    préfecture partners of the session's territory: the agenda's dossier ids and outcomes, nothing else
    (`seeds/002_93761ec2a302805a.txt:L1075-1079`, the CLPIL's relevé). Sending again sends it again.

    Args:
        seance_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Releve]
    """

    kwargs = _get_kwargs(
        seance_id=seance_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    seance_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | Releve | None:
    """Send a session's relevé de décisions to the State's services

     Scope `ccapex:gerer`, the session's secretariat only (else 404). One `seance.releve` event to the
    préfecture partners of the session's territory: the agenda's dossier ids and outcomes, nothing else
    (`seeds/002_93761ec2a302805a.txt:L1075-1079`, the CLPIL's relevé). Sending again sends it again.

    Args:
        seance_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Releve
    """

    return (
        await asyncio_detailed(
            seance_id=seance_id,
            client=client,
        )
    ).parsed
