"""What every page shares: the signed-in user (and the layout's ``user`` and ``csrf``), the scope a page
needs, refusals shown as pages, form errors beside their field, the steps of every form's POST
(:func:`envoyer`), and the French labels of codes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.console.auth import ConsoleUser, check_csrf, console_user, csrf_token
from app.console.templating import render
from app.core.problems import ProblemException

PARIS = ZoneInfo("Europe/Paris")


async def page_user(request: Request, user: Annotated[ConsoleUser, Depends(console_user)]) -> ConsoleUser:
    """The signed-in user, made available to the layout (``user``) with the session's CSRF token."""
    request.state.console_user = user
    request.state.console_csrf = csrf_token(request)
    return user


Utilisateur = Annotated[ConsoleUser, Depends(page_user)]


class Refus(Exception):
    """A refusal to show as a page (404, 403, 409, 422) rather than as the API's problem document."""

    def __init__(self, status: int, titre: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.titre, self.detail = status, titre, detail


_TITRES = {
    400: "Demande invalide",
    403: "Accès refusé",
    404: "Introuvable",
    406: "Format non disponible",
    409: "Opération impossible",
    422: "Valeurs refusées",
}
_DETAILS = {
    403: "Votre rôle ou votre partenaire ne permet pas cette page.",
    404: "Ce dossier ou cet élément n'existe pas, ou votre partenaire n'y a pas accès.",
}


def exiger(user: ConsoleUser, *scopes: str) -> None:
    """Refuse (403) a page whose scopes the user's partner and role do not grant, as the API does."""
    if any(s not in user.principal.scopes for s in scopes):
        raise Refus(403, _TITRES[403], _DETAILS[403])


def peut(user: ConsoleUser, scope: str) -> bool:
    return scope in user.principal.scopes


def refus_de(exc: ProblemException) -> Refus:
    status = exc.status
    detail = _DETAILS.get(status) or _CONFLITS.get(exc.slug) or _TITRES.get(status, "Erreur")
    return Refus(status, _TITRES.get(status, "Erreur"), detail)


@asynccontextmanager
async def ecriture(session: AsyncSession) -> AsyncIterator[None]:
    """A write in a savepoint: when the service refuses, everything it wrote is undone (nothing
    half-written) and the page can still be shown, with the refusal, in the same transaction."""
    async with session.begin_nested():
        yield


def page_erreur(request: Request, refus: Refus) -> HTMLResponse:
    return render(request, "erreur.html", {"refus": refus}, status_code=refus.status)


def apres_ecriture(url: str) -> RedirectResponse:
    """Post/redirect/get: a recorded form sends the browser back to the page (303)."""
    return RedirectResponse(url, status_code=303)


# Form values and errors ---------------------------------------------------------------------------------

Erreurs = dict[str, str]


def erreurs_validation(exc: ValidationError, prefixe: str = "") -> Erreurs:
    """A model's validation errors by form field (the first of each), in French."""
    out: Erreurs = {}
    for e in exc.errors():
        loc = [str(p) for p in e["loc"] if not isinstance(p, int)]
        champ = prefixe + (loc[0] if loc else "")
        out.setdefault(champ, _message(e["type"], e.get("ctx") or {}))
    return out


def _message(kind: str, ctx: Mapping[str, Any]) -> str:
    if kind in {"missing", "string_too_short"} and not ctx.get("min_length", 1) > 1:
        return "Ce champ est obligatoire."
    if kind == "string_too_short":
        return f"Au moins {ctx.get('min_length')} caractères."
    if kind == "string_too_long":
        return f"Au plus {ctx.get('max_length')} caractères."
    if kind.startswith("date"):
        return "Une date au format AAAA-MM-JJ est attendue."
    if kind.startswith("uuid"):
        return "Un identifiant valide est attendu."
    if kind in {"literal_error", "enum"}:
        return "Choisissez une valeur de la liste."
    if kind == "string_pattern_mismatch":
        return "Le format de cette valeur n'est pas valide."
    if kind == "value_error":
        return "Cette valeur n'est pas valide."
    return "Cette valeur n'est pas valide."


def erreurs_probleme(exc: ProblemException, champs: Mapping[str, str], defaut: str) -> Erreurs:
    """A service's refusal by form field: each error's JSON pointer (``/membres/0``) mapped to a field
    through ``champs`` (the pointer's first segment → the field); anything else on ``defaut``."""
    out: Erreurs = {}
    for e in exc.errors or []:
        pointer = str(e.get("pointer", "")).strip("/").split("/")[0]
        out.setdefault(champs.get(pointer, defaut), _service_message(exc.status, exc.slug))
    if not out:
        out[defaut] = _service_message(exc.status, exc.slug)
    return out


_CONFLITS = {
    "consentement-refuse": "Le ménage a refusé l'examen par cette commission.",
    "ordre-du-jour-fige": "L'ordre du jour d'une séance locale est figé un mois avant la date.",
    "bilan-sans-seance": "Aucune séance n'a encore examiné ce dossier : le bilan n'est pas ouvert.",
    "bilan-clos": "Le bilan n'est plus modifiable (plus de 20 mois après la séance).",
}


def _service_message(status: int, slug: str = "") -> str:
    if slug in _CONFLITS:
        return _CONFLITS[slug]
    if status == 404:
        return "Introuvable, ou votre partenaire n'y a pas accès."
    if status == 403:
        return "Votre rôle ou votre partenaire ne permet pas cette opération."
    if status == 409:
        return "Opération impossible dans l'état actuel du dossier."
    return "Cette valeur a été refusée."


def champs_formulaire(form: Mapping[str, Any], *noms: str) -> dict[str, str]:
    return {n: str(form.get(n) or "").strip() for n in noms}


def ou_none(value: str) -> str | None:
    return value or None


# A form's POST ----------------------------------------------------------------------------------------

Valeurs = dict[str, Any]  # a form's values as typed (stripped strings; a list for a multiple choice)
D = TypeVar("D")  # what the values make: the API's request model (or what the service call needs)
R = TypeVar("R")  # what the service call returns


class ChampInvalide(Exception):
    """A value refused before any model (an id not in the list offered): its message beside its field."""

    def __init__(self, champ: str, message: str) -> None:
        super().__init__(message)
        self.champ, self.message = champ, message


@dataclass(frozen=True)
class Formulaire(Generic[D, R]):
    """What one form's POST does beside the steps every form shares (:func:`envoyer`).

    - ``champs``: the fields read (stripped strings), ``listes`` those of several values (a list);
    - ``scope``: what the user's partner and role must grant (else the 403 page);
    - ``valider``: the values → the request (``ValidationError`` or :class:`ChampInvalide`: the page again,
      422, the errors beside their fields; :class:`Refus`: its page);
    - ``ecrire``: the service call, in a savepoint (:func:`ecriture`);
    - ``page``: the page again with the refused form's errors, values and status;
    - ``apres``: where the recorded form sends the browser (303), from the request and the call's result;
    - a refusal of the service (``ProblemException``) goes beside a field: its JSON pointer's first
      segment through ``champs_service``, else ``champ_par_defaut``; but a 404 shows the error page when
      ``introuvable_en_page`` (the dossier or the recommendation is not the partner's to see)."""

    champs: tuple[str, ...]
    scope: str
    valider: Callable[[Valeurs], D]
    ecrire: Callable[[D], Awaitable[R]]
    page: Callable[[Erreurs, Valeurs, int], Awaitable[HTMLResponse]]
    apres: Callable[[D, R], str]
    champ_par_defaut: str
    champs_service: Mapping[str, str] = field(default_factory=dict)
    introuvable_en_page: bool = True
    listes: tuple[str, ...] = ()


async def envoyer(
    request: Request, session: AsyncSession, user: ConsoleUser, f: Formulaire[D, R]
) -> Response:
    """Every form's POST: the CSRF check (a 403 problem, not a page), the form's values, the scope, the
    request validated, the service's write in a savepoint, then post/redirect/get; each refusal shown on
    the page again (values kept, errors beside their field) or as an error page."""
    await check_csrf(request)
    form = await request.form()
    valeurs: Valeurs = champs_formulaire(form, *f.champs)
    for nom in f.listes:
        valeurs[nom] = [str(v) for v in form.getlist(nom)]
    try:
        exiger(user, f.scope)
        try:
            demande = f.valider(valeurs)
        except ValidationError as exc:
            return await f.page(erreurs_validation(exc), valeurs, 422)
        except ChampInvalide as exc:
            return await f.page({exc.champ: exc.message}, valeurs, 422)
        try:
            async with ecriture(session):
                resultat = await f.ecrire(demande)
        except ProblemException as exc:
            if exc.status == 404 and f.introuvable_en_page:
                return page_erreur(request, refus_de(exc))
            erreurs = erreurs_probleme(exc, f.champs_service, f.champ_par_defaut)
            return await f.page(erreurs, valeurs, exc.status)
    except Refus as refus:
        return page_erreur(request, refus)
    return apres_ecriture(f.apres(demande, resultat))


# Labels ---------------------------------------------------------------------------------------------

STADES = {
    "pre_contentieux": "Pré-contentieux",
    "contentieux": "Contentieux",
    "execution": "Exécution",
    "clos": "Clos",
}
PARCS = {"social": "Parc social", "prive": "Parc privé"}
FORMATIONS = {"pleniere": "Plénière", "restreinte": "Restreinte", "locale": "Locale"}
ISSUES_EXAMEN = {"examine": "Examiné", "ajourne": "Ajourné", "retire": "Retiré"}
NATURES = {
    "reprise_paiement": "Reprise du paiement",
    "plan_apurement": "Plan d'apurement",
    "saisine_surendettement": "Saisine de la commission de surendettement",
    "demande_fsl": "Demande d'aide au FSL",
    "demande_logement_social": "Demande de logement social",
    "recours_dalo": "Recours DALO",
    "suspension_procedure_relogement": "Suspension de la procédure (relogement)",
    "accompagnement_social": "Accompagnement social",
    "delais_prefecture": "Délais (préfecture)",
    "diagnostic_social": "Diagnostic social et financier",
    "autre": "Autre",
}
STATUTS_SUIVI = {
    "en_cours": "En cours",
    "mise_en_oeuvre": "Mise en œuvre",
    "non_suivie": "Non suivie",
    "sans_objet": "Sans objet",
}
ISSUES_BILAN = {
    "maintien": "Maintien dans le logement",
    "relogement": "Relogement",
    "depart": "Départ",
    "expulsion": "Expulsion",
}


def libelle(code: str | None) -> str:
    """A rule code as words (``signalement_ccapex`` → « Signalement ccapex »)."""
    if not code:
        return ""
    text = code.replace("_", " ")
    return text[:1].upper() + text[1:]


def jour(value: str | date | datetime | None) -> str:
    """A date (or an ISO string) as the French write it: 02/12/2026; a moment in Paris time, 02/12/2026 15:04."""
    if value is None or value == "":
        return ""
    parsed: date | datetime
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
    else:
        parsed = value
    if isinstance(parsed, datetime):
        moment = parsed.astimezone(PARIS) if parsed.tzinfo else parsed
        return moment.strftime("%d/%m/%Y %H:%M")
    return parsed.strftime("%d/%m/%Y")


def court(ident: str | None) -> str:
    """An id shortened for a page (its first 8 characters); the link carries the whole id."""
    return (ident or "")[:8]
