"""The hot path's transactions: committed or rolled back as a whole, connections always handed back."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from app.core.db import Database


@pytest.fixture
async def database(database_url: str) -> Database:
    db = Database(database_url, pool_size=2, max_overflow=0)
    async with db.transaction() as conn:
        await conn.execute("CREATE TABLE IF NOT EXISTS hot_pool_probe (id uuid PRIMARY KEY)")
    yield db  # type: ignore[misc]
    async with db.transaction() as conn:
        await conn.execute("DROP TABLE IF EXISTS hot_pool_probe")
    await db.dispose()


async def _exists(db: Database, row: uuid.UUID) -> bool:
    async with db.transaction() as conn:
        return bool(await conn.fetchval("SELECT count(*) FROM hot_pool_probe WHERE id = $1", row))


@pytest.mark.parametrize("deferred", [False, True], ids=["begin", "deferred-begin"])
async def test_an_error_rolls_back_everything_and_returns_the_connection(
    database: Database, deferred: bool
) -> None:
    row = uuid.uuid4()
    begin = "BEGIN; " if deferred else ""
    for _ in range(5):  # more failures than connections: each one was handed back
        with pytest.raises(RuntimeError):
            async with database.transaction(deferred_begin=deferred) as conn:
                await conn.execute(f"{begin}SELECT 1")
                await conn.execute("INSERT INTO hot_pool_probe VALUES ($1)", row)
                raise RuntimeError("after a write")
    with pytest.raises(asyncpg.UndefinedTableError):
        async with database.transaction(deferred_begin=deferred) as conn:
            await conn.execute(f"{begin}SELECT 1")
            await conn.execute("INSERT INTO hot_pool_probe VALUES ($1)", row)
            await conn.execute("SELECT * FROM no_such_table")
    assert not await _exists(database, row)
    async with database.transaction(deferred_begin=deferred) as conn:
        await conn.execute(f"{begin}SELECT 1")
        await conn.execute("INSERT INTO hot_pool_probe VALUES ($1)", row)
        assert conn.is_in_transaction()
    assert await _exists(database, row)


async def test_a_lost_connection_is_not_reused(database: Database) -> None:
    async with database.transaction() as conn:
        pid = conn.get_server_pid()
    with pytest.raises((asyncpg.PostgresError, asyncpg.InterfaceError, ConnectionError)):
        async with database.transaction() as conn:
            assert conn.get_server_pid() == pid  # LIFO: the same connection
            async with database.transaction() as other:
                await other.execute("SELECT pg_terminate_backend($1)", pid)
            await conn.execute("SELECT 1")
    async with database.transaction() as conn:
        assert conn.get_server_pid() != pid
        assert await conn.fetchval("SELECT 1") == 1


@pytest.mark.parametrize("deferred", [False, True], ids=["begin", "deferred-begin"])
async def test_a_cancelled_transaction_frees_its_slot(database: Database, deferred: bool) -> None:
    async def slow() -> None:
        async with database.transaction(deferred_begin=deferred) as conn:
            await conn.execute("BEGIN; SELECT pg_sleep(5)" if deferred else "SELECT pg_sleep(5)")

    tasks = [asyncio.create_task(slow()) for _ in range(2)]
    await asyncio.sleep(0.3)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    async with asyncio.timeout(5):  # both slots are free again
        async with database.transaction() as a, database.transaction() as b:
            assert await a.fetchval("SELECT 1") == await b.fetchval("SELECT 1") == 1


@pytest.mark.parametrize("deferred", [False, True], ids=["begin", "deferred-begin"])
async def test_a_driver_error_on_a_dead_connection_is_a_lost_connection(
    database: Database, deferred: bool
) -> None:
    """After a crash of the server asyncpg may report the broken protocol as an ``InternalClientError``
    (seen at BEGIN and at COMMIT in the crash drill): once the connection is closed, any driver error is
    a lost connection (503 with Retry-After), and the connection is not reused."""
    from app.core.problems import is_database_outage

    with pytest.raises(asyncpg.ConnectionDoesNotExistError) as raised:
        async with database.transaction(deferred_begin=deferred) as conn:
            await conn.execute("BEGIN; SELECT 1" if deferred else "SELECT 1")
            pid = conn.get_server_pid()
            conn.terminate()  # the connection is gone, as after kill -9 of the server
            raise asyncpg.exceptions.InternalClientError(
                "waiter is not done while handling critical protocol error"
            )
    # the driver's error itself (or, with BEGIN, the transaction's exit on the closed connection)
    assert isinstance(
        raised.value.__cause__, (asyncpg.exceptions.InternalClientError, asyncpg.InterfaceError)
    )
    assert is_database_outage(raised.value)
    async with database.transaction() as conn:
        assert conn.get_server_pid() != pid


async def test_a_driver_error_on_a_live_connection_stays_what_it_is(database: Database) -> None:
    with pytest.raises(asyncpg.exceptions.InternalClientError):
        async with database.transaction():
            raise asyncpg.exceptions.InternalClientError("a bug, not an outage")
