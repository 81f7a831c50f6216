"""What the streaming XML writers share: escaping, attribute typing, and one walk over the graph
that feeds every XML format at once (each value flattened and escaped once for all of them).

Rows are UTF-8 bytes filled in by ``%`` (half the cost of ``str.format``): JSON values go from
orjson to the file without a decode and an encode, short strings are encoded once."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

import networkx as nx
import orjson

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f]')

#: The properties a node or edge has (not None, not ''), in its order: its "shape". Formats make
#: one template per shape, so each row is a single ``str.format`` call.
Shape = tuple[str, ...]


def esc(value: Any) -> str:
    """XML-escape a value for text or a double-quoted attribute (control characters dropped)."""
    s = value if isinstance(value, str) else str(value)
    if not _SPECIAL.search(s):
        return s
    s = _BAD.sub("", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def esc_json(s: bytes) -> bytes:
    """``esc`` for JSON text from orjson (UTF-8), which never holds raw control characters."""
    return s.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;").replace(b'"', b"&quot;")


def kind_of(types: set[type]) -> str:
    """'boolean', 'long', 'double' or 'string' for the Python types one attribute's values take."""
    if not types or str in types:
        return "string"
    if types == {bool}:
        return "boolean"
    if bool not in types and types <= {int}:
        return "long"
    if bool not in types and types <= {int, float}:
        return "double"
    return "string"


_JSON_OPTS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


class Flattener:
    """A node's or edge's properties as escaped UTF-8 text: lists and dicts as JSON strings, booleans
    as true/false; None and '' left out. Records the Python types each property takes. Short
    strings (types, rules, dates, ids) are escaped and encoded once."""

    def __init__(self) -> None:
        self.memo: dict[str, bytes] = {}
        self.seen: set[tuple[str, type]] = set()  # (property, Python type) pairs met, but for str
        self.strings: set[str] = set()  # properties met with a string (or list or dict) value

    def text(self, s: str) -> bytes:
        out = self.memo.get(s)
        if out is None:
            out = esc(s).encode("utf-8")
            if len(s) <= 48:
                self.memo[s] = out
        return out

    def types(self, keys: Iterable[str]) -> dict[str, set[type]]:
        """The Python types each of ``keys`` took."""
        out: dict[str, set[type]] = {k: set() for k in keys}
        for k, cls in self.seen:
            if k in out:
                out[k].add(cls)
        for k in self.strings:
            if k in out:
                out[k].add(str)
        return out

    def items(self, d: dict[str, Any]) -> tuple[Shape, list[bytes]]:
        """The shape of ``d`` and its values as escaped text."""
        keys: list[str] = []
        texts: list[bytes] = []
        memo, strings = self.memo, self.strings
        for k, v in d.items():
            cls = v.__class__
            if cls is str:
                if not v:
                    continue
                text = memo.get(v) or self.text(v)
                strings.add(k)
            elif v is None:
                continue
            elif cls is list or cls is dict or cls is tuple:
                text = esc_json(orjson.dumps(v, option=_JSON_OPTS)) if v else (b"{}" if cls is dict else b"[]")
                strings.add(k)
            elif cls is bool:
                text = b"true" if v else b"false"
                self.seen.add((k, bool))
            elif isinstance(v, str):  # a str enum: its value
                text = self.text(str.__str__(v))
                strings.add(k)
            else:
                text = self.text(str(v))
                self.seen.add((k, cls))
            keys.append(k)
            texts.append(text)
        return tuple(keys), texts


class XmlFormat(Protocol):
    """One XML file format fed by ``write_xml``: rows for nodes and edges (returned as UTF-8), then
    its header. Rows get the escaped id(s), the escaped ISO ``start`` date or b'', the shape and
    the values' texts."""

    body: Body

    def node(self, nid: bytes, start: bytes, shape: Shape, texts: list[bytes]) -> bytes: ...

    def edge(self, u: bytes, v: bytes, key: bytes, start: bytes, shape: Shape, texts: list[bytes]) -> bytes: ...

    def finish(self, flat: Flattener) -> None: ...


