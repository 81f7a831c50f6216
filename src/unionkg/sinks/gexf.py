"""GEXF 1.2 of the model graph in dynamic mode, written as a stream.

Nodes start at their first dated edge, edges at their date (ISO dates only), so Gephi's timeline
plays a campaign's spread. The relationship type is the edge ``label`` (and attribute
``relationship``): GEXF reserves the edge attribute ``type`` for directed/undirected.
"""

from __future__ import annotations

import os

import networkx as nx

from ._xml import Body, Flattener, Item, esc, kind_of, write_xml

__all__ = ["GexfFormat", "write_gexf"]


class GexfFormat:
    """GEXF rows for ``write_xml``; attributes get ids as they are first seen."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.body = Body(path)
        self.body.append("<nodes>\n")
        self.nattrs: dict[str, str] = {}
        self.eattrs: dict[str, str] = {"relationship": '<attvalue for="0" value="'}
        self.edges = 0  # edges written so far: the next edge's id

    @staticmethod
    def _values(items: list[Item], attrs: dict[str, str], skip: str) -> tuple[str, str]:
        """The ``skip`` property's text, and the other properties as ``<attvalue>`` elements."""
        parts = []
        skipped = ""
        for k, text in items:
            if k == skip:
                skipped = text
                continue
            aid = attrs.get(k)
            if aid is None:
                aid = attrs[k] = f'<attvalue for="{len(attrs)}" value="'
            parts.append(f'{aid}{text}"/>')
        return skipped, "".join(parts)

    def node(self, nid: str, items: list[Item], start: str | None) -> None:
        label, values = self._values(items, self.nattrs, "label")
        st = f' start="{start}"' if start else ""
        vals = f"<attvalues>{values}</attvalues>" if values else ""
        self.body.append(f'<node id="{nid}" label="{label}"{st}>{vals}</node>\n')

    def edge(self, u: str, v: str, key: str, items: list[Item], start: str | None) -> None:
        if not self.edges:
            self.body.append("</nodes>\n<edges>\n")
        label, values = self._values(items, self.eattrs, "type")
        st = f' start="{start}"' if start else ""
        rel = f'<attvalue for="0" value="{label}"/>' if label else ""
        vals = f"<attvalues>{values}{rel}</attvalues>" if values or rel else ""
        self.body.append(f'<edge id="{self.edges}" source="{u}" target="{v}" label="{label}"{st}>{vals}</edge>\n')
        self.edges += 1

    def finish(self, flat: Flattener) -> None:
        head = ['<?xml version="1.0" encoding="utf-8"?>\n',
                '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n',
                '<meta><creator>unionkg</creator></meta>\n',
                '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n']
        for cls, attrs in (("node", self.nattrs), ("edge", self.eattrs)):
            ts = flat.types(attrs)
            if cls == "edge":
                ts["relationship"] = {str}
            head.append(f'<attributes class="{cls}" mode="static">\n')
            for name, tag in attrs.items():
                aid = tag[len('<attvalue for="'):-len('" value="')]
                head.append(f'<attribute id="{aid}" title="{esc(name)}" type="{kind_of(ts[name])}"/>\n')
            head.append("</attributes>\n")
        if not self.edges:
            self.body.append("</nodes>\n<edges>\n")
        self.body.close("".join(head), "</edges>\n</graph>\n</gexf>\n")


def write_gexf(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``g`` as dynamic GEXF."""
    write_xml(g, [GexfFormat(path)])
