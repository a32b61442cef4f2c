"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.core.config import get_settings
from app.core.problems import problem_body, problem_response, responses
from app.services.menages import stale_keys_problem

router = APIRouter(tags=["exploitation"])


@router.get(
    "/healthz",
    summary="The process is alive",
    responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}},
)
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The database answers and its schema is at the migrations' head",
    responses={
        200: {"content": {"application/json": {"example": {"status": "ready", "migration": "2647369d1f66"}}}},
        **responses(503),
    },
)
async def readyz(request: Request) -> JSONResponse:
    expected: str = request.app.state.migration_head
    try:
        async with request.app.state.database.engine.connect() as conn:
            current = await conn.scalar(text("SELECT version_num FROM alembic_version"))
    except Exception:
        return problem_response(
            503,
            problem_body(
                503, "service-indisponible", "Not ready", "The database is unreachable.", instance="/readyz"
            ),
            {"Retry-After": str(get_settings().retry_after_seconds)},
        )
    if current != expected:
        return problem_response(
            503,
            problem_body(
                503,
                "migrations-en-retard",
                "Not ready",
                f"Database schema at {current}, code expects {expected}: run `prevex db upgrade`.",
                instance="/readyz",
            ),
            {"Retry-After": str(get_settings().retry_after_seconds)},
        )
    if not await request.app.state.household_keys.refresh(request.app.state.database):
        return problem_response(
            503, stale_keys_problem().body(instance="/readyz"), stale_keys_problem().headers
        )
    return JSONResponse({"status": "ready", "migration": current})
