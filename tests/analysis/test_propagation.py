"""``unionkg.analysis.propagation`` and what ``trace`` makes of it on hand-built graphs: dates with
their years, no comparison across years of a date whose year is unknown, waves of an annual
campaign, co-carriers beside the union cascade, one adoption per body and article, variants and
"did you mean"."""

from __future__ import annotations

import csv
import io
import json

import pytest

from unionkg.analysis.dates import Day
from unionkg.analysis.propagation import Calendar, adoption_date, infer_year
from unionkg.analysis.trace import trace
from unionkg.analysis.trace_render import render_csv, render_json, render_table
from unionkg.errors import UnionKGError
from unionkg.sinks.trace_page import render_html


@pytest.mark.parametrize(
    ("written", "published", "year", "expected"),
    [
        ("2024-11-29", "2024-11-30", None, ("2024-11-29", "article", False)),
        ("07-12", None, 2021, ("2021-07-12", "campaign-year", True)),
        ("07-26", "2021-07-28", None, ("2021-07-26", "published-year", True)),
        ("12-30", "2025-01-03", None, ("2024-12-30", "published-year", True)),  # the year before
        ("07-26", "2021-07-28", 2019, ("2021-07-26", "published-year", True)),  # publication first
        (None, "2024-11-20", None, ("2024-11-20", "published", True)),  # adopted by then
        ("08-13", None, None, ("08-13", None, False)),  # year unknown, and said so
        (None, None, None, (None, None, False)),
        ("08-13", "09-01", None, ("08-13", None, False)),  # a publication date without a year
    ],
)
def test_adoption_date(written, published, year, expected):
    assert adoption_date(written, published, year) == expected


def test_infer_year_only_when_one_year_fits():
    assert infer_year(Day(3, 10), Day(3, 11, 2024)) == 2024
    assert infer_year(Day(1, 20), Day(1, 3, 2025)) == 2025  # soon after publication: announced
    assert infer_year(Day(6, 1), Day(3, 15, 2024)) == 2023  # months after publication: last year's
    assert infer_year(Day(2, 29), Day(3, 1, 2023)) is None  # no 29 February in 2022 or 2023


def test_calendar_never_compares_an_unknown_year_across_years():
    assert Calendar.of(["03-01", "03-05"]).day("03-05") == Day(3, 5)  # no year anywhere: within one
    assert Calendar.of(["2025-03-01", "03-02"]).day("03-02") == Day(3, 2, 2025)  # one year: it
    several = Calendar.of(["2019-07-16", "2021-07-12", "07-06"])
    assert several.day("07-06") is None and several.day("2019-07-16") == Day(7, 16, 2019)


@pytest.fixture
def summer(builder):
    """夏送清凉 (an annual family) in 2019 and 2021 and once in a year no page states, with a
    procuratorate beside the unions and one union named twice in one article."""
    b = builder()
    b.body("山东省总工会", "province")
    b.body("青岛市总工会", "city", "青岛市", "山东省总工会")
    b.body("青岛市市南区总工会", "district", "青岛市", "青岛市总工会")
    b.body("济宁市总工会", "city", "济宁市", "山东省总工会")
    b.body("南苑街道总工会", "town", "济宁市", "济宁市总工会")
    b.node("Organization:检察院", "Organization", "检察院", kind="government", aliases=[])
    b.node("Campaign:夏送清凉", "Campaign", "夏送清凉", aliases=["“夏送清凉”活动", "送清凉"])
    b.node("Article:p", "Article", "启动", title="启动", date="07-06")
    b.node("Article:c19", "Article", "2019", title="2019", date="2019-07-16")
    b.node("Article:d21", "Article", "2021", title="2021", date="07-12")
    b.node("Article:t21", "Article", "街道", title="街道", date="07-26", published="2021-07-28")
    b.adopt("山东省总工会", "夏送清凉", "07-06", "山东省总工会启动“夏送清凉”活动。", "p")
    b.adopt("青岛市总工会", "夏送清凉", "2019-07-16", "市总工会启动2019年“夏送清凉”活动。", "c19",
            surface="2019年“夏送清凉”活动")
    b.adopt("青岛市总工会", "夏送清凉", "07-12", "市总工会慰问环卫职工。", "d21", year="2021")
    b.adopt("青岛市市南区总工会", "夏送清凉", "07-12", "市南区总工会启动2021年“夏送清凉”活动。", "d21", year="2021")
    b.adopt("南苑街道总工会", "夏送清凉", "07-26", "南苑街道总工会“夏送清凉”活动共开展十余次。", "t21")
    b.node("Event:t21#1", "Event", "活动", kind="other", date="07-26", title="活动", article="t21")
    b.edge("Event:t21#1", "UnionBody:南苑街道总工会", "HELD_BY", evidence=[], article="t21")
    b.edge("Event:t21#1", "Campaign:夏送清凉", "IMPLEMENTS", evidence=[], article="t21", date="07-26",
           mode="implement", surface="送清凉")
    b.edge("Organization:检察院", "Campaign:夏送清凉", "IMPLEMENTS", evidence=[], article="c19",
           date="2019-07-16", mode="implement")
    return b.G


