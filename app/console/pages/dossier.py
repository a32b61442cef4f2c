"""``/console/dossiers/{id}``: a dossier as the user's partner may see it (chronology, deadlines with their
legal source, orientations, alerts, recommendations and their follow-up, the letters, who read it), and
the secretariat's forms: routing to a member, putting it on a session's agenda, a recommendation, a
follow-up, the 12-month outcome. Every read and write goes through the API's services."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.console.pages.commun import (
    ISSUES_BILAN,
    NATURES,
    PARCS,
    STADES,
    STATUTS_SUIVI,
    ChampInvalide,
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
from app.core.logging import request_id_var
from app.core.problems import ProblemException
from app.core.scopes import AUDIT_LIRE, CCAPEX_GERER, CCAPEX_KINDS, DOSSIERS_LIRE, RECOMMANDATIONS_SUIVRE
from app.schemas.ccapex import AttributionDemande
from app.schemas.recommandations import BilanDemande, RecommandationDemande, SuiviDemande
from app.schemas.seances import OrdreDuJourDemande
from app.services import audit, ccapex, courriers, partners, reading, recommandations, seances

router = APIRouter()


async def _vue(
    request: Request,
    session: SessionDep,
    user: Utilisateur,
    dossier_id: uuid.UUID,
    erreurs: dict[str, Erreurs] | None = None,
    valeurs: dict[str, dict[str, str]] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The dossier page; with a refused form's errors and values when ``erreurs`` is given."""
    exiger(user, DOSSIERS_LIRE)
    p, rid = user.principal, request_id_var.get()
    try:
        async with ecriture(session):
            dossier = await reading.read_dossier(session, p, dossier_id, rid)
            chronologie = await reading.read_chronologie(session, p, dossier_id, rid)
            recos = await recommandations.du_dossier(session, p, dossier_id, rid)
            lettres = await courriers.lister(session, p, dossier_id, rid)
            journal = (
                await audit.read_audit(
                    session, p, dossier_id=dossier_id, limit=30, cursor=None, request_id=rid
                )
                if peut(user, AUDIT_LIRE)
                else None
            )
            try:
                bilan = (
                    await recommandations.lire_bilan(session, p, dossier_id)
                    if p.kind in CCAPEX_KINDS
                    else None
                )
            except ProblemException as exc:
                if exc.status != 404:
                    raise
                bilan = None
    except ProblemException as exc:
        return page_erreur(request, refus_de(exc))
    secretariat = peut(user, CCAPEX_GERER)
    membres = (
        [m for m in await partners.du_territoire(session, dossier["territoire"]) if m[0] != p.partner_id]
        if secretariat
        else []
    )
    mes_seances = (
        [
            s
            for s in await seances.lister(session, p)
            if s["secretariat"] and s["territoire"] == dossier["territoire"]
        ]
        if secretariat
        else []
    )
    ids: set[uuid.UUID] = {m[0] for m in membres}
    for r in recos:
        ids.add(uuid.UUID(r["emetteur_id"]))
        if r["destinataire"]["partenaire_id"]:
            ids.add(uuid.UUID(r["destinataire"]["partenaire_id"]))
    noms = {str(k): v for k, v in (await partners.noms(session, ids)).items()}
    for r in recos:
        r["suivable"] = peut(user, RECOMMANDATIONS_SUIVRE) and (
            r["destinataire"]["partenaire_id"] == str(p.partner_id)
            or (
                r["destinataire"]["menage"]
                and (r["emetteur_id"] == str(p.partner_id) or p.kind in CCAPEX_KINDS)
            )
        )
    context: dict[str, Any] = {
        "rubrique": "liste",
        "d": dossier,
        "chronologie": chronologie["items"],
        "recos": recos,
        "lettres": lettres["items"],
        "journal": journal,
        "bilan": bilan,
        "secretariat": secretariat,
        "membres": [(str(i), f"{nom} ({kind})") for i, kind, nom in membres],
        "seances": [(s["id"], f"{s['date']} · {s['formation']}") for s in mes_seances],
        "noms": noms,
        "erreurs": erreurs or {},
        "valeurs": valeurs or {},
        "stades": STADES,
        "parcs": PARCS,
        "natures": NATURES,
        "statuts": STATUTS_SUIVI,
        "issues_bilan": ISSUES_BILAN,
        "aujourdhui": dt.date.today().isoformat(),
        "fait": request.query_params.get("fait", ""),
    }
    return render(request, "dossier.html", context, status_code=status)


