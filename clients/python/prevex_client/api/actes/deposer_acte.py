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
from ...models.recu import Recu
from ...models.requisition_cfp import RequisitionCfp
from ...models.saisine_ccapex import SaisineCcapex
from ...models.signalement_impaye import SignalementImpaye
from ...models.surendettement import Surendettement
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Assignation
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
    | Surendettement,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/actes",
    }

    if isinstance(body, SignalementImpaye):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, CommandementDePayer):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, SaisineCcapex):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, Assignation):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DiagnosticSocialFinancier):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DecisionJustice):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ProtocoleCohesionSociale):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, CommandementQuitterLieux):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, RequisitionCfp):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DecisionCfp):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, Expulsion):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DecisionFsl):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, Surendettement):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DecisionDalo):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DecisionApl):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, PlanApurement):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Recu | None:
    if response.status_code == 200:
        response_200 = Recu.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Recu.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Recu]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Assignation
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
    | Surendettement,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Recu]:
    """File a procedure act

     Scopes: `actes:deposer` and `actes:<type>:deposer` (which types a partner kind may file:
    `docs/actes.md`). The act attaches to its household's dossier (explicit `dossier_id`, else address +
    occupants). The receipt's `recu_le` is the legal proof of the filing date; it carries the rules
    engine's new `echeances`, `orientations` and `alertes`. The partner's `reference` is unique per
    partner: the same act sent again answers 200 with the first receipt; another act under the same
    reference is 409. Problems: 400 malformed JSON, 401, 403 (kind may not file this type, or
    territory), 409, 413, 415, 422 (one `errors` entry per field, JSON pointers), 503.

    Args:
        idempotency_key (str | Unset):
        body (Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux | DecisionApl
            | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice | DiagnosticSocialFinancier |
            Expulsion | PlanApurement | ProtocoleCohesionSociale | RequisitionCfp | SaisineCcapex |
            SignalementImpaye | Surendettement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recu]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: Assignation
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
    | Surendettement,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Recu | None:
    """File a procedure act

     Scopes: `actes:deposer` and `actes:<type>:deposer` (which types a partner kind may file:
    `docs/actes.md`). The act attaches to its household's dossier (explicit `dossier_id`, else address +
    occupants). The receipt's `recu_le` is the legal proof of the filing date; it carries the rules
    engine's new `echeances`, `orientations` and `alertes`. The partner's `reference` is unique per
    partner: the same act sent again answers 200 with the first receipt; another act under the same
    reference is 409. Problems: 400 malformed JSON, 401, 403 (kind may not file this type, or
    territory), 409, 413, 415, 422 (one `errors` entry per field, JSON pointers), 503.

    Args:
        idempotency_key (str | Unset):
        body (Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux | DecisionApl
            | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice | DiagnosticSocialFinancier |
            Expulsion | PlanApurement | ProtocoleCohesionSociale | RequisitionCfp | SaisineCcapex |
            SignalementImpaye | Surendettement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recu
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Assignation
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
    | Surendettement,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Recu]:
    """File a procedure act

     Scopes: `actes:deposer` and `actes:<type>:deposer` (which types a partner kind may file:
    `docs/actes.md`). The act attaches to its household's dossier (explicit `dossier_id`, else address +
    occupants). The receipt's `recu_le` is the legal proof of the filing date; it carries the rules
    engine's new `echeances`, `orientations` and `alertes`. The partner's `reference` is unique per
    partner: the same act sent again answers 200 with the first receipt; another act under the same
    reference is 409. Problems: 400 malformed JSON, 401, 403 (kind may not file this type, or
    territory), 409, 413, 415, 422 (one `errors` entry per field, JSON pointers), 503.

    Args:
        idempotency_key (str | Unset):
        body (Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux | DecisionApl
            | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice | DiagnosticSocialFinancier |
            Expulsion | PlanApurement | ProtocoleCohesionSociale | RequisitionCfp | SaisineCcapex |
            SignalementImpaye | Surendettement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recu]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Assignation
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
    | Surendettement,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Recu | None:
    """File a procedure act

     Scopes: `actes:deposer` and `actes:<type>:deposer` (which types a partner kind may file:
    `docs/actes.md`). The act attaches to its household's dossier (explicit `dossier_id`, else address +
    occupants). The receipt's `recu_le` is the legal proof of the filing date; it carries the rules
    engine's new `echeances`, `orientations` and `alertes`. The partner's `reference` is unique per
    partner: the same act sent again answers 200 with the first receipt; another act under the same
    reference is 409. Problems: 400 malformed JSON, 401, 403 (kind may not file this type, or
    territory), 409, 413, 415, 422 (one `errors` entry per field, JSON pointers), 503.

    Args:
        idempotency_key (str | Unset):
        body (Assignation | Cloture | CommandementDePayer | CommandementQuitterLieux | DecisionApl
            | DecisionCfp | DecisionDalo | DecisionFsl | DecisionJustice | DiagnosticSocialFinancier |
            Expulsion | PlanApurement | ProtocoleCohesionSociale | RequisitionCfp | SaisineCcapex |
            SignalementImpaye | Surendettement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recu
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
