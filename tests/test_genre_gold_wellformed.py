"""The genre test set's hand gold (``tests/data/genre/gold.json``) is well formed.

Checks what a scorer run cannot: ontology types, relation ends and signatures, every name and
title present in its input text (modulo white space, quote marks and full/half width), input files
present and decodable, and that ``eval/score.py`` reads the gold and gives it a perfect score
against itself (so titles are distinct and matchable).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from unionkg.types import ENTITY_LABELS, HIERARCHY_TYPES, Label, RelType

GENRE = Path(__file__).resolve().parent / "data" / "genre"
GOLD = GENRE / "gold.json"
SHARED = Path(os.environ.get("UNIONKG_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
SEED_GOLD = SHARED / "gold" / "000_bfa4eaded79303f8.gold.json"
SCORER = SHARED / "eval" / "score.py"

QUOTES = "\"'“”‘’「」『』《》〈〉〔〕【】"
ENTITY_TYPES = {label.value for label in ENTITY_LABELS}
#: Relation types of the facts export (HELD_BY and MENTIONS are graph-only).
EXPORT_TYPES = {t.value for t in RelType} - {RelType.HELD_BY.value, RelType.MENTIONS.value}
CORPUS_TYPES = {t.value for t in HIERARCHY_TYPES}
BODIES = {Label.UNION_BODY.value, Label.ORGANIZATION.value}
#: (head types, tail types) of each relation type as written flat in the facts export.
SIGNATURES: dict[str, tuple[set[str], set[str]]] = {
    "CHAIRED": ({"Person"}, BODIES),
    "LED": ({"Person"}, BODIES),
    "ATTENDED": ({"Person"}, BODIES),
    "SPOKE": ({"Person"}, BODIES),
    "INVITED": (BODIES, {"Person"}),
    "IMPLEMENTS": (BODIES, {"Campaign", "Law"}),
    "VISITED": (BODIES, BODIES | {"Place"}),
    "HOLDS_POSITION": ({"Person"}, BODIES),
    "LOCATED_IN": (BODIES | {"Place"}, {"Place"}),
    "SUBORDINATE_TO": ({"UnionBody"}, {"UnionBody"}),
    "REPORTED": ({"Person"}, {"@article"}),
}
DATE_RE = re.compile(r"^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def norm(s: str) -> str:
    """The scorer's normalisation (NFKC, no white space, no quote marks), plus OCR's stray ``|``."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES and ch != "|")


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def load_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return gold


def article_text(art: dict[str, Any]) -> str:
    """The input text an article's names must occur in: its file, or its JSON Lines record."""
    path = GENRE / art["file"]
    text = decode(path.read_bytes())
    if path.suffix == ".jsonl":
        for line in text.splitlines():
            rec = json.loads(line)
            if rec["id"] == art["record"]:
                return str(rec["title"]) + "\n" + str(rec["text"])
        raise AssertionError(f"{art['id']}: no record {art['record']!r} in {art['file']}")
    return text


