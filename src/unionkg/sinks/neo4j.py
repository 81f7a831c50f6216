"""Load the graph into Neo4j over Bolt: schema first, then ``UNWIND $rows`` batches streamed from rows.

Rows come from a ``RowSource`` (``neo4j_rows``: nodes by label, edges by type) or a networkx graph,
and are converted and sent in batches as they are read, one transaction per batch, while the next
batch is being prepared. Nodes go label by label, then relationships type by type.

The uniqueness constraints come first (the rows are looked up by ``id``). Into an empty database (a
*fresh* load) nodes and relationships are CREATEd: nothing can be there to merge with, and the other
indexes (names, dates, full text) are created after the data, built in one pass instead of row by
row. A run marker (a ``UnionkgLoadRun`` node, unique, removed at the end) makes the load the
only writer meanwhile: a second load waits for it, and a marker left by a killed load goes stale
after ``STALE_SECONDS`` without a heartbeat. Otherwise nodes MERGE on ``id`` (unique per label,
``graph/schema.cypher``) and relationships on their stable edge key between the two bound ends, so
loading the same graph again creates nothing and a bigger graph adds only what is new, updating
merged properties. A batch whose commit outcome is unknown (connection lost while committing) is
redone with MERGE, and so is the rest of the load. Labels and types come only from
``unionkg.types``; every value travels as a parameter.

    >>> report = load_graph(G, "bolt://127.0.0.1:7687", "neo4j", "secret")  # doctest: +SKIP
    >>> print(report.summary())  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

import neo4j
from neo4j import exceptions as neo_exc

from ..errors import Neo4jError
from ..types import Label, RelType
from .neo4j_rows import RowSource, edge_labels, edge_params, node_params, row_source

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "LoadProgress",
    "LoadReport",
    "Neo4jAuthError",
    "Neo4jAuthRateLimited",
    "Neo4jDatabaseNotFound",
    "Neo4jLoadError",
    "Neo4jUnavailable",
    "apply_schema",
    "connect",
    "create_nodes_query",
    "create_schema",
    "create_relationships_query",
    "load_graph",
    "merge_nodes_query",
    "merge_relationships_query",
    "schema_statements",
]

#: Rows per transaction, chosen by measurement (benchmarks/bench_neo4j_load.py --batch-sizes).
DEFAULT_BATCH_SIZE = 10_000
#: A run marker whose heartbeat is older than this is taken for a killed load's and removed.
STALE_SECONDS = 120.0
HEARTBEAT_SECONDS = 10.0
RUN_LABEL = "UnionkgLoadRun"
RelGroup = tuple[RelType, Label, Label]


@dataclass(frozen=True)
class LoadProgress:
    """Where a load is: STAGE (``schema``, ``wait``, ``nodes:Person``, ``relationships:MENTIONS``),
    rows of that stage written and planned, rows of the whole load written and planned, and for
    ``wait`` what it waits for."""

    stage: str
    done: int
    total: int
    rows_done: int
    rows_total: int
    message: str = ""


Progress = Callable[[LoadProgress], None]


class Neo4jUnavailable(Neo4jError):
    """No Neo4j server answers at the URI."""

    code = "UKG301"


class Neo4jAuthError(Neo4jError):
    """The server refused the user name or password."""

    code = "UKG302"


class Neo4jDatabaseNotFound(Neo4jError):
    """The server has no database of that name."""

    code = "UKG303"


class Neo4jLoadError(Neo4jError):
    """A write failed part-way; ``report`` says what was loaded before it."""

    code = "UKG304"

    def __init__(self, message: str, report: LoadReport, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.report = report


class Neo4jAuthRateLimited(Neo4jAuthError):
    """The server locked the user out for a while after too many wrong passwords."""

    code = "UKG305"


@dataclass
class LoadReport:
    """What a load sent and what Neo4j changed (counters summed over all batches)."""

    uri: str
    database: str | None
    nodes: dict[str, int] = field(default_factory=dict)  # label -> rows written
    relationships: dict[str, int] = field(default_factory=dict)  # type -> rows written
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    batches: int = 0
    retries: int = 0
    fresh: bool = False  # written with CREATE into an empty database
    schema_seconds: float = 0.0  # constraints (and indexes, but for a fresh load)
    index_seconds: float = 0.0  # a fresh load's name, date and full-text indexes, built after the data
    wait_seconds: float = 0.0  # waiting for another load to finish
    data_seconds: float = 0.0  # writing nodes and relationships, from the first batch to the last
    seconds: float = 0.0  # the whole load, schema included

    @property
    def node_rows(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_rows(self) -> int:
        return sum(self.relationships.values())

    def summary(self) -> str:
        data = self.data_seconds
        rate = self.relationship_rows / data if data > 0 else 0.0
        waited = f", waited {self.wait_seconds:.1f}s for another load" if self.wait_seconds >= 0.05 else ""
        return (
            f"loaded {self.node_rows} nodes ({self.nodes_created} new) and {self.relationship_rows} "
            f"relationships ({self.relationships_created} new), {self.properties_set} properties set, "
            f"into {self.uri} database {self.database or '(default)'}: schema {self.schema_seconds:.1f}s{waited}, "
            f"data {data:.1f}s ({rate:,.0f} relationships/s, {'CREATE into an empty database' if self.fresh else 'MERGE'}; "
            f"{self.batches} batches, {self.retries} retries)"
            + (f", then indexes {self.index_seconds:.1f}s" if self.fresh else "")
        )


# --- schema -----------------------------------------------------------------------------------


def _schema_path() -> Path:
    """``graph/schema.cypher`` of the source tree, or a copy packaged as ``unionkg/schema``."""
    packaged = resources.files("unionkg").joinpath("schema", "schema.cypher")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "graph" / "schema.cypher"


def schema_statements(path: Path | None = None) -> list[str]:
    """The statements of the schema file (``//`` comments dropped, split on ``;``)."""
    path = path or _schema_path()
    if not path.is_file():
        raise Neo4jError(f"schema file not found: {path}", hint="run from a checkout that has graph/schema.cypher")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")]
    return [stmt.strip() for stmt in "\n".join(lines).split(";") if stmt.strip()]


def _is_constraint(statement: str) -> bool:
    return statement.lstrip().upper().startswith("CREATE CONSTRAINT")


def apply_schema(
    driver: neo4j.Driver, database: str | None, path: Path | None = None, part: str = "all",
) -> int:
    """Create the constraints and indexes (idempotent) and wait for them; returns the count.

    PART ``constraints`` creates only the uniqueness constraints (what MATCH and MERGE of a load look
    up by), ``indexes`` only the other indexes (name, date, full-text), ``all`` both.
    """
    if part not in ("all", "constraints", "indexes"):
        raise ValueError(f"part must be all, constraints or indexes, not {part!r}")
    statements = [s for s in schema_statements(path)
                  if part == "all" or _is_constraint(s) == (part == "constraints")]
    for statement in statements:
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return len(statements)


def create_schema(uri: str, user: str, password: str, database: str | None = None, path: Path | None = None) -> float:
    """Connect and create the schema (e.g. after a bulk import); returns the seconds it took."""
    began = time.monotonic()
    with connect(uri, user, password, database) as driver:
        try:
            apply_schema(driver, database, path)
        except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as err:
            raise _translate(err, uri, user, database) from err
    return time.monotonic() - began


# --- Cypher -----------------------------------------------------------------------------------


def merge_nodes_query(label: Label) -> str:
    """Cypher that MERGEs a batch of nodes of one label on ``id``."""
    return f"UNWIND $rows AS row MERGE (n:`{Label(label).value}` {{id: row.id}}) SET n += row.props"


def create_nodes_query(label: Label) -> str:
    """Cypher that CREATEs a batch of nodes of one label (an empty database: none can exist yet)."""
    return f"UNWIND $rows AS row CREATE (n:`{Label(label).value}`) SET n = row.props"


def _match_ends(start: Label, end: Label) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:`{Label(start).value}` {{id: row.src}}) "
            f"MATCH (b:`{Label(end).value}` {{id: row.dst}}) ")


