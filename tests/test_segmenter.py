"""The segmenter's engines: rjieba (when installed) gives jieba's words, frequencies and name tags,
so the facts do not depend on which one is installed; without rjieba, jieba segments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from unionkg.extract import Extractor, fact_line
from unionkg.extract.segmenter import Segmenter, user_words
from unionkg.ingest import iter_articles
from unionkg.synth.corpus import synth_corpus
from unionkg.types import Article

from shared_paths import BLIND2, BLIND3, BLIND4, GENRE, HELDOUT, SEED, need

#: where the engines differ before the seam: dates, URLs, decimals, ASCII dictionary words, spaces,
#: characters beyond jieba's Han range, user-dictionary words
EDGES = [
    "全国人大常委会副委员长王东明在2024年3月5日访问https://www.acftu.org/a/b.html,增长3.5%。",
    "2024-01-17 25.01.2016 107-3 26-27 www.sina.com.cn a--b c++和AT&T、T恤 B超 小S 4S店",
    "㐀㐁中国\u3000工会  \r\n 职工\tＡＢＣ１２３ 第1期 No.5 e-mail@x.cn #话题# 100%",
    "河下镇总工会 铺头村 江门市总工会十二届五次全委会议精神 劳模工匠 全媒体记者 通讯员",
    "",
]


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seed page, our annotated sets, 300 synthetic articles and the edge cases."""
    inputs = [need(SEED)]
    for folder in (GENRE, HELDOUT, BLIND2, BLIND3, BLIND4):
        inputs += sorted(folder.glob("*.txt")) + sorted(folder.glob("articles.jsonl"))
    synth = tmp_path_factory.mktemp("synth") / "corpus.jsonl"
    synth_corpus(300, synth, seed=3)
    return sorted({a.text for a in _articles([*inputs, synth])}) + EDGES


def _articles(paths: list[Path]) -> list[Article]:
    return [a for a in iter_articles([str(p) for p in paths]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def engines() -> tuple[Segmenter, Segmenter]:
    ref, fast = Segmenter(engine="jieba"), Segmenter(engine="rjieba")
    assert (ref.engine, fast.engine) == ("jieba", "rjieba")
    return ref, fast


@pytest.mark.parametrize("hmm", [True, False])
def test_engines_cut_alike(engines: tuple[Segmenter, Segmenter], texts: list[str], hmm: bool) -> None:
    ref, fast = engines
    assert sum(map(len, texts)) > 120_000
    # every text whole, and windows starting inside words (the rules cut 8-12 character windows)
    windows = [t[i:i + 10] for t in texts for i in range(0, len(t), 29)]
    for text in texts + windows:
        assert fast._cut_words(text, hmm) == ref._cut_words(text, hmm), text


def test_seam_at_work(engines: tuple[Segmenter, Segmenter]) -> None:
    """The cases the seam exists for, spelt out (jieba's output)."""
    _, fast = engines
    assert fast.cut("于2024-01-17在www.sina.com.cn")[1:] == ["2024", "-", "01", "-", "17", "在",
                                                          "www", ".", "sina", ".", "com", ".", "cn"]
    assert fast.cut("增长3.5%")[-1] == "3.5%"
    assert "河下" in fast.cut("河下")  # jieba's total, padded: 河|下 without it


def test_engines_look_up_alike(engines: tuple[Segmenter, Segmenter], texts: list[str]) -> None:
    ref, fast = engines
    words = {w for t in texts for w in ref.cut(t)} | {w for w, _ in user_words()}
    words |= {"陈国强", "权益", "不在词典里的词", "name", ""}
    assert len(words) > 5_000
    assert [fast.word_freq(w) for w in sorted(words)] == [ref.word_freq(w) for w in sorted(words)]
    assert [fast.is_person_name(w) for w in sorted(words)] == [ref.is_person_name(w) for w in sorted(words)]
    assert fast.is_person_name("陈国强") and not fast.is_person_name("权益")
    assert fast.word_freq("总工会") == 5000 and fast.word_freq("不在词典里的词") == 0


def test_facts_alike(engines: tuple[Segmenter, Segmenter]) -> None:
    ref, fast = engines
    arts = _articles([p for f in (GENRE, HELDOUT, BLIND2, BLIND3, BLIND4) for p in sorted(f.glob("*.txt"))])
    assert len(arts) > 50
    a, b = Extractor(segmenter=ref), Extractor(segmenter=fast)
    for art in arts:
        assert fact_line(b.extract(art)) == fact_line(a.extract(art)), art.id


def test_jieba_without_rjieba(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba now fails, as where it is not installed
    seg = Segmenter()
    assert seg.engine == "jieba"
    assert seg.cut("江门市总工会召开会议") == ["江门市", "总工会", "召开", "会议"]
    with pytest.raises(ImportError, match="rjieba"):
        Segmenter(engine="rjieba").cut("工会")


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="unknown segmenter engine 'pkuseg'"):
        Segmenter(engine="pkuseg")
