"""An offline timeline page for a ``Trace``: cumulative adoptions per level over time (inline
SVG; per wave over the days of the year for a campaign that recurs every year), the waves, the
cascade tree, the co-carriers. No script, no external resource; every text is HTML-escaped.

>>> from unionkg.analysis.trace import Trace
>>> "<svg" in render_html(Trace("Campaign:c", "c", (), (), (), (), (), (), None))
True
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..outputs import writing
from .dates import Day
from .propagation import Calendar
from .trace import Branch, Trace, level_rank
from .trace_render import branch_flags, num, shown_date, walk, wave_row

#: Line colours per level (Tableau 10), then grey for others.
COLOURS = ("#e15759", "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#edc948")
W, H, PAD_L, PAD_R, PAD_T, PAD_B = 760, 300, 48, 150, 16, 42

CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 14px; margin: 20px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 24px; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 3px 7px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; } td.ev { max-width: 560px; color: #444; }
ul.tree, ul.tree ul { list-style: none; padding-left: 22px; } ul.tree { padding-left: 4px; }
.flag { color: #b4451f; font-size: 12px; } .muted { color: #777; }
svg text { font-size: 11px; fill: #333; }
"""


def write_trace_html(t: Trace, path: str | Path) -> Path:
    """Write the timeline page of ``t`` to ``path``."""
    out = Path(path)
    page = render_html(t)
    with writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    return out


