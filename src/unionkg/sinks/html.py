"""The interactive graph page: one self-contained, offline HTML file drawn with vis-network (pyvis).

The layout is computed here (physics off in the browser) and the full view is capped to the
``max_nodes`` best-connected nodes, so even the largest page draws in a few seconds; focused views
(``focus``/``hops``, ``campaign``, ``top``) show the rest. Every string from the articles reaches
the page as JSON data and is put on screen with ``textContent`` (tooltips are DOM elements built
in the page), so article text never becomes markup.

Whole-graph statistics come from one pass over networkx's own adjacency dicts (:func:`scan_edges`;
its views cost several times more); everything else is computed for the drawn nodes only.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("Campaign:百千万工程", label="Campaign", name="百千万工程")
>>> write_html(G, "/tmp/page.html").nodes_shown
1
"""

from __future__ import annotations

import heapq
import importlib.util
import json
import math
import os
import signal
import threading
import time
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

import orjson
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from ..analysis.lookup import find_one
from ..errors import UnionKGError
from ..model import GraphStore
from ..model.part import Part, part_of
from ..outputs import check_output_file, writing
from ..types import Label, RelType

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["DEFAULT_MAX_NODES", "HARD_MAX_NODES", "HtmlReport", "select_view", "write_html", "write_store_html"]

#: Nodes drawn at most in one page (measured: see docs/html-and-trace.md and benchmarks/bench_html.py).
DEFAULT_MAX_NODES = 1500
#: Above this the page still draws (20k nodes: 3 s) but pans at < 2 frames/s and lays out in 30 s.
HARD_MAX_NODES = 5000
ASSETS = Path(__file__).with_name("html_assets")
#: pyvis's vis-network files, inlined into the page (template variable: file under pyvis's templates).
VIS_FILES = {"vis_css": "lib/vis-9.1.2/vis-network.css", "vis_js": "lib/vis-9.1.2/vis-network.min.js"}
ARTICLE = "Article:"
CAMPAIGN = Label.CAMPAIGN.value
IMPLEMENTS = RelType.IMPLEMENTS.value
MENTIONS = RelType.MENTIONS.value

Edge = tuple[str, str, dict[str, Any]]
#: What a page is drawn from: a whole graph, or the part of a store it draws (``page_graph``).
Drawn: TypeAlias = "nx.MultiDiGraph | Part"
#: The positions of a page's nodes, when asked (``LayoutAhead``).
Positions: TypeAlias = Callable[[], list[tuple[float, float]]]
#: Nodes from which a store's page is laid out in a forked process while the rest is read.
AHEAD_NODES = 300


@dataclass(frozen=True)
class HtmlReport:
    """What a page holds and what it left out."""

    path: Path
    view: str
    nodes_in_view: int
    nodes_shown: int
    edges_shown: int
    left_out: dict[str, int] = field(default_factory=dict)
    min_degree_shown: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def nodes_left_out(self) -> int:
        return self.nodes_in_view - self.nodes_shown


@dataclass(frozen=True)
class View:
    """The nodes a page is about, before the cap; ``anchors`` are always kept."""

    nodes: frozenset[str]
    anchors: tuple[str, ...]
    description: str
    labels: dict[str, str | None] = field(default_factory=dict)  # those a store's view read: not to ask again


@cache
def pyvis_templates() -> str:
    """pyvis's template folder (as its ``Network.template_dir``), found without importing pyvis,
    whose package pulls in IPython (a tenth of a second)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise UnionKGError("pyvis is not installed", hint="pip install pyvis: the page inlines its vis-network")
    return list(spec.submodule_search_locations)[0] + "/templates/"


@dataclass
class Network:
    """The page's nodes and edges as vis-network records: what a pyvis ``Network`` holds for the
    page (``node_map``: the records by node id)."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    node_map: dict[str, dict[str, Any]] = field(default_factory=dict)
    template_dir: str = field(default_factory=pyvis_templates)


class EdgeScan(NamedTuple):
    """What the page needs from all edges: edges per node without MENTIONS, dated and IMPLEMENTS edges."""

    ties: dict[str, int]
    dated: list[tuple[str, str, str]]
    implements: list[Edge]


