"""GraphML of the model graph, written as a stream (networkx's writer builds an ElementTree first).

Lists and dicts (aliases, evidence) become JSON strings; None and '' are left out;
``networkx.read_graphml`` reads it back.
"""

from __future__ import annotations

import os

import networkx as nx

from ._xml import Body, Flattener, Shape, esc, kind_of, write_xml

__all__ = ["GraphmlFormat", "write_graphml"]

_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n'
         '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


class GraphmlFormat:
    """GraphML rows for ``write_xml``; keys get ids as they are first seen (n0…, e0…)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.body = Body(path)
        self.keys: dict[str, dict[str, str]] = {"node": {}, "edge": {}}  # class → property → key id
        self.nodes: dict[Shape, str] = {}
        self.edges: dict[Shape, str] = {}

    def _data(self, cls: str, shape: Shape, first: int) -> str:
        """The ``<data>`` elements of a shape, values at template fields ``first``…"""
        keys = self.keys[cls]
        parts = []
        for i, k in enumerate(shape):
            kid = keys.setdefault(k, f"{cls[0]}{len(keys)}")
            parts.append(f'<data key="{kid}">{{{first + i}}}</data>')
        return "".join(parts)

    def node(self, nid: str, start: str, shape: Shape, texts: list[str]) -> str:
        t = self.nodes.get(shape)
        if t is None:
            t = self.nodes[shape] = '<node id="{0}">' + self._data("node", shape, 1) + "</node>\n"
        return t.format(nid, *texts)

    def edge(self, u: str, v: str, key: str, start: str, shape: Shape, texts: list[str]) -> str:
        t = self.edges.get(shape)
        if t is None:
            t = self.edges[shape] = ('<edge source="{0}" target="{1}" id="{2}">' + self._data("edge", shape, 3)
                                     + "</edge>\n")
        return t.format(u, v, key, *texts)

    def finish(self, flat: Flattener) -> None:
        head = [_HEAD]
        for cls, keys in self.keys.items():
            types = flat.types(keys)
            for name, kid in keys.items():
                head.append(f'<key id="{kid}" for="{cls}" attr.name="{esc(name)}" attr.type="{kind_of(types[name])}"/>\n')
        head.append('<graph edgedefault="directed">\n')
        self.body.close("".join(head), "", "</graph>\n</graphml>\n")


def write_graphml(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``g`` as GraphML."""
    write_xml(g, [GraphmlFormat(path)])

