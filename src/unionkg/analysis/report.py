"""``unionkg trace`` as library calls: read what the trace needs from a build's store, trace a
campaign (``trace_build``), render it (``render``; the page is ``sinks.trace_page``); or say
why the campaign's names are one campaign (``explain_build``, from the store's ``campaign_merges``
table).

The trace reads one campaign's adoptions (its IMPLEMENTS edges and those of the documents that
carry it, their events' organisers and articles), the SUBORDINATE_TO chains above the adopters,
and the hierarchy's counts (union bodies per level and per city, from the ``cities`` table the
build fills): nothing else of the graph.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from ..errors import UnionKGError
from ..model import GraphStore
from ..model.part import Part
from ..resolve.campaigns import Families, explain
from ..types import Label, RelType
from .lookup import find_campaign, names_of
from .trace import Adoption, Trace, UnionCensus, make_adoptions, trace
from .trace_render import render_csv, render_json, render_table

FORMATS = ("table", "json", "csv")
_BODIES = (Label.UNION_BODY.value, Label.ORGANIZATION.value)
#: The properties of an article a trace reads (``trace.adoptions_of``).
ARTICLE_KEYS = ("published", "title")
SUBORDINATE_TO = RelType.SUBORDINATE_TO.value


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UnionKGError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")


def render(t: Trace, fmt: str = "table", *, excel: bool = False) -> str:
    """``t`` as ``fmt``: a terminal table, JSON or CSV (``excel``: with a byte-order mark and CRLF
    line ends)."""
    check_format(fmt)
    if fmt == "csv":
        return render_csv(t, excel=excel)
    return render_json(t) if fmt == "json" else render_table(t)


def trace_build(build_dir: str | os.PathLike[str], campaign: str) -> Trace:
    """``trace`` of ``campaign`` (any of its names) in the build at ``build_dir``."""
    with GraphStore.open(build_dir) as store:
        return trace_store(store, campaign)


def trace_store(store: GraphStore, campaign: str) -> Trace:
    """``trace`` of ``campaign`` (a name, alias, variant or node id) in a build's store."""
    cid = find_campaign(store, campaign)
    return trace(*trace_reads(store, cid))


def documents_in(store: GraphStore, cid: str) -> list[str]:
    """The documents (Law nodes) that carry campaign ``cid`` (``trace.documents_of`` over a store)."""
    attrs = store.node_attrs([cid], lists="aliases")[cid]
    fams = Families.load()
    family = fams.by_name(str(attrs.get("name", "")))
    names = list(names_of(attrs))
    laws = store.db.execute("SELECT id, name FROM nodes WHERE label = ?", (Label.LAW.value,))
    return sorted(n for n, name in laws if fams.carries(names, family, str(name or "")))


def trace_reads(store: GraphStore, cid: str) -> tuple[Part, str, UnionCensus, list[Adoption]]:
    """What ``trace`` reads of campaign ``cid``, as its arguments: the part of the graph it walks
    (the campaign and the documents carrying it, the adopters, the SUBORDINATE_TO chains above
    them), the campaign, the census, and the adoptions (``trace.make_adoptions`` of the IMPLEMENTS
    edges into the campaign and the documents, as ``trace.adoptions_of`` reads them from a graph:
    a target at a time, each source's edges together in the order of its first, sources in that
    order). Of an edge it reads its properties and its first evidence, of an article its
    ``ARTICLE_KEYS``, of a superior only that it is one."""
    docs = documents_in(store, cid)
    attrs = store.node_attrs([cid, *docs], lists="aliases")  # their names; the articles of a campaign are many
    rows = store.implementing([cid, *docs])
    grouped: dict[str, dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]] = {}
    articles: dict[str, dict[str, Any]] = {}  # what an adoption shows of its article
    wanted: set[str] = set()  # articles named by an evidence, not by the edge: read on their own
    none: dict[str, Any] = {}  # no evidence (read, never changed)
    by_source: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    last = None
    for _, src, target, props, first, article in rows:
        if target != last:  # the rows of a target come together: its dict looked up once a run
            by_source, last = grouped.setdefault(target, {}), target
        pairs = by_source.get(src)
        if pairs is None:
            pairs = by_source[src] = []
        pairs.append((props, first or none))
        named = props.get("article")
        if isinstance(named, str) and named:
            if article is not None:  # ARTICLE_KEYS
                articles["Article:" + named] = {"published": article.get("published"), "title": article.get("title")}
        elif isinstance(a := (first or none).get("article"), str):
            wanted.add(f"Article:{a}")
    sources = {r[1] for r in rows}
    read, city_of = store.nodes_and_cities(sources.difference(attrs))
    attrs.update(read)
    events = [n for n in sources if attrs[n].get("label") == Label.EVENT.value]
    held: dict[str, list[str]] = {}
    for event, body in store.ends(events, RelType.HELD_BY.value):
        held.setdefault(event, []).append(body)
    read, more = store.nodes_and_cities({b for bs in held.values() for b in bs}.difference(attrs))
    attrs.update(read)
    city_of.update(more)
    bodies = [n for n, a in attrs.items() if a.get("label") in _BODIES]
    census = UnionCensus(levels=Counter(store.union_levels()), cities=Counter(store.union_cities()),
                         city_of={n: city_of[n] for n in bodies if n in city_of})
    articles.update(store.node_props(wanted.difference(articles), ARTICLE_KEYS))
    nodes = {**articles, **attrs}
    edges = (
        (src, props, first) for target in (cid, *docs) for src, pairs in grouped.get(target, {}).items()
        for props, first in pairs
    )
    found = make_adoptions(edges, nodes, lambda event: sorted(held.get(event, ())), census.city_of)
    part = Part()
    for n, a in attrs.items():
        part.add_node(n, a)
    ups: set[tuple[str, str]] = set()
    frontier = set(bodies)
    seen = set(frontier)
    while frontier:  # the hierarchy above the adopters, a level at a time, from the index alone
        step = store.superiors_of(frontier)
        ups.update(step)
        frontier = {v for _, v in step}.difference(seen)
        seen |= frontier
    # (in no particular order: a trace reads a node's superiors sorted, and nothing else of the part in order)
    for n in seen.difference(attrs):
        part.add_node(n, {})  # a superior that did not adopt: what ``trace.superiors`` reads of it is its edges
    edge = {"type": SUBORDINATE_TO}  # one for every edge: a trace reads it, never changes it
    for u, v in ups:
        part.add_edge(u, v, SUBORDINATE_TO, edge)
    return part, cid, census, found


def explain_build(build_dir: str | os.PathLike[str], campaign: str) -> str:
    """Why each name of ``campaign`` (any of its names, or a near one) is that campaign, step by
    step, as the build decided it (the store's ``campaign_merges`` table)."""
    with GraphStore.open(build_dir) as store:
        cid = find_campaign(store, campaign)
        name = str(store.node_attrs([cid])[cid].get("name"))
        decisions = store.campaign_merges()
    lines = explain(decisions, name)
    return "\n".join([f"Campaign {name}: {sum(1 for d in decisions if d.get('campaign') == name)} name(s)", *lines]) + "\n"
