"""GEXF 1.2 of the model graph in dynamic mode, written as a stream.

Nodes start at their first dated edge, edges at their date (ISO dates only), so Gephi's timeline
plays a campaign's spread. The relationship type is the edge ``label`` (and attribute
``relationship``): GEXF reserves the edge attribute ``type`` for directed/undirected.
"""

from __future__ import annotations

import os
from typing import Any

import networkx as nx

from ._xml import FlatGraph, Sink, esc, flat_graph, kind_of, text_of

__all__ = ["write_gexf"]


def _iso(d: Any) -> str | None:
    return d if isinstance(d, str) and len(d) == 10 and d[4] == "-" else None


def _decls(cls: str, items: list[dict[str, Any]]) -> tuple[dict[str, tuple[str, str]], str]:
    values: dict[str, list[Any]] = {}
    for d in items:
        for k, v in d.items():
            values.setdefault(k, []).append(v)
    kinds = {k: kind_of([x for x in vs if x != ""]) for k, vs in sorted(values.items())}
    ids = {k: (str(i), kinds[k]) for i, k in enumerate(kinds)}
    lines = [f'<attributes class="{cls}" mode="static">\n']
    for k, (i, kind) in ids.items():
        lines.append(f'<attribute id="{i}" title="{esc(k)}" type="{kind}"/>\n')
    lines.append("</attributes>\n")
    return ids, "".join(lines)


def _attvalues(d: dict[str, Any], ids: dict[str, tuple[str, str]]) -> str:
    parts = [f'<attvalue for="{ids[k][0]}" value="{text_of(v, ids[k][1])}"/>' for k, v in d.items() if v != ""]
    return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""


def write_gexf(g: nx.MultiDiGraph, path: str | os.PathLike[str], flat: FlatGraph | None = None) -> None:
    """Write ``g`` as dynamic GEXF; ``flat`` reuses a flattening already made for another writer."""
    flat = flat or flat_graph(g)
    first: dict[str, str] = {}
    for u, v, _k, d in flat.edges:
        iso = _iso(d.get("date"))
        if iso:
            for n in (u, v):
                if n not in first or iso < first[n]:
                    first[n] = iso
    nodes = []
    for n, d in flat.nodes:
        attrs = {k: x for k, x in d.items() if k != "label"}
        nodes.append((n, d.get("label", ""), attrs))
    edges = []
    for u, v, k, d in flat.edges:
        attrs = {kk: vv for kk, vv in d.items() if kk != "type"}
        attrs["relationship"] = d.get("type", "")
        edges.append((u, v, k, d.get("type", ""), _iso(d.get("date")), attrs))
    nids, ndecl = _decls("node", [a for *_, a in nodes])
    eids, edecl = _decls("edge", [a for *_, a in edges])
    out = Sink(path, ['<?xml version="1.0" encoding="utf-8"?>\n',
           '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n',
           '<meta><creator>unionkg</creator></meta>\n',
           '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n', ndecl, edecl, "<nodes>\n"])
    for n, label, attrs in nodes:
        nstart = f' start="{first[n]}"' if n in first else ""
        out.append(f'<node id="{esc(n)}" label="{esc(label)}"{nstart}>{_attvalues(attrs, nids)}</node>\n')
    out.append("</nodes>\n<edges>\n")
    for i, (u, v, _k, label, start, attrs) in enumerate(edges):
        st = f' start="{start}"' if start else ""
        out.append(f'<edge id="{i}" source="{esc(u)}" target="{esc(v)}" label="{esc(label)}"{st}>'
                   f'{_attvalues(attrs, eids)}</edge>\n')
    out.append("</edges>\n</graph>\n</gexf>\n")
    out.close()
