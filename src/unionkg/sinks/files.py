"""Node-link JSON of the model graph, and the file exports in one place (GraphML and GEXF have
modules of their own: ``sinks.graphml``, ``sinks.gexf``).

GraphML and GEXF hold scalars only: lists and dicts (aliases, evidence) are written as JSON
strings. GEXF gets ``start`` dates (ISO) on nodes and IMPLEMENTS edges so Gephi's timeline
plays a campaign's spread.
"""

from __future__ import annotations

import os

import networkx as nx
import orjson

from .gexf import write_gexf
from .graphml import write_graphml

_SORTED = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS

__all__ = ["write_gexf", "write_graphml", "write_json", "read_json"]


def write_json(g: nx.MultiDiGraph, path: str | os.PathLike[str], chunk: int = 4096) -> None:
    """Node-link JSON (networkx's ``node_link_data`` layout, edges under ``edges``), keys sorted and
    items in the graph's own order (which the build makes canonical), so equal graphs give equal
    bytes; written ``chunk`` items at a time: no second copy of the graph in memory."""
    adj, nodes = g._adj, g._node
    edges = [(u, v, k) for u, nbrs in adj.items() for v, keyed in nbrs.items() for k in keyed]
    node_ids = list(nodes)
    with open(path, "wb") as fh:
        fh.write(b'{"directed":true,"edges":[')
        for i in range(0, len(edges), chunk):
            part = [{**adj[u][v][k], "source": u, "target": v, "key": k} for u, v, k in edges[i:i + chunk]]
            fh.write((b"," if i else b"") + orjson.dumps(part, option=_SORTED)[1:-1])
        fh.write(b'],"graph":' + orjson.dumps(dict(g.graph), option=_SORTED) + b',"multigraph":true,"nodes":[')
        for i in range(0, len(node_ids), chunk):
            part = [{**nodes[n], "id": n} for n in node_ids[i:i + chunk]]
            fh.write((b"," if i else b"") + orjson.dumps(part, option=_SORTED)[1:-1])
        fh.write(b"]}\n")


def read_json(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    with open(path, "rb") as fh:
        data = orjson.loads(fh.read())
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    return g
