"""The embedded PostgreSQL used when no ``PREVEX_DATABASE_URL`` is set.

PostgreSQL's own binaries come from the ``pgserver`` wheel (no system install needed). The server
listens on a Unix socket only, keeps its data in ``<data_dir>/pgdata`` across restarts, runs as an
unprivileged ``pgserver`` user when started by root, and is shared by every ``prevex`` process that
uses the same folder: the last one to exit stops it.
"""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path
from typing import Any

import psutil

logger = logging.getLogger(__name__)

DATABASE_NAME = "prevex"
_handles: list[Any] = []


def _forget_dead_handles(pgdata: Path) -> None:
    """pgserver counts live handles in a file; a killed process leaves its pid behind. Drop those."""
    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except (OSError, ValueError):
        pids = []
    alive = [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def start_embedded(data_dir: Path, database: str = DATABASE_NAME) -> str:
    """Start (or join) the embedded server and return a ``postgresql://`` URL to ``database``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset; /tmp is used
        import pgserver

    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir / "pgdata"
    if pgdata.exists():
        _forget_dead_handles(pgdata)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = pgserver.get_server(pgdata, cleanup_mode="stop")  # type: ignore[attr-defined]
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")  # noqa: S608 (constant)
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
        logger.info("embedded database created", extra={"data_dir": str(data_dir)})
    _handles.append(server)
    uri: str = server.get_uri(database)
    return uri


def release_embedded() -> None:
    """Let go of the embedded server now; the last process to let go stops it. (At interpreter exit this
    happens anyway, but uvicorn ends the process by re-raising SIGTERM, which skips ``atexit``.)"""
    while _handles:
        _handles.pop()._cleanup()


def owns_embedded() -> bool:
    """Whether this process started (or joined) the embedded server."""
    return bool(_handles)


def restart_if_dead() -> bool:
    """Start the embedded server again when its postmaster is gone (killed, crashed): the same data
    folder, the same socket, so the same URL. True when it was restarted. Blocking (``pg_ctl start
    -w``): call it in a thread."""
    if not _handles:
        return False
    from pgserver.utils import PostmasterInfo

    server = _handles[-1]
    info = PostmasterInfo.read_from_pgdata(server.pgdata)
    if info is not None and info.is_running():
        return False
    with server._lock:
        server.ensure_postgres_running()
    return True


async def watch_embedded(database: Any, interval: float = 1.0) -> None:
    """While the app runs: every ``interval`` seconds, restart the embedded server if it died, then open
    fresh connections (the pooled ones died with it: without this, each would fail one request). Requests
    in the meantime are 503 with Retry-After; the outage is logged with its length."""
    import asyncio
    import time

    down_since: float | None = None
    while True:
        await asyncio.sleep(interval)
        try:
            started = time.monotonic()
            if await asyncio.to_thread(restart_if_dead):
                await database.engine.dispose(close=False)
                logger.warning(
                    "embedded PostgreSQL was down: restarted",
                    extra={"restart_seconds": round(time.monotonic() - started, 2)},
                )
            down_since = None
        except Exception as exc:  # keep watching: the next round tries again
            down_since = down_since or time.monotonic()
            logger.error(
                "embedded PostgreSQL could not be restarted",
                extra={"error": type(exc).__name__, "down_seconds": round(time.monotonic() - down_since, 1)},
            )
