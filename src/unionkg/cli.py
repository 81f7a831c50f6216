"""The ``unionkg`` command line: a thin click layer over the library.

Each command parses its options and calls one library function; the group turns the library's
``UnionKGError`` into a clean message with its hint and exit status 1, for every command.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from . import __version__
from .errors import UnionKGError


class _Group(click.Group):
    """The command group, with the one error handler of the command line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UnionKGError as err:
            raise click.ClickException(str(err)) from None


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="unionkg")
def cli() -> None:
    """Build knowledge graphs of Chinese trade-union news."""


# --- build / export / eval (lead) -------------------------------------------------------------


def _formats(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """Export formats given as ``--export graphml,gexf`` (or the option repeated)."""
    from .sinks.files import EXPORT_FILES

    out = [f.strip() for v in value for f in v.split(",") if f.strip()]
    bad = [f for f in out if f not in EXPORT_FILES]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: use {', '.join(EXPORT_FILES)}")
    return tuple(dict.fromkeys(out))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Build directory.")
@click.option("--year", type=int, help="Year of dates written without one (3月18日).")
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); a LocalCluster when absent.")
@click.option("--add", is_flag=True, help="Add these inputs to the articles already in the build.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--export", "exports", multiple=True, callback=_formats, metavar="FORMATS",
              help="Also write graph files: json, graphml, gexf, neo4j-admin (comma-separated).")
@click.option("--explain-merges", is_flag=True, help="Print why person mentions became one node.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(inputs: tuple[str, ...], out_dir: str, year: int | None, workers: int, engine: str, scheduler: str | None,
          add: bool, no_html: bool, exports: tuple[str, ...], explain_merges: bool, quiet: bool) -> None:
    """Build a graph from INPUTS (text pages, articles, .jsonl, directories, - for stdin).

    Writes DIR/facts.jsonl, graph.sqlite (the graph store), graph.html and errors.jsonl, and the
    files of --export. The build is written aside and replaces the previous one only when it is
    complete; if an input file cannot be read at all, the previous build is kept. Exits with status
    1 when any input failed (the rest is still built).
    """
    from .pipeline import build as run_build
    from .pipeline import explain_merges as merges

    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="article", desc="extracting", file=sys.stderr)
    try:
        summary = run_build(inputs, out_dir, year=year, workers=workers, engine=engine, scheduler=scheduler,
                            add=add, html=not no_html, exports=exports,
                            progress=(lambda n: bar.update(1)) if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
    for e in summary.errors:
        where = f"{e['source']}:{e['line']}" if e.get("line") else e["source"]
        click.echo(f"error: {where}: {e['error'].split(': ', 1)[-1]}" + (f" ({e['hint']})" if e.get("hint") else ""),
                   err=True)
    if summary.kept:
        click.echo(f"{len(summary.errors)} input(s) could not be read: the previous build in {out_dir} is kept "
                   f"as it was (nothing of this run was written); fix the inputs and run again", err=True)
        sys.exit(1)
    if explain_merges:
        for m in merges(out_dir):
            click.echo(f"{m['name']} in {m['article']} -> {m['node']}: {m['reason']}")
    click.echo(summary.line())
    if not quiet and summary.seconds:
        click.echo("time: " + ", ".join(f"{k} {v:.1f} s" for k, v in summary.seconds.items()), err=True)
    if summary.errors:
        click.echo(f"{len(summary.errors)} input(s) failed; see {out_dir}/errors.jsonl", err=True)
        sys.exit(1)


@cli.command()
@click.argument("build_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "formats", multiple=True, default=("json", "graphml", "gexf"), show_default=True,
              type=click.Choice(["json", "graphml", "gexf", "neo4j-admin"]))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False), help="Where to write (default: BUILD_DIR).")
def export(build_dir: str, formats: tuple[str, ...], out_dir: str | None) -> None:
    """Export an existing build as GraphML, GEXF, node-link JSON or neo4j-admin CSV."""
    from pathlib import Path

    from .model import GraphStore
    from .sinks.files import write_exports

    with GraphStore.open(build_dir) as store:
        target = Path(out_dir or build_dir)
        target.mkdir(parents=True, exist_ok=True)
        for p in write_exports(store, target, formats):
            click.echo(str(p))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("facts", type=click.Path(exists=True, dir_okay=False))
@click.option("--show-errors", is_flag=True, help="List false positives and misses.")
def eval_cmd(gold: str, facts: str, show_errors: bool) -> None:
    """Score FACTS (facts.jsonl) against GOLD: P/R/F1 per type, articles, dates."""
    from .errors import UnionKGError
    from .evaluate import evaluate_files

    try:
        score = evaluate_files(gold, facts)
    except UnionKGError as err:
        raise click.ClickException(str(err)) from None
    if show_errors:
        click.echo("\n".join(score.errors), err=True)
    click.echo(score.report())

# --- neo4j: load / query (issue 5) ------------------------------------------------------------


def _neo4j_options(fn: Any) -> Any:
    """--uri/--user/--password/--database, defaulting to NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE."""
    fn = click.option("--database", envvar="NEO4J_DATABASE", help="Database name (default: the server's).")(fn)
    fn = click.option("--password", envvar="NEO4J_PASSWORD", required=True, help="Password [env NEO4J_PASSWORD].")(fn)
    fn = click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                      help="User name [env NEO4J_USER].")(fn)
    return click.option("--uri", envvar="NEO4J_URI", default="bolt://127.0.0.1:7687", show_default=True,
                        help="Bolt URI [env NEO4J_URI].")(fn)


