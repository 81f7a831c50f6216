"""The model: facts → one ``networkx.MultiDiGraph`` (graph/MODEL.md), and build directories."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import BuildError
from ..extract.facts import facts_json
from .graph import (
    BuildStats,
    FactSource,
    build_graph,
    build_graph_from,
    build_graph_with_merges,
    hierarchy_lines,
)

__all__ = ["FactSource", "build_graph", "build_graph_with_merges", "load_build", "write_build", "write_build_file",
           "write_exports"]


def write_exports(g: nx.MultiDiGraph, out: Path, formats: tuple[str, ...] = ("json", "graphml", "gexf")) -> list[Path]:
    """Write the graph files of ``formats`` into ``out``; GraphML and GEXF in one pass over the graph."""
    from ..sinks._xml import XmlFormat, write_xml
    from ..sinks.files import write_json
    from ..sinks.gexf import GexfFormat
    from ..sinks.graphml import GraphmlFormat

    written = []
    xml: list[XmlFormat] = []
    for fmt in formats:
        if fmt == "json":
            write_json(g, out / "graph.json")
            written.append(out / "graph.json")
        elif fmt == "graphml":
            xml.append(GraphmlFormat(out / "graph.graphml"))
            written.append(out / "graph.graphml")
        elif fmt == "gexf":
            xml.append(GexfFormat(out / "graph.gexf"))
            written.append(out / "graph.gexf")
        elif fmt == "neo4j-admin":
            from ..sinks.neo4j_admin import write_neo4j_admin

            write_neo4j_admin(g, out / "neo4j-admin")
            written.append(out / "neo4j-admin")
        else:
            raise BuildError(f"unknown export format {fmt!r}", hint="use json, graphml, gexf or neo4j-admin")
    if xml:
        write_xml(g, xml)
    return written


def write_build(lines: list[dict[str, Any]], out: Path, *, html: bool = True, explain_merges: bool = False) -> nx.MultiDiGraph:
    """``write_build_file`` for facts held in memory."""
    part = out / "facts.jsonl.part"
    with open(part, "w", encoding="utf-8") as fh:
        for ln in lines:
            if "article" in ln:
                fh.write(facts_json(ln) + "\n")
    return write_build_file(part, out, html=html)[0]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic GC off while the graph stage allocates: its objects stay alive until the end,
    and every collection would walk the whole growing graph (measured: a third of the stage). What
    is left at the end (the graph) goes to the oldest generation: see :func:`promote_survivors`."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            promote_survivors()
            gc.enable()


def promote_survivors() -> None:
    """Move every object the GC tracks to its oldest generation, as ``gc.freeze()`` then
    ``gc.unfreeze()`` do (the documented pair: frozen objects go back to the oldest generation).

    Objects made while the GC was off are all in the youngest generation, and the first collection
    after it is back on would walk each of them (the whole graph: a second on the bench corpus) only
    to find them alive. In the oldest generation they wait for the next full collection, which
    still frees any cycle among them; a graph dropped before then is freed by reference counting
    without being walked at all. Left alone if the process froze objects of its own."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def write_build_file(part: Path, out: Path, *, html: bool = True) -> tuple[nx.MultiDiGraph, BuildStats]:
    """From the article lines in ``part`` (input order): the graph; then facts.jsonl (those lines and
    the hierarchy line), graph.json/.graphml/.gexf, merges.jsonl and graph.html in ``out``."""
    with gc_paused():
        return _write_build_file(part, out, html=html)


def _write_build_file(part: Path, out: Path, *, html: bool) -> tuple[nx.MultiDiGraph, BuildStats]:
    t0 = time.perf_counter()
    g, merges, stats = build_graph_from(FactSource(path=part))
    with open(part, "a", encoding="utf-8") as fh:
        fh.write(facts_json(hierarchy_lines(g, stats.named_together, stats.hierarchy, stats.shown, stats.names_together)) + "\n")
    os.replace(part, out / "facts.jsonl")
    with open(out / "merges.jsonl", "w", encoding="utf-8") as fh:
        for m in sorted(merges, key=lambda m: (m.node, m.article, m.name)):
            fh.write(facts_json({"name": m.name, "article": m.article, "node": m.node, "reason": m.reason}) + "\n")
    with open(out / "campaign_merges.jsonl", "w", encoding="utf-8") as fh:  # why each campaign name is its node
        fh.writelines(facts_json(c.to_dict()) + "\n" for c in stats.campaign_merges)
    t1 = time.perf_counter()
    write_exports(g, out)
    t2 = time.perf_counter()
    if html:
        from ..sinks.html import write_html

        write_html(g, out / "graph.html")
    stats.seconds.update({"graph": t1 - t0, "files": t2 - t1, "page": time.perf_counter() - t2})
    return g, stats


def load_build(build_dir: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """The graph of a build directory (its ``graph.json``)."""
    from ..sinks.files import read_json

    path = Path(build_dir) / "graph.json"
    if not path.exists():
        raise BuildError(f"{build_dir}: no graph.json here", hint="run `unionkg build INPUT -o DIR` first")
    return read_json(path)
