"""The graph page in headless Chromium: offline, no errors, legend, filters, search, no injection."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.sinks.html import write_html

pytestmark = pytest.mark.browser
XSS_BODY = "<img src=x onerror=alert(1)>"  # the body name in conftest.small_graph


@pytest.fixture
def page_file(small_graph, tmp_path: Path) -> Path:
    return write_html(small_graph, tmp_path / "graph.html", title="test graph").path


def test_page_draws_offline_with_legend(open_page, page_file):
    o = open_page(page_file)
    assert o.errors == [] and o.requests == [] and o.dialogs == []
    box = o.page.locator("#ukg-graph canvas").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 400
    legend = o.page.locator("#ukg-legend li").all_inner_texts()
    assert any(t.startswith("UnionBody") and "(3)" in t for t in legend)
    assert any(t.startswith("Campaign") for t in legend)
    # MENTIONS is off by default, so 7 of the 12 edges show
    assert o.page.evaluate("[ukg.nodeView.length, ukg.edgeView.length]") == [10, 7]
    # the canvas really has pixels drawn on it
    assert o.page.evaluate("""() => { const c = document.querySelector('#ukg-graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i]) n++; } return n; }""") > 1000
    o.shot("graph-small.png")


def test_label_and_type_filters(open_page, page_file):
    o = open_page(page_file)
    o.page.locator("#ukg-legend input[data-name='UnionBody']").uncheck()
    ids = o.page.evaluate("ukg.nodeView.getIds()")
    assert len(ids) == 7 and not any(i.startswith("UnionBody:") for i in ids)
    assert "Visible: 7 nodes" in o.page.inner_text("#ukg-visible")
    o.page.locator("#ukg-legend input[data-name='UnionBody']").check()
    o.page.locator("#ukg-types input[data-name='MENTIONS']").check()
    assert o.page.evaluate("ukg.edgeView.length") == 12
    o.page.locator("#ukg-types input[data-name='IMPLEMENTS']").uncheck()
    types = o.page.evaluate("ukg.edgeView.get().map(e => e.ty)")
    assert "IMPLEMENTS" not in types and len(types) == 10
    assert o.errors == []


def test_campaign_and_date_filters(open_page, page_file):
    o = open_page(page_file)
    o.page.select_option("#ukg-campaign", "Campaign:百千万工程")
    ids = set(o.page.evaluate("ukg.nodeView.getIds()"))
    assert ids == {"Campaign:百千万工程", "UnionBody:甲市总工会", "Event:a1#1", "Article:a1"}
    o.page.select_option("#ukg-campaign", "")
    o.page.fill("#ukg-from", "2025-04-01")
    o.page.locator("#ukg-from").dispatch_event("change")
    o.page.locator("#ukg-undated").uncheck()
    ids = set(o.page.evaluate("ukg.nodeView.getIds()"))
    assert f"UnionBody:{XSS_BODY}" in ids and "Article:a2" in ids and "UnionBody:甲市总工会" not in ids
    o.page.fill("#ukg-from", "03-01")  # no year: compared by month and day
    o.page.locator("#ukg-from").dispatch_event("change")
    assert "UnionBody:甲市总工会" in o.page.evaluate("ukg.nodeView.getIds()")
    assert o.errors == []


def test_date_filter_refuses_a_day_that_does_not_exist(open_page, page_file):
    o = open_page(page_file)
    o.page.locator("#ukg-undated").uncheck()
    everything = o.page.evaluate("ukg.nodeView.length")
    for bad in ("2024-13-45", "02-30", "2025-02-29", "2024-00-10"):
        o.page.fill("#ukg-from", bad)
        o.page.locator("#ukg-from").dispatch_event("change")
        assert o.page.input_value("#ukg-from") == bad  # kept in the box, to be corrected
        assert o.page.get_attribute("#ukg-from", "aria-invalid") == "true"
        assert f"from {bad} is not a date" in o.page.inner_text("#ukg-date-note")
        assert o.page.evaluate("ukg.nodeView.length") == everything  # a wrong date filters nothing
    o.page.fill("#ukg-from", "2024-02-29")  # a leap day is a day
    o.page.locator("#ukg-from").dispatch_event("change")
    assert o.page.get_attribute("#ukg-from", "aria-invalid") == "false"
    assert o.page.inner_text("#ukg-date-note").strip() == ""
    o.page.fill("#ukg-from", "2025-04-01")
    o.page.locator("#ukg-from").dispatch_event("change")
    assert "UnionBody:甲市总工会" not in o.page.evaluate("ukg.nodeView.getIds()")
    assert o.errors == []


def test_search_selects_and_reports(open_page, page_file):
    o = open_page(page_file)
    o.page.fill("#ukg-search", "市总工会")  # an alias
    o.page.locator("#ukg-search-form button").click()
    assert o.page.evaluate("ukg.network.getSelectedNodes()") == ["UnionBody:甲市总工会"]
    assert o.page.inner_text("#ukg-search-result").startswith("1 match(es): 甲市总工会")
    o.page.fill("#ukg-search", "总工会")  # no exact match: every name containing it
    o.page.locator("#ukg-search-form button").click()
    assert len(o.page.evaluate("ukg.network.getSelectedNodes()")) == 3
    o.page.fill("#ukg-search", "nothing-like-this")
    o.page.locator("#ukg-search-form button").click()
    assert o.page.evaluate("ukg.network.getSelectedNodes()") == []
    assert o.errors == []


def test_injected_names_show_as_text_and_run_nothing(open_page, page_file):
    o = open_page(page_file)
    o.page.fill("#ukg-search", "onerror")
    o.page.locator("#ukg-search-form button").click()
    assert XSS_BODY in o.page.inner_text("#ukg-search-result")
    # hover the node: its tooltip shows the name as text, with the aliases
    xy = o.page.evaluate(f"""() => {{ const id = {('UnionBody:' + XSS_BODY)!r};
        const p = ukg.network.canvasToDOM(ukg.network.getPosition(id));
        const r = document.querySelector('#ukg-graph canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }}""")
    o.page.mouse.move(xy[0] - 30, xy[1] - 30)
    o.page.mouse.move(xy[0], xy[1], steps=5)
    tip = o.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert XSS_BODY in tip.inner_text() and "<svg onload=alert(3)>" in tip.inner_text()
    o.shot("graph-xss-tooltip.png")
    counts = o.page.evaluate("""[document.querySelectorAll('img').length, document.querySelectorAll('svg').length,
        document.querySelectorAll('script').length]""")
    assert counts == [0, 0, 3]  # vis-network, the JSON data, the page script
    # the edge evidence and the article title are data, not markup
    assert o.page.evaluate("ukg.edges.get().some(e => e.ev === '<img src=y onerror=alert(4)>')")
    o.page.wait_for_timeout(300)
    assert o.dialogs == [] and o.errors == [] and o.requests == []


def test_focused_views_and_cap(open_page, small_graph, tmp_path):
    report = write_html(small_graph, tmp_path / "top.html", top=3)
    assert report.nodes_shown == 3 and report.nodes_left_out == 7
    o = open_page(report.path)
    assert "Left out 7 nodes" in o.page.inner_text("#ukg-leftout")
    focus = write_html(small_graph, tmp_path / "focus.html", focus="张三", hops=1)
    assert focus.nodes_shown == 3 and "around 张三" in focus.view
    o = open_page(focus.path)
    assert sorted(o.page.evaluate("ukg.nodes.getIds()")) == [
        "Event:a1#1", "Person:张三@UnionBody:甲市总工会", "UnionBody:甲市总工会"]
    assert o.errors == [] and o.requests == []
