"""Write the graph as CSV files for ``neo4j-admin database import full`` (the bulk path), and run it.

One node file per label and one relationship file per type, each with its own header file::

    nodes_UnionBody.header.csv   id:ID,:LABEL,name,aliases:string[],inferred:boolean,...
    nodes_UnionBody.csv
    rels_IMPLEMENTS.header.csv   :START_ID,:END_ID,:TYPE,key,date,evidence,evidence_rule:string[],...
    rels_IMPLEMENTS.csv
    import.args                  the neo4j-admin arguments, one per line

Rows are streamed from a ``RowSource`` (or a networkx graph) straight into the files; the header
files are written last, once the columns and their types are known (columns appear in first-seen
order; a row written before a column appeared simply ends early, which neo4j-admin reads as null).

Values are converted as for the Bolt loader (``neo4j_props``): maps and lists of maps become JSON
strings and a column whose values disagree in type is written as text. Arrays join their elements with
``;``, or, when some string element contains ``;`` (OCR text often has ASCII punctuation), with the
first of ``|`` and U+001F that none contains, so arrays stay arrays as over Bolt; ``import.args``
names the delimiter. Arrays are streamed joined with U+001F (which cleaned text never holds); once
the delimiter is known, a file's U+001F become it in one pass over its bytes. A file whose cells
turn out to need another form (a column of mixed types, a U+001F in its text) is written again
from its rows. Strings are quoted
and nulls left empty, so an empty string and a missing value stay distinct.

    >>> export = write_neo4j_admin(G, "out/neo4j-admin")  # doctest: +SKIP
    >>> export.arguments("neo4j")  # doctest: +SKIP
    ['database', 'import', 'full', '--nodes=out/neo4j-admin/nodes_Article.header.csv,...', ...]
    >>> bulk_import(G, ["scripts/neo4j-local", "admin", "--data", "/srv/neo4j", "--"])  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import functools
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import Neo4jError
from ..model.store import GraphStore
from ..types import Label, RelType
from .neo4j_props import to_json
from .neo4j_rows import RowSource, StoreRows, edge_params, node_params, row_source

__all__ = ["AdminExport", "BulkReport", "Neo4jImportError", "bulk_import", "write_neo4j_admin"]

DELIMITERS = (";", "|", "\x1f")
#: What arrays are joined with while a file is streamed (the final delimiter replaces it after).
STREAMED_WITH = "\x1f"
_SCALAR_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}
#: Called as ``progress(rows_written, rows_total)`` while the CSV files are written.
CsvProgress = Callable[[int, int], None]


@dataclass
class AdminExport:
    """The files written, per label and per type, as (header file, data file) pairs."""

    out_dir: Path
    array_delimiter: str = ";"
    nodes: dict[str, tuple[Path, Path]] = field(default_factory=dict)
    relationships: dict[str, tuple[Path, Path]] = field(default_factory=dict)
    node_count: int = 0
    relationship_count: int = 0
    multiline: bool = False  # some field holds a line break
    rewritten: list[str] = field(default_factory=list)  # files written a second time

    def arguments(self, database: str = "neo4j") -> list[str]:
        """``neo4j-admin`` arguments that import these files into DATABASE (new or empty)."""
        delimiter = self.array_delimiter
        if not delimiter.isprintable():
            delimiter = f"U+{ord(delimiter):04X}"
        args = ["database", "import", "full"]
        args += [f"--nodes={h},{d}" for h, d in self.nodes.values()]
        args += [f"--relationships={h},{d}" for h, d in self.relationships.values()]
        if self.multiline:
            args.append("--multiline-fields=true")
        args += [f"--array-delimiter={delimiter}", database]  # an option ends the file lists before the name
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


class _Column:
    """What one column held, gathered while its cells are streamed, to type it at the end."""

    __slots__ = ("array_cells", "delimiters", "json_cells", "kinds", "scalar_cells")

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        self.delimiters: set[str] = set()  # delimiters found inside string[] elements
        self.array_cells = self.json_cells = self.scalar_cells = False

    def type(self, delimiter: str) -> str:
        """One header type for all the values of the column (``string`` when they disagree)."""
        if delimiter in self.delimiters:
            return "json"
        kinds = self.kinds
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
        return next(iter(kinds)) if len(kinds) == 1 else "string"

    def streamed_right(self, column_type: str, delimiter: str, streamed_with: str) -> bool:
        """Whether the cells streamed with STREAMED_WITH are the cells of COLUMN_TYPE and DELIMITER."""
        if column_type == "json":
            return not (self.scalar_cells or self.array_cells)
        if column_type.endswith("[]"):
            return delimiter == streamed_with or not self.array_cells
        return not self.array_cells


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


def _header_name(name: str, column_type: str) -> str:
    if column_type in ("string", "json"):
        return name
    return f"{name}:{column_type}"


def _field(value: str | None) -> str:
    """A CSV field: strings always quoted (quotes doubled), None an empty unquoted field (null)."""
    return "" if value is None else '"' + value.replace('"', '""') + '"'


def _write_header(path: Path, header: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(header)


class _File:
    """One data file being streamed: its columns and what they held."""

    def __init__(self, path: Path, fixed: list[str], candidates: tuple[str, ...], streamed_with: str) -> None:
        self.path, self.fixed = path, fixed  # FIXED: properties held by a lead cell (a node's id:ID)
        self.columns: dict[str, _Column] = {}
        self.known: dict[str, None] = dict.fromkeys(fixed)  # the columns and the fixed names
        # the fewest property cells of a line that ends with "" (an empty string or array): a line
        # shorter than the header whose last field is empty makes neo4j-admin read the next line on
        # into the missing columns, so such a file is written again, every line full
        self.empty_end = 1 << 30
        self.candidates, self.streamed_with = candidates, streamed_with
        self.used: set[str] = set()  # delimiters found in any string inside a list
        self.clash = False  # some string cell holds the delimiter the arrays are streamed with
        self.multiline = False
        self.is_node = False
        self.rows = 0

    def line(self, lead: list[str], props: dict[str, Any]) -> str:
        """The CSV line of one row (LEAD: the fixed cells), noting what its values were.

        PROPS are converted (``to_properties``): scalars, or lists that are homogeneous arrays.
        """
        cells = ['"' + v.replace('"', '""') + '"' for v in lead]
        columns, delimiter = self.columns, self.streamed_with
        if any(delimiter in v for v in lead):
            self.clash = True
        if not self.known.keys() >= props.keys():  # a new column (a row may bring one however few it has)
            for name in props:
                if name not in self.known:
                    columns[name] = _Column()
                    self.known[name] = None
        for name, column in columns.items():
            value = props.get(name)
            if value is None:
                cells.append("")
                continue
            t = type(value)
            if t is str:
                column.kinds.add("string")
                column.scalar_cells = True
                text = value
                if delimiter in text:
                    self.clash = True
            elif t is list:
                if value:
                    kind = _SCALAR_TYPES.get(type(value[0]), "string") + "[]"
                    if kind == "string[]":
                        blob = "".join(value)
                        for d in self.candidates:
                            if d in blob:
                                self.used.add(d)
                                column.delimiters.add(d)
                        if delimiter in blob:
                            self.clash = True
                        text = delimiter.join(value)
                    else:
                        text = delimiter.join([_scalar_text(v) for v in value])
                else:
                    kind, text = "[]", ""
                column.kinds.add(kind)
                column.array_cells = True
            else:
                column.kinds.add(_SCALAR_TYPES.get(t, "string"))
                column.scalar_cells = True
                text = ("true" if value else "false") if t is bool else str(value)
            cells.append('"' + text.replace('"', '""') + '"')
        while cells[-1] == "":  # a line ends early rather than with an empty field (see empty_end)
            cells.pop()
        if cells[-1] == '""' and len(cells) - len(lead) < self.empty_end:
            self.empty_end = len(cells) - len(lead)
        line = ",".join(cells)
        if "\n" in line or "\r" in line:
            self.multiline = True
        self.rows += 1
        return line + "\n"


def _node_lines(rows: RowSource, label: Label) -> Iterator[tuple[list[str], dict[str, Any]]]:
    for row in rows.iter_nodes(label):
        params = node_params(row)
        yield [params["id"], label.value], params["props"]


def _edge_lines(rows: RowSource, rel_type: RelType) -> Iterator[tuple[list[str], dict[str, Any]]]:
    for row in rows.iter_edges(rel_type):
        params = edge_params(row)
        yield [params["src"], params["dst"], rel_type.value], params["props"]


def _stream(f: _File, lines: Iterator[tuple[list[str], dict[str, Any]]], tick: Callable[[], None]) -> None:
    with open(f.path, "w", encoding="utf-8", newline="") as out:
        write = out.write
        for lead, props in lines:
            write(f.line(lead, props))
            tick()


def _swap_delimiter(path: Path, old: str, new: str) -> None:
    """Every ``old`` in the file at PATH becomes ``new`` (one-byte characters: UTF-8 never holds
    them inside another character), a block at a time."""
    a, b = old.encode(), new.encode()
    assert len(a) == len(b) == 1
    part = path.with_name(path.name + ".part")
    with open(path, "rb") as src, open(part, "wb") as dst:
        while block := src.read(1 << 22):
            dst.write(block.replace(a, b))
    os.replace(part, path)


def _rewrite(f: _File, lines: Iterator[tuple[list[str], dict[str, Any]]], delimiter: str) -> None:
    """Write F again from its rows with the final column types and delimiter."""
    types = {name: column.type(delimiter) for name, column in f.columns.items()}
    with open(f.path, "w", encoding="utf-8", newline="") as out:
        for lead, props in lines:
            cells = [_field(v) for v in lead]
            cells += [_field(_cell(props.get(name), t, delimiter)) for name, t in types.items()]
            out.write(",".join(cells) + "\n")


def _store_rows(path: str, facts: str | None) -> StoreRows:
    """A worker's own read-only connection to the store at PATH (a connection is not shared across processes)."""
    store = GraphStore.open_file(path)
    store.facts = facts
    return StoreRows(store)


