"""The model: facts → the graph store (graph/MODEL.md), an SQLite database in the build directory,
and NetworkX views of it on demand.

>>> from unionkg.model import GraphStore, to_networkx
>>> with GraphStore.open("out/seed") as store:          # doctest: +SKIP
...     print(store.labels(), store.types())
...     G = to_networkx(store)                           # the whole graph, for networkx's algorithms
"""

from __future__ import annotations

import os

import networkx as nx

from .graph import BuildStats, FactSource, GraphBuilder, build_graph, build_store, hierarchy_lines
from .nxview import to_networkx
from .store import STORE_FILE, GraphStore

__all__ = ["STORE_FILE", "BuildStats", "FactSource", "GraphBuilder", "GraphStore", "build_graph", "build_store",
           "hierarchy_lines", "load_build", "to_networkx"]


def load_build(build_dir: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """The whole graph of a build directory as networkx (``to_networkx`` of its store)."""
    with GraphStore.open(build_dir) as store:
        return to_networkx(store)
