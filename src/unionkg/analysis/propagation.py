"""How a campaign travels, as pure functions over plain adoption records (``trace.Adoption``): each
adoption's date with its year, which dates may be compared, waves of a campaign that recurs every
year, union carriers and the other bodies carrying it beside them, one adoption per body and article.

A date is known with its year, inferred, or of unknown year:

- ``article``: the article's date, year included (a date line, a stamp, the page's date);
- ``campaign-year``: the article's ``MM-DD``, and the year the article writes the campaign with
  (``启动2021年“夏送清凉”活动`` on ``07-12`` → ``2021-07-12``), flagged inferred;
- ``published-year``: the article's ``MM-DD`` and the year of its publication date, where only one
  year puts the day within ``WINDOW`` of publication (``12-30`` published ``2025-01-03`` → 2024),
  flagged inferred;
- ``published``: no date in the article but a publication date: adopted by then, flagged inferred;
- otherwise a ``MM-DD`` of unknown year, or undated.

Dates of unknown year are never compared across years: a ``Calendar`` compares them only when the
campaign's dates name no year at all (then within one year, as before) or exactly one (they take it).

>>> adoption_date("07-12", None, 2021)
('2021-07-12', 'campaign-year', True)
>>> adoption_date("12-30", "2025-01-03", None)
('2024-12-30', 'published-year', True)
>>> adoption_date(None, "2024-11-20", None)
('2024-11-20', 'published', True)
>>> Calendar.of(["2019-07-16", "08-13", "2021-07-12"]).day("08-13") is None
True
>>> Calendar.of(["2025-03-01", "03-02"]).day("03-02")
Day(month=3, day=2, year=2025)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..types import Label
from .dates import Day, ordinal, parse

if TYPE_CHECKING:
    from .trace import Adoption

__all__ = ["adoption_date", "infer_year", "Calendar", "Wave", "waves", "recurs", "dated", "merge_duplicates",
           "split_carriers", "is_union", "WINDOW"]

#: How far from publication an event may be: up to this many days before it, or after it.
WINDOW = (330, 45)
_YEAR_IN = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def infer_year(day: Day, published: Day) -> int | None:
    """The year that puts ``day`` within ``WINDOW`` of ``published`` (a date with its year), when
    exactly one does; None when none or both do."""
    assert published.year is not None
    pub = published.resolve(None)
    fits = []
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            when = dt.date(year, day.month, day.day)
        except ValueError:
            continue
        if -WINDOW[0] <= (when - pub).days <= WINDOW[1]:
            fits.append(year)
    return fits[0] if len(fits) == 1 else None


@lru_cache(maxsize=1 << 14)  # a campaign's thousands of adoptions share a few hundred dates
def adoption_date(written: str | None, published: str | None, campaign_year: int | str | None
                  ) -> tuple[str | None, str | None, bool]:
    """(date, basis, inferred) of an adoption from the article's date (``written``), its
    publication date and the year the article writes the campaign with (module docstring)."""
    day, pub = parse(written), parse(published)
    pub = pub if pub is not None and pub.year else None
    if day is not None and day.year:
        return str(day), "article", False
    if day is not None:
        year = infer_year(day, pub) if pub is not None else None
        if year is not None:
            return str(Day(day.month, day.day, year)), "published-year", True
        if campaign_year and str(campaign_year).isdigit():
            return str(Day(day.month, day.day, int(campaign_year))), "campaign-year", True
        return str(day), None, False
    if written is None and pub is not None:
        return str(pub), "published", True
    return written, None, False


def dated(a: Adoption) -> Adoption:
    """``a`` with its date resolved (``adoption_date``); the article's own date kept as ``written_date``."""
    date, basis, inferred = adoption_date(a.written_date, a.published, a.campaign_year)
    return replace(a, date=date, date_basis=basis, date_inferred=inferred)


@dataclass(frozen=True)
class Calendar:
    """Which adoption dates may be compared, and on which day each falls.

    ``year``: the one year the dated adoptions share (None: several, or none); ``yearless``: no
    date has a year (then all are compared within one year, as dates of one report)."""

    year: int | None
    yearless: bool

    @staticmethod
    def of(dates: Iterable[str | None]) -> Calendar:
        days = [d for d in (parse(x) for x in set(dates)) if d is not None]  # each date once: a campaign repeats them
        years = {d.year for d in days if d.year}
        return Calendar(next(iter(years)) if len(years) == 1 else None, not years)

    def day(self, date: str | None) -> Day | None:
        """The comparable day of ``date``: None where it is undated or of a year it cannot know."""
        return _calendar_day(date, self.year, self.yearless)

    def ordinal(self, day: Day) -> int:
        return ordinal(day, self.year)


@lru_cache(maxsize=1 << 14)
def _calendar_day(date: str | None, year: int | None, yearless: bool) -> Day | None:
    """``Calendar(year, yearless).day(date)`` (asked for the same few hundred dates again and again)."""
    d = parse(date)
    if d is None or d.year or yearless:
        return d
    return Day(d.month, d.day, year) if year else None


