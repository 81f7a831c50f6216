"""Small helpers the streaming XML writers share: escaping and attribute typing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import networkx as nx

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f]')


def esc(value: Any) -> str:
    """XML-escape a value for text or a double-quoted attribute (control characters dropped)."""
    s = value if isinstance(value, str) else str(value)
    if not _SPECIAL.search(s):
        return s
    s = _BAD.sub("", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def scalar(v: Any) -> Any:
    """Lists and dicts as JSON strings; None as ''."""
    if isinstance(v, str):
        return v
    if isinstance(v, (list, dict, tuple)):
        if not v:
            return "[]" if not isinstance(v, dict) else "{}"
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if v is None:
        return ""
    return v


def kind_of(values: list[Any]) -> str:
    """'boolean', 'long', 'double' or 'string' for the values one attribute takes."""
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def text_of(v: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if v else "false"
    return esc(v)


@dataclass
class FlatGraph:
    """Nodes and edges with every property a scalar, computed once for all file writers."""

    nodes: list[tuple[str, dict[str, Any]]]
    edges: list[tuple[str, str, str, dict[str, Any]]]


def flat_graph(g: nx.MultiDiGraph) -> FlatGraph:
    """Flatten ``g`` (lists and dicts → JSON strings, None → '') in one pass over its adjacency."""
    nodes = [(n, {k: scalar(v) for k, v in d.items()}) for n, d in g.nodes(data=True)]
    edges = []
    for u, nbrs in g._adj.items():  # the adjacency dict itself: edges(data=True) views cost 3x more
        for v, keyed in nbrs.items():
            for k, d in keyed.items():
                edges.append((u, v, k, {kk: scalar(vv) for kk, vv in d.items()}))
    return FlatGraph(nodes, edges)


class Sink:
    """Text pieces appended in order and written out in blocks, so a big file never sits in memory."""

    def __init__(self, path: Any, pieces: list[str] | None = None, block: int = 20000) -> None:
        self.fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.buf: list[str] = list(pieces or [])
        self.block = block

    def append(self, piece: str) -> None:
        self.buf.append(piece)
        if len(self.buf) >= self.block:
            self.fh.write("".join(self.buf))
            self.buf.clear()

    def close(self) -> None:
        self.fh.write("".join(self.buf))
        self.buf.clear()
        self.fh.close()