def _write_file(path: str, facts: str | None, kind: str, name: str, out: Path, candidates: tuple[str, ...],
                streamed_with: str) -> _File:
    """One CSV file written in a worker process from its own connection to the store (see ``workers``)."""
    rows = _store_rows(path, facts)
    try:
        if kind == "node":
            f = _File(out, ["id"], candidates, streamed_with)
            f.is_node = True
            _stream(f, _node_lines(rows, Label(name)), lambda: None)
        else:
            f = _File(out, [], candidates, streamed_with)
            _stream(f, _edge_lines(rows, RelType(name)), lambda: None)
        return f
    finally:
        rows.store.close()


def _default_workers(rows: RowSource) -> int:
    """Processes that write the files: up to 4 (one per core) for a build's store on disk, else 1."""
    if isinstance(rows, StoreRows) and rows.store.path != ":memory:" and Path(rows.store.path).is_file():
        return max(1, min(4, os.cpu_count() or 1))
    return 1


def write_neo4j_admin(
    source: nx.MultiDiGraph | RowSource, out_dir: str | Path, array_delimiter: str | None = None,
    progress: CsvProgress | None = None, workers: int | None = None,
) -> AdminExport:
    """Write node CSVs per label and relationship CSVs per type (with header files) into OUT_DIR.

    ARRAY_DELIMITER None picks one that no array element contains (see the module docstring).
    WORKERS: processes writing files side by side, each reading its own connection to a build's
    store (None: one per core up to 4 for a store on disk; other sources are written in this
    process). The files are the same whatever the number; with several, PROGRESS is told per file.
    """
    if array_delimiter is not None and (len(array_delimiter) != 1 or array_delimiter in ',"\n'):
        raise ValueError("array_delimiter must be one character other than , \" and newline")
    rows = row_source(source)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    candidates = DELIMITERS if array_delimiter is None else (array_delimiter,)
    streamed_with = STREAMED_WITH if array_delimiter is None else array_delimiter
    total = sum(rows.node_count(x) for x in Label) + sum(rows.edge_count(t) for t in RelType)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % 10_000 == 0 or done == total):
            progress(done, total)

    jobs: list[tuple[str, str, int, Path, Callable[[], Iterator[tuple[list[str], dict[str, Any]]]]]] = []
    for label in Label:
        if n := rows.node_count(label):
            jobs.append(("node", label.value, n, out / f"nodes_{label.value}.csv",
                         functools.partial(_node_lines, rows, label)))
    for rel_type in RelType:
        if n := rows.edge_count(rel_type):
            jobs.append(("edge", rel_type.value, n, out / f"rels_{rel_type.value}.csv",
                         functools.partial(_edge_lines, rows, rel_type)))
    workers = _default_workers(rows) if workers is None else workers
    written: dict[str, _File] = {}
    if workers > 1 and len(jobs) > 1 and isinstance(rows, StoreRows):
        store = rows.store
        # fork (where there is one): a worker runs only _write_file, never the caller's main module again
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        try:
            with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context) as pool:
                futures = {pool.submit(_write_file, store.path, store.facts, kind, name, path, candidates,
                                       streamed_with): path.name
                           for kind, name, _, path, _ in sorted(jobs, key=lambda job: -job[2])}
                for future in as_completed(futures):
                    f = future.result()
                    written[futures[future]] = f
                    done += f.rows
                    if progress is not None:
                        progress(done, total)
        except BrokenProcessPool:  # a worker could not start or died: this process writes what is missing
            pass
    for kind, _, _, path, lines in jobs:
        if path.name not in written:
            f = _File(path, ["id"] if kind == "node" else [], candidates, streamed_with)
            f.is_node = kind == "node"
            _stream(f, lines(), tick)
            written[path.name] = f
    files = [(written[path.name], name, lines) for _, name, _, path, lines in jobs]

    used = set().union(*(f.used for f, _, _ in files)) if files else set()
    delimiter = array_delimiter or next((d for d in DELIMITERS if d not in used), DELIMITERS[0])
    export = AdminExport(out.resolve(), delimiter)
    for f, name, lines in files:
        types = {column: c.type(delimiter) for column, c in f.columns.items()}
        if f.empty_end < len(f.columns):
            _rewrite(f, lines(), delimiter)
            export.rewritten.append(f.path.name)
        elif not all(f.columns[c].streamed_right(t, delimiter, streamed_with) for c, t in types.items()):
            if not f.clash and all(f.columns[c].streamed_right(t, streamed_with, streamed_with) for c, t in types.items()):
                _swap_delimiter(f.path, streamed_with, delimiter)  # only the arrays' delimiter differs
            else:
                _rewrite(f, lines(), delimiter)
                export.rewritten.append(f.path.name)
        export.multiline |= f.multiline
        header_path = f.path.with_name(f.path.name.replace(".csv", ".header.csv"))
        if f.is_node:
            _write_header(header_path, ["id:ID", ":LABEL"] + [_header_name(c, t) for c, t in types.items()])
            export.nodes[name] = (header_path.resolve(), f.path.resolve())
            export.node_count += f.rows
        else:
            _write_header(header_path, [":START_ID", ":END_ID", ":TYPE"] + [_header_name(c, t) for c, t in types.items()])
            export.relationships[name] = (header_path.resolve(), f.path.resolve())
            export.relationship_count += f.rows
    (out / "import.args").write_text("\n".join(export.arguments()) + "\n", encoding="utf-8")
    return export


