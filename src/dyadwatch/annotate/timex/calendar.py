"""Calendar arithmetic and TIMEX3 value strings. Years before the common era are negative
(264 BC is -264) so that narrative arithmetic ("the following year") runs the right way."""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange  # the standard library's (imports are absolute)
from dataclasses import dataclass

from ...model import PartialDate

# A TIMEX3 value naming one month or one day ("2020-02", "2020-02-19"): year, month, day groups.
DAY_OR_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Point:
    """A reference time at day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_partial(cls, date: PartialDate) -> Point:
        return cls(date.year, date.month, date.day)

    @classmethod
    def from_date(cls, date: dt.date) -> Point:
        return cls(date.year, date.month, date.day)

    def date(self) -> dt.date | None:
        if self.year < 1:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    def value(self) -> str:
        return date_value(self.year, self.month, self.day)

    def contains(self, other: Point) -> bool:
        """True when `other` lies inside this (coarser or equal) period."""
        if self.year != other.year:
            return False
        if self.month is not None and self.month != other.month:
            return False
        return self.day is None or self.day == other.day

    def months_index(self) -> float:
        return months_index(self.year, self.month, self.day)


def months_index(year: int, month: int | None, day: int | None) -> float:
    """A point's place on a scale of months: the middle of the year or month when it has none."""
    return year * 12 + (month or 6.5) - 1 + ((day or 15) - 1) / 31


def year_value(year: int) -> str:
    return f"{year:04d}" if year > 0 else f"BC{-year:04d}"


def date_value(year: int, month: int | None = None, day: int | None = None) -> str:
    value = year_value(year)
    if month is not None:
        value += f"-{month:02d}"
        if day is not None:
            value += f"-{day:02d}"
    return value


def valid_day(year: int, month: int, day: int) -> bool:
    if year < 1:
        return 1 <= day <= 31
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def shift(point: Point, amount: int, unit: str) -> Point | None:
    """`point` moved by `amount` units (day, week, month, year), keeping its precision where it
    can and gaining day precision for day and week shifts of a day-precise point."""
    if unit == "year":
        return Point(point.year + amount, point.month, point.day)
    if point.year < 1:
        return None
    if unit == "month":
        if point.month is None:
            return None
        moved = add_months(point.date(), amount)  # type: ignore[arg-type]
        return Point(moved.year, moved.month, moved.day if point.day else None)
    if unit in ("day", "week"):
        if point.day is None:
            return None
        moved = point.date() + dt.timedelta(days=amount * (7 if unit == "week" else 1))  # type: ignore[operator]
        return Point.from_date(moved)
    return None


def add_months(date: dt.date, amount: int) -> dt.date:
    """`date` moved by `amount` months, keeping its day or, past the end of the new month, taking
    its last day (what adding dateutil's relativedelta(months=amount) gives)."""
    year, month_index = divmod(date.year * 12 + date.month - 1 + amount, 12)
    month = month_index + 1
    return dt.date(year, month, min(date.day, monthrange(year, month)[1]))


def week_value(date: dt.date) -> str:
    iso_year, week, _ = date.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def candidate_years(month: int, day: int | None, ref: Point) -> list[tuple[int, float]]:
    """The years around the reference's that month/day can fall in, each with how many months
    month/day then lies after the reference (negative: before it)."""
    target = ref.months_index()
    return [(year, months_index(year, month, day) - target) for year in (ref.year - 1, ref.year, ref.year + 1)
            if day is None or valid_day(year, month, day)]


def nearest_year(candidates: list[tuple[int, float]], default: int, future_penalty: float = 1.0) -> int:
    """The candidate year that puts month/day nearest to the reference (`default` when there is
    none); with a penalty above 1 a date after the reference must be much nearer to win (news
    refers to the past more often)."""
    best_year, best_distance = default, float("inf")
    for year, distance in candidates:
        weighted = distance * future_penalty if distance > 0 else -distance
        if weighted < best_distance:
            best_year, best_distance = year, weighted
    return best_year