def merge_relationships_query(rel_type: RelType, start: Label, end: Label) -> str:
    """Cypher that MERGEs a batch of relationships of one type on ``key`` between bound ends.

    It returns the number of rows whose two ends were found (fewer than sent: a dangling edge).
    """
    return (_match_ends(start, end)
            + f"MERGE (a)-[r:`{RelType(rel_type).value}` {{key: row.key}}]->(b) SET r += row.props "
            + "RETURN count(*) AS n")


def create_relationships_query(rel_type: RelType, start: Label, end: Label) -> str:
    """Cypher that CREATEs a batch of relationships of one type between bound ends (fresh load)."""
    return (_match_ends(start, end)
            + f"CREATE (a)-[r:`{RelType(rel_type).value}`]->(b) SET r = row.props "
            + "RETURN count(*) AS n")


# --- connection -------------------------------------------------------------------------------

_BOLT_HINT = "use a Bolt URI: bolt://HOST:7687 (one server) or neo4j://HOST:7687 (routing); 7474 is the HTTP port"


def _http_uri(uri: str) -> Neo4jError | None:
    """An error for an http(s):// URI (Neo4j Browser's address, not Bolt's), else None."""
    parts = urlsplit(uri)
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = parts.hostname or "127.0.0.1"
    port = 7687 if parts.port in (None, 7474, 7473) else parts.port
    scheme = "bolt" if parts.scheme.lower() == "http" else "bolt+s"
    return Neo4jError(
        f"{uri} is an HTTP address (Neo4j Browser's); unionkg talks to Neo4j over Bolt",
        hint=f"use --uri {scheme}://{host}:{port} (or neo4j://{host}:{port}); Bolt listens on 7687 by default",
    )