@router.get("/dossiers/{dossier_id}", response_class=HTMLResponse)
async def lire(
    request: Request, dossier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> HTMLResponse:
    try:
        return await _vue(request, session, user, dossier_id)
    except Refus as refus:
        return page_erreur(request, refus)


def _page(
    request: Request, session: SessionDep, user: Utilisateur, dossier_id: uuid.UUID, formulaire: str
) -> Callable[[Erreurs, Valeurs, int], Awaitable[HTMLResponse]]:
    """The dossier page again, with the refused ``formulaire``'s errors and values."""

    async def page(erreurs: Erreurs, valeurs: Valeurs, status: int) -> HTMLResponse:
        return await _vue(
            request, session, user, dossier_id, {formulaire: erreurs}, {formulaire: valeurs}, status
        )

    return page


@router.post("/dossiers/{dossier_id}/attributions", response_class=HTMLResponse)
async def attribuer(
    request: Request, dossier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    async def ecrire(demande: AttributionDemande) -> None:
        await ccapex.attribuer(session, user.principal, dossier_id, demande.partenaire_id, demande.motif)

    formulaire = Formulaire(
        champs=("partenaire_id", "motif"),
        scope=CCAPEX_GERER,
        valider=AttributionDemande.model_validate,
        ecrire=ecrire,
        page=_page(request, session, user, dossier_id, "attribution"),
        apres=lambda _d, _r: f"/console/dossiers/{dossier_id}?fait=attribution#attributions",
        champ_par_defaut="partenaire_id",
        champs_service={"partenaire_id": "partenaire_id", "motif": "motif"},
    )
    return await envoyer(request, session, user, formulaire)


@router.post("/dossiers/{dossier_id}/ordre-du-jour", response_class=HTMLResponse)
async def inscrire(
    request: Request, dossier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    def valider(valeurs: Valeurs) -> uuid.UUID:
        try:
            seance_id = uuid.UUID(valeurs["seance_id"])
            OrdreDuJourDemande(dossier_id=dossier_id)
        except ValueError:
            raise ChampInvalide("seance_id", "Choisissez une séance de la liste.") from None
        return seance_id

    async def ecrire(seance_id: uuid.UUID) -> None:
        await seances.add_to_agenda(session, user.principal, seance_id, dossier_id)

    formulaire = Formulaire(
        champs=("seance_id",),
        scope=CCAPEX_GERER,
        valider=valider,
        ecrire=ecrire,
        page=_page(request, session, user, dossier_id, "ordre"),
        apres=lambda seance_id, _r: f"/console/seances/{seance_id}?fait=inscription",
        champ_par_defaut="seance_id",
        introuvable_en_page=False,  # the session may be the one not found: said beside the list
    )
    return await envoyer(request, session, user, formulaire)


@router.post("/dossiers/{dossier_id}/recommandations", response_class=HTMLResponse)
async def recommander(
    request: Request, dossier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    def valider(valeurs: Valeurs) -> RecommandationDemande:
        destinataire: dict[str, Any] = (
            {"menage": True}
            if valeurs["destinataire"] == "menage"
            else {"partenaire_id": ou_none(valeurs["destinataire"])}
        )
        return RecommandationDemande.model_validate(
            {
                "destinataire": destinataire,
                "nature": valeurs["nature"],
                "texte": valeurs["texte"],
                "echeance": ou_none(valeurs["echeance"]),
                "seance_id": ou_none(valeurs["seance_id"]),
            }
        )

    async def ecrire(demande: RecommandationDemande) -> None:
        await recommandations.emettre(
            session,
            user.principal,
            dossier_id,
            partenaire_id=demande.destinataire.partenaire_id,
            nature=demande.nature,
            texte=demande.texte,
            echeance=demande.echeance,
            seance_id=demande.seance_id,
        )

    formulaire = Formulaire(
        champs=("destinataire", "nature", "texte", "echeance", "seance_id"),
        scope=CCAPEX_GERER,
        valider=valider,
        ecrire=ecrire,
        page=_page(request, session, user, dossier_id, "recommandation"),
        apres=lambda _d, _r: f"/console/dossiers/{dossier_id}?fait=recommandation#recommandations",
        champ_par_defaut="destinataire",
        champs_service={c: c for c in ("destinataire", "seance_id", "texte", "nature")},
    )
    return await envoyer(request, session, user, formulaire)


def _dossier_du_formulaire(valeurs: Valeurs) -> uuid.UUID:
    try:
        return uuid.UUID(valeurs["dossier_id"])
    except ValueError:
        raise Refus(400, "Demande invalide", "Le formulaire ne nomme pas de dossier.") from None


@router.post("/recommandations/{recommandation_id}/suivi", response_class=HTMLResponse)
async def suivre(
    request: Request, recommandation_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    cle = f"suivi-{recommandation_id}"

    def valider(valeurs: Valeurs) -> tuple[uuid.UUID, SuiviDemande]:
        dossier_id = _dossier_du_formulaire(valeurs)  # the page to show again, and to go back to
        demande = SuiviDemande.model_validate(
            {
                "statut": valeurs["statut"],
                "date": valeurs["date"],
                "commentaire": ou_none(valeurs["commentaire"]),
            }
        )
        return dossier_id, demande

    async def ecrire(valide: tuple[uuid.UUID, SuiviDemande]) -> None:
        demande = valide[1]
        await recommandations.suivre(
            session,
            user.principal,
            recommandation_id,
            statut=demande.statut,
            le=demande.date,
            commentaire=demande.commentaire,
        )

    async def page(erreurs: Erreurs, valeurs: Valeurs, status: int) -> HTMLResponse:
        # Only asked once the form's dossier was read (valider's first step).
        dossier_id = _dossier_du_formulaire(valeurs)
        return await _page(request, session, user, dossier_id, cle)(erreurs, valeurs, status)

    formulaire = Formulaire(
        champs=("dossier_id", "statut", "date", "commentaire"),
        scope=RECOMMANDATIONS_SUIVRE,
        valider=valider,
        ecrire=ecrire,
        page=page,
        apres=lambda valide, _r: f"/console/dossiers/{valide[0]}?fait=suivi#recommandations",
        champ_par_defaut="statut",
        champs_service={"statut": "statut", "date": "date"},
    )
    return await envoyer(request, session, user, formulaire)


@router.post("/dossiers/{dossier_id}/bilan", response_class=HTMLResponse)
async def renseigner_bilan(
    request: Request, dossier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    def valider(valeurs: Valeurs) -> BilanDemande:
        return BilanDemande.model_validate(
            {
                "issue": valeurs["issue"],
                **{k: valeurs[k] == "oui" for k in ("surendettement", "fsl", "pcs")},
            }
        )

    async def ecrire(demande: BilanDemande) -> None:
        await recommandations.renseigner_bilan(
            session,
            user.principal,
            dossier_id,
            issue=demande.issue,
            surendettement=demande.surendettement,
            fsl=demande.fsl,
            pcs=demande.pcs,
        )

    formulaire = Formulaire(
        champs=("issue", "surendettement", "fsl", "pcs"),
        scope=CCAPEX_GERER,
        valider=valider,
        ecrire=ecrire,
        page=_page(request, session, user, dossier_id, "bilan"),
        apres=lambda _d, _r: f"/console/dossiers/{dossier_id}?fait=bilan#bilan",
        champ_par_defaut="issue",
        champs_service={"issue": "issue"},
    )
    return await envoyer(request, session, user, formulaire)


@router.get("/courriers/{courrier_id}.pdf")
async def courrier_pdf(
    request: Request, courrier_id: uuid.UUID, session: SessionDep, user: Utilisateur
) -> Response:
    """A letter as PDF, from the letters service (the facts it prints through the field matrix); a download
    (the response keeps the strict CSP of non-HTML answers, which a browser's inline PDF viewer may refuse)."""
    try:
        exiger(user, DOSSIERS_LIRE)
        body = await courriers.lire(session, user.principal, courrier_id, request_id_var.get())
    except Refus as refus:
        return page_erreur(request, refus)
    except ProblemException as exc:
        return page_erreur(request, refus_de(exc))
    return Response(
        courriers.pdf(body["rendu"]),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="courrier-{courrier_id}.pdf"'},
    )