def render_html(t: Trace) -> str:
    """The page as a string."""
    e = escape
    unknown = len(t.unknown_year)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{e(t.name)} · unionkg trace</title><style>{CSS}</style></head><body>",
        f"<h1>{e(t.name)}</h1>",
        f'<p class="muted">{len(t.adoptions)} adoption event(s) by {len({b.adoption.body for b in t.branches})} '
        f"union adopter(s); {len(t.undated)} undated"
        + (f", {unknown} of unknown year" if unknown else "") + " (listed, left out of the timeline and the lags)."
        + (f" {len(t.co_carriers)} co-carrier event(s) by other bodies." if t.co_carriers else "")
        + (" Dates have no year: compared within one year." if t.yearless and t.adoptions else "")
        + (" It recurs every year: each wave is traced on its own." if t.recurring else "") + "</p>",
        "<h2>" + ("Cumulative adoptions per wave over the year" if t.recurring else "Cumulative adoptions per level")
        + "</h2>",
        timeline_svg(t),
        "<h2>Waves</h2>",
        rows_html(("year", "adoptions", "adopters", "first", "first adopters", "last", "adopters per level"),
                  [wave_row(w) for w in t.waves]),
        "<h2>Cascade</h2>",
        '<p class="muted">Each adopter sits under its nearest superior (SUBORDINATE_TO chain) that adopted no later.</p>',
        *[(f"<h3>Wave {e(str(w)) if w is not None else 'of unknown year / undated'}</h3>" if t.recurring else "")
          + cascade_html(t, w) for w in t.wave_years()],
        "<h2>Adoptions</h2>",
        adoptions_html(t),
        "<h2>Co-carriers</h2>",
        '<p class="muted">Bodies outside the union hierarchy carrying the campaign beside it.</p>',
        rows_html(("date", "body", "kind", "mode", "article", "evidence"),
                  [(shown_date(a), a.name, a.level or a.label, a.mode or "", a.article_title or a.article or "",
                    a.sentence) for a in t.co_carriers], wide=5),
        "<h2>Lag in days per level</h2>",
        rows_html(("level", "adopters", "dated", "from first: min", "median", "max", "vs parent: n", "median", "max"),
                  [(lag.level, str(lag.adopters), str(lag.dated), num(lag.first_min), num(lag.first_median),
                    num(lag.first_max), str(lag.parent_n), num(lag.parent_median), num(lag.parent_max))
                   for lag in t.lags]),
        "<h2>First movers</h2>",
        rows_html(("scope", "date", "body"), [(scope, a.date or "", a.name) for scope, a in t.first_movers]),
        "<h2>Name variants</h2>",
        rows_html(("variant", "first body", "first date", "seen"),
                  [(v.surface, v.first_body or "", v.first_date or "", str(v.seen)) for v in t.variants]),
        "<h2>Coverage</h2>",
        rows_html(("scope", "name", "adopters", "bodies", "share"),
                  [(c.scope, c.name, str(c.adopters), str(c.bodies), f"{c.share:.0%}") for c in t.coverage]),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def timeline_svg(t: Trace) -> str:
    """Step lines of cumulative first adoptions per level against the date axis; for a recurring
    campaign, one line per wave against the day of the year. Dates it cannot place in time
    (undated, unknown year) are left out."""
    points: dict[str, list[tuple[int, Day]]] = {}
    cal = Calendar(t.default_year, t.yearless)
    for b in t.branches:
        day = cal.day(b.adoption.date)
        if day is None:
            continue
        if t.recurring:
            if day.year is None:
                continue
            points.setdefault(str(day.year), []).append((Day(day.month, day.day).resolve(None).toordinal(),
                                                         Day(day.month, day.day)))
        else:
            points.setdefault(b.adoption.level or "unknown", []).append((cal.ordinal(day), day))
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" role="img" '
           f'aria-label="cumulative adoptions per level">',
           f'<rect x="0" y="0" width="{W}" height="{H}" fill="#fff"/>']
    if not points:
        svg.append(f'<text x="{PAD_L}" y="{H // 2}">no dated adoption</text></svg>')
        return "\n".join(svg)
    xs = [x for pts in points.values() for x, _ in pts]
    lo, hi = min(xs) - 1, max(xs) + 1
    top = max(len(p) for p in points.values())
    plot_w, plot_h = W - PAD_L - PAD_R, H - PAD_T - PAD_B

    def px(x: float) -> float:
        return PAD_L + (x - lo) / (hi - lo) * plot_w

    def py(y: float) -> float:
        return PAD_T + plot_h - y / top * plot_h

    svg.append(f'<line x1="{PAD_L}" y1="{py(0)}" x2="{PAD_L + plot_w}" y2="{py(0)}" stroke="#999"/>')
    svg.append(f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{py(0)}" stroke="#999"/>')
    for y in range(0, top + 1, max(1, top // 5)):
        svg.append(f'<text x="{PAD_L - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y}</text>')
    ticks = sorted({(x, str(d)) for pts in points.values() for x, d in pts})
    last = -1e9
    for x, label in ticks:
        if px(x) - last < 8 * len(label):
            continue  # labels never overlap
        last = px(x)
        svg.append(f'<line x1="{px(x):.1f}" y1="{py(0)}" x2="{px(x):.1f}" y2="{py(0) + 4}" stroke="#999"/>')
        svg.append(f'<text x="{px(x):.1f}" y="{py(0) + 18}" text-anchor="middle">{escape(label)}</text>')
    for i, level in enumerate(sorted(points, key=level_rank)):  # levels, or the years of the waves
        colour = COLOURS[i % len(COLOURS)]
        path = [(px(lo), py(0))]
        count = 0
        for x, _ in sorted(points[level]):
            path.append((px(x), py(count)))
            count += 1
            path.append((px(x), py(count)))
        path.append((px(hi), py(count)))
        coords = " ".join(f"{a:.1f},{b:.1f}" for a, b in path)
        svg.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{coords}">'
                   f"<title>{escape(level)}: {count}</title></polyline>")
        ly = PAD_T + 14 + i * 18
        svg.append(f'<rect x="{W - PAD_R + 14}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>')
        svg.append(f'<text x="{W - PAD_R + 32}" y="{ly - 3}">{escape(level)} ({count})</text>')
    svg.append("</svg>")
    return "\n".join(svg)


def cascade_html(t: Trace, wave: int | None = None) -> str:
    """The cascade tree of ``wave`` as nested lists."""
    names = {a.body: a.name for a in t.adoptions}
    out: list[str] = []
    depth = -1
    for b in walk(t, wave):
        if b.depth > depth:
            out.append('<ul class="tree">' if depth < 0 else "<ul>")
            out.extend("<li><ul>" for _ in range(b.depth - depth - 1))
        else:
            out.append("</li>")
            out.extend("</ul></li>" for _ in range(depth - b.depth))
        depth = b.depth
        out.append("<li>" + branch_html(b, names))
    if depth < 0:
        return '<p class="muted">(no adopter)</p>'
    out.append("</li>")
    out.extend("</ul></li>" for _ in range(depth))
    out.append("</ul>")
    return "".join(out)


def branch_html(b: Branch, names: dict[str, str]) -> str:
    a = b.adoption
    flags = branch_flags(b, names)
    lag = f" +{b.lag_parent} d" if b.lag_parent is not None else ""
    flag = f' <span class="flag">[{escape("; ".join(flags))}]</span>' if flags else ""
    return (f"<strong>{escape(a.name)}</strong> <span class=\"muted\">({escape(a.level or '?')})"
            f" {escape(a.date or 'undated')}{lag}</span>{flag}")


def adoptions_html(t: Trace) -> str:
    return rows_html(
        ("date", "body", "level", "city", "mode", "article", "evidence"),
        [(shown_date(a), a.name, a.level or "", a.city or "", a.mode or "",
          a.article_title or a.article or "", a.sentence) for a in t.adoptions],
        wide=6,
    )


def rows_html(header: tuple[str, ...], rows: list[tuple[str, ...]], wide: int = -1) -> str:
    """An escaped table; column ``wide`` gets the evidence style."""
    if not rows:
        return '<p class="muted">(none)</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="ev">{escape(c)}</td>' if i == wide else f"<td>{escape(c)}</td>"
            for i, c in enumerate(r)
        ) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
