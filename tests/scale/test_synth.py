"""The synthetic corpus: deterministic, varied, in the genre, with gold and cascades that agree."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from unionkg.cli import cli
from unionkg.synth import SynthResult, synth_corpus
from unionkg.synth.hierarchy import load_hierarchy
from unionkg.types import ENTITY_LABELS, RelType

QUOTES = "\"'“”‘’「」『』《》〈〉〔〕【】"
ENTITY_TYPES = {label.value for label in ENTITY_LABELS}
REL_TYPES = {t.value for t in RelType} - {"MENTIONS", "HELD_BY"}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES)


def load(r: SynthResult) -> tuple[list[dict], dict, dict]:
    rows = [json.loads(line) for line in r.corpus.read_text(encoding="utf-8").splitlines()]
    return rows, json.loads(r.gold.read_text(encoding="utf-8")), json.loads(r.cascades.read_text(encoding="utf-8"))


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = synth_corpus(120, tmp_path / "a" / "corpus.jsonl", seed=5)
    b = synth_corpus(120, tmp_path / "b" / "corpus.jsonl", seed=5)
    c = synth_corpus(120, tmp_path / "c" / "corpus.jsonl", seed=6)
    for x, y in ((a.corpus, b.corpus), (a.gold, b.gold), (a.cascades, b.cascades)):
        assert x.read_bytes() == y.read_bytes()
    assert a.corpus.read_bytes() != c.corpus.read_bytes()


def test_records_and_gold_are_well_formed(corpus: SynthResult) -> None:
    rows, gold, _ = load(corpus)
    assert len(rows) == corpus.articles == len(gold["articles"])
    assert [r["id"] for r in rows] == [g["id"] for g in gold["articles"]]
    titles = Counter(norm(r["title"]) for r in rows)
    assert titles.most_common(1)[0][1] == 1, "titles must be unique so the scorer can match articles"
    for r, g in zip(rows, gold["articles"], strict=True):
        assert set(r) <= {"id", "title", "subtitle", "text", "date", "source"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and r["source"]
        assert g["title"] == r["title"]
        assert g["date"] is None or (re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["date"]) and g["date"] <= r["date"])
        names = {e["name"] for e in g["entities"]}
        for e in g["entities"]:
            assert e["type"] in ENTITY_TYPES and e["name"] and isinstance(e.get("aka", []), list)
        for rel in g["relations"]:
            assert rel["type"] in REL_TYPES, rel
            if rel["type"] == "REPORTED":
                assert rel["tail"] == "@article" and rel["head"] in names
            elif rel["type"] not in ("LOCATED_IN", "SUBORDINATE_TO"):
                assert rel["head"] in names and rel["tail"] in names, rel
            else:
                assert rel["head"] in names, rel


def test_every_gold_entity_is_in_its_text(corpus: SynthResult) -> None:
    rows, gold, _ = load(corpus)
    for r, g in zip(rows, gold["articles"], strict=True):
        text = norm(r["text"])
        for e in g["entities"]:
            forms = [e["name"], *e.get("aka", [])]
            assert any(norm(f) in text for f in forms), (r["id"], e)
            if e["type"] in ("Person", "UnionBody", "Campaign", "Law"):
                assert norm(e["name"]) in text, (r["id"], e)


def test_hierarchy_edges_follow_the_division_table(corpus: SynthResult) -> None:
    _, gold, _ = load(corpus)
    h = load_hierarchy()
    body_parent = {u.body: h.units[u.parent].body for u in h.units.values() if u.parent}
    named = {e["name"] for g in gold["articles"] for e in g["entities"]}
    subs = [r for g in gold["articles"] for r in g["relations"] if r["type"] == "SUBORDINATE_TO"]
    assert subs
    for r in subs:
        assert body_parent[r["head"]] == r["tail"] and r["tail"] in named


def test_cascades_go_down_the_hierarchy_with_lags(corpus: SynthResult) -> None:
    rows, gold, casc = load(corpus)
    h = load_hierarchy()
    by_id = {g["id"]: g for g in gold["articles"]}
    order = {"province": 0, "city": 1, "district": 2, "town": 3}
    assert casc["campaigns"]
    for c in casc["campaigns"]:
        adopters = c["adopters"]
        assert adopters[0]["parent"] is None and adopters[0]["level"] in ("province", "city")
        when = {a["body"]: a["date"] for a in adopters}
        for a in adopters[1:]:
            assert h.units[a["code"]].parent == a["parent_code"]
            assert when[a["parent"]] < a["date"], "a union adopts after its superior"
            assert order[a["level"]] > order[h.units[a["parent_code"]].level.value]
        for a in adopters:
            g = by_id[a["article"]]
            assert g["date"] == a["date"]
            assert {"type": "IMPLEMENTS", "head": a["body"], "tail": c["name"]}.items() <= next(
                r for r in g["relations"] if r["type"] == "IMPLEMENTS" and r["tail"] == c["name"]).items()
            assert all(norm(v).startswith(norm(c["name"])) for v in a["variants"])
    assert len({a["level"] for c in casc["campaigns"] for a in c["adopters"]}) >= 3


def test_text_is_varied_and_in_the_genre(corpus: SynthResult) -> None:
    rows, _, _ = load(corpus)
    texts = [r["text"] for r in rows]
    joined = "\n".join(texts)
    for cue in ("本报讯(", "本报讯（", "南方工报讯", "中工网讯", "日电", "来源:", "通讯员", "主持", "调研",
                "《劳动法》", "人大常委会", "近日", "深人"):
        assert cue in joined or cue.replace("(", "（").replace(":", "：") in joined, cue
    assert any(re.search(r"[(（][\u4e00-\u9fff]{2,4}[)）]\s*$", t) for t in texts), "trailing (name) bylines"
    assert sum("，" in t for t in texts) > 50 and sum("," in t for t in texts) > 50, "both widths"
    assert any(re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", t) for t in texts), "OCR spaces"
    leads = Counter(re.sub(r"[\u4e00-\u9fff]{2,}?(总工会|人大常委会)", "X", t.split("。")[0])[-25:] for t in texts)
    assert len(leads) > 0.8 * len(texts), "opening sentences should rarely repeat"


def test_cli_synth(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    res = CliRunner().invoke(cli, ["synth", "-n", "40", "-o", str(out), "--seed", "3"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("40 articles,")
    assert out.exists() and (tmp_path / "c.gold.json").exists() and (tmp_path / "c.cascades.json").exists()
    bad = CliRunner().invoke(cli, ["synth", "-n", "0", "-o", str(out)])
    assert bad.exit_code == 1 and "UKG000" in bad.output
