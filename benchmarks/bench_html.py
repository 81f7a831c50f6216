"""Benchmark the pages: the explorer (overview, drill-down, trace) of synthetic builds at 1k, 20k and
100k articles, offline and served, and (``--vis``) the pyvis graph view by graph size.

    .venv/bin/python benchmarks/bench_html.py [--articles 1000,20000,100000] [--work /tmp/ukg-bench-html]
        [--build 20000=/tmp/page-20k ...] [--shots test-artifacts]
    .venv/bin/python benchmarks/bench_html.py --vis [--sizes 1000,5000,20000] [--uncapped]

Explorer: for each build (made with ``unionkg synth`` + ``unionkg build --workers 2`` under
``--work`` when not given with ``--build``) it writes the offline page (``graph.html``), opens it
in headless Chromium at 1600x1000 and prints its size, the time to draw the overview (navigation
start to the page's first drawing), the time to draw a drill-down (a click on the first body of
the overview to its neighbourhood with evidence) and a trace; then it serves the build
(``unionkg serve``) and prints the response times of ``/api/node`` over 40 nodes (the drawn
bodies, the top campaigns and people, and nodes taken through the store in id order), of
``/api/trace`` and ``/api/search``, and the same draw times through the server. Screenshots of
each view go to ``--shots``.

Graphs are synthetic but shaped like the model (graph/MODEL.md): articles mentioning people,
bodies, places and campaigns, one event each, union hierarchy, adoptions. "draw" is the time from
navigation start to vis-network's first ``afterDrawing`` in headless Chromium (/usr/bin/chromium,
scripts/install-chromium.sh); "load" adds parsing of the data. Prints one line per page.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

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


def vis_main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vis", action="store_true")
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


# --- the explorer -----------------------------------------------------------------------------------


def ensure_build(n: int, work: Path) -> Path:
    """A synthetic build of ``n`` articles under ``work`` (made once, reused)."""
    out = work / f"b{n}"
    if (out / "graph.sqlite").exists():
        return out
    work.mkdir(parents=True, exist_ok=True)
    exe = str(Path(sys.executable).with_name("unionkg"))
    corpus = work / f"c{n}.jsonl"
    subprocess.run([exe, "synth", "-n", str(n), "-o", str(corpus), "--seed", "1"], check=True)
    subprocess.run([exe, "build", str(corpus), "-o", str(out), "--workers", "2", "--no-html", "--quiet"], check=True)
    return out


def _timed_view(page: Any, hash_: str, selector: str) -> float:
    """ms from a route change to its view drawn (the selector present)."""
    page.evaluate("window.__t0 = performance.now()")
    page.evaluate(f"location.hash = {hash_!r}")
    page.wait_for_selector(selector, timeout=120_000)
    return float(page.evaluate("performance.now() - window.__t0"))


def browse(url: str, shots: Path | None, tag: str) -> dict[str, float]:
    """Draw times of the overview, a drill-down and a trace (ms), screenshots of each."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url, timeout=120_000)
        page.wait_for_selector("body[data-drawn='1']", timeout=120_000)
        out["overview"] = float(page.evaluate("window.ukgDrawnMs"))
        labels = page.evaluate("Array.from(document.querySelectorAll('#ukg-overview-tree text.ukg-label'))"
                               ".map(t => parseFloat(getComputedStyle(t).fontSize))")
        out["labels"] = len(labels)
        out["min_px"] = min(labels, default=0)
        if shots:
            page.screenshot(path=str(shots / f"bench-{tag}-overview.png"))
        body = page.evaluate("ukgx.data.overview.tree.nodes.slice(-1)[0].id")
        out["drilldown"] = _timed_view(page, "#n=" + quote(body, safe=""), "svg.ukg-hood, .ukg-note")
        out["drilldown_ok"] = float(page.locator("svg.ukg-hood").count())
        if shots:
            page.screenshot(path=str(shots / f"bench-{tag}-drilldown.png"))
        camps = page.evaluate("ukgx.data.overview.campaigns.map(c => [c.id, c.n])")
        embedded = set(page.evaluate("Object.keys(ukgx.data.traces)"))
        served = url.startswith("http")
        pick = next((c for c, n in camps if c in embedded or (served and n <= 400)), camps[-1][0])
        out["trace"] = _timed_view(page, "#c=" + quote(pick, safe=""), "#ukg-cascade, .ukg-note")
        out["trace_ok"] = float(page.locator("#ukg-cascade").count())
        if shots:
            page.screenshot(path=str(shots / f"bench-{tag}-trace.png"))
        out["errors"] = float(len(errors))
        browser.close()
    return out


