"""Extraction on real text: ``../shared/realdev`` (80 real reports, hand-checked gold) built once,
scored per part with the shared scorer's rules (``benchmarks/eval_realdev.py``). The floors only go
up: each is the score the build reached when it was set, rounded down."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from shared_paths import ROOT, SHARED, need

sys.path.insert(0, str(ROOT / "benchmarks"))
import eval_realdev  # noqa: E402

#: part -> (entity F1, relation F1) floors; dates are checked over the whole set
FLOORS = {
    "all": (0.97, 0.945),
    "meetings": (0.96, 0.935),
    "activities": (0.978, 0.968),
    "genre shift": (0.968, 0.955),
    "propagation": (0.97, 0.928),
}
DATES_FLOOR = 66


@pytest.fixture(scope="module")
def realdev_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, eval_realdev.Score]:
    need(SHARED / "realdev")
    summary, scores = _build_and_score(tmp_path_factory.mktemp("realdev"))
    assert not summary.errors, summary.errors  # no article the extractor fails on
    return scores


def _build_and_score(work: Path, realdev: Path | None = None) -> tuple[Any, dict[str, eval_realdev.Score]]:
    """Build the set (or a variant of it in ``realdev``) in ``work``; the build's summary and the
    scores per part."""
    from unionkg.pipeline import build

    corpus, gold = eval_realdev.convert(SHARED, work, realdev)
    summary = build([str(corpus)], work / "build", html=False)
    return summary, eval_realdev.score_parts(json.loads(gold.read_text(encoding="utf-8")), work / "build" / "facts.jsonl")


@pytest.mark.parametrize("part", list(FLOORS))
def test_realdev_part_floors(realdev_scores: dict[str, eval_realdev.Score], part: str) -> None:
    sc = realdev_scores[part]
    ent, rel = sc.total("entities")[2], sc.total("relations")[2]
    assert sc.articles[2] == sc.articles[0]
    assert ent >= FLOORS[part][0], sc.report()
    assert rel >= FLOORS[part][1], sc.report()


def test_realdev_dates(realdev_scores: dict[str, eval_realdev.Score]) -> None:
    assert realdev_scores["all"].dates[0] >= DATES_FLOOR, realdev_scores["all"].dates


def test_the_realdev_table_prints(realdev_scores: dict[str, eval_realdev.Score], tmp_path: Path) -> None:
    table = eval_realdev.table(realdev_scores)
    assert table.count("\n") == len(FLOORS) + 1 and "| all |" in table


def test_renamed_people_keep_the_floors(tmp_path: Path) -> None:
    """The set with its people given new given names (benchmarks/realdev_variants.py) scores above the
    same floors: names are found by the cues around them, not learned from the set."""
    from realdev_variants import rename_people

    need(SHARED / "realdev")
    assert rename_people(SHARED / "realdev", tmp_path / "realdev", 1) > 250
    sc = _build_and_score(tmp_path, tmp_path / "realdev")[1]["all"]
    assert sc.total("entities")[2] >= FLOORS["all"][0] and sc.total("relations")[2] >= FLOORS["all"][1], sc.report()


def test_rename_people_rewrites_text_and_gold_together(tmp_path: Path) -> None:
    from realdev_variants import rename_people

    src = tmp_path / "src"
    src.mkdir()
    (src / "README.md").write_text("set", encoding="utf-8")
    (src / "201.txt").write_text("# source: x\n# title: 周海燕看望职工\n县总工会主席周海燕出席。海燕主席讲话。\n",
                                 encoding="utf-8")
    gold = {"articles": [{"id": "a1", "title": "周海燕看望职工", "entities": [{"type": "Person", "name": "周海燕"}],
                          "relations": [{"type": "SPOKE", "head": "周海燕", "tail": "县总工会"}]}]}
    (src / "201.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert rename_people(src, tmp_path / "dst", 7) == 1
    new_gold = json.loads((tmp_path / "dst" / "201.gold.json").read_text(encoding="utf-8"))
    new = new_gold["articles"][0]["entities"][0]["name"]
    text = (tmp_path / "dst" / "201.txt").read_text(encoding="utf-8")
    assert new != "周海燕" and new[0] == "周" and len(new) == 3
    assert "海燕" not in text and f"{new[1:]}主席" in text and text.count(new) == 2
    assert new_gold["articles"][0]["relations"][0]["head"] == new and new_gold["articles"][0]["title"].startswith(new)
    assert (tmp_path / "dst" / "README.md").exists()


def test_column_breaks_keep_the_floors_and_the_dates(tmp_path: Path) -> None:
    """The set with half its paragraphs cut by column breaks (benchmarks/realdev_variants.py) keeps
    the floors and its dates: a lead cut after its first clause is still the lead."""
    from realdev_variants import cut_columns

    need(SHARED / "realdev")
    assert cut_columns(SHARED / "realdev", tmp_path / "realdev", 1) >= 80
    sc = _build_and_score(tmp_path, tmp_path / "realdev")[1]["all"]
    assert sc.total("entities")[2] >= FLOORS["all"][0] and sc.total("relations")[2] >= FLOORS["all"][1], sc.report()
    assert sc.dates[0] >= DATES_FLOOR - 1, sc.dates


def test_the_set_in_the_traditional_script_keeps_the_floors(tmp_path: Path) -> None:
    """The set written in the traditional script (benchmarks/realdev_variants.py) scores above the
    same floors with every date: the rules read both scripts alike."""
    from realdev_variants import to_traditional

    need(SHARED / "realdev")
    assert to_traditional(SHARED / "realdev", tmp_path / "realdev") == 80
    summary, scores = _build_and_score(tmp_path, tmp_path / "realdev")
    assert not summary.errors, summary.errors
    sc = scores["all"]
    assert sc.total("entities")[2] >= FLOORS["all"][0] and sc.total("relations")[2] >= FLOORS["all"][1], sc.report()
    assert sc.dates[0] >= DATES_FLOOR, sc.dates
