#!/usr/bin/env python3
"""Propagation on real news: ``trace`` over the realdev build against ``../shared/realdev/CASCADES.json``.

    python benchmarks/eval_cascades.py [--shared ../shared] [--out /tmp/realdev] [--json] [--show]

Builds ``../shared/realdev/`` (the articles are read from ``../shared``, never copied here), traces each
campaign of CASCADES.json by its canonical name and prints, per campaign and in all: the union carriers
found (a carrier is found when an adoption of the trace comes from the carrier's article and names its
body), those with the right level, those with the right date, and the other carriers (检察院, 人社厅…)
listed as co-carriers (a body is named by its gold name or an ``aka`` its article's gold gives it).
A date is right when it equals the gold's (its year where the gold has one);
where the gold has none, when the adoption is undated or dated by the page's publication date.
``tests/test_cascades.py`` keeps the floors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionkg.analysis.lookup import key
from unionkg.analysis.trace import trace
from unionkg.ingest.normalize import to_match_text
from unionkg.model import load_build
from unionkg.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
#: bare short forms that name no particular body
_BARE = re.compile(r"^(?:省|市|区|县|镇|乡|街道)?总工会$")


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("UNIONKG_SHARED") or ROOT.parent / "shared")


def build_realdev(shared: Path, out: Path) -> Path:
    """The realdev set built into ``out/B`` (by the set's own converter, then ``unionkg build``)."""
    corpus, gold = out / "corpus.jsonl", out / "gold.json"
    subprocess.run([sys.executable, str(shared / "eval" / "realdev_jsonl.py"), str(shared / "realdev"),
                    str(corpus), str(gold)], check=True, capture_output=True)
    build([str(corpus)], out / "B", html=False)
    return out / "B"


def same_body(gold: str, names: list[str]) -> bool:
    """Does any of ``names`` (a node's name and aliases) name the gold body? Equal in simplified
    script, or one ends with the other where the shorter still names its place (胶南街道总工会).
    A bare short form (市总工会, 街道总工会) names none, nor does a node the article left unresolved."""
    g = key(to_match_text(gold))
    if _BARE.match(g):
        return False  # 市总工会 names no body in particular
    for n in names:
        if "@" in n:
            continue  # a short form the article never resolved (市总工会@article): not the body
        n = key(to_match_text(n))
        short, long_ = sorted((g, n), key=len)
        if g == n or (long_.endswith(short) and not _BARE.match(short) and len(short) >= 5):
            return True
    return False


def date_right(gold: dict[str, Any], date: str | None, basis: str | None) -> bool:
    """The rule of the module's docstring."""
    want, published = gold.get("date"), gold.get("published")
    if want:
        return date == want or (len(want) == 5 and date is not None and date[-5:] == want and len(date) == 5)
    if date is None:
        return True
    return published is not None and basis == "published" and (date == published or date == published[-5:])


@dataclass
class CampaignScore:
    campaign: str
    carriers: int = 0
    found: int = 0
    level: int = 0
    date: int = 0
    others: int = 0
    co_carriers: int = 0
    waves: list[int | None] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def score_campaign(name: str, gold: list[dict[str, Any]], doc: dict[str, Any],
                   akas: dict[tuple[str, str], list[str]] | None = None) -> CampaignScore:
    """Score one campaign's trace (``Trace.to_dict()``) against its CASCADES rows; ``akas``: (article,
    body) → the other names the article's gold gives the body (省企联 for 福建省企业与企业家联合会)."""
    s = CampaignScore(name, waves=[w.get("year") for w in doc.get("waves", ())])
    adoptions = doc.get("adoptions", [])
    co = doc.get("co_carriers", [])
    for row in gold:
        art = f"realdev-{row['article']}"
        names = [row["body"], *(akas or {}).get((row["article"], row["body"]), ())]
        if row.get("union") is False:
            s.others += 1
            if any(a.get("article") == art and any(same_body(n, _names(a)) for n in names) for a in co):
                s.co_carriers += 1
            else:
                s.misses.append(f"co-carrier {row['article']} {row['body']}: not listed")
            continue
        s.carriers += 1
        hit = [a for a in adoptions if a.get("article") == art and any(same_body(n, _names(a)) for n in names)]
        if not hit:
            s.misses.append(f"carrier {row['article']} {row['body']}: not found")
            continue
        s.found += 1
        a = hit[0]
        if a.get("level") == row["level"]:
            s.level += 1
        else:
            s.misses.append(f"level {row['article']} {row['body']}: {a.get('level')} (gold {row['level']})")
        if date_right(row, a.get("date"), a.get("date_basis")):
            s.date += 1
        else:
            s.misses.append(f"date {row['article']} {row['body']}: {a.get('date')} (gold {row.get('date')}, "
                            f"published {row.get('published')})")
    return s


def _names(a: dict[str, Any]) -> list[str]:
    return [str(a.get("name") or ""), str(a.get("body") or "").split(":", 1)[-1], *a.get("aliases", ())]


def gold_akas(realdev: Path, cascades: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], list[str]]:
    """(article, body) → the ``aka`` its article's gold gives each carrier."""
    out: dict[tuple[str, str], list[str]] = {}
    for rows in cascades.values():
        for row in rows:
            gold = json.loads((realdev / f"{row['article']}.gold.json").read_text(encoding="utf-8"))
            for art in gold["articles"]:
                for e in art["entities"]:
                    if e["name"] == row["body"]:
                        out[(row["article"], row["body"])] = list(e.get("aka") or ())
    return out


def score_build(build_dir: Path, cascades: dict[str, list[dict[str, Any]]],
                akas: dict[tuple[str, str], list[str]] | None = None) -> list[CampaignScore]:
    G = load_build(build_dir)
    out = []
    for name, rows in cascades.items():
        try:
            doc = trace(G, name).to_dict()
        except Exception as exc:  # noqa: BLE001 - a campaign not found scores zero, with why
            doc = {"adoptions": [], "error": str(exc)}
        out.append(score_campaign(name, rows, doc, akas))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: ../shared or UNIONKG_SHARED)")
    ap.add_argument("--out", help="work folder (default: a temporary one)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", action="store_true", help="list every miss")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    cascades = json.loads((shared / "realdev" / "CASCADES.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out or tmp)
        out.mkdir(parents=True, exist_ok=True)
        scores = score_build(build_realdev(shared, out), cascades, gold_akas(shared / "realdev", cascades))
    total = CampaignScore("all")
    for s in scores:
        for f in ("carriers", "found", "level", "date", "others", "co_carriers"):
            setattr(total, f, getattr(total, f) + getattr(s, f))
    if args.json:
        print(json.dumps([s.__dict__ for s in [*scores, total]], ensure_ascii=False, indent=1))
        return
    print("| campaign | union carriers found | level right | date right | co-carriers | waves |")
    print("|---|---|---|---|---|---|")
    for s in [*scores, total]:
        waves = ", ".join("?" if y is None else str(y) for y in s.waves)
        print(f"| {s.campaign} | {s.found}/{s.carriers} | {s.level}/{s.carriers} | {s.date}/{s.carriers} | "
              f"{s.co_carriers}/{s.others} | {waves} |")
    if args.show:
        for s in scores:
            for m in s.misses:
                print(f"  {s.campaign}: {m}")


if __name__ == "__main__":
    main()