@dataclass(frozen=True)
class NodeFacts:
    """What the page shows of its nodes beyond their attributes, counted over the whole graph: edges
    without MENTIONS (``ties``), all edges (``degree``), the dates a node is active on, and the
    campaigns it took part in; ``articles``: the length of each node's ``articles`` list where its
    attributes were read without it (None: count the list)."""

    ties: dict[str, int]
    degree: dict[str, int]
    dates: dict[str, list[str]]
    tags: dict[str, set[str]]
    articles: dict[str, int] | None = None


def graph_facts(G: nx.MultiDiGraph, kept: list[str], scan: EdgeScan) -> NodeFacts:
    """The ``NodeFacts`` of ``kept`` in a whole graph."""
    index = {n: i for i, n in enumerate(kept)}
    return NodeFacts(ties=scan.ties, degree={n: node_degree(G, n) for n in index},
                     dates=node_dates(G, kept, scan.dated), tags=campaign_tags(G, index, scan.implements))


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    focus: str | None = None,
    hops: int = 1,
    campaign: str | None = None,
    top: int | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    title: str = "unionkg graph",
) -> HtmlReport:
    """Write the interactive page for ``G`` (or a focused view of it) to ``path``."""
    started = time.perf_counter()
    check_output_file(path)
    _check(max_nodes, top, hops)
    view = select_view(G, focus=focus, hops=hops, campaign=campaign)
    cap = min(top, max_nodes) if top is not None else max_nodes
    scan = scan_edges(G)
    kept = cap_nodes(G, view, cap, scan.ties)
    left = left_out(G, view.nodes.difference(kept))
    return _write_page(G, kept, graph_facts(G, kept, scan), view.description, len(view.nodes), left, cap, path,
                       title, started)


def _check(max_nodes: int, top: int | None, hops: int) -> None:
    if max_nodes < 1 or (top is not None and top < 1) or hops < 0:
        raise UnionKGError("max_nodes and top must be at least 1, hops at least 0")
    if max_nodes > HARD_MAX_NODES:
        raise UnionKGError(
            f"max_nodes {max_nodes} is above the page limit of {HARD_MAX_NODES} nodes",
            hint="draw a focused view instead: --focus NODE --hops N, --campaign NAME or --top N",
        )


def _write_page(G: Drawn, kept: list[str], facts: NodeFacts, description: str, in_view: int,
                left: dict[str, int], cap: int, path: str | Path, title: str, started: float,
                positions: Positions | None = None) -> HtmlReport:
    """The page of the ``kept`` nodes of ``G`` (which holds them and the edges among them), with
    what the view left out (``positions``: see ``build_network``)."""
    net = build_network(G, kept, facts, positions)
    min_degree = min((facts.ties.get(n, 0) for n in kept), default=0)
    meta: dict[str, Any] = {
        "title": title,
        "view": description,
        "inView": in_view,
        "shown": len(kept),
        "edges": len(net.edges),
        "leftOut": left,
        "minDegree": min_degree,
        "cap": cap,
    }
    html = render_page(net, G, kept, meta)
    out = Path(path)
    with writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    return HtmlReport(
        path=out,
        view=description,
        nodes_in_view=in_view,
        nodes_shown=len(kept),
        edges_shown=len(net.edges),
        left_out=left,
        min_degree_shown=min_degree,
        bytes=out.stat().st_size,
        seconds=time.perf_counter() - started,
    )


def select_view(
    G: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 1, campaign: str | None = None
) -> View:
    """The nodes of the whole graph, of a ``hops`` neighbourhood of ``focus``, or of a campaign."""
    nodes: set[str] = set(G._node)
    anchors: list[str] = []
    parts: list[str] = []
    if campaign is not None:
        cid = find_one(G, campaign, CAMPAIGN)
        nodes &= campaign_nodes(G, cid)
        anchors.append(cid)
        parts.append(f"campaign {G.nodes[cid].get('name', cid)}")
    if focus is not None:
        fid = find_one(G, focus)
        nodes &= _within(G, fid, hops)
        anchors.append(fid)
        parts.append(f"{hops} hop(s) around {G.nodes[fid].get('name', fid)}")
    return View(frozenset(nodes), tuple(anchors), "; ".join(parts) or "whole graph")


