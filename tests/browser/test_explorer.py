"""The explorer page in headless Chromium at 1600x1000: the overview legible (labels >= 12 px,
none overlapping, no lone node, edge types on hover only), drill-down to the evidence, a campaign's
cascade within three clicks, hostile names shown as text, offline and served alike."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from unionkg.model import GraphStore
from unionkg.serve import ExplorerServer, make_server
from unionkg.sinks.explorer import write_explorer

from hostile import XSS_ALIAS, XSS_BODY, XSS_CAMPAIGN

pytestmark = pytest.mark.browser
VIEWPORT = {"width": 1600, "height": 1000}

#: Every label of the overview: font size on screen, box, and whether it lies inside the window.
LABELS_JS = """() => Array.from(document.querySelectorAll('#ukg-overview-tree text.ukg-label')).map(t => {
  const r = t.getBoundingClientRect();
  return {size: parseFloat(getComputedStyle(t).fontSize), x: r.left, y: r.top, w: r.width, h: r.height,
          text: t.textContent};
})"""


@pytest.fixture(scope="module")
def page_file(explorer_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("explorer-page") / "graph.html"
    with GraphStore.open(explorer_build) as store:
        report = write_explorer(store, out, build=str(explorer_build))
    assert report.complete
    return out


@pytest.fixture(scope="module")
def served(explorer_build: Path) -> Iterator[ExplorerServer]:
    srv = make_server(explorer_build, port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def open_big(browser: Any) -> Iterator[Any]:
    pages: list[Any] = []

    def _open(url: str) -> Any:
        page = browser.new_page(viewport=VIEWPORT)
        pages.append(page)
        page.errors = []
        page.dialogs = []
        page.foreign = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        base = url.split("#")[0]
        page.on("request", lambda r: page.foreign.append(r.url) if not (
            r.url.startswith(base) or (base.startswith("http") and r.url.startswith(base.rsplit("/", 1)[0]))) else None)
        page.goto(url)
        page.wait_for_selector("body[data-drawn='1']", timeout=30_000)
        return page

    yield _open
    for p in pages:
        p.close()


def check_overview(page: Any) -> None:
    page.wait_for_selector("#ukg-overview-tree")
    labels = page.evaluate(LABELS_JS)
    assert len(labels) >= 8
    assert min(lb["size"] for lb in labels) >= 12
    for lb in labels:  # inside the window, not under another label
        assert lb["x"] >= 0 and lb["y"] >= 0 and lb["x"] + lb["w"] <= VIEWPORT["width"] and lb["y"] + lb["h"] <= VIEWPORT["height"], lb
    boxes = sorted(labels, key=lambda b: (b["x"], b["y"]))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"]) > 1 and \
                min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"]) > 1
            assert not overlap, (a["text"], b["text"])
    # no lone node: every drawn body but the root has an edge to its superior
    n_nodes = page.evaluate("document.querySelectorAll('#ukg-overview-tree g.ukg-node').length")
    n_edges = page.evaluate("document.querySelectorAll('#ukg-overview-tree path.ukg-edge').length")
    assert n_edges == n_nodes - 1
    # node size bounded; no edge type written on the drawing, shown on hover
    radii = page.evaluate("Array.from(document.querySelectorAll('#ukg-overview-tree circle')).map(c => +c.getAttribute('r'))")
    assert max(radii) <= 10 and min(radii) >= 3
    assert "SUBORDINATE_TO" not in page.evaluate("document.getElementById('ukg-overview-tree').textContent")
    page.locator("#ukg-overview-tree path.ukg-edge-hit").first.hover(force=True)
    assert "SUBORDINATE_TO" in page.inner_text("#ukg-tip")


def three_clicks_to_a_cascade(page: Any, campaign: str) -> None:
    """Overview → the campaign's row (1) → an adopter in the cascade (2): its evidence is shown."""
    page.locator(f"#ukg-campaigns tr[data-id='{campaign}']").click()
    page.wait_for_selector("#ukg-cascade")
    page.locator("#ukg-cascade g.ukg-node").first.click()
    hot = page.locator("#ukg-evidence .ukg-ev.ukg-hot").first
    hot.wait_for()
    assert hot.locator("mark").count() >= 1 and "article" in hot.inner_text()
    # the date axis: ticks apart, none overlapping
    ticks = page.evaluate("""Array.from(document.querySelectorAll('.ukg-xtick')).map(t => {
        const r = t.getBoundingClientRect(); return [r.left, r.right]; })""")
    assert ticks and all(a[1] < b[0] for a, b in zip(ticks, ticks[1:], strict=False))


