"""Publication-date phrases as sources print them: "April 15, 2020", "15 Apr 2020", "2020-04-15",
"May 2020", "Thu, 16 Apr 2020 18:05:00 +0300", and month-day datelines with no year ("Jan. 30").
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from ..model import PartialDate

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"

# Ordered: the first pattern that matches the whole phrase wins.
_PATTERNS = [
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),   # April 15, 2020
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.I),   # 15 April 2020
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),  # 2020-04-15
    re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"),  # 2020/04/15
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"),  # 15.04.2020
    re.compile(rf"{_MONTH},?\s+{_YEAR}", re.I),                     # April 2020
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})"),                 # 2020-04
    re.compile(rf"{_YEAR}", re.I),                                    # 2020
]
_MONTH_DAY = [
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY}", re.I),               # Jan. 30
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH}", re.I),               # 30 January
]

# A date phrase somewhere inside a line (for titles like "... Press Conference on April 13, 2020").
DATE_IN_TEXT = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR})\b".replace(
        "?P<month>", "?:").replace("?P<day>", "?:").replace("?P<year>", "?:"),
    re.I,
)
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])(?:[-_/.]?([0-3]\d))?(?!\d)")


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


@dataclass(frozen=True)
class MonthDay:
    """A date printed without its year, as in the dateline "MOSCOW, January 30 (TASS) —"."""

    month: int
    day: int

    def in_year(self, year: int) -> PartialDate | None:
        try:
            return PartialDate(year, self.month, self.day)
        except ValueError:
            return None


def parse_date(phrase: str) -> PartialDate | None:
    """The date a whole phrase states, at the precision it states; None if it is not a date.

    Raises ValueError for a well-formed but impossible date ("February 30, 2020").
    """
    phrase = phrase.strip().rstrip(".,;")
    for pattern in _PATTERNS:
        match = pattern.fullmatch(phrase)
        if match:
            parts = match.groupdict()
            year = int(parts["year"])
            month = _month_number(parts["month"]) if parts.get("month") else None
            day = int(parts["day"]) if parts.get("day") else None
            return PartialDate(year, month, day)
    rfc = _parse_rfc822(phrase)
    if rfc:
        return rfc
    return _parse_iso_timestamp(phrase)


def parse_month_day(phrase: str) -> MonthDay | None:
    phrase = phrase.strip().rstrip(".,;")
    for pattern in _MONTH_DAY:
        match = pattern.fullmatch(phrase)
        if match:
            month, day = _month_number(match["month"]), int(match["day"])
            if 1 <= day <= calendar.monthrange(2020, month)[1]:  # 2020 is a leap year
                return MonthDay(month, day)
    return None


def _parse_rfc822(phrase: str) -> PartialDate | None:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", phrase):
        return None
    try:
        stamp = email.utils.parsedate_to_datetime(phrase)
    except (TypeError, ValueError, IndexError):
        return None
    return PartialDate.from_date(stamp.date())


def _parse_iso_timestamp(phrase: str) -> PartialDate | None:
    """An ISO timestamp's date in its own time zone ("2020-03-19T23:30:00+03:00" → 2020-03-19)."""
    if not re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", phrase):
        return None
    try:
        return PartialDate.from_date(dt.datetime.fromisoformat(phrase.replace("Z", "+00:00")).date())
    except ValueError:
        return None


def date_in_name(name: str) -> PartialDate | None:
    """A date written into a file name or URL path ("2020-01-30_tass.txt", "/2020/03/19/")."""
    for match in _FILENAME_DATE.finditer(name):
        year, month, day = match.groups()
        try:
            return PartialDate(int(year), int(month), int(day) if day else None)
        except ValueError:
            continue
    return None
