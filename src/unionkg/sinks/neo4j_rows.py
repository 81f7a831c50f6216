"""The rows the Neo4j sinks read: nodes by label and edges by type, streamed, never a whole graph.

A ``RowSource`` hands out plain dicts (graph/MODEL.md's attributes, unconverted)::

    iter_nodes(label)   -> {"id": "UnionBody:佛山市总工会", "name": "佛山市总工会", "props": {...}}
    iter_edges(rel_type) -> {"source": "UnionBody:佛山市总工会", "target": "Campaign:百千万工程",
                             "key": "IMPLEMENTS:a2", "props": {...}}

``props`` holds every other attribute (``label``/``id`` of a node, ``type``/``key`` of an edge may be
there too: they are skipped). An edge row may carry ``source_label``/``target_label``; without them the end labels are
read from the ids, which begin with ``<Label>:`` (graph/MODEL.md). Each (source, target, key) comes
once. ``StoreRows`` reads a build's store (``model.GraphStore``) a batch at a time: what ``load`` and
``export --format neo4j-admin`` use; ``GraphRows`` adapts an in-memory ``networkx.MultiDiGraph``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Law:工会法", label="Law", name="工会法", aliases=["《工会法》"])
    >>> rows = GraphRows(G)
    >>> rows.node_count(Label.LAW), node_params(next(rows.iter_nodes(Label.LAW)))
    (1, {'id': 'Law:工会法', 'props': {'name': '工会法', 'aliases': ['《工会法》'], 'id': 'Law:工会法'}})
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from ..errors import BuildError
from ..model.store import GraphStore
from ..types import Label, RelType
from .neo4j_props import to_properties

__all__ = ["GraphRows", "RowSource", "StoreRows", "edge_labels", "edge_params", "node_params", "row_source"]

_EDGE_SKIP = ("type", "key")


@runtime_checkable
class RowSource(Protocol):
    """Nodes by label and edges by type, as dicts (see the module docstring), with their counts."""

    def node_count(self, label: Label) -> int: ...

    def edge_count(self, rel_type: RelType) -> int: ...

    def iter_nodes(self, label: Label) -> Iterator[dict[str, Any]]: ...

    def iter_edges(self, rel_type: RelType) -> Iterator[dict[str, Any]]: ...


def _label_of(value: Any, node: Any) -> Label:
    try:
        return Label(value)
    except ValueError:
        raise BuildError(
            f"node {node!r} has label {value!r}, not one of the ontology's labels",
            hint=f"labels: {', '.join(x.value for x in Label)} (graph/MODEL.md)",
        ) from None


class GraphRows:
    """A ``RowSource`` over a ``networkx.MultiDiGraph``: labels and types are checked on construction."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self._nodes: dict[Label, list[Any]] = {label: [] for label in Label}
        self._edges: dict[RelType, list[tuple[Any, Any, Any, dict[str, Any]]]] = {t: [] for t in RelType}
        self._label: dict[Any, Label] = {}
        for node, attrs in G.nodes(data=True):
            label = _label_of(attrs.get("label"), node)
            self._label[node] = label
            self._nodes[label].append(node)
        for u, v, key, attrs in G.edges(keys=True, data=True):
            value = attrs.get("type")
            try:
                rel_type = RelType(value)
            except ValueError:
                raise BuildError(
                    f"edge {u!r} -> {v!r} (key {key!r}) has type {value!r}, not one of the ontology's types",
                    hint=f"types: {', '.join(t.value for t in RelType)} (graph/MODEL.md)",
                ) from None
            self._edges[rel_type].append((u, v, key, attrs))

    def node_count(self, label: Label) -> int:
        return len(self._nodes[label])

    def edge_count(self, rel_type: RelType) -> int:
        return len(self._edges[rel_type])

    def iter_nodes(self, label: Label) -> Iterator[dict[str, Any]]:
        nodes = self.G.nodes
        for node in self._nodes[label]:
            attrs = nodes[node]
            yield {"id": str(node), "name": attrs.get("name"), "props": attrs}  # label, id, name: skipped

    def iter_edges(self, rel_type: RelType) -> Iterator[dict[str, Any]]:
        label = self._label
        for u, v, key, attrs in self._edges[rel_type]:
            yield {"source": str(u), "target": str(v), "key": str(key),
                   "source_label": label[u], "target_label": label[v],
                   "props": attrs}  # type, key: skipped by edge_params


class StoreRows:
    """A ``RowSource`` over a build's store: rows stream from SQLite in batches (``GraphStore.iter_nodes``
    and ``iter_edges``), so a load never holds the graph in memory. Labels and types are checked on
    construction (the store's counts)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._labels = store.labels()
        self._types = store.types()
        for value in self._labels:
            _label_of(value, f"<a {value} node>")
        for value in self._types:
            if value not in RelType._value2member_map_:
                raise BuildError(f"the store holds edges of type {value!r}, not one of the ontology's types",
                                 hint=f"types: {', '.join(t.value for t in RelType)} (graph/MODEL.md)")

    def node_count(self, label: Label) -> int:
        return self._labels.get(label.value, 0)

    def edge_count(self, rel_type: RelType) -> int:
        return self._types.get(rel_type.value, 0)

    def iter_nodes(self, label: Label) -> Iterator[dict[str, Any]]:
        return self.store.iter_nodes(label.value)

    def iter_edges(self, rel_type: RelType) -> Iterator[dict[str, Any]]:
        return self.store.iter_edges(rel_type.value)


def row_source(source: nx.MultiDiGraph | GraphStore | RowSource) -> RowSource:
    """SOURCE itself when it is a RowSource, else its rows (a build's store, a networkx graph)."""
    if isinstance(source, nx.Graph):
        return GraphRows(source)
    if isinstance(source, GraphStore):
        return StoreRows(source)
    if isinstance(source, RowSource):
        return source
    raise TypeError(f"expected a networkx graph or a RowSource, not {type(source).__name__}")


def _id_label(node_id: str) -> Label:
    prefix = node_id.partition(":")[0]
    try:
        return Label(prefix)
    except ValueError:
        raise BuildError(
            f"edge end {node_id!r} does not begin with a label (graph/MODEL.md: ids are '<Label>:<key>')",
            hint="give edge rows source_label/target_label, or ids of the form Label:key",
        ) from None


def edge_labels(row: dict[str, Any]) -> tuple[Label, Label]:
    """The (start, end) labels of an edge row."""
    start = row.get("source_label") or _id_label(row["source"])
    end = row.get("target_label") or _id_label(row["target"])
    return Label(start), Label(end)


def node_params(row: dict[str, Any]) -> dict[str, Any]:
    """A node row as the Cypher parameter ``{id, props}`` (props converted by ``neo4j_props``)."""
    attrs = row["props"]
    props = to_properties({"name": row.get("name"), **attrs} if "name" not in attrs else attrs, skip=("label", "id"))
    props["id"] = row["id"]
    return {"id": row["id"], "props": props}


def edge_params(row: dict[str, Any]) -> dict[str, Any]:
    """An edge row as the Cypher parameter ``{src, dst, key, props}``."""
    props = to_properties(row["props"], skip=_EDGE_SKIP)
    props["key"] = row["key"]
    return {"src": row["source"], "dst": row["target"], "key": row["key"], "props": props}
