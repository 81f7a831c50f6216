"""The explorer page a build writes (``DIR/graph.html``): one offline HTML file that opens on the
overview (the union hierarchy sized by campaigns carried, campaigns ranked by adopters and reach,
the people most often chairing or speaking) and drills down to a body's, a person's or a
campaign's neighbourhood with its evidence, and to a campaign's cascade and timeline.

The page's size is bounded whatever the corpus: the overview is aggregated
(``sinks.explore.overview``), and neighbourhoods, traces and the search index are embedded in
order of importance until a byte budget is spent — everything for a small build, the most
connected part of a large one. ``unionkg serve DIR`` serves the same page with every
neighbourhood and trace on demand (``unionkg.serve``).

Drawn as SVG by the page's own script (``html_assets/explorer.js``): the views are bounded
(≤ 80 bodies on the overview, ≤ about 50 neighbours), so no graph library is needed; the
whole-graph and focused pyvis views stay with ``sinks.html`` (``unionkg html --focus/--campaign/--top``).

>>> from unionkg.model import GraphStore
>>> with GraphStore.open("out/seed") as store:          # doctest: +SKIP
...     write_explorer(store, "out/seed/graph.html").bytes
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model import GraphStore
from .explore import SEARCHED, campaign_trace, neighbourhood, overview
from .html import safe_json, styles

__all__ = ["EMBED_BYTES", "INDEX_BYTES", "ExplorerReport", "explorer_data", "render_page", "write_explorer"]

ASSETS = Path(__file__).with_name("html_assets")
#: JSON bytes of neighbourhoods and traces an offline page holds at most (the page stays ≤ 5 MB).
EMBED_BYTES = 3_200_000
#: JSON bytes of the offline page's search index at most.
INDEX_BYTES = 700_000
#: Traces of campaigns with more adoptions than this are left to ``unionkg serve``.
TRACE_ADOPTIONS = 150
#: About the JSON bytes of a trace per adoption (to skip those that cannot fit before reading them).
TRACE_BYTES_PER_ADOPTION = 450


@dataclass(frozen=True)
class ExplorerReport:
    """What an explorer page holds."""

    path: Path
    bytes: int
    seconds: float
    neighbourhoods: int
    traces: int
    indexed: int
    complete: bool  # every neighbourhood and trace is in the page


def write_explorer(store: GraphStore, path: str | Path, *, title: str = "unionkg", build: str | None = None,
                   budget: int = EMBED_BYTES, workers: int = 1) -> ExplorerReport:
    """Write the offline explorer page of the build in ``store`` to ``path`` (its neighbourhoods
    and traces read on ``workers`` processes)."""
    started = time.perf_counter()
    data = explorer_data(store, title=title, build=build, budget=budget, workers=workers)
    html = render_page(data, title)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return ExplorerReport(path=out, bytes=out.stat().st_size, seconds=time.perf_counter() - started,
                          neighbourhoods=len(data["hoods"]), traces=len(data["traces"]), indexed=len(data["index"]),
                          complete=bool(data["complete"]))


def explorer_data(store: GraphStore, *, title: str = "unionkg", build: str | None = None, mode: str = "file",
                  budget: int = EMBED_BYTES, workers: int = 1) -> dict[str, Any]:
    """What the page holds: the overview and, within ``budget`` bytes, neighbourhoods and traces
    (``mode="served"``: none; the server answers them), read on ``workers`` processes."""
    ov = overview(store)
    data: dict[str, Any] = {"title": title, "mode": mode, "build": build or "", "overview": ov,
                            "colours": styles()["labels"], "hoods": {}, "traces": {}, "index": [], "complete": False}
    if mode == "served":
        return data
    hoods, traces, complete = _embedded(store, ov, budget, workers)
    data.update(hoods=hoods, traces=traces, complete=complete)
    data["index"] = _index(store, [*traces, *hoods])
    return data


def _candidates(store: GraphStore, ov: dict[str, Any]) -> Iterable[tuple[str, str, int]]:
    """(kind, id) in the order the page embeds them: the drawn bodies, the campaigns by rank
    (trace, then neighbourhood), the people, then every other node in node order."""
    for b in ov["tree"]["nodes"]:
        yield "node", b["id"], 0
    for c in ov["campaigns"]:
        if c["n"] <= TRACE_ADOPTIONS:
            yield "trace", c["id"], c["n"] * TRACE_BYTES_PER_ADOPTION
        yield "node", c["id"], 0
    for p in ov["people"]:
        yield "node", p["id"], 0
    for (nid,) in store.db.execute("SELECT id FROM nodes ORDER BY CASE label WHEN 'UnionBody' THEN 0 "
                                   "WHEN 'Campaign' THEN 1 WHEN 'Person' THEN 2 WHEN 'Organization' THEN 3 "
                                   "ELSE 4 END, seq"):
        yield "node", nid, 0


def _embedded(store: GraphStore, ov: dict[str, Any], budget: int, workers: int = 1
              ) -> tuple[dict[str, Any], dict[str, Any], bool]:
    hoods: dict[str, Any] = {}
    traces: dict[str, Any] = {}
    used = 0
    misses = 0
    items = _Items(store, ov, workers)
    try:
        for kind, nid, guess in items:
            if nid in (hoods if kind == "node" else traces) or used + guess > budget:
                continue
            item = items.get(kind, nid)
            if item is None:
                continue
            size = len(orjson.dumps(item))
            if used + size > budget:
                misses += 1
                if misses > 50:  # the budget is spent: what is left goes to `unionkg serve`
                    return hoods, traces, False
                continue
            used += size
            (hoods if kind == "node" else traces)[nid] = item
    finally:
        items.close()
    if misses:
        return hoods, traces, False
    skipped = any(c["n"] > TRACE_ADOPTIONS for c in ov["campaigns"])
    return hoods, traces, not skipped


def _item(store: GraphStore, kind: str, nid: str) -> dict[str, Any] | None:
    return neighbourhood(store, nid) if kind == "node" else campaign_trace(store, nid)


class _Items:
    """The candidates (kind, id, guess) in order, and ``get(kind, id)``: the neighbourhood or
    trace of the one at hand. On ``workers`` processes (forked, each reading the store file on a
    connection of its own) the items of the candidates are read ahead, once each, in the order
    they first come (the processes go through the candidates on their own); a candidate met again
    (rare: its item was too big, or nothing) is read here, as is every item on one process."""

    def __init__(self, store: GraphStore, ov: dict[str, Any], workers: int) -> None:
        self.store = store
        self.ov = ov
        self.ahead: Any = None
        self.current: tuple[tuple[str, str], Any] | None = None
        if workers > 1 and store.path != ":memory:" and store.facts is not None:
            from functools import partial

            from ..analysis import report  # noqa: F401 - imported once, before the processes fork
            from ..scale.parallel import imap_ordered

            self.ahead = imap_ordered(partial(_read_item, store.path, store.facts),
                                      _first_met(_candidates(store, ov)), workers, chunksize=2)

    def __iter__(self) -> Iterator[tuple[str, str, int]]:
        seen: set[tuple[str, str]] = set()
        for kind, nid, guess in _candidates(self.store, self.ov):
            if self.ahead is not None and (kind, nid) not in seen:
                seen.add((kind, nid))
                self.current = next(self.ahead)
                assert self.current[0] == (kind, nid)
            else:
                self.current = None
            yield kind, nid, guess

    def get(self, kind: str, nid: str) -> dict[str, Any] | None:
        if self.current is not None and self.current[0] == (kind, nid):
            item: dict[str, Any] | None = self.current[1]
            return item
        return _item(self.store, kind, nid)

    def close(self) -> None:
        if self.ahead is not None:
            self.ahead.close()


def _first_met(candidates: Iterable[tuple[str, str, int]]) -> Iterator[tuple[str, str]]:
    """The (kind, id) of the candidates, each the first time it comes."""
    seen: set[tuple[str, str]] = set()
    for kind, nid, _ in candidates:
        if (kind, nid) not in seen:
            seen.add((kind, nid))
            yield kind, nid


#: In a process reading a page's items: the store it reads.
_STORE: GraphStore | None = None


def _read_item(path: str, facts: str, which: tuple[str, str]) -> tuple[tuple[str, str], dict[str, Any] | None]:
    """(kind, id) and its item, read from the store file at ``path`` (opened once per process)."""
    global _STORE
    if _STORE is None:
        _STORE = GraphStore.open_file(path)
        _STORE.facts = facts
    return which, _item(_STORE, *which)


def _index(store: GraphStore, first: list[str], budget: int = INDEX_BYTES) -> list[list[str]]:
    """Search entries [id, name, label, level]: the embedded nodes first, then the other nodes of
    the searched labels, while the index stays within ``budget`` bytes."""
    rows: list[list[str]] = []
    seen: set[str] = set()
    used = 0
    marks = ",".join("?" * len(SEARCHED))
    order = {nid: i for i, nid in enumerate(dict.fromkeys(first))}
    found = []
    for chunk_start in range(0, len(order), 500):
        chunk = list(order)[chunk_start:chunk_start + 500]
        found += store.db.execute(f"SELECT id, name, label, coalesce(level, kind, '') FROM nodes "
                                  f"WHERE id IN ({','.join('?' * len(chunk))}) AND label IN ({marks})",
                                  [*chunk, *SEARCHED]).fetchall()
    found.sort(key=lambda r: order[r[0]])
    rest = store.db.execute(f"SELECT id, name, label, coalesce(level, kind, '') FROM nodes WHERE label IN ({marks}) "
                            f"ORDER BY seq", SEARCHED)
    for nid, name, label, level in chain(found, rest):  # the cursor streams: the rows past the budget are never read
        if nid in seen or not isinstance(name, str):
            continue
        row = [nid, name, str(label), str(level or "")]
        used += len(orjson.dumps(row)) + 1
        if used > budget:
            break
        seen.add(nid)
        rows.append(row)
    return rows


def render_page(data: dict[str, Any], title: str) -> str:
    """The page's HTML: the template, its style and script, and ``data`` as JSON."""
    return _environment().get_template("explorer.html.j2").render(
        title=title, data_json=safe_json(data), css=_asset("explorer.css"), js=_asset("explorer.js"))


def render_trace_page(trace: dict[str, Any], title: str) -> str:
    """A page of one campaign's trace (``sinks.explore.campaign_trace``'s JSON): the timeline,
    the cascade tree and the adoptions with their evidence, without the overview."""
    data = {"title": title, "mode": "trace", "overview": None, "colours": styles()["labels"], "hoods": {},
            "traces": {trace["campaign"]: trace}, "index": [], "start": trace["campaign"]}
    return render_page(data, title)


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html", "j2"]))
