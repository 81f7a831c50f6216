"""Find nodes of the model graph (a networkx graph or a build's store) by id, name or alias, NFKC-
and quote-insensitively.

>>> key("“百千万工程”")
'百千万工程'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import networkx as nx

from ..errors import UnionKGError
from ..model.names import QUOTES, key
from ..model.store import GraphStore

__all__ = ["QUOTES", "find_nodes", "find_one", "key", "names_of"]


def names_of(attrs: dict[str, object]) -> Iterator[str]:
    """The name and every alias of a node."""
    name = attrs.get("name")
    if isinstance(name, str):
        yield name
    aliases = attrs.get("aliases") or ()
    if isinstance(aliases, Iterable) and not isinstance(aliases, str):
        for alias in aliases:
            if isinstance(alias, str):
                yield alias


def find_nodes(G: nx.MultiDiGraph | GraphStore, query: str, label: str | None = None) -> list[str]:
    """Node ids whose id, name or alias equals ``query`` (compared by :func:`key`).

    Falls back to nodes whose name or alias contains the query when nothing matches exactly.
    """
    if isinstance(G, GraphStore):
        return _find_stored(G, query, label)
    if query in G and (label is None or G.nodes[query].get("label") == label):
        return [query]
    if label is not None and f"{label}:{query}" in G:
        return [f"{label}:{query}"]  # the node named exactly so: no scan of the whole graph
    want = key(query)
    if not want:
        return []
    exact: list[str] = []
    partial: list[str] = []
    for node, attrs in G.nodes(data=True):
        if label is not None and attrs.get("label") != label:
            continue
        keys = {key(n) for n in names_of(attrs)}
        if want in keys:
            exact.append(node)
        elif any(want in k for k in keys):
            partial.append(node)
    return sorted(exact) if exact else sorted(partial)


def _find_stored(store: GraphStore, query: str, label: str | None) -> list[str]:
    """``find_nodes`` in a store: ids and exact keys by index, the partial fallback by a scan."""
    if store.has_node(query) and (label is None or store.label_of(query) == label):
        return [query]
    if label is not None and store.has_node(f"{label}:{query}"):
        return [f"{label}:{query}"]
    want = key(query)
    if not want:
        return []
    exact = store.ids_named(want, label)
    if exact:
        return exact
    return sorted({nid for nid, name in store.iter_names(label) if isinstance(name, str) and want in key(name)})


def find_one(G: nx.MultiDiGraph | GraphStore, query: str, label: str | None = None) -> str:
    """The single node ``query`` names; ``UnionKGError`` with suggestions when none or several."""
    found = find_nodes(G, query, label)
    what = label or "node"
    if len(found) == 1:
        return found[0]
    if not found:
        if isinstance(G, GraphStore):
            sample = G.first_names(label, 8)
        else:
            sample = sorted(
                str(attrs.get("name")) for _, attrs in G.nodes(data=True)
                if label is None or attrs.get("label") == label
            )[:8]
        raise UnionKGError(
            f"no {what} named {query!r} in the graph",
            hint=f"known {what} names include: {', '.join(sample)}" if sample else "the graph is empty",
        )
    names = G.node_attrs(found[:8], lists=False) if isinstance(G, GraphStore) else G.nodes
    listed = ", ".join(f"{n} ({names[n].get('name')})" for n in found[:8])
    raise UnionKGError(f"{query!r} names {len(found)} {what}s: {listed}", hint="give the full name or the node id")
