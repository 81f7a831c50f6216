"""Run the analysts' Cypher files (``queries/*.cypher``) and print their rows as a table, CSV or JSON.

A query file is one Cypher statement under a ``//`` header; header lines of the form
``// :param name => value`` give each parameter an example value, used when the caller does not
pass one (the same syntax Neo4j Browser's ``:param`` uses).

    >>> parse_param("campaign=百千万工程")
    ('campaign', '百千万工程')
    >>> parse_param("min_bodies=2")
    ('min_bodies', 2)
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
from neo4j import exceptions as neo_exc
from neo4j import graph as neo_graph

from ..errors import QueryError
from ..outputs import csv_text
from .neo4j import connect

__all__ = [
    "CypherFile",
    "QueryResult",
    "format_result",
    "parse_param",
    "query_file",
    "read_query_file",
    "run_query",
]

FORMATS = ("table", "csv", "json")
_PARAM_LINE = re.compile(r"^\s*//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+?)\s*;?\s*$")
_PARAM_DOC = re.compile(r"^\s*//\s{2,}(\S.*?)\s*$")  # an indented header line: the meaning of the :param above
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class CypherFile:
    """A query file: its statement, the example parameter values of its header, the header text,
    what each parameter means (the indented lines under its ``:param``) and the header's first
    paragraph (what the query does)."""

    path: Path
    text: str
    defaults: dict[str, Any] = field(default_factory=dict)
    header: str = ""
    docs: dict[str, str] = field(default_factory=dict)
    description: str = ""

    @property
    def params(self) -> list[str]:
        """Every parameter the query takes: those its header documents, then any other ``$name``."""
        used = [m.group(1) for m in _PARAM_USE.finditer(self.text)]
        return list(dict.fromkeys([*self.defaults, *used]))

    def check(self, params: Mapping[str, Any]) -> None:
        """``QueryError`` for a parameter the query does not take (a typo would otherwise run the
        query with the header's example value)."""
        known = self.params
        for name in params:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                raise QueryError(
                    f"{self.path.name} has no parameter {name!r}"
                    + (f"; did you mean {close[0]!r}?" if close else ""),
                    hint=f"its parameters: {', '.join(known) or '(none)'}; "
                         f"`unionkg query {self.path} --help` says what each means")

    def param_help(self) -> list[tuple[str, str]]:
        """``(name, what it means and an example)`` for each parameter, as ``--help`` lists them."""
        rows = []
        for name in self.params:
            text = self.docs.get(name, "")
            if name in self.defaults:
                text += f"{'; ' if text else ''}e.g. -p {name}={_example(self.defaults[name])}"
            rows.append((name, text))
        return rows


@dataclass(frozen=True)
class QueryResult:
    keys: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.keys, row, strict=True)) for row in self.rows]


def _example(value: Any) -> str:
    """A header's example value as one would write it after ``-p name=``."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _literal(text: str) -> Any:
    """A header or command-line value: JSON when it parses, a quoted string unquoted, else the text."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("\\'", "'")
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_param(option: str) -> tuple[str, Any]:
    """``name=value`` from ``-p``: numbers, booleans, null and lists as JSON, anything else a string."""
    name, sep, value = option.partition("=")
    if not sep or not name.strip():
        raise QueryError(f"bad parameter {option!r}", hint="write it as -p name=value, e.g. -p campaign=百千万工程")
    return name.strip(), _literal(value)


def read_query_file(path: Path) -> CypherFile:
    """The statement of a query file (header comments kept out) and its ``:param`` examples."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"cannot read query file {path}: {err.strerror}", hint="see queries/ for the library") from err
    header: list[str] = []
    body: list[str] = []
    defaults: dict[str, Any] = {}
    docs: dict[str, list[str]] = {}
    documenting: str | None = None  # the :param whose indented lines follow
    for line in source.splitlines():
        match = _PARAM_LINE.match(line)
        if match:
            defaults[match.group(1)] = _literal(match.group(2))
        if not body and (line.lstrip().startswith("//") or not line.strip()):
            header.append(line)
            doc = _PARAM_DOC.match(line)
            if match:
                documenting = match.group(1)
            elif documenting and doc:
                docs.setdefault(documenting, []).append(doc.group(1))
            else:
                documenting = None
        else:
            body.append(line)
    text = "\n".join(body).strip().rstrip(";").strip()
    if not text:
        raise QueryError(f"query file {path} has no statement")
    first: list[str] = []
    for line in header:
        words = line.strip().removeprefix("//").strip()
        if not words and first:
            break
        if words:
            first.append(words)
    return CypherFile(Path(path), text, defaults, "\n".join(header).strip(),
                      {k: " ".join(v) for k, v in docs.items()}, " ".join(first))


def _plain(value: Any) -> Any:
    """Driver values (nodes, relationships, paths, temporal values) as plain Python data."""
    if isinstance(value, neo_graph.Node):
        return {"labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo_graph.Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo_graph.Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_query(
    cypher: str,
    params: Mapping[str, Any],
    uri: str,
    user: str,
    password: str,
    database: str | None = None,
) -> QueryResult:
    """Run one read statement with parameters and return its rows as plain Python values."""
    with connect(uri, user, password, database) as driver:
        try:
            records, _, keys = driver.execute_query(
                cypher, dict(params), database_=database, routing_=neo4j.RoutingControl.READ
            )
        except neo_exc.ClientError as err:
            missing = "ParameterMissing" in (err.code or "")
            raise QueryError(
                f"Neo4j rejected the query: {err.message}",
                hint="pass it with -p name=value" if missing else "check the Cypher (see the file's header)",
            ) from err
    return QueryResult(list(keys), [[_plain(v) for v in record.values()] for record in records])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _width(text: str) -> int:
    """Columns TEXT takes in a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def format_result(result: QueryResult, fmt: str = "table", *, excel: bool = False) -> str:
    """The rows as an aligned text table, CSV (header row first) or a JSON list of objects. CSV
    cells a spreadsheet would run as formulas are escaped; ``excel`` adds a byte-order mark and
    CRLF line ends."""
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2)
    cells = [[_cell(v).replace("\n", " ") for v in row] for row in result.rows]
    if fmt == "csv":
        return csv_text(result.keys, cells, excel=excel).rstrip("\r\n")
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    widths = [max([_width(k)] + [_width(row[i]) for row in cells]) for i, k in enumerate(result.keys)]
    lines = [" | ".join(_pad(k, w) for k, w in zip(result.keys, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def query_file(
    path: Path,
    params: Mapping[str, Any],
    uri: str,
    user: str,
    password: str,
    database: str | None = None,
    fmt: str = "table",
    *,
    excel: bool = False,
) -> str:
    """Run a query file (header examples fill in parameters not given) and format its rows; a
    parameter the file does not take is refused before connecting."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    query = read_query_file(path)
    query.check(params)
    merged = {**query.defaults, **params}
    return format_result(run_query(query.text, merged, uri, user, password, database), fmt, excel=excel)
