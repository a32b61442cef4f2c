"""Database engine and the one-transaction-per-request session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import asyncpg
from fastapi import Depends, Request
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from app.core.config import Settings


def async_url(url: str) -> str:
    """Any postgres URL (``postgres://``, ``postgresql://``, ``postgresql+asyncpg://``) for asyncpg."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


def resolve_database_url(settings: Settings) -> str:
    """The configured server, or the embedded one started on demand."""
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    from app.core.embedded import start_embedded

    return start_embedded(settings.data_dir)


class Database:
    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 10) -> None:
        self.engine: AsyncEngine = create_async_engine(
            async_url(url), pool_size=pool_size, max_overflow=max_overflow, pool_recycle=1800
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    async def dispose(self) -> None:
        await self.engine.dispose()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection's asyncpg driver inside one transaction: committed when the block ends,
        rolled back when it raises. For the hot paths (filing acts), where SQLAlchemy's session layer
        around each statement costs more than the statement itself; the pool is the engine's."""
        async with self.engine.connect() as connection:
            driver: asyncpg.Connection = (await connection.get_raw_connection()).driver_connection
            try:
                async with driver.transaction():
                    yield driver
            finally:
                if driver.is_closed():  # lost mid-way: never hand it back to the pool
                    await connection.invalidate()


_DIALECT = asyncpg_dialect()  # type: ignore[no-untyped-call]


def driver_sql(statement: ClauseElement) -> tuple[str, list[Any]]:
    """A SQLAlchemy Core statement as asyncpg SQL and positional arguments, for the rare Core statement
    of a hot path (e.g. the tenant filter of ``visibility.dossier_filter``)."""
    compiled = statement.compile(dialect=_DIALECT, compile_kwargs={"render_postcompile": True})
    assert isinstance(compiled, SQLCompiler)
    params = compiled.construct_params()
    return str(compiled), [params[name] for name in compiled.positiontup or ()]


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One request, one transaction: committed when the endpoint returns, before the response is sent;
    rolled back when it raises (nothing half-written)."""
    database: Database = request.app.state.database
    async with database.sessionmaker() as session, session.begin():
        yield session


SessionDep = Annotated[AsyncSession, Depends(_request_session, scope="function")]