def _within(G: nx.MultiDiGraph, source: str, hops: int) -> set[str]:
    """The nodes at most ``hops`` edges (either direction) from ``source``: ``nx.ego_graph``'s nodes."""
    seen = {source}
    frontier = [source]
    for _ in range(hops):
        reached = {m for n in frontier for adj in (G._succ[n], G._pred[n]) for m in adj}
        frontier = list(reached - seen)
        seen |= reached
    return seen


def campaign_nodes(G: nx.MultiDiGraph, cid: str) -> set[str]:
    """A campaign, its adopters, their events, articles and people, and the adopters' superiors."""
    tags = campaign_tags(G)
    core = {n for n, camps in tags.items() if cid in camps}
    out = set(core)
    for n in core:
        if G.nodes[n].get("label") == Label.EVENT.value:
            out.update(_neighbours(G, n, skip=MENTIONS))
        if G.nodes[n].get("label") == Label.UNION_BODY.value:
            out.update(_superiors(G, n))
    return out


def scan_edges(G: nx.MultiDiGraph) -> EdgeScan:
    """One pass over all edges (networkx's adjacency dicts, not its slower views)."""
    ties: dict[str, int] = {}
    dated: list[tuple[str, str, str]] = []
    implements: list[Edge] = []
    for u, nbrs in G._succ.items():
        own = 0
        for v, keyed in nbrs.items():
            for a in keyed.values():
                if isinstance(d := a.get("date"), str) and d:
                    dated.append((u, v, d))
                if (t := a.get("type")) != MENTIONS:
                    own += 1
                    ties[v] = ties.get(v, 0) + 1
                    if t == IMPLEMENTS:
                        implements.append((u, v, a))
        if own:
            ties[u] = ties.get(u, 0) + own
    return EdgeScan(ties, dated, implements)


def cap_nodes(G: nx.MultiDiGraph, view: View, cap: int, ties: dict[str, int]) -> list[str]:
    """The anchors plus the best-connected nodes of the view, at most ``cap`` (anchors always), by id.

    Connections are counted without MENTIONS (``ties``: every article mentions many things), ties
    broken by the full degree, then by id.
    """
    anchors = [a for a in view.anchors if a in view.nodes]
    room = max(0, cap - len(anchors))
    rest = list(view.nodes.difference(anchors))
    if len(rest) > room:
        rest = _best(G, rest, ties, room)
    return sorted(anchors + rest)


def _best(G: nx.MultiDiGraph, nodes: list[str], ties: dict[str, int], room: int) -> list[str]:
    """The ``room`` first of ``nodes`` by ties, degree, id: the degree is needed at the cut only."""
    if room == 0:
        return []
    counts = [ties.get(n, 0) for n in nodes]
    floor = heapq.nlargest(room, counts)[-1]
    above = [n for n, c in zip(nodes, counts, strict=True) if c > floor]
    at = sorted((-node_degree(G, n), n) for n, c in zip(nodes, counts, strict=True) if c == floor)
    return above + [n for _, n in at[: room - len(above)]]


def node_degree(G: nx.MultiDiGraph, n: str) -> int:
    """``G.degree(n)``: edges out plus edges in (a self-loop twice)."""
    return sum(map(len, G._succ[n].values())) + sum(map(len, G._pred[n].values()))


def left_out(G: nx.MultiDiGraph, nodes: Collection[str]) -> dict[str, int]:
    """Nodes per label, of ``nodes`` (the view's nodes the cap left out)."""
    labels = Counter(str(a.get("label", "?")) for n, a in G._node.items() if n in nodes)
    return dict(sorted(labels.items()))


def build_network(G: Drawn, kept: list[str], facts: NodeFacts, positions: Positions | None = None) -> Network:
    """The network of the kept nodes and the edges between them, laid out in Python (or by
    ``positions``, the layout of those nodes and edges made meanwhile: ``LayoutAhead``).

    Its node and edge records are the dicts pyvis's ``add_node`` and ``Edge`` make, keys in sorted
    order (cheaper for :func:`safe_json` to sort); a repeated node (an anchor named twice) is skipped
    as ``add_node`` does, by a dict look-up, not its list scan.
    """
    index = {n: i for i, n in enumerate(kept)}
    edges = sorted(_edges_between(G, kept, index), key=lambda e: (e[0], e[1], str(e[2])))
    if positions is None:
        from .html_layout import layout_positions  # numpy: imported where a page is laid out

        at = layout_positions(len(kept), sorted({(index[u], index[v]) for u, v, _, _ in edges}))
    else:
        at = positions()
    net = Network()
    for n, (x, y) in zip(kept, at, strict=True):
        if n in net.node_map:
            continue
        attrs = G._node[n]
        articles = len(attrs.get("articles") or ()) if facts.articles is None else facts.articles.get(n, 0)
        record = node_data(attrs, n, facts.degree[n], facts.dates.get(n, []), sorted(facts.tags.get(n, ())), x, y,
                           articles)
        net.nodes.append(record)
        net.node_map[n] = record
    for i, (u, v, _k, a) in enumerate(edges):
        net.edges.append(edge_data(G, i, u, v, a))
    return net


