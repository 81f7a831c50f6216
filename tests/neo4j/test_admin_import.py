"""neo4j-admin CSVs: imported with the real `neo4j-admin database import full` into an empty database."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import n4j_handgraph as hand
import pytest

import neo4j
from conftest import PASSWORD, SCRIPT, start_server, stop_server
from unionkg.sinks.neo4j import apply_schema
from unionkg.sinks.neo4j_admin import write_neo4j_admin

pytestmark = pytest.mark.neo4j


def header_of(path: Path) -> list[str]:
    return next(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def test_headers_are_typed(tmp_path: Path) -> None:
    G = hand.build()
    export = write_neo4j_admin(G, tmp_path)
    assert export.node_count == G.number_of_nodes() and export.relationship_count == G.number_of_edges()
    header = header_of(export.nodes["UnionBody"][0])
    assert header[:3] == ["id:ID", ":LABEL", "name"]
    assert "aliases:string[]" in header and "inferred:boolean" in header and "articles:string[]" in header
    rel = header_of(export.relationships["IMPLEMENTS"][0])
    assert rel[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"key", "evidence", "evidence_sentence:string[]", "evidence_start:long[]",
            "evidence_confidence:double[]"} <= set(rel)
    args = (tmp_path / "import.args").read_text(encoding="utf-8").split("\n")
    assert args[:3] == ["database", "import", "full"] and "--array-delimiter=;" in args


def test_array_delimiter_avoids_the_text(tmp_path: Path) -> None:
    G = hand.build()
    G.nodes["Campaign:百千万工程"]["aliases"].append("含;分号")
    auto = write_neo4j_admin(G, tmp_path / "auto")
    assert auto.array_delimiter == "|" and "aliases:string[]" in header_of(auto.nodes["Campaign"][0])
    # arrays were streamed joined with U+001F, then the files' U+001F became '|' in one pass (no rewrite)
    assert auto.rewritten == []
    assert not any("\x1f" in p.read_text(encoding="utf-8") for p in (tmp_path / "auto").glob("*.csv"))
    campaigns = auto.nodes["Campaign"][1].read_text(encoding="utf-8")
    assert "|含;分号" in campaigns or "含;分号|" in campaigns
    G2 = hand.build()
    G2.nodes["Campaign:百千万工程"]["aliases"].append("含;分号")
    G2.nodes["Campaign:百千万工程"]["name"] = "百千万\x1f工程"  # the streaming delimiter in a text cell
    clash = write_neo4j_admin(G2, tmp_path / "clash")
    assert "nodes_Campaign.csv" in clash.rewritten and "百千万\x1f工程" in clash.nodes["Campaign"][1].read_text(encoding="utf-8")
    G.nodes["Campaign:百千万工程"]["aliases"].append("含|竖线")
    assert "--array-delimiter=U+001F" in write_neo4j_admin(G, tmp_path / "unit").arguments()
    fixed = write_neo4j_admin(G, tmp_path / "fixed", array_delimiter=";")
    assert "aliases" in header_of(fixed.nodes["Campaign"][0])  # falls back to a JSON string column


def test_bulk_import_gives_the_same_graph(tmp_path: Path) -> None:
    G = hand.build()
    hand.with_injection(G)
    G.nodes["Article:a1"]["subtitle"] = ""  # an empty string stays an empty string, None stays absent
    G.nodes["UnionBody:佛山市总工会"]["aliases"].append("佛山;总工会")  # forces the '|' delimiter
    # a row whose last values are null (a line that ended with an empty field made neo4j-admin read
    # the next line into the missing columns), and a row that brings a new column (subtitle2) while it
    # has fewer properties than the file has columns (the column was dropped)
    G.add_node("Article:x1", label="Article", name="x1", title="x1", published="2024-01-02")
    G.add_node("Article:x2", label="Article", name="x2", title="x2", published=None)
    G.add_node("Article:x4", label="Article", name="x4", title="x4", published="")  # ends with "" before subtitle2
    G.add_node("Article:x3", label="Article", name="x3", title="x3", published="2024-01-03", subtitle2="副")
    export = write_neo4j_admin(G, tmp_path / "csv")
    assert "nodes_Article.csv" in export.rewritten  # x4's line, short and ending with "", made it write every line full
    home = tmp_path / "imported"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "admin", "--data", str(home), "--", *export.arguments("neo4j")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "IMPORT DONE" in proc.stdout
    server = start_server(home)
    try:
        assert server.password == PASSWORD
        with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as drv:
            apply_schema(drv, None)
            nodes = drv.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
            rels = drv.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
            assert (nodes, rels) == (G.number_of_nodes(), G.number_of_edges())
            rec = drv.execute_query(
                "MATCH (b:UnionBody {id: $id})-[r:IMPLEMENTS]->(c:Campaign) RETURN b, r, c",
                id="UnionBody:佛山市总工会").records
            by_campaign = {x["c"]["name"]: x for x in rec}
            body, rel = by_campaign[hand.BAIQIANWAN]["b"], by_campaign[hand.BAIQIANWAN]["r"]
            assert body["aliases"] == ["市总工会", "佛山;总工会"]
            assert body["inferred"] is False and body["level"] == "city"
            assert rel["evidence_start"] == [0] and rel["evidence_confidence"] == [0.9]
            assert json.loads(rel["evidence"])[0]["sentence"] == "测试句:佛山市总工会推进百千万工程。"
            art = drv.execute_query("MATCH (a:Article) WHERE a.id IN ['Article:a1', 'Article:a2'] "
                                    "RETURN a.id AS id, a.subtitle AS s ORDER BY id").records
            assert [(r["id"], r["s"]) for r in art] == [("Article:a1", ""), ("Article:a2", None)]
            xs = drv.execute_query("MATCH (a:Article) WHERE a.id STARTS WITH 'Article:x' "
                                   "RETURN a.id AS id, a.published AS p, a.subtitle2 AS s ORDER BY id").records
            assert [tuple(r.values()) for r in xs] == [("Article:x1", "2024-01-02", None), ("Article:x2", None, None),
                                                       ("Article:x3", "2024-01-03", "副"),
                                                       ("Article:x4", "", None)]
            bad = drv.execute_query("MATCH (b:UnionBody {name: $n}) RETURN b.aliases AS a", n=hand.INJECTION)
            assert bad.records[0]["a"] == [hand.INJECTION + "'"]
    finally:
        stop_server(server)


def test_streamed_files_are_rewritten_only_when_a_column_needs_it(tmp_path: Path) -> None:
    G = hand.build()
    people = [n for n, a in G.nodes(data=True) if a["label"] == "Person"]
    G.nodes[people[0]]["mixed"] = ["列表"]  # an array first ...
    G.nodes[people[-1]]["mixed"] = "文本"  # ... then text: the column is text, the array a JSON string
    G.nodes[people[-1]]["late"] = 7  # a column that appears on the last row only
    export = write_neo4j_admin(G, tmp_path)
    assert export.rewritten == ["nodes_Person.csv"]
    header = header_of(export.nodes["Person"][0])
    assert "mixed" in header and "late:long" in header
    rows = list(csv.reader(export.nodes["Person"][1].read_text(encoding="utf-8").splitlines()))
    by_id = {row[0]: dict(zip(header, row, strict=False)) for row in rows}
    assert by_id[people[0]]["mixed"] == '["列表"]' and by_id[people[-1]]["mixed"] == "文本"
    assert by_id[people[-1]]["late:long"] == "7"
    plain = write_neo4j_admin(hand.build(), tmp_path / "plain")
    assert plain.rewritten == [] and "--multiline-fields=true" not in plain.arguments()


def test_files_written_by_worker_processes_are_the_same(tmp_path: Path, seed_build: Path) -> None:
    from unionkg.model import GraphStore
    from unionkg.sinks.neo4j_rows import StoreRows

    with GraphStore.open(seed_build) as store:
        rows = StoreRows(store)
        told: list[tuple[int, int]] = []
        one = write_neo4j_admin(rows, tmp_path / "one", workers=1)
        two = write_neo4j_admin(rows, tmp_path / "two", workers=2, progress=lambda d, t: told.append((d, t)))
    assert (two.node_count, two.relationship_count) == (one.node_count, one.relationship_count) > (0, 0)
    assert told[-1] == (one.node_count + one.relationship_count,) * 2  # told per file, ending at all rows
    names = sorted(p.name for p in (tmp_path / "one").iterdir() if p.suffix == ".csv")
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir() if p.suffix == ".csv")
    assert len(names) >= 10
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert [a.replace("/one/", "/two/") for a in one.arguments()] == two.arguments()
