"""Render a ``Trace`` for people (a terminal table) and for programs (JSON, CSV).

>>> from unionkg.analysis.trace import Trace
>>> print(render_csv(Trace("Campaign:c", "c", (), (), (), (), (), (), None)).strip())
date,body,name,label,level,city,mode,parent,depth,lag_first,lag_parent,before_parent,skipped,article,article_title,sentence
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import orjson

from .trace import Branch, Trace

CSV_FIELDS = (
    "date", "body", "name", "label", "level", "city", "mode", "parent", "depth", "lag_first",
    "lag_parent", "before_parent", "skipped", "article", "article_title", "sentence",
)


def render_json(t: Trace) -> str:
    """The whole trace as one JSON document (``json.dumps(..., ensure_ascii=False, indent=2)``'s
    text, written by orjson: the standard library's indenting encoder is pure Python)."""
    return orjson.dumps(t.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n"


def render_csv(t: Trace) -> str:
    """One row per adoption event, with its body's place in the cascade."""
    branch = {b.adoption.body: b for b in t.branches}
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for a in t.adoptions:
        b = branch.get(a.body)
        first = b is not None and b.adoption == a
        w.writerow({
            "date": a.date or "", "body": a.body, "name": a.name, "label": a.label,
            "level": a.level or "", "city": a.city or "", "mode": a.mode or "",
            "parent": (b.parent or "") if b else "", "depth": b.depth if b else "",
            "lag_first": num(b.lag_first) if first and b else "",
            "lag_parent": num(b.lag_parent) if first and b else "",
            "before_parent": str(bool(b and b.before_parent)).lower(),
            "skipped": ";".join(b.skipped) if b else "",
            "article": a.article or "", "article_title": a.article_title or "", "sentence": a.sentence,
        })
    return buf.getvalue()


def render_table(t: Trace, width: int = 60) -> str:
    """Terminal report: adoptions, cascade tree, lags, coverage, first movers, name variants."""
    names = {a.body: a.name for a in t.adoptions}
    out = [printable(f"Campaign {t.name}  ({t.campaign})  {len(t.adoptions)} adoption event(s), "
           f"{len(t.branches)} adopter(s), {len(t.undated)} undated")]
    if t.default_year is None and any(a.date for a in t.adoptions):
        out.append("  (no year known: dates are compared within one year)")
    out += ["", "Adoptions"]
    out += table(
        ("date", "body", "level", "city", "mode", "article", "evidence"),
        [(a.date or "undated", a.name, a.level or "", a.city or "", a.mode or "",
          clip(a.article_title or a.article or "", 24), clip(a.sentence, width)) for a in t.adoptions],
    )
    out += ["", "Cascade (each adopter under its nearest superior that adopted no later)"]
    out += [printable(tree_line(b, names)) for b in walk(t)] or ["  (none)"]
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
    out += [printable(f"  {scope:<10} {a.date}  {a.name}") for scope, a in t.first_movers] or ["  (no dated adoption)"]
    out += ["", "Name variants"]
    out += table(
        ("variant", "first body", "first date", "seen"),
        [(v.surface, v.first_body or "", v.first_date or ("undated" if v.first_body else ""), str(v.seen))
         for v in t.variants],
    )
    return "\n".join(out) + "\n"


def walk(t: Trace) -> list[Branch]:
    """Branches in tree order (depth first, adoption order among siblings)."""
    children: dict[str | None, list[Branch]] = {}
    for b in t.branches:  # ``t.children`` of every body at once
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
