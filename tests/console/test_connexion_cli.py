"""``prevex users create``: a local account made by the CLI, its one-time password and TOTP enrolment
URI printed once, and the browser sign-in with them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from argon2 import PasswordHasher
from fastapi import FastAPI
from playwright.async_api import Page
from sqlalchemy import select

from app.core.crypto import decrypt
from app.models.utilisateur import Utilisateur
from tests.console.comptes import LocalUser, make_partner_id, sign_in_local
from tests.console.conftest import LiveServer

ROOT = Path(__file__).resolve().parents[2]


def _prevex(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREVEX_")}
    env["PREVEX_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_users_create_then_sign_in(
    app: FastAPI, database_url: str, console_server: LiveServer, page: Page
) -> None:
    partner = await make_partner_id(app, "commission_locale", ("93",))
    email = f"Membre-{uuid.uuid4().hex[:8]}@Exemple.gouv.fr"
    made = _prevex(
        database_url,
        "users",
        "create",
        "--partner",
        str(partner),
        "--email",
        email,
        "--role",
        "membre",
        "--json",
    )
    assert made.returncode == 0, made.stderr
    created = json.loads(made.stdout)
    assert created["email"] == email.lower() and created["role"] == "membre"
    uri = urlparse(created["totp_uri"])
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    secret = parse_qs(uri.query)["secret"][0]
    assert parse_qs(uri.query)["issuer"] == ["Prevex"]

    # Stored: the password as an argon2id hash, the TOTP secret encrypted (never in clear).
    async with app.state.database.sessionmaker() as session:
        row = await session.scalar(select(Utilisateur).where(Utilisateur.email == email.lower()))
    assert row is not None and row.mot_de_passe is not None and row.totp_secret is not None
    assert row.mot_de_passe.startswith("$argon2id$") and PasswordHasher().verify(
        row.mot_de_passe, created["password"]
    )
    assert secret not in row.totp_secret and decrypt(row.totp_secret) == secret

    user = LocalUser(
        uuid.UUID(created["user_id"]), partner, created["email"], "membre", created["password"], secret
    )
    await sign_in_local(page, console_server.url, user)
    assert await page.locator("#compte-email").inner_text() == email.lower()

    # Disabled: the open session ends at once. Reset: a new password and secret, active again.
    assert _prevex(database_url, "users", "disable", email).returncode == 0
    await page.goto(f"{console_server.url}/console/compte")
    assert "/console/connexion?suivant=" in page.url
    reset = _prevex(database_url, "users", "reset", email, "--json")
    assert reset.returncode == 0, reset.stderr
    renewed = json.loads(reset.stdout)
    assert renewed["password"] != created["password"]
    again = LocalUser(
        user.user_id,
        partner,
        user.email,
        "membre",
        renewed["password"],
        parse_qs(urlparse(renewed["totp_uri"]).query)["secret"][0],
    )
    await sign_in_local(page, console_server.url, again)
    assert await page.locator("#compte-email").inner_text() == email.lower()

    # The same email twice, an unknown role, an unknown partner: refused, exit code 2.
    for args in (
        ("--partner", str(partner), "--email", email, "--role", "membre"),
        ("--partner", str(partner), "--email", "autre@exemple.fr", "--role", "chef"),
        ("--partner", str(uuid.uuid4()), "--email", "autre@exemple.fr", "--role", "lecture"),
    ):
        refused = _prevex(database_url, "users", "create", *args)
        assert refused.returncode == 2, refused.stdout + refused.stderr
