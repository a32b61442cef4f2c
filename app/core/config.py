"""Settings: one class, read from the environment with the ``PREVEX_`` prefix."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_HOUSEHOLD_KEY_SECRET = "prevex-dev-household-key-not-secret"  # noqa: S105 (refused in production)
# A Fernet key everybody knows (it is in this file): development and tests only, refused in production.
DEFAULT_ENCRYPTION_KEY = "cHJldmV4LWRldi1lbmNyeXB0aW9uLWtleS1ub3Qtc2U="


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("prevex", appauthor=False))


ENV_PREFIX = "PREVEX_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: SecretStr | None = Field(
        default=None,
        description="postgresql://… URL. When unset, `prevex serve` starts an embedded PostgreSQL in data_dir.",
    )
    data_dir: Path = Field(default_factory=_default_data_dir)
    db_pool_size: int = 10
    # No overflow: SQLAlchemy closes an overflow connection as soon as it is returned, so under a steady
    # load above the pool size every request past it would open (and close) a connection of its own.
    db_max_overflow: int = 0

    stats_seuil: int = Field(
        default=5,
        ge=1,
        description="Statistics: a count below it (but not 0) is masked for every reader but the territory's "
        "CCAPEX, with complementary cells so that no total gives it back (docs/statistiques.md §3).",
    )

    jwt_issuer: str = "prevex"
    jwt_audience: str = "prevex-api"
    token_ttl_seconds: int = Field(default=600, ge=60, le=3600)

    household_key_secret: SecretStr = Field(
        default=SecretStr(DEFAULT_HOUSEHOLD_KEY_SECRET),
        description="HMAC key of the household keys (address + name): without it, nobody can tell from "
        "the database whether a guessed household is known. Refused at its default in production; changing "
        "it needs `prevex menages recalculer-cles`.",
    )

    encryption_keys: SecretStr = Field(
        default=SecretStr(DEFAULT_ENCRYPTION_KEY),
        description="Fernet keys (comma-separated, urlsafe base64 of 32 bytes) that encrypt secrets at rest: "
        "token signing keys, webhook secrets. The first encrypts, every one decrypts, so a new key is put "
        "first and the old one kept until `prevex keys rechiffrer` has re-encrypted everything. Refused at "
        "its default in production.",
    )
    today: date | None = Field(
        default=None,
        description="Fixes 'today' for every computation that needs it (the deadline watch), for `serve` "
        "and `worker` alike: tests and demonstrations move the clock with it. Refused in production.",
    )

    event_retention_days: int = Field(default=30, ge=1, description="how long events (and cursors) last")
    token_rate_limit_ip: str = Field(
        default="60/minute",
        description="failed client authentications allowed per client IP on the token endpoint (limits syntax)",
    )
    token_rate_limit_client: str = Field(
        default="10/minute",
        description="failed client authentications allowed per client_id on the token endpoint (limits syntax)",
    )
    rate_limit_storage: str = Field(
        default="memory://",
        description="where rate-limit counters live (limits storage URI; memory: per process)",
    )
    cors_origins: str = Field(
        default="",
        description="comma-separated origins allowed by CORS; empty: CORS closed (no CORS headers)",
    )
    audit_retention_days: int = Field(
        default=365,
        ge=1,
        description="how long audit rows last before the purge job deletes them (CNIL: 6 to 12 months for "
        "access logs)",
    )
    anonymisation_delai_jours: int = Field(
        default=730,
        ge=1,
        description="how long after its closing act a closed dossier is anonymised by the retention job "
        "(docs/protection.md §4: two years, the span in which a closed case can come back)",
    )
    anonymisation_cron: str = Field(
        default="53 2 * * *",
        description="when the retention job anonymises the dossiers closed for the delay (cron; daily)",
    )
    idempotency_retention_hours: int = Field(
        default=168,
        ge=24,
        description="how long an Idempotency-Key is remembered (its replay answers the stored receipt); "
        "then the retention job deletes it and the same key files anew",
    )
    webhook_allowed_hosts: str = Field(
        default="",
        description="Comma-separated `host` or `host:port` that webhooks may reach even when they resolve "
        "to a private, loopback or link-local address, and over plain HTTP (tests, a partner's internal "
        "network). Empty by default: every URL must be HTTPS to a public address.",
    )
    webhook_timeout_seconds: float = Field(default=15.0, gt=0, le=60)
    webhook_retry_base_seconds: float = Field(
        default=5.0, gt=0, le=8, description="the first retry's delay (within 10 s, jitter included)"
    )
    webhook_retry_budget_hours: float = Field(
        default=24.0, gt=0, description="how long a failing delivery is retried before it is abandoned"
    )
    webhook_secret_overlap_hours: float = Field(
        default=24.0, ge=0, description="how long a rotated webhook secret still signs beside the new one"
    )
    echeance_proche_jours_ouvres: int = Field(
        default=5, ge=0, le=60, description="lead of `echeance.proche`, in working days"
    )
    echeances_cron: str = Field(
        default="* * * * *",
        description="when the deadline watch runs (cron; a 6th field gives seconds)",
    )
    suivi_cron: str = Field(
        default="0 * * * *",
        description="when the CCAPEX follow-up runs: 6-month reminders, 12-month reviews (cron)",
    )
    statistiques_cron: str = Field(
        default="37 * * * *",
        description="when the indicators' aggregates of the territories where something happened are rebuilt (cron)",
    )
    worker_concurrency: int = Field(default=4, ge=1, le=64)
    worker_heartbeat_seconds: float = Field(default=10.0, gt=0)
    worker_poll_seconds: float = Field(
        default=0.5,
        gt=0,
        description="how often an idle worker looks for jobs besides being woken by new ones (a delivery "
        "waiting behind the previous one of its dossier starts within this delay once that one ends)",
    )
    worker_stalled_seconds: float = Field(
        default=30.0, gt=0, description="a worker silent that long is dead: its jobs are run again"
    )

    console_idle_minutes: float = Field(
        default=30.0,
        gt=0,
        description="Console: a session unused this long ends (idle timeout, in minutes; docs/console-comptes.md)",
    )
    console_absolute_hours: float = Field(
        default=10.0,
        gt=0,
        description="Console: a session ends this long after its sign-in, used or not (absolute timeout, hours)",
    )
    console_cookie_secure: bool = Field(
        default=True,
        description="Console: the session cookie is `__Host-prevex-session`, Secure (HTTPS only). False "
        "(loopback tests, plain-http development): `prevex-session`, without Secure. Refused in production.",
    )
    console_rate_limit_ip: str = Field(
        default="30/minute",
        description="Console: failed sign-ins (password or TOTP code) allowed per client IP (limits syntax)",
    )
    console_rate_limit_compte: str = Field(
        default="5/minute",
        description="Console: failed sign-ins allowed per account email (limits syntax)",
    )
    oidc_issuer: str = Field(
        default="",
        description="Console: the OpenID Connect provider (e.g. ProConnect) whose discovery document is at "
        "`<issuer>/.well-known/openid-configuration`; empty: local accounts only",
    )
    oidc_client_id: str = Field(default="", description="Console: Prevex's client id at the OIDC provider")
    oidc_client_secret: SecretStr = Field(
        default=SecretStr(""), description="Console: Prevex's client secret at the OIDC provider"
    )
    oidc_redirect_uri: str = Field(
        default="",
        description="Console: the callback registered at the provider; empty: `<this server>/console/oidc/retour` "
        "as the request reached it",
    )
    oidc_post_logout_redirect_uri: str = Field(
        default="",
        description="Console: where the provider sends the browser back after the sign-out at the provider "
        "(registered there); empty: `<this server>/console/connexion` as the request reached it",
    )
    oidc_scopes: str = Field(
        default="openid email", description="Console: the scopes asked of the OIDC provider"
    )

    log_level: str = "INFO"
    retry_after_seconds: int = 5

    def allowed_hosts(self) -> frozenset[str]:
        """``PREVEX_WEBHOOK_ALLOWED_HOSTS`` as a set of lower-case ``host`` and ``host:port``."""
        return frozenset(h.strip().lower() for h in self.webhook_allowed_hosts.split(",") if h.strip())

    @model_validator(mode="after")
    def _production_needs_a_database(self) -> Settings:
        if self.environment == "production" and self.database_url is None:
            raise ValueError(
                "PREVEX_DATABASE_URL must be set when PREVEX_ENVIRONMENT=production (no embedded "
                "database there), e.g. postgresql://user:password@host:5432/prevex"
            )
        if (
            self.environment == "production"
            and self.household_key_secret.get_secret_value() == DEFAULT_HOUSEHOLD_KEY_SECRET
        ):
            raise ValueError("PREVEX_HOUSEHOLD_KEY_SECRET must be set in production (not its default)")
        if self.environment == "production":
            if DEFAULT_ENCRYPTION_KEY in self.encryption_keys.get_secret_value().split(","):
                raise ValueError("PREVEX_ENCRYPTION_KEYS must be set in production (not the default key)")
            if self.today is not None:
                raise ValueError("PREVEX_TODAY is refused in production (the clock is the real one)")
            if not self.console_cookie_secure:
                raise ValueError("PREVEX_CONSOLE_COOKIE_SECURE=false is refused in production (HTTPS only)")
            if self.webhook_retry_budget_hours < 24:
                raise ValueError("PREVEX_WEBHOOK_RETRY_BUDGET_HOURS must be at least 24 in production")
        if len(self.household_key_secret.get_secret_value()) < 16:
            raise ValueError("PREVEX_HOUSEHOLD_KEY_SECRET must be at least 16 characters")
        return self


def configuration_errors(exc: ValidationError) -> list[str]:
    """``exc``, raised by :class:`Settings`, as one line per error naming the variable:
    ``PREVEX_TOKEN_TTL_SECONDS: Input should be less than or equal to 3600``."""
    lines = []
    for error in exc.errors(include_url=False, include_input=False):
        message = str(error["msg"]).removeprefix("Value error, ")
        names = [ENV_PREFIX + str(part).upper() for part in error["loc"][:1]]
        lines.append(f"{names[0]}: {message}" if names else message)
    return lines


@lru_cache
def get_settings() -> Settings:
    return Settings()
