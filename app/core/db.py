"""Database engine and the one-transaction-per-request session."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
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


async def _json_codecs(connection: asyncpg.Connection) -> None:
    """The json/jsonb codecs SQLAlchemy's asyncpg dialect installs (text in, ``json.loads`` out), so that
    the hot path reads and writes JSON exactly as the engine's connections do."""
    await connection.set_type_codec(
        "json",
        encoder=str.encode,
        decoder=lambda b: json.loads(b.decode()),
        schema="pg_catalog",
        format="binary",
    )
    await connection.set_type_codec(
        "jsonb",
        encoder=lambda s: b"\x01" + s.encode(),
        decoder=lambda b: json.loads(b[1:].decode()),
        schema="pg_catalog",
        format="binary",
    )


class HotPool:
    """A minimal pool of asyncpg connections for the hot paths (filing acts): at most ``size``
    connections, opened on demand, reused last-in first-out, closed by :meth:`close`.

    Checking a connection out of the engine's pool goes through SQLAlchemy's greenlet bridge (~0.4 ms
    of CPU per filing), and asyncpg's own pool shields each release in a new task; here a checkout and
    a return are a few attribute accesses. A connection goes back to the pool only when it is open, idle
    and outside any transaction; any other connection (lost, cancelled mid-statement, ...) is closed."""

    def __init__(self, connect_args: dict[str, Any], size: int, *, recycle_seconds: float = 1800.0) -> None:
        self._connect_args = connect_args
        self._slots = asyncio.Semaphore(size)
        self._idle: list[tuple[asyncpg.Connection, float]] = []  # (connection, opened at)
        self._recycle = recycle_seconds
        self._closed = False

    async def acquire(self) -> tuple[asyncpg.Connection, float]:
        await self._slots.acquire()
        try:
            if self._closed:
                raise RuntimeError("the hot pool is closed")
            now = time.monotonic()
            while self._idle:
                connection, opened = self._idle.pop()
                if not connection.is_closed() and now - opened < self._recycle:
                    return connection, opened
                connection.terminate()
            connection = await asyncpg.connect(**self._connect_args)
            try:
                await _json_codecs(connection)
            except BaseException:
                connection.terminate()
                raise
            return connection, now
        except BaseException:
            self._slots.release()
            raise

    def release(self, connection: asyncpg.Connection, opened: float, *, clean: bool) -> None:
        """Back to the pool if ``clean`` (the transaction ended normally or was rolled back) and the
        connection is idle outside a transaction; else closed."""
        try:
            if (
                clean
                and not self._closed
                and not connection.is_closed()
                and not connection.is_in_transaction()
            ):
                self._idle.append((connection, opened))
            else:
                connection.terminate()
        finally:
            self._slots.release()

    async def close(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        for connection, _ in idle:
            try:
                await connection.close(timeout=5)
            except Exception:
                connection.terminate()


class Database:
    """The SQLAlchemy engine (sessions, most endpoints) and, for the hot paths (filing acts), a
    :class:`HotPool` of asyncpg connections of its own, of at most ``pool_size`` connections (so at most
    ``2 * pool_size + max_overflow`` in all), opened on demand and closed by :meth:`dispose`."""

    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 10) -> None:
        self.engine: AsyncEngine = create_async_engine(
            async_url(url), pool_size=pool_size, max_overflow=max_overflow, pool_recycle=1800
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        connect_args = dict(self.engine.dialect.create_connect_args(self.engine.url)[1])
        # The hot path's statements are all key lookups and inserts, prepared once per connection: their
        # generic plan is the right one, and planning a custom plan on every execution (PostgreSQL's
        # choice for the duplicates statement, whose generic cost estimate is high) cost ~0.3-0.4 ms of
        # server CPU per filing.
        connect_args["server_settings"] = {
            **connect_args.get("server_settings", {}),
            "plan_cache_mode": "force_generic_plan",
        }
        self.hot = HotPool(connect_args, pool_size)

    async def dispose(self) -> None:
        try:
            await self.hot.close()
        finally:
            await self.engine.dispose()

    @asynccontextmanager
    async def transaction(self, *, deferred_begin: bool = False) -> AsyncIterator[asyncpg.Connection]:
        """A hot-pool connection inside one transaction: committed when the block ends, rolled back when
        it raises, and always handed back (or closed when it cannot be reused). For the hot paths (filing
        acts), where SQLAlchemy's session layer around each statement costs more than the statement.

        ``deferred_begin``: no ``BEGIN`` round trip; the block's first statement must open the
        transaction itself (``services.actes`` sends ``BEGIN; <advisory locks>`` as one simple query).
        A block that sent nothing has nothing to commit."""
        connection, opened = await self.hot.acquire()
        clean = False
        try:
            if deferred_begin:
                try:
                    yield connection
                except Exception:
                    if not connection.is_closed():
                        with contextlib.suppress(Exception):  # else closed by release: the server rolls back
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
                    clean = True  # rolled back by the driver (a lost connection is closed, see release)
                    raise
                clean = True
        finally:
            self.hot.release(connection, opened, clean=clean)


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
