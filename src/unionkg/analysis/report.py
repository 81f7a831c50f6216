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

from ..errors import UnionKGError
from ..model import GraphStore
from ..model.part import Part, part_of
from ..resolve.campaigns import Families, explain
from ..types import Label, RelType
from .lookup import find_campaign, names_of
from .trace import Trace, UnionCensus, trace
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
    g = trace_graph(store, cid)
    bodies = [n for n, a in g._node.items() if a.get("label") in _BODIES]
    census = UnionCensus(levels=Counter(store.union_levels()), cities=Counter(store.union_cities()),
                         city_of=store.cities_of(bodies))
    return trace(g, cid, census)


def documents_in(store: GraphStore, cid: str) -> list[str]:
    """The documents (Law nodes) that carry campaign ``cid`` (``trace.documents_of`` over a store)."""
    attrs = store.node_attrs([cid], lists="aliases")[cid]
    fams = Families.load()
    family = fams.by_name(str(attrs.get("name", "")))
    names = list(names_of(attrs))
    laws = store.db.execute("SELECT id, name FROM nodes WHERE label = ?", (Label.LAW.value,))
    return sorted(n for n, name in laws if fams.carries(names, family, str(name or "")))


def trace_graph(store: GraphStore, cid: str) -> Part:
    """The part of the graph ``trace`` reads for campaign ``cid``: the campaign and the documents
    carrying it, their IMPLEMENTS edges with their adopters, events (and the events' HELD_BY
    organisers) and articles, and the SUBORDINATE_TO chains above the adopters. What the trace
    reads of them only: an IMPLEMENTS edge's evidence has the sentence of its first item, an
    article its ``ARTICLE_KEYS``, the SUBORDINATE_TO edges their type (one edge a pair)."""
    docs = documents_in(store, cid)
    adoptions = store.implementing([cid, *docs])
    sources = {e[1] for e in adoptions}
    attrs = store.node_attrs([cid, *docs], lists="aliases")  # their names; the articles of a campaign are many
    attrs.update(store.node_attrs(sources.difference(attrs), lists=False))
    events = [n for n in sources if attrs[n].get("label") == Label.EVENT.value]
    held = store.edges(sources=events, types=[RelType.HELD_BY.value], evidence=False)
    attrs.update(store.node_attrs({e[2] for e in held}.difference(attrs), lists=False))
    articles = {f"Article:{a}" for e in adoptions for a in _articles(e[4])}
    attrs.update(store.node_props(articles.difference(attrs), ARTICLE_KEYS))  # what an adoption shows of its article
    ups: set[tuple[str, str]] = set()
    frontier = {n for n, a in attrs.items() if a.get("label") in _BODIES}
    seen = set(frontier)
    while frontier:  # the hierarchy above the adopters, a level at a time, from the index alone
        step = store.ends(frontier, SUBORDINATE_TO)
        ups.update(step)
        frontier = {v for _, v in step}.difference(seen)
        seen |= frontier
        attrs.update(store.node_attrs(frontier.difference(attrs), lists=False))
    part = part_of(attrs, [*adoptions, *held])
    for u, v in sorted(ups):  # what ``trace.superiors`` reads of them: their ends and type
        part.add_edge(u, v, SUBORDINATE_TO, {"type": SUBORDINATE_TO})
    return part


def _articles(a: dict[str, object]) -> list[str]:
    out = [a["article"]] if isinstance(a.get("article"), str) else []
    evidence = a.get("evidence")
    if isinstance(evidence, list) and evidence and isinstance(evidence[0], dict) and \
            isinstance(evidence[0].get("article"), str):
        out.append(evidence[0]["article"])
    return [str(x) for x in out]


def explain_build(build_dir: str | os.PathLike[str], campaign: str) -> str:
    """Why each name of ``campaign`` (any of its names, or a near one) is that campaign, step by
    step, as the build decided it (the store's ``campaign_merges`` table)."""
    with GraphStore.open(build_dir) as store:
        cid = find_campaign(store, campaign)
        name = str(store.node_attrs([cid])[cid].get("name"))
        decisions = store.campaign_merges()
    lines = explain(decisions, name)
    return "\n".join([f"Campaign {name}: {sum(1 for d in decisions if d.get('campaign') == name)} name(s)", *lines]) + "\n"
