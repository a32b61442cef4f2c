"""``/console/seances``: the sessions the user's partner runs or sits in, a new session; one session
with its agenda, and recording what it made of each dossier (avis). Through ``services/seances``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.console.pages.commun import (
    FORMATIONS,
    ISSUES_EXAMEN,
    Erreurs,
    Formulaire,
    Refus,
    Utilisateur,
    Valeurs,
    ecriture,
    envoyer,
    exiger,
    ou_none,
    page_erreur,
    peut,
    refus_de,
)
from app.console.templating import render
from app.core.db import SessionDep
from app.core.problems import ProblemException
from app.core.scopes import CCAPEX_GERER, DOSSIERS_LIRE
from app.schemas.seances import ExamenDemande, SeanceDemande
from app.services import partners, seances

router = APIRouter()


async def _liste(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    erreurs: Erreurs | None = None,
    valeurs: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    exiger(user, DOSSIERS_LIRE)
    p = user.principal
    secretariat = peut(user, CCAPEX_GERER)
    membres: list[tuple[str, str]] = []
    if secretariat:
        vus: set[uuid.UUID] = set()
        for t in p.territoires:
            for i, kind, nom in await partners.du_territoire(session, t):
                if i != p.partner_id and i not in vus:
                    vus.add(i)
                    membres.append((str(i), f"{nom} ({kind})"))
    context = {
        "rubrique": "seances",
        "seances": await seances.lister(session, p),
        "secretariat": secretariat,
        "membres": membres,
        "territoires": [(t, t) for t in p.territoires],
        "formations": FORMATIONS,
        "erreurs": erreurs or {},
        "valeurs": valeurs or {},
    }
    return render(request, "seances.html", context, status_code=status)


@router.get("/seances", response_class=HTMLResponse)
async def lister(request: Request, session: SessionDep, user: Utilisateur) -> HTMLResponse:
    try:
        return await _liste(request, session, user)
    except Refus as refus:
        return page_erreur(request, refus)


@router.post("/seances", response_class=HTMLResponse)
async def creer(request: Request, session: SessionDep, user: Utilisateur) -> Response:
    async def ecrire(demande: SeanceDemande) -> dict[str, Any]:
        return await seances.create(
            session,
            user.principal,
            territoire=demande.territoire,
            date=demande.date,
            formation=demande.formation,
            membres=demande.membres,
        )

    async def page(erreurs: Erreurs, valeurs: Valeurs, status: int) -> HTMLResponse:
        return await _liste(request, session, user, erreurs, valeurs, status)

    formulaire = Formulaire(
        champs=("territoire", "date", "formation"),
        listes=("membres",),
        scope=CCAPEX_GERER,
        valider=SeanceDemande.model_validate,
        ecrire=ecrire,
        page=page,
        apres=lambda _d, cree: f"/console/seances/{cree['id']}?fait=creation",
        champ_par_defaut="territoire",
        champs_service={"membres": "membres", "territoire": "territoire"},
        introuvable_en_page=False,
    )
    return await envoyer(request, session, user, formulaire)


async def _seance(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    seance_id: uuid.UUID,
    erreurs: dict[str, Erreurs] | None = None,
    valeurs: dict[str, dict[str, str]] | None = None,
    status: int = 200,
) -> HTMLResponse:
    exiger(user, DOSSIERS_LIRE)
    try:
        async with ecriture(session):
            seance = await seances.read(session, user.principal, seance_id)
    except ProblemException as exc:
        return page_erreur(request, refus_de(exc))
    ids = [uuid.UUID(seance["secretariat_id"]), *(uuid.UUID(m) for m in seance["membres"])]
    context = {
        "rubrique": "seances",
        "s": seance,
        "noms": {str(k): v for k, v in (await partners.noms(session, ids)).items()},
        "tient": seance["secretariat_id"] == str(user.principal.partner_id) and peut(user, CCAPEX_GERER),
        "formations": FORMATIONS,
        "issues": ISSUES_EXAMEN,
        "erreurs": erreurs or {},
        "valeurs": valeurs or {},
        "fait": request.query_params.get("fait", ""),
    }
    return render(request, "seance.html", context, status_code=status)


@router.get("/seances/{seance_id}", response_class=HTMLResponse)
async def lire(
    request: Request, seance_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> HTMLResponse:
    try:
        return await _seance(request, session, user, seance_id)
    except Refus as refus:
        return page_erreur(request, refus)


@router.post("/seances/{seance_id}/examens/{dossier_id}", response_class=HTMLResponse)
async def consigner(
    request: Request, seance_id: uuid.UUID, dossier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    """What the session made of a dossier: its outcome and avis."""
    cle = f"examen-{dossier_id}"

    def valider(valeurs: Valeurs) -> ExamenDemande:
        return ExamenDemande.model_validate({"issue": valeurs["issue"], "avis": ou_none(valeurs["avis"])})

    async def ecrire(demande: ExamenDemande) -> None:
        await seances.record_outcome(
            session, user.principal, seance_id, dossier_id, demande.issue, demande.avis
        )

    async def page(erreurs: Erreurs, valeurs: Valeurs, status: int) -> HTMLResponse:
        return await _seance(request, session, user, seance_id, {cle: erreurs}, {cle: valeurs}, status)

    formulaire = Formulaire(
        champs=("issue", "avis"),
        scope=CCAPEX_GERER,
        valider=valider,
        ecrire=ecrire,
        page=page,
        apres=lambda _d, _r: f"/console/seances/{seance_id}?fait=examen#point-{dossier_id}",
        champ_par_defaut="issue",
        champs_service={"issue": "issue", "avis": "avis"},
    )
    return await envoyer(request, session, user, formulaire)
