"""A build never reads its own outputs, and never loses the previous build: failures injected
anywhere (extraction, graph, page, the commit itself, a process killed mid-commit) leave the
previous build as it was, byte for byte."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import unionkg.builddir as builddir
from unionkg.builddir import STAGING_PREFIX, Staging
from unionkg.cli import cli
from unionkg.model import GraphStore
from unionkg.pipeline import Extraction, build

BODIES = ["广州市天河区总工会", "佛山市总工会", "汕头市潮南区总工会", "珠海市香洲区总工会", "揭阳市榕城区总工会"]


def article(i: int) -> dict[str, str]:
    body = BODIES[i % len(BODIES)]
    return {"id": f"a{i:03d}", "title": f"{body}召开会议{i}", "date": f"2024-04-{i % 28 + 1:02d}",
            "text": f"本报讯 4月{i % 28 + 1}日,{body}召开第{i}次工作会议,研究部署\"一函两书\"工作。主席张{i}主持会议。"}


def write_jsonl(path: Path, rows: list[dict[str, str]], broken: bool = False) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if broken:
        lines.insert(len(lines) // 2, '{"title": "断行", "text": "本报讯')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of a build directory (its lock file aside), by relative path."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".unionkg.lock"}


@pytest.fixture(scope="module")
def work() -> Extraction:
    w = Extraction()
    w.warm()
    return w


def test_build_into_its_input_folder_reads_none_of_its_outputs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    write_jsonl(data / "news.jsonl", [article(i) for i in range(4)])
    other = data / "old"  # another build's outputs in the input folder
    other.mkdir()
    (other / "facts.jsonl").write_text('{"article": {"id": "x"}}\n', encoding="utf-8")
    (other / "errors.jsonl").write_text("", encoding="utf-8")
    runner = CliRunner()
    for _ in range(2):
        res = runner.invoke(cli, ["build", str(data), "-o", str(data / "build"), "--quiet", "--no-html"])
        assert res.exit_code == 0, res.output
        assert res.output.startswith("4 articles") and "2 build files skipped" in res.output, res.output
    assert not (data / "build" / "errors.jsonl").read_text(encoding="utf-8")
    res = runner.invoke(cli, ["build", str(data / "build" / "facts.jsonl"), "-o", str(data / "build"), "--quiet"])
    assert res.exit_code == 1 and "never reads its own outputs" in res.output


def test_a_mistyped_input_keeps_the_previous_build(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", [article(i) for i in range(5)])
    out = tmp_path / "build"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(src), "-o", str(out), "--quiet", "--no-html"]).exit_code == 0
    before = snapshot(out)
    for args in (["nwes.jsonl"], [str(src), "nwes.jsonl"], [str(tmp_path / "empty")]):
        (tmp_path / "empty").mkdir(exist_ok=True)
        res = runner.invoke(cli, ["build", *args, "-o", str(out), "--quiet", "--no-html"])
        assert res.exit_code == 1 and "previous build" in res.output and "kept" in res.output, res.output
        assert snapshot(out) == before
    # a bad line is no unreadable input: the rest is built and replaces the previous build
    write_jsonl(src, [article(i) for i in range(7)], broken=True)
    res = runner.invoke(cli, ["build", str(src), "-o", str(out), "--quiet", "--no-html"])
    assert res.exit_code == 1 and "\n7 articles" in res.output and "kept" not in res.output, res.output


def test_no_graph_files_unless_asked(tmp_path: Path, work: Extraction) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", [article(i) for i in range(3)])
    build([str(src)], tmp_path / "b", html=False, extraction=work)
    assert sorted(p.name for p in (tmp_path / "b").iterdir() if not p.name.startswith(".")) == [
        "errors.jsonl", "facts.jsonl", "graph.sqlite"]
    build([str(src)], tmp_path / "b", html=False, exports=["graphml", "gexf"], extraction=work)
    assert (tmp_path / "b" / "graph.graphml").exists() and (tmp_path / "b" / "graph.gexf").exists()
    build([str(src)], tmp_path / "b", html=False, extraction=work)  # a later build drops the stale files
    assert not (tmp_path / "b" / "graph.graphml").exists()
    assert (tmp_path / "b" / "notes.txt").exists() is False
    (tmp_path / "b" / "notes.txt").write_text("mine", encoding="utf-8")
    build([str(src)], tmp_path / "b", html=False, extraction=work)
    assert (tmp_path / "b" / "notes.txt").read_text(encoding="utf-8") == "mine"  # not a build's: left alone


def test_a_commit_killed_half_way_is_rolled_back_by_the_next_build(tmp_path: Path, work: Extraction,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", [article(i) for i in range(4)])
    out = tmp_path / "build"
    build([str(src)], out, extraction=work)
    before = snapshot(out)
    calls = 0
    real = os.replace

    def dies(a: Any, b: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 6:  # old files set aside, some new ones in
            raise SystemExit("killed")
        real(a, b)

    write_jsonl(src, [article(i) for i in range(4, 9)])
    monkeypatch.setattr(builddir.os, "replace", dies)
    monkeypatch.setattr(builddir, "_roll_back", lambda stage, out: None)  # killed: no clean-up runs
    monkeypatch.setattr(Staging, "__exit__", lambda self, *exc: os.close(self._lock))  # dead: its lock goes
    with pytest.raises(SystemExit):
        build([str(src)], out, extraction=work)
    monkeypatch.undo()
    assert snapshot(out) != before  # half a commit
    with Staging(out):
        pass  # the next build starts by rolling back
    assert snapshot(out) == before
    assert not list(out.glob(STAGING_PREFIX + "*"))


def _points() -> dict[str, tuple[Any, str]]:
    """Where a failure is injected: (object, attribute)."""
    import unionkg.pipeline as pipeline
    import unionkg.sinks.files as files
    import unionkg.sinks.html as html
    from unionkg.model.graph import GraphBuilder

    return {
        "extraction": (pipeline, "_extract_stream"),
        "graph": (GraphBuilder, "flush"),  # the store's writes, batch by batch
        "hierarchy": (pipeline, "hierarchy_lines"),
        "page": (html, "write_store_html"),
        "exports": (files, "write_exports"),
        "commit": (builddir.os, "replace"),  # every rename: the facts file's, then the commit's
    }


POINTS = ["extraction", "graph", "hierarchy", "page", "exports", "commit"]


def _inject(monkeypatch: pytest.MonkeyPatch, point: str, nth: int, error: BaseException) -> None:
    """Make the ``nth`` call at ``point`` raise ``error`` (later calls go through)."""
    target, name = _points()[point]
    real: Callable[..., Any] = getattr(target, name)
    calls = 0

    def failing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, failing)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.lists(st.integers(0, 40), min_size=1, max_size=6, unique=True),
       second=st.lists(st.integers(0, 40), max_size=6, unique=True),
       broken=st.booleans(), missing=st.booleans(), add=st.booleans(),
       point=st.sampled_from([None, *POINTS]), nth=st.integers(1, 4),
       error=st.sampled_from([OSError(28, "No space left on device"), KeyboardInterrupt(), RuntimeError("bug")]))
def test_a_previous_good_build_is_never_lost(tmp_path_factory: pytest.TempPathFactory, work: Extraction,
                                            first: list[int], second: list[int], broken: bool, missing: bool,
                                            add: bool, point: str | None, nth: int, error: BaseException) -> None:
    tmp = tmp_path_factory.mktemp("b")
    out = tmp / "build"
    s1 = build([str(write_jsonl(tmp / "one.jsonl", [article(i) for i in first]))], out, extraction=work,
               exports=["json"])
    assert s1.articles == len(first) and not s1.kept
    before = snapshot(out)
    inputs = [str(write_jsonl(tmp / "two.jsonl", [article(i) for i in second], broken=broken))]
    if missing:
        inputs.append(str(tmp / "nowhere.jsonl"))
    with pytest.MonkeyPatch.context() as mp:
        if point is not None:
            _inject(mp, point, nth, error)
        try:
            s2 = build(inputs, out, extraction=work, add=add, exports=["graphml"] if nth % 2 else [])
            raised = False
        except (OSError, KeyboardInterrupt, RuntimeError):
            raised = True
    assert not list(out.glob(STAGING_PREFIX + "*"))  # no staging folder left behind
    event(f"{point}: {'raised' if raised else 'kept' if s2.kept else 'committed'}")
    if raised or s2.kept:
        assert snapshot(out) == before  # the previous build, byte for byte
        return
    assert not missing
    expected = set(second) | (set(first) if add else set())
    ids = [json.loads(x)["article"]["id"] for x in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()
           if x.startswith('{"article"')]
    assert sorted(ids) == sorted(f"a{i:03d}" for i in expected)
    with GraphStore.open(out) as store:  # the new store belongs to the new facts
        assert store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected)
        assert store.number_of_nodes() == s2.nodes
    assert not (out / "graph.json").exists()  # the previous build's export went with it
    shutil.rmtree(tmp, ignore_errors=True)
