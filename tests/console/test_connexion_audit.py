"""The audit carries the console's user (``Principal.user_id``): recorded, chained when set (rows
without one keep the hash they had), kept by the append-only trigger, shown by ``GET /v1/audit``."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest
from fastapi import FastAPI

from app.console.auth import CONSOLE_CLIENT_ID
from app.core.scopes import scopes_for_kind, scopes_for_role
from app.core.security import Principal
from app.services.audit import _CHAINED, empreinte, read_audit, record, seal, verify
from tests.console.comptes import local_user


def test_a_row_without_user_hashes_as_before() -> None:
    """The hash of a row with no user is the one computed before the column existed."""
    import hashlib
    import json

    row = {k: None for k in _CHAINED} | {"id": 1, "at": datetime(2026, 1, 1, tzinfo=UTC), "operation": "x"}
    content = {
        k: (v.isoformat() if isinstance(v, datetime) else None if v is None else str(v))
        for k, v in row.items()
    }
    before = hashlib.sha256(
        ("0" * 64 + "\x1f" + json.dumps(content, sort_keys=True, separators=(",", ":"))).encode()
    ).hexdigest()
    assert empreinte("0" * 64, row | {"user_id": None}) == before
    assert empreinte("0" * 64, row | {"user_id": uuid.uuid4()}) != before


def test_roles_give_a_subset_of_the_partners_scopes() -> None:
    for kind in ("ccapex", "commission_locale", "departement", "bailleur_social"):
        every = scopes_for_kind(kind)
        assert scopes_for_role(kind, "secretariat") == every
        assert scopes_for_role(kind, "membre") <= every
        lecture = scopes_for_role(kind, "lecture")
        assert lecture <= every
        assert all(s.endswith(":lire") for s in lecture), lecture
    with pytest.raises(ValueError, match="role"):
        scopes_for_role("ccapex", "administrateur")


async def test_the_audit_records_and_chains_the_console_user(app: FastAPI, database_url: str) -> None:
    user = await local_user(app, role="membre")
    principal = Principal(
        partner_id=user.partner_id,
        kind="ccapex",
        territoires=("93",),
        scopes=scopes_for_role("ccapex", "membre"),
        client_id=CONSOLE_CLIENT_ID,
        user_id=user.user_id,
    )
    dossier = uuid.uuid4()
    async with app.state.database.sessionmaker() as session, session.begin():
        await record(session, principal, [dossier], "lecture_dossier", "req-console")
    conn = await asyncpg.connect(database_url)
    try:
        row = await conn.fetchrow(
            "SELECT id, user_id, client_id FROM audit_lectures WHERE dossier_id = $1", dossier
        )
        assert row["user_id"] == user.user_id and row["client_id"] == CONSOLE_CLIENT_ID
        # Sealed once its place in commit order is final: below every transaction running on the server
        # (other databases' included).
        for _ in range(900):
            async with conn.transaction():
                await seal(conn)
            if await conn.fetchval(
                "SELECT empreinte IS NOT NULL FROM audit_lectures WHERE id = $1", row["id"]
            ):
                break
            await asyncio.sleep(0.1)
        async with conn.transaction():
            verification = await verify(conn)
        assert verification.ok and verification.rows >= 1, verification
        # The append-only trigger keeps the user too.
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="append-only"):
            await conn.execute("UPDATE audit_lectures SET user_id = NULL WHERE id = $1", row["id"])
        # Changed behind the trigger's back, the chain shows it.
        tr = conn.transaction()
        await tr.start()
        await conn.execute("SET LOCAL session_replication_role = replica")
        await conn.execute("UPDATE audit_lectures SET user_id = $2 WHERE id = $1", row["id"], uuid.uuid4())
        broken = await verify(conn)
        await tr.rollback()
        assert not broken.ok and broken.broken_row == row["id"], broken
    finally:
        await conn.close()
    dpo = Principal(
        partner_id=uuid.uuid4(), kind="dpo", territoires=("93",), scopes=frozenset(), client_id="x"
    )
    async with app.state.database.sessionmaker() as session, session.begin():
        page = await read_audit(session, dpo, dossier_id=dossier, limit=10, cursor=None, request_id=None)
    assert [item["user_id"] for item in page["items"]] == [str(user.user_id)]


async def test_expired_sessions_and_unfinished_oidc_sign_ins_are_purged(
    app: FastAPI, database_url: str
) -> None:
    from app.services.utilisateurs import purge_sessions

    user = await local_user(app)
    conn = await asyncpg.connect(database_url)
    try:
        rows = [
            ("active-fraiche", "active", timedelta(0), timedelta(0)),
            ("active-inutilisee", "active", timedelta(hours=2), timedelta(minutes=40)),
            ("active-trop-vieille", "active", timedelta(hours=11), timedelta(0)),
            ("totp-oubliee", "totp", timedelta(minutes=6), timedelta(minutes=6)),
        ]
        for name, etape, age, idle in rows:
            await conn.execute(
                "INSERT INTO console_sessions (id_sha256, utilisateur_id, etape, csrf, created_at, vu_le) "
                "VALUES ($1, $2, $3, 'x', now() - $4::interval, now() - $5::interval)",
                f"{name}-{user.user_id.hex}"[:64],
                user.user_id,
                etape,
                age,
                idle,
            )
        await conn.execute(
            "INSERT INTO console_oidc_etats (state_sha256, nonce, code_verifier, suivant, created_at) "
            "VALUES ($1, 'n', 'v', '/console', now() - interval '11 minutes'), ($2, 'n', 'v', '/console', now())",
            f"vieux-{user.user_id.hex}",
            f"neuf-{user.user_id.hex}",
        )
        async with conn.transaction():
            await purge_sessions(conn, idle_minutes=30, absolute_hours=10)
        left = await conn.fetch(
            "SELECT id_sha256 FROM console_sessions WHERE utilisateur_id = $1", user.user_id
        )
        assert [r["id_sha256"].split("-")[0] for r in left] == ["active"]
        assert left[0]["id_sha256"].startswith("active-fraiche")
        states = await conn.fetch(
            "SELECT state_sha256 FROM console_oidc_etats WHERE state_sha256 LIKE '%' || $1", user.user_id.hex
        )
        assert [r["state_sha256"].split("-")[0] for r in states] == ["neuf"]
    finally:
        await conn.close()