def _edges_between(
    G: Drawn, kept: list[str], index: dict[str, int]
) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
    for u in kept:
        for v, keyed in G._succ[u].items():
            if v in index:
                for k, a in keyed.items():
                    yield u, v, k, a


def node_data(
    attrs: dict[str, Any], n: str, degree: int, dates: list[str], camps: list[str], x: float, y: float,
    articles: int | None = None,
) -> dict[str, Any]:
    """The page's record of one node, at ``x``, ``y`` (the options pyvis's ``add_node`` makes);
    ``articles``: how many articles it is in (None: its ``articles`` list's length)."""
    style = styles()
    label = str(attrs.get("label", ""))
    look = style["labels"].get(label, style["fallback"])
    name = display_name(attrs, n)
    return {
        "al": _strings(attrs.get("aliases")),
        "color": look["color"],
        "cp": camps,
        "deg": degree,
        "ds": dates,
        "dt": _text(attrs.get("date")),
        "id": n,
        "inf": bool(attrs.get("inferred")),
        "lab": label,
        "label": _short(name, int(style["label_chars"])) or n,
        "lv": _text(attrs.get("level") or attrs.get("kind")),
        "na": len(attrs.get("articles") or ()) if articles is None else articles,
        "nm": name,
        "physics": False,
        "shape": look["shape"],
        "size": round(8 + 3 * math.sqrt(degree), 1),
        "x": x,
        "y": y,
    }


def _record_article(a: dict[str, Any]) -> str:
    """The article an edge's record names (``edge_data``): its own, or its first evidence's."""
    first = next((e for e in a.get("evidence") or () if isinstance(e, dict)), {})
    return _text(a.get("article") or first.get("article"))


def edge_data(G: Drawn, i: int, u: str, v: str, a: dict[str, Any]) -> dict[str, Any]:
    """The page's record of edge ``i`` (pyvis's ``Edge`` options): type, mode/title, date, evidence
    and article title."""
    etype = str(a.get("type", ""))
    evidence = [e for e in a.get("evidence") or () if isinstance(e, dict)]
    first = evidence[0] if evidence else {}
    article = _record_article(a)
    art_node = G._node.get(ARTICLE + article, {}) if article else {}
    return {
        "arrows": "to",
        "art": article,
        "at": _text(art_node.get("title")),
        "cp": [v] if etype == IMPLEMENTS and G._node[v].get("label") == CAMPAIGN else [],
        "d": _text(a.get("date")),
        "ev": _text(first.get("sentence")),
        "from": u,
        "id": f"e{i}",
        "label": etype,
        "more": max(0, len(evidence) - 1),
        "q": _text(a.get("mode") or a.get("title")),
        "rule": _text(first.get("rule") or a.get("rule")),
        "to": v,
        "ty": etype,
    }


def render_page(net: Network, G: Drawn, kept: list[str], meta: dict[str, Any]) -> str:
    """The page: pyvis's inline vis-network, our stylesheet and script, the data as JSON."""
    style = styles()
    campaigns = sorted(
        (n, str(G.nodes[n].get("name", n))) for n in kept if G.nodes[n].get("label") == CAMPAIGN
    )
    data = {
        "meta": meta,
        "nodes": net.nodes,
        "edges": net.edges,
        "labels": {k: v for k, v in style["labels"].items()},
        "hiddenTypes": style["hidden_types"],
        "types": [t.value for t in RelType],
        "campaigns": [{"id": c, "name": nm} for c, nm in campaigns],
        "options": vis_options(len(net.nodes), len(net.edges)),
    }
    env = _environment(net.template_dir)
    return env.get_template("page.html.j2").render(
        title=meta["title"],
        data_json=safe_json(data),
        page_css=(ASSETS / "page.css").read_text(encoding="utf-8"),
        page_js=(ASSETS / "page.js").read_text(encoding="utf-8"),
        **{key: _included(env, name) for key, name in VIS_FILES.items()},
    )


