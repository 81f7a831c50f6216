"""Load the graph into Neo4j over Bolt: schema first, then ``UNWIND $rows`` batches that MERGE.

Nodes MERGE on ``id`` (unique per label, ``graph/schema.cypher``); relationships MERGE on their
stable edge key (property ``key``) between the two bound ends, so loading the same graph again
creates nothing and a bigger graph adds only what is new, updating merged properties. Labels and
types come only from ``unionkg.types``; every value travels as a parameter.

    >>> report = load_graph(G, "bolt://127.0.0.1:7687", "neo4j", "secret")  # doctest: +SKIP
    >>> print(report.summary())  # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

import neo4j
from neo4j import exceptions as neo_exc

from ..errors import BuildError, Neo4jError
from ..types import Label, RelType
from .neo4j_props import to_properties

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "LoadReport",
    "Neo4jAuthError",
    "Neo4jDatabaseNotFound",
    "Neo4jLoadError",
    "Neo4jUnavailable",
    "connect",
    "load_graph",
    "node_rows",
    "relationship_rows",
    "schema_statements",
]

DEFAULT_BATCH_SIZE = 2000
#: Called as ``progress(stage, done, total)``, e.g. ``("nodes:Person", 2000, 5210)``.
Progress = Callable[[str, int, int], None]
RelGroup = tuple[RelType, Label, Label]


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
    seconds: float = 0.0

    @property
    def node_rows(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_rows(self) -> int:
        return sum(self.relationships.values())

    def summary(self) -> str:
        rate = self.relationship_rows / self.seconds if self.seconds > 0 else 0.0
        return (
            f"loaded {self.node_rows} nodes ({self.nodes_created} new) and {self.relationship_rows} "
            f"relationships ({self.relationships_created} new), {self.properties_set} properties set, "
            f"into {self.uri} database {self.database or '(default)'} in {self.seconds:.1f}s "
            f"({self.batches} batches, {self.retries} retries, {rate:.0f} relationships/s)"
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


# --- rows -------------------------------------------------------------------------------------


def _label(G: nx.MultiDiGraph, node: Any) -> Label:
    value = G.nodes[node].get("label")
    try:
        return Label(value)
    except ValueError:
        raise BuildError(
            f"node {node!r} has label {value!r}, not one of the ontology's labels",
            hint=f"labels: {', '.join(x.value for x in Label)} (graph/MODEL.md)",
        ) from None


def node_rows(G: nx.MultiDiGraph) -> dict[Label, list[dict[str, Any]]]:
    """Rows ``{id, props}`` per label, in label order then node order."""
    rows: dict[Label, list[dict[str, Any]]] = {label: [] for label in Label}
    for node, attrs in G.nodes(data=True):
        props = to_properties(attrs, skip=("label", "id"))
        props["id"] = str(node)
        rows[_label(G, node)].append({"id": str(node), "props": props})
    return {label: batch for label, batch in rows.items() if batch}


def relationship_rows(G: nx.MultiDiGraph) -> dict[RelGroup, list[dict[str, Any]]]:
    """Rows ``{src, dst, key, props}`` per (type, start label, end label)."""
    rows: dict[RelGroup, list[dict[str, Any]]] = defaultdict(list)
    for u, v, key, attrs in G.edges(keys=True, data=True):
        value = attrs.get("type")
        try:
            rel_type = RelType(value)
        except ValueError:
            raise BuildError(
                f"edge {u!r} -> {v!r} (key {key!r}) has type {value!r}, not one of the ontology's types",
                hint=f"types: {', '.join(t.value for t in RelType)} (graph/MODEL.md)",
            ) from None
        props = to_properties(attrs, skip=("type", "key"))
        props["key"] = str(key)
        rows[(rel_type, _label(G, u), _label(G, v))].append(
            {"src": str(u), "dst": str(v), "key": str(key), "props": props}
        )
    order = {t: i for i, t in enumerate(RelType)}
    return dict(sorted(rows.items(), key=lambda item: (order[item[0][0]], item[0][1].value, item[0][2].value)))


def merge_nodes_query(label: Label) -> str:
    """Cypher that MERGEs a batch of nodes of one label on ``id``."""
    return f"UNWIND $rows AS row MERGE (n:`{Label(label).value}` {{id: row.id}}) SET n += row.props"


def merge_relationships_query(rel_type: RelType, start: Label, end: Label) -> str:
    """Cypher that MERGEs a batch of relationships of one type on ``key`` between bound ends."""
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:`{Label(start).value}` {{id: row.src}}) "
        f"MATCH (b:`{Label(end).value}` {{id: row.dst}}) "
        f"MERGE (a)-[r:`{RelType(rel_type).value}` {{key: row.key}}]->(b) SET r += row.props"
    )


# --- connection -------------------------------------------------------------------------------


def _translate(err: Exception, uri: str, user: str, database: str | None) -> Neo4jError:
    """A driver exception as a Neo4jError a user can act on."""
    if isinstance(err, neo_exc.AuthError):
        return Neo4jAuthError(
            f"Neo4j at {uri} refused the credentials of user {user!r}",
            hint="check --user/--password (or NEO4J_USER/NEO4J_PASSWORD); "
            "the local server takes its password from `scripts/neo4j-local start --password`",
        )
    if isinstance(err, neo_exc.ClientError) and "DatabaseNotFound" in (err.code or ""):
        return Neo4jDatabaseNotFound(
            f"Neo4j at {uri} has no database {database!r}",
            hint="omit --database to use the default one (Community edition has only 'neo4j'), "
            "or create it first (Enterprise: CREATE DATABASE ...)",
        )
    if isinstance(err, (neo_exc.ServiceUnavailable, neo_exc.SessionExpired, OSError)):
        return Neo4jUnavailable(
            f"no Neo4j server answers at {uri}: {err}",
            hint="start one (scripts/neo4j-local start --data DIR --password PW) or fix --uri / NEO4J_URI",
        )
    if isinstance(err, neo_exc.ConfigurationError | ValueError):
        return Neo4jError(f"cannot connect to {uri!r}: {err}", hint="use a URI such as bolt://127.0.0.1:7687")
    if isinstance(err, neo_exc.Neo4jError):
        return Neo4jError(f"Neo4j at {uri} answered {err.code}: {err.message}")
    return Neo4jError(f"Neo4j error at {uri}: {err}")


@contextmanager
def connect(
    uri: str, user: str, password: str, database: str | None = None, timeout: float = 10.0
) -> Iterator[neo4j.Driver]:
    """A driver whose server, credentials and database have been checked; closed on exit.

    Raises Neo4jUnavailable, Neo4jAuthError or Neo4jDatabaseNotFound, each with a hint.
    """
    try:
        driver = neo4j.GraphDatabase.driver(
            uri, auth=(user, password), connection_timeout=timeout, max_transaction_retry_time=15.0,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )
    except Exception as err:  # bad scheme or URI
        raise _translate(err, uri, user, database) from err
    try:
        try:
            driver.verify_connectivity()
            driver.execute_query("RETURN 1", database_=database)
        except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as err:
            raise _translate(err, uri, user, database) from err
        yield driver
    finally:
        driver.close()


def _retryable(err: Exception) -> bool:
    if isinstance(err, (neo_exc.Neo4jError, neo_exc.DriverError)):
        return bool(err.is_retryable())
    return False


def _write(
    driver: neo4j.Driver, database: str | None, query: str, rows: list[dict[str, Any]],
    report: LoadReport, retries: int,
) -> None:
    """One batch in one transaction, retried on transient errors with backoff."""
    for attempt in range(retries + 1):
        try:
            with driver.session(database=database) as session, session.begin_transaction() as tx:
                counters = tx.run(query, rows=rows).consume().counters
                tx.commit()
            report.nodes_created += counters.nodes_created
            report.relationships_created += counters.relationships_created
            report.properties_set += counters.properties_set
            report.batches += 1
            return
        except Exception as err:
            if attempt >= retries or not _retryable(err):
                raise
            report.retries += 1
            time.sleep(min(0.5 * 2**attempt, 8.0))


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def apply_schema(driver: neo4j.Driver, database: str | None, path: Path | None = None) -> int:
    """Create the constraints and indexes (idempotent) and wait for them; returns the count."""
    statements = schema_statements(path)
    for statement in statements:
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return len(statements)


def _remaining(plan: Mapping[str, int], done: Mapping[str, int]) -> str:
    parts = [f"{name} {done.get(name, 0)}/{total}" for name, total in plan.items() if done.get(name, 0) < total]
    return ", ".join(parts) or "nothing"


def load_graph(
    G: nx.MultiDiGraph,
    uri: str,
    user: str,
    password: str,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    retries: int = 3,
    schema: Path | None = None,
) -> LoadReport:
    """Write G into Neo4j: schema, then nodes per label, then relationships per type (MERGE).

    Safe to repeat: a second load of the same graph creates nothing. On a failure part-way it
    raises Neo4jLoadError saying what was loaded and what was not (re-running resumes safely).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    nodes = node_rows(G)
    rels = relationship_rows(G)
    report = LoadReport(uri=uri, database=database)
    node_plan = {label.value: len(rows) for label, rows in nodes.items()}
    rel_plan: dict[str, int] = defaultdict(int)
    for (rel_type, _, _), rows in rels.items():
        rel_plan[rel_type.value] += len(rows)
    began = time.monotonic()
    stage = "schema"
    with connect(uri, user, password, database) as driver:
        try:
            apply_schema(driver, database, schema)
            for label, rows in nodes.items():
                stage = f"nodes:{label.value}"
                query = merge_nodes_query(label)
                for batch in _batches(rows, batch_size):
                    _write(driver, database, query, batch, report, retries)
                    report.nodes[label.value] = report.nodes.get(label.value, 0) + len(batch)
                    if progress:
                        progress(stage, report.nodes[label.value], node_plan[label.value])
            for (rel_type, start, end), rows in rels.items():
                stage = f"relationships:{rel_type.value}"
                query = merge_relationships_query(rel_type, start, end)
                for batch in _batches(rows, batch_size):
                    _write(driver, database, query, batch, report, retries)
                    done = report.relationships.get(rel_type.value, 0) + len(batch)
                    report.relationships[rel_type.value] = done
                    if progress:
                        progress(stage, done, rel_plan[rel_type.value])
        except (neo_exc.Neo4jError, neo_exc.DriverError, OSError) as err:
            report.seconds = time.monotonic() - began
            cause = _translate(err, uri, user, database)
            raise Neo4jLoadError(
                f"load stopped at {stage}: {cause.message}. Loaded {report.node_rows}/{sum(node_plan.values())} "
                f"nodes and {report.relationship_rows}/{sum(rel_plan.values())} relationships; "
                f"not loaded: nodes {_remaining(node_plan, report.nodes)}; "
                f"relationships {_remaining(rel_plan, report.relationships)}",
                report,
                hint=(cause.hint + "; " if cause.hint else "")
                + "loading is idempotent: fix the cause and run the same load again",
            ) from err
    report.seconds = time.monotonic() - began
    return report
