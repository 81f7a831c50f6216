"""The graph as files: node-link JSON here, GraphML and GEXF (``sinks.graphml``, ``sinks.gexf``),
the neo4j-admin CSVs (``sinks.neo4j_admin``), and ``write_exports``, which writes those asked for
from a build's store.

GraphML and GEXF hold scalars only: lists and dicts (aliases, evidence) are written as JSON
strings. GEXF gets ``start`` dates (ISO) on nodes and IMPLEMENTS edges so Gephi's timeline
plays a campaign's spread. From a store, the files are written as a stream of its rows, in the
graph's node and adjacency order (the bytes ``networkx`` gives for the same graph), without the
graph in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
import orjson

from ..errors import BuildError
from ..model import GraphStore
from ._xml import XmlFormat, graph_edges, write_xml_rows
from .gexf import GexfFormat, write_gexf
from .graphml import GraphmlFormat, write_graphml

_SORTED = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS

__all__ = ["EXPORT_FILES", "write_exports", "write_gexf", "write_graphml", "write_json", "read_json"]

#: The file (or folder) each export format writes into a directory.
EXPORT_FILES = {"json": "graph.json", "graphml": "graph.graphml", "gexf": "graph.gexf", "neo4j-admin": "neo4j-admin"}

Row = tuple[str, str, Any, dict[str, Any]]


def write_exports(store: GraphStore, out: str | os.PathLike[str], formats: Iterable[str]) -> list[Path]:
    """Write the files of ``formats`` (json, graphml, gexf, neo4j-admin) of the graph in ``store``
    into ``out``; GraphML and GEXF in one pass over the store's rows."""
    target = Path(out)
    written: list[Path] = []
    xml: list[XmlFormat] = []
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        if fmt not in EXPORT_FILES:
            raise BuildError(f"unknown export format {fmt!r}", hint=f"use {', '.join(EXPORT_FILES)}")
    for fmt in wanted:
        path = target / EXPORT_FILES[fmt]
        if fmt == "json":
            write_json_rows(path, store.iter_graph_edges(), store.iter_graph_nodes())
        elif fmt == "graphml":
            xml.append(GraphmlFormat(path))
        elif fmt == "gexf":
            xml.append(GexfFormat(path))
        else:
            from .neo4j_admin import write_neo4j_admin
            from .neo4j_rows import StoreRows

            write_neo4j_admin(StoreRows(store), path)  # rows streamed from the store, files written side by side
        written.append(path)
    if xml:
        write_xml_rows(store.iter_graph_edges(), store.iter_graph_nodes(), xml)
    return written


def write_json(g: nx.MultiDiGraph, path: str | os.PathLike[str], chunk: int = 4096) -> None:
    """Node-link JSON (networkx's ``node_link_data`` layout, edges under ``edges``), keys sorted and
    items in the graph's own order (which the build makes canonical), so equal graphs give equal
    bytes; written ``chunk`` items at a time: no second copy of the graph in memory."""
    write_json_rows(path, graph_edges(g), g._node.items(), dict(g.graph), chunk)


def write_json_rows(path: str | os.PathLike[str], edges: Iterable[Row], nodes: Iterable[tuple[str, dict[str, Any]]],
                    graph: dict[str, Any] | None = None, chunk: int = 4096) -> None:
    """``write_json`` of a graph given as its edge rows (adjacency order) and node rows."""
    with open(path, "wb") as fh:
        fh.write(b'{"directed":true,"edges":[')
        _write_items(fh, ({**d, "source": u, "target": v, "key": k} for u, v, k, d in edges), chunk)
        fh.write(b'],"graph":' + orjson.dumps(graph or {}, option=_SORTED) + b',"multigraph":true,"nodes":[')
        _write_items(fh, ({**d, "id": n} for n, d in nodes), chunk)
        fh.write(b"]}\n")


def _write_items(fh: BinaryIO, records: Iterator[dict[str, Any]] | Iterable[dict[str, Any]], chunk: int) -> None:
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
