"""Batches: many acts, each validated, authorised and filed exactly as a single filing, committed in
chunks so that a batch of 10 000 never holds one transaction (and its locks) for long."""

from __future__ import annotations

import json
import logging
from typing import Any

import asyncpg
import pydantic
from asyncpg.exceptions import DeadlockDetectedError, PostgresError

from app.core.db import Database
from app.core.problems import (
    ProblemException,
    internal_error,
    is_database_outage,
    service_unavailable,
    validation_problem,
)
from app.core.security import Principal
from app.repositories import actes as sql
from app.schemas.actes import ACTE_ADAPTER
from app.schemas.errors import validation_errors
from app.services.actes import file_acte

MAX_ITEMS = 10_000
CHUNK = 100
_ATTEMPTS = 3
logger = logging.getLogger(__name__)


def split_items(raw: bytes, *, ndjson: bool) -> list[bytes | ProblemException]:
    """The raw JSON of each item (or, for an NDJSON line that is not JSON, its problem)."""
    if ndjson:
        lines = [line for line in raw.splitlines() if line.strip()]
        items: list[bytes | ProblemException] = list(lines)
    else:
        try:
            document = json.loads(raw)
        except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
            raise ProblemException(
                400, "json-invalide", "Malformed JSON", "The request body is not valid JSON."
            ) from None
        if not isinstance(document, list):
            raise validation_problem([{"pointer": "", "detail": "a batch is a JSON array of acts"}])
        items = [json.dumps(item).encode() for item in document]
    if len(items) > MAX_ITEMS:
        raise validation_problem(
            [{"pointer": "", "detail": f"at most {MAX_ITEMS} acts per batch, got {len(items)}"}]
        )
    if not items:
        raise validation_problem([{"pointer": "", "detail": "the batch is empty"}])
    return items


async def _file_item(conn: asyncpg.Connection, principal: Principal, index: int, item: Any) -> dict[str, Any]:
    if isinstance(item, ProblemException):
        return _problem(index, item)
    try:
        # Every write of a filing is its last statement: a problem raised before it leaves nothing of
        # this item behind, and the chunk goes on.
        filed = await file_acte(conn, principal, item)
    except ProblemException as exc:
        return _problem(index, exc)
    return {"index": index, "statut": filed.status, "recu": filed.json()}


async def _file_alone(database: Database, principal: Principal, index: int, item: Any) -> dict[str, Any]:
    """One item in a transaction of its own; a deadlock is retried, another database error reported."""
    for _attempt in range(_ATTEMPTS):
        try:
            async with database.transaction() as conn:
                await conn.execute(sql.INDEX_PLANS)
                return await _file_item(conn, principal, index, item)
        except DeadlockDetectedError:
            continue
        except PostgresError as exc:
            if is_database_outage(exc):
                raise
            logger.error("batch item failed", extra={"error": type(exc).__name__})
            return _problem(index, internal_error("This item could not be stored."))
    # A batch item's result has no headers of its own: the detail says what Retry-After would.
    return _problem(
        index, service_unavailable("This item kept conflicting with concurrent filings; file it again.")
    )


def _problem(index: int, exc: ProblemException) -> dict[str, Any]:
    return {"index": index, "statut": exc.status, "probleme": exc.body(instance=f"/v1/actes/lot#{index}")}


async def file_lot(
    database: Database, principal: Principal, items: list[bytes | ProblemException]
) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    parsed: list[Any] = []
    for raw in items:
        if isinstance(raw, ProblemException):
            parsed.append(raw)
            continue
        try:
            parsed.append(ACTE_ADAPTER.validate_json(raw, strict=True))
        except pydantic.ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors(include_url=False, include_input=False)):
                parsed.append(
                    ProblemException(400, "json-invalide", "Malformed JSON", "This item is not valid JSON.")
                )
            else:
                parsed.append(validation_problem(validation_errors(exc, ACTE_ADAPTER)))

    for start in range(0, len(parsed), CHUNK):
        chunk = range(start, min(start + CHUNK, len(parsed)))
        try:
            async with database.transaction() as conn:
                await conn.execute(sql.INDEX_PLANS)
                results += [await _file_item(conn, principal, index, parsed[index]) for index in chunk]
        except PostgresError as exc:
            if is_database_outage(exc):
                raise
            # A database error in one item (a deadlock with another batch: each item takes its locks
            # while holding the earlier items') rolled the whole chunk back: its items are filed again,
            # one transaction each, so that the good ones are kept and the bad one is reported.
            logger.warning("batch chunk refiled item by item", extra={"error": type(exc).__name__})
            results += [await _file_alone(database, principal, index, parsed[index]) for index in chunk]
    accepted = sum(1 for r in results if r["statut"] in (200, 201))
    return {"resultats": results, "acceptes": accepted, "rejetes": len(results) - accepted}
