"""Neo4j load throughput: UNWIND-MERGE over Bolt vs. the neo4j-admin bulk CSV import.

Generates a graph shaped like graph/MODEL.md (union hierarchy, campaigns, events, people, articles,
evidence on every article-level edge) of at least --nodes nodes and --rels relationships, then

1. loads it with ``unionkg.sinks.neo4j.load_graph`` into a fresh local server, twice (the second
   load is the idempotent re-run), and
2. writes it with ``write_neo4j_admin`` and imports it with ``neo4j-admin database import full``
   into an empty database (timed end to end: CSV writing and import),

printing relationships/s for each. Servers come from scripts/neo4j-local (run
scripts/neo4j-local-install once).

    python benchmarks/bench_neo4j_load.py                      # 100k nodes, 500k relationships
    python benchmarks/bench_neo4j_load.py --nodes 20000 --rels 100000
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from unionkg.sinks.neo4j import load_graph
from unionkg.sinks.neo4j_admin import write_neo4j_admin

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


def server(home: Path, heap: str, pagecache: str) -> str:
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(f"server.memory.pagecache.size={pagecache}\n")
    port = free_port()
    subprocess.run([sys.executable, str(SCRIPT), "start", "--data", str(home), "--bolt-port", str(port),
                    "--password", PASSWORD, "--heap", heap], check=True)
    return f"bolt://127.0.0.1:{port}"


def stop(home: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "stop", "--data", str(home)], check=False)


def count(uri: str) -> tuple[int, int]:
    import neo4j

    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", PASSWORD)) as drv:
        nodes = drv.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        rels = drv.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return nodes, rels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--rels", type=int, default=500_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--workdir", type=Path, help="keep the servers' data here (default: a temp dir)")
    opts = parser.parse_args()
    work = opts.workdir or Path(tempfile.mkdtemp(prefix="bench-neo4j-"))
    began = time.monotonic()
    G = generate(opts.nodes, opts.rels)
    n, m = G.number_of_nodes(), G.number_of_edges()
    print(f"graph: {n} nodes, {m} relationships (generated in {time.monotonic() - began:.1f}s)")

    home = work / "merge"
    uri = server(home, opts.heap, opts.pagecache)
    try:
        report = load_graph(G, uri, "neo4j", PASSWORD, batch_size=opts.batch_size)
        assert count(uri) == (n, m), count(uri)
        print(f"UNWIND-MERGE, empty database: {report.seconds:.1f}s, {m / report.seconds:,.0f} relationships/s "
              f"({n / report.seconds:,.0f} nodes/s, batch {opts.batch_size})")
        again = load_graph(G, uri, "neo4j", PASSWORD, batch_size=opts.batch_size)
        assert again.nodes_created == 0 and again.relationships_created == 0
        print(f"UNWIND-MERGE, re-load (no change): {again.seconds:.1f}s, {m / again.seconds:,.0f} relationships/s")
    finally:
        stop(home)

    home = work / "bulk"
    began = time.monotonic()
    export = write_neo4j_admin(G, work / "csv")
    written = time.monotonic() - began
    proc = subprocess.run([sys.executable, str(SCRIPT), "admin", "--data", str(home), "--",
                           *export.arguments("neo4j")], capture_output=True, text=True)
    total = time.monotonic() - began
    if proc.returncode != 0:
        sys.exit(f"neo4j-admin import failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    done = re.search(r"IMPORT DONE in ([^\n.]+)", proc.stdout)
    print(f"neo4j-admin import: {total:.1f}s end to end ({written:.1f}s writing CSV, import reported "
          f"{done.group(1).strip() if done else '?'}), {m / total:,.0f} relationships/s "
          f"({m / (total - written):,.0f} relationships/s for the import alone)")
    uri = server(home, opts.heap, opts.pagecache)
    try:
        assert count(uri) == (n, m), count(uri)
    finally:
        stop(home)
    if opts.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