def test_offline_overview_drilldown_and_trace(open_big, page_file):
    page = open_big(page_file.resolve().as_uri())
    check_overview(page)
    page.screenshot(path=str(artifacts() / "explorer-seed-overview.png"))
    # a click on a body opens its neighbourhood with the evidence of each edge
    page.locator("#ukg-overview-tree g.ukg-node[data-id='UnionBody:佛山市总工会']").click()
    page.wait_for_selector("svg.ukg-hood")
    ev = page.locator("#ukg-evidence .ukg-ev")
    assert ev.count() >= 10
    text = page.inner_text("#ukg-evidence")
    assert "百千万工程" in text and "rule implements." in text and "date 2024-" in text and "article 《" in text
    assert page.locator("#ukg-evidence mark").count() >= 10
    assert page.evaluate("document.querySelectorAll('svg.ukg-hood text.ukg-label').length") >= 10
    assert min(page.evaluate("Array.from(document.querySelectorAll('svg.ukg-hood text.ukg-label'))"
                             ".map(t => parseFloat(getComputedStyle(t).fontSize))")) >= 12
    page.screenshot(path=str(artifacts() / "explorer-seed-drilldown.png"))
    # from the neighbourhood to a neighbour, then back to the overview
    page.locator("svg.ukg-hood g.ukg-node[data-id='Campaign:一函两书']").first.click()
    page.wait_for_selector("#ukg-to-trace")
    page.locator("#ukg-crumbs a", has_text="Overview").click()
    three_clicks_to_a_cascade(page, "Campaign:一函两书")
    page.screenshot(path=str(artifacts() / "explorer-seed-trace.png"))
    assert page.errors == [] and page.foreign == [] and page.dialogs == []


def test_offline_search_and_hostile_names(open_big, page_file):
    page = open_big(page_file.resolve().as_uri())
    page.fill("#ukg-search", "onerror")
    page.locator("#ukg-search-form button").click()
    hit = page.locator("#ukg-hits a.ukg-hit").first
    hit.wait_for()
    assert XSS_BODY in hit.inner_text()
    hit.click()
    page.wait_for_selector("svg.ukg-hood")
    assert XSS_BODY in page.inner_text(".ukg-viewhead") and XSS_ALIAS in page.inner_text(".ukg-viewhead")
    page.evaluate("location.hash = '#c=' + encodeURIComponent('Campaign:两个确立')")
    page.wait_for_selector("#ukg-cascade")
    assert XSS_CAMPAIGN in page.inner_text(".ukg-viewhead")
    page.evaluate("location.hash = '#n=' + encodeURIComponent('Article:x1')")
    page.wait_for_selector("svg.ukg-hood")
    assert "<script>alert(2)</script>" in page.inner_text(".ukg-viewhead")
    page.wait_for_timeout(200)
    counts = page.evaluate("[document.querySelectorAll('img').length, document.querySelectorAll('script').length, "
                           "document.querySelectorAll('b').length]")
    assert counts == [0, 2, 0]  # the JSON data and the page's script
    assert page.dialogs == [] and page.errors == [] and page.foreign == []


def test_served_page(open_big, served):
    page = open_big(served.url)
    check_overview(page)
    page.screenshot(path=str(artifacts() / "explorer-served-overview.png"))
    # search asks the server; a hit opens a neighbourhood the server reads from the store
    page.fill("#ukg-search", "潮南")
    page.locator("#ukg-search-form button").click()
    page.locator("#ukg-hits a.ukg-hit", has_text="汕头市潮南区总工会").click()
    page.wait_for_selector("svg.ukg-hood")
    assert page.locator("#ukg-evidence .ukg-ev").count() >= 3
    page.screenshot(path=str(artifacts() / "explorer-served-drilldown.png"))
    page.locator("#ukg-crumbs a", has_text="Overview").click()
    three_clicks_to_a_cascade(page, "Campaign:百千万工程")
    page.screenshot(path=str(artifacts() / "explorer-served-trace.png"))
    assert page.errors == [] and page.foreign == [] and page.dialogs == []
    # an id the build does not have: the server's 404 (which Chromium logs), a message, nothing run
    page.evaluate("location.hash = '#n=' + encodeURIComponent('UnionBody:' + '<img src=x onerror=alert(9)>')")
    page.wait_for_selector(".ukg-note")
    assert "No such neighbourhood" in page.inner_text(".ukg-note")
    assert all("404" in e for e in page.errors) and page.dialogs == []


def artifacts() -> Path:
    out = Path(__file__).resolve().parents[2] / "test-artifacts"
    out.mkdir(exist_ok=True)
    return out


@pytest.mark.parametrize("days, unit", [(10, r"^\d{2}-\d{2}$"), (400, r"^\d{4}-\d{2}$"), (5 * 365, r"^\d{4}(-\d{2})?$"),
                                        (40 * 365, r"^\d{4}$")])
def test_date_axis_at_any_span(open_big, page_file, days, unit):
    """The trace's date axis: round dates, at most one label per 84 px, labels that say the year
    when the span crosses one."""
    import re

    page = open_big(page_file.resolve().as_uri())
    lo = page.evaluate("Date.UTC(2003, 5, 17) / 86400000")
    ticks = page.evaluate(f"ukgx.ticks({lo}, {lo + days}, 800, true)")
    labels = [t["label"] for t in ticks]
    assert 2 <= len(labels) <= 800 // 84, labels
    assert len(set(labels)) == len(labels) and all(re.match(unit, x) for x in labels), labels
    assert [t["n"] for t in ticks] == sorted(t["n"] for t in ticks)