def iso_date(d: Any) -> str:
    return d if isinstance(d, str) and len(d) == 10 and d[4] == "-" else ""


def write_xml(g: nx.MultiDiGraph, formats: Sequence[XmlFormat], block: int = 8192) -> None:
    """One pass over ``g`` (its own adjacency dicts: views cost 3x more) feeding every format."""
    write_xml_rows(graph_edges(g), g._node.items(), formats, block)


def graph_edges(g: nx.MultiDiGraph) -> Iterator[tuple[str, str, Any, dict[str, Any]]]:
    """(source, target, key, attrs) of every edge of ``g`` in its adjacency order."""
    for u, nbrs in g._adj.items():
        for v, keyed in nbrs.items():
            for k, d in keyed.items():
                yield u, v, k, d


def write_xml_rows(edges: Iterable[tuple[str, str, Any, dict[str, Any]]], nodes: Iterable[tuple[str, dict[str, Any]]],
                   formats: Sequence[XmlFormat], block: int = 8192) -> None:
    """Every format from one pass over the edges, then one over the nodes (a graph's adjacency and
    node order): the edges give each node its ``start`` (the date of its first dated edge; an edge's
    is its own date, ISO only). Each format's file still lists nodes first."""
    first: dict[str, str] = {}
    f = Flattener()
    memo, text, items = f.memo, f.text, f.items
    rows = [(fmt.edge, fmt.body.edges.rows.append) for fmt in formats]
    for count, (u, v, k, d) in enumerate(edges, 1):
        eu = memo.get(u) or text(u)
        ev = memo.get(v) or text(v)
        shape, texts = items(d)
        start = iso_date(d.get("date"))
        if start:
            if start < first.get(u, "9"):
                first[u] = start
            if start < first.get(v, "9"):
                first[v] = start
            estart = memo.get(start) or text(start)
        else:
            estart = b""
        ek = memo.get(k) or text(k if k.__class__ is str else str(k))
        for row, out in rows:
            out(row(eu, ev, ek, estart, shape, texts))
        if count % block == 0:
            for fmt in formats:
                fmt.body.edges.flush()
    _write_nodes(nodes, formats, f, first, block)
    for fmt in formats:
        fmt.finish(f)


def _write_nodes(nodes: Iterable[tuple[str, dict[str, Any]]], formats: Sequence[XmlFormat], f: Flattener,
                 first: dict[str, str], block: int) -> None:
    """The node rows of every format; ``first``: the nodes' start dates."""
    node_rows = [(fmt.node, fmt.body.nodes.rows.append) for fmt in formats]
    memo, text, items = f.memo, f.text, f.items
    for count, (n, d) in enumerate(nodes, 1):
        shape, texts = items(d)
        nid = memo.get(n) or text(n)
        start = first.get(n)
        estart = (memo.get(start) or text(start)) if start else b""
        for node_row, out in node_rows:
            out(node_row(nid, estart, shape, texts))
        if count % block == 0:
            for fmt in formats:
                fmt.body.nodes.flush()


class Section:
    """Rows of one part of a file, streamed to ``PATH``: ``rows`` collects them, ``flush`` writes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.rows: list[bytes] = []

    def flush(self) -> None:
        self.fh.write(b"".join(self.rows))
        self.rows.clear()

    def close(self) -> None:
        self.flush()
        self.fh.close()


class Body:
    """A file written in two sections, nodes and edges, each streamed to a part file; ``close``
    writes the header (known only at the end) to ``PATH`` and copies the sections after it, so a
    big file never sits in memory."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.nodes = Section(self.path + ".nodes.part")
        self.edges = Section(self.path + ".edges.part")

    def close(self, head: str, middle: str, tail: str) -> None:
        """Write ``head``, the nodes, ``middle``, the edges and ``tail`` to the file."""
        with open(self.path, "wb") as out:
            out.write(head.encode("utf-8"))
            for section, after in ((self.nodes, middle), (self.edges, tail)):
                section.close()
                with open(section.path, "rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
                os.remove(section.path)
                out.write(after.encode("utf-8"))
