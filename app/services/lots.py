"""Batches: many acts, each validated, authorised and filed exactly as a single filing, committed in
chunks so that a batch of 10 000 never holds one transaction (and its locks) for long."""

from __future__ import annotations

import json
from typing import Any

import pydantic

from app.core.db import Database
from app.core.problems import ProblemException, validation_problem
from app.core.security import Principal
from app.schemas.actes import ACTE_ADAPTER
from app.schemas.errors import validation_errors
from app.services.actes import file_acte

MAX_ITEMS = 10_000
CHUNK = 100


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
                parsed.append(validation_problem(validation_errors(exc)))

    for start in range(0, len(parsed), CHUNK):
        async with database.transaction() as conn:
            for index in range(start, min(start + CHUNK, len(parsed))):
                item = parsed[index]
                if isinstance(item, ProblemException):
                    results.append(_problem(index, item))
                    continue
                try:
                    # Every write of a filing is its last statement: a problem raised before it
                    # leaves nothing of this item behind, and the chunk goes on.
                    filed = await file_acte(conn, principal, item)
                except ProblemException as exc:
                    results.append(_problem(index, exc))
                    continue
                results.append({"index": index, "statut": filed.status, "recu": filed.body})
    accepted = sum(1 for r in results if r["statut"] in (200, 201))
    return {"resultats": results, "acceptes": accepted, "rejetes": len(results) - accepted}
