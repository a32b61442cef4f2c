"""The console's screens over the ASGI app, the signed-in user given by ``dependency_overrides``: each
page from the API's services (what the partner may see, refusals as pages), the forms with their errors
beside the field and nothing half-written, the console's CSP. The browser walk is test_parcours.py."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI, Request

from app.console import auth
from app.console.auth import ConsoleUser
from app.console.pages import commun
from app.core.scopes import scopes_for_role
from app.core.security import Principal
from tests.factories import PartnerCreds, acte, household, make_partner

CSRF = "jeton-de-test"


def _user(partner: PartnerCreds, role: str = "secretariat") -> ConsoleUser:
    principal = Principal(
        partner_id=partner.partner_id,
        kind=partner.kind,
        territoires=partner.territoires,
        scopes=scopes_for_role(partner.kind, role),
        client_id=f"console:{partner.partner_id}",
    )
    return ConsoleUser(uuid.uuid4(), partner.partner_id, f"agent@{partner.kind}.test", role, principal)  # type: ignore[arg-type]


class Signin:
    """Who the console sees as signed in (the override of ``console_user``)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.user: ConsoleUser | None = None

    def __call__(self, partner: PartnerCreds, role: str = "secretariat") -> ConsoleUser:
        user = _user(partner, role)
        self.user = user

        async def current() -> ConsoleUser:
            return user

        self.app.dependency_overrides[auth.console_user] = current
        return user


