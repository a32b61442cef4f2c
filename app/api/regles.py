"""The rule sets, and simulations that run them on acts without storing anything."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request, Security
from fastapi.responses import JSONResponse

from app.api.body import parse_json, read_body, request_body
from app.api.deps import current_principal
from app.core.problems import responses, validation_problem
from app.core.scopes import REGLES_LIRE
from app.core.security import Principal
from app.rules.loader import DECISION_CODES, catalogue
from app.schemas.recus import Decisions
from app.schemas.regles import SIMULATION_ADAPTER, Catalogue, SimulationDemande
from app.services.decisions import ActInput, evaluate_dossier, group

router = APIRouter(tags=["règles"])
Lecteur = Annotated[Principal, Security(current_principal, scopes=[REGLES_LIRE])]


@router.get(
    "/v1/regles",
    response_model=Catalogue,
    summary="The rule sets in force, with versions and sources",
    description="Scope `regles:lire`. The national set and each territory's charter set: every rule's id, "
    "title, dates in force (`du`/`au`), source (article, court opinion, or charter file and line), and the "
    "public decision codes.",
    responses=responses(401, 403, 503),
)
async def lister(principal: Lecteur) -> JSONResponse:
    return JSONResponse({"jeux": catalogue(), "codes": DECISION_CODES})


@router.post(
    "/v1/regles/simulation",
    response_model=Decisions,
    summary="Simulate the decisions for a dossier's acts (nothing stored)",
    description="Scope `regles:lire`. Gives the `echeances`, `orientations` and `alertes` of the dossier "
    "these acts would make, exactly as real filings of the same acts would (an act's `recu_le` stands for its "
    "receipt time; without it, its `date_acte`). Problems: 400, 401, 403, 413, 415, 422.",
    responses=responses(400, 401, 403, 413, 415, 422),
    openapi_extra=request_body("SimulationDemande"),
)
async def simuler(request: Request, principal: Lecteur) -> JSONResponse:
    raw = await read_body(request, ("application/json",), 2 * 1024 * 1024)
    demande: SimulationDemande = parse_json(SIMULATION_ADAPTER, raw)
    errors = []
    seen: set[str] = set()
    for i, acte in enumerate(demande.actes):
        if acte.territoire != demande.territoire:
            errors.append({"pointer": f"/actes/{i}/territoire", "detail": f"must be {demande.territoire}"})
        if acte.reference in seen:
            errors.append(
                {"pointer": f"/actes/{i}/reference", "detail": "references must differ within a simulation"}
            )
        seen.add(acte.reference)
    if errors:
        raise validation_problem(errors)
    inputs = [
        ActInput(a.reference, a.model_dump(mode="json", exclude_none=True), a.recu_le) for a in demande.actes
    ]
    version, decisions = evaluate_dossier(demande.territoire, inputs)
    return JSONResponse({**group(decisions), "version_regles": version})
