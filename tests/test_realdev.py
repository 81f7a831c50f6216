"""Extraction on real text: ``../shared/realdev`` (80 real reports, hand-checked gold) built once,
scored per part with the shared scorer's rules (``benchmarks/eval_realdev.py``). The floors only go
up: each is the score the build reached when it was set, rounded down."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from shared_paths import ROOT, SHARED, need

sys.path.insert(0, str(ROOT / "benchmarks"))
import eval_realdev  # noqa: E402

#: part -> (entity F1, relation F1) floors; dates are checked over the whole set
FLOORS = {
    "all": (0.95, 0.92),
    "meetings": (0.93, 0.90),
    "activities": (0.96, 0.96),
    "genre shift": (0.96, 0.93),
    "propagation": (0.95, 0.90),
}
DATES_FLOOR = 66


@pytest.fixture(scope="module")
def realdev_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, eval_realdev.Score]:
    from unionkg.pipeline import build

    need(SHARED / "realdev")
    work = tmp_path_factory.mktemp("realdev")
    corpus, gold = eval_realdev.convert(SHARED, work)
    summary = build([str(corpus)], work / "build", html=False)
    assert not summary.errors, summary.errors  # no article the extractor fails on
    return eval_realdev.score_parts(json.loads(gold.read_text(encoding="utf-8")), work / "build" / "facts.jsonl")


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
