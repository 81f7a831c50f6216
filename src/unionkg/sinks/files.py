"""Node-link JSON of the model graph, and the file exports in one place (GraphML and GEXF have
modules of their own: ``sinks.graphml``, ``sinks.gexf``).

GraphML and GEXF hold scalars only: lists and dicts (aliases, evidence) are written as JSON
strings. GEXF gets ``start`` dates (ISO) on nodes and IMPLEMENTS edges so Gephi's timeline
plays a campaign's spread.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

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
    with open(path, "wb") as fh:
        fh.write(b'{"directed":true,"edges":[')
        _write_items(fh, _edge_records(g), chunk)
        fh.write(b'],"graph":' + orjson.dumps(dict(g.graph), option=_SORTED) + b',"multigraph":true,"nodes":[')
        _write_items(fh, ({**d, "id": n} for n, d in g._node.items()), chunk)
        fh.write(b"]}\n")


def _edge_records(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Each edge's attributes with its ``source``, ``target`` and ``key`` (one walk over the
    adjacency dicts)."""
    for u, nbrs in g._adj.items():
        for v, keyed in nbrs.items():
            for k, d in keyed.items():
                yield {**d, "source": u, "target": v, "key": k}


def _write_items(fh: BinaryIO, records: Iterable[dict[str, Any]], chunk: int) -> None:
    """``records`` as comma-separated JSON objects (keys sorted), dumped ``chunk`` at a time."""
    it = iter(records)
    sep = b""
    while part := list(islice(it, chunk)):
        fh.write(sep + orjson.dumps(part, option=_SORTED)[1:-1])
        sep = b","


def read_json(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    with open(path, "rb") as fh:
        data = orjson.loads(fh.read())
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    return g
