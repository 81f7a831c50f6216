"""Render a ``Trace`` for people (a terminal table) and for programs (JSON, CSV).

>>> from unionkg.analysis.trace import Trace
>>> print(render_csv(Trace("Campaign:c", "c", (), (), (), (), (), (), None)).strip())
date,body,name,label,level,city,mode,parent,depth,lag_first,lag_parent,before_parent,skipped,article,article_title,sentence,carrier,wave,date_basis,date_inferred,written_date,surfaces
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import orjson

from ..outputs import csv_text
from .dates import parse
from .propagation import Wave
from .trace import Adoption, Branch, Trace

CSV_FIELDS = (
    "date", "body", "name", "label", "level", "city", "mode", "parent", "depth", "lag_first",
    "lag_parent", "before_parent", "skipped", "article", "article_title", "sentence",
    "carrier", "wave", "date_basis", "date_inferred", "written_date", "surfaces",
)
#: how the table says where a date comes from (``propagation.adoption_date``)
BASIS = {"article": "", "campaign-year": "year of the campaign's name", "published-year": "year of publication",
         "published": "publication date"}


def render_json(t: Trace) -> str:
    """The whole trace as one JSON document (``json.dumps(..., ensure_ascii=False, indent=2)``'s
    text, written by orjson: the standard library's indenting encoder is pure Python)."""
    return json_bytes(t).decode()


def json_bytes(t: Trace) -> bytes:
    """``render_json(t)`` as UTF-8, as orjson writes it (for a writer of bytes: no text to encode again)."""
    return orjson.dumps(t.to_dict(records=True), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def render_csv(t: Trace, *, excel: bool = False) -> str:
    """One row per adoption event, with its body's place in the cascade (union carriers), then the
    co-carriers. Cells that a spreadsheet would run as formulas are escaped; ``excel`` adds a
    byte-order mark and CRLF line ends."""
    branch = {(b.wave, b.adoption.body): b for b in t.branches}
    rows = []
    for a in t.adoptions:
        wave = wave_of(t, a)
        b = branch.get((wave, a.body))
        first = b is not None and b.adoption == a
        rows.append((
            a.date or "", a.body, a.name, a.label, a.level or "", a.city or "", a.mode or "",
            (b.parent or "") if b else "", b.depth if b else "",
            num(b.lag_first) if first and b else "",
            num(b.lag_parent) if first and b else "",
            str(bool(b and b.before_parent)).lower(),
            ";".join(b.skipped) if b else "",
            a.article or "", a.article_title or "", a.sentence, "union", "" if wave is None else wave,
            *_date_cells(a),
        ))
    for a in t.co_carriers:
        rows.append((a.date or "", a.body, a.name, a.label, a.level or "", a.city or "", a.mode or "", "", "", "",
                     "", "false", "", a.article or "", a.article_title or "", a.sentence, "co-carrier", "",
                     *_date_cells(a)))
    return csv_text(CSV_FIELDS, rows, excel=excel)


def _date_cells(a: Adoption) -> tuple[str, str, str, str]:
    return (a.date_basis or "", str(a.date_inferred).lower(), a.written_date or "",
            ";".join(a.surfaces or ((a.surface,) if a.surface else ())))


def wave_of(t: Trace, a: Adoption) -> int | None:
    """The wave ``a`` is drawn in: its year for a recurring campaign, else None (one cascade)."""
    d = parse(a.date)
    return d.year if t.recurring and d is not None else None


def shown_date(a: Adoption) -> str:
    """The date as the table shows it: where an inferred year or date comes from, in brackets."""
    if a.date is None:
        return "undated"
    why = BASIS.get(a.date_basis or "", "")
    if a.date_basis is None and parse(a.date) is not None and parse(a.date).year is None:  # type: ignore[union-attr]
        why = "year unknown"
    return f"{a.date} ({why})" if why else a.date


def render_table(t: Trace, width: int = 60) -> str:
    """Terminal report: adoptions, co-carriers, waves, cascade tree, lags, coverage, first movers,
    name variants."""
    names = {a.body: a.name for a in t.adoptions}
    unknown = len(t.unknown_year)
    out = [printable(f"Campaign {t.name}  ({t.campaign})  {len(t.adoptions)} adoption event(s), "
           f"{len({b.adoption.body for b in t.branches})} adopter(s), {len(t.undated)} undated"
           + (f", {unknown} of unknown year (not compared)" if unknown else "")
           + (f"; {len(t.co_carriers)} co-carrier event(s)" if t.co_carriers else ""))]
    if t.yearless and any(a.date for a in t.adoptions):
        out.append("  (no year known: dates are compared within one year)")
    if t.recurring:
        out.append("  (recurs every year: traced wave by wave)")
    out += ["", "Adoptions (union bodies)"]
    out += table(
        ("date", "body", "level", "city", "mode", "article", "evidence"),
        [(shown_date(a), a.name, a.level or "", a.city or "", a.mode or "",
          clip(a.article_title or a.article or "", 24), clip(a.sentence, width)) for a in t.adoptions],
    )
    out += ["", "Co-carriers (other bodies carrying it beside the unions)"]
    out += table(
        ("date", "body", "kind", "mode", "article", "evidence"),
        [(shown_date(a), a.name, a.level or a.label, a.mode or "", clip(a.article_title or a.article or "", 24),
          clip(a.sentence, width)) for a in t.co_carriers],
    )
    out += ["", "Waves (adoptions by year)"]
    out += table(("year", "adoptions", "adopters", "first", "first adopters", "last", "adopters per level"),
                 [wave_row(w) for w in t.waves])
    out += ["", "Cascade (each adopter under its nearest superior that adopted no later)"]
    for wave in t.wave_years():
        if t.recurring:
            out.append(f"  wave {wave if wave is not None else 'of unknown year / undated'}")
        out += [printable(tree_line(b, names)) for b in walk(t, wave)] or ["  (none)"]
    out += ["", "Lag in days per level (from the first adoption / from the parent's)"]
    out += table(
        ("level", "adopters", "dated", "first min", "first median", "first max", "vs parent n",
         "parent median", "parent max"),
        [(lag.level, str(lag.adopters), str(lag.dated), num(lag.first_min), num(lag.first_median),
          num(lag.first_max), str(lag.parent_n), num(lag.parent_median), num(lag.parent_max))
         for lag in t.lags],
    )
    out += ["", "Coverage (adopting union bodies / union bodies in the graph)"]
    out += table(
        ("scope", "name", "adopters", "bodies", "share"),
        [(c.scope, c.name, str(c.adopters), str(c.bodies), f"{c.share:.0%}") for c in t.coverage],
    )
    out += ["", "First movers"]
    out += table(("scope", "date", "body"), [(scope, a.date or "", a.name) for scope, a in t.first_movers]) \
        if t.first_movers else ["  (no dated adoption)"]
    out += ["", "Name variants"]
    out += table(
        ("variant", "first body", "first date", "seen"),
        [(v.surface, v.first_body or "", v.first_date or ("undated" if v.first_body else ""), str(v.seen))
         for v in t.variants],
    )
    return "\n".join(out) + "\n"


def wave_row(w: Wave) -> tuple[str, ...]:
    return ("unknown / undated" if w.year is None else str(w.year), str(w.adoptions), str(w.adopters),
            w.first_date or "", ", ".join(w.first), w.last_date or "",
            ", ".join(f"{lv} {n}" for lv, n in w.levels))


def walk(t: Trace, wave: int | None = None) -> list[Branch]:
    """Branches of ``wave`` in tree order (depth first, adoption order among siblings)."""
    children: dict[str | None, list[Branch]] = {}
    for b in t.branches:  # ``t.children`` of every body at once
        if b.wave == wave:
            children.setdefault(b.parent, []).append(b)
    out: list[Branch] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        b = stack.pop()
        out.append(b)
        stack += list(reversed(children.get(b.adoption.body, [])))
    return out


def branch_flags(b: Branch, names: dict[str, str]) -> list[str]:
    """What is odd about an adoption: before its superior's, or skipping levels."""
    flags = []
    if b.ahead_of:
        flags.append("before superior " + ", ".join(names.get(s, s) for s in b.ahead_of))
    if b.skipped:
        flags.append("skipped " + ", ".join(names.get(s, s.split(":", 1)[-1]) for s in b.skipped))
    return flags


def tree_line(b: Branch, names: dict[str, str]) -> str:
    a = b.adoption
    flags = branch_flags(b, names)
    lag = f" +{b.lag_parent}d" if b.lag_parent is not None else ""
    note = f"  [{'; '.join(flags)}]" if flags else ""
    return f"  {'    ' * b.depth}{a.name} ({a.level or '?'}) {a.date or 'undated'}{lag}{note}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows aligned by display width (CJK characters count two columns)."""
    if not rows:
        return ["  (none)"]
    rows = [[printable(c) for c in r] for r in rows]
    widths = [max(cols(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  " + "  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in [header, *rows]]


#: The characters of Unicode category Cc (C0 controls, DEL, C1 controls).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without control characters (no terminal escapes from article text)."""
    return _CONTROL.sub(" ", text)


@lru_cache(maxsize=65536)
def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cols(text: str) -> int:
    """Display width of ``text`` (ASCII at once; other texts, which repeat in a table, remembered)."""
    return len(text) if text.isascii() else _cols(text)


@lru_cache(maxsize=65536)
def _cols(text: str) -> int:
    return sum(map(_width, text))


def pad(text: str, width: int) -> str:
    return text + " " * (width - cols(text))


def clip(text: str, width: int) -> str:
    text = " ".join(printable(text).split())
    if cols(text) <= width:
        return text
    used = 0
    for i, ch in enumerate(text):
        used += _width(ch)
        if used > width - 1:
            return text[:i] + "…"
    return text + "…"


def num(value: float | int | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
