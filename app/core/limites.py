"""Rate limits on the token endpoint (docs/protection.md §5), with the ``limits`` library: failed
client authentications are counted per client IP and per ``client_id`` in a moving window; once either
is spent, the endpoint answers 429 ``trop-de-tentatives`` with ``Retry-After`` until the window frees
up — before checking the secret, so a guess costs nothing and learns nothing. Counters live in the
storage ``PREVEX_RATE_LIMIT_STORAGE`` names (``memory://``: per process; ``redis://…`` shares them
between servers)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from app.core.config import get_settings
from app.core.problems import ProblemException


@dataclass(frozen=True)
class TokenLimits:
    limiter: MovingWindowRateLimiter
    per_ip: RateLimitItem
    per_client: RateLimitItem

    def _keys(self, ip: str, client_id: str) -> list[tuple[RateLimitItem, str]]:
        return [(self.per_ip, f"ip:{ip}"), (self.per_client, f"client:{client_id}")]

    def check(self, ip: str, client_id: str) -> None:
        """429 when this IP or this client has spent its failed attempts."""
        for item, key in self._keys(ip, client_id):
            if not self.limiter.test(item, "jeton", key):
                reset, _ = self.limiter.get_window_stats(item, "jeton", key)
                retry = max(1, math.ceil(reset - time.time()))
                raise ProblemException(
                    429,
                    "trop-de-tentatives",
                    "Too many failed attempts",
                    "Too many failed client authentications from this address or for this client; retry "
                    "after the delay in Retry-After.",
                    headers={"Retry-After": str(retry)},
                )

    def failed(self, ip: str, client_id: str) -> None:
        for item, key in self._keys(ip, client_id):
            self.limiter.hit(item, "jeton", key)


@lru_cache(maxsize=1)
def token_limits() -> TokenLimits:
    settings = get_settings()
    storage = storage_from_string(settings.rate_limit_storage)
    return TokenLimits(
        MovingWindowRateLimiter(storage),
        parse(settings.token_rate_limit_ip),
        parse(settings.token_rate_limit_client),
    )
