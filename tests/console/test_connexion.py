"""Signing in to the console with a local account (password, then TOTP code) in a real Chromium; the
session cookie, CSRF, sign-out, the idle timeout and the lecture role (docs/console-comptes.md)."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
from fastapi import FastAPI
from playwright.async_api import Browser, BrowserContext, Page

from app.console.auth import cookie_name, safe_next
from tests.console.comptes import change_password_if_asked, local_user, sign_in_local
from tests.console.conftest import ESSAI_POST, LiveServer


async def _csrf_of(page: Page) -> str:
    value = await page.locator("#formulaire-deconnexion input[name=csrf]").get_attribute("value")
    assert value
    return value


async def test_local_sign_in_with_totp_then_sign_out_ends_the_session(
    app: FastAPI, console_server: LiveServer, page: Page, context: BrowserContext
) -> None:
    user = await local_user(app, role="membre")
    await sign_in_local(page, console_server.url, user, suivant="/console/compte")
    assert await page.locator("#compte-email").inner_text() == user.email
    assert await page.locator("#compte-role").inner_text() == "Membre"

    cookies = {c["name"]: c for c in await context.cookies()}
    session = cookies[cookie_name(console_server.settings)]
    assert session["name"] == "__Host-prevex-session"
    assert session["httpOnly"] is True
    assert session["secure"] is True
    assert session["sameSite"] == "Lax"
    assert session["path"] == "/"

    await page.click("#formulaire-deconnexion button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion$"))
    # The old cookie, sent again, opens nothing: the row is gone server side.
    async with httpx.AsyncClient(base_url=console_server.url) as http:
        answer = await http.get(
            "/console/compte", headers={"Cookie": f"{session['name']}={session['value']}"}
        )
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/console/connexion?suivant=")


async def test_a_page_without_session_redirects_to_sign_in_and_back(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    user = await local_user(app, role="secretariat")
    await page.goto(f"{console_server.url}/console/compte")
    await page.wait_for_url(re.compile(r".*/console/connexion\?suivant=%2Fconsole%2Fcompte$"))
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", user.password)
    await page.click("#formulaire-connexion button[type=submit]")
    await page.fill("#code", user.totp_code())
    await page.click("#formulaire-totp button[type=submit]")
    await change_password_if_asked(page, user)
    await page.wait_for_url(f"{console_server.url}/console/compte")


async def test_wrong_password_and_wrong_code_are_refused(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    user = await local_user(app)
    await page.goto(f"{console_server.url}/console/connexion")
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", user.password + "x")
    await page.click("#formulaire-connexion button[type=submit]")
    await page.wait_for_selector("#erreur")
    assert "incorrect" in await page.locator("#erreur").inner_text()

    await page.fill("#mot_de_passe", user.password)
    await page.click("#formulaire-connexion button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion/totp.*"))
    code = user.totp_code()
    await page.fill("#code", "000000" if code != "000000" else "111111")
    await page.click("#formulaire-totp button[type=submit]")
    await page.wait_for_selector("#erreur")
    # Still not signed in: the half-open session opens no page.
    response = await page.goto(f"{console_server.url}/console/compte")
    assert response is not None
    assert "/console/connexion" in page.url


async def test_a_totp_code_is_accepted_once(
    app: FastAPI, console_server: LiveServer, page: Page, browser: Browser
) -> None:
    user = await local_user(app)
    await sign_in_local(page, console_server.url, user)
    # Another browser with the password and the code just used (a shoulder-surfer): refused.
    other = await browser.new_context(locale="fr-FR")
    try:
        second = await other.new_page()
        await second.goto(f"{console_server.url}/console/connexion")
        await second.fill("#email", user.email)
        await second.fill("#mot_de_passe", user.password)
        await second.click("#formulaire-connexion button[type=submit]")
        await second.wait_for_url(re.compile(r".*/console/connexion/totp.*"))
        await second.fill("#code", user.last_code)
        await second.click("#formulaire-totp button[type=submit]")
        await second.wait_for_selector("#erreur")
        assert "déjà utilisé" in await second.locator("#erreur").inner_text()
    finally:
        await other.close()


async def test_post_without_csrf_token_is_refused(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    user = await local_user(app, role="secretariat")
    await sign_in_local(page, console_server.url, user)
    csrf = await _csrf_of(page)
    without = await page.request.post(f"{console_server.url}{ESSAI_POST}", form={"x": "1"})
    assert without.status == 403
    assert (await without.json())["type"] == "urn:prevex:probleme:csrf"
    wrong = await page.request.post(f"{console_server.url}{ESSAI_POST}", form={"csrf": csrf[::-1]})
    assert wrong.status == 403
    right = await page.request.post(f"{console_server.url}{ESSAI_POST}", form={"csrf": csrf, "note": "lu"})
    assert right.status == 200
    assert await right.text() == "fait (secretariat) lu"
    # The header htmx sends does as well as the field.
    header = await page.request.post(
        f"{console_server.url}{ESSAI_POST}", form={"note": "h"}, headers={"X-CSRF-Token": csrf}
    )
    assert header.status == 200
    # Sign-out is a POST too: without the token, the session stays.
    out = await page.request.post(f"{console_server.url}/console/deconnexion", form={}, max_redirects=0)
    assert out.status == 403
    await page.goto(f"{console_server.url}/console/compte")
    assert page.url.endswith("/console/compte")


async def test_the_sign_in_form_needs_its_csrf_token(console_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=console_server.url) as http:
        answer = await http.post("/console/connexion", data={"email": "a@b.fr", "mot_de_passe": "x"})
    assert answer.status_code == 403
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_a_lecture_user_cannot_post(app: FastAPI, console_server: LiveServer, page: Page) -> None:
    user = await local_user(app, role="lecture")
    await sign_in_local(page, console_server.url, user)
    assert await page.locator("#compte-role").inner_text() == "Lecture seule"
    csrf = await _csrf_of(page)
    refused = await page.request.post(f"{console_server.url}{ESSAI_POST}", form={"csrf": csrf})
    assert refused.status == 403
    assert (await refused.json())["type"] == "urn:prevex:probleme:interdit"
    # Signing out stays possible.
    await page.click("#formulaire-deconnexion button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion$"))


async def test_the_idle_timeout_ends_the_session(app: FastAPI, console_server_with, page: Page) -> None:  # type: ignore[no-untyped-def]
    live = console_server_with(console_idle_minutes=0.05)  # 3 seconds
    user = await local_user(app)
    await sign_in_local(page, live.url, user)
    await page.goto(f"{live.url}/console/compte")  # used within the delay: still signed in
    assert page.url.endswith("/console/compte")
    await asyncio.sleep(4)
    await page.goto(f"{live.url}/console/compte")
    assert "/console/connexion?suivant=" in page.url


async def test_after_sign_in_only_console_paths_are_followed(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    user = await local_user(app)
    await page.goto(f"{console_server.url}/console/connexion?suivant=https://exemple.org/console")
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", user.password)
    await page.click("#formulaire-connexion button[type=submit]")
    await page.fill("#code", user.totp_code())
    await page.click("#formulaire-totp button[type=submit]")
    await change_password_if_asked(page, user)
    await page.wait_for_url(re.compile(re.escape(console_server.url) + r"/console(\?.*)?$"))


async def test_failed_sign_ins_are_rate_limited(app: FastAPI, console_server_with, page: Page) -> None:  # type: ignore[no-untyped-def]
    live = console_server_with(console_rate_limit_compte="2/minute")
    user = await local_user(app)
    await page.goto(f"{live.url}/console/connexion")
    for _ in range(2):
        await page.fill("#email", user.email)
        await page.fill("#mot_de_passe", "pas-le-bon")
        await page.click("#formulaire-connexion button[type=submit]")
        await page.wait_for_selector("#erreur")
    # Spent: even the right password waits (429, Retry-After), before anything is checked.
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", user.password)
    async with page.expect_response(lambda r: r.request.method == "POST") as answer:
        await page.click("#formulaire-connexion button[type=submit]")
    response = await answer.value
    assert response.status == 429
    assert int(response.headers["retry-after"]) > 0
    assert "Trop de tentatives" in await page.locator("#erreur").inner_text()


async def test_the_absolute_timeout_ends_a_used_session(
    app: FastAPI, console_server_with, page: Page
) -> None:  # type: ignore[no-untyped-def]
    live = console_server_with(console_absolute_hours=5 / 3600)  # 5 seconds
    user = await local_user(app)
    await sign_in_local(page, live.url, user)
    for _ in range(3):  # used every second or so: the idle timeout is not what ends it
        await asyncio.sleep(1)
        await page.goto(f"{live.url}/console/compte")
        assert page.url.endswith("/console/compte")
    await asyncio.sleep(3)
    await page.goto(f"{live.url}/console/compte")
    assert "/console/connexion?suivant=" in page.url


async def test_a_revoked_partner_ends_its_users_sessions(
    app: FastAPI, console_server: LiveServer, page: Page
) -> None:
    from app.services.partners import find_partner, revoke_partner

    user = await local_user(app)
    await sign_in_local(page, console_server.url, user)
    async with app.state.database.sessionmaker() as session, session.begin():
        partner = await find_partner(session, str(user.partner_id))
        assert partner is not None
        await revoke_partner(session, partner)
    await page.goto(f"{console_server.url}/console/compte")
    assert "/console/connexion?suivant=" in page.url


@pytest.mark.parametrize(
    ("suivant", "expected"),
    [
        ("/console/dossiers/1?vue=chronologie", "/console/dossiers/1?vue=chronologie"),
        ("/console", "/console"),
        ("https://exemple.org/console", "/console"),
        ("//exemple.org/console", "/console"),
        ("/console/../v1/audit", "/console"),
        ("/console/%2e%2e/v1/audit", "/console"),
        ("/console/%2E%2E%2Fv1", "/console"),
        ("/console/./compte", "/console"),
        ("/console/dossiers?q=a%2Fb", "/console/dossiers?q=a%2Fb"),
        ("/consoles", "/console"),
        ("/console\\@exemple.org", "/console"),
        ("/v1/dossiers", "/console"),
        (None, "/console"),
    ],
)
def test_only_console_paths_are_followed_after_sign_in(suivant: str | None, expected: str) -> None:
    assert safe_next(suivant) == expected


async def test_the_one_time_password_is_changed_at_the_first_sign_in(
    app: FastAPI, console_server: LiveServer, page: Page, browser: Browser
) -> None:
    user = await local_user(app)
    initial = user.password
    await page.goto(f"{console_server.url}/console/connexion?suivant=/console/compte")
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", initial)
    await page.click("#formulaire-connexion button[type=submit]")
    await page.fill("#code", user.totp_code())
    await page.click("#formulaire-totp button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion/mot-de-passe\?suivant=.*"))
    assert await page.locator("#impose").count() == 1
    # Not signed in until it is done: a page sends back to sign-in, which sends back here.
    await page.goto(f"{console_server.url}/console/compte")
    assert "/console/connexion/mot-de-passe" in page.url
    for actuel, nouveau, confirmation, message in (
        ("faux", "Un-nouveau-mot-de-passe", "Un-nouveau-mot-de-passe", "actuel est incorrect"),
        (initial, "court", "court", "au moins 12"),
        (initial, "Un-nouveau-mot-de-passe", "Un-autre-mot-de-passe", "confirmation"),
    ):
        await page.fill("#actuel", actuel)
        await page.fill("#nouveau", nouveau)
        await page.fill("#confirmation", confirmation)
        await page.locator("#nouveau").evaluate("e => e.removeAttribute('minlength')")
        await page.locator("#confirmation").evaluate("e => e.removeAttribute('minlength')")
        await page.click("#formulaire-mot-de-passe button[type=submit]")
        await page.wait_for_selector("#erreur")
        assert message in await page.locator("#erreur").inner_text()
    await change_password_if_asked(page, user)
    await page.wait_for_url(f"{console_server.url}/console/compte")
    assert user.password != initial

    # The one-time password no longer opens anything; the new one does, without the change page.
    other = await browser.new_context(locale="fr-FR")
    try:
        second = await other.new_page()
        await second.goto(f"{console_server.url}/console/connexion")
        await second.fill("#email", user.email)
        await second.fill("#mot_de_passe", initial)
        await second.click("#formulaire-connexion button[type=submit]")
        await second.wait_for_selector("#erreur")
        await sign_in_local(second, console_server.url, user)
        assert second.url.endswith("/console/compte")

        # A change of one's own ends one's other sessions.
        await page.click("#lien-mot-de-passe")
        await page.wait_for_url(re.compile(r".*/console/connexion/mot-de-passe.*"))
        assert await page.locator("#impose").count() == 0
        await change_password_if_asked(page, user)
        await page.wait_for_url(re.compile(r".*/console/compte\?mot_de_passe=change$"))
        assert await page.locator("#mot-de-passe-change").count() == 1
        await second.goto(f"{console_server.url}/console/compte")
        assert "/console/connexion?suivant=" in second.url
    finally:
        await other.close()
