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


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: pytest.Module | pytest.Class, name: str, obj: object) -> None:
    """Mark every ``async def`` test for anyio while it is collected (before anyio's own hook), so that
    the anyio backend and ``@pytest.mark.parametrize`` combine. Marking after collection drops the
    test's own parameters ('SubRequest' object has no attribute 'param')."""
    if inspect.iscoroutinefunction(obj) and collector.istestfunction(obj, name):
        pytest.mark.anyio(obj)


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
    return Settings(environment="test", log_level="WARNING", data_dir=Path(tempfile.gettempdir()))


@pytest.fixture(scope="session")
async def app(database_url: str, settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings, database_url=database_url)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://prevex.test") as c:
        yield c
