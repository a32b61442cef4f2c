from http import HTTPStatus
from typing import Any, Literal

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lister_recommandations_statut import ListerRecommandationsStatut
from ...models.page_recommandations import PageRecommandations
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    destinataire: Literal["moi"] | Unset = "moi",
    statut: ListerRecommandationsStatut | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["destinataire"] = destinataire

    json_statut: str | Unset = UNSET
    if not isinstance(statut, Unset):
        json_statut = statut.value

    params["statut"] = json_statut

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recommandations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRecommandations | Problem | None:
    if response.status_code == 200:
        response_200 = PageRecommandations.from_dict(response.json())

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
) -> Response[PageRecommandations | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    destinataire: Literal["moi"] | Unset = "moi",
    statut: ListerRecommandationsStatut | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageRecommandations | Problem]:
    """The recommendations addressed to this partner

     Scope `recommandations:suivre`. `destinataire=moi`: those the calling partner answers for (addressed
    to it, or to the household when it made them: the secretariat records their follow-up), on dossiers
    it may still read, oldest first; `statut` filters. Cursor pagination, no count. Audited.

    Args:
        destinataire (Literal['moi'] | Unset):  Default: 'moi'.
        statut (ListerRecommandationsStatut | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRecommandations | Problem]
    """

    kwargs = _get_kwargs(
        destinataire=destinataire,
        statut=statut,
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
    destinataire: Literal["moi"] | Unset = "moi",
    statut: ListerRecommandationsStatut | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageRecommandations | Problem | None:
    """The recommendations addressed to this partner

     Scope `recommandations:suivre`. `destinataire=moi`: those the calling partner answers for (addressed
    to it, or to the household when it made them: the secretariat records their follow-up), on dossiers
    it may still read, oldest first; `statut` filters. Cursor pagination, no count. Audited.

    Args:
        destinataire (Literal['moi'] | Unset):  Default: 'moi'.
        statut (ListerRecommandationsStatut | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRecommandations | Problem
    """

    return sync_detailed(
        client=client,
        destinataire=destinataire,
        statut=statut,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    destinataire: Literal["moi"] | Unset = "moi",
    statut: ListerRecommandationsStatut | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageRecommandations | Problem]:
    """The recommendations addressed to this partner

     Scope `recommandations:suivre`. `destinataire=moi`: those the calling partner answers for (addressed
    to it, or to the household when it made them: the secretariat records their follow-up), on dossiers
    it may still read, oldest first; `statut` filters. Cursor pagination, no count. Audited.

    Args:
        destinataire (Literal['moi'] | Unset):  Default: 'moi'.
        statut (ListerRecommandationsStatut | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRecommandations | Problem]
    """

    kwargs = _get_kwargs(
        destinataire=destinataire,
        statut=statut,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    destinataire: Literal["moi"] | Unset = "moi",
    statut: ListerRecommandationsStatut | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageRecommandations | Problem | None:
    """The recommendations addressed to this partner

     Scope `recommandations:suivre`. `destinataire=moi`: those the calling partner answers for (addressed
    to it, or to the household when it made them: the secretariat records their follow-up), on dossiers
    it may still read, oldest first; `statut` filters. Cursor pagination, no count. Audited.

    Args:
        destinataire (Literal['moi'] | Unset):  Default: 'moi'.
        statut (ListerRecommandationsStatut | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRecommandations | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            destinataire=destinataire,
            statut=statut,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
