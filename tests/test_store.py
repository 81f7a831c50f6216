"""The graph store: what it holds, what readers get from it, and that they get what the whole graph gives."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import networkx as nx
import orjson
import pytest

from unionkg.analysis.lookup import find_nodes
from unionkg.analysis.report import trace_store
from unionkg.analysis.trace import trace
from unionkg.model import GraphStore, build_graph, to_networkx
from unionkg.model.store import _IMPLEMENTING_INDEXED, _IMPLEMENTING_ONE
from unionkg.sinks.html import write_html, write_store_html


@pytest.fixture(scope="module")
def seed_store(seed_build: Path) -> GraphStore:
    return GraphStore.open(seed_build)


@pytest.fixture(scope="module")
def seed_graph(seed_store: GraphStore) -> nx.MultiDiGraph:
    return to_networkx(seed_store)


def test_store_is_plain_sqlite_with_evidence_as_offsets(seed_build: Path) -> None:
    db = sqlite3.connect(seed_build / "graph.sqlite")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"nodes", "aliases", "node_articles", "edges", "evidence", "articles", "merges", "cache"} <= tables
    n_ev, n_copied = db.execute("SELECT count(*), count(sentence) FROM evidence").fetchone()
    assert n_ev > 50 and n_copied == 0  # every sentence is the article's text at its offsets
    start, end, text_start, text_end = db.execute(
        "SELECT v.start, v.\"end\", a.text_start, a.text_end FROM evidence v JOIN articles a ON a.id = v.article "
        "LIMIT 1").fetchone()
    raw = (seed_build / "facts.jsonl").read_bytes()[text_start:text_end]
    assert orjson.loads(raw)[start:end]  # the offsets point at a sentence of the article's text
    adopters = {r[0] for r in db.execute(
        "SELECT n.name FROM edges e JOIN nodes n ON n.id = e.source "
        "WHERE e.target = 'Campaign:百千万工程' AND e.type = 'IMPLEMENTS'")}
    assert adopters == {"佛山市总工会", "汕头市潮南区总工会", "揭阳市榕城区总工会"}


def test_to_networkx_is_the_graph_built_in_memory(seed_build: Path, seed_graph: nx.MultiDiGraph) -> None:
    lines = [orjson.loads(x) for x in (seed_build / "facts.jsonl").read_bytes().splitlines()]
    mem = build_graph(lines)
    assert list(mem.nodes(data=True)) == list(seed_graph.nodes(data=True))
    assert list(mem.edges(keys=True, data=True)) == list(seed_graph.edges(keys=True, data=True))
    assert [list(mem.pred[n]) for n in mem] == [list(seed_graph.pred[n]) for n in seed_graph]


def test_subgraph_reads_only_the_nodes_asked(seed_store: GraphStore, seed_graph: nx.MultiDiGraph) -> None:
    body = "UnionBody:汕头市潮南区总工会"
    sub = to_networkx(seed_store, [body], incident=True)
    assert set(sub) == {body} | set(seed_graph.succ[body]) | set(seed_graph.pred[body])
    assert sub.number_of_edges() == seed_graph.degree(body)
    for u, v, k, d in sub.edges(keys=True, data=True):
        assert seed_graph.edges[u, v, k] == d
    between = to_networkx(seed_store, list(sub))
    assert between.number_of_edges() == seed_graph.subgraph(sub).number_of_edges()


def test_rows_for_loaders(seed_store: GraphStore, seed_graph: nx.MultiDiGraph) -> None:
    assert sum(seed_store.labels().values()) == seed_graph.number_of_nodes()
    assert sum(seed_store.types().values()) == seed_graph.number_of_edges()
    nodes = [r for label in seed_store.labels() for r in seed_store.iter_nodes(label, batch=7)]
    assert len(nodes) == seed_graph.number_of_nodes()
    for r in nodes:
        assert {**r["props"], "label": r["label"]} == seed_graph.nodes[r["id"]]
    edges = [r for t in seed_store.types() for r in seed_store.iter_edges(t, batch=5)]
    assert len(edges) == seed_graph.number_of_edges()
    for r in edges:
        assert {**r["props"], "type": r["type"]} == seed_graph.edges[r["source"], r["target"], r["key"]]
        assert r["source_label"] == seed_graph.nodes[r["source"]]["label"]
        assert r["target_label"] == seed_graph.nodes[r["target"]]["label"]


@pytest.mark.parametrize("query,label", [("百千万工程", "Campaign"), ("“百千万工程”", None), ("市总工会", None),
                                         ("潮南区总工会", "UnionBody"), ("UnionBody:珠海市总工会", None),
                                         ("不存在的名字", None), ("工会", "UnionBody"), ("  ", None)])
def test_find_nodes_in_the_store_as_in_the_graph(seed_store: GraphStore, seed_graph: nx.MultiDiGraph, query: str,
                                                  label: str | None) -> None:
    assert find_nodes(seed_store, query, label) == find_nodes(seed_graph, query, label)


def test_trace_reads_the_store_as_the_whole_graph(seed_store: GraphStore, seed_graph: nx.MultiDiGraph) -> None:
    camps = [n for n, a in seed_graph.nodes(data=True) if a["label"] == "Campaign"]
    assert len(camps) > 10
    for c in camps:
        assert trace_store(seed_store, c).to_dict() == trace(seed_graph, c).to_dict(), c


@pytest.mark.parametrize("view", [{}, {"top": 12}, {"max_nodes": 30}, {"campaign": "百千万工程"},
                                  {"campaign": "一函两书", "max_nodes": 8}, {"focus": "珠海市总工会", "hops": 2},
                                  {"focus": "汕头市潮南区总工会", "hops": 1, "campaign": "百千万工程"}])
def test_page_from_the_store_is_the_page_of_the_graph(seed_store: GraphStore, seed_graph: nx.MultiDiGraph,
                                                      tmp_path: Path, view: dict) -> None:
    a = write_html(seed_graph, tmp_path / "a.html", **view)
    b = write_store_html(seed_store, tmp_path / "b.html", **view)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (a.nodes_in_view, a.nodes_shown, a.edges_shown, a.left_out) == \
        (b.nodes_in_view, b.nodes_shown, b.edges_shown, b.left_out)
    assert b.nodes_shown > 1


def test_page_laid_out_in_a_forked_process_is_the_same(seed_store: GraphStore, seed_graph: nx.MultiDiGraph,
                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big page is laid out in a forked process while the rest of it is read (``LayoutAhead``):
    the same positions, to the bit, and the same page."""
    import unionkg.sinks.html as html
    from unionkg.sinks.html_layout import layout_positions

    forks: list[int] = []
    fork = os.fork

    def counted() -> int:
        forks.append(1)
        return fork()

    monkeypatch.setattr(html.os, "fork", counted)
    monkeypatch.setattr(html.threading, "active_count", lambda: 1)  # as in the CLI (pytest may run others)
    monkeypatch.setattr(html, "AHEAD_NODES", 1)
    edges = [(i, (i * 7 + 3) % 200) for i in range(150)]
    assert html.LayoutAhead(200, edges)() == layout_positions(200, edges) and forks == [1]
    stopped = html.LayoutAhead(200, edges)  # a page that failed on the way: its child is stopped, reaped
    pid = stopped.pid
    stopped.close()
    assert pid and not stopped.pid and forks == [1, 1]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)
    for view in ({"campaign": "百千万工程"}, {"top": 40}, {"focus": "珠海市总工会", "hops": 2}):
        write_html(seed_graph, tmp_path / "a.html", **view)
        write_store_html(seed_store, tmp_path / "b.html", **view)
        assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert len(forks) == 5


