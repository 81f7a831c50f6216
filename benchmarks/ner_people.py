#!/usr/bin/env python3
"""Experiment: what the optional NER (``unionkg[ner]``) adds to the rules' people, and what it costs.

Builds the real development set (``../shared/realdev``), the seed page and our annotated sets
(``tests/data/*``) once with the default extractor and once per way of using the tagger
(``extract/ner.py``: ``ner_people`` proposes names, ``PeopleFinder.find(proposed=…)`` binds them as
the rules bind their own), and prints per set and way: entity and relation F1, Person P/R/F1, the
recall of HOLDS_POSITION, ATTENDED and SPOKE, the extraction time, the characters the tagger read
and its time per article.

Ways: ``sentences`` = all | cued (a person cue: title, role or speech verb, 同志, byline word,
election) | unnamed (cued, and the rules found no name there) | gaps (a cued clause, between
commas, 、 or colons, where the rules found no name); ``confirm`` = the rules' boundary
tests must accept the name (see ``ner_people``); ``+org``: the tagger's organisations the rules
confirm added as entities (``OrgExtractor``).

usage: python benchmarks/ner_people.py [--sets realdev,seed,genre,heldout,blind2,blind3,blind4]
                                       [--ways off,all,all+c,cued+c,gaps+c,unnamed+c,off+org] [--repeat 1]
                                       [--time N]   (also time realdev's extraction per way, N fresh processes)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from unionkg import pipeline
from unionkg.evaluate import Score, evaluate_files
from unionkg.extract import ArticleFacts, Extractor
from unionkg.extract.ner import NerPeopleFinder, NerSpan, NerTagger
from unionkg.extract.text import Doc
from unionkg.pipeline import build
from unionkg.types import Article, Entity, Label

ROOT = Path(__file__).resolve().parents[1]
WAYS = {  # name → (sentences, confirm); "off" is the default build
    "off": None,
    "all": ("all", False),
    "all+c": ("all", True),
    "cued+c": ("cued", True),
    "unnamed+c": ("unnamed", True),
    "gaps+c": ("gaps", True),
    "clauses+c": ("clauses", True),
    "clausegaps+c": ("clausegaps", True),
    "unnamed": ("unnamed", False),
}


class TimedTagger(NerTagger):
    """The tagger, counting what it reads and the CPU time it takes."""

    chars = 0
    seconds = 0.0

    def spans(self, text: str, pieces: Sequence[tuple[int, int]] | None = None,
              labels: Sequence[str] = ("PER", "ORG", "LOC")) -> list[NerSpan]:
        t0 = time.process_time()
        pieces = list(self.pieces(text) if pieces is None else pieces)
        out = super().spans(text, pieces, labels)
        self.seconds += time.process_time() - t0
        self.chars += sum(b - a for a, b in pieces)
        return out


#: endings the rules accept for a body the tagger proposes (besides ``org_suffixes.tsv``)
_ORG_ENDINGS = ("工会", "工會", "公司", "集团", "集團", "局", "厅", "廳", "委员会", "委員會", "协会", "協會", "联合会",
                "聯合會", "研究会", "研究會", "中心", "医院", "醫院", "学校", "學校", "学院", "學院", "办", "辦")


class OrgExtractor(Extractor):
    """The extractor plus the tagger's organisations, where the rules confirm them: a whole name
    (4+ characters, ending as a body does: ``org_suffixes.tsv`` or a company's, a bureau's ending)
    that no mention of the rules overlaps; typed UnionBody when it ends as a union."""

    def __init__(self, base: Extractor, tagger: NerTagger) -> None:
        super().__init__(base.lex, base.divs)
        self.seg = base.seg
        self.tagger = tagger
        self.endings = tuple(base.lex.org_suffixes) + _ORG_ENDINGS

    def extract(self, article: Article) -> ArticleFacts:
        facts = super().extract(article)
        doc = Doc(article.text)
        taken = [(x.start, x.end) for x in facts.mentions]
        names = {e.name for e in facts.entities}
        for sp in self.tagger.spans(doc.text, doc.sentences, labels=("ORG",)):
            name, shown = doc.match[sp.start:sp.end], doc.text[sp.start:sp.end]
            if len(name) < 4 or not name.endswith(self.endings) or name in names \
                    or any(a < sp.end and sp.start < b for a, b in taken):
                continue
            label = Label.UNION_BODY if name.endswith("工会") else Label.ORGANIZATION
            facts.entities.append(Entity(label, shown, (), (("rule", "org.ner.v1"),)))
            names.add(name)
        return facts


def sets(shared: Path, work: Path) -> dict[str, tuple[list[str], Path]]:
    """name → (build inputs, gold file)."""
    rd_corpus, rd_gold = work / "realdev.jsonl", work / "realdev.gold.json"
    subprocess.run([sys.executable, str(shared / "eval" / "realdev_jsonl.py"), str(shared / "realdev"),
                    str(rd_corpus), str(rd_gold)], check=True, capture_output=True)
    out = {"realdev": ([str(rd_corpus)], rd_gold),
           "seed": ([str(shared / "corpus" / "000_bfa4eaded79303f8.txt")], shared / "gold" / "000_bfa4eaded79303f8.gold.json")}
    for name in ("genre", "heldout", "blind2", "blind3", "blind4"):
        folder = ROOT / "tests" / "data" / name
        inputs = [str(p) for p in sorted(folder.glob("*.txt"))]
        if (folder / "articles.jsonl").exists():
            inputs.append(str(folder / "articles.jsonl"))
        out[name] = (inputs, folder / "gold.json")
    return out


def row(score: Score) -> str:
    ent, rel = score.total("entities")[2], score.total("relations")[2]
    p, r, f = Score.prf(*score.entities["Person"])

    def rec(t: str) -> str:
        return f"{Score.prf(*score.relations[t])[1]:.3f}" if t in score.relations else "  -  "

    org = Score.prf(*(sum(score.entities[t][i] for t in ("Organization", "UnionBody")) for i in range(3)))
    return (f"ent {ent:.3f} rel {rel:.3f} | Person P {p:.3f} R {r:.3f} F1 {f:.3f} | Org+UB P {org[0]:.3f} R {org[1]:.3f} "
            f"| R: HOLDS {rec('HOLDS_POSITION')} "
            f"ATT {rec('ATTENDED')} SPOKE {rec('SPOKE')}")


def time_way(way: str, corpus: str) -> tuple[float, float, float, int, int]:
    """Extraction (ingest + extract, no files) of ``corpus`` with ``way``, in the calling process (meant
    for a fresh one): CPU and wall seconds, seconds to load the tagger, articles, characters."""
    from unionkg.ingest import iter_articles

    ex = Extractor()
    ex.seg.cut("工会")  # dictionaries loaded before the clock starts, as a build's are
    load = 0.0
    if way != "off":
        t0 = time.perf_counter()
        sentences, confirm = WAYS[way]  # type: ignore[misc]
        ex.people = NerPeopleFinder(ex.lex, ex.seg, NerTagger(), sentences, confirm)
        load = time.perf_counter() - t0
    arts = [a for a in iter_articles([corpus]) if isinstance(a, Article)]
    c0, w0 = time.process_time(), time.perf_counter()
    for a in arts:
        ex.extract(a)
    return time.process_time() - c0, time.perf_counter() - w0, load, len(arts), sum(len(a.text) for a in arts)


def timings(corpus: Path, ways: list[str], repeat: int) -> None:
    """Best of ``repeat`` fresh processes per way, the ways alternated."""
    best: dict[str, tuple[float, float, float, int, int]] = {}
    for _ in range(repeat):
        for way in ways:
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                got = pool.submit(time_way, way, str(corpus)).result()
            if way not in best or got[0] < best[way][0]:
                best[way] = got
    off = best.get("off")
    print(f"extraction time ({corpus.name}, best of {repeat} fresh processes; CPU time, wall in brackets):")
    for way, (cpu, wall, load, n, chars) in best.items():
        extra = f", +{1000 * (cpu - off[0]) / n:.1f} ms/article over off, tagger loaded in {load:.2f} s" \
            if off and way != "off" else ""
        print(f"  {way:13s} {cpu:6.2f} s ({wall:.2f})  {1000 * cpu / n:6.1f} ms/article  {chars / cpu:8.0f} chars/s{extra}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("UNIONKG_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--sets", default="realdev,seed,genre,heldout,blind2,blind3,blind4")
    ap.add_argument("--ways", default=",".join(WAYS))
    ap.add_argument("--repeat", type=int, default=1, help="builds of each (the least extraction time counts)")
    ap.add_argument("--time", type=int, default=0, metavar="N",
                    help="also time the extraction of realdev per way, best of N fresh processes")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ukg-ner-"))
    all_sets = sets(args.shared, work)
    if args.time:
        timings(Path(all_sets["realdev"][0][0]),
                [w for w in args.ways.split(",") if "+org" not in w], args.time)
    if not args.sets:
        return
    tagger = TimedTagger()
    base = Extractor()
    base.seg.cut("工会")  # load the dictionaries before any clock starts
    for set_name in args.sets.split(",") if args.sets else ():
        inputs, gold = all_sets[set_name]
        print(f"== {set_name}")
        for way in args.ways.split(","):
            ex = base
            people, orgs = way.removesuffix("+org"), way.endswith("+org")
            if orgs:
                ex = OrgExtractor(base, tagger)
            if WAYS[people] is not None:
                sentences, confirm = WAYS[people]  # type: ignore[misc]
                if not orgs:
                    ex = Extractor(base.lex, base.divs)
                    ex.seg = base.seg
                ex.people = NerPeopleFinder(base.lex, base.seg, tagger, sentences, confirm)
            extraction = pipeline.Extraction(extractor=ex)
            best = float("inf")
            for _ in range(args.repeat):
                tagger.chars, tagger.seconds = 0, 0.0
                out = Path(tempfile.mkdtemp(prefix=f"{set_name}-{way}-", dir=work))  # no facts cache to reuse
                summary = build(inputs, out, html=False, extraction=extraction)
                best = min(best, summary.seconds["extract"])
            score = evaluate_files(str(gold), str(out / "facts.jsonl"))
            n = summary.articles
            ner = (f"NER read {tagger.chars} chars, {1000 * tagger.seconds / max(n, 1):.1f} ms/article"
                   if way != "off" else "")
            print(f"  {way:13s} {row(score)} | extract {best:.2f} s ({n} articles) {ner}")


if __name__ == "__main__":
    main()
