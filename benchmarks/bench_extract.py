"""Extraction throughput vs a bare jieba segmentation pass, single process.

Generates a synthetic corpus of distinct articles (``unionkg synth``) of at least ``--mb`` MB, then
times, on the same text in the same run: ``jieba.lcut`` over every article, extraction alone
(ingest + extract), and the whole ``unionkg build`` (facts, graph files, page). Prints
articles/s, MB/s (characters/s) and the ratios to jieba, and peak RSS.

usage: python benchmarks/bench_extract.py [--mb 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import jieba

from unionkg.ingest import iter_articles
from unionkg.pipeline import build, extract_facts, get_extractor
from unionkg.synth.corpus import synth_corpus


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ukg-bench-"))
    corpus = tmp / "corpus.jsonl"
    n = 2000
    while True:  # grow the corpus until its article text (not the JSON around it) reaches --mb
        synth_corpus(n, corpus, seed=args.seed)
        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
        size = sum(len(t.encode("utf-8")) for t in texts)
        if size >= args.mb * 1e6:
            break
        n = int(n * args.mb * 1e6 / size * 1.05) + 1
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} distinct articles, {mb:.2f} MB of text, {chars} characters")

    tok = jieba.Tokenizer()
    tok.initialize()
    t0 = time.perf_counter()
    for t in texts:
        tok.lcut(t)
    t_jieba = time.perf_counter() - t0

    get_extractor().seg.cut("工会")  # warm-up: load dictionaries outside the timing
    t0 = time.perf_counter()
    arts = 0
    for a in iter_articles([str(corpus)]):
        if not isinstance(a, Exception):
            extract_facts(a)
            arts += 1
    t_extract = time.perf_counter() - t0

    t0 = time.perf_counter()
    summary = build([str(corpus)], tmp / "build")
    t_build = time.perf_counter() - t0

    def line(name: str, secs: float) -> str:
        return (f"{name:28s} {secs:8.2f} s  {len(texts) / secs:9.1f} articles/s  {mb / secs:6.3f} MB/s  "
                f"{chars / secs:10.0f} chars/s  ratio to jieba {t_jieba / secs:5.2f}")

    print(line("jieba.lcut (bare)", t_jieba))
    print(line("extraction (ingest+extract)", t_extract))
    print(line("unionkg build (everything)", t_build))
    print(f"build: {summary.line()}")
    print("build stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in summary.seconds.items()))
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
