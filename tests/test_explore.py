"""The explorer's reads from the store: the overview's aggregates, neighbourhoods with evidence,
traces with the mention marked, search, and the page's size budget."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from unionkg.model import GraphStore
from unionkg.sinks.explore import campaign_trace, marks, neighbourhood, overview, search
from unionkg.sinks.explorer import explorer_data, write_explorer

from hostile import XSS_BODY, XSS_CAMPAIGN


@pytest.fixture(scope="module")
def store(explorer_build: Path):
    with GraphStore.open(explorer_build) as s:
        yield s


def test_overview_tree_is_a_bounded_connected_hierarchy(store):
    ov = overview(store, tree_nodes=12, tree_leaves=6)
    nodes = ov["tree"]["nodes"]
    ids = {n["id"] for n in nodes}
    assert 2 <= len(nodes) <= 12
    leaves = [n for n in nodes if not any(m["p"] == n["id"] for m in nodes)]
    assert len(leaves) <= 6
    # every drawn body hangs from a drawn body, but the root; none stands alone
    roots = [n for n in nodes if n["p"] is None]
    assert [r["nm"] for r in roots] == ["中华全国总工会"]
    assert all(n["p"] in ids for n in nodes if n["p"] is not None)
    # the bodies that carried the most campaigns are there, with their counts
    best = max(nodes, key=lambda n: n["c"])
    assert best["nm"] in ("佛山市总工会", "广州市总工会") and best["c"] >= 10
    fs = next(n for n in nodes if n["nm"] == "广东省总工会")
    assert fs["lv"] == "province" and fs["sub"] >= 7 and fs["hid"] == fs["sub"] - sum(m["p"] == fs["id"] for m in nodes)


def test_overview_ranks_campaigns_by_adopters_and_reach(store):
    ov = overview(store)
    camps = {c["nm"]: c for c in ov["campaigns"]}
    assert [c["ad"] for c in ov["campaigns"]] == sorted((c["ad"] for c in ov["campaigns"]), reverse=True)
    yh = camps["一函两书"]
    assert yh["ad"] >= 4 and yh["lv"]["city"] >= 2 and yh["pr"] == 1 and yh["prn"] == ["广东省总工会"]
    assert yh["first"] <= yh["last"] and yh["first"].startswith("2024-")
    people = ov["people"]
    assert people and all(p["n"] == sum(p["roles"].values()) for p in people)
    assert any(p["nm"] == "蒋庆" and p["post"].startswith("佛山市总工会") for p in people)
    assert ov["stats"]["articles"] == 15


def test_neighbourhood_carries_the_evidence(store):
    h = neighbourhood(store, "UnionBody:佛山市总工会")
    groups = {(g["dir"], g["ty"]): g for g in h["groups"]}
    imp = groups[("out", "IMPLEMENTS")]
    assert imp["total"] >= 10 and imp["edges"]
    e = next(e for e in imp["edges"] if e["o"] == "Campaign:百千万工程")
    ev = e["ev"][0]
    assert "百千万工程" in ev["s"] and ev["r"].startswith("implements.") and e["d"] and e["art"]
    s, t = ev["m"][0]
    assert "百千万工程" in ev["s"][s:t] or "佛山市总工会" in ev["s"][s:t]
    assert h["titles"][e["art"]]["t"]  # the article's title
    assert ("out", "SUBORDINATE_TO") in groups and ("in", "MENTIONS") in groups
    assert neighbourhood(store, "UnionBody:nothing") is None


def test_neighbourhood_is_bounded(store):
    h = neighbourhood(store, "UnionBody:佛山市总工会", rows=5)
    shown = sum(len(g["edges"]) for g in h["groups"])
    assert shown <= max(5, len(h["groups"]))
    assert any(g["total"] > len(g["edges"]) for g in h["groups"])


def test_trace_marks_the_campaign_in_each_sentence(store):
    t = campaign_trace(store, "Campaign:百千万工程")
    assert t is not None and t["name"] == "百千万工程"
    for a in t["adoptions"]:
        spans = [a["sentence"][s:e] for s, e in a["marks"]]
        assert any("百千万工程" in x for x in spans), (a["sentence"], spans)
        assert a["rule"].startswith("implements.")
    assert campaign_trace(store, "UnionBody:佛山市总工会") is None


def test_marks_do_not_overlap():
    assert marks("佛山市总工会推进百千万工程", ["佛山市总工会", "佛山市", "百千万工程", None]) == [[0, 6], [8, 13]]


def test_search_exact_then_partial(store):
    assert [h["id"] for h in search(store, "“一函两书”")] == ["Campaign:一函两书"]
    hits = search(store, "潮南")
    assert "UnionBody:汕头市潮南区总工会" in [h["id"] for h in hits]
    assert search(store, "%") == [] or all("%" in h["nm"] for h in search(store, "%"))
    assert search(store, "   ") == []
    assert [h["nm"] for h in search(store, "onerror")] == [XSS_BODY]


def test_offline_page_holds_everything_of_a_small_build(store, tmp_path):
    report = write_explorer(store, tmp_path / "p.html")
    assert report.complete and report.neighbourhoods == store.number_of_nodes()
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert XSS_BODY not in html and XSS_CAMPAIGN not in html and "\\u003cimg src=x onerror=alert(1)\\u003e" in html


def test_offline_page_keeps_to_its_budget(store):
    data = explorer_data(store, budget=20_000)
    assert not data["complete"] and 0 < len(data["hoods"]) < store.number_of_nodes()
    # the drawn bodies come first
    assert data["overview"]["tree"]["nodes"][0]["id"] in data["hoods"]


@pytest.mark.parametrize("budget", [20_000, 200_000, 10**9])
def test_page_read_on_two_processes_is_the_page_of_one(store, budget):
    """The items read ahead on two processes, whatever the budget spends (and leaves out), make
    the data one process makes."""
    one = explorer_data(store, budget=budget)
    two = explorer_data(store, budget=budget, workers=2)
    assert orjson.dumps(two) == orjson.dumps(one)
    assert list(two["hoods"]) == list(one["hoods"]) and two["complete"] == one["complete"]