def api_times(server_url: str, ids: list[str], campaign: str, query: str) -> dict[str, float]:
    """Response times (ms) of the server's routes: neighbourhoods (median, p95, max), a trace, a search."""
    import http.client
    from urllib.parse import quote, urlsplit

    port = urlsplit(server_url).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

    def once(path: str) -> tuple[float, int]:
        t = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        assert r.status == 200, (path, r.status, body[:200])
        return (time.perf_counter() - t) * 1000, len(body)

    node = sorted(once("/api/node?id=" + quote(i, safe=""))[0] for i in ids)
    trace_ms, trace_bytes = once("/api/trace?id=" + quote(campaign, safe=""))
    search = min(once("/api/search?q=" + quote(query, safe=""))[0] for _ in range(3))
    page_ms, page_bytes = once("/")
    conn.close()
    return {"node_median": statistics.median(node), "node_p95": node[int(0.95 * (len(node) - 1))], "node_max": node[-1],
            "trace": trace_ms, "trace_kb": trace_bytes / 1e3, "search": search, "page_ms": page_ms,
            "page_mb": page_bytes / 1e6}


def sample_ids(build: Path, k: int = 40) -> tuple[list[str], str, str]:
    """Nodes to ask for: the overview's bodies, campaigns and people, and nodes spread through the
    store; a mid-ranked campaign; a search word."""
    from unionkg.model import GraphStore
    from unionkg.sinks.explore import overview

    with GraphStore.open(build) as store:
        ov = overview(store)
        ids = [n["id"] for n in ov["tree"]["nodes"][:10]] + [c["id"] for c in ov["campaigns"][:10]]
        ids += [p["id"] for p in ov["people"][:10]]
        total = store.number_of_nodes()
        step = max(1, total // (k - len(ids) + 1))
        ids += [r[0] for r in store.db.execute("SELECT id FROM nodes WHERE seq % ? = 0 LIMIT ?", (step, k - len(ids)))]
        mid = ov["campaigns"][len(ov["campaigns"]) // 2]["id"]
    return ids[:k], mid, "总工会"


def explorer_main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default="1000,20000,100000")
    ap.add_argument("--work", default="/tmp/ukg-bench-html", help="Where synthetic builds are made and kept.")
    ap.add_argument("--build", action="append", default=[], metavar="N=DIR", help="Use an existing build for N articles.")
    ap.add_argument("--shots", default="test-artifacts", help="Folder for screenshots ('' for none).")
    args = ap.parse_args(argv)
    from unionkg.model import GraphStore
    from unionkg.serve import make_server
    from unionkg.sinks.explorer import write_explorer

    given = {int(k): Path(v) for k, v in (b.split("=", 1) for b in args.build)}
    shots = Path(args.shots) if args.shots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {os.getloadavg()[0]:.1f} (cores: {os.cpu_count()})")
    rows = []
    for n in (int(x) for x in args.articles.split(",")):
        build = given.get(n) or ensure_build(n, Path(args.work))
        with GraphStore.open(build) as store:
            nodes = store.number_of_nodes()
            page = build / "bench-graph.html"
            report = write_explorer(store, page, build=str(build))
        tag = f"{n // 1000}k" if n >= 1000 else str(n)
        offline = browse(page.resolve().as_uri(), shots, f"{tag}-offline")
        t = time.perf_counter()
        server = make_server(build, port=0)
        start_s = time.perf_counter() - t
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            ids, mid, query = sample_ids(build)
            api = api_times(server.url, ids, mid, query)
            online = browse(server.url, shots, f"{tag}-served")
        finally:
            server.shutdown()
            server.server_close()
        rows.append((n, nodes, report, offline, start_s, api, online))
        print(f"{n} articles ({nodes} nodes): page {report.bytes / 1e6:.2f} MB written in {report.seconds:.1f} s "
              f"({report.neighbourhoods} neighbourhoods, {report.traces} traces inside); offline draw overview "
              f"{offline['overview'] / 1000:.2f} s ({int(offline['labels'])} labels, smallest {offline['min_px']:.0f} px), "
              f"drill-down {offline['drilldown'] / 1000:.2f} s, trace {offline['trace'] / 1000:.2f} s", flush=True)
    print()
    print(f"{'articles':>8} {'nodes':>7} {'page MB':>7} {'gen s':>6} {'overview s':>10} {'drill s':>7} {'trace s':>7} | "
          f"{'serve start s':>13} {'/ MB':>5} {'node ms med/p95/max':>20} {'trace ms':>8} {'search ms':>9} "
          f"{'overview s':>10} {'drill s':>7} {'trace s':>7}")
    for n, nodes, report, off, start_s, api, on in rows:
        print(f"{n:>8} {nodes:>7} {report.bytes / 1e6:>7.2f} {report.seconds:>6.1f} {off['overview'] / 1000:>10.2f} "
              f"{off['drilldown'] / 1000:>7.2f} {off['trace'] / 1000:>7.2f} | {start_s:>13.1f} {api['page_mb']:>5.2f} "
              f"{api['node_median']:>6.0f}/{api['node_p95']:>5.0f}/{api['node_max']:>6.0f} {api['trace']:>8.0f} "
              f"{api['search']:>9.0f} {on['overview'] / 1000:>10.2f} {on['drilldown'] / 1000:>7.2f} {on['trace'] / 1000:>7.2f}")
    print("(offline drill-down/trace: views held by the page; a view the page does not hold shows how to serve it)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return vis_main(argv) if "--vis" in argv else explorer_main(argv)


if __name__ == "__main__":
    sys.exit(main())
