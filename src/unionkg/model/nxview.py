"""NetworkX on demand: the store's graph, or a part of it, as a ``networkx.MultiDiGraph``.

Nodes come in creation order and edges are added in creation order, so the graph's dicts (and
every file written from them) are those the builder made: ``to_networkx(store)`` of a build is the
graph a build used to keep in memory.

>>> from unionkg.model import GraphStore, to_networkx
>>> with GraphStore.open("out/seed") as store:                       # doctest: +SKIP
...     whole = to_networkx(store)
...     around = to_networkx(store, ["UnionBody:广州市总工会"], incident=True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from .store import MENTIONS, GraphStore, SeqEdge, edge_dict

__all__ = ["graph_of", "to_networkx"]


def to_networkx(store: GraphStore, nodes: Iterable[str] | None = None, *, incident: bool = False,
                evidence: bool = True, lists: bool = True) -> nx.MultiDiGraph:
    """The whole graph (``nodes`` None), or the nodes ``nodes`` with the edges between them
    (``incident``: every edge into or out of them, and the nodes at their other ends).

    ``evidence=False`` leaves evidence lists empty (no sentence is read); ``lists=False`` leaves out
    the nodes' ``aliases`` and ``articles``.
    """
    g = nx.MultiDiGraph()
    if nodes is None:
        for nid, attrs in store.iter_graph_nodes():
            _add_node(g, nid, attrs)
        _add_edges(g, _all_edges(store, evidence))
        return g
    wanted = list(dict.fromkeys(nodes))
    if incident:
        edges = store.edges(sources=wanted, targets=wanted, evidence=evidence)
        attrs = store.node_attrs(wanted, lists=lists)
        attrs.update(store.node_attrs({n for _, u, v, _, _ in edges for n in (u, v)}.difference(attrs), lists=lists))
    else:
        attrs = store.node_attrs(wanted, lists=lists)
        edges = store.edges_between(attrs, evidence=evidence)
    return graph_of(store, attrs, edges)


def graph_of(store: GraphStore, attrs: dict[str, dict[str, Any]], edges: Iterable[SeqEdge]) -> nx.MultiDiGraph:
    """A graph of the nodes ``attrs`` (id → attributes) and the ``edges`` (both ends among them),
    nodes and edges in creation order, as in the whole graph."""
    g = nx.MultiDiGraph()
    seqs = store.node_seqs(attrs)
    for nid in sorted(attrs, key=lambda n: seqs.get(n, -1)):
        _add_node(g, nid, attrs[nid])
    _add_edges(g, ((u, v, k, d) for _, u, v, k, d in sorted(edges, key=lambda e: e[0])))
    return g


def _all_edges(store: GraphStore, evidence: bool) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    cur = store.db.execute(
        "SELECT seq, source, target, key, type, props FROM edges UNION ALL "
        f"SELECT mention, 'Article:' || article, node, 'MENTIONS:' || article, '{MENTIONS}', '{{}}' "
        "FROM node_articles WHERE mention IS NOT NULL ORDER BY 1")
    while rows := cur.fetchmany(5000):
        evs = store.evidence_of(r[0] for r in rows if r[4] != MENTIONS) if evidence else {}
        for seq, u, v, k, t, props in rows:
            yield u, v, k, edge_dict(t, evs.get(seq, []), props)


def _add_node(g: nx.MultiDiGraph, nid: str, attrs: dict[str, Any]) -> None:
    g._succ[nid] = {}
    g._pred[nid] = {}
    g._node[nid] = attrs


def _add_edges(g: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Edges in the order given, as ``add_edge`` would add them (both ends are nodes of ``g``)."""
    succ, pred = g._succ, g._pred
    for u, v, k, d in edges:
        nbrs = succ[u]
        keyed = nbrs.get(v)
        if keyed is None:
            keyed = nbrs[v] = pred[v][u] = {}
        keyed[k] = d
