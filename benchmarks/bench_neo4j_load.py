"""Neo4j load throughput: UNWIND batches over Bolt vs. the neo4j-admin bulk import.

Takes a build directory (``--build DIR``, e.g. ``unionkg synth -n 60000`` then ``unionkg build``) or
generates a graph shaped like graph/MODEL.md (``--nodes``/``--rels``), then

1. loads it with ``unionkg.sinks.neo4j.load_graph`` into a fresh local server (an empty database:
   CREATE), for each of ``--batch-sizes``, and again with MERGE only (``--merge-too``);
2. loads it a second time (MERGE: must create nothing);
3. imports it with ``bulk_import`` (CSV streamed from the rows + ``neo4j-admin database import
   full``) into a new database, starts the server on it and creates the schema, each part timed.

It prints relationships/s for each, and the machine's load average (the figures depend on it).
Servers come from scripts/neo4j-local (run scripts/neo4j-local-install once).

    python benchmarks/bench_neo4j_load.py --build /tmp/big/build --heap 4g --pagecache 2g
    python benchmarks/bench_neo4j_load.py --nodes 20000 --rels 100000 --batch-sizes 2000,5000,10000,20000
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from unionkg.sinks.neo4j import create_schema, load_graph
from unionkg.sinks.neo4j_admin import bulk_import
from unionkg.sinks.neo4j_rows import GraphRows, RowSource, StoreRows

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "neo4j-local"
PASSWORD = "bench-password"


def evidence(rng: random.Random, article: str, rule: str) -> list[dict[str, Any]]:
    start = rng.randrange(0, 800)
    sentence = "".join(rng.choices("工会职工学习贯彻落实精神会议主持召开推进服务建设", k=rng.randrange(20, 60)))
    return [{"article": article, "sentence": sentence, "start": start, "end": start + len(sentence),
             "rule": rule, "confidence": round(rng.uniform(0.6, 1.0), 2)}]


def generate(n_nodes: int, n_rels: int, seed: int = 0) -> nx.MultiDiGraph:
    """A MODEL.md-shaped graph with at least N_NODES nodes and N_RELS relationships."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    scale = n_nodes / 100_000

    def node(label: str, key: str, name: str, **props: Any) -> str:
        node_id = f"{label}:{key}"
        G.add_node(node_id, label=label, name=name, articles=props.pop("articles", []),
                   inferred=props.pop("inferred", False), **props)
        return node_id

    def edge(u: str, v: str, rel: str, article: str | None, **props: Any) -> None:
        if article:
            G.add_edge(u, v, key=f"{rel}:{article}", type=rel, article=article,
                       evidence=evidence(rng, article, f"{rel.lower()}.bench.v1"), **props)
        else:
            G.add_edge(u, v, key=rel, type=rel, evidence=[], rule="hierarchy.divisions.v1", **props)

    places = [node("Place", f"{44 + i // 400:02d}{i:04d}", f"地区{i}", level="district", code=f"{i:06d}")
              for i in range(int(3000 * scale))]
    national = node("UnionBody", "中华全国总工会", "中华全国总工会", level="national")
    provinces = [node("UnionBody", f"省{i}总工会", f"省{i}总工会", level="province") for i in range(31)]
    cities = [node("UnionBody", f"市{i}总工会", f"市{i}总工会", level="city") for i in range(int(330 * scale) + 1)]
    districts = [node("UnionBody", f"区{i}总工会", f"区{i}总工会", level="district") for i in range(int(2900 * scale))]
    towns = [node("UnionBody", f"镇{i}总工会", f"镇{i}总工会", level="town") for i in range(int(6000 * scale))]
    bodies = provinces + cities + districts + towns
    for p in provinces:
        edge(p, national, "SUBORDINATE_TO", None)
    for level, uppers in ((cities, provinces), (districts, cities), (towns, districts)):
        for b in level:
            edge(b, rng.choice(uppers), "SUBORDINATE_TO", None)
    for b in bodies:
        edge(b, rng.choice(places), "LOCATED_IN", None)
    orgs = [node("Organization", f"机构{i}", f"机构{i}", kind=rng.choice(["government", "party", "company"]))
            for i in range(int(5000 * scale))]
    campaigns = [node("Campaign", f"工程{i}", f"工程{i}", aliases=[f"“工程{i}”", f"工程{i}行动"], first_date="03-01")
                 for i in range(int(1500 * scale) + 1)]
    laws = [node("Law", f"法{i}", f"法{i}", aliases=[f"《法{i}》"]) for i in range(50)]
    people = [node("Person", f"人{i}@{rng.choice(bodies)}", f"人{i}", aliases=[], affiliations=[])
              for i in range(int(24000 * scale))]
    employers = bodies + orgs
    for p in people:
        edge(p, rng.choice(employers), "HOLDS_POSITION", f"h{p}", title=rng.choice(["主席", "副主席", "书记"]))
    n_articles = int(25000 * scale)
    remaining = n_nodes - G.number_of_nodes()
    n_articles = max(n_articles, remaining // 2)
    for a in range(n_articles):
        aid = f"a{a:07d}"
        date = f"03-{rng.randrange(1, 32):02d}"
        art = node("Article", aid, f"标题{a}", title=f"标题{a}", date=date, source="工人报", page="03",
                   authors=[], articles=[aid])
        ev = node("Event", f"{aid}#1", f"会议{a}", kind="meeting", date=date, title=f"会议{a}", article=aid,
                  articles=[aid])
        organiser = rng.choice(bodies)
        edge(ev, organiser, "HELD_BY", aid)
        edge(rng.choice(people), art, "REPORTED", aid)
        for target in rng.sample(campaigns, 3) + ([rng.choice(laws)] if rng.random() < 0.2 else []):
            edge(organiser, target, "IMPLEMENTS", aid, date=date, mode="implement", event=ev)
        for role in ("CHAIRED", "SPOKE", "ATTENDED"):
            edge(rng.choice(people), ev, role, aid)
        for target in rng.sample(people, 2) + [organiser] + rng.sample(campaigns, 3):
            edge(art, target, "MENTIONS", aid)
    mentionable = people + campaigns + bodies
    for extra in range(max(0, n_rels - G.number_of_edges())):  # top up with mentions of older articles
        a = rng.randrange(n_articles)
        edge(f"Article:a{a:07d}", rng.choice(mentionable), "MENTIONS", f"a{a:07d}x{extra}")
    return G


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server(home: Path, heap: str, pagecache: str, port: int | None = None, gc: str = "parallel") -> str:
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(f"server.memory.pagecache.size={pagecache}\n")
    port = port or free_port()
    subprocess.run([sys.executable, str(SCRIPT), "start", "--data", str(home), "--bolt-port", str(port),
                    "--password", PASSWORD, "--heap", heap, "--gc", gc], check=True, stdout=subprocess.DEVNULL)
    return f"bolt://127.0.0.1:{port}"


def stop(home: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "stop", "--data", str(home)], check=False, stdout=subprocess.DEVNULL)


