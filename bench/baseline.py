"""The baseline for ``bench/intake.py``: the least a ``POST /v1/actes`` endpoint can do.

A bare Starlette app with an asyncpg pool: it reads the JSON body, checks it minimally (an object
with a non-empty string ``reference`` and ``type``), inserts one row ``(id, reference, payload,
recu_le)`` and answers 201 with ``{id, recu_le}``. No auth, no rules, no dossier, no ORM.

Run by the benchmark as ``python -m uvicorn bench.baseline:app`` with:

- ``BENCH_BASELINE_DATABASE_URL``: a ``postgresql://`` URL (required);
- ``BENCH_BASELINE_TABLE``: the table to insert into (default ``bench_baseline_actes``; created when
  missing);
- ``BENCH_BASELINE_POOL_SIZE``: the pool size (default 10, Prevex's ``PREVEX_DB_POOL_SIZE`` default).
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

_TABLE = os.environ.get("BENCH_BASELINE_TABLE", "bench_baseline_actes")
if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", _TABLE):
    raise SystemExit(f"BENCH_BASELINE_TABLE: {_TABLE!r} is not a plain lower-case identifier")
_POOL_SIZE = int(os.environ.get("BENCH_BASELINE_POOL_SIZE", "10"))
_INSERT = f"INSERT INTO {_TABLE} (id, reference, payload, recu_le) VALUES ($1, $2, $3::jsonb, $4)"  # noqa: S608
_MAX_BYTES = 256 * 1024


def _asyncpg_dsn(url: str) -> str:
    """asyncpg takes ``postgresql://`` (or ``postgres://``), not SQLAlchemy's ``+asyncpg`` spelling."""
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    url = os.environ["BENCH_BASELINE_DATABASE_URL"]
    pool = await asyncpg.create_pool(_asyncpg_dsn(url), min_size=_POOL_SIZE, max_size=_POOL_SIZE)
    async with pool.acquire() as conn:
        await conn.execute(
            f"CREATE TABLE IF NOT EXISTS {_TABLE} "
            "(id uuid PRIMARY KEY, reference text NOT NULL, payload jsonb NOT NULL, recu_le timestamptz NOT NULL)"
        )
    app.state.pool = pool
    try:
        yield
    finally:
        await pool.close()


def _problem(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"status": status, "detail": detail}, status_code=status)


async def deposer(request: Request) -> Response:
    if request.headers.get("content-type", "").split(";", 1)[0].strip() != "application/json":
        return _problem(415, "send application/json")
    raw = await request.body()
    if len(raw) > _MAX_BYTES:
        return _problem(413, "too large")
    try:
        body = json.loads(raw)
    except ValueError:
        return _problem(400, "malformed JSON")
    if not isinstance(body, dict):
        return _problem(422, "the act must be a JSON object")
    reference, acte_type = body.get("reference"), body.get("type")
    if not isinstance(reference, str) or not reference or not isinstance(acte_type, str) or not acte_type:
        return _problem(422, "reference and type must be non-empty strings")
    acte_id, recu_le = uuid.uuid4(), datetime.now(UTC)
    async with request.app.state.pool.acquire() as conn:
        await conn.execute(_INSERT, acte_id, reference, raw.decode(), recu_le)
    return JSONResponse({"id": str(acte_id), "recu_le": recu_le.isoformat()}, status_code=201)


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    async with request.app.state.pool.acquire() as conn:
        await conn.fetchval("SELECT 1")
    return JSONResponse({"status": "ready"})


app = Starlette(
    routes=[
        Route("/v1/actes", deposer, methods=["POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
    ],
    lifespan=lifespan,
)
