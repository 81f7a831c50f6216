"""A part of the model graph in plain dicts, laid out as networkx lays out a ``MultiDiGraph``.

``part_of(store, attrs, edges)`` holds what a reader drew from the store (``trace``'s campaign,
a page's nodes) for the code that reads a networkx graph's own dicts (``_node``, ``_succ``,
``_pred``, ``nodes[n]``) to read it as it is, without networkx, whose import alone costs a
command a quarter of a second. ``nxview.graph_of`` makes the same part as a networkx graph.

>>> p = Part()
>>> p.add_node("a", {"label": "UnionBody"}); p.add_node("b", {"label": "Campaign"})
>>> p.add_edge("a", "b", "IMPLEMENTS:x", {"type": "IMPLEMENTS"})
>>> p._succ["a"]["b"] is p._pred["b"]["a"], p.nodes["b"]["label"]
(True, 'Campaign')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .store import SeqEdge

__all__ = ["Part", "part_of"]


class Part:
    """Nodes and edges in the dicts networkx keeps (``_node``: id → attributes; ``_succ``/``_pred``:
    u → v → key → attributes, one dict per pair shared by both; ``_adj`` is ``_succ``)."""

    def __init__(self) -> None:
        self._node: dict[str, dict[str, Any]] = {}
        self._succ: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self._pred: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self._adj = self._succ

    @property
    def nodes(self) -> dict[str, dict[str, Any]]:
        """Attributes by node id (``G.nodes[n]``)."""
        return self._node

    def add_node(self, n: str, attrs: dict[str, Any]) -> None:
        """Node ``n`` with ``attrs`` (the dict itself, not a copy)."""
        self._node[n] = attrs
        self._succ[n] = {}
        self._pred[n] = {}

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """An edge between two nodes of the part."""
        keyed = self._succ[u].get(v)
        if keyed is None:
            keyed = self._succ[u][v] = self._pred[v][u] = {}
        keyed[key] = attrs


def part_of(attrs: dict[str, dict[str, Any]], edges: Iterable[SeqEdge]) -> Part:
    """A part of the nodes ``attrs`` (id → attributes, in the order given) and the ``edges`` (both
    ends among them), edges in creation order, as in the whole graph."""
    part = Part()
    for n, a in attrs.items():
        part.add_node(n, a)
    for _, u, v, k, a in sorted(edges, key=lambda e: e[0]):
        part.add_edge(u, v, k, a)
    return part