def test_neo4j_rows_from_the_store_are_the_graphs(seed_store: GraphStore, seed_graph: nx.MultiDiGraph) -> None:
    """``load`` and ``export --format neo4j-admin`` stream rows from the store (``StoreRows``): the
    same parameters, row for row, as rows of the whole graph in memory give."""
    from unionkg.sinks.neo4j_rows import (
        GraphRows,
        StoreRows,
        edge_labels,
        edge_params,
        node_params,
        row_source,
    )
    from unionkg.types import Label, RelType

    stored, whole = row_source(seed_store), GraphRows(seed_graph)
    assert isinstance(stored, StoreRows)
    for label in Label:
        assert stored.node_count(label) == whole.node_count(label)
        assert sorted((node_params(r) for r in stored.iter_nodes(label)), key=lambda p: p["id"]) == \
            sorted((node_params(r) for r in whole.iter_nodes(label)), key=lambda p: p["id"])
    seen = 0
    for t in RelType:
        assert stored.edge_count(t) == whole.edge_count(t)
        got = sorted(((edge_labels(r), edge_params(r)) for r in stored.iter_edges(t)), key=lambda p: repr(p))
        assert got == sorted(((edge_labels(r), edge_params(r)) for r in whole.iter_edges(t)), key=lambda p: repr(p))
        seen += len(got)
    assert seen == seed_graph.number_of_edges() > 100


