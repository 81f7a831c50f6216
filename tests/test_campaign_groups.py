"""Campaign variants across articles (``unionkg.resolve.campaigns``): local names of one policy are one
campaign, different policies stay apart, and every decision is kept, in the build's
the store's ``campaign_merges`` table and in ``unionkg trace NAME DIR --explain``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from unionkg.cli import cli
from unionkg.resolve.campaigns import Families, group_campaigns, slogan_key


def _group(*names: str) -> dict[str, str]:
    return group_campaigns({n: set() for n in names}, Counter())


def test_a_core_with_local_affixes_is_its_family() -> None:
    g = _group("春季要约行动", "集中要约季", "要约行动月", "2016年要约行动", "集体协商春季集中要约行动", "特别要约")
    assert set(g.values()) == {"集体协商要约行动"}
    assert _group("双要约")["双要约"] == "双要约"  # another method, no local form of it


def test_script_quotes_separators_and_shorter_forms() -> None:
    g = _group("工會驛站", "工会爱心驿站", "“工会驿站”")
    assert set(g.values()) == {"工会驿站"}
    g = _group("尊法守法·携手筑梦", "尊法守法,携手筑梦", "“尊法守法、携手筑梦”")
    assert len(set(g.values())) == 1
    g = _group("送清凉", "情系职工·夏送清凉", "山东工会线上夏送清凉活动")
    assert set(g.values()) == {"夏送清凉"}
    assert slogan_key("廣協商，促和諧") == slogan_key("广协商、促和谐")


def test_policies_stay_apart() -> None:
    g = _group("夏送清凉", "送温暖", "夏送清凉·冬送温暖", "深圳工匠", "广州工匠", "中国工会十七大精神",
               "中国工会十八大精神", "驿站+活动中心", "工会驿站")
    assert g["夏送清凉"] != g["送温暖"]  # two families are never joined
    assert g["深圳工匠"] != g["广州工匠"]  # a place is only set aside to find a family
    assert g["中国工会十七大精神"] != g["中国工会十八大精神"]
    assert g["驿站+活动中心"] != g["工会驿站"]
    g = _group("职工素质提升工程", "职工素质提升行动")
    assert g["职工素质提升工程"] == g["职工素质提升行动"]  # one core, two programme nouns


def test_every_name_has_its_reasons() -> None:
    g = group_campaigns({"春季要约": set(), "要约行动月": {"“要约行动月”活动"}, "夏送清凉": set()}, Counter())
    why = {d.name: d for d in g.decisions}
    assert set(why) == {"春季要约", "要约行动月", "夏送清凉"}
    (step,) = why["春季要约"].steps
    assert step[1] == "集体协商要约行动" and "core 要约" in step[2] and "春季" in step[2]
    assert g.family["集体协商要约行动"] == "集体协商要约行动"


def test_families_file_is_well_formed() -> None:
    fam = Families.load()
    assert {f.recurs for f in fam.families} <= {"annual", "once"}
    assert len({f.canonical for f in fam.families}) == len(fam.families)
    for f in fam.families:  # each family's own name is its member
        assert fam.family_of(f.canonical) is f, f.canonical


def test_build_keeps_the_decisions_and_trace_explains_them(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "title": "沛县召开推进会", "date": "2024-05-11",
         "text": "5月11日,沛县总工会召开推进会,启动集体协商“春季要约行动”。"},
        {"id": "b", "title": "福建启动活动", "date": "2024-03-10",
         "text": "3月10日,福建省总工会在全省开展集体协商“要约行动月”活动。"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "B"), "--quiet"])
    assert result.exit_code == 0, result.output
    from unionkg.model import GraphStore

    with GraphStore.open(tmp_path / "B") as store:
        lines = store.campaign_merges()
    assert {(d["name"], d["campaign"]) for d in lines} >= {("春季要约行动", "集体协商要约行动"),
                                                           ("要约行动月", "集体协商要约行动")}
    result = CliRunner().invoke(cli, ["trace", "要约行动月", str(tmp_path / "B"), "--explain"])
    assert result.exit_code == 0, result.output
    assert "Campaign 集体协商要约行动: 2 name(s)" in result.output
    assert "春季要约行动:\n    → 集体协商要约行动: family 集体协商要约行动: core 要约" in result.output
    result = CliRunner().invoke(cli, ["trace", "春季要约", str(tmp_path / "B")])
    assert result.exit_code == 0 and "沛县总工会" in result.output and "福建省总工会" in result.output