def test_annual_campaign_is_traced_wave_by_wave(summer):
    t = trace(summer, "夏送清凉")
    assert t.recurring and t.family == "夏送清凉"
    assert [(w.year, w.adopters) for w in t.waves] == [(2019, 1), (2021, 3), (None, 1)]
    dates = {(a.name, a.article): (a.date, a.date_basis, a.date_inferred) for a in t.adoptions}
    assert dates[("青岛市市南区总工会", "d21")] == ("2021-07-12", "campaign-year", True)
    assert dates[("南苑街道总工会", "t21")] == ("2021-07-26", "published-year", True)
    assert dates[("山东省总工会", "p")] == ("07-06", None, False)
    br = {(b.wave, b.adoption.name): b for b in t.branches}
    # the 2021 district sits under the 2021 city, not under a province of unknown year
    assert br[(2021, "青岛市市南区总工会")].parent == "UnionBody:青岛市总工会"
    assert br[(2021, "南苑街道总工会")].parent is None
    assert br[(None, "山东省总工会")].lag_first is None
    assert (2019, "青岛市总工会") in br and (2021, "青岛市总工会") in br  # one body, two waves
    assert [a.name for a in t.unknown_year] == ["山东省总工会"]


def test_an_annual_campaign_never_lends_its_one_year(builder):
    b = builder()
    b.body("山东省总工会", "province")
    b.body("济宁市总工会", "city", "济宁市", "山东省总工会")
    b.node("Campaign:夏送清凉", "Campaign", "夏送清凉", aliases=[])
    b.adopt("山东省总工会", "夏送清凉", "07-06", "山东省总工会启动“夏送清凉”活动。", "p")
    b.adopt("济宁市总工会", "夏送清凉", "2021-07-26", "济宁市总工会开展“夏送清凉”活动。", "c")
    t = trace(b.G, "夏送清凉")
    city = next(x for x in t.branches if x.adoption.name == "济宁市总工会")
    assert not t.recurring and t.default_year is None and [a.name for a in t.unknown_year] == ["山东省总工会"]
    assert city.parent == "UnionBody:山东省总工会" and city.lag_parent is None and not city.before_parent


def test_co_carriers_stand_beside_the_union_cascade(summer):
    t = trace(summer, "夏送清凉")
    assert [a.name for a in t.co_carriers] == ["检察院"]
    assert "检察院" not in {b.adoption.name for b in t.branches}
    assert "government" not in {lag.level for lag in t.lags}
    assert all(c.name != "government" for c in t.coverage)


def test_one_adoption_per_body_and_article(summer):
    t = trace(summer, "夏送清凉")
    street = [a for a in t.adoptions if a.name == "南苑街道总工会"]
    assert len(street) == 1  # the edge from the body and the one from its event
    assert street[0].surfaces == ("送清凉",)


