"""Batches: many acts, each validated, authorised and filed exactly as a single filing (the same stages
of ``services.actes``), set-based: a chunk's statements run for all its items at once (pipelined), and
chunks are committed one by one so that a batch of 10 000 never holds one transaction (and its locks)
for long. The results stream out a chunk at a time (``stream_lot``)."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pydantic
from asyncpg.exceptions import DeadlockDetectedError, PostgresError

from app.core.db import Database
from app.core.logging import request_id_var
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
from app.services.actes import FilingResult, Placed, Prepared, compose, file_acte, place, prepare, state_of

MAX_ITEMS = 10_000
CHUNK = 500
_ATTEMPTS = 3
logger = logging.getLogger(__name__)


_MALFORMED = ProblemException(400, "json-invalide", "Malformed JSON", "The request body is not valid JSON.")
_WHITESPACE = " \t\n\r"
_SKIP = re.compile(r"[ \t\n\r]*")


def _skip(text: str, at: int = 0) -> int:
    """The position of the first non-whitespace character from ``at``."""
    found = _SKIP.match(text, at)
    return found.end() if found else at


def _array_items(raw: bytes) -> Iterator[bytes]:
    """The raw JSON of each element of a JSON array, element by element: the batch is never held as one
    parsed document (5 000 acts parsed at once took tens of MB), each element is checked to be JSON and
    then dropped; its own bytes are what the act's validation reads."""
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        raise _MALFORMED from None
    decoder = json.JSONDecoder()
    at = _skip(text)
    if not text.startswith("[", at):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            raise _MALFORMED from None
        raise validation_problem([{"pointer": "", "detail": "a batch is a JSON array of acts"}])
    at += 1
    first = True
    while True:
        at = _skip(text, at)
        if text.startswith("]", at):
            at += 1
            break
        if not first:
            if not text.startswith(",", at):
                raise _MALFORMED
            at = _skip(text, at + 1)
        try:
            _, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser goes
            raise _MALFORMED from None
        yield text[at:end].encode()
        at, first = end, False
    if text[at:].strip(_WHITESPACE):
        raise _MALFORMED


def split_items(raw: bytes, *, ndjson: bool) -> list[bytes | ProblemException]:
    """The raw JSON of each item (or, for an NDJSON line that is not JSON, its problem)."""
    if ndjson:
        lines = [line for line in raw.splitlines() if line.strip()]
        items: list[bytes | ProblemException] = list(lines)
    else:
        items = list(_array_items(raw))
    if len(items) > MAX_ITEMS:
        raise validation_problem(
            [{"pointer": "", "detail": f"at most {MAX_ITEMS} acts per batch, got {len(items)}"}]
        )
    if not items:
        raise validation_problem([{"pointer": "", "detail": "the batch is empty"}])
    return items


def _result(index: int, filed: FilingResult) -> bytes:
    """One item's result as a JSON object (the receipt's bytes go in as they are: never parsed again)."""
    return b'{"index":%d,"statut":%d,"recu":%s}' % (index, filed.status, filed.body)


def _problem(index: int, exc: ProblemException) -> bytes:
    body = {"index": index, "statut": exc.status, "probleme": exc.body(instance=f"/v1/actes/lot#{index}")}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


async def _file_item(conn: asyncpg.Connection, principal: Principal, index: int, item: Any) -> bytes:
    if isinstance(item, ProblemException):
        return _problem(index, item)
    try:
        # Every write of a filing is its last statement: a problem raised before it leaves nothing of
        # this item behind.
        filed = await file_acte(conn, principal, item)
    except ProblemException as exc:
        return _problem(index, exc)
    return _result(index, filed)


async def _file_alone(database: Database, principal: Principal, index: int, item: Any) -> bytes:
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


