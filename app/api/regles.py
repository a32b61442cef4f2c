"""The rule sets, and simulations that run them on acts without storing anything."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Security
from fastapi.responses import JSONResponse

from app.api.body import parse_json, read_body, request_body
from app.api.deps import current_principal
from app.core.db import SessionDep
from app.core.openapi import component_schemas, register_components
from app.core.problems import forbidden, not_found, responses, validation_problem
from app.core.scopes import DOSSIERS_LIRE, REGLES_LIRE
from app.core.security import Principal
from app.rules.citations import LignesInvalides, extrait
from app.rules.codes import DECISION_CODES
from app.rules.rulebook import BrouillonInvalide, catalogue, with_draft
from app.schemas.recus import Decisions
from app.schemas.regles import (
    IMPACT_ADAPTER,
    SIMULATION_ADAPTER,
    Catalogue,
    ExtraitSource,
    ImpactDemande,
    ImpactReponse,
    SimulationDemande,
)
from app.services.decisions import ActInput, evaluate_dossier, group
from app.services.impact import IMPACT_KINDS, impact

router = APIRouter(tags=["regles"])
Lecteur = Annotated[Principal, Security(current_principal, scopes=[REGLES_LIRE])]
LecteurDeDossiers = Annotated[Principal, Security(current_principal, scopes=[REGLES_LIRE, DOSSIERS_LIRE])]
register_components(component_schemas("ImpactDemande", IMPACT_ADAPTER))


@router.get(
    "/v1/regles",
    response_model=Catalogue,
    summary="The rule sets in force, with versions and sources",
    description="Scope `regles:lire`. The national set and each territory's charter set: every rule's id, "
    "title, dates in force (`du`/`au`), source (article, court opinion, or charter file and line), and the "
    "public decision codes.",
    responses=responses(401, 403, 503),
)
async def lister_regles(principal: Lecteur) -> JSONResponse:
    return JSONResponse({"jeux": catalogue(), "codes": DECISION_CODES})


@router.post(
    "/v1/regles/simulation",
    response_model=Decisions,
    summary="Simulate the decisions for a dossier's acts (nothing stored)",
    description="Scope `regles:lire`. Gives the `echeances`, `orientations` and `alertes` of the dossier "
    "these acts would make, exactly as real filings of the same acts would (an act's `recu_le` stands for its "
    "receipt time; without it, its `date_acte`). Problems: 400, 401, 403, 413, 415, 422, 503.",
    responses=responses(400, 401, 403, 413, 415, 422, 503),
    openapi_extra=request_body("SimulationDemande"),
)
async def simuler_regles(request: Request, principal: Lecteur) -> JSONResponse:
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


@router.get(
    "/v1/regles/sources/{fichier}",
    response_model=ExtraitSource,
    summary="Lines of a charter the rules cite",
    description="Scope `regles:lire`. A rule's `source` (and every decision's `liens_sources`) cites a "
    "charter as `seeds/<fichier>:L<n>-<m>`; this serves those lines of the text as published, shipped with "
    "Prevex (`app/rules/sources`). `fichier` is one of those texts' names, never a path (404 otherwise); "
    "`lignes` is `n` or `n-m` within the text (422 otherwise), the whole text without it.",
    responses=responses(401, 403, 404, 422, 503),
)
async def lire_source(
    principal: Lecteur,
    fichier: Annotated[str, Path(max_length=100, examples=["004_df506cacdd7ea785.txt"])],
    lignes: Annotated[
        str | None,
        Query(max_length=20, description="`n` or `n-m` (1-based, inclusive)", examples=["3925-3928"]),
    ] = None,
) -> JSONResponse:
    try:
        found = extrait(fichier, lignes)
    except LignesInvalides as exc:
        raise validation_problem([{"pointer": "", "parameter": "query:lignes", "detail": str(exc)}]) from None
    if found is None:
        raise not_found("No such source text: the rules cite the files listed in app/rules/sources.")
    return JSONResponse(found)


@router.post(
    "/v1/regles/impact",
    response_model=ImpactReponse,
    summary="What a draft rule file would change on the stored dossiers (nothing stored)",
    description="Scopes `regles:lire` and `dossiers:lire`; for the CCAPEX, the préfecture and the "
    "département (the kinds that read every decision of their territories' dossiers), in one of their "
    "territories. The draft (`fichier`, a rule file's YAML) takes the place of the file it replaces "
    "(`remplace`, else the territory's files sharing a rule id with it); the engine runs on the stored "
    "acts of every dossier of `territoire` the caller may read, once with the rules in force and once with "
    "the draft, and the answer counts the decisions that would appear, disappear, change date or otherwise "
    "change, with examples (dossier and act ids, codes, rules, dates: never an act's content) and the "
    "dossiers that change. Read-only: nothing is stored. A malformed draft is 422, each error naming the "
    "file, rule and field as `prevex regles verifier` does. Problems: 400, 401, 403, 413, 415, 422.",
    responses=responses(400, 401, 403, 413, 415, 422, 503),
    openapi_extra=request_body("ImpactDemande"),
)
async def simuler_impact(request: Request, session: SessionDep, principal: LecteurDeDossiers) -> JSONResponse:
    raw = await read_body(request, ("application/json",), 4 * 1024 * 1024)
    demande: ImpactDemande = parse_json(IMPACT_ADAPTER, raw)
    if principal.kind not in IMPACT_KINDS:
        raise forbidden(
            f"A {principal.kind} partner may not try a rule change on a territory's dossiers "
            f"(kinds: {', '.join(sorted(IMPACT_KINDS))})."
        )
    if demande.territoire not in principal.territoires:
        raise forbidden(f"This partner does not act in territoire {demande.territoire}.")
    try:
        brouillon = with_draft(demande.fichier, demande.territoire, remplace=demande.remplace)
    except BrouillonInvalide as exc:
        pointer = "/remplace" if all("field 'remplace'" in m for m in exc.messages) else "/fichier"
        raise validation_problem(
            [{"pointer": pointer, "detail": message} for message in exc.messages],
            detail=f"The draft has {len(exc.messages)} problem(s); see `errors` (file, rule, field).",
        ) from None
    return JSONResponse(await impact(session, demande.territoire, brouillon, principal=principal))
