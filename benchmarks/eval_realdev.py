#!/usr/bin/env python3
"""Extraction on real text: build ``../shared/realdev/`` (80 real reports with hand-checked gold) and
print P/R/F1 per part and per type, and the misses grouped by type.

    python benchmarks/eval_realdev.py [--shared ../shared] [--out /tmp/realdev] [--misses N] [--json]
                                      [--rename SEED | --columns SEED | --traditional]

``--rename SEED`` scores a copy of the set whose people have new given names, ``--columns SEED`` one
whose paragraphs are cut by column breaks, ``--traditional`` one in the traditional script
(benchmarks/realdev_variants.py): what the scores lose there, rules learned from the set's own names,
layout and script rather than from the genre.

The articles are third-party text: they are read from ``../shared`` (or ``UNIONKG_SHARED``), never
copied into the repository. The parts are the set's own (its README): meetings 101-120, activities
121-140, genre shift 141-160 (妇联, 共青团, 人大, 政协 …, traditional script), propagation 161-180.
Each part is scored on its own articles plus the corpus-level hierarchy line, with
``unionkg.evaluate`` (the same rules as ``../shared/eval/score.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from unionkg.evaluate import Score, evaluate, read_facts
from unionkg.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
PARTS: dict[str, tuple[int, int]] = {
    "meetings": (101, 120),
    "activities": (121, 140),
    "genre shift": (141, 160),
    "propagation": (161, 180),
}


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("UNIONKG_SHARED") or ROOT.parent / "shared")


def convert(shared: Path, out: Path, realdev: Path | None = None) -> tuple[Path, Path]:
    """The set (``realdev``, default the shared one) as JSON Lines and one merged gold file, by the
    set's own converter."""
    corpus, gold = out / "corpus.jsonl", out / "gold.json"
    subprocess.run([sys.executable, str(shared / "eval" / "realdev_jsonl.py"), str(realdev or shared / "realdev"),
                    str(corpus), str(gold)], check=True, capture_output=True)
    return corpus, gold


def _num(article_id: str) -> int:
    m = re.search(r"(\d{3})", article_id)
    return int(m.group(1)) if m else 0


def score_parts(gold: dict[str, Any], facts: Path) -> dict[str, Score]:
    """The whole set and each part scored on its own articles (plus the hierarchy line)."""
    arts, extra = read_facts(str(facts))
    out = {"all": evaluate(gold, arts, extra)}
    for part, (lo, hi) in PARTS.items():
        g = {"articles": [a for a in gold["articles"] if lo <= _num(a["id"]) <= hi]}
        s = [a for a in arts if lo <= _num(a["article"]["id"]) <= hi]
        out[part] = evaluate(g, s, extra)
    return out


def _f(x: tuple[float, float, float]) -> str:
    return f"{x[0]:.3f} {x[1]:.3f} {x[2]:.3f}"


def table(scores: dict[str, Score]) -> str:
    rows = ["| part | articles | entity P R F1 | relation P R F1 | dates |", "|---|---|---|---|---|"]
    for part, sc in scores.items():
        rows.append(f"| {part} | {sc.articles[2]}/{sc.articles[0]} | {_f(sc.total('entities'))} | "
                    f"{_f(sc.total('relations'))} | {sc.dates[0]}/{sc.dates[1]} |")
    return "\n".join(rows)


def misses(sc: Score, limit: int) -> str:
    """False positives and misses grouped by type, the most frequent types first, with examples."""
    groups: dict[str, list[str]] = defaultdict(list)
    for err in sc.errors:
        m = re.match(r"\[([^\]]*)\] (entity|relation) (FP|FN) \(?'?([A-Z_a-z]+)'?,? ?(.*)", err)
        if not m:
            continue
        where, _, kind, typ, rest = m.groups()
        groups[f"{kind} {typ}"].append(f"[{where}] {rest.rstrip(')')}")
    lines = []
    for key, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"{key}: {len(items)}")
        lines.extend(f"    {x}" for x in items[:limit])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="the shared folder (default: ../shared or UNIONKG_SHARED)")
    ap.add_argument("--out", help="work folder (default: a temporary one)")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print up to N misses per type")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    variant = ap.add_mutually_exclusive_group()
    variant.add_argument("--rename", type=int, metavar="SEED", help="score a copy whose people have new given names")
    variant.add_argument("--columns", type=int, metavar="SEED", help="score a copy whose paragraphs column breaks cut")
    variant.add_argument("--traditional", action="store_true", help="score a copy in the traditional script")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    if not (shared / "realdev").is_dir():
        print(f"eval_realdev: {shared / 'realdev'} not found (set --shared or UNIONKG_SHARED)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.out or tmp)
        work.mkdir(parents=True, exist_ok=True)
        realdev = None
        if args.rename is not None or args.columns is not None or args.traditional:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from realdev_variants import cut_columns, rename_people, to_traditional

            realdev = work / "realdev-variant"
            if args.rename is not None:
                print(f"people renamed (seed {args.rename}): {rename_people(shared / 'realdev', realdev, args.rename)}")
            elif args.columns is not None:
                print(f"column breaks (seed {args.columns}): {cut_columns(shared / 'realdev', realdev, args.columns)}")
            else:
                print(f"articles in the traditional script: {to_traditional(shared / 'realdev', realdev)}")
        corpus, gold_path = convert(shared, work, realdev)
        t0 = time.perf_counter()
        summary = build([str(corpus)], work / "build", html=False)
        seconds = time.perf_counter() - t0
        if summary.errors:
            print(f"eval_realdev: {len(summary.errors)} articles failed:", file=sys.stderr)
            for err in summary.errors:
                print("   ", err.get("error"), file=sys.stderr)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scores = score_parts(gold, work / "build" / "facts.jsonl")
    if args.json:
        print(json.dumps({k: {"entities": v.total("entities"), "relations": v.total("relations"),
                              "dates": v.dates, "articles": v.articles} for k, v in scores.items()}, indent=1))
        return 0
    print(table(scores))
    print()
    print(scores["all"].report())
    kinds = Counter(e.split(" ")[2] + " " + e.split(" ")[3].strip("('\",") for e in scores["all"].errors
                    if len(e.split(" ")) > 3)
    print(f"\nbuilt in {seconds:.1f} s; errors: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common(8)))
    if args.misses:
        print()
        print(misses(scores["all"], args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
