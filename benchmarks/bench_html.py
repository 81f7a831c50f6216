"""Benchmark the HTML page: generation time, file size and headless draw time by graph size.

    .venv/bin/python benchmarks/bench_html.py [--sizes 1000,5000,20000] [--uncapped]

Graphs are synthetic but shaped like the model (graph/MODEL.md): articles mentioning people,
bodies, places and campaigns, one event each, union hierarchy, adoptions. "draw" is the time from
navigation start to vis-network's first ``afterDrawing`` in headless Chromium (/usr/bin/chromium,
scripts/install-chromium.sh); "load" adds parsing of the data. Prints one line per page.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from unionkg.sinks.html import DEFAULT_MAX_NODES, HtmlReport, write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
#: Share of each label among the nodes of a synthetic graph.
SHARES = {"Article": 0.10, "Event": 0.10, "Person": 0.33, "UnionBody": 0.2, "Organization": 0.1,
          "Place": 0.1, "Campaign": 0.05, "Law": 0.02}


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A model-shaped graph of about ``n`` nodes and 2.5 n edges."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    pools: dict[str, list[str]] = {}
    for label, share in SHARES.items():
        ids = [f"{label}:{label[:2]}{i}" for i in range(max(1, int(n * share)))]
        pools[label] = ids
        for i, nid in enumerate(ids):
            G.add_node(nid, label=label, name=f"{label[:2]}{i}", aliases=[], articles=[], inferred=False,
                       level="city" if label in ("UnionBody", "Place") else None,
                       date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}" if label in ("Article", "Event") else None,
                       title=f"{label} {i}")

    def pick(label: str) -> str:
        ids = pools[label]
        return ids[min(len(ids) - 1, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.3 else rng.choice(ids)

    def edge(u: str, v: str, etype: str, art: str | None, date: str | None = None) -> None:
        ev = [{"article": art, "sentence": f"{G.nodes[u]['name']} {etype} {G.nodes[v]['name']}。",
               "start": 0, "end": 4, "rule": "bench.v1", "confidence": 1.0}] if art else []
        G.add_edge(u, v, type=etype, evidence=ev, article=art, date=date)

    bodies = pools["UnionBody"]
    for i, b in enumerate(bodies[1:], 1):
        edge(b, bodies[(i - 1) // 4], "SUBORDINATE_TO", None)
        edge(b, rng.choice(pools["Place"]), "LOCATED_IN", None)
    for art, event in zip(pools["Article"], pools["Event"], strict=False):
        aid = art.split(":", 1)[1]
        date = G.nodes[art]["date"]
        body = pick("UnionBody")
        edge(event, body, "HELD_BY", aid, date)
        edge(pick("Person"), event, "CHAIRED", aid, date)
        edge(pick("Person"), event, "ATTENDED", aid, date)
        edge(body, pick("Campaign"), "IMPLEMENTS", aid, date)
        edge(pick("Person"), body, "HOLDS_POSITION", aid, date)
        for label in ("Person", "Person", "UnionBody", "Place", "Campaign", "Organization", "Law"):
            edge(art, pick(label), "MENTIONS", aid, date)
        edge(art, event, "MENTIONS", aid, date)
    return G


INTERACT_JS = """() => {
  const t0 = performance.now();
  for (let i = 0; i < 3; i++) { ukg.network.redraw(); }
  const t1 = performance.now();
  ukg.state.labels.Person = false; ukg.apply(); ukg.network.redraw();
  ukg.state.labels.Person = true; ukg.apply(); ukg.network.redraw();
  const t2 = performance.now();
  return [(t1 - t0) / 3, (t2 - t1) / 2];
}"""


def measure_draw(paths: list[Path], timeout_s: float = 120.0) -> list[tuple[float | None, float, list[float]]]:
    """(draw ms from navigation start or None on timeout, wall seconds, [redraw ms, filter ms])."""
    from playwright.sync_api import sync_playwright

    out: list[tuple[float | None, float, list[float]]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            try:
                page.goto(path.resolve().as_uri(), timeout=timeout_s * 1000)
                page.wait_for_selector("body[data-drawn='1']", timeout=timeout_s * 1000)
                drawn = float(page.evaluate("window.ukgDrawnMs"))
                wall = time.perf_counter() - started
                out.append((drawn, wall, list(page.evaluate(INTERACT_JS))))
            except Exception:  # noqa: BLE001 - a timeout is a result here
                out.append((None, time.perf_counter() - started, []))
            page.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--uncapped", action="store_true", help="Also draw every node (no cap) for comparison.")
    ap.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="bench_html_"))
    runs: list[tuple[str, int, Path, HtmlReport]] = []
    for n in sizes:
        G = synthetic_graph(n)
        caps = [args.max_nodes] + ([G.number_of_nodes()] if args.uncapped and n > args.max_nodes else [])
        for cap in caps:
            path = tmp / f"g{n}_{cap}.html"
            report = write_html(G, path, max_nodes=cap, title=f"bench {n}")
            runs.append((f"{G.number_of_nodes()}n/{G.number_of_edges()}e", cap, path, report))
    draws = measure_draw([r[2] for r in runs], args.timeout)
    print(f"{'graph':>16} {'cap':>6} {'shown':>6} {'edges':>6} {'gen s':>6} {'MB':>6} {'draw s':>7} {'wall s':>7} {'redraw ms':>9} {'filter ms':>9}")
    for (graph, cap, _, report), (draw_ms, wall, inter) in zip(runs, draws, strict=True):
        draw = f"{draw_ms / 1000:.2f}" if draw_ms is not None else "timeout"
        print(f"{graph:>16} {cap:>6} {report.nodes_shown:>6} {report.edges_shown:>6} "
              f"{report.seconds:>6.2f} {report.bytes / 1e6:>6.2f} {draw:>7} {wall:>7.2f} "
              + (f"{inter[0]:>9.0f} {inter[1]:>9.0f}" if inter else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
