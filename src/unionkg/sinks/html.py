"""The interactive graph page: one self-contained, offline HTML file drawn with vis-network (pyvis).

The layout is computed here (physics off in the browser) and the full view is capped to the
``max_nodes`` best-connected nodes, so even the largest page draws in a few seconds; focused views
(``focus``/``hops``, ``campaign``, ``top``) show the rest. Every string from the articles reaches
the page as JSON data and is put on screen with ``textContent`` (tooltips are DOM elements built
in the page), so article text never becomes markup.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("Campaign:百千万工程", label="Campaign", name="百千万工程")
>>> write_html(G, "/tmp/page.html").nodes_shown
1
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.edge import Edge
from pyvis.network import Network

from ..analysis.lookup import find_one
from ..errors import UnionKGError
from ..types import Label, RelType
from .html_layout import layout_positions

__all__ = ["DEFAULT_MAX_NODES", "HARD_MAX_NODES", "HtmlReport", "select_view", "write_html"]

#: Nodes drawn at most in one page (measured: see docs/html-and-trace.md and benchmarks/bench_html.py).
DEFAULT_MAX_NODES = 1500
#: Above this the page still draws (20k nodes: 3 s) but pans at < 2 frames/s and lays out in 30 s.
HARD_MAX_NODES = 5000
ASSETS = Path(__file__).with_name("html_assets")


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
    if max_nodes < 1 or (top is not None and top < 1) or hops < 0:
        raise UnionKGError("max_nodes and top must be at least 1, hops at least 0")
    if max_nodes > HARD_MAX_NODES:
        raise UnionKGError(
            f"max_nodes {max_nodes} is above the page limit of {HARD_MAX_NODES} nodes",
            hint="draw a focused view instead: --focus NODE --hops N, --campaign NAME or --top N",
        )
    view = select_view(G, focus=focus, hops=hops, campaign=campaign)
    cap = min(top, max_nodes) if top is not None else max_nodes
    kept = cap_nodes(G, view, cap)
    degree = dict(G.degree())
    left = Counter(str(G.nodes[n].get("label", "?")) for n in view.nodes - set(kept))
    net = build_network(G, kept, degree)
    ties = relation_degree(G)
    min_degree = min((ties.get(n, 0) for n in kept), default=0)
    meta: dict[str, Any] = {
        "title": title,
        "view": view.description,
        "inView": len(view.nodes),
        "shown": len(kept),
        "edges": len(net.edges),
        "leftOut": dict(sorted(left.items())),
        "minDegree": min_degree,
        "cap": cap,
    }
    html = render_page(net, G, kept, meta)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return HtmlReport(
        path=out,
        view=view.description,
        nodes_in_view=len(view.nodes),
        nodes_shown=len(kept),
        edges_shown=len(net.edges),
        left_out=dict(sorted(left.items())),
        min_degree_shown=min_degree,
        bytes=out.stat().st_size,
        seconds=time.perf_counter() - started,
    )


def select_view(
    G: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 1, campaign: str | None = None
) -> View:
    """The nodes of the whole graph, of a ``hops`` neighbourhood of ``focus``, or of a campaign."""
    nodes: set[str] = set(G.nodes)
    anchors: list[str] = []
    parts: list[str] = []
    if campaign is not None:
        cid = find_one(G, campaign, Label.CAMPAIGN.value)
        nodes &= campaign_nodes(G, cid)
        anchors.append(cid)
        parts.append(f"campaign {G.nodes[cid].get('name', cid)}")
    if focus is not None:
        fid = find_one(G, focus)
        ego = nx.ego_graph(G, fid, radius=hops, undirected=True)
        nodes &= set(ego.nodes)
        anchors.append(fid)
        parts.append(f"{hops} hop(s) around {G.nodes[fid].get('name', fid)}")
    return View(frozenset(nodes), tuple(anchors), "; ".join(parts) or "whole graph")


def campaign_nodes(G: nx.MultiDiGraph, cid: str) -> set[str]:
    """A campaign, its adopters, their events, articles and people, and the adopters' superiors."""
    tags = campaign_tags(G)
    core = {n for n, camps in tags.items() if cid in camps}
    out = set(core)
    for n in core:
        if G.nodes[n].get("label") == Label.EVENT.value:
            out.update(_neighbours(G, n, skip=RelType.MENTIONS.value))
        if G.nodes[n].get("label") == Label.UNION_BODY.value:
            out.update(_superiors(G, n))
    return out


def cap_nodes(G: nx.MultiDiGraph, view: View, cap: int) -> list[str]:
    """The anchors plus the best-connected nodes of the view, at most ``cap`` (anchors always).

    Connections are counted without MENTIONS (every article mentions many things), ties broken
    by the full degree, then by id.
    """
    anchors = [a for a in view.anchors if a in view.nodes]
    ties = relation_degree(G)
    rest = sorted(view.nodes - set(anchors), key=lambda n: (-ties.get(n, 0), -G.degree(n), n))
    return sorted(anchors + rest[: max(0, cap - len(anchors))])


