"""Extraction throughput vs a bare jieba segmentation pass, single process.

Generates a synthetic corpus of distinct articles (``unionkg synth``) of at least ``--mb`` MB (about
300 characters and 27 relations per 1,000 characters on average: the seed page's articles average
408 characters, the annotated sets' 250-490, at 28-44 relations per 1,000), then
times, on the same text: ``jieba.lcut`` over every article, extraction alone (ingest + extract),
and the whole ``unionkg build`` (facts, graph files, page). Each is run ``--repeat`` times, the
three alternating so that drift on the machine hits all of them alike, and the best (least) time
of each is reported: articles/s, MB/s (characters/s) and the ratios to jieba, the least CPU
seconds of each (a steadier figure on a machine others load; the load average is printed), the
best build's stage times, and the peak RSS of the runs.

Every run is a fresh process with its dictionaries loaded before the clock starts, as a real
``unionkg build`` is: nothing one run memoises (the extractor's per-process caches) speeds up the
next, and each build writes into a directory of its own (no on-disk facts cache to reuse).

``--baseline SRC`` also times extraction and the whole build of another version of the package
(``SRC``: the ``src`` folder of another checkout, e.g. ``git worktree add /tmp/base 247ecc6`` then
``--baseline /tmp/base/src``) in the same run, alternated with the others, on the same corpus: the
before/after of a change measured in one run.

usage: python benchmarks/bench_extract.py [--mb 5] [--seed 1] [--repeat 3] [--baseline SRC]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("jieba", "extract", "build")
LABELS = {"jieba": "jieba.lcut (bare)", "extract": "extraction (ingest+extract)", "build": "unionkg build (everything)"}


@dataclass
class Run:
    """One timed run of one kind, as the process that ran it saw it."""

    kind: str
    seconds: float
    peak_rss_mb: float
    cpu: float = 0.0  # CPU seconds of the process over the same stretch (less swayed by a loaded machine)
    summary: str = ""
    stages: dict[str, float] = field(default_factory=dict)
    entities: int = 0
    relations: int = 0


def run_one(kind: str, corpus: str, out_dir: str, src: str | None = None) -> Run:
    """Time one run of ``kind`` on ``corpus`` (in the calling process: meant for a fresh one), with
    the package imported from ``src`` where given."""
    if src is not None:
        import sys

        sys.path.insert(0, src)
    if kind == "jieba":
        import jieba

        with open(corpus, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh]
        tok = jieba.Tokenizer()
        tok.initialize()
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            tok.lcut(t)
        return Run(kind, time.perf_counter() - t0, _peak_rss_mb(), time.process_time() - c0)

    from unionkg import pipeline
    from unionkg.ingest import iter_articles

    kwargs: dict[str, Any] = {}
    if hasattr(pipeline, "Extraction"):
        work = pipeline.Extraction()
        work.warm()  # warm-up: load dictionaries outside the timing
        facts: Any = work.facts
        kwargs["extraction"] = work
    else:  # a baseline from before the Extraction class (one extractor per process)
        from unionkg.extract import fact_line

        extractor = getattr(pipeline, "get_extractor")()  # noqa: B009 - absent from this version's pipeline
        extractor.extract(next(a for a in iter_articles([corpus]) if not isinstance(a, Exception)))

        def facts(a: Any) -> Any:
            return fact_line(extractor.extract(a))
    if kind == "extract":
        t0, c0 = time.perf_counter(), time.process_time()
        for a in iter_articles([corpus]):
            if not isinstance(a, Exception):
                facts(a)
        return Run(kind, time.perf_counter() - t0, _peak_rss_mb(), time.process_time() - c0)
    t0, c0 = time.perf_counter(), time.process_time()
    summary = pipeline.build([corpus], out_dir, **kwargs)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    return Run(kind, secs, _peak_rss_mb(), cpu, summary.line(), dict(summary.seconds), summary.entities,
               summary.relations)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_fresh_process(kind: str, corpus: Path, out_dir: Path, src: str | None = None) -> Run:
    """``run_one`` in a new interpreter (spawned, not forked: no state of this one comes along),
    importing the package from ``src`` where given (put first on its path)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(run_one, kind, str(corpus), str(out_dir), src).result()


