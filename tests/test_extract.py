"""Extraction quality on the seed page and on our own genre set, and evidence integrity."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.evaluate import evaluate_files
from unionkg.extract.rules import RULES

from shared_paths import BLIND2, BLIND3, BLIND4, GENRE, HELDOUT, SEED_GOLD, SHARED, need


def test_seed_scores(seed_build: Path) -> None:
    score = evaluate_files(str(need(SEED_GOLD)), str(seed_build / "facts.jsonl"))
    assert score.total("entities")[2] >= 0.98, score.report()  # issue 3 asks 0.95
    assert score.total("relations")[2] >= 0.95, score.report()  # issue 3 asks 0.90
    assert score.articles == (7, 7, 7)
    assert score.dates == (5, 5)


def test_eval_agrees_with_the_shared_scorer(seed_build: Path) -> None:
    facts = seed_build / "facts.jsonl"
    out = subprocess.run([sys.executable, str(need(SHARED / "eval" / "score.py")), str(SEED_GOLD), str(facts)],
                         capture_output=True, text=True, check=True).stdout
    ours = evaluate_files(str(SEED_GOLD), str(facts)).report()
    assert out.strip() == ours.strip()


def test_genre_set_scores(genre_build: Path) -> None:
    score = evaluate_files(str(GENRE / "gold.json"), str(genre_build / "facts.jsonl"))
    print(score.report())
    assert score.articles[2] == 20
    assert score.total("entities")[2] >= 0.95, score.report()  # issue 3 asks 0.90
    assert score.total("relations")[2] >= 0.93, score.report()  # issue 3 asks 0.80


def test_heldout_set_scores(heldout_build: Path) -> None:
    """The first blind set (tests/data/heldout/README.md): since read for error patterns, a floor."""
    score = evaluate_files(str(HELDOUT / "gold.json"), str(heldout_build / "facts.jsonl"))
    assert score.articles[2] == 18
    assert score.total("entities")[2] >= 0.97, score.report()
    assert score.total("relations")[2] >= 0.93, score.report()
    assert score.dates == (15, 15)


@pytest.mark.parametrize(("which", "gold", "articles", "floors"), [
    ("blind2_build", BLIND2, 19, (0.97, 0.95)),  # blind scores on arrival: 0.952 / 0.891
    ("blind3_build", BLIND3, 23, (0.96, 0.95)),  # blind scores on arrival: 0.943 / 0.922
    ("blind4_build", BLIND4, 20, (0.95, 0.88)),  # blind scores on arrival: 0.954 / 0.894
])
def test_blind_sets_score(which: str, gold: Path, articles: int, floors: tuple[float, float],
                          request: pytest.FixtureRequest) -> None:
    """The second and third blind sets (their READMEs say how they were used), as floors."""
    build: Path = request.getfixturevalue(which)
    score = evaluate_files(str(gold / "gold.json"), str(build / "facts.jsonl"))
    assert score.articles[2] == articles
    assert score.total("entities")[2] >= floors[0], score.report()
    assert score.total("relations")[2] >= floors[1], score.report()


@pytest.mark.parametrize("which", ["seed_build", "genre_build", "heldout_build", "blind2_build", "blind3_build",
                                   "blind4_build"])
def test_evidence_slices_the_sentence_and_names_a_known_rule(which: str, request: pytest.FixtureRequest) -> None:
    build: Path = request.getfixturevalue(which)
    n = 0
    with open(build / "facts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if "article" not in obj:
                for r in obj["relations"]:
                    assert r["rule"] in RULES
                continue
            text = obj["text"]
            for r in obj["relations"]:
                ev = r["evidence"]
                assert ev["rule"] in RULES, ev
                assert ev["article"] == obj["article"]["id"]
                assert text[ev["start"]:ev["end"]] == ev["sentence"]
                if r["type"] != "REPORTED":
                    assert ev["sentence"], r
                n += 1
    assert n > 50


_WORDS = list("市区县镇总工会主席书记召开会议传达学习精神邀请出席主持“”\"《》法、,，。等甲乙张王李广州汕头潮南·") + [
    "鎮", "縣", "區", "總工會", "黨委", "定城鎮", "街道辦事處", "本報訊", "記者"]  # traditional forms too: a
# town's bodies in that script once made the extractor fail
_text = st.lists(st.sampled_from(_WORDS), max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(_text)
def test_extractor_never_crashes_and_offsets_hold(text: str) -> None:
    from unionkg.extract import Extractor
    from unionkg.ingest.split import finish_article

    a = finish_article(text, list(range(len(text))), text, title="标题")
    facts = Extractor().extract(a)
    for m in facts.mentions:
        assert a.text[m.start:m.end] == m.text
    for r in facts.relations:
        ev = r.evidence
        assert a.text[ev.start:ev.end] == ev.sentence


def test_eval_agrees_with_the_shared_scorer_on_the_genre_set(genre_build: Path) -> None:
    facts = genre_build / "facts.jsonl"
    gold = GENRE / "gold.json"
    out = subprocess.run([sys.executable, str(need(SHARED / "eval" / "score.py")), str(gold), str(facts)],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == evaluate_files(str(gold), str(facts)).report().strip()
