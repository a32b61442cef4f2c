"""``prevex worker``: run the queue's jobs (deliveries, the deadline watch, housekeeping).

Several workers may run at once, on one machine or several, against the same database: the queue hands
each job to one of them (``FOR UPDATE SKIP LOCKED``), runs one job per lock at a time, and defers each
periodic job once per period. ``prevex serve`` needs no worker: events wait in the outbox until one runs.
"""

from __future__ import annotations

import asyncio
import os
import socket

from psycopg_pool import AsyncConnectionPool
from sqlalchemy.engine import make_url

from app.core import sortant
from app.core.config import Settings
from app.core.db import Database
from app.core.logging import configure_logging
from app.jobs import queue
from app.jobs.runtime import Runtime


def psycopg_url(url: str) -> str:
    """Any postgres URL as libpq reads it (no SQLAlchemy driver suffix)."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


async def run(settings: Settings, url: str, *, concurrency: int, name: str | None = None) -> None:
    configure_logging(settings.log_level)
    name = name or f"{socket.gethostname()}:{os.getpid()}"
    database = Database(url, pool_size=concurrency + 1, max_overflow=2)
    client = sortant.client(settings.webhook_timeout_seconds)
    pool = AsyncConnectionPool(psycopg_url(url), min_size=1, max_size=concurrency + 3, open=False)
    await pool.open()
    try:
        async with queue.open_async(pool):
            await queue.run_worker_async(
                concurrency=concurrency,
                name=name,
                additional_context={"prevex": Runtime(database, client, name)},
                fetch_job_polling_interval=settings.worker_poll_seconds,
                update_heartbeat_interval=settings.worker_heartbeat_seconds,
                stalled_worker_timeout=settings.worker_stalled_seconds,
                install_signal_handlers=True,
            )
    finally:
        await pool.close()
        await client.aclose()
        await database.dispose()


def main(settings: Settings, url: str, concurrency: int) -> None:
    asyncio.run(run(settings, url, concurrency=concurrency))
