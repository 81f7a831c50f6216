"""What the streaming XML writers share: escaping, attribute typing, and one walk over the graph
that feeds every XML format at once (each value flattened and escaped once for all of them)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Sequence
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


def esc_json(s: str) -> str:
    """``esc`` for JSON text from orjson, which never holds raw control characters."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


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
    """A node's or edge's properties as escaped text: lists and dicts as JSON strings, booleans as
    true/false; None and '' left out. Records the Python types each property takes. Short strings
    (types, rules, dates, ids) are escaped once."""

    def __init__(self) -> None:
        self.memo: dict[str, str] = {}
        self.seen: set[tuple[str, type]] = set()  # (property, Python type) pairs met

    def text(self, s: str) -> str:
        out = self.memo.get(s)
        if out is None:
            out = esc(s)
            if len(s) <= 48:
                self.memo[s] = out
        return out

    def types(self, keys: Iterable[str]) -> dict[str, set[type]]:
        """The Python types each of ``keys`` took."""
        out: dict[str, set[type]] = {k: set() for k in keys}
        for k, cls in self.seen:
            if k in out:
                out[k].add(cls)
        return out

    def items(self, d: dict[str, Any]) -> tuple[Shape, list[str]]:
        """The shape of ``d`` and its values as escaped text."""
        keys: list[str] = []
        texts: list[str] = []
        memo, seen = self.memo, self.seen
        for k, v in d.items():
            cls = v.__class__
            if cls is str:
                if not v:
                    continue
                text = memo.get(v) or self.text(v)
            elif v is None:
                continue
            elif cls is list or cls is dict or cls is tuple:
                text = esc_json(orjson.dumps(v, option=_JSON_OPTS).decode()) if v else ("{}" if cls is dict else "[]")
                cls = str
            elif cls is bool:
                text = "true" if v else "false"
            elif isinstance(v, str):  # a str enum: its value
                text, cls = self.text(str.__str__(v)), str
            else:
                text = self.text(str(v))
            seen.add((k, cls))
            keys.append(k)
            texts.append(text)
        return tuple(keys), texts


class XmlFormat(Protocol):
    """One XML file format fed by ``write_xml``: rows for nodes and edges (returned as text), then
    its header. Rows get the escaped id(s), the ISO ``start`` date or '', the shape and the values'
    texts."""

    body: Body

    def node(self, nid: str, start: str, shape: Shape, texts: list[str]) -> str: ...

    def edge(self, u: str, v: str, key: str, start: str, shape: Shape, texts: list[str]) -> str: ...

    def finish(self, flat: Flattener) -> None: ...


def iso_date(d: Any) -> str:
    return d if isinstance(d, str) and len(d) == 10 and d[4] == "-" else ""


def write_xml(g: nx.MultiDiGraph, formats: Sequence[XmlFormat], block: int = 8192) -> None:
    """One pass over ``g`` (its own adjacency dicts: views cost 3x more) feeding every format:
    edges first, which gives each node its ``start`` (the date of its first dated edge; an edge's
    is its own date, ISO only), then the nodes. Each format's file still lists nodes first."""
    first: dict[str, str] = {}
    f = Flattener()
    rows = [(fmt.edge, fmt.body.edges.rows.append) for fmt in formats]
    count = 0
    for u, nbrs in g._adj.items():
        eu = f.text(u)
        for v, keyed in nbrs.items():
            ev = f.text(v)
            for k, d in keyed.items():
                shape, texts = f.items(d)
                start = iso_date(d.get("date"))
                if start:
                    if start < first.get(u, "9"):
                        first[u] = start
                    if start < first.get(v, "9"):
                        first[v] = start
                ek = f.text(k if k.__class__ is str else str(k))
                for row, out in rows:
                    out(row(eu, ev, ek, start, shape, texts))
                count += 1
                if count % block == 0:
                    for fmt in formats:
                        fmt.body.edges.flush()
    node_rows = [(fmt.node, fmt.body.nodes.rows.append) for fmt in formats]
    for count, (n, d) in enumerate(g._node.items(), 1):
        shape, texts = f.items(d)
        nid = f.text(n)
        start = first.get(n, "")
        for node_row, out in node_rows:
            out(node_row(nid, start, shape, texts))
        if count % block == 0:
            for fmt in formats:
                fmt.body.nodes.flush()
    for fmt in formats:
        fmt.finish(f)


class Section:
    """Rows of one part of a file, streamed to ``PATH``: ``rows`` collects them, ``flush`` writes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.rows: list[str] = []

    def flush(self) -> None:
        self.fh.write("".join(self.rows))
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
