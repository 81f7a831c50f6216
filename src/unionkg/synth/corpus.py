"""Write a synthetic corpus: ``corpus.jsonl``, ``corpus.gold.json`` and ``corpus.cascades.json``."""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UnionKGError
from ..types import RelType
from .hierarchy import Hierarchy, load_hierarchy
from .lexicon import load_lexicon
from .plan import Cascade, plan_corpus
from .render import Renderer, Spec


@dataclass(frozen=True)
class SynthResult:
    corpus: Path
    gold: Path
    cascades: Path
    articles: int
    campaigns: int
    adoptions: int


def sidecar(corpus: Path, suffix: str) -> Path:
    """``corpus.jsonl`` → ``corpus.gold.json`` (``suffix`` = ``gold``)."""
    stem = corpus.name[: -len(".jsonl")] if corpus.name.endswith(".jsonl") else corpus.name
    return corpus.with_name(f"{stem}.{suffix}.json")


def _title_key(title: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", title) if ch.isalnum())


def synth_corpus(n: int, out: str | os.PathLike[str], seed: int = 0, year: int = 2024) -> SynthResult:
    """Generate ``n`` articles into ``out`` (JSON Lines) with its gold and planted cascades.

    >>> r = synth_corpus(20, "/tmp/c.jsonl", seed=1)   # doctest: +SKIP
    """
    if n < 1:
        raise UnionKGError(f"cannot generate {n} articles", hint="pass -n 1 or more")
    corpus = Path(out)
    corpus.parent.mkdir(parents=True, exist_ok=True)
    h, lex = load_hierarchy(), load_lexicon()
    specs, cascades = plan_corpus(n, seed, h, lex, year)
    renderer = Renderer(h, lex, seed)
    adoptions: dict[tuple[str, str], dict[str, Any]] = {}
    places: set[str] = set()
    bodies: set[str] = set()
    titles: set[str] = set()
    gold_path, casc_path = sidecar(corpus, "gold"), sidecar(corpus, "cascades")
    with corpus.open("w", encoding="utf-8") as fc, tempfile.TemporaryFile("w+", encoding="utf-8") as tmp:
        for spec in specs:
            aid = f"synth-{seed}-{spec.index:06d}"
            art = renderer.render(spec, aid)
            title = next((t for t in art.titles if _title_key(t) not in titles), None)
            if title is None:
                title = f"{art.titles[0]}({spec.index})"
            titles.add(_title_key(title))
            art.gold.title = title
            rec: dict[str, Any] = {"id": aid, "title": title}
            if art.subtitle:
                rec["subtitle"] = art.subtitle
            rec.update(text=art.text, date=art.published, source=art.source)
            fc.write(json.dumps(rec, ensure_ascii=False) + "\n")
            places |= art.gold.places
            bodies |= art.gold.bodies
            tmp.write(json.dumps([art.gold.to_dict(), sorted(art.gold.places), sorted(art.gold.bodies)],
                                 ensure_ascii=False) + "\n")
            if spec.campaign is not None:
                adoptions[(spec.campaign.core, spec.unit)] = _adoption(h, spec, aid, art.mode, art.variants)
        tmp.seek(0)
        _write_gold(gold_path, tmp, h, places, bodies, corpus.name, seed)
    total = _write_cascades(casc_path, cascades, adoptions, h, seed)
    return SynthResult(corpus, gold_path, casc_path, len(specs), len(cascades), total)


def _adoption(h: Hierarchy, spec: Spec, aid: str, mode: str | None, variants: list[str]) -> dict[str, Any]:
    u = h.units[spec.unit]
    return {
        "body": u.body, "code": u.code, "level": u.level.value, "date": date.fromordinal(spec.day).isoformat(),
        "parent": h.units[spec.parent].body if spec.parent else None, "parent_code": spec.parent,
        "article": aid, "mode": mode, "variants": sorted(set(variants)),
    }


def _hierarchy_edges(h: Hierarchy, art_places: list[str], art_bodies: list[str],
                     places: set[str], bodies: set[str]) -> list[dict[str, Any]]:
    out = []
    for code in art_places:
        u = h.units[code]
        if u.parent in places:
            out.append({"type": RelType.LOCATED_IN.value, "head": u.name, "tail": h.units[u.parent].name})
    for code in art_bodies:
        u = h.units[code]
        out.append({"type": RelType.LOCATED_IN.value, "head": u.body, "tail": u.name})
        if u.parent in bodies:
            out.append({"type": RelType.SUBORDINATE_TO.value, "head": u.body, "tail": h.units[u.parent].body})
    return out


def _write_gold(path: Path, tmp: Any, h: Hierarchy, places: set[str], bodies: set[str], name: str, seed: int) -> None:
    head = {
        "source": name,
        "note": (f"Synthetic gold written by unionkg synth (seed {seed}); format and scoring rules: ONTOLOGY.md. "
                 "'opt': true marks items that are acceptable but not required; 'aka' lists other accepted "
                 "surface names. LOCATED_IN/SUBORDINATE_TO are listed where both ends are named in the corpus."),
    }
    with path.open("w", encoding="utf-8") as fg:
        fg.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ",\n \"articles\": [\n")
        first = True
        for line in tmp:
            g, ap, ab = json.loads(line)
            g["relations"].extend(_hierarchy_edges(h, ap, ab, places, bodies))
            fg.write(("" if first else ",\n") + json.dumps(g, ensure_ascii=False))
            first = False
        fg.write("\n ]\n}\n")


def _write_cascades(path: Path, cascades: list[Cascade], adoptions: dict[tuple[str, str], dict[str, Any]],
                    h: Hierarchy, seed: int) -> int:
    out, total = [], 0
    for c in cascades:
        rows = [adoptions[(c.campaign.core, a.code)] for a in c.adoptions]
        total += len(rows)
        variants = sorted({v for r in rows for v in r["variants"]})
        origin = rows[0]
        out.append({"name": c.campaign.core, "variants": variants, "origin": origin["body"],
                    "origin_level": origin["level"], "start": origin["date"], "adopters": rows})
    doc = {"seed": seed, "note": "Planted cascades: per campaign, every adopting union with its level, "
           "date, the superior union it followed (parent) and the article reporting it.", "campaigns": out}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return total
