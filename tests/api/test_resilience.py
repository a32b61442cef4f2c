"""A database outage is a 503 with Retry-After; logs carry no personal data."""

from __future__ import annotations

import logging

import httpx
import pytest
from fastapi import FastAPI

from app.core.db import Database
from tests.factories import acte, household, make_partner

# The embedded server listens on a Unix socket only: when it is gone, asyncpg raises FileNotFoundError
# (an OSError that is not a ConnectionError); over TCP, a refused connection is a ConnectionRefusedError.
UNREACHABLE = [
    ("tcp refused", "postgresql://postgres@127.0.0.1:9/nowhere"),  # nothing listens on port 9
    ("unix socket gone", "postgresql://postgres@/nowhere?host=/nonexistent-prevex-socket-dir"),
]


@pytest.mark.parametrize(("case", "unreachable"), UNREACHABLE, ids=[c[0] for c in UNREACHABLE])
async def test_database_outage_is_503_with_retry_after(
    app: FastAPI, client: httpx.AsyncClient, case: str, unreachable: str
) -> None:
    p = await make_partner(app, client)
    working = app.state.database
    app.state.database = Database(unreachable)
    app.state.partner_status.clear()
    try:
        response = await client.get("/v1/partenaires/moi", headers=p.headers)
        ready = await client.get("/readyz")
    finally:
        await app.state.database.dispose()
        app.state.database = working
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    assert "Traceback" not in response.text and "nowhere" not in response.text
    assert ready.status_code == 503


async def test_logs_carry_no_personal_data(
    app: FastAPI, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    p = await make_partner(app, client)
    body = acte("commandement_de_payer", household())
    body["occupants"][0]["nom"] = "DUPONTSECRET"  # type: ignore[index]
    with caplog.at_level(logging.DEBUG):
        await client.post("/v1/actes", json=body, headers=p.headers)
        await client.post("/v1/actes", json={**body, "dette": "x"}, headers=p.headers)
    from app.core.logging import JsonFormatter

    formatted = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    assert "DUPONTSECRET" not in formatted and p.token not in formatted
    assert "/v1/actes" in formatted  # the access line is there


@pytest.mark.parametrize(("case", "unreachable"), UNREACHABLE, ids=[c[0] for c in UNREACHABLE])
async def test_filing_during_an_outage_is_503(
    app: FastAPI, client: httpx.AsyncClient, case: str, unreachable: str
) -> None:
    """The filing's own connection (the hot pool) fails, not authentication (its reads are cached)."""
    p = await make_partner(app, client)
    first = await client.post("/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers)
    assert first.status_code == 201
    working = app.state.database
    app.state.database = Database(unreachable)
    try:
        response = await client.post(
            "/v1/actes", json=acte("commandement_de_payer", household()), headers=p.headers
        )
    finally:
        await app.state.database.dispose()
        app.state.database = working
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    assert "nowhere" not in response.text


async def test_a_filing_whose_backend_dies_is_503_and_its_retry_files_it_once(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    """The crash drill's case in miniature: the filing's PostgreSQL backend is killed between its
    statements (as when the server crashes); the answer is 503 with Retry-After, never 500, and the
    retry with the same Idempotency-Key files the act exactly once."""
    from app.services import actes as filing

    p = await make_partner(app, client)
    body = acte("commandement_de_payer", household())
    headers = {**p.headers, "Idempotency-Key": "drill-1"}
    real = filing.file_acte
    killed = False

    async def dying(conn, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal killed
        if not killed:
            killed = True
            async with app.state.database.transaction() as other:
                await other.execute("SELECT pg_terminate_backend($1)", conn.get_server_pid())
        return await real(conn, *args, **kwargs)

    import app.api.actes as api

    api.file_acte = dying  # type: ignore[assignment]
    try:
        lost = await client.post("/v1/actes", json=body, headers=headers)
    finally:
        api.file_acte = real
    assert lost.status_code == 503, lost.text
    assert lost.headers["content-type"] == "application/problem+json"
    assert int(lost.headers["retry-after"]) > 0
    retried = await client.post("/v1/actes", json=body, headers=headers)
    assert retried.status_code == 201, retried.text
    again = await client.post("/v1/actes", json=body, headers=headers)
    assert again.status_code == 201 and again.headers.get("idempotent-replayed") == "true"
    assert again.json()["id"] == retried.json()["id"]
