"""Errors a user can act on (issue 15, items 3, 5 and 7): output paths checked before the work,
option ranges, query parameters checked against the query file, CSV safe for spreadsheets, and
messages that say what is true."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from unionkg.cli import cli
from unionkg.outputs import csv_cell, csv_text
from unionkg.sinks.neo4j_query import QueryResult, format_result, read_query_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample_page.txt"
TIMELINE = ROOT / "queries" / "campaign_timeline.cypher"
CASCADE = ROOT / "queries" / "hierarchy_cascade.cypher"
# Two articles taking up 一函两书, whose headlines a spreadsheet would run as a formula.
FORMULA_PAGE = """=HYPERLINK("http://x.cn","点我")

本报讯 4月8日,佛山市总工会召开党组会议,研究部署全面推行劳动法律监督"一函两书"制度工作。

@南海区总工会部署

本报讯 4月10日,南海区总工会召开会议,学习贯彻劳动法律监督"一函两书"制度。
"""


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.output


@pytest.fixture(scope="module")
def formula_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formula")
    (root / "page.txt").write_text(FORMULA_PAGE, encoding="utf-8")
    code, out = run("build", str(root / "page.txt"), "-o", str(root / "build"), "--quiet")
    assert code == 0, out
    return root / "build"


def _unwritable(tmp_path: Path) -> list[tuple[str, Path]]:
    """Paths no one can write: under /proc (even root), and under a regular file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    return [("/proc", Path("/proc/unionkg-out")), ("a file", blocker / "out")]


@pytest.mark.parametrize("which", [0, 1])
def test_unwritable_outputs_fail_first_with_a_message(tmp_path: Path, formula_build: Path, which: int) -> None:
    _why, bad = _unwritable(tmp_path)[which]
    cases = [
        ("build", str(SAMPLE), "-o", str(bad), "--quiet"),
        ("html", str(formula_build), "-o", str(bad / "page.html")),
        ("trace", "一函两书", str(formula_build), "--html", str(bad / "t.html")),
        ("export", str(formula_build), "-o", str(bad)),
        ("synth", "-n", "3", "-o", str(bad / "c.jsonl")),
    ]
    for args in cases:
        code, out = run(*args)
        assert code == 1, (args, out)
        assert "Traceback" not in out and "[UKG500]" in out and str(bad) in out, (args, out)
        assert "hint:" in out
    assert not (Path(str(bad)).exists())


def test_an_output_path_that_is_taken_by_the_wrong_kind(tmp_path: Path, formula_build: Path) -> None:
    (tmp_path / "graph.html").mkdir()
    code, out = run("trace", "一函两书", str(formula_build), "--html", str(tmp_path / "graph.html"))
    assert code == 2 and "is a directory" in out  # click's own check, before any work


def test_option_ranges_are_refused(tmp_path: Path) -> None:
    for args, option in ((["--workers", "0"], "--workers"), (["--workers", "-3"], "--workers"),
                         (["--year", "99999"], "--year"), (["--year", "24"], "--year")):
        code, out = run("build", str(SAMPLE), "-o", str(tmp_path / "o"), *args)
        assert code == 2 and f"Invalid value for '{option}'" in out, out
    assert not (tmp_path / "o").exists()
    code, out = run("synth", "-n", "5", "--year", "99999", "-o", str(tmp_path / "c.jsonl"))
    assert code == 2 and "Invalid value for '--year'" in out


def test_a_mistyped_query_parameter_is_refused_before_connecting() -> None:
    # nothing listens on port 1: reaching the server would fail differently
    code, out = run("query", str(TIMELINE), "-p", "campagin=一函两书", "--uri", "bolt://127.0.0.1:1",
                    "--password", "x")
    assert code == 1
    assert "has no parameter 'campagin'; did you mean 'campaign'?" in out
    assert "its parameters: campaign" in out and "--help" in out


def test_query_help_lists_the_files_parameters() -> None:
    code, out = run("query", str(CASCADE), "--help")
    assert code == 0
    flat = " ".join(out.split())  # as wrapped to the terminal's width
    assert "Cascade down the union hierarchy" in flat
    assert "body the upper body's canonical name or one of its aliases; e.g. -p body=广东省总工会" in flat
    assert "campaign restrict to one campaign (name or alias); null for all; e.g. -p campaign=null" in flat
    q = read_query_file(TIMELINE)
    assert q.params == ["campaign"] and "canonical name" in q.docs["campaign"]


def test_csv_cells_that_would_run_as_formulas_are_escaped() -> None:
    assert [csv_cell(c) for c in ("=1+1", "+86 20", "-x", "@SUM(A1)", "\tx", "\rx", "-3", "+2.5", "1e3", "甲")] == [
        "'=1+1", "'+86 20", "'-x", "'@SUM(A1)", "'\tx", "'\rx", "-3", "+2.5", "1e3", "甲"]
    text = csv_text(["a", "b"], [["=cmd|' /C calc'!A0", "x"]], excel=True)
    assert text.startswith("\ufeffa,b\r\n") and "'=cmd" in text
    rows = QueryResult(["title", "n"], [['=HYPERLINK("http://x")', -2]])
    assert format_result(rows, "csv").splitlines() == ["title,n", '"\'=HYPERLINK(""http://x"")",-2']
    assert format_result(rows, "csv", excel=True).startswith("\ufefftitle,n\r\n")


def test_trace_csv_escapes_formulas_and_excel_adds_a_bom(formula_build: Path) -> None:
    res = CliRunner().invoke(cli, ["trace", "一函两书", str(formula_build), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert not res.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert "'=HYPERLINK" in res.stdout and "'@南海区总工会部署" in res.stdout
    assert ",=HYPERLINK" not in res.stdout and ",@南海" not in res.stdout
    excel = CliRunner().invoke(cli, ["trace", "一函两书", str(formula_build), "--excel"])
    assert excel.exit_code == 0, excel.output
    assert excel.stdout_bytes.startswith(b"\xef\xbb\xbfdate,body,") and b"\r\n" in excel.stdout_bytes
    clash = CliRunner().invoke(cli, ["trace", "一函两书", str(formula_build), "--excel", "--format", "json"])
    assert clash.exit_code == 2 and "--excel writes CSV" in clash.output


def test_trace_on_a_build_without_campaigns_says_so(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("佛山市总工会召开全委会\n\n本报讯 3月2日,佛山市总工会召开第十五届全委会第三次会议。\n", encoding="utf-8")
    code, out = run("build", str(src), "-o", str(tmp_path / "b"), "--quiet", "--no-html")
    assert code == 0, out
    code, out = run("trace", "一函两书", str(tmp_path / "b"))
    assert code == 1
    assert "the graph is empty" not in out
    assert "the graph has no Campaign nodes" in out and "UnionBody" in out