@pytest.fixture
def signin(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Iterator[Signin]:
    async def check(request: Request) -> None:
        form = await request.form()
        if form.get("csrf") != CSRF:
            from app.core.problems import forbidden

            raise forbidden("CSRF")

    monkeypatch.setattr(commun, "csrf_token", lambda request: CSRF)
    monkeypatch.setattr(commun, "check_csrf", check)  # every form's POST checks it there (``envoyer``)
    s = Signin(app)
    yield s
    app.dependency_overrides.pop(auth.console_user, None)


@pytest.fixture
async def web(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://prevex.test") as c:
        yield c


async def _cdp(client: httpx.AsyncClient, commissaire: PartnerCreds, territoire: str = "93") -> str:
    body = acte("commandement_de_payer", household(), date_acte="2025-03-10")
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    filed = await client.post("/v1/actes", json=body, headers=commissaire.headers)
    assert filed.status_code == 201, filed.text
    return str(filed.json()["dossier_id"])


async def test_a_dossier_from_the_list_to_a_recommendation_and_its_follow_up(
    app: FastAPI, client: httpx.AsyncClient, web: httpx.AsyncClient, signin: Signin
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex", nom="CCAPEX de test 93")
    bailleur = await make_partner(app, client, kind="bailleur_social", nom="Bailleur de test 93")
    commissaire = await make_partner(app, client)
    ailleurs = await make_partner(app, client, kind="ccapex", territoires=("75",), nom="CCAPEX de Paris")
    dossier_id = await _cdp(client, commissaire)
    signin(ccapex)

    # The list: the dossier, its motif, its next deadline; filters; the console's CSP, no inline script.
    page = await web.get("/console", params={"territoire": "93", "motif": "signalement_ccapex"})
    assert page.status_code == 200, page.text
    assert f"/console/dossiers/{dossier_id}" in page.text
    assert "Signalement ccapex" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.text), "an inline script"
    assert not re.search(r"\sstyle=", page.text), "an inline style"
    assert (
        f"/console/dossiers/{dossier_id}"
        not in (await web.get("/console", params={"stade": "execution"})).text
    )
    assert (await web.get("/console", params={"motif": "PAS UN CODE"})).status_code == 422
    partial = await web.get("/console", headers={"HX-Request": "true", "HX-Target": "resultats"})
    assert partial.text.lstrip().startswith('<div id="resultats"')

    # The dossier: deadlines with their source and a link to the cited text, letters, who read it.
    page = await web.get(f"/console/dossiers/{dossier_id}")
    assert page.status_code == 200, page.text
    assert "Échéances en cours" in page.text
    assert "/v1/regles/sources/" in page.text or "legifrance" in page.text
    assert "Qui a consulté ce dossier" in page.text and "Lecture dossier" in page.text
    pdf = re.search(r'href="(/console/courriers/[0-9a-f-]+\.pdf)"', page.text)
    assert pdf is not None
    letter = await web.get(pdf.group(1))
    assert letter.status_code == 200 and letter.headers["content-type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")

    # A form without the session's CSRF token is refused.
    refused = await web.post(
        f"/console/dossiers/{dossier_id}/attributions",
        data={"partenaire_id": str(bailleur.partner_id), "motif": "x"},
    )
    assert refused.status_code == 403

    # Routing to the bailleur; an error beside its field when the motif is missing (nothing written).
    missing = await web.post(
        f"/console/dossiers/{dossier_id}/attributions",
        data={"csrf": CSRF, "partenaire_id": str(bailleur.partner_id), "motif": ""},
    )
    assert missing.status_code == 422
    assert 'id="attribution-motif-erreur"' in missing.text
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=bailleur.headers)).status_code == 404
    routed = await web.post(
        f"/console/dossiers/{dossier_id}/attributions",
        data={"csrf": CSRF, "partenaire_id": str(bailleur.partner_id), "motif": "Examen du maintien"},
    )
    assert routed.status_code == 303, routed.text
    assert (await client.get(f"/v1/dossiers/{dossier_id}", headers=bailleur.headers)).status_code == 200

    # A session, the dossier on its agenda, its avis.
    created = await web.post(
        "/console/seances",
        data={
            "csrf": CSRF,
            "territoire": "93",
            "date": "2026-12-15",
            "formation": "pleniere",
            "membres": [str(bailleur.partner_id)],
        },
    )
    assert created.status_code == 303, created.text
    seance_url = created.headers["location"].split("?")[0]
    seance_id = seance_url.rsplit("/", 1)[1]
    listed = await web.post(
        f"/console/dossiers/{dossier_id}/ordre-du-jour", data={"csrf": CSRF, "seance_id": seance_id}
    )
    assert listed.status_code == 303, listed.text
    examined = await web.post(
        f"/console/seances/{seance_id}/examens/{dossier_id}",
        data={"csrf": CSRF, "issue": "examine", "avis": "Avis favorable au maintien."},
    )
    assert examined.status_code == 303, examined.text
    page = await web.get(seance_url)
    assert page.status_code == 200 and "Avis favorable au maintien." in page.text
    assert "Bailleur de test 93" in page.text

    # A recommendation to the bailleur; an empty text is an error beside the field, nothing written.
    empty = await web.post(
        f"/console/dossiers/{dossier_id}/recommandations",
        data={
            "csrf": CSRF,
            "destinataire": str(bailleur.partner_id),
            "nature": "plan_apurement",
            "texte": "",
            "seance_id": seance_id,
        },
    )
    assert empty.status_code == 422
    assert 'id="reco-texte-erreur"' in empty.text
    made = await web.post(
        f"/console/dossiers/{dossier_id}/recommandations",
        data={
            "csrf": CSRF,
            "destinataire": str(bailleur.partner_id),
            "nature": "plan_apurement",
            "texte": "Proposer un plan d'apurement sur 24 mois.",
            "echeance": "2027-03-31",
            "seance_id": seance_id,
        },
    )
    assert made.status_code == 303, made.text
    mine = (await client.get("/v1/recommandations", headers=bailleur.headers)).json()["items"]
    assert [r["texte"] for r in mine] == ["Proposer un plan d'apurement sur 24 mois."]

    # The bailleur's people record the follow-up; the secretariat sees it.
    signin(bailleur)
    page = await web.get(f"/console/dossiers/{dossier_id}")
    assert page.status_code == 200
    # Field by field what the API shows this partner: its facts shown, the others' not.
    theirs = (await client.get(f"/v1/dossiers/{dossier_id}", headers=bailleur.headers)).json()["faits"]
    section = page.text.split('id="faits"', 1)[1].split("</table>", 1)[0]
    assert theirs and set(re.findall(r"<tr><td>([^<]+)</td>", section)) == set(theirs)
    assert "Enregistrer le suivi" in page.text
    assert "Attribuer" not in page.text  # not the secretariat's forms
    bad = await web.post(
        f"/console/recommandations/{mine[0]['id']}/suivi",
        data={"csrf": CSRF, "dossier_id": dossier_id, "statut": "mise_en_oeuvre", "date": "pas une date"},
    )
    assert bad.status_code == 422 and f'id="suivi-{mine[0]["id"]}-date-erreur"' in bad.text
    followed = await web.post(
        f"/console/recommandations/{mine[0]['id']}/suivi",
        data={
            "csrf": CSRF,
            "dossier_id": dossier_id,
            "statut": "mise_en_oeuvre",
            "date": "2027-01-12",
            "commentaire": "Plan signé.",
        },
    )
    assert followed.status_code == 303, followed.text
    signin(ccapex)
    page = await web.get(f"/console/dossiers/{dossier_id}")
    assert "Plan signé." in page.text and "Mise en œuvre" in page.text

    # The 12-month outcome form (the bilan opens with the examination).
    outcome = await web.post(
        f"/console/dossiers/{dossier_id}/bilan", data={"csrf": CSRF, "issue": "maintien", "fsl": "oui"}
    )
    assert outcome.status_code == 303, outcome.text
    bilan = (await client.get(f"/v1/dossiers/{dossier_id}/bilan", headers=ccapex.headers)).json()
    assert (bilan["issue"], bilan["fsl"], bilan["pcs"]) == ("maintien", True, False)

    # Another territory's CCAPEX sees none of it: not listed, the dossier 404, the session 404.
    signin(ailleurs)
    page = await web.get("/console")
    assert page.status_code == 200 and dossier_id not in page.text
    assert (await web.get(f"/console/dossiers/{dossier_id}")).status_code == 404
    assert (await web.get(seance_url)).status_code == 404
    assert (await web.get(pdf.group(1))).status_code == 404
    assert (
        await web.post(
            f"/console/dossiers/{dossier_id}/recommandations",
            data={"csrf": CSRF, "destinataire": "menage", "nature": "autre", "texte": "x"},
        )
    ).status_code == 404

    # Every page view of the dossier was audited, with the console's client.
    audit = (
        await client.get("/v1/audit", params={"dossier_id": dossier_id, "limit": 200}, headers=ccapex.headers)
    ).json()
    console_reads = {
        a["operation"] for a in audit["items"] if a["client_id"] == f"console:{ccapex.partner_id}"
    }
    assert {
        "ccapex_a_traiter",
        "lecture_dossier",
        "lecture_chronologie",
        "lecture_courriers",
    } <= console_reads
    assert any(
        a["resultat"] == "refuse" and a["client_id"] == f"console:{ailleurs.partner_id}"
        for a in audit["items"]
    )


