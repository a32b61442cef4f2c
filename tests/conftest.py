"""Tests run against a real PostgreSQL: the one named by PREVEX_TEST_DATABASE_URL, else an embedded
server the suite starts itself in a temporary folder (and deletes at the end)."""

from __future__ import annotations

import inspect
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from tests import journal


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: pytest.Module | pytest.Class, name: str, obj: object) -> None:
    """Mark every ``async def`` test for anyio while it is collected (before anyio's own hook), so that
    the anyio backend and ``@pytest.mark.parametrize`` combine. Marking after collection drops the
    test's own parameters ('SubRequest' object has no attribute 'param')."""
    if inspect.iscoroutinefunction(obj) and collector.istestfunction(obj, name):
        pytest.mark.anyio(obj)


def pytest_sessionstart(session: pytest.Session) -> None:
    journal.install()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No personal data of the run's households in any log line of the run (issue 10, item 5)."""
    leaks = journal.JOURNAL.leaks()
    if leaks:
        print(f"\n{len(leaks)} log line(s) carry a test household's personal data, e.g.:")
        for value, line in leaks[:5]:
            print(f"  {value!r} in {line}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _journal() -> None:
    """Before each test, the journal attached again: a test may have reconfigured logging (alembic's
    ``fileConfig`` replaces the root's handlers, ``create_app`` too)."""
    journal.install()


@pytest.fixture(scope="session", params=["asyncio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    configured = os.environ.get("PREVEX_TEST_DATABASE_URL")
    if configured:
        upgrade(configured)
        yield configured
        return
    import pgserver

    folder = Path(tempfile.mkdtemp(prefix="prevex-test-"))
    server = pgserver.get_server(folder / "pgdata", cleanup_mode="delete")
    server.psql('CREATE DATABASE "prevex_test";')
    url: str = server.get_uri("prevex_test")
    upgrade(url)
    yield url
    server.cleanup()


@pytest.fixture(scope="session")
def settings() -> Settings:
    # Tokens for an hour (the most allowed): a test that walks a dossier through workers and a moved clock
    # took more than the default 10 minutes on a loaded machine, and its partners' tokens expired midway.
    return Settings(
        environment="test", log_level="WARNING", data_dir=Path(tempfile.gettempdir()), token_ttl_seconds=3600
    )


@pytest.fixture(scope="session")
async def app(database_url: str, settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings, database_url=database_url)
    journal.install()
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://prevex.test") as c:
        yield c


@pytest.fixture
async def fresh_app(database_url: str, settings: Settings) -> AsyncIterator[FastAPI]:
    """The app on a database of its own (same server), migrated, dropped at the end: for tests that
    change the whole database (the event log's retention)."""
    import uuid

    import asyncpg
    from sqlalchemy.engine import make_url

    name = f"prevex_fresh_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        application = create_app(settings, database_url=url)
        journal.install()
        async with application.router.lifespan_context(application):
            yield application
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
