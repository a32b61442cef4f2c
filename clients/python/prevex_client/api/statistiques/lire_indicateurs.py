from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.indicateurs import Indicateurs
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    territoire: str,
    du: int | Unset = 2019,
    au: int | Unset = 2024,
    x_motif: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_motif, Unset):
        headers["X-Motif"] = x_motif

    params: dict[str, Any] = {}

    params["territoire"] = territoire

    params["du"] = du

    params["au"] = au

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/statistiques/indicateurs",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Indicateurs | Problem | None:
    if response.status_code == 200:
        response_200 = Indicateurs.from_dict(response.json())

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
) -> Response[Indicateurs | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    territoire: str,
    du: int | Unset = 2019,
    au: int | Unset = 2024,
    x_motif: str | Unset = UNSET,
) -> Response[Indicateurs | Problem]:
    """The charters' indicators of a territory, year by year

     Scope `statistiques:lire` (CCAPEX, préfecture, département), for one of the partner's territories
    (else 403). Tidy rows `{annee, indicateur, parc, valeur, masque}`, in three tables named apart:
    counts by the act's own date (`lignes`), same-year ratios (`ratios_meme_annee`) and CDP cohort
    conversions (`conversions_cohorte`); each indicator is defined in docs/statistiques.md with the
    charter line it answers. A count below `PREVEX_STATS_SEUIL` (default 5, but not 0) is `valeur: null,
    masque: true` for every reader but the territory's CCAPEX, and complementary cells are masked so
    that no total gives it back. `Accept: text/csv` gives the same rows as CSV; `graphiques` links the
    SVG charts. Computed from the aggregates (`calcule_le`: their last rebuild, `prevex statistiques
    reconstruire`). Every read is audited like a dossier's (`lecture_statistiques`, with `X-Motif` and
    what was read).

    Args:
        territoire (str): Département code
        du (int | Unset):  Default: 2019.
        au (int | Unset):  Default: 2024.
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Indicateurs | Problem]
    """

    kwargs = _get_kwargs(
        territoire=territoire,
        du=du,
        au=au,
        x_motif=x_motif,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    territoire: str,
    du: int | Unset = 2019,
    au: int | Unset = 2024,
    x_motif: str | Unset = UNSET,
) -> Indicateurs | Problem | None:
    """The charters' indicators of a territory, year by year

     Scope `statistiques:lire` (CCAPEX, préfecture, département), for one of the partner's territories
    (else 403). Tidy rows `{annee, indicateur, parc, valeur, masque}`, in three tables named apart:
    counts by the act's own date (`lignes`), same-year ratios (`ratios_meme_annee`) and CDP cohort
    conversions (`conversions_cohorte`); each indicator is defined in docs/statistiques.md with the
    charter line it answers. A count below `PREVEX_STATS_SEUIL` (default 5, but not 0) is `valeur: null,
    masque: true` for every reader but the territory's CCAPEX, and complementary cells are masked so
    that no total gives it back. `Accept: text/csv` gives the same rows as CSV; `graphiques` links the
    SVG charts. Computed from the aggregates (`calcule_le`: their last rebuild, `prevex statistiques
    reconstruire`). Every read is audited like a dossier's (`lecture_statistiques`, with `X-Motif` and
    what was read).

    Args:
        territoire (str): Département code
        du (int | Unset):  Default: 2019.
        au (int | Unset):  Default: 2024.
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Indicateurs | Problem
    """

    return sync_detailed(
        client=client,
        territoire=territoire,
        du=du,
        au=au,
        x_motif=x_motif,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    territoire: str,
    du: int | Unset = 2019,
    au: int | Unset = 2024,
    x_motif: str | Unset = UNSET,
) -> Response[Indicateurs | Problem]:
    """The charters' indicators of a territory, year by year

     Scope `statistiques:lire` (CCAPEX, préfecture, département), for one of the partner's territories
    (else 403). Tidy rows `{annee, indicateur, parc, valeur, masque}`, in three tables named apart:
    counts by the act's own date (`lignes`), same-year ratios (`ratios_meme_annee`) and CDP cohort
    conversions (`conversions_cohorte`); each indicator is defined in docs/statistiques.md with the
    charter line it answers. A count below `PREVEX_STATS_SEUIL` (default 5, but not 0) is `valeur: null,
    masque: true` for every reader but the territory's CCAPEX, and complementary cells are masked so
    that no total gives it back. `Accept: text/csv` gives the same rows as CSV; `graphiques` links the
    SVG charts. Computed from the aggregates (`calcule_le`: their last rebuild, `prevex statistiques
    reconstruire`). Every read is audited like a dossier's (`lecture_statistiques`, with `X-Motif` and
    what was read).

    Args:
        territoire (str): Département code
        du (int | Unset):  Default: 2019.
        au (int | Unset):  Default: 2024.
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Indicateurs | Problem]
    """

    kwargs = _get_kwargs(
        territoire=territoire,
        du=du,
        au=au,
        x_motif=x_motif,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    territoire: str,
    du: int | Unset = 2019,
    au: int | Unset = 2024,
    x_motif: str | Unset = UNSET,
) -> Indicateurs | Problem | None:
    """The charters' indicators of a territory, year by year

     Scope `statistiques:lire` (CCAPEX, préfecture, département), for one of the partner's territories
    (else 403). Tidy rows `{annee, indicateur, parc, valeur, masque}`, in three tables named apart:
    counts by the act's own date (`lignes`), same-year ratios (`ratios_meme_annee`) and CDP cohort
    conversions (`conversions_cohorte`); each indicator is defined in docs/statistiques.md with the
    charter line it answers. A count below `PREVEX_STATS_SEUIL` (default 5, but not 0) is `valeur: null,
    masque: true` for every reader but the territory's CCAPEX, and complementary cells are masked so
    that no total gives it back. `Accept: text/csv` gives the same rows as CSV; `graphiques` links the
    SVG charts. Computed from the aggregates (`calcule_le`: their last rebuild, `prevex statistiques
    reconstruire`). Every read is audited like a dossier's (`lecture_statistiques`, with `X-Motif` and
    what was read).

    Args:
        territoire (str): Département code
        du (int | Unset):  Default: 2019.
        au (int | Unset):  Default: 2024.
        x_motif (str | Unset): Why this read is made (e.g. a case number, 'commission du 12/03'):
            recorded in the audit of the dossier. Optional; at most 200 characters, no control
            characters. Never personal data.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Indicateurs | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            territoire=territoire,
            du=du,
            au=au,
            x_motif=x_motif,
        )
    ).parsed