# --- running neo4j-admin ----------------------------------------------------------------------


class Neo4jImportError(Neo4jError):
    """``neo4j-admin database import full`` failed."""

    code = "UKG310"


@dataclass
class BulkReport:
    """What a bulk import wrote and how long each part took."""

    database: str
    nodes: int
    relationships: int
    csv_seconds: float
    import_seconds: float
    csv_dir: Path | None  # kept CSV files, or None when they were removed
    output: str = ""  # neo4j-admin's report

    @property
    def seconds(self) -> float:
        return self.csv_seconds + self.import_seconds

    def summary(self) -> str:
        rate = self.relationships / self.seconds if self.seconds > 0 else 0.0
        return (
            f"imported {self.nodes} nodes and {self.relationships} relationships into database {self.database} "
            f"with neo4j-admin in {self.seconds:.1f}s (CSV {self.csv_seconds:.1f}s, import {self.import_seconds:.1f}s; "
            f"{rate:,.0f} relationships/s)"
        )


def _import_failure(output: str, command: Sequence[str], database: str) -> Neo4jImportError:
    """neo4j-admin's failure as a message with what to do."""
    text = output.strip()
    if re.search(r"already contains data|already exists|Database '.*' already|--overwrite-destination", text):
        return Neo4jImportError(
            f"database {database!r} already exists, and neo4j-admin imports only into a new or empty database",
            hint="add --overwrite to replace it (everything in it is deleted), or load over Bolt without --bulk "
            "(MERGE keeps what is there)",
        )
    if re.search(r"in use|locked|Unable to get a lock|FileLockException", text, re.IGNORECASE):
        return Neo4jImportError(
            f"database {database!r} is in use: neo4j-admin imports only while the server is stopped",
            hint="stop the server first (scripts/neo4j-local stop --data DIR, or neo4j stop), then run it again",
        )
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("\t") and "...." not in line]
    tail = "\n".join(lines[-6:])
    return Neo4jImportError(
        f"neo4j-admin ({' '.join(command[:3])} ...) failed:\n{tail}",
        hint="see its output above; the CSV files are kept with --csv-dir DIR for a closer look",
    )


