"""Node-link JSON of the model graph, and the file exports in one place (GraphML and GEXF have
modules of their own: ``sinks.graphml``, ``sinks.gexf``).

GraphML and GEXF hold scalars only: lists and dicts (aliases, evidence) are written as JSON
strings. GEXF gets ``start`` dates (ISO) on nodes and IMPLEMENTS edges so Gephi's timeline
plays a campaign's spread.
"""

from __future__ import annotations

import json
import os

import networkx as nx

from .gexf import write_gexf
from .graphml import write_graphml

__all__ = ["write_gexf", "write_graphml", "write_json", "read_json"]


def write_json(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Node-link JSON (networkx's ``node_link_data`` layout, edges under ``edges``), sorted so equal
    graphs give equal bytes, and written item by item: no second copy of the graph in memory."""
    dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    edge_keys = sorted((u, v, k) for u, nbrs in g._adj.items() for v, keyed in nbrs.items() for k in keyed)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"directed":true,"edges":[')
        for i, (u, v, k) in enumerate(edge_keys):
            fh.write(("," if i else "") + dumps({**g._adj[u][v][k], "source": u, "target": v, "key": k}))
        fh.write('],"graph":' + dumps(dict(g.graph)) + ',"multigraph":true,"nodes":[')
        for i, n in enumerate(sorted(g._node)):
            fh.write(("," if i else "") + dumps({**g._node[n], "id": n}))
        fh.write("]}\n")


def read_json(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    return g
