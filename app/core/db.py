"""Database engine and the one-transaction-per-request session."""

from __future__ import annotations

import contextlib
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
from sqlalchemy.util import greenlet_spawn

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
    """The one connection pool: SQLAlchemy's engine. Sessions (most endpoints) check connections out of
    it; the hot paths (filing acts, re-evaluation, the event writer) take a raw asyncpg connection from
    the same pool (:meth:`transaction`), where SQLAlchemy's session layer around each statement would
    cost more than the statement. Plans are PostgreSQL's own choice (``plan_cache_mode=auto``): a
    generic plan is only kept when it costs no more than the custom ones, so no plan chosen on an empty
    table is frozen for the life of a connection."""

    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 10) -> None:
        self.engine: AsyncEngine = create_async_engine(
            async_url(url),
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_recycle=1800,
            # Statement parameters carry payloads: never in a log line or an exception's text.
            hide_parameters=True,
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    async def dispose(self) -> None:
        await self.engine.dispose()

    @asynccontextmanager
    async def transaction(self, *, deferred_begin: bool = False) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection's asyncpg connection inside one transaction: committed when the block
        ends, rolled back when it raises, and always handed back to the pool (or dropped from it when it
        cannot be reused: lost, cancelled mid-statement, still in a transaction).

        ``deferred_begin``: no ``BEGIN`` round trip; the block's first statement must open the
        transaction itself (``services.actes`` sends ``BEGIN; <advisory locks>`` as one simple query).
        A block that sent nothing has nothing to commit."""
        fairy = await self.engine.raw_connection()
        connection: asyncpg.Connection = fairy.driver_connection
        clean = False
        try:
            if deferred_begin:
                try:
                    yield connection
                except Exception:
                    if not connection.is_closed():
                        with contextlib.suppress(Exception):  # else dropped below: the server rolls back
                            if connection.is_in_transaction():
                                await connection.execute("ROLLBACK")
                            clean = True
                    raise
                if connection.is_in_transaction():
                    await connection.execute("COMMIT")
                clean = True
            else:
                try:
                    async with connection.transaction():
                        yield connection
                except Exception:
                    clean = True  # rolled back by the driver (a lost connection is dropped below)
                    raise
                clean = True
        except (asyncpg.InterfaceError, asyncpg.exceptions.InternalClientError) as exc:
            # The driver's own errors once the connection is gone (the server crashed or was killed: asyncpg
            # may report the broken protocol as an InternalClientError at BEGIN or COMMIT) are what they
            # mean, a lost connection: 503 with Retry-After (``problems.is_database_outage``), not 500. A
            # filing lost at COMMIT may or may not be stored: its retry with the same Idempotency-Key or
            # reference answers with the stored act, or files it.
            if connection.is_closed():
                raise asyncpg.ConnectionDoesNotExistError(f"connection lost ({type(exc).__name__})") from exc
            raise
        finally:
            reusable = clean and not connection.is_closed() and not connection.is_in_transaction()
            await greenlet_spawn(fairy.close if reusable else fairy.invalidate)


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
