#!/usr/bin/env python3
"""Scale benchmark: the whole ``unionkg build`` of synthetic corpora of 10k and N articles on 2
workers (wall time, its stages, peak memory of the process tree), ``trace`` of the largest
campaign and ``html --campaign`` on the N-article build (each in a fresh process: time and peak
memory), the speed-up of 2 workers over 1 on a whole build; optionally extraction alone (1 and 2
workers, a local Dask cluster) and a Neo4j load.

    .venv/bin/python benchmarks/bench_scale.py                 # N = 100,000
    .venv/bin/python benchmarks/bench_scale.py --n 20000 --skip-extract --skip-dask
    .venv/bin/python benchmarks/bench_scale.py --neo4j bolt://127.0.0.1:7687   # also load into Neo4j

Prints one line per figure. Memory is the sum over the process tree, sampled every 50 ms, as RSS
(what the operating system reports per process: pages shared between processes count in each)
and as PSS (shared pages divided among their processes: what the tree really holds). Work files
go to --workdir (default: a temporary directory).
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
from dataclasses import dataclass
from pathlib import Path

import psutil

CLI = "import sys; from unionkg.cli import cli; sys.argv[0] = 'unionkg'; cli()"
#: The commands run as a user runs them: with Python's byte-code cache (PYTHONDONTWRITEBYTECODE, set
#: in some development shells, makes every start compile the package again: 0.1 s of a trace).
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Measured:
    seconds: float
    rss: int  # peak, bytes
    pss: int
    stderr: str
    stdout: str

    def memory(self) -> str:
        return f"peak RSS {self.rss / 2**20:.0f} MiB (PSS {self.pss / 2**20:.0f} MiB)"


def tree_memory(proc: psutil.Process, pss: bool) -> tuple[int, int]:
    rss = shared = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            if pss:
                m = p.memory_full_info()
                rss += m.rss
                shared += m.pss
            else:
                rss += p.memory_info().rss
    return rss, shared


def run_measured(cmd: list[str], pss: bool = True, env: dict[str, str] | None = None) -> Measured:
    """Wall seconds and peak memory of ``cmd`` (its process tree), with its output."""
    t = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    proc = psutil.Process(child.pid)
    peak = peak_pss = 0
    out: list[str] = []
    err: list[str] = []
    import threading

    readers = [threading.Thread(target=lambda s, acc: acc.extend(s), args=(child.stdout, out)),
               threading.Thread(target=lambda s, acc: acc.extend(s), args=(child.stderr, err))]
    for r in readers:
        r.start()
    while child.poll() is None:
        rss, shared = tree_memory(proc, pss)
        peak, peak_pss = max(peak, rss), max(peak_pss, shared)
        time.sleep(0.05)
    for r in readers:
        r.join()
    seconds = time.perf_counter() - t
    if child.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{''.join(err)[-2000:]}")
    return Measured(seconds, peak, peak_pss, "".join(err), "".join(out))


def unionkg(*args: str, pss: bool = True) -> Measured:
    return run_measured([sys.executable, "-c", CLI, *args], pss, env=USER_ENV)



def stages(err: str) -> str:
    """The build's own stage times (its ``time:`` line)."""
    return next((line[len("time: "):] for line in err.splitlines() if line.startswith("time: ")), "?")


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
    ap.add_argument("--speedup-n", type=int, default=3_000, help="corpus of the 1-vs-2-workers whole build")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-extract", action="store_true", help="no extraction-alone figures")
    ap.add_argument("--skip-speedup", action="store_true")
    ap.add_argument("--skip-build", action="store_true", help="reuse WORKDIR/build-N")
    ap.add_argument("--neo4j", help="bolt URI of a running Neo4j (scripts/neo4j-local start ...)")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", "unionkg-local"))
    args = ap.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cpus={os.cpu_count()} workdir={work} load average {os.getloadavg()[0]:.1f}"
          + (" (PYTHONDONTWRITEBYTECODE dropped for the commands)" if "PYTHONDONTWRITEBYTECODE" in os.environ else ""))

    from unionkg.synth import synth_corpus

    corpora = {}
    for n in sorted({args.small, args.n, args.speedup_n}):
        path = work / f"c{n}" / "corpus.jsonl"
        t = time.perf_counter()
        corpora[n] = synth_corpus(n, path, seed=args.seed)
        print(f"synth n={n}: {time.perf_counter() - t:.1f}s, {corpora[n].campaigns} campaigns, "
              f"{corpora[n].adoptions} adoptions, {path.stat().st_size / 2**20:.0f} MiB")

    if not args.skip_extract:
        _extraction(args, corpora, work)
    if not args.skip_speedup:
        _speedup(corpora[args.speedup_n].corpus, work)
    peaks = {}
    for n in sorted({args.small, args.n}):
        out = work / f"build-{n}"
        if args.skip_build and (out / "graph.sqlite").exists():
            continue
        m = unionkg("build", str(corpora[n].corpus), "-o", str(out), "--no-html", "--workers", "2")
        peaks[n] = m
        print(f"unionkg build n={n} --workers 2: {m.seconds:.1f}s ({stages(m.stderr)}), {m.memory()}, "
              f"{os.path.getsize(out / 'graph.sqlite') / 2**20:.0f} MiB store, "
              f"{os.path.getsize(out / 'facts.jsonl') / 2**20:.0f} MiB facts")
    if len(peaks) == 2:
        small, big = peaks[args.small], peaks[args.n]
        print(f"peak memory {args.n} / {args.small}: RSS {big.rss / small.rss:.2f}, PSS {big.pss / small.pss:.2f}")
    _reads(args, corpora, work / f"build-{args.n}")


