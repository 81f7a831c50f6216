"""GraphML of the model graph, written as a stream (networkx's writer builds an ElementTree first).

Lists and dicts (aliases, evidence) become JSON strings; None and '' are left out;
``networkx.read_graphml`` reads it back.
"""

from __future__ import annotations

import os

import networkx as nx

from ._xml import Body, Flattener, Item, esc, kind_of, write_xml

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
        self.nkeys: dict[str, str] = {}
        self.ekeys: dict[str, str] = {}

    @staticmethod
    def _data(items: list[Item], keys: dict[str, str], prefix: str) -> str:
        parts = []
        for k, text in items:
            kid = keys.get(k)
            if kid is None:
                kid = keys[k] = f'<data key="{prefix}{len(keys)}">'
            parts.append(f"{kid}{text}</data>")
        return "".join(parts)

    def node(self, nid: str, items: list[Item], start: str | None) -> None:
        self.body.append(f'<node id="{nid}">{self._data(items, self.nkeys, "n")}</node>\n')

    def edge(self, u: str, v: str, key: str, items: list[Item], start: str | None) -> None:
        self.body.append(f'<edge source="{u}" target="{v}" id="{key}">{self._data(items, self.ekeys, "e")}</edge>\n')

    def finish(self, flat: Flattener) -> None:
        head = [_HEAD]
        for cls, keys in (("node", self.nkeys), ("edge", self.ekeys)):
            types = flat.types(keys)
            for name, tag in keys.items():
                kid = tag[len('<data key="'):-2]
                head.append(f'<key id="{kid}" for="{cls}" attr.name="{esc(name)}" attr.type="{kind_of(types[name])}"/>\n')
        head.append('<graph edgedefault="directed">\n')
        self.body.close("".join(head), "</graph>\n</graphml>\n")


def write_graphml(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``g`` as GraphML."""
    write_xml(g, [GraphmlFormat(path)])
