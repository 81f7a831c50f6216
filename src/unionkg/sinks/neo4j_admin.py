"""Write the graph as CSV files for ``neo4j-admin database import full`` (the bulk path).

One node file per label and one relationship file per type, each with its own header file::

    nodes_UnionBody.header.csv   id:ID,:LABEL,name,aliases:string[],inferred:boolean,...
    nodes_UnionBody.csv
    rels_IMPLEMENTS.header.csv   :START_ID,:END_ID,:TYPE,key,date,evidence,evidence_rule:string[],...
    rels_IMPLEMENTS.csv
    import.args                  the neo4j-admin arguments, one per line

Values are converted as for the Bolt loader (``neo4j_props``): maps and lists of maps become JSON
strings and a column whose values disagree in type is written as text. Arrays join their elements with
``;``, or, when some string element contains ``;`` (OCR text often has ASCII punctuation), with the
first of ``|`` and U+001F that none contains, so arrays stay arrays as over Bolt; ``import.args``
names the delimiter. Strings are quoted and nulls left empty, so an empty string and a missing value
stay distinct.

    >>> export = write_neo4j_admin(G, "out/neo4j-admin")  # doctest: +SKIP
    >>> export.arguments("neo4j")  # doctest: +SKIP
    ['database', 'import', 'full', '--nodes=out/neo4j-admin/nodes_Article.header.csv,...', ...]
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..types import Label, RelType
from .neo4j import node_rows, relationship_rows
from .neo4j_props import to_json

__all__ = ["AdminExport", "write_neo4j_admin"]

DELIMITERS = (";", "|", "\x1f")
_SCALAR_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}


@dataclass
class AdminExport:
    """The files written, per label and per type, as (header file, data file) pairs."""

    out_dir: Path
    array_delimiter: str = ";"
    nodes: dict[str, tuple[Path, Path]] = field(default_factory=dict)
    relationships: dict[str, tuple[Path, Path]] = field(default_factory=dict)
    node_count: int = 0
    relationship_count: int = 0

    def arguments(self, database: str = "neo4j") -> list[str]:
        """``neo4j-admin`` arguments that import these files into DATABASE (new or empty)."""
        delimiter = self.array_delimiter
        if not delimiter.isprintable():
            delimiter = f"U+{ord(delimiter):04X}"
        args = ["database", "import", "full"]
        args += [f"--nodes={h},{d}" for h, d in self.nodes.values()]
        args += [f"--relationships={h},{d}" for h, d in self.relationships.values()]
        args += [f"--array-delimiter={delimiter}", "--multiline-fields=true", database]
        return args


def _kind(value: Any) -> str | None:
    """The neo4j-admin type of one converted value; arrays as ``<type>[]``, empty array as ``[]``."""
    if value is None:
        return None
    if isinstance(value, list):
        kinds = {_SCALAR_TYPES[type(v)] for v in value}
        if not kinds:
            return "[]"
        if kinds == {"long", "double"}:
            return "double[]"
        return f"{kinds.pop()}[]" if len(kinds) == 1 else "string"
    return _SCALAR_TYPES.get(type(value), "string")


def _column_type(values: Iterable[Any], delimiter: str) -> str:
    """One header type for all the values of a column (``string`` when they disagree)."""
    kinds: set[str] = set()
    for value in values:
        kind = _kind(value)
        if kind is None:
            continue
        if kind == "string[]" and any(delimiter in item for item in value):
            return "json"
        kinds.add(kind)
    arrays = {k for k in kinds if k.endswith("[]")}
    if arrays and arrays != kinds:
        return "string"
    if arrays:
        arrays.discard("[]")
        if not arrays:
            return "string[]"
        if arrays == {"long[]", "double[]"}:
            return "double[]"
        return arrays.pop() if len(arrays) == 1 else "json"
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


def _cell(value: Any, column_type: str, delimiter: str) -> str | None:
    """A value as written to the CSV (None stays None: an empty, unquoted field)."""
    if value is None:
        return None
    if column_type == "json":
        return to_json(value)
    if column_type.endswith("[]"):
        return delimiter.join(_scalar_text(v) for v in value)
    if isinstance(value, list):
        return to_json(value)
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if not isinstance(value, str) else value


def _columns(rows: list[Mapping[str, Any]], fixed: Iterable[str], delimiter: str) -> list[tuple[str, str]]:
    """(property, type) for every property of ROWS except the FIXED ones, in first-seen order."""
    names: dict[str, None] = {}
    for row in rows:
        for name in row:
            names.setdefault(name, None)
    skip = set(fixed)
    return [(n, _column_type((r.get(n) for r in rows), delimiter)) for n in names if n not in skip]


def _header_name(name: str, column_type: str) -> str:
    if column_type in ("string", "json"):
        return name
    return f"{name}:{column_type}"


def _field(value: str | None) -> str:
    """A CSV field: strings always quoted (quotes doubled), None an empty unquoted field (null)."""
    return "" if value is None else '"' + value.replace('"', '""') + '"'


def _write(path: Path, rows: Iterable[list[str | None]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        for row in rows:
            f.write(",".join(_field(v) for v in row) + "\n")


def _write_header(path: Path, header: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(header)


def _pick_delimiter(rows: Iterable[Mapping[str, Any]]) -> str:
    """The first of ``;``, ``|`` and U+001F that no string array element contains (else ``;``)."""
    used: set[str] = set()
    for props in rows:
        for value in props.values():
            if isinstance(value, list):
                used.update(ch for item in value if isinstance(item, str) for ch in DELIMITERS if ch in item)
    return next((ch for ch in DELIMITERS if ch not in used), DELIMITERS[0])


def write_neo4j_admin(G: nx.MultiDiGraph, out_dir: str | Path, array_delimiter: str | None = None) -> AdminExport:
    """Write node CSVs per label and relationship CSVs per type (with header files) into OUT_DIR.

    ARRAY_DELIMITER None picks one that no array element contains (see the module docstring).
    """
    if array_delimiter is not None and (len(array_delimiter) != 1 or array_delimiter in ',"\n'):
        raise ValueError("array_delimiter must be one character other than , \" and newline")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nodes = node_rows(G)
    rels = relationship_rows(G)
    if array_delimiter is None:
        array_delimiter = _pick_delimiter(
            [row["props"] for rows in nodes.values() for row in rows]
            + [row["props"] for rows in rels.values() for row in rows]
        )
    export = AdminExport(out.resolve(), array_delimiter)
    for label, rows in nodes.items():
        props = [row["props"] for row in rows]
        columns = _columns(props, ("id",), array_delimiter)
        header = ["id:ID", ":LABEL"] + [_header_name(n, t) for n, t in columns]
        name = Label(label).value
        head_path, data_path = out / f"nodes_{name}.header.csv", out / f"nodes_{name}.csv"
        _write_header(head_path, header)
        _write(data_path, (
            [row["id"], name] + [_cell(row["props"].get(n), t, array_delimiter) for n, t in columns]
            for row in rows
        ))
        export.nodes[name] = (head_path.resolve(), data_path.resolve())
        export.node_count += len(rows)
    by_type: dict[RelType, list[dict[str, Any]]] = {}
    for (rel_type, _, _), rows in rels.items():
        by_type.setdefault(rel_type, []).extend(rows)
    for rel_type, rows in by_type.items():
        props = [row["props"] for row in rows]
        columns = _columns(props, (), array_delimiter)
        header = [":START_ID", ":END_ID", ":TYPE"] + [_header_name(n, t) for n, t in columns]
        name = RelType(rel_type).value
        head_path, data_path = out / f"rels_{name}.header.csv", out / f"rels_{name}.csv"
        _write_header(head_path, header)
        _write(data_path, (
            [row["src"], row["dst"], name] + [_cell(row["props"].get(n), t, array_delimiter) for n, t in columns]
            for row in rows
        ))
        export.relationships[name] = (head_path.resolve(), data_path.resolve())
        export.relationship_count += len(rows)
    (out / "import.args").write_text("\n".join(export.arguments()) + "\n", encoding="utf-8")
    return export