def _translate(err: Exception, uri: str, user: str, database: str | None) -> Neo4jError:
    """A driver exception as a Neo4jError a user can act on."""
    code = getattr(err, "code", None) or ""
    if "AuthenticationRateLimit" in code:
        return Neo4jAuthRateLimited(
            f"Neo4j at {uri} refuses user {user!r} for now: too many wrong passwords in a row",
            hint="wait a few seconds (the server's dbms.security.auth_lock_time, 5s by default) and run it again "
            "with the right --password (or NEO4J_PASSWORD)",
        )
    if isinstance(err, neo_exc.AuthError) or "Security.Unauthorized" in code:
        return Neo4jAuthError(
            f"Neo4j at {uri} refused the credentials of user {user!r}",
            hint="check --user/--password (or NEO4J_USER/NEO4J_PASSWORD); "
            "the local server takes its password from `scripts/neo4j-local start --password`",
        )
    if isinstance(err, neo_exc.ClientError) and "DatabaseNotFound" in code:
        return Neo4jDatabaseNotFound(
            f"Neo4j at {uri} has no database {database!r}",
            hint="omit --database to use the default one (Community edition has only 'neo4j'), "
            "or create it first (Enterprise: CREATE DATABASE ...)",
        )
    if isinstance(err, (neo_exc.ServiceUnavailable, neo_exc.SessionExpired, OSError)):
        text = str(err).split("\n")[-1].strip() or type(err).__name__
        hint = "start one (scripts/neo4j-local start --data DIR --password PW) or fix --uri / NEO4J_URI"
        if "looks like HTTP" in text:
            hint = _BOLT_HINT
        return Neo4jUnavailable(f"no Neo4j server answers at {uri}: {text}", hint=hint)
    if isinstance(err, ImportError | neo_exc.ConfigurationError | ValueError):
        return Neo4jError(f"cannot connect to {uri!r}: {err}", hint=_BOLT_HINT)
    if isinstance(err, neo_exc.Neo4jError):
        return Neo4jError(f"Neo4j at {uri} answered {err.code}: {err.message}")
    return Neo4jError(f"Neo4j error at {uri}: {err}")