def _wave(
    pending: list[tuple[int, Prepared]],
) -> tuple[list[tuple[int, Prepared]], list[tuple[int, Prepared]]]:
    """The items of ``pending`` (in order) that can be filed side by side, and the rest: an item that
    shares a reference or a household key with an earlier pending item waits for the next wave, so that
    it finds the dossier and the act that the earlier one made. An act naming its dossier is a wave of
    its own, in its place."""
    wave: list[tuple[int, Prepared]] = []
    rest: list[tuple[int, Prepared]] = []
    taken: set[tuple[str, str]] = set()
    for n, (index, prep) in enumerate(pending):
        if prep.payload.get("dossier_id") is not None or not prep.keys:
            if not wave and not rest:
                return [(index, prep)], pending[n + 1 :]
            return wave, sorted(rest + pending[n:], key=lambda entry: entry[0])
        marks = {("ref", prep.reference), *(("menage", k) for k in prep.keys)}
        (rest if marks & taken else wave).append((index, prep))
        taken |= marks
    return wave, rest


async def _file_chunk(
    conn: asyncpg.Connection, principal: Principal, chunk: list[tuple[int, Any]]
) -> list[bytes]:
    """A chunk's items in one transaction, set-based: every lock at once; then, wave by wave (see
    :func:`_wave`), each statement of a filing run for all the wave's items in one round trip (asyncpg's
    pipelined ``fetchmany``/``executemany``), the engine evaluating each dossier in Python in between.
    The same stages, statements and semantics as a single filing (``services.actes``)."""
    results: dict[int, bytes] = {}
    pending: list[tuple[int, Prepared]] = []
    for index, item in chunk:
        if isinstance(item, ProblemException):
            results[index] = _problem(index, item)
            continue
        try:
            pending.append((index, prepare(principal, item)))
        except ProblemException as exc:
            results[index] = _problem(index, exc)
    if pending:
        shared = sorted({sql.territory_lock(p.territoire) for _, p in pending})
        locks = sorted({lock for _, p in pending for lock in p.locks})
        await conn.execute(sql.BATCH_LOCKS, shared, locks)
    while pending:
        wave, pending = _wave(pending)
        found = await conn.fetchmany(sql.DUPLICATES, [p.duplicates_args(principal, None) for _, p in wave])
        placed: list[tuple[int, Prepared, Placed]] = []
        dossiers: set[uuid.UUID] = set()
        for (index, prep), row in zip(wave, found, strict=True):
            try:
                where = await place(conn, principal, prep, row, None)
            except ProblemException as exc:
                results[index] = _problem(index, exc)
                continue
            if isinstance(where, FilingResult):
                results[index] = _result(index, where)
            elif where.dossier_id in dossiers:  # two acts of the wave for one known dossier: the later waits
                pending.append((index, prep))
            else:
                dossiers.add(where.dossier_id)
                placed.append((index, prep, where))
        pending.sort(key=lambda entry: entry[0])
        if not placed:
            continue
        ids = [where.dossier_id for _, _, where in placed]
        await conn.execute(sql.lock_dossiers(sorted(str(i) for i in ids)))
        states = await conn.fetchmany(sql.STATE_AND_SIDE, [(i, principal.partner_id) for i in ids])
        filings = [
            (index, compose(principal, prep, where, state_of(state), state, datetime.now(UTC)))
            for (index, prep, where), state in zip(placed, states, strict=True)
        ]
        if updates := [u for _, f in filings for u in f.status_updates]:
            await conn.executemany(sql.SET_STATUT, updates)
        audit = (principal.client_id or None, request_id_var.get(), principal.user_id)
        await conn.executemany(sql.FILING, [(*f.args, *audit) for _, f in filings])
        for index, f in filings:
            results[index] = _result(index, f.result)
    return [results[index] for index, _ in chunk]


def parse_items(items: list[bytes | ProblemException]) -> list[Any]:
    """Each item validated as an act (or its problem)."""
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
    return parsed


