from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lister_en_attente_stade import ListerEnAttenteStade
from ...models.page_a_traiter import PageATraiter
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    territoire: str | Unset = UNSET,
    motif: str | Unset = UNSET,
    stade: ListerEnAttenteStade | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["territoire"] = territoire

    params["motif"] = motif

    json_stade: str | Unset = UNSET
    if not isinstance(stade, Unset):
        json_stade = stade.value

    params["stade"] = json_stade

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ccapex/a-traiter",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageATraiter | Problem | None:
    if response.status_code == 200:
        response_200 = PageATraiter.from_dict(response.json())

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
) -> Response[PageATraiter | Problem]:
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
    motif: str | Unset = UNSET,
    stade: ListerEnAttenteStade | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageATraiter | Problem]:
    """What awaits the CCAPEX

     Scope `ccapex:gerer` (CCAPEX and local commissions). Only dossiers this partner may read (need to
    know); another is 404. The dossiers with an open orientation addressed to the CCAPEX (signalements
    over threshold, saisines, alerts, complex cases), oldest first, each with why (`motifs`: code, rule,
    source) and its next active deadline. Closed dossiers are left out. Cursor pagination, no count.
    Audited.

    Args:
        territoire (str | Unset):
        motif (str | Unset):
        stade (ListerEnAttenteStade | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageATraiter | Problem]
    """

    kwargs = _get_kwargs(
        territoire=territoire,
        motif=motif,
        stade=stade,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    motif: str | Unset = UNSET,
    stade: ListerEnAttenteStade | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageATraiter | Problem | None:
    """What awaits the CCAPEX

     Scope `ccapex:gerer` (CCAPEX and local commissions). Only dossiers this partner may read (need to
    know); another is 404. The dossiers with an open orientation addressed to the CCAPEX (signalements
    over threshold, saisines, alerts, complex cases), oldest first, each with why (`motifs`: code, rule,
    source) and its next active deadline. Closed dossiers are left out. Cursor pagination, no count.
    Audited.

    Args:
        territoire (str | Unset):
        motif (str | Unset):
        stade (ListerEnAttenteStade | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageATraiter | Problem
    """

    return sync_detailed(
        client=client,
        territoire=territoire,
        motif=motif,
        stade=stade,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    motif: str | Unset = UNSET,
    stade: ListerEnAttenteStade | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageATraiter | Problem]:
    """What awaits the CCAPEX

     Scope `ccapex:gerer` (CCAPEX and local commissions). Only dossiers this partner may read (need to
    know); another is 404. The dossiers with an open orientation addressed to the CCAPEX (signalements
    over threshold, saisines, alerts, complex cases), oldest first, each with why (`motifs`: code, rule,
    source) and its next active deadline. Closed dossiers are left out. Cursor pagination, no count.
    Audited.

    Args:
        territoire (str | Unset):
        motif (str | Unset):
        stade (ListerEnAttenteStade | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageATraiter | Problem]
    """

    kwargs = _get_kwargs(
        territoire=territoire,
        motif=motif,
        stade=stade,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    territoire: str | Unset = UNSET,
    motif: str | Unset = UNSET,
    stade: ListerEnAttenteStade | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageATraiter | Problem | None:
    """What awaits the CCAPEX

     Scope `ccapex:gerer` (CCAPEX and local commissions). Only dossiers this partner may read (need to
    know); another is 404. The dossiers with an open orientation addressed to the CCAPEX (signalements
    over threshold, saisines, alerts, complex cases), oldest first, each with why (`motifs`: code, rule,
    source) and its next active deadline. Closed dossiers are left out. Cursor pagination, no count.
    Audited.

    Args:
        territoire (str | Unset):
        motif (str | Unset):
        stade (ListerEnAttenteStade | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageATraiter | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            territoire=territoire,
            motif=motif,
            stade=stade,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
