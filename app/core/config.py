"""Settings: one class, read from the environment with the ``PREVEX_`` prefix."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("prevex", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PREVEX_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: SecretStr | None = Field(
        default=None,
        description="postgresql://… URL. When unset, `prevex serve` starts an embedded PostgreSQL in data_dir.",
    )
    data_dir: Path = Field(default_factory=_default_data_dir)
    db_pool_size: int = 10
    db_max_overflow: int = 10

    jwt_issuer: str = "prevex"
    jwt_audience: str = "prevex-api"
    token_ttl_seconds: int = Field(default=600, ge=60, le=3600)

    log_level: str = "INFO"
    retry_after_seconds: int = 5

    @model_validator(mode="after")
    def _production_needs_a_database(self) -> Settings:
        if self.environment == "production" and self.database_url is None:
            raise ValueError("PREVEX_DATABASE_URL must be set in production (no embedded database)")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
