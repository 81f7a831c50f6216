#!/usr/bin/env python3
"""Scale benchmark: synth speed, extraction articles/s (1 and 2 workers, local Dask cluster), peak
RSS of extraction at 10k vs N articles, build time, ``trace`` latency, optional Neo4j load.

    .venv/bin/python benchmarks/bench_scale.py                 # N = 100,000 (about 15 minutes on 2 cores)
    .venv/bin/python benchmarks/bench_scale.py --n 20000 --skip-dask
    .venv/bin/python benchmarks/bench_scale.py --neo4j bolt://127.0.0.1:7687   # also load into Neo4j

Prints one line per figure. Work files go to --workdir (default: a temporary directory).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def run_measured(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes, process tree summed, sampled every 50 ms) of ``cmd``."""
    t = time.perf_counter()
    child = subprocess.Popen(cmd)
    proc = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, tree_rss(proc))
        time.sleep(0.05)
    if child.returncode:
        sys.exit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - t, peak


def extract_cmd(corpus: Path, out: Path, workers: int) -> list[str]:
    code = ("import sys; from unionkg.pipeline import extract_jsonl; "
            "s = extract_jsonl([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3])); "
            "assert not s.errors, s.errors[:3]")
    return [sys.executable, "-c", code, str(corpus), str(out), str(workers)]


def dask_run(corpus: Path, out: Path) -> float:
    from unionkg.pipeline import Extraction
    from unionkg.scale.dask_engine import dask_facts
    from unionkg.scale.stream import iter_jsonl_articles

    t = time.perf_counter()
    n = sum(1 for _ in dask_facts(iter_jsonl_articles(corpus), out, Extraction().facts, workers=2, partition_size=512))
    dt = time.perf_counter() - t
    print(f"dask LocalCluster(2 workers): {n} articles in {dt:.1f}s = {n / dt:.0f} articles/s (incl. cluster start)")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=10_000, help="the smaller corpus of the memory comparison")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--skip-extract", action="store_true", help="only synth, build and trace")
    ap.add_argument("--reuse-build", action="store_true", help="keep WORKDIR/build if it is there")
    ap.add_argument("--neo4j", help="bolt URI of a running Neo4j (scripts/neo4j-local start ...)")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", "unionkg-local"))
    args = ap.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cpus={os.cpu_count()} workdir={work}")

    from unionkg.synth import synth_corpus

    synth_corpus(100, work / "warm.jsonl", seed=args.seed)
    corpora = {}
    for n in sorted({args.small, args.n}):
        t = time.perf_counter()
        r = synth_corpus(n, work / f"c{n}" / "corpus.jsonl", seed=args.seed)
        dt = time.perf_counter() - t
        corpora[n] = r
        print(f"synth n={n}: {dt:.1f}s = {n / dt:.0f} articles/s, {r.campaigns} campaigns, {r.adoptions} adoptions")

    big = corpora[args.n].corpus
    if not args.skip_extract:
        _extraction(args, corpora, big, work)
    if args.skip_build:
        return
    build_dir = work / "build"
    if args.reuse_build and (build_dir / "graph.sqlite").exists():
        print("reusing", build_dir)
    else:
        _build(big, build_dir, args.n)
    _trace_and_load(args, corpora, build_dir)


def _extraction(args: argparse.Namespace, corpora: dict, big: Path, work: Path) -> None:
    rates = {}
    for w in (1, 2):
        dt, peak = run_measured(extract_cmd(big, work / f"facts_w{w}.jsonl", w))
        rates[w] = args.n / dt
        print(f"extract n={args.n} workers={w}: {dt:.1f}s = {rates[w]:.0f} articles/s, peak RSS {peak / 2**20:.0f} MiB")
    same = (work / "facts_w1.jsonl").read_bytes() == (work / "facts_w2.jsonl").read_bytes()
    print(f"speed-up 2 workers / 1: {rates[2] / rates[1]:.2f}x (identical output: {same})")
    if args.small != args.n:
        _, small_peak = run_measured(extract_cmd(corpora[args.small].corpus, work / "facts_small.jsonl", 2))
        _, big_peak = run_measured(extract_cmd(big, work / "facts_big.jsonl", 2))
        print(f"peak RSS extraction (2 workers): {args.small}: {small_peak / 2**20:.0f} MiB, "
              f"{args.n}: {big_peak / 2**20:.0f} MiB, ratio {big_peak / small_peak:.2f}")

    if not args.skip_dask:
        dask_run(big, work / "dask")


def _build(big: Path, build_dir: Path, n: int) -> None:
    code = "import sys; from unionkg.cli import cli; sys.argv[0] = 'unionkg'; cli()"
    args = ["build", str(big), "-o", str(build_dir), "--quiet", "--no-html", "--workers", "2"]
    dt, peak = run_measured([sys.executable, "-c", code, *args])
    print(f"unionkg build n={n} --workers 2: {dt:.1f}s, peak RSS {peak / 2**20:.0f} MiB")


def _trace_and_load(args: argparse.Namespace, corpora: dict, build_dir: Path) -> None:
    from unionkg.analysis.trace import trace
    from unionkg.evaluate import evaluate_files
    from unionkg.model import load_build

    score = evaluate_files(str(corpora[args.n].gold), str(build_dir / "facts.jsonl"))
    print(f"score vs planted gold: {score.summary()}")
    t = time.perf_counter()
    G = load_build(build_dir)
    print(f"load_build: {time.perf_counter() - t:.1f}s ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    planted = json.loads(corpora[args.n].cascades.read_text(encoding="utf-8"))["campaigns"]
    planted.sort(key=lambda c: -len(c["adopters"]))
    times = []
    for c in planted[:10]:
        t = time.perf_counter()
        tr = trace(G, c["name"])
        times.append(time.perf_counter() - t)
        assert tr.adoptions
    print(f"trace latency on n={args.n} (10 largest cascades, up to {len(planted[0]['adopters'])} adopters): "
          f"max {max(times) * 1000:.0f} ms, median {sorted(times)[len(times) // 2] * 1000:.0f} ms")

    if args.neo4j:
        from unionkg.sinks.neo4j import load_graph

        t = time.perf_counter()
        load_graph(G, args.neo4j, "neo4j", args.neo4j_password)
        print(f"neo4j load: {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