@cli.command(name="load")
@click.argument("build_dir", type=click.Path(exists=True, file_okay=False))
@_neo4j_options
@click.option("--batch-size", type=click.IntRange(min=1), default=2000, show_default=True, help="Rows per transaction.")
@click.option("--quiet", is_flag=True, help="No progress lines.")
def load_cmd(build_dir: str, uri: str, user: str, password: str, database: str | None, batch_size: int,
             quiet: bool) -> None:
    """Load a build's graph into Neo4j (MERGE: safe to repeat, adds only what is new)."""
    from .errors import UnionKGError
    from .model import load_build
    from .sinks.neo4j import load_graph

    def progress(stage: str, done: int, total: int) -> None:
        if not quiet and done == total:
            click.echo(f"{stage}: {done}", err=True)

    try:
        report = load_graph(load_build(build_dir), uri, user, password, database, batch_size, progress)
    except UnionKGError as err:
        raise click.ClickException(str(err)) from None
    click.echo(report.summary())


@cli.command(name="query")
@click.argument("query_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); JSON values such as 2 or [1,2] are typed.")
@_neo4j_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query_cmd(query_file: str, params: tuple[str, ...], uri: str, user: str, password: str,
              database: str | None, fmt: str) -> None:
    """Run a Cypher file from queries/ (header :param values fill in what -p does not give)."""
    from pathlib import Path

    from .errors import UnionKGError
    from .sinks.neo4j_query import parse_param
    from .sinks.neo4j_query import query_file as run_file

    try:
        values = dict(parse_param(p) for p in params)
        click.echo(run_file(Path(query_file), values, uri, user, password, database, fmt))
    except UnionKGError as err:
        raise click.ClickException(str(err)) from None


# --- html / trace (issue 6) ---------------------------------------------------------------------


@cli.command(name="html")
@click.argument("build_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--out", "out_path", required=True, type=click.Path(dir_okay=False), help="The page to write.")
@click.option("--focus", help="Node id, name or alias: draw only its neighbourhood.")
@click.option("--hops", type=click.IntRange(min=0), default=1, show_default=True, help="Radius of --focus.")
@click.option("--campaign", help="Campaign name or alias: its adopters, events, articles and their superiors.")
@click.option("--top", type=click.IntRange(min=1), help="Draw only the N best-connected nodes.")
@click.option("--max-nodes", type=click.IntRange(min=1), help="Cap on drawn nodes (default 1500, at most 5000).")
def html_cmd(build_dir: str, out_path: str, focus: str | None, hops: int, campaign: str | None,
             top: int | None, max_nodes: int | None) -> None:
    """Write a page of a build (one offline HTML file): the explorer (overview and drill-down, as
    DIR/graph.html), or with --focus, --campaign, --top or --max-nodes a drawn graph view."""
    from .model import GraphStore
    from .sinks.html import DEFAULT_MAX_NODES, write_store_html

    if focus is None and campaign is None and top is None and max_nodes is None:
        from .sinks.explorer import write_explorer

        with GraphStore.open(build_dir) as store:
            page = write_explorer(store, out_path, build=build_dir)
        click.echo(f"{page.path}: explorer, {page.bytes / 1e6:.1f} MB, {page.neighbourhoods} neighbourhoods and "
                   f"{page.traces} traces inside" + ("" if page.complete else
                                                     f"; the rest with `unionkg serve {build_dir}`"))
        return
    with GraphStore.open(build_dir) as store:
        report = write_store_html(store, out_path, focus=focus, hops=hops, campaign=campaign, top=top,
                                  max_nodes=max_nodes or DEFAULT_MAX_NODES)
    click.echo(f"{report.path}: {report.nodes_shown} of {report.nodes_in_view} nodes, {report.edges_shown} edges "
               f"({report.view})")
    if report.left_out:
        left = ", ".join(f"{k} {v}" for k, v in report.left_out.items())
        click.echo(f"left out {report.nodes_left_out} nodes ({left}); use --focus, --campaign or --top", err=True)


@cli.command(name="trace")
@click.argument("campaign")
@click.argument("build_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write an offline timeline page.")
def trace_cmd(campaign: str, build_dir: str, fmt: str, html_path: str | None) -> None:
    """Trace how CAMPAIGN spread through the union hierarchy: adoptions, cascade, lags, coverage."""
    from .analysis.report import report_build

    click.echo(report_build(build_dir, campaign, fmt=fmt, html=html_path), nl=False)


@cli.command(name="serve")
@click.argument("build_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Other than 127.0.0.1, anyone who reaches it can read the build.")
def serve_cmd(build_dir: str, port: int, host: str) -> None:
    """Serve a build's explorer page on a local web server, every neighbourhood and campaign trace
    read from its store on demand (read-only)."""
    from .serve import is_loopback, serve

    if not is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine on port {port} can read "
                   f"this build (read-only, no authentication); use this only on a network you trust", err=True)

    def ready(server: object) -> None:
        click.echo(f"Serving {build_dir} at {getattr(server, 'url', '')} (read-only; Ctrl-C to stop)")

    serve(build_dir, host=host, port=port, ready=ready)


# --- synth (issue 7) ----------------------------------------------------------------------------


@cli.command()
@click.option("-n", "count", type=int, required=True, help="Number of articles.")
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False),
              help="Corpus file (.jsonl); corpus.gold.json and corpus.cascades.json are written beside it.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option("--year", type=int, default=2024, show_default=True, help="Year the articles fall in.")
def synth(count: int, out: str, seed: int, year: int) -> None:
    """Generate a synthetic corpus with planted campaign cascades, its gold and cascade truth."""
    from .errors import UnionKGError
    from .synth import synth_corpus

    try:
        r = synth_corpus(count, out, seed=seed, year=year)
    except UnionKGError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{r.articles} articles, {r.campaigns} campaigns, {r.adoptions} adoptions → {r.corpus}, "
               f"{r.gold.name}, {r.cascades.name}")