def count(uri: str) -> tuple[int, int]:
    import neo4j

    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", PASSWORD)) as drv:
        nodes = drv.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        rels = drv.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return nodes, rels


def server_cpu(home: Path) -> float:
    """CPU seconds (user + system, all threads: JIT and GC included) of the server running for HOME."""
    pid = (home / "neo4j-local.pid").read_text().split()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_threads(home: Path) -> dict[str, float]:
    """The server's CPU seconds by kind of thread: the JIT compilers, the Bolt workers (the queries),
    the garbage collector, index population, the rest."""
    pid = (home / "neo4j-local.pid").read_text().split()[0]
    kinds = (("JIT", "CompilerThre"), ("Bolt workers", "BoltWorke"), ("GC", ("GC Thread", "G1 ", "VM Thread")),
             ("index population", "IndexPopu"))
    out = dict.fromkeys([k for k, _ in kinds] + ["other"], 0.0)
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rpartition(")")[2].split()
        except OSError:  # the thread ended
            continue
        kind = next((k for k, marks in kinds if any(m in name for m in ((marks,) if isinstance(marks, str) else marks))),
                    "other")
        out[kind] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def cpu_split(home: Path, server0: float, client0: float, threads0: dict[str, float] | None = None) -> str:
    """The server's and this process's CPU seconds since SERVER0/CLIENT0, the server's by kind of thread
    since THREADS0 (a kind whose thread ended meanwhile counts 0 there: its CPU is in "other")."""
    threads, total = "", server_cpu(home) - server0
    if threads0 is not None:
        now = server_threads(home)
        kinds = {k: max(0.0, now[k] - threads0.get(k, 0.0)) for k in now if k != "other"}
        kinds["other"] = total - sum(kinds.values())
        threads = " (" + ", ".join(f"{k} {v:.1f}s" for k, v in kinds.items()) + ")"
    return f"CPU: server {total:.1f}s{threads}, this client {time.process_time() - client0:.1f}s"


