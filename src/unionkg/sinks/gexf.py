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


#: A row template (``%`` fields) and where its ``label`` is among the values (-1: none).
Template = tuple[bytes, int]


class GexfFormat:
    """GEXF rows for ``write_xml``; attributes get ids as they are first seen."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.body = Body(path)
        self.attrs: dict[str, dict[str, str]] = {"node": {}, "edge": {"relationship": "0"}}
        self.nodes: dict[Shape, Template] = {}
        self.edges: dict[Shape, Template] = {}
        self.count = 0  # edges written so far: the next edge's id
        self.starts: dict[bytes, bytes] = {}  # date → its start attribute

    def _values(self, cls: str, shape: Shape, skip: str) -> tuple[int, str]:
        """Where property ``skip`` is in ``shape`` (-1 if absent) and the ``<attvalues>`` of the
        others, one ``%s`` for each value."""
        attrs = self.attrs[cls]
        parts = []
        skipped = -1
        for i, k in enumerate(shape):
            if k == skip:
                skipped = i
                continue
            aid = attrs.setdefault(k, str(len(attrs)))
            parts.append(f'<attvalue for="{aid}" value="%s"/>')
        return skipped, "".join(parts)

    def node(self, nid: bytes, start: bytes, shape: Shape, texts: list[bytes]) -> bytes:
        t = self.nodes.get(shape)
        if t is None:
            at, values = self._values("node", shape, "label")
            label = "%s" if at >= 0 else ""
            row = f'<node id="%s" label="{label}"%s>' + (f"<attvalues>{values}</attvalues>" if values else "")
            t = self.nodes[shape] = ((row + "</node>\n").encode(), at)
        template, at = t
        when = self.starts.get(start)
        if when is None:
            when = self._start(start)
        if at == 0:  # the label first, as the builder makes nodes: no slicing around it
            return template % (nid, texts[0], when, *texts[1:])
        if at < 0:
            return template % (nid, when, *texts)
        return template % (nid, texts[at], when, *texts[:at], *texts[at + 1:])

    def edge(self, u: bytes, v: bytes, key: bytes, start: bytes, shape: Shape, texts: list[bytes]) -> bytes:
        t = self.edges.get(shape)
        if t is None:
            at, values = self._values("edge", shape, "type")
            if at >= 0:  # the type again, as attribute "relationship"
                values += '<attvalue for="0" value="%s"/>'
            label = "%s" if at >= 0 else ""
            row = (f'<edge id="%d" source="%s" target="%s" label="{label}"%s>'
                   + (f"<attvalues>{values}</attvalues>" if values else ""))
            t = self.edges[shape] = ((row + "</edge>\n").encode(), at)
        template, at = t
        n = self.count
        self.count = n + 1
        when = self.starts.get(start)
        if when is None:
            when = self._start(start)
        if at == 0:  # the type first, as the builder makes edges
            kind = texts[0]
            return template % (n, u, v, kind, when, *texts[1:], kind)
        if at < 0:
            return template % (n, u, v, when, *texts)
        kind = texts[at]
        return template % (n, u, v, kind, when, *texts[:at], *texts[at + 1:], kind)

    def _start(self, date: bytes) -> bytes:
        """The ``start`` attribute of an (escaped) ISO date, none for b'' (remembered)."""
        out = self.starts[date] = b' start="%s"' % date if date else b""
        return out

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
