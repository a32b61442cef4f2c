"""Secrets at rest: Fernet with rotation, signing keys stored encrypted, production refuses defaults."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from pydantic import SecretStr, ValidationError
from sqlalchemy import select

from app.core import crypto
from app.core.config import DEFAULT_ENCRYPTION_KEY, Settings, get_settings
from app.models.signing_key import SigningKey

_PROD = {"database_url": SecretStr("postgresql://db/prevex"), "household_key_secret": SecretStr("x" * 32)}


def test_a_new_key_first_keeps_old_secrets_readable_and_rotation_moves_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = crypto.new_key(), crypto.new_key()
    monkeypatch.setenv("PREVEX_ENCRYPTION_KEYS", old)
    get_settings.cache_clear()
    token = crypto.encrypt("whsec_secret")
    assert crypto.is_encrypted(token) and "whsec_secret" not in token
    monkeypatch.setenv("PREVEX_ENCRYPTION_KEYS", f"{new},{old}")  # the overlap
    get_settings.cache_clear()
    assert crypto.decrypt(token) == "whsec_secret"
    rotated = crypto.reencrypt(token)
    monkeypatch.setenv("PREVEX_ENCRYPTION_KEYS", new)  # the old key dropped
    get_settings.cache_clear()
    assert crypto.decrypt(rotated) == "whsec_secret"
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt(token)
    monkeypatch.delenv("PREVEX_ENCRYPTION_KEYS")
    get_settings.cache_clear()


async def test_token_signing_keys_are_stored_encrypted(app: FastAPI) -> None:
    async with app.state.database.sessionmaker() as session:
        keys = (await session.scalars(select(SigningKey))).all()
    assert keys and all(
        k.private_pem.startswith("gAAAAA") and "PRIVATE KEY" not in k.private_pem for k in keys
    )


def test_production_refuses_the_default_key_a_fixed_clock_and_a_short_retry_budget() -> None:
    Settings(environment="production", encryption_keys=SecretStr(crypto.new_key()), **_PROD)
    with pytest.raises(ValidationError, match="PREVEX_ENCRYPTION_KEYS"):
        Settings(environment="production", encryption_keys=SecretStr(DEFAULT_ENCRYPTION_KEY), **_PROD)
    with pytest.raises(ValidationError, match="PREVEX_TODAY"):
        Settings(
            environment="production", encryption_keys=SecretStr(crypto.new_key()), today="2026-01-01", **_PROD
        )
    with pytest.raises(ValidationError, match="RETRY_BUDGET"):
        Settings(
            environment="production",
            encryption_keys=SecretStr(crypto.new_key()),
            webhook_retry_budget_hours=1,
            **_PROD,
        )
    assert str(Settings(environment="test", today="2026-02-03").today) == "2026-02-03"


async def test_a_signing_key_left_in_clear_is_encrypted_at_the_next_start(app: FastAPI) -> None:
    from datetime import UTC, datetime, timedelta

    from app.core.security import ensure_signing_key, generate_signing_key, private_pem

    legacy = generate_signing_key()
    pem = private_pem(legacy)
    legacy.private_pem, legacy.retire_after = (
        pem,
        datetime.now(UTC) - timedelta(days=1),
    )  # as older versions kept it
    async with app.state.database.sessionmaker() as session, session.begin():
        session.add(legacy)
    async with app.state.database.sessionmaker() as session, session.begin():
        await ensure_signing_key(session)
    async with app.state.database.sessionmaker() as session:
        stored = await session.get(SigningKey, legacy.kid)
    assert stored is not None and crypto.is_encrypted(stored.private_pem)
    assert private_pem(stored) == pem
