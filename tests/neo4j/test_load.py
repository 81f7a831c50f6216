"""load_graph against a real Neo4j: schema, counts, idempotence, increments, errors, injection."""

from __future__ import annotations

import json
import re
from typing import Any

import n4j_handgraph as hand
import networkx as nx
import pytest

from conftest import REPO, Server, free_port
from unionkg.errors import Neo4jError
from unionkg.sinks import neo4j as sink
from unionkg.sinks.neo4j import (
    Neo4jAuthError,
    Neo4jDatabaseNotFound,
    Neo4jLoadError,
    Neo4jUnavailable,
    load_graph,
    schema_statements,
)
from unionkg.types import Label

pytestmark = pytest.mark.neo4j


def counts(driver: Any) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return nodes, rels


def load(server: Server, G: nx.MultiDiGraph, **kw: Any) -> sink.LoadReport:
    return load_graph(G, server.uri, server.user, server.password, **kw)


def test_schema_file_covers_every_label() -> None:
    text = "\n".join(schema_statements(REPO / "graph" / "schema.cypher"))
    for label in Label:
        assert re.search(rf"FOR \(n:{label.value}\) REQUIRE n\.id IS UNIQUE", text), label
        assert re.search(rf"FOR \(n:{label.value}\) ON \(n\.name\)", text), label
    assert "'cjk'" in text


def test_load_writes_every_node_and_edge_with_properties(neo4j_server: Server, driver: Any) -> None:
    G = hand.build()
    progress: list[tuple[str, int, int]] = []
    report = load(neo4j_server, G, batch_size=7, progress=lambda p: progress.append((p.stage, p.done, p.total)))
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())
    assert report.nodes_created == G.number_of_nodes()
    assert report.relationships_created == G.number_of_edges()
    assert report.node_rows == G.number_of_nodes() and report.relationship_rows == G.number_of_edges()
    assert report.batches > len(Label)  # batch_size=7 splits the bigger groups
    assert ("relationships:MENTIONS", report.relationships["MENTIONS"], report.relationships["MENTIONS"]) in progress
    per_label = {r["l"]: r["c"] for r in driver.execute_query(
        "MATCH (n) RETURN head(labels(n)) AS l, count(*) AS c").records}
    expected: dict[str, int] = {}
    for _, attrs in G.nodes(data=True):
        expected[attrs["label"]] = expected.get(attrs["label"], 0) + 1
    assert per_label == expected
    rec = driver.execute_query(
        "MATCH (b:UnionBody {name: $b})-[r:IMPLEMENTS]->(c:Campaign {name: $c}) RETURN b, r, c",
        b="佛山市总工会", c=hand.BAIQIANWAN).records
    assert len(rec) == 1
    body, rel, campaign = rec[0]["b"], rec[0]["r"], rec[0]["c"]
    assert body["id"] == "UnionBody:佛山市总工会" and body["level"] == "city" and body["inferred"] is False
    assert campaign["aliases"] == ["“百千万工程”", "百县千镇万村高质量发展工程"]
    assert rel["date"] == "03-19" and rel["mode"] == "implement" and rel["event"] == "Event:a2#1"
    assert json.loads(rel["evidence"])[0]["rule"] == "implements.tuijin.v1"
    assert rel["evidence_sentence"] == ["测试句:佛山市总工会推进百千万工程。"]
    constraints = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    assert {"person_id", "union_body_id", "campaign_id", "article_id"} <= constraints
    # a fresh load builds the other indexes after the data; they are online when it returns
    assert report.fresh and report.index_seconds > 0 and "then indexes" in report.summary()
    states = {r["name"]: r["state"] for r in driver.execute_query("SHOW INDEXES YIELD name, state").records}
    assert states["person_name"] == states["implements_date"] == states["entity_names"] == "ONLINE"
    found = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_names', '千镇') YIELD node RETURN node.name AS name").records
    assert [r["name"] for r in found] == [hand.BAIQIANWAN]


def test_second_load_changes_no_counts(neo4j_server: Server, driver: Any) -> None:
    G = hand.build()
    load(neo4j_server, G)
    before = counts(driver)
    again = load(neo4j_server, G, batch_size=3)
    assert counts(driver) == before == (G.number_of_nodes(), G.number_of_edges())
    assert again.nodes_created == 0 and again.relationships_created == 0


