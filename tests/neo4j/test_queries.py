"""Every file of the Cypher library runs on real Neo4j and answers its question."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import n4j_handgraph as hand
import networkx as nx
import pytest

from conftest import REPO, Server
from unionkg.errors import QueryError
from unionkg.sinks.neo4j import load_graph
from unionkg.sinks.neo4j_query import (
    QueryResult,
    format_result,
    parse_param,
    query_file,
    read_query_file,
    run_query,
)

QUERIES = REPO / "queries"
FILES = sorted(QUERIES.glob("*.cypher"))
REQUIRED = {"campaign_timeline", "hierarchy_cascade", "campaign_people", "multi_position_people",
            "body_activity", "edge_evidence", "co_implemented"}


def run(server: Server, name: str, **params: Any) -> list[dict[str, Any]]:
    query = read_query_file(QUERIES / f"{name}.cypher")
    result = run_query(query.text, {**query.defaults, **params}, server.uri, server.user, server.password)
    return result.records()


def test_library_is_complete_and_documented() -> None:
    assert {f.stem for f in FILES} >= REQUIRED
    for path in FILES:
        query = read_query_file(path)
        assert query.header.startswith("//"), path
        assert "Example output" in query.header, path
        used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", query.text))
        assert used == set(query.defaults), f"{path.name}: every $param needs a ':param name => value' line"


@pytest.fixture(scope="module")
def hand_loaded(neo4j_server: Server) -> Server:
    import neo4j

    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as drv:
        drv.execute_query("MATCH (n) DETACH DELETE n")
    load_graph(hand.build(), neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    return neo4j_server


@pytest.mark.neo4j
@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_every_file_runs_with_its_example_parameters(hand_loaded: Server, path: Path) -> None:
    out = query_file(path, {}, hand_loaded.uri, hand_loaded.user, hand_loaded.password, fmt="table")
    assert re.search(r"\(\d+ rows?\)$", out)
    assert not out.endswith("(0 rows)"), f"{path.name} found nothing on the hand graph"


@pytest.mark.neo4j
def test_campaign_timeline(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "campaign_timeline", campaign="百县千镇万村高质量发展工程")  # an alias
    assert [(r["body"], r["date"]) for r in rows] == [
        ("广东省总工会", "03-10"), ("汕头市潮南区总工会", "03-17"), ("佛山市总工会", "03-19"), ("揭阳市榕城区总工会", None)]
    assert rows[2]["event"] == "佛山市总工会学习会议" and rows[2]["level"] == "city"
    assert rows[2]["evidence"] == "测试句:佛山市总工会推进百千万工程。"


@pytest.mark.neo4j
def test_hierarchy_cascade(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "hierarchy_cascade", body="广东省总工会", campaign="百千万工程")
    assert [(r["descendant"], r["depth"], r["days_later"]) for r in rows] == [
        ("汕头市潮南区总工会", 2, 7), ("佛山市总工会", 1, 9), ("揭阳市榕城区总工会", 2, None)]
    every = run(hand_loaded, "hierarchy_cascade", body="省总工会", campaign=None)
    assert {r["campaign"] for r in every} == {"百千万工程", "产业工人队伍建设改革"}
    assert ("广州市总工会", 8) in {(r["descendant"], r["days_later"]) for r in every}


@pytest.mark.neo4j
def test_campaign_people(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "campaign_people", campaign="百千万工程")
    got = {(r["person"], r["role"], r["event"], r["carried_campaign"]) for r in rows}
    assert got == {
        ("蒋庆", "CHAIRED", "佛山市总工会学习会议", True),
        ("苏荣欢", "SPOKE", "佛山市总工会学习会议", True),
        ("张伟", "ATTENDED", "佛山市总工会学习会议", True),
        ("蒋庆", "LED", "佛山市总工会调研", False),
    }


@pytest.mark.neo4j
def test_multi_position_people(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "multi_position_people")
    assert [r["person"] for r in rows] == ["唐航浩"]  # the two 张伟 are namesakes, one post each
    assert rows[0]["positions"] == [
        {"body": "广州市人大常委会", "titles": ["党组副书记、副主任"]},
        {"body": "广州市总工会", "titles": ["党组书记、主席"]},
    ]
    everyone = run(hand_loaded, "multi_position_people", min_bodies=1)
    assert sorted(r["person"] for r in everyone) == sorted(["唐航浩", "蒋庆", "苏荣欢", "张伟", "张伟"])


@pytest.mark.neo4j
def test_body_activity(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "body_activity", **{"from": "2025-03-15", "to": "2025-03-18"})
    assert [(r["body"], r["campaigns"]) for r in rows] == [("广州市总工会", 2), ("汕头市潮南区总工会", 2)]
    rows = run(hand_loaded, "body_activity", **{"from": "03-01", "to": "03-31"})
    assert rows[0]["body"] == "佛山市总工会" and rows[0]["campaigns"] == 4
    assert rows[0]["names"] == sorted(rows[0]["names"])


@pytest.mark.neo4j
def test_edge_evidence(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "edge_evidence", a="蒋庆", b="市总工会")  # alias of the body
    direct = [r for r in rows if r["via"] is None]
    assert [(r["type"], r["to"]) for r in direct] == [("HOLDS_POSITION", "佛山市总工会")]
    via = {(r["type"], r["via"], r["sentence"]) for r in rows if r["via"]}
    assert ("CHAIRED", "佛山市总工会学习会议", "测试句:蒋庆主持会议。") in via
    assert ("LED", "佛山市总工会调研", "测试句:蒋庆带队调研。") in via


@pytest.mark.neo4j
def test_co_implemented(hand_loaded: Server) -> None:
    rows = run(hand_loaded, "co_implemented")
    pairs = {(r["first"], r["second"]): r["times"] for r in rows}
    # 3 events + 1 article without an event; 广州 and 佛山 each relayed the other pair at a meeting
    assert pairs == {("产业工人队伍建设改革", "百千万工程"): 4, ("产业工人队伍建设改革", "全国两会精神"): 2}
    ones = {(r["first"], r["second"]) for r in run(hand_loaded, "co_implemented", min_times=1)}
    assert len(ones) == 6 and ("全国两会精神", "工会法") in ones  # 佛山's meeting relayed all four


@pytest.mark.neo4j
def test_missing_parameter_and_bad_cypher_are_query_errors(hand_loaded: Server) -> None:
    with pytest.raises(QueryError, match="Neo4j rejected the query") as err:
        run_query("RETURN $nope", {}, hand_loaded.uri, hand_loaded.user, hand_loaded.password)
    assert err.value.hint == "pass it with -p name=value"
    with pytest.raises(QueryError):
        run_query("MATCH (n RETURN n", {}, hand_loaded.uri, hand_loaded.user, hand_loaded.password)


def test_params_and_formats() -> None:
    assert parse_param("campaign=百千万工程") == ("campaign", "百千万工程")
    assert parse_param("from=2025-03-01") == ("from", "2025-03-01")
    assert parse_param("n=2") == ("n", 2) and parse_param("x=null") == ("x", None)
    assert parse_param("names=[\"a\",\"b\"]") == ("names", ["a", "b"])
    with pytest.raises(QueryError):
        parse_param("novalue")
    result = QueryResult(["body", "n"], [["佛山市总工会", 3], ["x,y", None]])
    table = format_result(result, "table").splitlines()
    assert table[0] == "body         | n"  # CJK characters take two columns
    assert table[2] == "佛山市总工会 | 3" and table[-1] == "(2 rows)"
    assert format_result(result, "csv") == 'body,n\n佛山市总工会,3\n"x,y",'
    assert format_result(result, "json").startswith('[\n  {\n    "body": "佛山市总工会"')


@pytest.mark.neo4j
def test_seed_timeline_and_library(neo4j_server: Server, seed_graph: nx.MultiDiGraph) -> None:
    import neo4j

    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as drv:
        drv.execute_query("MATCH (n) DETACH DELETE n")
    load_graph(seed_graph, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    rows = run(neo4j_server, "campaign_timeline", campaign="百千万工程")
    dates = {r["body"]: r["date"] for r in rows}
    assert {"佛山市总工会", "汕头市潮南区总工会", "揭阳市榕城区总工会"} <= set(dates)
    assert dates["佛山市总工会"] == "03-19" and dates["汕头市潮南区总工会"] == "03-17"
    assert all(r["evidence"] and "百千万工程" in r["evidence"] for r in rows)
    people = {r["person"] for r in run(neo4j_server, "campaign_people", campaign="百千万工程")}
    assert "蒋庆" in people
    multi = {r["person"] for r in run(neo4j_server, "multi_position_people")}
    assert "唐航浩" in multi
    active = {r["body"] for r in run(neo4j_server, "body_activity", **{"from": "03-01", "to": "03-31"})}
    assert {"广州市总工会", "佛山市总工会"} <= active
    for path in FILES:  # every file runs on the real build
        query_file(path, {}, neo4j_server.uri, neo4j_server.user, neo4j_server.password, fmt="json")