def _extraction(args: argparse.Namespace, corpora: dict, work: Path) -> None:
    big = corpora[args.n].corpus
    rates = {}
    for w in (1, 2):
        m = run_measured(extract_cmd(big, work / f"facts_w{w}.jsonl", w))
        rates[w] = args.n / m.seconds
        print(f"extract alone n={args.n} workers={w}: {m.seconds:.1f}s = {rates[w]:.0f} articles/s, {m.memory()}")
    same = (work / "facts_w1.jsonl").read_bytes() == (work / "facts_w2.jsonl").read_bytes()
    print(f"extraction speed-up 2 workers / 1: {rates[2] / rates[1]:.2f}x (identical output: {same})")
    if not args.skip_dask:
        dask_run(big, work / "dask")


def _speedup(corpus: Path, work: Path) -> None:
    """The whole build (facts, store, page) on 1 and 2 workers, alternated, best of two each."""
    best: dict[int, Measured] = {}
    for _ in range(2):
        for w in (1, 2):
            out = work / f"speedup-w{w}"
            m = unionkg("build", str(corpus), "-o", str(out), "--workers", str(w), pss=False)
            if w not in best or m.seconds < best[w].seconds:
                best[w] = m
            for p in out.iterdir():  # the next run extracts again: no cache
                if p.name == "graph.sqlite":
                    p.unlink()
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    print(f"whole build n={n}: 1 worker {best[1].seconds:.1f}s ({stages(best[1].stderr)}), 2 workers "
          f"{best[2].seconds:.1f}s ({stages(best[2].stderr)}): speed-up {best[1].seconds / best[2].seconds:.2f}x")


def _reads(args: argparse.Namespace, corpora: dict, build_dir: Path) -> None:
    from unionkg.evaluate import evaluate_files
    from unionkg.model import GraphStore

    score = evaluate_files(str(corpora[args.n].gold), str(build_dir / "facts.jsonl"))
    print(f"score vs planted gold: {score.summary()}")
    with GraphStore.open(build_dir) as store:
        (largest, adoptions), = store.db.execute(
            "SELECT e.target, count(*) c FROM edges e JOIN nodes n ON n.id = e.target WHERE e.type = 'IMPLEMENTS' "
            "AND n.label = 'Campaign' GROUP BY e.target ORDER BY c DESC LIMIT 1").fetchall()
    best: dict[str, Measured] = {}
    for _ in range(3):
        for name, cmd in (("trace", ("trace", largest, str(build_dir), "--format", "json")),
                          ("html", ("html", str(build_dir), "-o", str(build_dir / "campaign.html"),
                                    "--campaign", largest))):
            m = unionkg(*cmd)
            if name not in best or m.seconds < best[name].seconds:
                best[name] = m
    tr = json.loads(best["trace"].stdout)
    print(f"trace {largest} ({adoptions} adoptions, {len(tr['cascade'])} adopters) on n={args.n}, fresh process: "
          f"{best['trace'].seconds:.2f}s, {best['trace'].memory()} (best of 3)")
    print(f"html --campaign {largest} on n={args.n}, fresh process: {best['html'].seconds:.2f}s, "
          f"{best['html'].memory()}: {best['html'].stdout.strip()} (best of 3)")
    if args.neo4j:
        from unionkg.model import load_build
        from unionkg.sinks.neo4j import load_graph

        t = time.perf_counter()
        load_graph(load_build(build_dir), args.neo4j, "neo4j", args.neo4j_password)
        print(f"neo4j load: {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main()
