"""Copies of the real development set changed the way unseen text differs from it: tests of how
extraction generalises. The gold is rewritten with the text, so scores compare with the set's own.

``rename_people``: every gold Person keeps the surname and gets a new given name of the same length, drawn with a seed
from characters written alike in both scripts; the texts and the gold (names, aka forms, relation
ends) are rewritten together, so the scores stay comparable with the set's own. A rule that learned
a name, or a name boundary that only a dictionary word made, shows as a loss here; one that reads
the cues around names does not. Left as they are: national leaders (their names sit in titles of
spirits and books) and names inside another gold name.

``cut_columns``: half the paragraphs (of over 80 characters) cut once at a random point by a blank
line, as e-paper and PDF text comes where its columns end (../shared/GENRE.md); the gold unchanged.

``to_traditional``: the simplified articles written in the traditional script, character by
character with the package's table (``data/simp2trad.tsv``), the gold likewise: the rules must read
both scripts alike (the set has four traditional articles of its own).

    python benchmarks/eval_realdev.py --rename 1      # the set renamed with seed 1, scored
    python benchmarks/eval_realdev.py --columns 1     # the set with column breaks, seed 1
    python benchmarks/eval_realdev.py --traditional   # the set in the traditional script
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: characters of given names, each written the same in simplified and traditional script
GIVEN = "明文玉春秀英志平海林永安建立民成宇雪梅俊思佳美家光天星君若正山月才福金德仁彬琳芳萍婷岩峰松柏朝晨敏慧淑怡欣心丹青如超楠伊翔子洪涛桂兰"
#: names kept: leaders whose names are parts of other names (习近平总书记…精神, 《习近平关于…》)
KEPT = frozenset({"习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希"})
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "歐陽", "諸葛", "司徒", "东方", "東方")
#: titles a leader's given name stands before (登菊主席)
_GIVEN_TITLES = "(?:主席|书记|書記|部长|部長|局长|局長|主任|会长|會長|同志)"
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _new_names(names: list[str], text: str, rng: random.Random) -> dict[str, str]:
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        surname = name[:2] if name[:2] in COMPOUND else name[:1]
        for _ in range(100):
            new = surname + "".join(rng.choice(GIVEN) for _ in range(len(name) - len(surname)))
            if new not in taken and new not in text:
                out[name] = new
                taken.add(new)
                break
    return out


def _rewrite(text: str, gold: dict[str, Any], mapping: dict[str, str]) -> str:
    """``text`` with the names of ``mapping`` replaced (the source line kept), and ``gold`` likewise,
    in place. A leader named by the given name before a title (登菊主席) is renamed too."""
    given = {old[1:]: new[1:] for old, new in mapping.items() if len(old) == 3 and old[:2] not in COMPOUND}
    every = {**mapping, **given}
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True)))
                         + "".join(f"|{re.escape(g)}(?={_GIVEN_TITLES})" for g in given))

    def fix(s: str) -> str:
        return pattern.sub(lambda m: every[m.group()], s)

    _map_gold(gold, fix)
    return _map_text(text, fix)


def _map_gold(gold: dict[str, Any], fix: Callable[[str], str]) -> None:
    """``fix`` applied, in place, to every name of ``gold``: titles, entity names and aka forms,
    relation ends."""
    for art in gold["articles"]:
        if art.get("title"):
            art["title"] = fix(art["title"])
        for e in art["entities"]:
            e["name"] = fix(e["name"])
            if "aka" in e:
                e["aka"] = [fix(a) for a in e["aka"]]
        for r in art["relations"]:
            r["head"], r["tail"] = fix(r["head"]), fix(r["tail"])


def _map_text(text: str, fix: Callable[[str], str]) -> str:
    """``fix`` applied to a realdev text but its first line (the source address)."""
    source, rest = text.split("\n", 1)
    return source + "\n" + fix(rest)


def rename_people(src: Path, dst: Path, seed: int) -> int:
    """Write ``src`` (a realdev folder: ``NNN.txt``, ``NNN.gold.json``, other files) renamed to ``dst``;
    returns the number of people renamed."""
    rng = random.Random(seed)
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.iterdir()):
        if f.is_file() and not f.name.endswith((".txt", ".gold.json")):
            shutil.copy(f, dst / f.name)
    renamed = 0
    for gold_file in sorted(src.glob("*.gold.json")):
        stem = gold_file.name.removesuffix(".gold.json")
        text = (src / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        names: list[str] = []
        for art in gold["articles"]:
            all_names = [e["name"] for e in art["entities"]]
            for e in art["entities"]:
                n = e["name"]
                if e["type"] == "Person" and _HAN_NAME.fullmatch(n) and n not in KEPT and n not in names \
                        and not any(n in other and n != other for other in all_names):
                    names.append(n)
        mapping = _new_names(names, text, rng)
        if mapping:
            renamed += len(mapping)
            text = _rewrite(text, gold, mapping)
        (dst / f"{stem}.txt").write_text(text, encoding="utf-8")
        (dst / gold_file.name).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return renamed


def cut_columns(src: Path, dst: Path, seed: int, share: float = 0.5) -> int:
    """Write ``src`` to ``dst`` with ``share`` of the paragraphs over 80 characters cut once by a blank
    line (the source and title lines kept); returns the number of cuts."""
    rng = random.Random(seed)
    dst.mkdir(parents=True, exist_ok=True)
    cuts = 0
    for f in sorted(src.iterdir()):
        if not f.is_file():
            continue
        if f.suffix != ".txt":
            shutil.copy(f, dst / f.name)
            continue
        lines = f.read_text(encoding="utf-8").split("\n")
        out = lines[:2]
        for line in lines[2:]:
            if len(line) > 80 and rng.random() < share:
                i = rng.randrange(20, len(line) - 20)
                out.extend([line[:i], "", line[i:]])
                cuts += 1
            else:
                out.append(line)
        (dst / f.name).write_text("\n".join(out), encoding="utf-8")
    return cuts


def to_traditional(src: Path, dst: Path) -> int:
    """Write ``src`` to ``dst`` in the traditional script (texts but their source line, gold names,
    aka forms, relation ends, titles); returns the number of articles converted."""
    from unionkg.ingest.normalize import _simp2trad  # the package's own table, as in_script_of reads it

    table = str.maketrans(_simp2trad())

    def fix(s: str) -> str:
        return s.translate(table)

    dst.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted(src.iterdir()):
        if not f.is_file():
            continue
        if f.suffix == ".txt":
            (dst / f.name).write_text(_map_text(f.read_text(encoding="utf-8"), fix), encoding="utf-8")
            n += 1
        elif f.name.endswith(".gold.json"):
            gold = json.loads(f.read_text(encoding="utf-8"))
            _map_gold(gold, fix)
            (dst / f.name).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            shutil.copy(f, dst / f.name)
    return n
