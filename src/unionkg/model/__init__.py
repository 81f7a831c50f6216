"""The model: facts → the graph store (graph/MODEL.md), an SQLite database in the build directory,
and NetworkX views of it on demand.

>>> from unionkg.model import GraphStore, to_networkx
>>> with GraphStore.open("out/seed") as store:          # doctest: +SKIP
...     print(store.labels(), store.types())
...     G = to_networkx(store)                           # the whole graph, for networkx's algorithms
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .store import STORE_FILE, GraphStore

if TYPE_CHECKING:
    import networkx as nx

    from .graph import BuildStats, FactSource, GraphBuilder, build_graph, build_store, hierarchy_lines
    from .nxview import to_networkx

__all__ = ["STORE_FILE", "BuildStats", "FactSource", "GraphBuilder", "GraphStore", "build_graph", "build_store",
           "hierarchy_lines", "load_build", "to_networkx"]

_LAZY = {"BuildStats": "graph", "FactSource": "graph", "GraphBuilder": "graph", "build_graph": "graph",
         "build_store": "graph", "hierarchy_lines": "graph", "to_networkx": "nxview"}


def __getattr__(name: str) -> Any:
    """The writer (``graph``: it reads the extractor's tables) and networkx are imported when first
    asked for, so a reader of the store (trace, the page) does not load them."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_build(build_dir: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """The whole graph of a build directory as networkx (``to_networkx`` of its store)."""
    from .nxview import to_networkx

    with GraphStore.open(build_dir) as store:
        return to_networkx(store)