@contextmanager
def connect(
    uri: str, user: str, password: str, database: str | None = None, timeout: float = 10.0,
    rate_limit_wait: float = 6.0,
) -> Iterator[neo4j.Driver]:
    """A driver whose server, credentials and database have been checked; closed on exit.

    Raises Neo4jUnavailable, Neo4jAuthError (Neo4jAuthRateLimited after repeated wrong passwords:
    it waits RATE_LIMIT_WAIT seconds and tries once more first) or Neo4jDatabaseNotFound, with hints.
    """
    bad_scheme = _http_uri(uri)
    if bad_scheme is not None:
        raise bad_scheme
    try:
        driver = neo4j.GraphDatabase.driver(
            uri, auth=(user, password), connection_timeout=timeout, max_transaction_retry_time=15.0,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )
    except Exception as err:  # bad scheme or URI
        raise _translate(err, uri, user, database) from err
    try:
        for attempt in range(2):
            try:
                driver.verify_connectivity()
                driver.execute_query("RETURN 1", database_=database)
                break
            except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as err:
                if attempt == 0 and "AuthenticationRateLimit" in (getattr(err, "code", None) or ""):
                    time.sleep(rate_limit_wait)
                    continue
                raise _translate(err, uri, user, database) from err
        yield driver
    finally:
        driver.close()


def _retryable(err: Exception) -> bool:
    if isinstance(err, neo_exc.IncompleteCommit):
        return False
    if isinstance(err, (neo_exc.Neo4jError, neo_exc.DriverError)):
        return bool(err.is_retryable())
    return False


def _write(
    driver: neo4j.Driver, database: str | None, query: str, rows: list[dict[str, Any]],
    report: LoadReport, retries: int,
) -> int | None:
    """One batch in one transaction, retried on transient errors with backoff.

    Returns the query's ``n`` (rows whose ends matched) when it returns one, else None.
    """
    for attempt in range(retries + 1):
        try:
            with driver.session(database=database) as session, session.begin_transaction() as tx:
                result = tx.run(query, rows=rows)
                record = result.single() if "RETURN" in query else None
                counters = result.consume().counters
                tx.commit()
            report.nodes_created += counters.nodes_created
            report.relationships_created += counters.relationships_created
            report.properties_set += counters.properties_set
            report.batches += 1
            return int(record["n"]) if record is not None else None
        except Exception as err:
            if attempt >= retries or not _retryable(err):
                raise
            report.retries += 1
            time.sleep(min(0.5 * 2**attempt, 8.0))
    raise AssertionError("unreachable")


# --- the run marker ---------------------------------------------------------------------------


class _Run:
    """The load's claim on an empty database (see the module docstring)."""

    def __init__(self, driver: neo4j.Driver, database: str | None) -> None:
        self.driver, self.database = driver, database
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{time.time_ns()}"
        self.held = False
        self.beat = 0.0
        self.waited = 0.0  # seconds spent waiting for another load's marker

    def _query(self, cypher: str, **params: Any) -> list[neo4j.Record]:
        return list(self.driver.execute_query(cypher, params, database_=self.database).records)

    def _empty(self) -> bool:
        """No node but the marker (both counts come from Neo4j's count store: no scan)."""
        rows = self._query(f"CALL () {{ MATCH (n) RETURN count(n) AS nodes }} "
                           f"CALL () {{ MATCH (m:`{RUN_LABEL}`) RETURN count(m) AS markers }} "
                           "RETURN nodes - markers AS others")
        return rows[0]["others"] == 0

    def claim(self, on_wait: Callable[[str], None]) -> bool:
        """True when this load may CREATE (the database was empty and is now ours); waits for a live marker."""
        while True:
            rows = self._query(f"MATCH (m:`{RUN_LABEL}` {{id: 'run'}}) "
                               "RETURN m.holder AS holder, m.started AS started, timestamp() - m.heartbeat AS age")
            if rows:
                age = (rows[0]["age"] or 0) / 1000
                if age > STALE_SECONDS:
                    self._query(f"MATCH (m:`{RUN_LABEL}` {{id: 'run', holder: $holder}}) DELETE m",
                                holder=rows[0]["holder"])
                    continue
                on_wait(f"another load ({rows[0]['holder']}) is writing into this database; waiting for it "
                        f"(its marker goes stale {STALE_SECONDS - age:.0f}s after its last heartbeat)")
                time.sleep(2.0)
                self.waited += 2.0
                continue
            if not self._empty():
                return False
            try:
                self._query(f"CREATE (:`{RUN_LABEL}` {{id: 'run', holder: $holder, started: timestamp(), "
                            "heartbeat: timestamp()})", holder=self.holder)
            except neo_exc.ConstraintError:
                continue  # another load claimed it first
            self.held, self.beat = True, time.monotonic()
            if self._empty():
                return True
            self.release()  # filled between the check and the claim
            return False

    def heartbeat(self) -> None:
        if self.held and time.monotonic() - self.beat >= HEARTBEAT_SECONDS:
            self._query(f"MATCH (m:`{RUN_LABEL}` {{id: 'run', holder: $holder}}) SET m.heartbeat = timestamp()",
                        holder=self.holder)
            self.beat = time.monotonic()

    def release(self) -> None:
        if self.held:
            self.held = False
            with contextlib.suppress(neo_exc.Neo4jError, neo_exc.DriverError, OSError):  # gone: it goes stale
                self._query(f"MATCH (m:`{RUN_LABEL}` {{id: 'run', holder: $holder}}) DELETE m", holder=self.holder)