async def test_indicators_page_charts_and_csv(
    app: FastAPI, client: httpx.AsyncClient, web: httpx.AsyncClient, signin: Signin
) -> None:
    ccapex = await make_partner(app, client, kind="ccapex", territoires=("93",))
    signin(ccapex)
    page = await web.get("/console/indicateurs", params={"du": 2020, "au": 2024})
    assert page.status_code == 200, page.text
    assert 'src="/console/indicateurs/entonnoir.svg?territoire=93&amp;du=2020&amp;au=2024"' in page.text
    svg = await web.get(
        "/console/indicateurs/entonnoir.svg", params={"territoire": "93", "du": 2020, "au": 2024}
    )
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    csv = await web.get("/console/indicateurs.csv", params={"territoire": "93"})
    assert csv.status_code == 200 and csv.text.startswith("tableau,annee,indicateur,parc,valeur,masque")
    assert (await web.get("/console/indicateurs", params={"territoire": "75"})).status_code == 403
    bailleur = await make_partner(app, client, kind="bailleur_social")
    signin(bailleur)
    assert (await web.get("/console/indicateurs")).status_code == 403
    assert (await web.get("/console/seances")).status_code == 200


async def test_the_list_pages_back_and_forth_and_a_reader_sees_the_dossiers_only(
    app: FastAPI,
    client: httpx.AsyncClient,
    web: httpx.AsyncClient,
    signin: Signin,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.console.pages import liste

    ccapex = await make_partner(app, client, kind="ccapex", territoires=("93",))
    commissaire = await make_partner(app, client)
    filed = {await _cdp(client, commissaire) for _ in range(3)}
    monkeypatch.setattr(liste, "PAR_PAGE", 1)
    signin(ccapex)

    def listed(html: str) -> set[str]:
        return set(re.findall(r'href="/console/dossiers/([0-9a-f-]+)"', html))

    seen: list[set[str]] = []
    url = "/console?territoire=93"
    while url:
        page = await web.get(url.replace("&amp;", "&"))
        assert page.status_code == 200, page.text
        seen.append(listed(page.text))
        found = re.search(
            r'fr-pagination__link--next fr-pagination__link--lg-label" href="([^"]+)"', page.text
        )
        url = found.group(1) if found else ""
    assert all(len(s) == 1 for s in seen) and filed <= set().union(*seen)
    # Back from the last page: the one before it, then the first.
    back = re.search(r'fr-pagination__link--prev fr-pagination__link--lg-label" href="([^"]+)"', page.text)
    assert back is not None
    previous = await web.get(back.group(1).replace("&amp;", "&"))
    assert listed(previous.text) == seen[-2]
    assert "Page précédente</a>" in (await web.get("/console?territoire=93")).text  # disabled on page 1
    assert 'aria-disabled="true" role="link">Page précédente' in (await web.get("/console")).text

    # A reader of the CCAPEX: the dossiers it may read, no form; a write refused.
    signin(ccapex, role="lecture")
    page = await web.get("/console")
    assert page.status_code == 200 and "Les dossiers que votre partenaire peut lire" in page.text
    one = next(iter(filed))
    page = await web.get(f"/console/dossiers/{one}")
    assert (
        page.status_code == 200 and "/attributions" not in page.text and '/recommandations"' not in page.text
    )
    assert (await web.get("/console/seances")).status_code == 200
    refused = await web.post(
        f"/console/dossiers/{one}/attributions",
        data={"csrf": CSRF, "partenaire_id": str(ccapex.partner_id), "motif": "x"},
    )
    assert refused.status_code == 403
