"""GEXF 1.2 of the model graph in dynamic mode, written as a stream.

Nodes start at their first dated edge, edges at their date (ISO dates only), so Gephi's timeline
plays a campaign's spread. The relationship type is the edge ``label`` (and attribute
``relationship``): GEXF reserves the edge attribute ``type`` for directed/undirected.
"""

from __future__ import annotations

import os

import networkx as nx

from ._xml import Body, Flattener, Shape, esc, kind_of, write_xml

__all__ = ["GexfFormat", "write_gexf"]


class GexfFormat:
    """GEXF rows for ``write_xml``; attributes get ids as they are first seen."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.body = Body(path)
        self.attrs: dict[str, dict[str, str]] = {"node": {}, "edge": {"relationship": "0"}}
        self.nodes: dict[Shape, str] = {}
        self.edges: dict[Shape, str] = {}
        self.count = 0  # edges written so far: the next edge's id

    def _values(self, cls: str, shape: Shape, first: int, skip: str, extra: str = "") -> tuple[str, str]:
        """The template field of property ``skip`` ('' if absent) and the ``<attvalues>`` of the
        others (values at fields ``first``…), ``extra`` appended."""
        attrs = self.attrs[cls]
        parts = []
        skipped = ""
        for i, k in enumerate(shape):
            if k == skip:
                skipped = f"{{{first + i}}}"
                continue
            aid = attrs.setdefault(k, str(len(attrs)))
            parts.append(f'<attvalue for="{aid}" value="{{{first + i}}}"/>')
        if skipped and extra:
            parts.append(extra.replace("LABEL", skipped))
        return skipped, f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""

    def node(self, nid: str, start: str, shape: Shape, texts: list[str]) -> str:
        t = self.nodes.get(shape)
        if t is None:
            label, values = self._values("node", shape, 2, "label")
            t = self.nodes[shape] = f'<node id="{{0}}" label="{label}"{{1}}>{values}</node>\n'
        return t.format(nid, f' start="{start}"' if start else "", *texts)

    def edge(self, u: str, v: str, key: str, start: str, shape: Shape, texts: list[str]) -> str:
        t = self.edges.get(shape)
        if t is None:
            label, values = self._values("edge", shape, 4, "type", '<attvalue for="0" value="LABEL"/>')
            t = self.edges[shape] = f'<edge id="{{0}}" source="{{1}}" target="{{2}}" label="{label}"{{3}}>{values}</edge>\n'
        self.count += 1
        return t.format(self.count - 1, u, v, f' start="{start}"' if start else "", *texts)

    def finish(self, flat: Flattener) -> None:
        head = ['<?xml version="1.0" encoding="utf-8"?>\n',
                '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n',
                '<meta><creator>unionkg</creator></meta>\n',
                '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n']
        for cls, attrs in self.attrs.items():
            ts = flat.types(attrs)
            if cls == "edge":
                ts["relationship"] = {str}
            head.append(f'<attributes class="{cls}" mode="static">\n')
            for name, aid in attrs.items():
                head.append(f'<attribute id="{aid}" title="{esc(name)}" type="{kind_of(ts[name])}"/>\n')
            head.append("</attributes>\n")
        head.append("<nodes>\n")
        self.body.close("".join(head), "</nodes>\n<edges>\n", "</edges>\n</graph>\n</gexf>\n")


def write_gexf(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``g`` as dynamic GEXF."""
    write_xml(g, [GexfFormat(path)])
