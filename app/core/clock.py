"""The one clock: "today" for every computation that needs it (the deadline watch, its lead).

``PREVEX_TODAY`` (an ISO date) fixes it, for ``prevex serve`` and ``prevex worker`` alike, so that tests
and demonstrations can move time forward; it is refused in production. Without it, today is the date in
Paris (deadlines are French legal days)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.core.config import get_settings
from app.rules.calendar import local_date


def today() -> date:
    fixed = get_settings().today
    return fixed if fixed is not None else local_date(datetime.now(UTC))


def now() -> datetime:
    """The current instant (never moved: receipts and events carry the real time)."""
    return datetime.now(UTC)