def load_avg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, help="a build directory to load (default: a generated graph)")
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--rels", type=int, default=500_000)
    parser.add_argument("--batch-sizes", default="10000", help="comma-separated rows per transaction to try")
    parser.add_argument("--merge-too", action="store_true", help="also time a MERGE-only load into an empty database")
    parser.add_argument("--no-bolt", action="store_true", help="skip the Bolt loads")
    parser.add_argument("--no-bulk", action="store_true", help="skip the neo4j-admin import")
    parser.add_argument("--reload-after-bulk", action="store_true", help="check that a load after it adds nothing")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--gc", default="parallel", choices=["parallel", "g1"], help="the server's garbage collector")
    parser.add_argument("--workdir", type=Path, help="keep the servers' data here (default: a temp dir)")
    opts = parser.parse_args()
    work = opts.workdir or Path(tempfile.mkdtemp(prefix="bench-neo4j-"))
    began = time.monotonic()
    rows: RowSource
    if opts.build:  # rows streamed from the build's store, as `unionkg load` reads them
        from unionkg.model import GraphStore

        store = GraphStore.open(opts.build)
        rows = StoreRows(store)
        n, m = store.number_of_nodes(), store.number_of_edges()
        what = f"build {opts.build} (rows from its store)"
    else:
        G = generate(opts.nodes, opts.rels)
        rows = GraphRows(G)
        n, m = G.number_of_nodes(), G.number_of_edges()
        what = "generated graph"
    print(f"{what}: {n:,} nodes, {m:,} relationships (read in {time.monotonic() - began:.1f}s); "
          f"{os.cpu_count()} cores, {load_avg()}", flush=True)

    if not opts.no_bolt:
        runs = [(int(b), True) for b in opts.batch_sizes.split(",")]
        if opts.merge_too:
            runs.append((runs[0][0], False))
        for i, (batch, create) in enumerate(runs):
            home = work / f"bolt{i}"
            shutil.rmtree(home, ignore_errors=True)
            uri = server(home, opts.heap, opts.pagecache, gc=opts.gc)
            try:
                before, cpu0 = load_avg(), (server_cpu(home), time.process_time(), server_threads(home))
                report = load_graph(rows, uri, "neo4j", PASSWORD, batch_size=batch, create=create)
                cpu = cpu_split(home, *cpu0)
                assert count(uri) == (n, m), count(uri)
                print(f"UNWIND {'CREATE' if report.fresh else 'MERGE'}, empty database, batch {batch}: "
                      f"{report.data_seconds:.1f}s data ({m / report.data_seconds:,.0f} relationships/s, "
                      f"{(n + m) / report.data_seconds:,.0f} rows/s) + {report.schema_seconds:.1f}s schema "
                      f"+ {report.index_seconds:.1f}s indexes after = {report.seconds:.1f}s "
                      f"({m / report.seconds:,.0f} relationships/s end to end); {cpu}; "
                      f"{before} -> {load_avg()}", flush=True)
                if i == 0:
                    before, cpu0 = load_avg(), (server_cpu(home), time.process_time(), server_threads(home))
                    again = load_graph(rows, uri, "neo4j", PASSWORD, batch_size=batch)
                    cpu = cpu_split(home, *cpu0)
                    assert again.nodes_created == 0 and again.relationships_created == 0, again.summary()
                    assert count(uri) == (n, m)
                    print(f"re-load (MERGE, creates nothing: {again.nodes_created} nodes, "
                          f"{again.relationships_created} relationships): {again.data_seconds:.1f}s data, "
                          f"{m / again.data_seconds:,.0f} relationships/s; {again.seconds:.1f}s in all; {cpu}; "
                          f"{before} -> {load_avg()}", flush=True)
            finally:
                stop(home)
                shutil.rmtree(home, ignore_errors=True)

    if not opts.no_bulk:
        home = work / "bulk"
        shutil.rmtree(home, ignore_errors=True)
        before = load_avg()
        bulk = bulk_import(rows, [sys.executable, str(SCRIPT), "admin", "--data", str(home), "--"], "neo4j")
        print(f"neo4j-admin: {bulk.summary()}; {before} -> {load_avg()}", flush=True)
        began = time.monotonic()
        uri = server(home, opts.heap, opts.pagecache)
        started = time.monotonic() - began
        try:
            schema = create_schema(uri, "neo4j", PASSWORD)
            assert count(uri) == (n, m), count(uri)
            total = bulk.seconds + schema
            print(f"bulk end to end: CSV {bulk.csv_seconds:.1f}s + import {bulk.import_seconds:.1f}s = "
                  f"{bulk.seconds:.1f}s ({m / bulk.seconds:,.0f} relationships/s); then server start {started:.1f}s "
                  f"and schema {schema:.1f}s: {total:.1f}s without the start ({m / total:,.0f} relationships/s)",
                  flush=True)
            if opts.reload_after_bulk:
                again = load_graph(rows, uri, "neo4j", PASSWORD)
                assert again.nodes_created == 0 and again.relationships_created == 0, again.summary()
                print(f"load after the bulk import creates nothing ({again.data_seconds:.1f}s)", flush=True)
        finally:
            stop(home)
    if opts.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
