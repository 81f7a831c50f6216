"""Parallel and Dask extraction give the single-process facts, in order, with bounded read-ahead."""

from __future__ import annotations

import json
import operator
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from unionkg.pipeline import Extraction, extract_jsonl
from unionkg.scale.parallel import chunks, imap_facts, imap_ordered
from unionkg.scale.stream import iter_jsonl_articles
from unionkg.synth import SynthResult


def article_lines(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [obj for obj in map(json.loads, fh) if "article" in obj]


def test_chunks() -> None:
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks([], 3)) == []


def test_imap_ordered_keeps_order_and_reads_ahead_a_bounded_amount() -> None:
    consumed = 0

    def items() -> Iterator[int]:
        nonlocal consumed
        for i in range(10_000):
            consumed += 1
            yield i

    it = imap_ordered(operator.neg, items(), workers=2, chunksize=10, prefetch=2)
    first = [next(it) for _ in range(5)]
    assert first == [0, -1, -2, -3, -4]
    assert consumed <= 2 * 2 * 10 + 10, f"read {consumed} items ahead of a consumer that took 5"
    rest = list(it)
    assert first + rest == [-i for i in range(10_000)]


def test_imap_ordered_raises_worker_errors() -> None:
    assert list(imap_ordered(_inverse, [], workers=2)) == []
    with pytest.raises(ZeroDivisionError):
        list(imap_ordered(_inverse, [1, 2, 0, 4], workers=2, chunksize=1))


def _inverse(x: int) -> float:
    return 1 / x


def test_imap_facts_matches_single_process(corpus: SynthResult, build1: Path) -> None:
    expected = article_lines(build1 / "facts.jsonl")
    got = list(imap_facts(iter_jsonl_articles(corpus.corpus), Extraction().facts, workers=2, chunksize=16))
    assert len(got) == len(expected) == corpus.articles
    assert got == expected


def test_build_with_two_workers_is_identical(corpus: SynthResult, build1: Path, tmp_path: Path) -> None:
    from unionkg.pipeline import build

    build([str(corpus.corpus)], tmp_path, html=False, workers=2)
    assert (tmp_path / "facts.jsonl").read_bytes() == (build1 / "facts.jsonl").read_bytes()


def test_extract_stage_one_and_two_workers(corpus: SynthResult, build1: Path, tmp_path: Path) -> None:
    s1 = extract_jsonl([corpus.corpus], tmp_path / "f1.jsonl", workers=1)
    s2 = extract_jsonl([corpus.corpus], tmp_path / "f2.jsonl", workers=2, chunksize=8)
    assert s1.articles == s2.articles == corpus.articles and not s1.errors
    assert (tmp_path / "f1.jsonl").read_bytes() == (tmp_path / "f2.jsonl").read_bytes()
    assert article_lines(tmp_path / "f1.jsonl") == article_lines(build1 / "facts.jsonl")


def test_extract_stage_reports_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"title": "t", "text": "本报讯 3月1日,某市总工会召开会议。"}\nnot json\n{"title": 1}\n',
                 encoding="utf-8")
    s = extract_jsonl([p], tmp_path / "f.jsonl", workers=2, chunksize=1)
    assert s.articles == 1
    assert [e["line"] for e in s.errors] == [2, 3]


def _dask_available() -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        if os.environ.get("UNIONKG_STRICT") == "1":
            pytest.fail("dask[distributed] is not installed")
        pytest.skip("dask[distributed] is not installed")


def test_dask_local_cluster_gives_the_same_facts(corpus: SynthResult, build1: Path, tmp_path: Path) -> None:
    _dask_available()
    from unionkg.scale.dask_engine import dask_facts

    got = list(dask_facts(iter_jsonl_articles(corpus.corpus), tmp_path, Extraction().facts, workers=2,
                          partition_size=16))
    assert got == article_lines(build1 / "facts.jsonl")
    parts = sorted((tmp_path / "facts").glob("part-*.jsonl"))
    assert [p.name for p in parts[:2]] == ["part-00000.jsonl", "part-00001.jsonl"]
    assert len(parts) == -(-corpus.articles // 16)
    assert sum(len(p.read_text(encoding="utf-8").splitlines()) for p in parts) == corpus.articles


def test_build_engine_dask_is_identical(corpus: SynthResult, build1: Path, tmp_path: Path) -> None:
    _dask_available()
    from unionkg.pipeline import build

    build([str(corpus.corpus)], tmp_path, html=False, engine="dask")
    assert (tmp_path / "facts" / "part-00000.jsonl").exists()
    assert (tmp_path / "facts.jsonl").read_bytes() == (build1 / "facts.jsonl").read_bytes()


@pytest.mark.parametrize("workers", [2, 3])
def test_graph_stage_on_several_processes_is_identical(build1: Path, tmp_path: Path, workers: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The census and the articles on ``workers`` processes, merged: the same store, byte for byte
    the same exports and hierarchy line as one process."""
    import shutil

    import unionkg.model.graph as graph
    from unionkg.model import FactSource, GraphStore, build_store, hierarchy_lines
    from unionkg.sinks.files import write_exports

    monkeypatch.setattr(graph, "PARALLEL_MIN", 50)
    outs = []
    for w in (1, workers):
        out = tmp_path / f"w{w}"
        out.mkdir()
        shutil.copy(build1 / "facts.jsonl", out / "facts.jsonl")
        with GraphStore.create(out / "graph.sqlite", facts=out / "facts.jsonl") as store:
            stats = build_store(FactSource(path=out / "facts.jsonl"), store, workers=w)
            line = hierarchy_lines(store, stats.named_together, stats.hierarchy, stats.shown)
            write_exports(store, out, ["json", "graphml"])
            cities = store.db.execute("SELECT * FROM cities ORDER BY node").fetchall()
        outs.append((line, cities, (out / "graph.json").read_bytes(), (out / "graph.graphml").read_bytes()))
    assert outs[0] == outs[1]
    assert not list(tmp_path.glob("**/*.part*"))  # the workers' stores are gone


def test_whole_build_on_two_processes_is_identical(corpus: SynthResult, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole build with 2 workers (the census made as the facts are written, the articles on 2
    processes): the same facts, store rows and exports as with one."""
    import unionkg.model.graph as graph
    from unionkg.pipeline import build

    monkeypatch.setattr(graph, "PARALLEL_MIN", 50)
    for w in (1, 2):
        build([str(corpus.corpus)], tmp_path / f"w{w}", workers=w, exports=["json", "gexf"])
    for name in ("facts.jsonl", "graph.json", "graph.gexf"):
        assert (tmp_path / "w1" / name).read_bytes() == (tmp_path / "w2" / name).read_bytes(), name
    pages = [(tmp_path / f"w{w}" / "graph.html").read_text(encoding="utf-8").replace(str(tmp_path / f"w{w}"), "DIR")
             for w in (1, 2)]  # the page names its build directory (for `unionkg serve DIR`)
    assert pages[0] == pages[1] and '"build":"DIR"' in pages[0]
