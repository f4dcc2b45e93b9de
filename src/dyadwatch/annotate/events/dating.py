"""An event's date: the clause's own time expression, else the running date of the story, else
the publication date; a reported act is not dated by a plan that follows publication."""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Timex

_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


@lru_cache(maxsize=4096)  # a date value is a short key, and a document repeats its dates
def _date_of(value: str) -> tuple[str, str] | None:
    match = _DATE_VALUE.match(value)
    if not match:
        return None
    _year, month, day, week = match.groups()
    if week:
        return value, "week"
    return value, "day" if day else "month" if month else "year"


def _after_publication(value: str, reference: str | None) -> bool:
    """A calendar date wholly after the publication date ("2020-02-20" in a report of 2020-02-19);
    weeks and vaguer values are never after it. `reference` is the publication date's iso()."""
    day = value.split("T")[0]
    if reference is None or "W" in day or not _DATE_VALUE.match(day):
        return False
    common = min(len(day), len(reference))
    return day[:common] > reference[:common]


def _event_date(dated: list[Timex], position: int, running: tuple[str, str] | None,
                publication: tuple[str, str] | None) -> tuple[str | None, str | None, str | None]:
    """The clause's own date, else the running date, else the publication date (`publication`:
    its iso() and precision)."""
    if dated:
        own = min(dated, key=lambda t: abs(t.start - position))
        date, precision = _date_of(own.value.split("T")[0])  # type: ignore[misc]
        return date, precision, own.anchor
    if running is not None:
        return running[0], running[1], "narrative"
    if publication is not None:
        return publication[0], publication[1], "publication"
    return None, None, None
