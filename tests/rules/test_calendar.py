"""Calendar arithmetic: months, French working days, trêve hivernale, local day of a UTC instant."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.rules.calendar import (
    add_months,
    add_working_days,
    end_of_treve,
    in_treve,
    is_public_holiday,
    is_working_day,
    local_date,
    paris_date_without_tzdata,
    public_holidays,
)

D = date
EXCEPTIONS = {2020: D(2020, 7, 10), 2021: D(2021, 5, 31)}


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(D(2024, 1, 31), 1, D(2024, 2, 29), id="31-jan-plus-1-leap"),
        pytest.param(D(2023, 1, 31), 1, D(2023, 2, 28), id="31-jan-plus-1-common"),
        pytest.param(D(2024, 1, 30), 1, D(2024, 2, 29), id="30-jan-plus-1"),
        pytest.param(D(2024, 1, 29), 1, D(2024, 2, 29), id="29-jan-plus-1"),
        pytest.param(D(2024, 1, 28), 1, D(2024, 2, 28), id="28-jan-plus-1"),
        pytest.param(D(2024, 3, 31), -1, D(2024, 2, 29), id="31-mar-minus-1"),
        pytest.param(D(2024, 4, 30), -2, D(2024, 2, 29), id="30-apr-minus-2"),
        pytest.param(D(2023, 4, 30), -2, D(2023, 2, 28), id="30-apr-minus-2-common"),
        pytest.param(D(2024, 5, 31), 1, D(2024, 6, 30), id="31-may-plus-1"),
        pytest.param(D(2024, 8, 31), 2, D(2024, 10, 31), id="31-aug-plus-2"),
        pytest.param(D(2024, 12, 31), 2, D(2025, 2, 28), id="31-dec-plus-2"),
        pytest.param(D(2024, 12, 15), 1, D(2025, 1, 15), id="year-forward"),
        pytest.param(D(2025, 1, 15), -1, D(2024, 12, 15), id="year-backward"),
        pytest.param(D(2024, 2, 29), 12, D(2025, 2, 28), id="29-feb-plus-12"),
        pytest.param(D(2024, 2, 29), 48, D(2028, 2, 29), id="29-feb-plus-48"),
        pytest.param(D(2024, 8, 29), -30, D(2022, 2, 28), id="minus-30"),
        pytest.param(D(2024, 7, 17), 0, D(2024, 7, 17), id="zero"),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2024, 4, 30), True, id="tue-30-apr-2024"),
        pytest.param(D(2024, 5, 1), False, id="1-may-2024-wednesday"),
        pytest.param(D(2024, 5, 2), True, id="thu-2-may-2024"),
        pytest.param(D(2024, 5, 7), True, id="tue-7-may-2024"),
        pytest.param(D(2024, 5, 8), False, id="8-may-2024-wednesday"),
        pytest.param(D(2024, 5, 9), False, id="ascension-2024"),
        pytest.param(D(2024, 5, 10), True, id="fri-after-ascension-2024"),
        pytest.param(D(2024, 5, 11), False, id="saturday"),
        pytest.param(D(2024, 5, 12), False, id="sunday"),
        pytest.param(D(2024, 5, 20), False, id="pentecost-monday-2024"),
        pytest.param(D(2025, 5, 29), False, id="ascension-2025"),
        pytest.param(D(2025, 5, 30), True, id="fri-after-ascension-2025"),
        pytest.param(D(2024, 7, 15), True, id="mon-15-jul"),
        pytest.param(D(2024, 12, 25), False, id="christmas"),
        pytest.param(D(2024, 12, 26), True, id="26-dec-not-a-holiday-outside-alsace"),
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        pytest.param(D(2024, 5, 13), -5, D(2024, 5, 2), id="5-before-13-may-2024-ascension-8-may"),
        pytest.param(D(2024, 5, 10), -5, D(2024, 4, 30), id="5-before-10-may-2024-three-holidays"),
        pytest.param(D(2024, 5, 21), -5, D(2024, 5, 13), id="5-before-21-may-2024-pentecost"),
        pytest.param(D(2024, 5, 13), -1, D(2024, 5, 10), id="1-before-monday"),
        pytest.param(D(2024, 5, 10), -1, D(2024, 5, 7), id="1-before-fri-after-ascension"),
        pytest.param(D(2024, 4, 30), 1, D(2024, 5, 2), id="1-after-30-apr-skips-1-may"),
        pytest.param(D(2024, 5, 7), 1, D(2024, 5, 10), id="1-after-7-may-skips-8-and-9"),
        pytest.param(D(2024, 5, 3), 1, D(2024, 5, 6), id="friday-plus-1"),
        pytest.param(D(2025, 5, 12), -5, D(2025, 5, 2), id="5-before-12-may-2025-8-may-thursday"),
        pytest.param(D(2025, 6, 2), -5, D(2025, 5, 23), id="5-before-2-jun-2025-ascension-29-may"),
        pytest.param(D(2024, 5, 11), 0, D(2024, 5, 11), id="zero-keeps-non-working-day"),
        pytest.param(D(2024, 12, 20), 5, D(2024, 12, 30), id="christmas-week"),
    ],
)
def test_add_working_days(start: date, count: int, expected: date) -> None:
    assert add_working_days(start, count) == expected


def test_holidays_come_from_the_library_lazily_for_any_year() -> None:
    assert D(2100, 5, 1) in public_holidays(2100)
    assert is_public_holiday(D(2030, 7, 14))
    assert not is_public_holiday(D(2030, 7, 15))
    assert len(public_holidays(2024)) == 11


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        pytest.param(D(2024, 10, 31), False, id="31-oct"),
        pytest.param(D(2024, 11, 1), True, id="1-nov"),
        pytest.param(D(2024, 12, 31), True, id="31-dec"),
        pytest.param(D(2025, 1, 1), True, id="1-jan"),
        pytest.param(D(2024, 2, 29), True, id="29-feb"),
        pytest.param(D(2025, 3, 31), True, id="31-mar"),
        pytest.param(D(2025, 4, 1), False, id="1-apr"),
        pytest.param(D(2024, 7, 14), False, id="summer"),
        pytest.param(D(2021, 4, 15), False, id="15-apr-2021-without-exception"),
    ],
)
def test_in_treve(day: date, inside: bool) -> None:
    assert in_treve(day) is inside


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        pytest.param(D(2021, 4, 15), True, id="15-apr-2021"),
        pytest.param(D(2021, 5, 31), True, id="31-may-2021"),
        pytest.param(D(2021, 6, 1), False, id="1-jun-2021"),
        pytest.param(D(2020, 7, 10), True, id="10-jul-2020"),
        pytest.param(D(2020, 7, 11), False, id="11-jul-2020"),
        pytest.param(D(2022, 4, 1), False, id="1-apr-2022-ordinary"),
        pytest.param(D(2020, 11, 1), True, id="1-nov-2020"),
    ],
)
def test_in_treve_with_exceptional_ends(day: date, inside: bool) -> None:
    assert in_treve(day, fins_exceptionnelles=EXCEPTIONS) is inside


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(D(2024, 11, 1), D(2025, 4, 1), id="from-1-nov"),
        pytest.param(D(2025, 1, 15), D(2025, 4, 1), id="from-january"),
        pytest.param(D(2025, 3, 31), D(2025, 4, 1), id="from-31-mar"),
        pytest.param(D(2025, 4, 1), D(2025, 4, 1), id="outside-is-unchanged"),
        pytest.param(D(2024, 10, 31), D(2024, 10, 31), id="31-oct-unchanged"),
    ],
)
def test_end_of_treve(day: date, expected: date) -> None:
    assert end_of_treve(day) == expected


def test_end_of_treve_with_exceptional_ends() -> None:
    assert end_of_treve(D(2020, 4, 2), fins_exceptionnelles=EXCEPTIONS) == D(2020, 7, 11)
    assert end_of_treve(D(2021, 4, 2), fins_exceptionnelles=EXCEPTIONS) == D(2021, 6, 1)
    assert end_of_treve(D(2020, 12, 2), fins_exceptionnelles=EXCEPTIONS) == D(2021, 6, 1)
    assert end_of_treve(D(2022, 3, 2), fins_exceptionnelles=EXCEPTIONS) == D(2022, 4, 1)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param(datetime(2024, 5, 2, 21, 59, tzinfo=UTC), D(2024, 5, 2), id="summer-23h59-paris"),
        pytest.param(datetime(2024, 5, 2, 22, 0, tzinfo=UTC), D(2024, 5, 3), id="summer-midnight-paris"),
        pytest.param(datetime(2024, 1, 10, 22, 59, tzinfo=UTC), D(2024, 1, 10), id="winter-23h59-paris"),
        pytest.param(datetime(2024, 1, 10, 23, 0, tzinfo=UTC), D(2024, 1, 11), id="winter-midnight-paris"),
        pytest.param(datetime(2024, 1, 10, 23, 0), D(2024, 1, 11), id="naive-is-utc"),
    ],
)
def test_local_date(moment: datetime, expected: date) -> None:
    assert local_date(moment) == expected


def test_paris_day_without_tzdata_matches_the_tz_database() -> None:
    paris = ZoneInfo("Europe/Paris")
    moment = datetime(2019, 1, 1, tzinfo=UTC)
    while moment < datetime(2031, 1, 1, tzinfo=UTC):
        for delta in (timedelta(0), timedelta(minutes=59), timedelta(hours=1)):
            probe = moment + delta
            assert paris_date_without_tzdata(probe) == probe.astimezone(paris).date(), probe
        moment += timedelta(hours=23)
