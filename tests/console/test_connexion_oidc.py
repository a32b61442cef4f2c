"""Signing in to the console through a real OpenID Connect provider (oidc-provider, a process of its
own) in a real Chromium: the code flow with PKCE, state and nonce; a first sign-in finds the user made
by ``prevex users create`` with the same email; an identity with no user is refused; the sign-out ends
the provider's session too (RP-initiated logout)."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi import FastAPI
from playwright.async_api import Page
from sqlalchemy import select

from app.models.utilisateur import ConsoleSession, Utilisateur
from tests.console.comptes import local_user, sign_in_oidc, start_oidc
from tests.console.conftest import LiveServer, OidcProvider, start_oidc_provider, stop_oidc_provider
from tests.exchange import free_port


async def test_oidc_sign_in_maps_to_the_user_with_this_email(
    app: FastAPI, console_server: LiveServer, oidc_provider: OidcProvider, page: Page
) -> None:
    user = await local_user(app, role="membre")
    await sign_in_oidc(page, console_server.url, user.email, suivant="/console/compte")
    assert await page.locator("#compte-email").inner_text() == user.email
    # The identity is now bound to the user (issuer and subject), for the next sign-ins.
    async with app.state.database.sessionmaker() as session:
        bound = await session.scalar(select(Utilisateur).where(Utilisateur.id == user.user_id))
    assert bound is not None
    assert bound.oidc_issuer == oidc_provider.issuer
    assert bound.oidc_subject == user.email  # the test provider's subject is the login

    # In again through the provider, its own session still open (no credentials asked): the same user.
    await page.goto(f"{console_server.url}/console/connexion/oidc?suivant=/console/compte")
    await page.wait_for_url(re.compile(re.escape(console_server.url) + r"/console/compte$"))
    assert await page.locator("#compte-email").inner_text() == user.email


async def _sessions_of(app: FastAPI, user_id: uuid.UUID) -> list[ConsoleSession]:
    async with app.state.database.sessionmaker() as session:
        found = await session.scalars(select(ConsoleSession).where(ConsoleSession.utilisateur_id == user_id))
        return list(found.all())


async def test_sign_out_ends_the_session_at_the_provider_too(
    app: FastAPI, console_server: LiveServer, oidc_provider: OidcProvider, page: Page
) -> None:
    """RP-initiated logout: Prevex's session row deleted, then the provider's end_session_endpoint (with
    the ID token kept with the session as id_token_hint), which sends the browser back to the sign-in
    page; signing in again asks for the provider's credentials again."""
    user = await local_user(app, role="membre")
    await sign_in_oidc(page, console_server.url, user.email, suivant="/console/compte")
    [signed_in] = await _sessions_of(app, user.user_id)
    assert signed_in.etape == "active" and signed_in.id_token  # kept for the sign-out

    await page.click("#formulaire-deconnexion button[type=submit]")
    # The provider's own confirmation page (oidc-provider's development one; ProConnect asks nothing).
    await page.wait_for_url(re.compile(re.escape(oidc_provider.issuer) + r"/session/end.*"))
    assert await _sessions_of(app, user.user_id) == []  # deleted before the browser left
    await page.click("button[name=logout][value=yes]")
    await page.wait_for_url(re.compile(re.escape(console_server.url) + r"/console/connexion\?state=.+"))
    assert "demandée au fournisseur d'identité" in await page.locator("#deconnecte").inner_text()
    await page.goto(f"{console_server.url}/console/compte")  # the old cookie opens nothing
    assert "/console/connexion?suivant=" in page.url

    # The provider's session is gone: it asks for its credentials again.
    await page.click("#connexion-oidc")
    await page.wait_for_selector("input[name=login]")
    assert page.url.startswith(oidc_provider.issuer)
    await sign_in_oidc(page, console_server.url, user.email, suivant="/console/compte")
    assert await page.locator("#compte-email").inner_text() == user.email
    assert len(await _sessions_of(app, user.user_id)) == 1


async def test_oidc_identity_without_a_user_is_refused(console_server: LiveServer, page: Page) -> None:
    await start_oidc(page, console_server.url, "inconnu@exemple.gouv.fr")
    await page.wait_for_selector("#refus")
    assert "Aucun compte Prevex" in await page.locator("#refus").inner_text()
    await page.goto(f"{console_server.url}/console/compte")
    assert "/console/connexion?suivant=" in page.url


async def test_a_callback_not_started_in_this_browser_is_refused(
    console_server: LiveServer, page: Page
) -> None:
    response = await page.goto(f"{console_server.url}/console/oidc/retour?code=abc&state=xyz")
    assert response is not None
    assert response.status == 400
    assert "ne correspond à aucune connexion" in await page.locator("#refus").inner_text()


async def test_oidc_sign_in_with_the_email_in_the_id_token(  # type: ignore[no-untyped-def]
    app: FastAPI, console_server_with, page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A provider that puts the email in the ID token: UserInfo is not asked (it would fail here)."""
    from app.console import connexion

    async def not_asked(*args: object) -> None:
        raise AssertionError("UserInfo asked although the ID token has the email")

    monkeypatch.setattr(connexion, "_userinfo_email", not_asked)
    port = free_port()
    provider = start_oidc_provider(f"http://127.0.0.1:{port}/console/oidc/retour", email_in_id_token=True)
    try:
        live = console_server_with(
            port=port,
            oidc_issuer=provider.issuer,
            oidc_client_id=provider.client_id,
            oidc_client_secret=provider.client_secret,
        )
        user = await local_user(app, role="lecture")
        await sign_in_oidc(page, live.url, user.email, suivant="/console/compte")
        assert await page.locator("#compte-role").inner_text() == "Lecture seule"
    finally:
        stop_oidc_provider(provider)
