"""Dates as the graph stores them: ``YYYY-MM-DD``, ``MM-DD`` (year unknown) or None (undated).

A date without a year is compared within a year: it takes the year of the date it is compared
with, or a default year (the most common year of the dates at hand).

>>> days_between(parse("03-17"), parse("2025-03-19"))
2
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_DATE = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")
#: A leap year, so that 02-29 without a year is still a date.
FALLBACK_YEAR = 2000


@dataclass(frozen=True, order=True)
class Day:
    """A calendar day whose year may be unknown."""

    month: int
    day: int
    year: int | None = None

    def resolve(self, year: int | None) -> dt.date:
        """The day in its own year, else in ``year``, else in the fallback leap year."""
        y = self.year or year or FALLBACK_YEAR
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return dt.date(FALLBACK_YEAR, self.month, self.day)

    def __str__(self) -> str:
        md = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{md}" if self.year else md


def parse(value: object) -> Day | None:
    """``Day`` of a ``YYYY-MM-DD`` or ``MM-DD`` string; None for anything else (undated)."""
    if not isinstance(value, str):
        return None
    return _parse(value)


@lru_cache(maxsize=1 << 14)
def _parse(value: str) -> Day | None:
    """``parse`` of a string (a trace asks for the same few hundred dates again and again)."""
    m = _DATE.match(value.strip())
    if not m:
        return None
    year = int(m.group(1)) if m.group(1) else None
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Day(month, day, year)


def common_year(days: Iterable[Day | None]) -> int | None:
    """The most common year among the dates that have one (the smallest on ties)."""
    years = Counter(d.year for d in days if d is not None and d.year)
    if not years:
        return None
    best = max(years.values())
    return min(y for y, c in years.items() if c == best)


@lru_cache(maxsize=8192)
def ordinal(day: Day, default_year: int | None) -> int:
    """A sortable day number; dates without a year fall in ``default_year``."""
    return day.resolve(default_year).toordinal()


def days_between(a: Day, b: Day, default_year: int | None = None) -> int:
    """Days from ``a`` to ``b``; a missing year is taken from the other date."""
    ya = a.year or b.year or default_year
    yb = b.year or a.year or default_year
    return (b.resolve(yb) - a.resolve(ya)).days
