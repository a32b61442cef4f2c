"""Fixtures of every console test: a live server of the app on a loopback port over the test database,
a real OpenID Connect provider process (``tests/node/oidc-server.js``, oidc-provider from the lock), and
a real Chromium (Debian's, driven by Playwright).

- ``console_server``: the app served by uvicorn (in a thread of its own, with its own event loop and
  pool) at ``console_server.url``, its sign-in wired to ``oidc_provider``. ``console_server_with(**s)``
  starts another one with other settings (a short idle timeout...), stopped at the test's end.
- ``browser`` (one per session) and ``page`` (a fresh context per test: no cookie carried over, French,
  no request leaves the machine).

Users are made with ``tests/console/comptes.py`` through the test's own ``app`` (the same database).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import pytest
import uvicorn
from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import PlainTextResponse
from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright

from app.console.auth import check_csrf, console_user
from app.core.config import Settings
from app.main import create_app
from tests.exchange import free_port

ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = ROOT / "tests" / "node"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=fr-FR",
]
OIDC_CLIENT_ID = "prevex-console-tests"
OIDC_CLIENT_SECRET = "prevex-console-tests-secret-not-secret"

#: A test-only POST behind ``check_csrf`` (the pages' own POSTs live in ``app/console/pages``).
ESSAI_POST = "/console/_essai"


def console_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "log_level": "WARNING",
        "data_dir": Path(tempfile.gettempdir()),
        "token_ttl_seconds": 3600,
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class LiveServer:
    url: str
    app: FastAPI
    settings: Settings
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def start_server(database_url: str, settings: Settings, port: int | None = None) -> LiveServer:
    """The app on 127.0.0.1 (``port`` or a free one), served by uvicorn in a thread, once it answers."""
    app = create_app(settings, database_url=database_url)

    async def essai(
        request: Request, note: Annotated[str, Form()] = "", _: None = Depends(check_csrf)
    ) -> PlainTextResponse:
        user = await console_user(request)  # the page's form fields read beside check_csrf's
        return PlainTextResponse(f"fait ({user.role}){' ' + note if note else ''}")

    app.add_api_route(ESSAI_POST, essai, methods=["POST"], include_in_schema=False)
    port = port or free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_config=None, lifespan="on", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), name=f"console-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the console's live server did not start")
        time.sleep(0.05)
    return LiveServer(f"http://127.0.0.1:{port}", app, settings, server, thread)


@dataclass(frozen=True)
class OidcProvider:
    issuer: str
    client_id: str
    client_secret: str
    process: subprocess.Popen[str]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is needed by the console tests (Node.js 20)")
    return found


def _npm_ci() -> None:
    if not (NODE_DIR / "node_modules" / "oidc-provider").is_dir():
        subprocess.run(
            [_tool("npm"), "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True, capture_output=True
        )


@pytest.fixture(scope="session")
async def database_url(database_url: str) -> AsyncIterator[str]:
    """The console's tests on a database of their own (same server, migrated, dropped at the end): their
    lists (what awaits the CCAPEX of the 93, paged oldest first) must not depend on how many dossiers the
    rest of the suite left in the shared one."""
    import uuid

    import anyio
    import asyncpg
    from sqlalchemy.engine import make_url

    from app.core.migrations import upgrade

    name = f"prevex_console_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url: str = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        await anyio.to_thread.run_sync(upgrade, url)
        yield url
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(scope="session")
async def app(database_url: str, settings: Settings) -> AsyncIterator[FastAPI]:
    """The app over the console's own database (above)."""
    from tests import journal

    application = create_app(settings, database_url=database_url)
    journal.install()
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
def console_port() -> int:
    return free_port()


def start_oidc_provider(redirect_uri: str, *, email_in_id_token: bool = False) -> OidcProvider:
    """oidc-provider on a free loopback port, its one client being the console at ``redirect_uri``
    (and, after the sign-out at the provider, the same console's sign-in page)."""
    _npm_ci()
    port = free_port()
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": OIDC_CLIENT_ID,
        "OIDC_CLIENT_SECRET": OIDC_CLIENT_SECRET,
        "OIDC_REDIRECT_URI": redirect_uri,
        "OIDC_POST_LOGOUT_REDIRECT_URI": redirect_uri.removesuffix("/oidc/retour") + "/connexion",
        "OIDC_EMAIL_IN_ID_TOKEN": "1" if email_in_id_token else "0",
    }
    process = subprocess.Popen(
        [_tool("node"), "oidc-server.js"],
        cwd=NODE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    issuer = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith("ready "):
            issuer = line.split(" ", 1)[1].strip()
            break
    if issuer is None:
        process.kill()
        raise RuntimeError("the OIDC provider did not start")
    # Its later output (development warnings) is drained so that the pipe never fills.
    threading.Thread(target=lambda: process.stdout.read() if process.stdout else None, daemon=True).start()
    return OidcProvider(issuer, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, process)


def stop_oidc_provider(provider: OidcProvider) -> None:
    provider.process.terminate()
    try:
        provider.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        provider.process.kill()


@pytest.fixture(scope="session")
def oidc_provider(console_port: int) -> Iterator[OidcProvider]:
    """oidc-provider on a free loopback port, its one client being the console at ``console_port``
    (the email given by UserInfo only, as ProConnect does)."""
    provider = start_oidc_provider(f"http://127.0.0.1:{console_port}/console/oidc/retour")
    yield provider
    stop_oidc_provider(provider)


@pytest.fixture(scope="session")
def console_server(
    database_url: str, console_port: int, oidc_provider: OidcProvider, app: FastAPI
) -> Iterator[LiveServer]:
    """The app, live on ``console_port``, signing people in locally or through ``oidc_provider``. (It
    depends on ``app`` so that the test database is migrated and the test's own app is up first.)"""
    # The production cookie (``__Host-``, Secure): Chromium counts http://127.0.0.1 as a secure context.
    settings = console_settings(
        oidc_issuer=oidc_provider.issuer,
        oidc_client_id=oidc_provider.client_id,
        oidc_client_secret=oidc_provider.client_secret,
    )
    live = start_server(database_url, settings, console_port)
    yield live
    live.stop()


@pytest.fixture
def console_server_with(database_url: str, app: FastAPI) -> Iterator[Callable[..., LiveServer]]:
    """Another live server with these settings (``console_idle_minutes=0.05``…), on ``port`` or a free
    one, stopped after the test."""
    started: list[LiveServer] = []

    def start(port: int | None = None, **overrides: Any) -> LiveServer:
        live = start_server(database_url, console_settings(**overrides), port)
        started.append(live)
        return live

    yield start
    for live in started:
        live.stop()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        launched = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


async def _local_only(route: Route) -> None:
    """Only the loopback servers: a page asking anything of the internet (a font...) is answered 'no'."""
    host = route.request.url.split("/", 3)[2].split(":")[0] if "://" in route.request.url else ""
    if host in ("127.0.0.1", "localhost"):
        await route.continue_()
    else:
        await route.abort()


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    made = await browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    await made.route("**/*", _local_only)
    yield made
    await made.close()


@pytest.fixture
async def page(context: BrowserContext) -> AsyncIterator[Page]:
    made = await context.new_page()
    made.set_default_timeout(15_000)
    yield made
    await made.close()