def bulk_import(
    source: nx.MultiDiGraph | RowSource,
    admin: Sequence[str],
    database: str = "neo4j",
    csv_dir: str | Path | None = None,
    overwrite: bool = False,
    progress: CsvProgress | None = None,
    workers: int | None = None,
) -> BulkReport:
    """Write the CSVs and import them with ``ADMIN database import full`` into an offline DATABASE.

    ADMIN is the command that runs neo4j-admin, e.g. ``["neo4j-admin"]`` or
    ``["scripts/neo4j-local", "admin", "--data", DIR, "--"]``. The server must be stopped, and the
    database new, or OVERWRITE set (its contents are deleted). The schema is not imported (the
    Community store format cannot): the first ``load`` after starting the server creates it.
    CSV_DIR keeps the files there; by default they go to a temporary directory, removed after.
    """
    if not admin:
        raise Neo4jImportError("no neo4j-admin command given", hint="pass --neo4j-admin 'PATH/TO/neo4j-admin'")
    if shutil.which(admin[0]) is None and not Path(admin[0]).is_file():
        raise Neo4jImportError(
            f"neo4j-admin not found: {admin[0]!r}",
            hint="pass --neo4j-admin with the command (e.g. $NEO4J_HOME/bin/neo4j-admin, or "
            "'scripts/neo4j-local admin --data DIR --'), or set NEO4J_ADMIN",
        )
    keep = csv_dir is not None
    target = Path(csv_dir) if csv_dir is not None else Path(tempfile.mkdtemp(prefix="unionkg-neo4j-admin-"))
    try:
        began = time.monotonic()
        export = write_neo4j_admin(source, target, progress=progress, workers=workers)
        csv_seconds = time.monotonic() - began
        args = export.arguments(database)
        if overwrite:
            args.insert(3, "--overwrite-destination=true")
        command = [*admin, *args]
        began = time.monotonic()
        try:
            proc = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        except OSError as err:
            raise Neo4jImportError(f"cannot run {admin[0]!r}: {err.strerror}",
                                   hint="check --neo4j-admin / NEO4J_ADMIN") from err
        import_seconds = time.monotonic() - began
        output = proc.stdout + proc.stderr
        if proc.returncode != 0 or "IMPORT DONE" not in output:
            raise _import_failure(output, command, database)
        return BulkReport(database, export.node_count, export.relationship_count, csv_seconds, import_seconds,
                          target.resolve() if keep else None, output)
    finally:
        if not keep:
            shutil.rmtree(target, ignore_errors=True)
