"""Helpers of the console tests: people to sign in, and signing a Playwright page in.

- ``await local_user(app, role="membre", kind="ccapex", territoires=("93",))``: a partner (or
  ``partner_id=`` an existing one) and a local user of it, made by the same service as
  ``prevex users create``; the ``LocalUser`` keeps the one-time password and the TOTP secret.
- ``await sign_in_local(page, server.url, user, suivant="/console/...")``: the sign-in form, then the TOTP
  step with the current code, then (first sign-in) the change of the one-time password, the new one
  kept in ``user.password``; returns when the page is on ``suivant``.
- ``await sign_in_oidc(page, server.url, email)``: the button to the provider, its development sign-in
  (any login: the email) and consent, back to the console.
"""

from __future__ import annotations

import re
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pyotp
from fastapi import FastAPI
from playwright.async_api import Page

from app.services.partners import create_partner
from app.services.utilisateurs import create_user
from tests.factories import fake_siret


@dataclass
class LocalUser:
    user_id: uuid.UUID
    partner_id: uuid.UUID
    email: str
    role: str
    password: str
    totp_secret: str
    last_code: str = ""
    _last_step: int = field(default=-1)

    def totp_code(self) -> str:
        """The current code, never one already used (a code is accepted once: wait for the next step)."""
        totp = pyotp.TOTP(self.totp_secret)
        while totp.timecode(_now()) <= self._last_step:
            time.sleep(0.5)
        self._last_step = totp.timecode(_now())
        self.last_code = totp.now()
        return self.last_code


def _now() -> datetime:
    return datetime.now(UTC)


async def make_partner_id(
    app: FastAPI, kind: str = "ccapex", territoires: tuple[str, ...] = ("93",)
) -> uuid.UUID:
    async with app.state.database.sessionmaker() as session, session.begin():
        issued = await create_partner(
            session,
            kind=kind,
            nom=f"Partenaire {kind} de test",
            siret=fake_siret(),
            territoires=list(territoires),
        )
    return uuid.UUID(str(issued.partner.id))


async def local_user(
    app: FastAPI,
    *,
    role: str = "secretariat",
    kind: str = "ccapex",
    territoires: tuple[str, ...] = ("93",),
    partner_id: uuid.UUID | None = None,
    email: str | None = None,
) -> LocalUser:
    """A user (and its partner, unless given), as ``prevex users create`` makes one."""
    partner = partner_id or await make_partner_id(app, kind, territoires)
    address = email or f"agent-{uuid.uuid4().hex[:10]}@exemple.gouv.fr"
    async with app.state.database.sessionmaker() as session, session.begin():
        created = await create_user(session, partner=str(partner), email=address, role=role)
    secret = parse_qs(urlparse(created.totp_uri).query)["secret"][0]
    return LocalUser(created.user.id, partner, created.user.email, role, created.password, secret)


async def sign_in_local(page: Page, base_url: str, user: LocalUser, suivant: str = "/console/compte") -> None:
    """Sign ``page`` in with ``user``'s password and TOTP code; it then shows ``suivant``."""
    await page.goto(f"{base_url}/console/connexion?suivant={suivant}")
    await page.fill("#email", user.email)
    await page.fill("#mot_de_passe", user.password)
    await page.click("#formulaire-connexion button[type=submit]")
    await page.wait_for_url(re.compile(r".*/console/connexion/totp.*"))
    await page.fill("#code", user.totp_code())
    await page.click("#formulaire-totp button[type=submit]")
    await change_password_if_asked(page, user)
    await page.wait_for_url(re.compile(re.escape(base_url + suivant.split("?")[0]) + r"(\?.*)?$"))


async def change_password_if_asked(page: Page, user: LocalUser) -> None:
    """At the first sign-in the one-time password must be changed: a new one (kept in ``user``)."""
    await page.wait_for_load_state()
    if "/console/connexion/mot-de-passe" not in page.url:
        return
    nouveau = "Nouveau-" + secrets.token_urlsafe(12)
    await page.fill("#actuel", user.password)
    await page.fill("#nouveau", nouveau)
    await page.fill("#confirmation", nouveau)
    async with page.expect_navigation():
        await page.click("#formulaire-mot-de-passe button[type=submit]")
    user.password = nouveau


async def sign_in_oidc(page: Page, base_url: str, email: str, suivant: str = "/console/compte") -> None:
    """Sign ``page`` in through the OIDC provider as ``email`` (a user created with it must exist for the
    console to accept it); it then shows ``suivant``."""
    await start_oidc(page, base_url, email, suivant)
    await page.wait_for_url(re.compile(re.escape(base_url + suivant.split("?")[0]) + r"(\?.*)?$"))


async def start_oidc(page: Page, base_url: str, email: str, suivant: str = "/console/compte") -> None:
    """The OIDC round trip up to the console's callback (which may accept or refuse): the provider's
    development sign-in (any login: the email) and consent, when it asks for them (its own session may
    still be open from an earlier sign-in)."""
    await page.goto(f"{base_url}/console/connexion?suivant={suivant}")
    await page.click("#connexion-oidc")
    for _ in range(6):
        await page.wait_for_load_state()
        if page.url.startswith(base_url + "/console/"):
            return
        if await page.locator("input[name=login]").count():
            await page.fill("input[name=login]", email)
            await page.fill("input[name=password]", "peu-importe")
            await page.click("button[type=submit]")
        elif await page.locator("button[autofocus][type=submit]").count():  # the consent
            await page.click("button[autofocus][type=submit]")
        else:
            await page.wait_for_timeout(200)
    await page.wait_for_url(re.compile(re.escape(base_url) + r"/console/.*"))
