"""axe-core on the console's pages outside the walk (test_parcours.py): sign-in, its TOTP step and the
first password change, the account page, a refused form, the list as a member of a non-CCAPEX partner
sees it, an empty list, the indicators, the 404 page. No serious or critical WCAG 2.1 A/AA violation. And the list's filters swapped
in place by htmx under the console's CSP."""

from __future__ import annotations

import re

from fastapi import FastAPI
from playwright.async_api import Page

from tests.console.accessibilite import assert_accessible
from tests.console.comptes import change_password_if_asked, local_user
from tests.console.conftest import LiveServer


async def test_sign_in_account_refused_form_and_other_pages_are_accessible(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    base = console_server.url
    # provisoire: the one-time password of `prevex users create`, so the first sign-in asks to change it.
    user = await local_user(app, role="secretariat", kind="ccapex", territoires=("93",), provisoire=True)
    await page.goto(f"{base}/console/connexion?suivant=/console/seances")
    await assert_accessible(page, "la connexion")
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", user.password)
    await page.click("#formulaire-connexion button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion/totp.*"))
    await assert_accessible(page, "le code TOTP")
    await page.fill("#code", user.totp_code())
    await page.click("#formulaire-totp button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion/mot-de-passe.*"))  # the first sign-in
    await assert_accessible(page, "le changement du mot de passe")
    await change_password_if_asked(page, user)
    await page.wait_for_url(f"{base}/console/seances")

    # A new session without date nor formation: refused beside each field.
    await page.click("form[action='/console/seances'] button[type=submit]")
    await page.wait_for_selector("#date-erreur")
    assert await page.locator("#formation-erreur").count() == 1
    assert await page.locator("#date").get_attribute("aria-describedby") == "date-erreur"
    await assert_accessible(page, "une séance refusée")

    # htmx (progressive enhancement): a filter changed swaps the results in place and the URL follows.
    await page.goto(f"{base}/console")
    await page.evaluate("window.pasRecharge = true")
    await page.fill("#motif", "aucun_motif")
    await page.dispatch_event("#motif", "change")
    await page.wait_for_url(re.compile(r".*motif=aucun_motif.*"))
    await page.wait_for_function("document.querySelector('#resultats').innerText.includes('Aucun dossier')")
    assert await page.evaluate("window.pasRecharge === true"), "the page was reloaded, not swapped"

    await page.goto(f"{base}/console?territoire=93&stade=execution&motif=aucun_motif")
    assert "Aucun dossier" in await page.locator("#resultats").inner_text()
    await assert_accessible(page, "une liste vide")
    await page.goto(f"{base}/console/indicateurs")
    await assert_accessible(page, "les indicateurs sans données")
    await page.goto(f"{base}/console/compte")
    await assert_accessible(page, "le compte")
    answer = await page.goto(f"{base}/console/dossiers/00000000-0000-4000-8000-000000000000")
    assert answer is not None and answer.status == 404
    await assert_accessible(page, "la page 404")


async def test_a_member_of_a_non_ccapex_partner_sees_its_recommendations(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    from tests.console.comptes import sign_in_local

    user = await local_user(app, role="membre", kind="bailleur_social", territoires=("93",))
    await sign_in_local(page, console_server.url, user, suivant="/console")
    assert await page.locator("h1").inner_text() == "Les recommandations adressées à votre partenaire"
    await assert_accessible(page, "les recommandations d'un bailleur")
