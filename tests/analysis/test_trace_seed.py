"""``unionkg trace`` and ``unionkg html`` on the real build of the seed page."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from unionkg.cli import cli

SHARED = Path(os.environ.get("UNIONKG_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))
SEED = SHARED / "corpus" / "000_bfa4eaded79303f8.txt"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED.exists():
        if os.environ.get("UNIONKG_STRICT"):
            pytest.fail(f"seed page missing: {SEED}")
        pytest.skip(f"seed page missing: {SEED}")
    out = tmp_path_factory.mktemp("seedbuild")
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(out), "--quiet", "--no-html"])
    assert result.exit_code == 0, result.output
    return out


def test_trace_seed_lists_the_three_adopters_with_evidence(seed_build: Path) -> None:
    result = CliRunner().invoke(cli, ["trace", "百千万工程", str(seed_build), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    got = {a["name"]: a for a in doc["adoptions"]}
    assert {"汕头市潮南区总工会", "佛山市总工会", "揭阳市榕城区总工会"} <= set(got)
    assert got["汕头市潮南区总工会"]["date"] == "03-17"
    assert got["佛山市总工会"]["date"] == "03-19"
    assert got["揭阳市榕城区总工会"]["date"] is None
    for name in ("汕头市潮南区总工会", "佛山市总工会", "揭阳市榕城区总工会"):
        assert "百千万工程" in got[name]["sentence"], name
        assert got[name]["article_title"].startswith(name[:2])
    order = [a["name"] for a in doc["adoptions"]]
    assert order.index("汕头市潮南区总工会") < order.index("佛山市总工会") < order.index("揭阳市榕城区总工会")


def test_trace_seed_table_csv_and_html(seed_build: Path, tmp_path: Path) -> None:
    page = tmp_path / "trace.html"
    table = CliRunner().invoke(cli, ["trace", "“百千万工程”", str(seed_build), "--html", str(page)])
    assert table.exit_code == 0, table.output
    assert "汕头市潮南区总工会" in table.output and "undated" in table.output
    text = page.read_text(encoding="utf-8")
    assert 'id="ukg-data"' in text and "佛山市总工会" in text and "https://" not in text and "src=" not in text
    rows = list(csv.DictReader(io.StringIO(
        CliRunner().invoke(cli, ["trace", "百千万工程", str(seed_build), "--format", "csv"]).output)))
    assert [r["date"] for r in rows if r["name"] == "揭阳市榕城区总工会"] == [""]


def test_trace_unknown_campaign_is_a_clean_error(seed_build: Path) -> None:
    result = CliRunner().invoke(cli, ["trace", "不存在的工程", str(seed_build)])
    assert result.exit_code == 1
    assert "no Campaign named" in result.output and "hint:" in result.output


def test_html_command_views(seed_build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    full = runner.invoke(cli, ["html", str(seed_build), "-o", str(tmp_path / "g.html")])
    assert full.exit_code == 0, full.output
    assert "explorer" in full.output and "neighbourhoods" in full.output and (tmp_path / "g.html").stat().st_size > 50_000
    whole = runner.invoke(cli, ["html", str(seed_build), "-o", str(tmp_path / "w.html"), "--max-nodes", "1500"])
    assert whole.exit_code == 0 and "whole graph" in whole.output and (tmp_path / "w.html").stat().st_size > 400_000
    top = runner.invoke(cli, ["html", str(seed_build), "-o", str(tmp_path / "t.html"), "--top", "10"])
    assert top.exit_code == 0 and "10 of " in top.output and "left out" in top.output
    camp = runner.invoke(cli, ["html", str(seed_build), "-o", str(tmp_path / "c.html"), "--campaign", "百千万工程"])
    assert camp.exit_code == 0 and "campaign 百千万工程" in camp.output
    focus = runner.invoke(cli, ["html", str(seed_build), "-o", str(tmp_path / "f.html"),
                                "--focus", "佛山市总工会", "--hops", "1"])
    assert focus.exit_code == 0 and "around 佛山市总工会" in focus.output
    bad = runner.invoke(cli, ["html", str(seed_build), "-o", str(tmp_path / "x.html"), "--focus", "不存在"])
    assert bad.exit_code == 1 and "hint:" in bad.output