def keys(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"])} | {norm(a) for a in entity.get("aka", [])}


def structure_errors(gold: dict[str, Any]) -> list[str]:
    """Type, signature and reference errors of a gold file (any gold in the seed's format)."""
    errors: list[str] = []
    ids = Counter(a["id"] for a in gold["articles"])
    errors += [f"duplicate article id {i}" for i, n in ids.items() if n > 1]
    corpus_types: dict[str, str] = {}
    for art in gold["articles"]:
        for e in art["entities"]:
            corpus_types[e["name"]] = e["type"]
    for art in gold["articles"]:
        aid = art["id"]
        if not art.get("title"):
            errors.append(f"{aid}: no title")
        if art.get("date") is not None and not DATE_RE.match(art["date"]):
            errors.append(f"{aid}: date {art['date']!r} is not MM-DD or YYYY-MM-DD")
        types: dict[str, str] = {}
        seen_keys: dict[str, str] = {}
        for e in art["entities"]:
            if e["type"] not in ENTITY_TYPES:
                errors.append(f"{aid}: entity {e['name']} has type {e['type']!r}, not an ontology label")
            if e["name"] in types:
                errors.append(f"{aid}: entity {e['name']} listed twice")
            types[e["name"]] = e["type"]
            for k in keys(e):
                if k in seen_keys and seen_keys[k] != e["name"]:
                    errors.append(f"{aid}: {k!r} names both {seen_keys[k]} and {e['name']}")
                seen_keys[k] = e["name"]
        for r in art["relations"]:
            t, head, tail = r["type"], r["head"], r["tail"]
            if t not in EXPORT_TYPES:
                errors.append(f"{aid}: relation type {t!r} is not an ontology relationship type")
                continue
            scope = corpus_types if t in CORPUS_TYPES else types
            ht = scope.get(head)
            tt = "@article" if tail == "@article" else scope.get(tail)
            if ht is None or tt is None:
                errors.append(f"{aid}: {t} {head} -> {tail}: an end is not an entity of "
                              f"{'the gold' if t in CORPUS_TYPES else 'this article'}")
                continue
            want_h, want_t = SIGNATURES[t]
            if ht not in want_h or tt not in want_t:
                errors.append(f"{aid}: {t} {head}({ht}) -> {tail}({tt}) breaks the signature")
            if t == "HOLDS_POSITION" and not r.get("title"):
                errors.append(f"{aid}: HOLDS_POSITION {head} -> {tail} has no title")
    return errors


def test_gold_loads_with_enough_articles() -> None:
    gold = load_gold()
    assert {"source", "note", "articles"} <= gold.keys()
    assert len(gold["articles"]) >= 18
    for art in gold["articles"]:
        assert {"id", "file", "title", "date", "entities", "relations"} <= art.keys(), art["id"]


def test_gold_structure() -> None:
    assert structure_errors(load_gold()) == []


def test_structure_check_catches_errors() -> None:
    """The checker itself rejects a bad type, a dangling end and a broken signature."""
    gold = load_gold()
    art = gold["articles"][0]
    art["entities"].append({"type": "Union", "name": "某工会"})
    art["relations"].append({"type": "CHAIRED", "head": "无此人", "tail": art["entities"][0]["name"]})
    art["relations"].append({"type": "REPORTED", "head": art["entities"][0]["name"], "tail": "@article"})
    body = next(e["name"] for e in art["entities"] if e["type"] == "UnionBody")
    art["relations"].append({"type": "IMPLEMENTS", "head": body, "tail": body})
    errs = structure_errors(gold)
    assert any("'Union'" in e for e in errs)
    assert any("无此人" in e for e in errs)
    assert any("IMPLEMENTS" in e and "signature" in e for e in errs)


@pytest.mark.skipif(not SEED_GOLD.exists() and not os.environ.get("UNIONKG_STRICT"),
                    reason="shared seed gold not found (set UNIONKG_SHARED)")
def test_seed_gold_passes_the_same_structure_check() -> None:
    seed = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert structure_errors(seed) == []


def test_every_file_exists_and_decodes() -> None:
    gold = load_gold()
    files = {a["file"] for a in gold["articles"]} | set(gold.get("pages", {}))
    for f in sorted(files):
        path = GENRE / f
        assert path.is_file(), f
        text = decode(path.read_bytes())
        assert "\ufffd" not in text and len(text) > 100, f
    gb = [f for f in files if "gb18030" in f]
    assert gb, "the set should hold a GB18030 file"
    for f in gb:
        with pytest.raises(UnicodeDecodeError):
            (GENRE / f).read_bytes().decode("utf-8")


def test_every_name_occurs_in_its_text() -> None:
    missing = []
    for art in load_gold()["articles"]:
        text = norm(article_text(art))
        for e in art["entities"]:
            forms = keys(e) | {norm(s) for s in e.get("seen_as", [])}
            if not any(f and f in text for f in forms):
                missing.append(f"{art['id']}: {e['type']} {e['name']}")
    assert missing == []


def test_titles_and_position_titles_occur_in_text() -> None:
    missing = []
    for art in load_gold()["articles"]:
        text = norm(article_text(art))
        titles = [art["title"], art.get("subtitle"), *art.get("aka_titles", [])]
        if not any(t and norm(t.split(":")[-1].split("：")[-1]) in text for t in titles):
            missing.append(f"{art['id']}: title {art['title']}")
        for r in art["relations"]:
            if r["type"] == "HOLDS_POSITION" and norm(r["title"]) not in text:
                missing.append(f"{art['id']}: position title {r['title']}")
    assert missing == []


def test_jsonl_records_have_the_documented_fields() -> None:
    for path in GENRE.glob("*.jsonl"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            assert {"id", "title", "text", "date", "source", "url"} <= rec.keys(), f"{path.name}:{n}"


def test_set_covers_the_ontology_and_namesakes() -> None:
    gold = load_gold()
    ents = [e for a in gold["articles"] for e in a["entities"]]
    rels = [r for a in gold["articles"] for r in a["relations"]]
    assert {e["type"] for e in ents if not e.get("opt")} == ENTITY_TYPES
    assert {r["type"] for r in rels if not r.get("opt")} == EXPORT_TYPES
    zhang = {e.get("identity") for e in ents if e["name"] == "张伟"}
    assert len(zhang) >= 2 and None not in zhang, "张伟 should appear as namesakes with identities"
    same = Counter(a["id"] for a in gold["articles"] for e in a["entities"]
                   if e["name"] == "张伟" and e.get("identity", "").startswith("reporter:"))
    assert len(same) >= 2, "the same reporter 张伟 should report twice"
    assert any(a.get("date") is None for a in gold["articles"])
    assert any(len(a["date"] or "") == 10 for a in gold["articles"])


def gold_as_facts(gold: dict[str, Any]) -> str:
    """A facts export (ONTOLOGY.md) that says exactly what the gold says."""
    lines = []
    for art in gold["articles"]:
        authors = [r["head"] for r in art["relations"] if r["type"] == "REPORTED"]
        lines.append(json.dumps({
            "article": {"id": art["id"], "title": art["title"], "subtitle": art.get("subtitle"),
                        "date": art["date"], "authors": authors},
            "entities": [{"type": e["type"], "name": e["name"]} for e in art["entities"]],
            "relations": [{"type": r["type"], "head": r["head"], "tail": r["tail"]}
                          for r in art["relations"] if r["type"] != "REPORTED"],
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_scorer_gives_the_gold_a_perfect_score(tmp_path: Path) -> None:
    if not SCORER.exists():
        if os.environ.get("UNIONKG_STRICT"):
            pytest.fail(f"scorer not found at {SCORER} (set UNIONKG_SHARED)")
        pytest.skip(f"scorer not found at {SCORER}")
    gold = load_gold()
    facts = tmp_path / "facts.jsonl"
    facts.write_text(gold_as_facts(gold), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(facts)],
                         capture_output=True, text=True, check=True).stdout
    n = len(gold["articles"])
    dated = sum(1 for a in gold["articles"] if a["date"])
    assert out.strip().splitlines()[-1] == (
        f"entity_f1=1.000 relation_f1=1.000 articles={n}/{n} dates={dated}/{dated}")
