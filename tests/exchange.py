"""Helpers of the partner-exchange tests: a real webhook receiver on loopback, real `prevex worker`
processes, and waiting for the database to reach a state."""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app.core.config import get_settings

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST. ``down()`` closes its socket (connections are
    refused), ``up()`` listens again on the same port. ``status`` and ``delay`` shape the answers."""

    port: int = field(default_factory=free_port)
    received: list[Received] = field(default_factory=list)
    status: int = 204
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    _server: http.server.ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks"

    def up(self) -> None:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                if receiver.delay:
                    time.sleep(receiver.delay)
                with receiver._lock:
                    receiver.received.append(Received(self.path, dict(self.headers.items()), body))
                    status, extra = receiver.status, dict(receiver.headers)
                self.send_response(status)
                for k, v in extra.items():
                    self.send_header(k, v)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def of(self, webhook_id: str) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.headers.get("webhook-id") == webhook_id]

    def snapshot(self) -> list[Received]:
        with self._lock:
            return list(self.received)


@contextmanager
def receiver(*, start: bool = True) -> Iterator[Receiver]:
    found = Receiver()
    if start:
        found.up()
    try:
        yield found
    finally:
        found.down()


def allow(monkeypatch: pytest.MonkeyPatch, *hosts: str) -> None:
    """Allow-list hosts for this process (the API under test) until the test ends."""
    monkeypatch.setenv("PREVEX_WEBHOOK_ALLOWED_HOSTS", ",".join(hosts))
    get_settings.cache_clear()


@dataclass
class Workers:
    """`prevex worker` processes on the test database, each in its own process group."""

    database_url: str
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, count: int = 1, **settings: str) -> list[subprocess.Popen[bytes]]:
        env = {
            **os.environ,
            "PREVEX_DATABASE_URL": self.database_url,
            "PREVEX_ENVIRONMENT": "test",
            "PREVEX_LOG_LEVEL": "WARNING",
            "PREVEX_WORKER_HEARTBEAT_SECONDS": "1",
            "PREVEX_WORKER_STALLED_SECONDS": "4",
            "PREVEX_WORKER_POLL_SECONDS": "0.2",
            "PREVEX_WEBHOOK_RETRY_BASE_SECONDS": "0.5",
            "PREVEX_WEBHOOK_TIMEOUT_SECONDS": "10",
            "PREVEX_ECHEANCES_CRON": "0 0 1 1 *",  # no deadline watch unless a test asks for one
            **self.env,
            **settings,
        }
        started = [
            subprocess.Popen(
                [sys.executable, "-m", "app.cli", "worker", "--concurrency", "4"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                start_new_session=True,
            )
            for _ in range(count)
        ]
        self.processes += started
        return started

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        """SIGKILL: no cleanup, no last heartbeat, a request cut mid-way."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop(self) -> None:
        for p in self.processes:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.processes:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(5)
        self.processes.clear()


@contextmanager
def workers(database_url: str, **env: str) -> Iterator[Workers]:
    found = Workers(database_url, env)
    try:
        yield found
    finally:
        found.stop()


async def until(check: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    """Wait (bounded) until ``check`` is true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


async def settled(database: Any, seconds: float = 60) -> None:
    """Wait until every event committed so far is below the oldest running transaction, i.e. readable by
    the feed (a transaction anywhere on the server, even in another database, holds the feed back)."""
    async with database.transaction() as conn:
        top = await conn.fetchval("SELECT max(xid)::text FROM evenements")
    if top is None:
        return

    async def passed() -> bool:
        async with database.transaction() as conn:
            return bool(
                await conn.fetchval(
                    "SELECT CAST($1 AS text)::xid8 < pg_snapshot_xmin(pg_current_snapshot())", top
                )
            )

    await until(passed, seconds, "the feed to reach the last event written")
