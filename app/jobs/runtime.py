"""What every job reads from its worker: the asyncpg pool, the outbound HTTP client, its name."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from procrastinate import JobContext

from app.core.db import Database


@dataclass(frozen=True)
class Runtime:
    database: Database
    client: httpx.AsyncClient
    name: str


def runtime(context: JobContext) -> Runtime:
    found = context.additional_context["prevex"]
    assert isinstance(found, Runtime)
    return found
