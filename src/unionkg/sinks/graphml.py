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
        self.nodes: dict[Shape, bytes] = {}  # shape → row template (``%`` fields)
        self.edges: dict[Shape, bytes] = {}

    def _data(self, cls: str, shape: Shape) -> str:
        """The ``<data>`` elements of a shape, one ``%s`` for each value."""
        keys = self.keys[cls]
        parts = []
        for k in shape:
            kid = keys.setdefault(k, f"{cls[0]}{len(keys)}")
            parts.append(f'<data key="{kid}">%s</data>')
        return "".join(parts)

    def node(self, nid: bytes, start: bytes, shape: Shape, texts: list[bytes]) -> bytes:
        t = self.nodes.get(shape)
        if t is None:
            t = self.nodes[shape] = ('<node id="%s">' + self._data("node", shape) + "</node>\n").encode()
        return t % (nid, *texts)

    def edge(self, u: bytes, v: bytes, key: bytes, start: bytes, shape: Shape, texts: list[bytes]) -> bytes:
        t = self.edges.get(shape)
        if t is None:
            t = self.edges[shape] = ('<edge source="%s" target="%s" id="%s">' + self._data("edge", shape)
                                     + "</edge>\n").encode()
        return t % (u, v, key, *texts)

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

