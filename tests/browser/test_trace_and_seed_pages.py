"""The trace timeline page, the seed build's page and a capped big page in headless Chromium."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from unionkg.analysis.trace import trace
from unionkg.cli import cli
from unionkg.sinks.html import DEFAULT_MAX_NODES, write_html
from unionkg.sinks.trace_page import write_trace_html

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("UNIONKG_SHARED", ROOT / ".." / "shared"))
SEED = SHARED / "corpus" / "000_bfa4eaded79303f8.txt"


def test_trace_page_opens_clean(open_page, small_graph, tmp_path):
    path = write_trace_html(trace(small_graph, "一函两书"), tmp_path / "trace.html")
    o = open_page(path)
    o.page.wait_for_selector("#ukg-cascade")
    assert o.errors == [] and o.requests == [] and o.dialogs == []
    assert o.page.locator("svg.ukg-timeline polyline").count() == 1
    assert "<img src=x onerror=alert(1)>" in o.page.evaluate("document.getElementById('ukg-cascade').textContent")
    assert "<img src=y onerror=alert(4)>" in o.page.inner_text("#ukg-evidence")
    # the page's own two scripts (its data, its code); nothing the names carried
    assert o.page.evaluate("[document.querySelectorAll('img').length, document.querySelectorAll('script').length]") == [0, 2]
    o.shot("trace-small.png")


def test_seed_build_pages(open_page, tmp_path):
    if not SEED.exists():
        if os.environ.get("UNIONKG_STRICT"):
            pytest.fail(f"seed page missing: {SEED}")
        pytest.skip(f"seed page missing: {SEED}")
    build = tmp_path / "build"
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(build), "--quiet"])
    assert result.exit_code == 0, result.output
    o = open_page(build / "graph.html")  # the explorer, as the build writes it
    assert o.errors == [] and o.requests == []
    assert o.page.locator("#ukg-overview-tree g.ukg-node").count() >= 10
    assert o.page.evaluate("Object.keys(ukgx.data.hoods).length") > 50
    o.shot("graph-seed.png")
    result = CliRunner().invoke(cli, ["html", str(build), "-o", str(tmp_path / "g.html"), "--top", "60"])
    assert result.exit_code == 0, result.output
    o = open_page(tmp_path / "g.html")  # a drawn graph view (pyvis)
    assert o.errors == [] and o.page.evaluate("ukg.nodes.length") == 60
    result = CliRunner().invoke(cli, ["trace", "百千万工程", str(build), "--html", str(tmp_path / "t.html")])
    assert result.exit_code == 0, result.output
    o = open_page(tmp_path / "t.html")
    o.page.wait_for_selector("#ukg-cascade")
    assert o.errors == [] and "汕头市潮南区总工会" in o.page.evaluate("document.getElementById('ukg-cascade').textContent")
    o.shot("trace-seed.png")


def test_capped_big_page_draws(open_page, tmp_path):
    """The capped page of a big graph draws (its speed is benchmarks/bench_html.py's to measure)."""
    spec = importlib.util.spec_from_file_location("bench_html", ROOT / "benchmarks" / "bench_html.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    G = bench.synthetic_graph(4000)
    report = write_html(G, tmp_path / "big.html")
    assert report.nodes_shown == DEFAULT_MAX_NODES and report.nodes_left_out == G.number_of_nodes() - DEFAULT_MAX_NODES
    o = open_page(report.path)
    drawn_ms = o.page.evaluate("window.ukgDrawnMs")
    assert isinstance(drawn_ms, (int, float)) and drawn_ms >= 0, drawn_ms
    assert o.errors == [] and o.requests == []
    assert "Left out" in o.page.inner_text("#ukg-leftout")