def year_of(date: str | None) -> int | None:
    d = parse(date)
    return d.year if d is not None else None


@dataclass(frozen=True)
class Wave:
    """One year's adoptions of a campaign (``year`` None: those of unknown year, and the undated)."""

    year: int | None
    adoptions: int
    adopters: int
    first_date: str | None
    first: tuple[str, ...]  # the names of the first adopters (ties kept)
    last_date: str | None
    levels: tuple[tuple[str, int], ...]  # level → adopters


def waves(adoptions: Sequence[Adoption]) -> tuple[Wave, ...]:
    """The adoptions by year (their dates' years, stated or inferred), years in order, the rest last."""
    parsed = {d: parse(d) for d in {a.date for a in adoptions}}  # each date once: a campaign repeats them
    by_year: dict[int | None, list[Adoption]] = {}
    for a in adoptions:
        day = parsed[a.date]
        by_year.setdefault(day.year if day is not None else None, []).append(a)
    out = []
    for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
        group = by_year[year]
        dates = {a.date for a in group if (day := parsed[a.date]) is not None and day.year}
        days = [day for d in dates if (day := parsed[d]) is not None]  # (every one: ``dates`` are dated)
        first_day = min(days, key=_day_key) if days else None  # not sorted: only its ends are read
        last_day = max(days, key=_day_key) if days else None
        on_first = {d for d in dates if parsed[d] == first_day}
        first = tuple(sorted({a.name for a in group if a.date in on_first}))
        bodies = {a.body: a.level or "unknown" for a in group}
        levels = Counter(bodies.values())
        out.append(Wave(year, len(group), len(bodies), str(first_day) if first_day else None, first,
                        str(last_day) if last_day else None, tuple(sorted(levels.items()))))
    return tuple(out)


def recurs(adoptions: Sequence[Adoption], annual: bool) -> bool:
    """Does the campaign come back every year? Its family says so (``annual``) and its adoptions
    span years, or one body adopts it in two years, or its names carry two years (2019年, 2021年)."""
    year = {d: year_of(d) for d in {a.date for a in adoptions}}  # each date once
    years = {y for y in year.values() if y}
    if len(years) < 2:
        return False
    if annual:
        return True
    per_body: dict[str, set[int]] = {}
    for a in adoptions:
        y = year[a.date]
        if y:
            per_body.setdefault(a.body, set()).add(y)
    if any(len(ys) > 1 for ys in per_body.values()):
        return True
    written = {m.group(1) for a in adoptions for s in (a.surfaces or (a.surface,)) if s
               for m in _YEAR_IN.finditer(s)}
    return len(written) > 1


def _day_key(d: Day) -> tuple[int, int, int]:
    return (d.year or 0, d.month, d.day)


_UNION_BODY = Label.UNION_BODY.value


def is_union(a: Adoption) -> bool:
    """A union body (of the hierarchy a campaign cascades down)."""
    return a.label == _UNION_BODY


def split_carriers(adoptions: Iterable[Adoption]) -> tuple[list[Adoption], list[Adoption]]:
    """(adoptions by union bodies, adoptions by other bodies: 检察院, 人社厅, 企联 … carrying it beside them)."""
    unions: list[Adoption] = []
    others: list[Adoption] = []
    for a in adoptions:
        (unions if a.label == _UNION_BODY else others).append(a)  # is_union, inline
    return unions, others


def merge_duplicates(adoptions: Iterable[Adoption]) -> list[Adoption]:
    """One adoption per body and article (the first given), with every surface the article writes."""
    adoptions = list(adoptions)
    if len({(a.body, a.article) for a in adoptions}) == len(adoptions):  # no two alike (the rule): as given
        out = []
        for a in adoptions:
            written, surface = a.surfaces, a.surface
            if surface and len(written) == 1 and written[0] == surface:  # the usual record (``_surfaces``)
                out.append(a)
            else:
                out.append(a if written == (these := _surfaces(a)) else replace(a, surfaces=these))
        return out
    kept: dict[tuple[str, str | None], Adoption] = {}
    surfaces: dict[tuple[str, str | None], list[str]] = {}
    for a in adoptions:
        k = (a.body, a.article)
        kept.setdefault(k, a)
        seen = surfaces.setdefault(k, [])
        for s in (*a.surfaces, a.surface):
            if s and s not in seen:
                seen.append(s)
    out = []
    for k, a in kept.items():
        these = tuple(surfaces[k])
        out.append(a if a.surfaces == these else replace(a, surfaces=these))  # replace() is slow: only if needed
    return out


def _surfaces(a: Adoption) -> tuple[str, ...]:
    """``a``'s surfaces and its surface, once each (``merge_duplicates`` of ``a`` alone)."""
    if a.surface and len(a.surfaces) == 1 and a.surfaces[0] == a.surface:
        return a.surfaces  # the usual record: its one surface
    return tuple(dict.fromkeys(s for s in (*a.surfaces, a.surface) if s))
