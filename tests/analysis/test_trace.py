"""``unionkg.analysis.trace`` on hand-built graphs: adoptions, cascade, lags, coverage, variants."""

from __future__ import annotations

import csv
import io
import json

import pytest

from unionkg.analysis.dates import Day, days_between, parse
from unionkg.analysis.trace import trace
from unionkg.analysis.trace_render import render_csv, render_json, render_table
from unionkg.errors import UnionKGError
from unionkg.sinks.trace_page import render_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025-03-17", Day(3, 17, 2025)), ("03-17", Day(3, 17)), (None, None), ("近日", None), ("13-01", None)],
)
def test_parse_dates(text, expected):
    assert parse(text) == expected


def test_days_between_borrows_the_missing_year():
    assert days_between(Day(2, 28), Day(3, 1, 2024)) == 2  # 2024 is a leap year
    assert days_between(Day(2, 28, 2025), Day(3, 1)) == 1
    assert days_between(Day(12, 30, 2024), Day(1, 2, 2025)) == 3


@pytest.mark.parametrize("query", ["百千万工程", "“百千万工程”", '"百千万工程"', " 百千万 工程 ", "Campaign:百千万工程"])
def test_lookup_by_name_alias_quotes_nfkc(seedlike, query):
    assert trace(seedlike, query).campaign == "Campaign:百千万工程"


def test_unknown_campaign_raises_with_hint(seedlike):
    with pytest.raises(UnionKGError) as err:
        trace(seedlike, "乡村振兴")
    assert "百千万工程" in (err.value.hint or "")


def test_seedlike_adoptions_in_date_order_undated_last(seedlike):
    t = trace(seedlike, "百千万工程")
    assert [(a.name, a.date) for a in t.adoptions] == [
        ("汕头市潮南区总工会", "03-17"), ("佛山市总工会", "03-19"), ("揭阳市榕城区总工会", None)]
    chaonan = t.adoptions[0]
    assert (chaonan.level, chaonan.city, chaonan.mode, chaonan.article) == ("district", "汕头市", "implement", "a5")
    assert chaonan.article_title == "潮南会议" and "百千万工程" in chaonan.sentence
    assert [a.name for a in t.undated] == ["揭阳市榕城区总工会"]
    # nobody above them adopted: three roots, lags from the first adoption, undated excluded
    assert all(b.parent is None for b in t.branches)
    assert {b.adoption.name: b.lag_first for b in t.branches} == {
        "汕头市潮南区总工会": 0, "佛山市总工会": 2, "揭阳市榕城区总工会": None}
    assert [(s, a.name) for s, a in t.first_movers] == [
        ("all", "汕头市潮南区总工会"), ("city", "佛山市总工会"), ("district", "汕头市潮南区总工会")]


def test_coverage_per_level_and_city(seedlike):
    cov = {(c.scope, c.name): (c.adopters, c.bodies) for c in trace(seedlike, "百千万工程").coverage}
    assert cov[("level", "province")] == (0, 1)
    assert cov[("level", "city")] == (1, 3)
    assert cov[("level", "district")] == (2, 2)
    assert cov[("city", "汕头市")] == (1, 2)
    assert cov[("city", "佛山市")] == (1, 1)


def test_variants_first_body_and_date(seedlike):
    v = {x.surface: x for x in trace(seedlike, "百千万工程").variants}
    assert set(v) == {"百千万工程", "“百千万工程”"}
    assert (v["百千万工程"].first_body, v["百千万工程"].first_date, v["百千万工程"].seen) == ("汕头市潮南区总工会", "03-17", 3)


def test_edge_surface_wins_over_sentence_match(builder):
    b = builder()
    b.body("甲市总工会", "city")
    b.body("乙市总工会", "city")
    b.node("Campaign:一函两书", "Campaign", "一函两书", aliases=["一函两书", "“一函两书”工作制度"])
    b.adopt("甲市总工会", "一函两书", "2025-03-02", "推行一函两书。", "x1", surface="“一函两书”工作制度")
    b.adopt("乙市总工会", "一函两书", "2025-03-01", "推行一函两书。", "x2")
    v = {x.surface: x for x in trace(b.G, "一函两书").variants}
    assert (v["“一函两书”工作制度"].first_body, v["“一函两书”工作制度"].first_date) == ("甲市总工会", "2025-03-02")
    assert (v["一函两书"].first_body, v["一函两书"].seen) == ("乙市总工会", 1)


@pytest.fixture
def cascade_graph(builder):
    b = builder()
    b.body("省总工会", "province")
    b.body("甲市总工会", "city", "甲市", "省总工会")
    b.body("甲市一区总工会", "district", "甲市", "甲市总工会")
    b.body("甲市二区总工会", "district", "甲市", "甲市总工会")
    b.body("甲市三区总工会", "district", "甲市", "甲市总工会")
    b.body("三区某镇总工会", "town", "甲市", "甲市三区总工会")
    b.body("乙市总工会", "city", "乙市", "省总工会")
    b.node("Campaign:工程", "Campaign", "工程", aliases=[])
    b.adopt("省总工会", "工程", "2025-03-01", "省总工会部署工程。", "p")
    b.adopt("甲市总工会", "工程", "2025-03-05", "甲市学习工程。", "c", mode="study")
    b.adopt("甲市一区总工会", "工程", "2025-03-10", "一区落实工程。", "d1")
    b.adopt("甲市一区总工会", "工程", "2025-03-20", "一区再次落实工程。", "d1b")
    b.adopt("甲市二区总工会", "工程", "03-02", "二区抢先落实工程。", "d2")
    b.adopt("三区某镇总工会", "工程", "2025-03-12", "某镇宣传工程。", "t", mode="publicize")
    b.adopt("乙市总工会", "工程", None, "乙市学习工程。", "y")
    return b.G