def test_implementing_reads_the_same_with_and_without_its_indexes(seed_build: Path, tmp_path: Path) -> None:
    """A store built before ``edges_implements``, ``nodes_article``, ``edges_subordinate`` and the
    ``node_ties`` table existed is read through the tables; one with them through the indexes alone:
    the same rows, the same superiors, the same traces and the same pages."""
    older = tmp_path / "older"
    older.mkdir()
    (older / "graph.sqlite").write_bytes((seed_build / "graph.sqlite").read_bytes())
    (older / "facts.jsonl").write_bytes((seed_build / "facts.jsonl").read_bytes())
    db = sqlite3.connect(older / "graph.sqlite")
    db.execute("DROP INDEX edges_implements")
    db.execute("DROP INDEX nodes_article")
    db.execute("DROP INDEX edges_subordinate")
    db.execute("DROP TABLE node_ties")
    db.commit()
    db.close()
    with GraphStore.open(seed_build) as new, GraphStore.open(older) as old:
        assert new.has_index("edges_implements") and not old.has_index("edges_implements")
        plan = " ".join(str(r) for r in new.db.execute(
            "EXPLAIN QUERY PLAN " + _IMPLEMENTING_INDEXED, ("[]",)))
        assert "COVERING INDEX edges_implements" in plan and "COVERING INDEX nodes_article" in plan
        one = " ".join(str(r) for r in new.db.execute("EXPLAIN QUERY PLAN " + _IMPLEMENTING_ONE, ("x",)))
        assert "COVERING INDEX edges_implements" in one and "TEMP B-TREE" not in one  # in order as read
        assert new.has_index("edges_subordinate") and not old.has_index("edges_subordinate")
        bodies = [r[0] for r in new.db.execute("SELECT id FROM nodes WHERE label = 'UnionBody'")]
        ups = sorted(new.superiors_of(bodies))
        assert len(ups) > 10 and ups == sorted(old.superiors_of(bodies))
        campaigns = [r[0] for r in new.db.execute("SELECT id FROM nodes WHERE label = 'Campaign' ORDER BY id")]
        assert len(campaigns) > 20
        with_article = 0
        for cid in campaigns:
            rows = new.implementing([cid])
            assert rows == old.implementing([cid])
            with_article += sum(1 for r in rows if r[5] is not None)
            assert trace_store(new, cid) == trace_store(old, cid)
        assert with_article > 20  # the articles' properties were read, not left None
        ids = [r[0] for r in new.db.execute("SELECT id FROM nodes")] + ["Article:no-such-article", "Place:nowhere"]
        labels = new.labels_of(ids)
        assert labels == old.labels_of(ids)
        assert sum(1 for n in labels if n.startswith("Article:")) > 5 and "Article:no-such-article" not in labels
        assert new.has_table("node_ties") and not old.has_table("node_ties")
        assert new.ties(ids) == old.ties(ids) and list(new.ties()) == list(old.ties()) and new.ties() == old.ties()
        assert new.label_counts(ids) == old.label_counts(ids) and sum(new.label_counts(ids).values()) == len(ids) - 2
        for cid in campaigns:
            assert sorted(new.adoption_ends(cid)) == sorted(old.adoption_ends(cid))
        for view in ({"campaign": campaigns[0], "max_nodes": 9}, {"top": 15}, {"focus": campaigns[1], "hops": 2}):
            write_store_html(new, tmp_path / "new.html", **view)
            write_store_html(old, tmp_path / "old.html", **view)
            assert (tmp_path / "new.html").read_bytes() == (tmp_path / "old.html").read_bytes()