# --- batches ----------------------------------------------------------------------------------


@dataclass
class _Batch:
    stage: str  # "nodes:Label" or "relationships:TYPE"
    name: str  # the label or the type
    group: Label | RelGroup
    rows: list[dict[str, Any]]


_DONE = object()


def _batches(source: RowSource, batch_size: int) -> Iterator[_Batch]:
    """Converted rows in batches: nodes label by label, then edges type by type, grouped by end labels."""
    for label in Label:
        rows: list[dict[str, Any]] = []
        for row in source.iter_nodes(label):
            rows.append(node_params(row))
            if len(rows) >= batch_size:
                yield _Batch(f"nodes:{label.value}", label.value, label, rows)
                rows = []
        if rows:
            yield _Batch(f"nodes:{label.value}", label.value, label, rows)
    for rel_type in RelType:
        buffers: dict[tuple[Label, Label], list[dict[str, Any]]] = {}
        for row in source.iter_edges(rel_type):
            ends = edge_labels(row)
            buf = buffers.setdefault(ends, [])
            buf.append(edge_params(row))
            if len(buf) >= batch_size:
                yield _Batch(f"relationships:{rel_type.value}", rel_type.value, (rel_type, *ends), buf)
                buffers[ends] = []
        for ends, buf in buffers.items():
            if buf:
                yield _Batch(f"relationships:{rel_type.value}", rel_type.value, (rel_type, *ends), buf)


class _Prefetch:
    """Runs a batch iterator in a thread, a few batches ahead of the writer (conversion overlaps I/O)."""

    def __init__(self, batches: Iterator[_Batch], ahead: int = 2) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(batches,), name="unionkg-neo4j-rows", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, batches: Iterator[_Batch]) -> None:
        try:
            for batch in batches:
                if not self._put(batch):
                    return
            self._put(_DONE)
        except BaseException as err:  # handed to the writer, raised there
            self._put(err)

    def __iter__(self) -> Iterator[_Batch]:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5.0)


# --- load -------------------------------------------------------------------------------------


def _remaining(plan: Mapping[str, int], done: Mapping[str, int]) -> str:
    parts = [f"{name} {done.get(name, 0)}/{total}" for name, total in plan.items() if done.get(name, 0) < total]
    return ", ".join(parts) or "nothing"


def _query_for(batch: _Batch, fresh: bool) -> str:
    if isinstance(batch.group, Label):
        return create_nodes_query(batch.group) if fresh else merge_nodes_query(batch.group)
    rel_type, start, end = batch.group
    return (create_relationships_query if fresh else merge_relationships_query)(rel_type, start, end)