@cache
def _environment(pyvis_templates: str) -> Environment:
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(ASSETS)), FileSystemLoader(pyvis_templates)]),
        autoescape=select_autoescape(["html", "j2"]),
    )


def _included(env: Environment, name: str) -> str:
    """What ``{% include name %}`` writes: the file itself when it holds no Jinja syntax (Jinja drops
    its last newline only), without running Jinja's lexer over pyvis's 700 kB of vis-network."""
    assert env.loader is not None
    source = env.loader.get_source(env, name)[0]
    if any(mark in source for mark in ("{{", "{%", "{#", "\r")):
        return env.get_template(name).render()
    return source.removesuffix("\n")


def vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: no physics (positions are given), cheaper drawing on big pages."""
    big = n_nodes + n_edges > 3000
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
        },
        "nodes": {"borderWidth": 1, "font": {"size": 13, "face": "sans-serif"}},
        "edges": {
            "smooth": False,
            "width": 1,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333"},
            "font": {"size": 9, "color": "#555555", "strokeWidth": 2, "align": "middle"},
        },
    }


def safe_json(data: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` characters.

    Compact, keys sorted, non-ASCII as is: ``json.dumps(data, ensure_ascii=False, sort_keys=True,
    separators=(",", ":"))``'s text, by orjson (4x faster). The two differ only on floats below
    1e-4 (0.00001 for 1e-05) and on NaN and infinities: the page's numbers are counts, sizes and
    positions rounded to 0.1 px."""
    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    return text.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026").decode("utf-8")


@cache
def styles() -> dict[str, Any]:
    """Colours and shapes per label (``html_assets/styles.json``)."""
    return dict(json.loads((ASSETS / "styles.json").read_text(encoding="utf-8")))


def campaign_tags(
    G: nx.MultiDiGraph, nodes: Collection[str] | None = None, implements: Iterable[Edge] | None = None
) -> dict[str, set[str]]:
    """For each node (of ``nodes``, default all), the campaigns it took part in: adopters, the events
    and articles carrying them (``implements``: the IMPLEMENTS edges, default found here)."""
    wanted: Collection[str] = G._node if nodes is None else nodes
    articles = {n[len(ARTICLE):] for n in wanted if n.startswith(ARTICLE)}
    campaign: dict[str, bool] = {}
    tags: dict[str, set[str]] = {}
    for u, v, a in _implements(G) if implements is None else implements:
        if v not in campaign:
            campaign[v] = G._node[v].get("label") == CAMPAIGN
        if not campaign[v]:
            continue
        related = [n for n in (v, u, a.get("event")) if isinstance(n, str) and n in wanted]
        if articles:
            related += [ARTICLE + art for art in _articles_of(a) if art in articles]
        for n in related:
            tags.setdefault(n, set()).add(v)
    return tags


def _implements(G: nx.MultiDiGraph) -> Iterator[Edge]:
    for v, attrs in G._node.items():
        if attrs.get("label") == CAMPAIGN:
            for u, keyed in G._pred[v].items():
                yield from ((u, v, a) for a in keyed.values() if a.get("type") == IMPLEMENTS)