def relation_degree(G: nx.MultiDiGraph) -> dict[str, int]:
    """Edges per node, MENTIONS not counted."""
    out: dict[str, int] = {}
    for u, v, t in G.edges(data="type"):
        if t != RelType.MENTIONS.value:
            out[u] = out.get(u, 0) + 1
            out[v] = out.get(v, 0) + 1
    return out


def build_network(G: nx.MultiDiGraph, kept: list[str], degree: dict[str, int]) -> Network:
    """A pyvis network of the kept nodes and the edges between them, laid out in Python."""
    style = styles()
    index = {n: i for i, n in enumerate(kept)}
    edges = [
        (u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True) if u in index and v in index
    ]
    positions = layout_positions(len(kept), sorted({(index[u], index[v]) for u, v, _, _ in edges}))
    tags = campaign_tags(G)
    dates = node_dates(G)
    net = Network(directed=True, cdn_resources="in_line")
    for n, (x, y) in zip(kept, positions, strict=True):
        attrs = G.nodes[n]
        label = str(attrs.get("label", ""))
        look = style["labels"].get(label, style["fallback"])
        name = display_name(attrs, n)
        net.add_node(
            n,
            label=_short(name, int(style["label_chars"])),
            shape=look["shape"],
            color=look["color"],
            x=x,
            y=y,
            size=round(8 + 3 * math.sqrt(degree.get(n, 0)), 1),
            physics=False,
            lab=label,
            nm=name,
            al=_strings(attrs.get("aliases")),
            lv=_text(attrs.get("level") or attrs.get("kind")),
            dt=_text(attrs.get("date")),
            ds=dates.get(n, []),
            cp=sorted(tags.get(n, ())),
            deg=degree.get(n, 0),
            na=len(attrs.get("articles") or ()),
            inf=bool(attrs.get("inferred")),
        )
    for i, (u, v, _k, a) in enumerate(sorted(edges, key=lambda e: (e[0], e[1], str(e[2])))):
        net.edges.append(Edge(u, v, True, **edge_data(G, i, v, a)).options)
    return net


def edge_data(G: nx.MultiDiGraph, i: int, v: str, a: dict[str, Any]) -> dict[str, Any]:
    """The page's record of one edge: type, mode/title, date, evidence and article title."""
    etype = str(a.get("type", ""))
    evidence = [e for e in a.get("evidence") or () if isinstance(e, dict)]
    first = evidence[0] if evidence else {}
    article = _text(a.get("article") or first.get("article"))
    art_node = G.nodes.get(f"Article:{article}", {}) if article else {}
    qualifier = _text(a.get("mode") or a.get("title"))
    return {
        "id": f"e{i}",
        "label": etype,
        "ty": etype,
        "q": qualifier,
        "d": _text(a.get("date")),
        "ev": _text(first.get("sentence")),
        "more": max(0, len(evidence) - 1),
        "art": article,
        "at": _text(art_node.get("title")),
        "rule": _text(first.get("rule") or a.get("rule")),
        "cp": [v] if etype == RelType.IMPLEMENTS.value and G.nodes[v].get("label") == Label.CAMPAIGN.value else [],
    }


def render_page(net: Network, G: nx.MultiDiGraph, kept: list[str], meta: dict[str, Any]) -> str:
    """The page: pyvis's inline vis-network, our stylesheet and script, the data as JSON."""
    style = styles()
    campaigns = sorted(
        (n, str(G.nodes[n].get("name", n))) for n in kept if G.nodes[n].get("label") == Label.CAMPAIGN.value
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
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(ASSETS)), FileSystemLoader(net.template_dir)]),
        autoescape=select_autoescape(["html", "j2"]),
    )
    return env.get_template("page.html.j2").render(
        title=meta["title"],
        data_json=safe_json(data),
        page_css=(ASSETS / "page.css").read_text(encoding="utf-8"),
        page_js=(ASSETS / "page.js").read_text(encoding="utf-8"),
    )


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
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` characters."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def styles() -> dict[str, Any]:
    """Colours and shapes per label (``html_assets/styles.json``)."""
    return dict(json.loads((ASSETS / "styles.json").read_text(encoding="utf-8")))


def campaign_tags(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """For each node, the campaigns it took part in: adopters, the events and articles carrying them."""
    tags: dict[str, set[str]] = {}
    for u, v, a in G.edges(data=True):
        if a.get("type") != RelType.IMPLEMENTS.value or G.nodes[v].get("label") != Label.CAMPAIGN.value:
            continue
        related = [v, u, a.get("event")]
        related += [f"Article:{art}" for art in _articles_of(a)]
        for n in related:
            if isinstance(n, str) and n in G:
                tags.setdefault(n, set()).add(v)
    return tags


def node_dates(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Dates a node is active on: its own ``date`` (events, articles) or its dated edges'."""
    dates: dict[str, set[str]] = {}
    for n, attrs in G.nodes(data=True):
        if isinstance(attrs.get("date"), str) and attrs["date"]:
            dates.setdefault(n, set()).add(attrs["date"])
    for u, v, a in G.edges(data=True):
        d = a.get("date")
        if isinstance(d, str) and d:
            for n in (u, v):
                if not isinstance(G.nodes[n].get("date"), str):
                    dates.setdefault(n, set()).add(d)
    return {n: sorted(ds) for n, ds in dates.items()}


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