def test_bigger_graph_adds_only_new_and_updates_properties(neo4j_server: Server, driver: Any) -> None:
    full = hand.build()
    small = full.copy()
    small.remove_nodes_from([n for n, a in full.nodes(data=True) if a["label"] == "Person"])
    load(neo4j_server, small)
    assert counts(driver) == (small.number_of_nodes(), small.number_of_edges())
    full.nodes["UnionBody:佛山市总工会"]["aliases"] = ["市总工会", "佛山总工会"]
    report = load(neo4j_server, full)
    assert counts(driver) == (full.number_of_nodes(), full.number_of_edges())
    assert report.nodes_created == full.number_of_nodes() - small.number_of_nodes()
    assert report.relationships_created == full.number_of_edges() - small.number_of_edges()
    aliases = driver.execute_query("MATCH (b:UnionBody {id: 'UnionBody:佛山市总工会'}) RETURN b.aliases AS a")
    assert aliases.records[0]["a"] == ["市总工会", "佛山总工会"]


def test_namesakes_stay_apart(neo4j_server: Server, driver: Any) -> None:
    load(neo4j_server, hand.build())
    rows = driver.execute_query("MATCH (p:Person {name: '张伟'}) RETURN p.id AS id ORDER BY id").records
    assert [r["id"] for r in rows] == ["Person:张伟@佛山市总工会", "Person:张伟@广州市总工会"]


def test_injection_in_names_is_plain_text(neo4j_server: Server, driver: Any) -> None:
    G = hand.build()
    node = hand.with_injection(G)
    load(neo4j_server, G)
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())
    rec = driver.execute_query("MATCH (b:UnionBody {id: $id}) RETURN b.name AS name, b.aliases AS aliases",
                               id=node).records
    assert rec[0]["name"] == hand.INJECTION and rec[0]["aliases"] == [hand.INJECTION + "'"]
    load(neo4j_server, G)
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())


def test_wrong_password_says_so(neo4j_server: Server) -> None:
    with pytest.raises(Neo4jAuthError) as err:
        load_graph(hand.build(), neo4j_server.uri, "neo4j", "not-the-password")
    assert "refused the credentials of user 'neo4j'" in str(err.value)
    assert err.value.hint and "--password" in err.value.hint


def test_server_down_says_so() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(Neo4jUnavailable) as err:
        load_graph(hand.build(), uri, "neo4j", "whatever", )
    assert f"no Neo4j server answers at {uri}" in str(err.value)
    assert err.value.hint and "scripts/neo4j-local start" in err.value.hint


def test_unknown_database_says_so(neo4j_server: Server) -> None:
    with pytest.raises(Neo4jDatabaseNotFound) as err:
        load(neo4j_server, hand.build(), database="nosuchdb")
    assert "has no database 'nosuchdb'" in str(err.value)


def test_errors_are_distinct() -> None:
    codes = {Neo4jUnavailable.code, Neo4jAuthError.code, Neo4jDatabaseNotFound.code, Neo4jLoadError.code}
    assert len(codes) == 4
    assert all(issubclass(c, Neo4jError) for c in (Neo4jUnavailable, Neo4jAuthError, Neo4jDatabaseNotFound))


def test_failure_part_way_reports_what_was_loaded(
    neo4j_server: Server, driver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("merge_relationships_query", "create_relationships_query"):
        real = getattr(sink, name)

        def broken(rel_type: Any, start: Any, end: Any, real: Any = real) -> str:
            query = real(rel_type, start, end)
            return query.replace("RETURN count(*)", "RETURN 1/0 + count(*)") if rel_type.value == "IMPLEMENTS" else query

        monkeypatch.setattr(sink, name, broken)
    G = hand.build()
    with pytest.raises(Neo4jLoadError) as err:
        load(neo4j_server, G)
    message = str(err.value)
    assert "load stopped at relationships:IMPLEMENTS" in message
    assert f"Loaded {G.number_of_nodes()}/{G.number_of_nodes()} nodes" in message
    assert "IMPLEMENTS 0/" in message and "MENTIONS 0/" in message
    assert err.value.report.nodes_created == G.number_of_nodes()
    assert "HELD_BY" in err.value.report.relationships  # loaded before IMPLEMENTS
    monkeypatch.undo()
    load(neo4j_server, G)  # re-running completes it
    assert counts(driver) == (G.number_of_nodes(), G.number_of_edges())


def test_seed_build_loads_and_reloads(neo4j_server: Server, driver: Any, seed_graph: nx.MultiDiGraph) -> None:
    load(neo4j_server, seed_graph)
    first = counts(driver)
    assert first == (seed_graph.number_of_nodes(), seed_graph.number_of_edges())
    load(neo4j_server, seed_graph)
    assert counts(driver) == first