def load_graph(
    source: nx.MultiDiGraph | RowSource,
    uri: str,
    user: str,
    password: str,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    retries: int = 3,
    schema: Path | None = None,
    create: bool = True,
) -> LoadReport:
    """Write SOURCE (rows, or a networkx graph) into Neo4j: schema, nodes per label, relationships per type.

    Into an empty database rows are CREATEd (CREATE=False: always MERGE). Safe to repeat: a second
    load of the same graph creates nothing. On a failure part-way it raises Neo4jLoadError saying
    what was loaded and what was not (re-running resumes safely).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    rows = row_source(source)
    report = LoadReport(uri=uri, database=database)
    node_plan = {label.value: n for label in Label if (n := rows.node_count(label))}
    rel_plan = {t.value: n for t in RelType if (n := rows.edge_count(t))}
    total = sum(node_plan.values()) + sum(rel_plan.values())
    written = 0

    def tell(stage: str, done: int, stage_total: int, message: str = "") -> None:
        if progress is not None:
            progress(LoadProgress(stage, done, stage_total, written, total, message))

    began = time.monotonic()
    stage = "schema"
    with connect(uri, user, password, database) as driver:
        run = _Run(driver, database)
        prefetch: _Prefetch | None = None
        try:
            tell("schema", 0, 0)
            apply_schema(driver, database, schema, "constraints")
            stage = "start"
            report.fresh = run.claim(lambda message: tell("wait", 0, 0, message)) and create
            report.wait_seconds = run.waited
            if not report.fresh:  # indexes kept up to date as rows merge in (no-ops when they exist)
                apply_schema(driver, database, schema, "indexes")
            report.schema_seconds = time.monotonic() - began - report.wait_seconds
            data_began = time.monotonic()
            prefetch = _Prefetch(_batches(rows, batch_size))
            for batch in prefetch:
                stage = batch.stage
                try:
                    matched = _write(driver, database, _query_for(batch, report.fresh), batch.rows, report, retries)
                except neo_exc.IncompleteCommit:
                    if not report.fresh:
                        raise
                    report.fresh = False  # the commit may have happened: MERGE from here on
                    report.retries += 1
                    matched = _write(driver, database, _query_for(batch, False), batch.rows, report, retries)
                if matched is not None and matched < len(batch.rows):
                    raise Neo4jError(
                        f"{len(batch.rows) - matched} of {len(batch.rows)} {batch.name} relationships name a node "
                        "that is not in the graph",
                        hint="the rows are inconsistent: every edge's source and target must be a node of the source",
                    )
                counts = report.relationships if isinstance(batch.group, tuple) else report.nodes
                counts[batch.name] = counts.get(batch.name, 0) + len(batch.rows)
                written += len(batch.rows)
                plan = rel_plan if isinstance(batch.group, tuple) else node_plan
                tell(stage, counts[batch.name], plan.get(batch.name, counts[batch.name]))
                run.heartbeat()
            report.data_seconds = time.monotonic() - data_began
            if report.fresh:  # indexes built once over the loaded nodes, not row by row
                stage, index_began = "indexes", time.monotonic()
                tell("indexes", 0, 0)
                apply_schema(driver, database, schema, "indexes")
                report.index_seconds = time.monotonic() - index_began
        except (neo_exc.Neo4jError, neo_exc.DriverError, OSError, Neo4jError) as err:
            report.seconds = time.monotonic() - began
            cause = err if isinstance(err, Neo4jError) else _translate(err, uri, user, database)
            raise Neo4jLoadError(
                f"load stopped at {stage}: {cause.message}. Loaded {report.node_rows}/{sum(node_plan.values())} "
                f"nodes and {report.relationship_rows}/{sum(rel_plan.values())} relationships; "
                f"not loaded: nodes {_remaining(node_plan, report.nodes)}; "
                f"relationships {_remaining(rel_plan, report.relationships)}",
                report,
                hint=(cause.hint + "; " if cause.hint else "")
                + "loading is idempotent: fix the cause and run the same load again",
            ) from err
        finally:
            if prefetch is not None:
                prefetch.close()
            run.release()
    report.seconds = time.monotonic() - began
    return report
