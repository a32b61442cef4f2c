"""The console walked in a real Chromium, signed in with local accounts (password and TOTP) and through
the OpenID Connect provider (oidc-provider, a real process): a dossier from the CCAPEX's list to its routing, a session and its avis, a recommendation to a bailleur and
the bailleur's people recording its follow-up; a secretariat of another territory, signed in by OIDC,
sees none of it. axe-core on every page walked, and no CSP violation in the browser's console."""

from __future__ import annotations

import re

import httpx
from fastapi import FastAPI
from playwright.async_api import Browser, ConsoleMessage, Page

from tests.console.accessibilite import assert_accessible
from tests.console.comptes import local_user, sign_in_local, sign_in_oidc
from tests.console.conftest import LiveServer
from tests.factories import acte, household, make_partner


async def _cdp(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    body = acte("commandement_de_payer", household(), date_acte="2025-03-10")
    body["bailleur"] = {"categorie": "sci_familiale", "nom": "SCI Fictive"}
    body["dette"] = {"montant_cents": 300000, "mois_impayes_consecutifs": 3}
    filed = await client.post("/v1/actes", json=body, headers=headers)
    assert filed.status_code == 201, filed.text
    return str(filed.json()["dossier_id"])


def _csp_watch(page: Page) -> list[str]:
    seen: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            seen.append(message.text)

    page.on("console", on_console)
    return seen


async def _find_in_list(page: Page, base: str, dossier_id: str) -> None:
    """From /console, the page of the list that names the dossier (previous/next links)."""
    await page.goto(f"{base}/console?territoire=93")
    for _ in range(50):
        if await page.locator(f'a[href="/console/dossiers/{dossier_id}"]').count():
            return
        following = page.locator("a.fr-pagination__link--next[href]")
        assert await following.count(), "the dossier is not in the list"
        await following.click()
        await page.wait_for_load_state("networkidle")
    raise AssertionError("the dossier is not in the list")


async def test_a_dossier_walked_from_the_list_to_a_recommendation_and_its_follow_up(
    app: FastAPI, client: httpx.AsyncClient, console_server: LiveServer, page: Page, browser: Browser
) -> None:
    base = console_server.url
    commissaire = await make_partner(app, client)
    bailleur = await make_partner(app, client, kind="bailleur_social", nom="Bailleur social de test")
    dossier_id = await _cdp(client, commissaire.headers)
    secretaire = await local_user(app, role="secretariat", kind="ccapex", territoires=("93",))
    agent_bailleur = await local_user(app, role="membre", partner_id=bailleur.partner_id)
    ailleurs = await local_user(app, role="secretariat", kind="ccapex", territoires=("75",))
    csp = _csp_watch(page)

    # The list, after sign-in; the dossier in it; axe.
    await sign_in_local(page, base, secretaire, suivant="/console")
    assert await page.locator("h1").inner_text() == "Ce qui attend la CCAPEX"
    await assert_accessible(page, "la liste")
    await _find_in_list(page, base, dossier_id)
    await page.click(f'a[href="/console/dossiers/{dossier_id}"]')
    await page.wait_for_url(f"{base}/console/dossiers/{dossier_id}")
    assert await page.locator("#echeances").count() == 1
    await assert_accessible(page, "le dossier")

    # Routing to the bailleur: a missing motif is refused beside its field, then the grant.
    await page.select_option("#attribution-partenaire_id", str(bailleur.partner_id))
    await page.click("form[action$='/attributions'] button[type=submit]")
    assert await page.locator("#attribution-motif-erreur").is_visible()
    await assert_accessible(page, "le dossier, formulaire refusé")
    await page.fill("#attribution-motif", "Examen du maintien dans les lieux")
    await page.click("form[action$='/attributions'] button[type=submit]")
    await page.wait_for_url(re.compile(r".*\?fait=attribution.*"))
    assert "Le dossier a été attribué." in await page.locator("[role=status]").inner_text()

    # A session with the bailleur as member; the dossier on its agenda; the session's avis.
    await page.click("a.fr-nav__link[href='/console/seances']")
    await assert_accessible(page, "les séances")
    await page.fill("#date", "2026-12-15")
    await page.select_option("#formation", "pleniere")
    membre = await page.locator(f"input[name=membres][value='{bailleur.partner_id}']").get_attribute("id")
    await page.click(f"label[for='{membre}']")  # the DSFR draws the box on the label
    assert await page.locator(f"#{membre}").is_checked()
    await page.click("form[action='/console/seances'] button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/seances/[0-9a-f-]+\?fait=creation$"))
    seance_url = page.url.split("?")[0]
    seance_id = seance_url.rsplit("/", 1)[1]
    await page.goto(f"{base}/console/dossiers/{dossier_id}")
    await page.select_option("#ordre-seance_id", seance_id)
    await page.click("form[action$='/ordre-du-jour'] button[type=submit]")
    await page.wait_for_url(re.compile(r".*\?fait=inscription$"))
    cle = f"examen-{dossier_id}"
    await page.select_option(f"#{cle}-issue", "examine")
    await page.fill(f"#{cle}-avis", "Avis favorable au maintien, plan d'apurement à proposer.")
    await page.click(f"form[action$='/examens/{dossier_id}'] button[type=submit]")
    await page.wait_for_url(re.compile(r".*\?fait=examen.*"))
    assert "Avis favorable au maintien" in await page.locator(f"#point-{dossier_id}").inner_text()
    await assert_accessible(page, "la séance")

    # A recommendation to the bailleur, from the session.
    await page.click(f"#point-{dossier_id} h3 a")
    await page.wait_for_url(f"{base}/console/dossiers/{dossier_id}")
    await page.select_option("#reco-destinataire", str(bailleur.partner_id))
    await page.select_option("#reco-nature", "plan_apurement")
    await page.fill("#reco-texte", "Proposer un plan d'apurement sur 24 mois.")
    await page.select_option("#reco-seance_id", seance_id)
    await page.click("form[action$='/recommandations'] button[type=submit]")
    await page.wait_for_url(re.compile(r".*\?fait=recommandation.*"))
    assert (
        "Proposer un plan d'apurement sur 24 mois."
        in await page.locator("#recommandations ~ div").first.inner_text()
    )

    # The letters: the PDF is served to the signed-in browser.
    pdf = await page.locator("a[href$='.pdf']").first.get_attribute("href")
    assert pdf
    answer = await page.request.get(base + pdf)
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"

    # The indicators page.
    await page.click("a.fr-nav__link[href='/console/indicateurs']")
    assert (await page.locator("h1").inner_text()).startswith("Indicateurs du territoire 93")
    await assert_accessible(page, "les indicateurs")
    await page.click("form[action='/console/deconnexion'] button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion.*"))

    # The bailleur's people: the recommendation, its follow-up recorded.
    bailleur_context = await browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        other = await bailleur_context.new_page()
        await sign_in_local(other, base, agent_bailleur, suivant=f"/console/dossiers/{dossier_id}")
        assert await other.locator("form[action$='/attributions']").count() == 0  # not the secretariat's
        await assert_accessible(other, "le dossier, vu du bailleur")
        await other.select_option("select[name=statut]", "mise_en_oeuvre")
        await other.fill("input[name=date]", "2027-01-12")
        await other.fill("textarea[name=commentaire]", "Plan signé le 12 janvier.")
        await other.click("form[action$='/suivi'] button[type=submit]")
        await other.wait_for_url(re.compile(r".*\?fait=suivi.*"))
        assert "Plan signé le 12 janvier." in await other.content()
        await assert_accessible(other, "le dossier après le suivi")
    finally:
        await bailleur_context.close()

    # The secretariat sees the follow-up.
    await sign_in_local(page, base, secretaire, suivant=f"/console/dossiers/{dossier_id}")
    assert "Plan signé le 12 janvier." in await page.content()

    # Another territory's secretariat: the list without it, the dossier and the session 404.
    elsewhere_context = await browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        elsewhere = await elsewhere_context.new_page()
        # Through the provider ("/console/": the helper's last wait wants a path under /console/).
        await sign_in_oidc(elsewhere, base, ailleurs.email, suivant="/console/")
        assert await elsewhere.locator("h1").inner_text() == "Ce qui attend la CCAPEX"
        # (Other tests may have left dossiers of that territory in the database: this one is not there.)
        assert await elsewhere.locator(f"a[href='/console/dossiers/{dossier_id}']").count() == 0
        refused = await elsewhere.goto(f"{base}/console/dossiers/{dossier_id}")
        assert refused is not None and refused.status == 404
        await assert_accessible(elsewhere, "la page 404")
        refused = await elsewhere.goto(seance_url)
        assert refused is not None and refused.status == 404
    finally:
        await elsewhere_context.close()
    assert csp == [], csp