def make_corpus(path: Path, mb: float, seed: int) -> list[str]:
    """Grow a synthetic corpus until its article text (not the JSON around it) reaches ``mb`` MB;
    its texts."""
    from unionkg.synth.corpus import synth_corpus

    n = 2000
    while True:
        synth_corpus(n, path, seed=seed)
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        size = sum(len(t.encode("utf-8")) for t in texts)
        if size >= mb * 1e6:
            return texts
        n = int(n * mb * 1e6 / size * 1.05) + 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the best one counts)")
    ap.add_argument("--baseline", metavar="SRC", help="also time another version's extraction and build: the "
                    "src folder of another checkout of the package")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.baseline and not (Path(args.baseline) / "unionkg" / "pipeline.py").is_file():
        ap.error(f"--baseline {args.baseline}: no unionkg package there (give the src folder of a checkout)")
    kinds = KINDS + (("base-extract", "base-build") if args.baseline else ())
    tmp = Path(tempfile.mkdtemp(prefix="ukg-bench-"))
    corpus = tmp / "corpus.jsonl"
    texts = make_corpus(corpus, args.mb, args.seed)
    chars = sum(len(t) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} distinct articles, {mb:.2f} MB of text, {chars} characters "
          f"({chars / len(texts):.0f} per article); best of {args.repeat} runs each, alternated, each in a fresh process")

    runs: dict[str, list[Run]] = {k: [] for k in kinds}
    best_dir: Path | None = None
    for i in range(args.repeat):
        for kind in kinds:
            out = tmp / f"build-{i}"
            if kind.startswith("base-"):
                base_out = tmp / f"base-{i}"
                run = in_fresh_process(kind.removeprefix("base-"), corpus, base_out, args.baseline)
                run.kind = kind
                runs[kind].append(run)
                shutil.rmtree(base_out, ignore_errors=True)
                continue
            run = in_fresh_process(kind, corpus, out)
            runs[kind].append(run)
            if kind == "build":  # keep the best build's directory only
                if run is min(runs[kind], key=lambda r: r.seconds):
                    if best_dir is not None:
                        shutil.rmtree(best_dir, ignore_errors=True)
                    best_dir = out
                else:
                    shutil.rmtree(out, ignore_errors=True)

    best = {k: min(rs, key=lambda r: r.seconds) for k, rs in runs.items()}
    t_jieba = best["jieba"].seconds

    def line(name: str, secs: float) -> str:
        return (f"{name:28s} {secs:8.2f} s  {len(texts) / secs:9.1f} articles/s  {mb / secs:6.3f} MB/s  "
                f"{chars / secs:10.0f} chars/s  ratio to jieba {t_jieba / secs:5.2f}")

    for kind in kinds:
        print(line(LABELS.get(kind, f"baseline {kind.removeprefix('base-')}"), best[kind].seconds))
    cpu = {k: min(r.cpu for r in rs) for k, rs in runs.items()}
    print("CPU seconds (least of the runs; ratio to jieba's): " + ", ".join(
        f"{k} {cpu[k]:.2f} s ({cpu['jieba'] / cpu[k]:.2f})" for k in kinds))
    if args.baseline:
        print(f"baseline {args.baseline}: this version's time over the baseline's (wall; CPU): extraction "
              f"{best['extract'].seconds / best['base-extract'].seconds:.2f}; {cpu['extract'] / cpu['base-extract']:.2f}, "
              f"whole build {best['build'].seconds / best['base-build'].seconds:.2f}; "
              f"{cpu['build'] / cpu['base-build']:.2f}")
        print(f"baseline build: {best['base-build'].summary}; stages: "
              + ", ".join(f"{k} {v:.2f} s" for k, v in best["base-build"].stages.items()))
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print("runs: " + "; ".join(f"{k} " + " ".join(f"{r.seconds:.2f}" for r in rs) + " s" for k, rs in runs.items()))
    print(f"build: {best['build'].summary}")
    print(f"facts per 1,000 characters: {best['build'].entities * 1000 / chars:.1f} entities, "
          f"{best['build'].relations * 1000 / chars:.1f} relations")
    print("build stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in best["build"].stages.items()))
    print(f"peak RSS: {max(r.peak_rss_mb for rs in runs.values() for r in rs):.0f} MB")


if __name__ == "__main__":
    main()