def node_dates(G: nx.MultiDiGraph, nodes: Iterable[str], dated: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Dates each of ``nodes`` is active on: its own ``date`` (events, articles) or, if it has no
    ``date`` string, its ``dated`` edges' (from :func:`scan_edges`)."""
    found: dict[str, set[str]] = {}
    undated: set[str] = set()
    for n in nodes:
        own = G._node[n].get("date")
        if not isinstance(own, str):
            undated.add(n)
        elif own:
            found[n] = {own}
    for u, v, d in dated:
        if u in undated:
            found.setdefault(u, set()).add(d)
        if v in undated:
            found.setdefault(v, set()).add(d)
    return {n: sorted(ds) for n, ds in found.items()}


def display_name(attrs: dict[str, Any], node: str) -> str:
    """What a node is called on the page: its name, an article's title, an event's title."""
    for key in ("name", "title"):
        value = attrs.get(key)
        if isinstance(value, str) and value:
            return value
    return node


def _articles_of(a: dict[str, Any]) -> Iterable[str]:
    if isinstance(a.get("article"), str):
        yield a["article"]
    for e in a.get("evidence") or ():
        if isinstance(e, dict) and isinstance(e.get("article"), str):
            yield e["article"]


def _neighbours(G: nx.MultiDiGraph, n: str, skip: str) -> set[str]:
    out = {v for _, v, t in G.out_edges(n, data="type") if t != skip}
    return out | {u for u, _, t in G.in_edges(n, data="type") if t != skip}


def _superiors(G: nx.MultiDiGraph, n: str) -> list[str]:
    chain: list[str] = []
    seen = {n}
    current = n
    while True:
        ups = sorted(v for _, v, t in G.out_edges(current, data="type") if t == RelType.SUBORDINATE_TO.value)
        ups = [u for u in ups if u not in seen]
        if not ups:
            return chain
        current = ups[0]
        seen.add(current)
        chain.append(current)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def write_store_html(store: GraphStore, path: str | Path, *, focus: str | None = None, hops: int = 1,
                     campaign: str | None = None, top: int | None = None, max_nodes: int = DEFAULT_MAX_NODES,
                     title: str = "unionkg graph") -> HtmlReport:
    """``write_html`` for the graph of a build's store, reading only what the page draws: the view's
    node ids, the kept nodes with the edges at them, and the IMPLEMENTS edges that tag them. The
    same page as ``write_html(to_networkx(store), ...)``."""
    started = time.perf_counter()
    check_output_file(path)
    _check(max_nodes, top, hops)
    cap = min(top, max_nodes) if top is not None else max_nodes
    ties: dict[str, int] | None = None
    if focus is None and campaign is None:
        kept, in_view, left = _store_top(store, cap)
        description = "whole graph"
    else:
        view = store_view(store, focus=focus, hops=hops, campaign=campaign)
        anchors = [a for a in view.anchors if a in view.nodes]
        rest = view.nodes.difference(anchors)
        room = max(0, cap - len(anchors))
        if len(rest) > room:
            ties = store.ties(rest)
            rest = frozenset(_store_best(store, ties, list(rest), room))
            ties.update(store.ties(anchors))  # now of every kept node
        kept = sorted([*anchors, *rest])
        in_view, description = len(view.nodes), view.description
        out = view.nodes.difference(kept)
        counts = Counter(str(view.labels[n]) for n in out if n in view.labels)
        counts.update(store.label_counts(n for n in out if n not in view.labels))
        left = dict(sorted(counts.items()))
    found = store.ends_between(kept)
    ahead = None
    if len(kept) >= AHEAD_NODES:
        at = {n: i for i, n in enumerate(kept)}  # as build_network's index
        ahead = LayoutAhead(len(kept), sorted({(at[u], at[v]) for _, u, v, _ in found}))
    try:
        g = page_graph(store, kept, found)
        facts = store_facts(store, g, kept, ties)
        return _write_page(g, kept, facts, description, in_view, left, cap, path, title, started, ahead)
    finally:
        if ahead is not None:
            ahead.close()


class LayoutAhead:
    """``layout_positions(n, edges)``, made in a forked process while the caller reads the rest of
    its page (the layout is numpy's work on both cores for a big page, the rest SQLite's and
    Python's on one; numpy is imported there too); where a process cannot be forked (no ``os.fork``,
    other threads running) or fails, made when asked. Call it for the positions (they come back as
    the floats they are, ``array``'s bytes); ``close`` stops a child whose positions are not wanted."""

    def __init__(self, n: int, edges: list[tuple[int, int]]) -> None:
        self.n, self.edges = n, edges
        self.pid, self.read = 0, -1
        if hasattr(os, "fork") and threading.active_count() == 1:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: lay out, write, leave without running the parent's clean-up
                code = 1
                try:
                    os.close(read)
                    flat = array("d", (c for xy in self.here() for c in xy)).tobytes()
                    with os.fdopen(write, "wb") as out:
                        out.write(flat)
                    code = 0
                finally:
                    os._exit(code)
            os.close(write)
            self.pid, self.read = pid, read

    def here(self) -> list[tuple[float, float]]:
        """The positions, made in this process."""
        from .html_layout import layout_positions  # numpy: imported where a page is laid out

        return layout_positions(self.n, self.edges)

    def __call__(self) -> list[tuple[float, float]]:
        if not self.pid:
            return self.here()
        with os.fdopen(self.read, "rb") as got:
            data = got.read()
        pid, self.pid = self.pid, 0
        _, status = os.waitpid(pid, 0)
        if status != 0 or len(data) != 16 * self.n:
            return self.here()
        flat = array("d")
        flat.frombytes(data)
        return list(zip(flat[0::2], flat[1::2], strict=True))

    def close(self) -> None:
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            os.close(self.read)
            self.pid = 0


def store_view(store: GraphStore, *, focus: str | None = None, hops: int = 1, campaign: str | None = None) -> View:
    """``select_view`` in a store (a campaign's or a focus's nodes; the whole graph is not listed)."""
    nodes: set[str] | None = None
    anchors: list[str] = []
    parts: list[str] = []
    labels: dict[str, str | None] = {}
    if campaign is not None:
        cid = find_one(store, campaign, CAMPAIGN)
        nodes, labels = _campaign_nodes(store, cid)
        anchors.append(cid)
        parts.append(f"campaign {store.node_attrs([cid], lists=False)[cid].get('name', cid)}")
    if focus is not None:
        fid = find_one(store, focus)
        seen = {fid}
        frontier = {fid}
        for _ in range(hops):
            frontier = store.neighbours(frontier).difference(seen)
            seen |= frontier
        nodes = seen if nodes is None else nodes & seen
        anchors.append(fid)
        parts.append(f"{hops} hop(s) around {store.node_attrs([fid], lists=False)[fid].get('name', fid)}")
    assert nodes is not None
    return View(frozenset(nodes), tuple(anchors), "; ".join(parts), labels)


def store_campaign_nodes(store: GraphStore, cid: str) -> set[str]:
    """``campaign_nodes`` in a store."""
    return _campaign_nodes(store, cid)[0]


def _campaign_nodes(store: GraphStore, cid: str) -> tuple[set[str], dict[str, str | None]]:
    """``store_campaign_nodes``, and the labels it read (of the adopters, events and articles)."""
    adoptions = store.adoption_ends(cid)
    cited = store.evidence_articles(r[0] for r in adoptions)
    candidates = {cid} if adoptions else set()
    for seq, u, event, article in adoptions:  # as _articles_of: its article, its evidence's
        candidates.add(u)
        if isinstance(event, str):
            candidates.add(event)
        if isinstance(article, str):
            candidates.add(ARTICLE + article)
        candidates.update(ARTICLE + art for art in cited.get(seq, ()))
    labels = store.labels_of(candidates)
    core = set(labels)  # those that are nodes
    out = set(core)
    events = [n for n in core if labels[n] == Label.EVENT.value]
    out |= store.neighbours(events, mentions=False)
    bodies = sorted(n for n in core if labels[n] == Label.UNION_BODY.value)
    ups: dict[str, list[str]] = {}
    frontier = set(bodies)
    asked = set(frontier)
    while frontier:  # the SUBORDINATE_TO edges above the bodies, a level at a time
        step = store.superiors_of(frontier)
        for u, v in step:
            ups.setdefault(u, []).append(v)
        frontier = {v for _, v in step}.difference(asked)
        asked |= frontier
    for n in bodies:
        out.update(_superiors_in(ups, n))
    return out, labels


def _superiors_in(ups: dict[str, list[str]], n: str) -> list[str]:
    """``_superiors`` with the SUBORDINATE_TO targets of each node given."""
    chain: list[str] = []
    seen = {n}
    current = n
    while True:
        above = sorted(u for u in ups.get(current, ()) if u not in seen)
        if not above:
            return chain
        current = above[0]
        seen.add(current)
        chain.append(current)


def _store_top(store: GraphStore, cap: int) -> tuple[list[str], int, dict[str, int]]:
    """The whole graph's ``cap`` best-connected nodes (``cap_nodes`` without anchors), its node
    count, and what was left out per label."""
    total = store.number_of_nodes()
    if total <= cap:
        kept = sorted(r[0] for r in store.db.execute("SELECT id FROM nodes"))
        return kept, total, {}
    ties = store.ties()
    ranked = sorted(ties.items(), key=lambda kv: -kv[1])
    floor = ranked[cap - 1][1] if len(ranked) >= cap else 0
    above = [n for n, c in ranked if c > floor]
    if floor > 0:
        at = [n for n, c in ranked if c == floor]
    else:  # every node without a tie is at the floor too
        at = [n for (n,) in store.db.execute("SELECT id FROM nodes") if ties.get(n, 0) == 0]
        at += [n for n, c in ranked if c == 0]
    kept = sorted(above + _by_degree(store, at, ties, cap - len(above)))
    left = store.labels()
    for label, n in store.label_counts(kept).items():
        left[label] -= n
    return kept, total, {k: v for k, v in sorted(left.items()) if v}


def _store_best(store: GraphStore, ties: dict[str, int], nodes: list[str], room: int) -> list[str]:
    """``_best`` with the store's counts."""
    if room == 0:
        return []
    counts = [ties.get(n, 0) for n in nodes]
    floor = heapq.nlargest(room, counts)[-1]
    above = [n for n, c in zip(nodes, counts, strict=True) if c > floor]
    at = [n for n, c in zip(nodes, counts, strict=True) if c == floor]
    return above + _by_degree(store, at, ties, room - len(above))


def _by_degree(store: GraphStore, nodes: list[str], ties: dict[str, int], room: int) -> list[str]:
    """The first ``room`` of ``nodes`` by degree (ties and MENTIONS), then id."""
    mentions = store.mention_counts(nodes)
    at = sorted((-(ties.get(n, 0) + mentions.get(n, 0)), n) for n in nodes)
    return [n for _, n in at[:room]]


def page_graph(store: GraphStore, kept: list[str], found: list[tuple[int, str, str, str | None]] | None = None
               ) -> Part:
    """What the page of ``kept`` draws: those nodes (their ``articles`` lists left out: the page
    shows their lengths, which ``store_facts`` counts), the edges among them (with their evidence:
    the sentence of the first only, the one the page shows; ``found``: their ``ends_between``) and
    the article each edge's record names."""
    attrs = store.node_attrs(kept, lists="aliases")
    edges = store.edges_between(attrs, sentences="first", found=found)
    cited = {ARTICLE + a for e in edges if (a := _record_article(e[4]))}
    attrs.update(store.node_attrs(cited.difference(attrs), lists=False))
    return part_of(attrs, edges)


def store_facts(store: GraphStore, g: Drawn, kept: list[str], ties: dict[str, int] | None = None) -> NodeFacts:
    """The ``NodeFacts`` of ``kept`` from the store's counts, edge dates and IMPLEMENTS edges (the
    same as ``graph_facts`` of the whole graph). ``ties``: the store's ``ties`` of every kept node
    (and maybe others) when the caller has them."""
    wanted = set(kept)
    ties = store.ties(kept) if ties is None else {n: ties[n] for n in kept if n in ties}
    mentions = store.mention_counts(kept)
    undated = [n for n in kept if not isinstance(g._node[n].get("date"), str)]
    dates = {n: {own} for n in kept if isinstance(own := g._node[n].get("date"), str) and own}
    for n, d in store.edge_dates(undated):
        dates.setdefault(n, set()).add(d)
    tags = store.campaign_tags(kept)  # adopters and campaigns among kept
    articles = {n[len(ARTICLE):] for n in wanted if n.startswith(ARTICLE)}
    if articles or any(n.startswith("Event:") for n in wanted):  # the edges whose event or article is kept
        rows = store.campaign_adoptions(kept)
        cited = store.evidence_articles(r[0] for r in rows) if articles else {}
        for seq, u, v, event, article in rows:
            related = [n for n in (v, u, event) if isinstance(n, str) and n in wanted]
            if articles:
                arts = ([article] if isinstance(article, str) else []) + cited.get(seq, [])
                related += [ARTICLE + a for a in arts if a in articles]
            for n in related:
                tags.setdefault(n, set()).add(v)
    # a node with a label has an ``articles`` list, with a row of node_articles for each (``node_dict``)
    listed = {n: c for n, c in store.article_counts(kept).items() if g._node[n].get("label") is not None}
    return NodeFacts(ties=ties, degree={n: ties.get(n, 0) + mentions.get(n, 0) for n in wanted},
                     dates={n: sorted(ds) for n, ds in dates.items()}, tags=tags, articles=listed)
