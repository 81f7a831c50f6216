"""GraphML of the model graph, written as a stream (networkx's writer builds an ElementTree first).

Lists and dicts (aliases, evidence) become JSON strings; ``networkx.read_graphml`` reads it back.
"""

from __future__ import annotations

import os
from typing import Any

import networkx as nx

from ._xml import FlatGraph, Sink, esc, flat_graph, kind_of, scalar, text_of

__all__ = ["write_graphml"]


def _keys(items: list[dict[str, Any]]) -> dict[str, str]:
    values: dict[str, list[Any]] = {}
    for d in items:
        for k, v in d.items():
            values.setdefault(k, []).append(scalar(v))
    return {k: kind_of([x for x in vs if x != ""]) for k, vs in sorted(values.items())}


def write_graphml(g: nx.MultiDiGraph, path: str | os.PathLike[str], flat: FlatGraph | None = None) -> None:
    """Write ``g`` as GraphML; ``flat`` reuses a flattening already made for another writer."""
    flat = flat or flat_graph(g)
    nodes, edges = flat.nodes, flat.edges
    nkeys = _keys([d for _, d in nodes])
    ekeys = _keys([d for *_, d in edges])
    nid = {name: f"n{i}" for i, name in enumerate(nkeys)}
    eid = {name: f"e{i}" for i, name in enumerate(ekeys)}
    out = Sink(path, ['<?xml version="1.0" encoding="utf-8"?>\n',
                      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'])
    for name, kind in nkeys.items():
        out.append(f'<key id="{nid[name]}" for="node" attr.name="{esc(name)}" attr.type="{kind}"/>\n')
    for name, kind in ekeys.items():
        out.append(f'<key id="{eid[name]}" for="edge" attr.name="{esc(name)}" attr.type="{kind}"/>\n')
    out.append('<graph edgedefault="directed">\n')
    for n, d in nodes:
        out.append(f'<node id="{esc(n)}">')
        for k, v in d.items():
            if v != "" or nkeys[k] == "string":
                out.append(f'<data key="{nid[k]}">{text_of(v, nkeys[k])}</data>')
        out.append("</node>\n")
    for u, v, key, d in edges:
        out.append(f'<edge source="{esc(u)}" target="{esc(v)}" id="{esc(key)}">')
        for k, val in d.items():
            if val != "" or ekeys[k] == "string":
                out.append(f'<data key="{eid[k]}">{text_of(val, ekeys[k])}</data>')
        out.append("</edge>\n")
    out.append("</graph>\n</graphml>\n")
    out.close()
