"""Calendar arithmetic for the rules engine: months, French working days and the trêve hivernale.

Everything here is pure: no clock, no I/O. Public holidays come from ``holidays.France`` (metropolitan
France, no Alsace-Moselle extras), computed lazily one year at a time and cached.

Conventions (see ``docs/rules.md``):

* ``add_months(d, n)`` lands on the same day number ``n`` months later (or earlier when ``n < 0``); when
  that day does not exist it lands on the last day of the month (31 January + 1 month = 28/29 February).
  This is the "même quantième" rule of art. 641 CPC.
* A working day (*jour ouvré*) is Monday to Friday and not a French public holiday.
* The trêve hivernale runs from 1 November to 31 March inclusive (CPCE L412-6, since loi ALUR); an
  exceptional end date can be given per year for the years the law extended it (2020, 2021).
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

__all__ = [
    "TREVE_DEBUT",
    "TREVE_FIN",
    "add_months",
    "add_working_days",
    "end_of_treve",
    "in_treve",
    "is_public_holiday",
    "is_working_day",
    "local_date",
    "paris_date_without_tzdata",
    "public_holidays",
    "treve_last_day",
]

TREVE_DEBUT: tuple[int, int] = (11, 1)
"""(month, day) of the first day of the trêve hivernale."""
TREVE_FIN: tuple[int, int] = (3, 31)
"""(month, day) of the last day of the trêve hivernale in an ordinary year."""

_PARIS_NAME = "Europe/Paris"


def add_months(d: date, n: int) -> date:
    """``d`` plus ``n`` calendar months (``n`` may be negative), clamped to the end of the month."""
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last_day = _calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


@lru_cache(maxsize=256)
def public_holidays(year: int) -> frozenset[date]:
    """French (metropolitan) public holidays of ``year``, from the ``holidays`` library."""
    return frozenset(holidays.country_holidays("FR", years=year).keys())


def is_public_holiday(d: date) -> bool:
    return d in public_holidays(d.year)


def is_working_day(d: date) -> bool:
    """Monday to Friday, and not a French public holiday (*jour ouvré*)."""
    return d.weekday() < 5 and not is_public_holiday(d)


def add_working_days(d: date, n: int) -> date:
    """The ``n``-th working day after ``d`` (before ``d`` when ``n < 0``); ``d`` itself when ``n == 0``.

    ``d`` is never counted: ``add_working_days(hearing, -5)`` is the fifth working day before the hearing.
    """
    if n == 0:
        return d
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    current = d
    while remaining:
        current += step
        if is_working_day(current):
            remaining -= 1
    return current


def treve_last_day(d: date, fins_exceptionnelles: Mapping[int, date] | None = None) -> date | None:
    """Last day of the trêve that contains ``d``, or ``None`` when ``d`` is outside any trêve.

    ``fins_exceptionnelles`` maps the year in which a trêve ends to its exceptional last day
    (e.g. ``{2021: date(2021, 5, 31)}``); other years end on 31 March.
    """
    exceptions = fins_exceptionnelles or {}
    if (d.month, d.day) >= TREVE_DEBUT:
        end_year = d.year + 1
    else:
        end_year = d.year
    last = exceptions.get(end_year, date(end_year, *TREVE_FIN))
    start = date(end_year - 1, *TREVE_DEBUT)
    if start <= d <= last:
        return last
    return None


def in_treve(d: date, *, fins_exceptionnelles: Mapping[int, date] | None = None) -> bool:
    """Whether ``d`` falls in the trêve hivernale (1 November - 31 March, both included)."""
    return treve_last_day(d, fins_exceptionnelles) is not None


def end_of_treve(d: date, *, fins_exceptionnelles: Mapping[int, date] | None = None) -> date:
    """First day after the trêve containing ``d`` (1 April in an ordinary year); ``d`` if outside a trêve."""
    last = treve_last_day(d, fins_exceptionnelles)
    if last is None:
        return d
    return last + timedelta(days=1)


@lru_cache(maxsize=1)
def _paris() -> ZoneInfo | None:
    try:
        return ZoneInfo(_PARIS_NAME)
    except ZoneInfoNotFoundError:  # pragma: no cover - only without a tz database
        return None


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, _calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - 6) % 7)


def paris_date_without_tzdata(moment: datetime) -> date:
    """Europe/Paris day of an aware ``moment`` by the EU rule in force since 1996 (UTC+1, and UTC+2 from
    the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC). Used when the system
    has no time-zone database, so that a missing ``tzdata`` never silently shifts a day."""
    utc_moment = moment.astimezone(UTC).replace(tzinfo=None)
    year = utc_moment.year
    summer_start = datetime.combine(_last_sunday(year, 3), datetime.min.time()) + timedelta(hours=1)
    summer_end = datetime.combine(_last_sunday(year, 10), datetime.min.time()) + timedelta(hours=1)
    offset = 2 if summer_start <= utc_moment < summer_end else 1
    return (utc_moment + timedelta(hours=offset)).date()


def local_date(moment: datetime) -> date:
    """The calendar day in metropolitan France (Europe/Paris) of ``moment``; naive datetimes are UTC."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    zone = _paris()
    if zone is None:  # pragma: no cover - exercised directly by the tests
        return paris_date_without_tzdata(aware)
    return aware.astimezone(zone).date()
