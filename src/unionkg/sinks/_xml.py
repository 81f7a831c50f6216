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
                text = self.text(orjson.dumps(v, option=_JSON_OPTS).decode()) if v else ("{}" if cls is dict else "[]")
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
    """One XML file format fed by ``write_xml``: nodes, then edges, then its header. Rows get the
    escaped id(s), the ISO ``start`` date or '', the shape and the values' texts."""

    def node(self, nid: str, start: str, shape: Shape, texts: list[str]) -> None: ...

    def edge(self, u: str, v: str, key: str, start: str, shape: Shape, texts: list[str]) -> None: ...

    def finish(self, flat: Flattener) -> None: ...


def iso_date(d: Any) -> str:
    return d if isinstance(d, str) and len(d) == 10 and d[4] == "-" else ""


def write_xml(g: nx.MultiDiGraph, formats: Sequence[XmlFormat]) -> None:
    """One pass over ``g`` (its own adjacency dicts: views cost 3x more) feeding every format.
    A node's ``start`` is the date of its first dated edge, an edge's its own date (ISO only)."""
    first: dict[str, str] = {}
    for u, nbrs in g._adj.items():
        for v, keyed in nbrs.items():
            for d in keyed.values():
                iso = iso_date(d.get("date"))
                if iso:
                    for n in (u, v):
                        if iso < first.get(n, "9"):
                            first[n] = iso
    f = Flattener()
    nodes = [fmt.node for fmt in formats]
    edges = [fmt.edge for fmt in formats]
    for n, d in g._node.items():
        shape, texts = f.items(d)
        nid = f.text(n)
        start = first.get(n, "")
        for node in nodes:
            node(nid, start, shape, texts)
    for u, nbrs in g._adj.items():
        eu = f.text(u)
        for v, keyed in nbrs.items():
            ev = f.text(v)
            for k, d in keyed.items():
                shape, texts = f.items(d)
                ek, start = f.text(str(k)), iso_date(d.get("date"))
                for edge in edges:
                    edge(eu, ev, ek, start, shape, texts)
    for fmt in formats:
        fmt.finish(f)


class Body:
    """A file written body first: pieces stream to ``PATH.part``; ``close`` writes the header (known
    only at the end) to ``PATH`` and copies the body after it, so a big file never sits in memory."""

    def __init__(self, path: str | os.PathLike[str], block: int = 20000) -> None:
        self.path = os.fspath(path)
        self.fh = open(self.path + ".part", "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.buf: list[str] = []
        self.block = block

    def append(self, piece: str) -> None:
        self.buf.append(piece)
        if len(self.buf) >= self.block:
            self.fh.write("".join(self.buf))
            self.buf.clear()

    def close(self, head: str, tail: str) -> None:
        self.buf.append(tail)
        self.fh.write("".join(self.buf))
        self.buf.clear()
        self.fh.close()
        with open(self.path, "wb") as out, open(self.path + ".part", "rb") as body:
            out.write(head.encode("utf-8"))
            shutil.copyfileobj(body, out, 1 << 20)
        os.remove(self.path + ".part")