async def stream_lot(
    database: Database, principal: Principal, items: list[bytes | ProblemException]
) -> AsyncIterator[list[bytes]]:
    """The batch's results, one JSON object per item, in order, a chunk at a time, each chunk yielded
    once committed. Items are validated a chunk at a time too: a batch never holds all its acts parsed."""
    for start in range(0, len(items), CHUNK):
        chunk = list(enumerate(parse_items(items[start : start + CHUNK]), start))
        try:
            async with database.transaction() as conn:
                await conn.execute(sql.INDEX_PLANS)
                done = await _file_chunk(conn, principal, chunk)
        except PostgresError as exc:
            if is_database_outage(exc):
                raise
            # A database error in one item (a deadlock with another batch) rolled the whole chunk back:
            # its items are filed again, one transaction each, so that the good ones are kept and the bad
            # one is reported.
            logger.warning("batch chunk refiled item by item", extra={"error": type(exc).__name__})
            done = [await _file_alone(database, principal, index, item) for index, item in chunk]
        yield done


_STATUT = re.compile(rb'^\{"index":\d+,"statut":(\d{3}),')


def statut(result: bytes) -> int:
    """An item's status, read from its result's first bytes (``_result`` and ``_problem`` both begin
    ``{"index":…,"statut":…,``): a receipt need not be parsed to be counted."""
    found = _STATUT.match(result)
    if found is None:
        raise ValueError("not a batch item's result")
    return int(found.group(1))


def accepted(result: bytes) -> bool:
    return statut(result) in (200, 201)


async def file_lot_json(
    database: Database, principal: Principal, items: list[bytes | ProblemException]
) -> list[bytes]:
    """The whole batch's answer as one JSON document (``application/json``; ``ReponseLot``), in parts
    to send one after the other: the items' results as they are (receipts are never parsed again, nor
    copied into one buffer)."""
    results: list[bytes] = []
    async for done in stream_lot(database, principal, items):
        results += done
    ok = sum(1 for r in results if accepted(r))
    parts = [b'{"resultats":[']
    for n, result in enumerate(results):
        parts += [b",", result] if n else [result]
    parts.append(b'],"acceptes":%d,"rejetes":%d}' % (ok, len(results) - ok))
    return parts


async def file_lot(
    database: Database, principal: Principal, items: list[bytes | ProblemException]
) -> dict[str, Any]:
    """The batch's answer as a Python document (the CLI, the demo data, benchmarks)."""
    parsed: dict[str, Any] = json.loads(b"".join(await file_lot_json(database, principal, items)))
    return parsed


async def ndjson_lines(
    first: list[bytes], rest: AsyncIterator[list[bytes]], retry_after: int
) -> AsyncIterator[bytes]:
    """A streamed batch answer (``application/x-ndjson``): one line per item as its chunk commits, then
    a last line ``{"fin": true, "acceptes": n, "rejetes": m}``. If the database goes away mid-batch, the
    last line is ``{"fin": false, ...}`` with the 503 problem and the index of the first item not filed
    (``reprendre_a``): every line before it stands, and a retry of the whole batch replays them."""
    ok = total = 0
    chunk = first
    while True:
        ok += sum(1 for r in chunk if accepted(r))
        total += len(chunk)
        yield b"".join(r + b"\n" for r in chunk)
        try:
            chunk = await anext(rest)
        except StopAsyncIteration:
            break
        except Exception as exc:
            if not is_database_outage(exc):
                raise
            logger.warning("batch interrupted", extra={"error": type(exc).__name__})
            problem = service_unavailable(
                f"The database became unreachable; retry in {retry_after} s from item {total}."
            ).body(instance="/v1/actes/lot")
            end = {
                "fin": False,
                "acceptes": ok,
                "rejetes": total - ok,
                "reprendre_a": total,
                "probleme": problem,
            }
            yield json.dumps(end, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            return
    yield json.dumps({"fin": True, "acceptes": ok, "rejetes": total - ok}).encode() + b"\n"