def test_cascade_tree_flags_and_lags(cascade_graph):
    t = trace(cascade_graph, "工程")
    br = {b.adoption.name: b for b in t.branches}
    assert len(t.adoptions) == 7 and len(t.branches) == 6  # one body adopted twice
    assert br["省总工会"].parent is None and br["省总工会"].depth == 0
    assert br["甲市总工会"].parent == "UnionBody:省总工会" and br["甲市总工会"].lag_parent == 4
    assert br["甲市一区总工会"].parent == "UnionBody:甲市总工会"
    assert (br["甲市一区总工会"].lag_parent, br["甲市一区总工会"].lag_first, br["甲市一区总工会"].depth) == (5, 9, 2)
    # adopted (03-02, year borrowed) before its city (03-05): under the province, flagged
    d2 = br["甲市二区总工会"]
    assert d2.parent == "UnionBody:省总工会" and d2.before_parent
    assert d2.ahead_of == ("UnionBody:甲市总工会",) and d2.skipped == ("UnionBody:甲市总工会",)
    # the town skipped its (non-adopting) district
    town = br["三区某镇总工会"]
    assert town.parent == "UnionBody:甲市总工会" and town.skipped == ("UnionBody:甲市三区总工会",)
    assert not town.before_parent and town.lag_parent == 7
    # undated: under its superior, no lags
    y = br["乙市总工会"]
    assert y.parent == "UnionBody:省总工会" and y.lag_parent is None and y.lag_first is None
    lags = {lag.level: lag for lag in t.lags}
    assert (lags["district"].adopters, lags["district"].dated, lags["district"].first_min, lags["district"].first_max) == (2, 2, 1, 9)
    assert lags["city"].parent_n == 1 and lags["city"].parent_median == 4


def test_event_source_adopter_is_the_organiser(builder):
    b = builder()
    b.body("甲市总工会", "city")
    b.node("Event:e1#1", "Event", "会议", kind="meeting", date="03-01", title="会议", article="e1")
    b.edge("Event:e1#1", "UnionBody:甲市总工会", "HELD_BY", evidence=[], article="e1")
    b.node("Campaign:工程", "Campaign", "工程")
    b.edge("Event:e1#1", "Campaign:工程", "IMPLEMENTS", evidence=[], article="e1", date="03-01", mode="study")
    (a,) = trace(b.G, "工程").adoptions
    assert (a.name, a.event, a.date) == ("甲市总工会", "Event:e1#1", "03-01")


def test_renderers_agree(cascade_graph):
    t = trace(cascade_graph, "工程")
    doc = json.loads(render_json(t))
    assert [a["name"] for a in doc["adoptions"]][:2] == ["省总工会", "甲市二区总工会"]
    assert {c["adoption"]: c["before_parent"] for c in doc["cascade"]}["UnionBody:甲市二区总工会"] is True
    rows = list(csv.DictReader(io.StringIO(render_csv(t))))
    assert len(rows) == 7 and rows[-1]["date"] == "" and rows[-1]["name"] == "乙市总工会"
    assert rows[1]["before_parent"] == "true" and rows[1]["skipped"] == "UnionBody:甲市总工会"
    table = render_table(t)
    assert "甲市二区总工会 (district) 03-02" in table and "before superior 甲市总工会" in table
    lines = table.splitlines()
    tree = lines[lines.index("Cascade (each adopter under its nearest superior that adopted no later)") + 1:]
    assert tree[0].startswith("  省总工会") and tree[1].startswith("      甲市二区总工会")
    assert tree[2].startswith("      甲市总工会") and tree[3].startswith("          甲市一区总工会")


def test_html_escapes_everything(builder):
    b = builder()
    evil = "<img src=x onerror=alert(1)>"
    b.body(evil, "city")
    b.node("Campaign:<b>c</b>", "Campaign", "<b>c</b>")
    b.article("z", "<script>alert(2)</script>", "03-01")
    b.adopt(evil, "<b>c</b>", "03-01", "</td><script>alert(3)</script>", "z")
    page = render_html(trace(b.G, "<b>c</b>"))
    # the names travel as JSON with < > & escaped, and the page shows them with textContent
    assert "<img" not in page and "<script>alert" not in page and "<b>" not in page and "</td>" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page and "\\u003cscript\\u003ealert(2)" in page


def test_table_strips_terminal_escapes(builder):
    b = builder()
    b.body("坏\x1b[31m工会", "city")
    b.node("Campaign:c", "Campaign", "c")
    b.adopt("坏\x1b[31m工会", "c", "03-01", "红\x1b[0m色", "z")
    assert "\x1b" not in render_table(trace(b.G, "c"))
