"""The streaming loader against a real Neo4j: rows from a RowSource, CREATE into an empty database under
the run marker, MERGE otherwise, concurrent loads, a lost commit acknowledgement."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import n4j_handgraph as hand
import pytest

from conftest import Server
from neo4j import exceptions as neo_exc
from unionkg.errors import BuildError
from unionkg.sinks import neo4j as sink
from unionkg.sinks.neo4j import Neo4jLoadError, load_graph
from unionkg.sinks.neo4j_rows import GraphRows, RowSource
from unionkg.types import Label, RelType

pytestmark = pytest.mark.neo4j


def counts(driver: Any) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return nodes, rels


def load(server: Server, source: Any, **kw: Any) -> sink.LoadReport:
    return load_graph(source, server.uri, server.user, server.password, **kw)


class DictRows:
    """A RowSource as a store gives it: plain dicts, no end labels on edges (read from the ids)."""

    def __init__(self, nodes: dict[Label, list[dict[str, Any]]], edges: dict[RelType, list[dict[str, Any]]]) -> None:
        self.nodes, self.edges = nodes, edges
        self.reads = 0

    def node_count(self, label: Label) -> int:
        return len(self.nodes.get(label, []))

    def edge_count(self, rel_type: RelType) -> int:
        return len(self.edges.get(rel_type, []))

    def iter_nodes(self, label: Label) -> Iterator[dict[str, Any]]:
        for row in self.nodes.get(label, []):
            self.reads += 1
            yield row

    def iter_edges(self, rel_type: RelType) -> Iterator[dict[str, Any]]:
        for row in self.edges.get(rel_type, []):
            self.reads += 1
            yield row


def dict_rows() -> DictRows:
    G = hand.build()
    rows = GraphRows(G)
    nodes = {label: list(rows.iter_nodes(label)) for label in Label}
    edges = {t: [{k: v for k, v in e.items() if not k.endswith("_label")} for e in rows.iter_edges(t)]
             for t in RelType}
    return DictRows(nodes, edges)


def test_a_row_source_loads_like_the_graph(neo4j_server: Server, driver: Any) -> None:
    source = dict_rows()
    assert isinstance(source, RowSource)
    G = hand.build()
    report = load(neo4j_server, source, batch_size=5)
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())
    assert report.fresh and report.nodes_created == G.number_of_nodes()
    assert report.relationships_created == G.number_of_edges()
    assert source.reads == G.number_of_nodes() + G.number_of_edges()  # read once, in batches
    rel = driver.execute_query("MATCH (:UnionBody {id: 'UnionBody:佛山市总工会'})-[r:IMPLEMENTS]->"
                               "(:Campaign {name: $c}) RETURN r", c=hand.BAIQIANWAN).records[0]["r"]
    assert rel["key"] and rel["evidence_sentence"] == ["测试句:佛山市总工会推进百千万工程。"]
    again = load(neo4j_server, dict_rows(), batch_size=3)
    assert not again.fresh and again.nodes_created == 0 and again.relationships_created == 0
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())


def test_fresh_load_creates_then_reload_merges(neo4j_server: Server, driver: Any) -> None:
    G = hand.build()
    first = load(neo4j_server, G)
    assert first.fresh and "CREATE into an empty database" in first.summary()
    assert driver.execute_query("MATCH (m:UnionkgLoadRun) RETURN count(m) AS c").records[0]["c"] == 0
    second = load(neo4j_server, G)
    assert not second.fresh and "MERGE" in second.summary()
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())


def test_summary_reports_schema_apart(neo4j_server: Server, driver: Any) -> None:
    report = load(neo4j_server, hand.build())
    assert report.schema_seconds > 0 and 0 < report.data_seconds < report.seconds
    text = report.summary()
    assert f"schema {report.schema_seconds:.1f}s" in text
    rate = report.relationship_rows / report.data_seconds
    assert f"data {report.data_seconds:.1f}s ({rate:,.0f} relationships/s" in text


def test_dangling_edge_is_an_error(neo4j_server: Server, driver: Any) -> None:
    source = dict_rows()
    source.edges[RelType.MENTIONS].append({"source": "Article:a1", "target": "Person:nobody@nowhere",
                                           "key": "MENTIONS:x", "props": {}})
    with pytest.raises(Neo4jLoadError, match="name a node that is not in the graph"):
        load(neo4j_server, source)


def test_two_loads_at_once_into_an_empty_database(neo4j_server: Server, driver: Any) -> None:
    G = hand.build()
    reports: list[sink.LoadReport] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            reports.append(load(neo4j_server, G, batch_size=4))
        except BaseException as err:  # noqa: BLE001 - handed to the test
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())
    assert sum(r.fresh for r in reports) <= 1
    assert sum(r.relationships_created for r in reports) == G.number_of_edges()


def test_a_live_marker_makes_a_load_wait_and_a_stale_one_is_taken_over(
    neo4j_server: Server, driver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sink, "STALE_SECONDS", 3.0)
    driver.execute_query("CREATE (:UnionkgLoadRun {id: 'run', holder: 'elsewhere:1', started: timestamp(), "
                         "heartbeat: timestamp()})")
    seen: list[sink.LoadProgress] = []
    report = load(neo4j_server, hand.build(), progress=seen.append)
    assert report.wait_seconds >= 2.0 and report.fresh
    waits = [p.message for p in seen if p.stage == "wait"]
    assert waits and "another load (elsewhere:1)" in waits[0]
    assert driver.execute_query("MATCH (m:UnionkgLoadRun) RETURN count(m) AS c").records[0]["c"] == 0


def test_lost_commit_acknowledgement_falls_back_to_merge(
    neo4j_server: Server, driver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sink._write
    lost: list[str] = []

    def ack_lost(drv: Any, database: Any, query: str, rows: Any, report: Any, retries: int) -> Any:
        result = real(drv, database, query, rows, report, retries)
        if "CREATE (a)-[r:`IMPLEMENTS`]" in query and not lost:
            lost.append(query)  # committed, but the client never heard it
            raise neo_exc.IncompleteCommit("connection lost while committing")
        return result

    monkeypatch.setattr(sink, "_write", ack_lost)
    G = hand.build()
    report = load(neo4j_server, G, batch_size=5)
    assert lost and not report.fresh  # MERGE from the lost batch on
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())  # nothing twice


def test_an_edge_end_without_a_label_is_named(neo4j_server: Server, driver: Any) -> None:
    source = dict_rows()
    source.edges[RelType.HELD_BY].append({"source": "Nolabel-x", "target": "Article:a1", "key": "k", "props": {}})
    with pytest.raises(BuildError, match="'Nolabel-x' does not begin with a label"):
        load(neo4j_server, source)
    assert driver.execute_query("MATCH (m:UnionkgLoadRun) RETURN count(m) AS c").records[0]["c"] == 0