def test_waves_and_dates_in_every_output(summer):
    t = trace(summer, "夏送清凉")
    doc = json.loads(render_json(t))
    assert doc["recurring"] is True and [w["year"] for w in doc["waves"]] == [2019, 2021, None]
    assert doc["co_carriers"][0]["name"] == "检察院"
    assert {a["date_basis"] for a in doc["adoptions"]} >= {"campaign-year", "published-year"}
    rows = list(csv.DictReader(io.StringIO(render_csv(t))))
    assert {r["wave"] for r in rows if r["carrier"] == "union"} == {"2019", "2021", ""}
    assert [r["name"] for r in rows if r["carrier"] == "co-carrier"] == ["检察院"]
    assert any(r["date_inferred"] == "true" for r in rows)
    table = render_table(t)
    assert "Waves (adoptions by year)" in table and "  wave 2021" in table and "Co-carriers" in table
    assert "07-06 (year unknown)" in table and "2021-07-26 (year of publication)" in table
    page = render_html(t)  # the explorer's trace view: the trace travels as JSON, drawn by the page's script
    start = page.index('<script type="application/json" id="ukg-data">') + len('<script type="application/json" id="ukg-data">')
    data = json.loads(page[start:page.index("</script>", start)])
    (shown,) = data["traces"].values()
    assert [w["year"] for w in shown["waves"]] == [2019, 2021, None] and shown["recurring"] is True
    assert shown["co_carriers"][0]["name"] == "检察院"
    assert {b["wave"] for b in shown["cascade"]} == {2019, 2021, None} and all("date" in b for b in shown["cascade"])


def test_a_policy_of_several_years_is_compared_with_its_years(builder):
    b = builder()
    b.body("中华全国总工会", "national")
    b.body("福建省总工会", "province", up="中华全国总工会")
    b.body("厦门市总工会", "city", "厦门市", "福建省总工会")
    b.body("厦门市同安区总工会", "district", "厦门市", "厦门市总工会")
    b.node("Campaign:工会驿站", "Campaign", "工会驿站", aliases=["工会爱心驿站"])
    b.adopt("中华全国总工会", "工会驿站", "2024-01-15", "全总召开工会驿站会议。", "n")
    b.adopt("厦门市总工会", "工会驿站", "2020-09-03", "工会爱心驿站揭牌。", "x", surface="“工会爱心驿站”")
    b.adopt("厦门市同安区总工会", "工会驿站", "2026-01-15", "同安区总工会走进工会驿站。", "t")
    t = trace(b.G, "工会爱心驿站")
    assert not t.recurring and [w.year for w in t.waves] == [2020, 2024, 2026]
    br = {x.adoption.name: x for x in t.branches}
    assert br["厦门市总工会"].parent is None and br["厦门市总工会"].ahead_of == ("UnionBody:中华全国总工会",)
    assert br["厦门市同安区总工会"].parent == "UnionBody:厦门市总工会"
    assert br["厦门市同安区总工会"].lag_parent == 1960  # 2020-09-03 → 2026-01-15, across years


def test_any_variant_or_a_near_name(builder):
    b = builder()
    b.body("沛县总工会", "district")
    b.node("Campaign:集体协商要约行动", "Campaign", "集体协商要约行动", aliases=["“春季要约行动”"])
    b.node("Campaign:尊法守法·携手筑梦", "Campaign", "尊法守法·携手筑梦", aliases=[])
    b.adopt("沛县总工会", "集体协商要约行动", "2024-05-11", "沛县总工会启动集体协商春季集中要约行动。", "s")
    for q in ("春季要约行动", "集中要约季", "2024年要约行动月", "集体協商要約行動"):
        assert trace(b.G, q).campaign == "Campaign:集体协商要约行动", q
    assert trace(b.G, "尊法守法,携手筑梦").campaign == "Campaign:尊法守法·携手筑梦"  # comma for dot
    with pytest.raises(UnionKGError) as err:
        trace(b.G, "尊法手法·携守筑梦")
    assert err.value.hint == "did you mean: 尊法守法·携手筑梦?"
