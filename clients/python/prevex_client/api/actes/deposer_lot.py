from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assignation import Assignation
from ...models.cloture import Cloture
from ...models.commandement_de_payer import CommandementDePayer
from ...models.commandement_quitter_lieux import CommandementQuitterLieux
from ...models.decision_apl import DecisionApl
from ...models.decision_cfp import DecisionCfp
from ...models.decision_dalo import DecisionDalo
from ...models.decision_fsl import DecisionFsl
from ...models.decision_justice import DecisionJustice
from ...models.diagnostic_social_financier import DiagnosticSocialFinancier
from ...models.expulsion import Expulsion
from ...models.plan_apurement import PlanApurement
from ...models.problem import Problem
from ...models.protocole_cohesion_sociale import ProtocoleCohesionSociale
from ...models.reponse_lot import ReponseLot
from ...models.requisition_cfp import RequisitionCfp
from ...models.saisine_ccapex import SaisineCcapex
from ...models.signalement_impaye import SignalementImpaye
from ...models.surendettement import Surendettement
from ...types import Response


def _get_kwargs(
    *,
    body: list[
        Assignation
        | Cloture
        | CommandementDePayer
        | CommandementQuitterLieux
        | DecisionApl
        | DecisionCfp
        | DecisionDalo
        | DecisionFsl
        | DecisionJustice
        | DiagnosticSocialFinancier
        | Expulsion
        | PlanApurement
        | ProtocoleCohesionSociale
        | RequisitionCfp
        | SaisineCcapex
        | SignalementImpaye
        | Surendettement
    ],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/actes/lot",
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item: dict[str, Any]
        if isinstance(body_item_data, SignalementImpaye):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, CommandementDePayer):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, SaisineCcapex):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, Assignation):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, DiagnosticSocialFinancier):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, DecisionJustice):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, ProtocoleCohesionSociale):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, CommandementQuitterLieux):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, RequisitionCfp):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, DecisionCfp):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, Expulsion):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, DecisionFsl):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, Surendettement):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, DecisionDalo):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, DecisionApl):
            body_item = body_item_data.to_dict()
        elif isinstance(body_item_data, PlanApurement):
            body_item = body_item_data.to_dict()
        else:
            body_item = body_item_data.to_dict()

        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReponseLot | None:
    if response.status_code == 200:
        response_200 = ReponseLot.from_dict(response.json())

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
) -> Response[Problem | ReponseLot]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[
        Assignation
        | Cloture
        | CommandementDePayer
        | CommandementQuitterLieux
        | DecisionApl
        | DecisionCfp
        | DecisionDalo
        | DecisionFsl
        | DecisionJustice
        | DiagnosticSocialFinancier
        | Expulsion
        | PlanApurement
        | ProtocoleCohesionSociale
        | RequisitionCfp
        | SaisineCcapex
        | SignalementImpaye
        | Surendettement
    ],
) -> Response[Problem | ReponseLot]:
    """File a batch of acts

     Up to 10000 acts, as a JSON array (`application/json`) or NDJSON (`application/x-ndjson`), each
    validated, authorised and made idempotent (by its `reference`) exactly like `POST /v1/actes`. The
    answer lists one result per item, in order: its receipt, or its problem. A bad item never blocks the
    good ones; items are committed in chunks, each item atomically. With `Accept: application/x-ndjson`
    the answer streams: one line per item (`{index, statut, recu|probleme}`) as its chunk commits, then
    a last line `{"fin": true, "acceptes", "rejetes"}`; if the database goes away mid-batch the last
    line is `{"fin": false, "reprendre_a": <first item not filed>, "probleme": <503>}` (every line
    before it stands; sending the batch again replays them). Scope: `actes:deposer` (and each act's
    own). Problems for the whole batch: 400, 401, 403, 413, 415, 422 (not an array, too many items),
    503.

    Args:
        body (list[Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux |
            DecisionApl | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice |
            DiagnosticSocialFinancier | Expulsion | PlanApurement | ProtocoleCohesionSociale |
            RequisitionCfp | SaisineCcapex | SignalementImpaye | Surendettement]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReponseLot]
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
    body: list[
        Assignation
        | Cloture
        | CommandementDePayer
        | CommandementQuitterLieux
        | DecisionApl
        | DecisionCfp
        | DecisionDalo
        | DecisionFsl
        | DecisionJustice
        | DiagnosticSocialFinancier
        | Expulsion
        | PlanApurement
        | ProtocoleCohesionSociale
        | RequisitionCfp
        | SaisineCcapex
        | SignalementImpaye
        | Surendettement
    ],
) -> Problem | ReponseLot | None:
    """File a batch of acts

     Up to 10000 acts, as a JSON array (`application/json`) or NDJSON (`application/x-ndjson`), each
    validated, authorised and made idempotent (by its `reference`) exactly like `POST /v1/actes`. The
    answer lists one result per item, in order: its receipt, or its problem. A bad item never blocks the
    good ones; items are committed in chunks, each item atomically. With `Accept: application/x-ndjson`
    the answer streams: one line per item (`{index, statut, recu|probleme}`) as its chunk commits, then
    a last line `{"fin": true, "acceptes", "rejetes"}`; if the database goes away mid-batch the last
    line is `{"fin": false, "reprendre_a": <first item not filed>, "probleme": <503>}` (every line
    before it stands; sending the batch again replays them). Scope: `actes:deposer` (and each act's
    own). Problems for the whole batch: 400, 401, 403, 413, 415, 422 (not an array, too many items),
    503.

    Args:
        body (list[Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux |
            DecisionApl | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice |
            DiagnosticSocialFinancier | Expulsion | PlanApurement | ProtocoleCohesionSociale |
            RequisitionCfp | SaisineCcapex | SignalementImpaye | Surendettement]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReponseLot
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[
        Assignation
        | Cloture
        | CommandementDePayer
        | CommandementQuitterLieux
        | DecisionApl
        | DecisionCfp
        | DecisionDalo
        | DecisionFsl
        | DecisionJustice
        | DiagnosticSocialFinancier
        | Expulsion
        | PlanApurement
        | ProtocoleCohesionSociale
        | RequisitionCfp
        | SaisineCcapex
        | SignalementImpaye
        | Surendettement
    ],
) -> Response[Problem | ReponseLot]:
    """File a batch of acts

     Up to 10000 acts, as a JSON array (`application/json`) or NDJSON (`application/x-ndjson`), each
    validated, authorised and made idempotent (by its `reference`) exactly like `POST /v1/actes`. The
    answer lists one result per item, in order: its receipt, or its problem. A bad item never blocks the
    good ones; items are committed in chunks, each item atomically. With `Accept: application/x-ndjson`
    the answer streams: one line per item (`{index, statut, recu|probleme}`) as its chunk commits, then
    a last line `{"fin": true, "acceptes", "rejetes"}`; if the database goes away mid-batch the last
    line is `{"fin": false, "reprendre_a": <first item not filed>, "probleme": <503>}` (every line
    before it stands; sending the batch again replays them). Scope: `actes:deposer` (and each act's
    own). Problems for the whole batch: 400, 401, 403, 413, 415, 422 (not an array, too many items),
    503.

    Args:
        body (list[Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux |
            DecisionApl | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice |
            DiagnosticSocialFinancier | Expulsion | PlanApurement | ProtocoleCohesionSociale |
            RequisitionCfp | SaisineCcapex | SignalementImpaye | Surendettement]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReponseLot]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[
        Assignation
        | Cloture
        | CommandementDePayer
        | CommandementQuitterLieux
        | DecisionApl
        | DecisionCfp
        | DecisionDalo
        | DecisionFsl
        | DecisionJustice
        | DiagnosticSocialFinancier
        | Expulsion
        | PlanApurement
        | ProtocoleCohesionSociale
        | RequisitionCfp
        | SaisineCcapex
        | SignalementImpaye
        | Surendettement
    ],
) -> Problem | ReponseLot | None:
    """File a batch of acts

     Up to 10000 acts, as a JSON array (`application/json`) or NDJSON (`application/x-ndjson`), each
    validated, authorised and made idempotent (by its `reference`) exactly like `POST /v1/actes`. The
    answer lists one result per item, in order: its receipt, or its problem. A bad item never blocks the
    good ones; items are committed in chunks, each item atomically. With `Accept: application/x-ndjson`
    the answer streams: one line per item (`{index, statut, recu|probleme}`) as its chunk commits, then
    a last line `{"fin": true, "acceptes", "rejetes"}`; if the database goes away mid-batch the last
    line is `{"fin": false, "reprendre_a": <first item not filed>, "probleme": <503>}` (every line
    before it stands; sending the batch again replays them). Scope: `actes:deposer` (and each act's
    own). Problems for the whole batch: 400, 401, 403, 413, 415, 422 (not an array, too many items),
    503.

    Args:
        body (list[Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux |
            DecisionApl | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice |
            DiagnosticSocialFinancier | Expulsion | PlanApurement | ProtocoleCohesionSociale |
            RequisitionCfp | SaisineCcapex | SignalementImpaye | Surendettement]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReponseLot
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
