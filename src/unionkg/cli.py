"""The ``unionkg`` command line: a thin click layer over the library.

Each command parses its options and calls one library function; the group turns the library's
``UnionKGError`` into a clean message with its hint and exit status 1, for every command.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

import click

from . import __version__
from .errors import UnionKGError
from .gc_pause import gc_paused

#: Years a --year may name (news of the unions' century; typos such as 20245 or 99999 are refused).
YEAR_MIN, YEAR_MAX = 1900, 2100
#: Upper bound of --workers (processes on one machine).
MAX_WORKERS = 256


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
@click.option("--year", type=click.IntRange(YEAR_MIN, YEAR_MAX), help="Year of dates written without one (3月18日).")
@click.option("--workers", type=click.IntRange(1, MAX_WORKERS), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); a LocalCluster when absent.")
@click.option("--add", is_flag=True, help="Add these inputs to the articles already in the build.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--export", "exports", multiple=True, callback=_formats, metavar="FORMATS",
              help="Also write graph files: json, graphml, gexf, neo4j-admin (comma-separated).")
@click.option("--explain-merges", is_flag=True, help="Print why person mentions became one node.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--ner", is_flag=True, help="Complete the rules' people with the statistical NER "
              "(pip install 'unionkg[ner]'; ~6x slower, docs/ner.md).")
@click.option("--disable-rule", "disabled", multiple=True, metavar="ID",
              help="Switch an extraction rule off (repeatable; `unionkg rules` lists them).")
def build(inputs: tuple[str, ...], out_dir: str, year: int | None, workers: int, engine: str, scheduler: str | None,
          add: bool, no_html: bool, exports: tuple[str, ...], explain_merges: bool, quiet: bool, ner: bool,
          disabled: tuple[str, ...]) -> None:
    """Build a graph from INPUTS (text pages, articles, .jsonl, directories, - for stdin).

    Writes DIR/facts.jsonl, graph.sqlite (the graph store), graph.html and errors.jsonl, and the
    files of --export. The build is written aside and replaces the previous one only when it is
    complete; if an input file cannot be read at all, the previous build is kept. Exits with status
    1 when any input failed (the rest is still built).
    """
    from .outputs import check_output_dir
    from .pipeline import Extraction, configure_extraction
    from .pipeline import build as run_build
    from .pipeline import explain_merges as merges

    check_output_dir(out_dir, "-o")
    configure_extraction(ner=ner, disabled=disabled)
    work = Extraction(year)
    if ner:
        work.extractor  # noqa: B018 - a missing extra is said before any work
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="article", desc="extracting", file=sys.stderr)
    try:
        summary = run_build(inputs, out_dir, year=year, workers=workers, engine=engine, scheduler=scheduler,
                            add=add, html=not no_html, exports=exports, extraction=work if ner else None,
                            progress=(lambda n: bar.update(1)) if bar is not None else None)
    finally:
        configure_extraction()  # the options were this build's, not the process's
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

    from .model import GraphStore
    from .outputs import check_output_dir, writing
    from .sinks.files import write_exports

    target = check_output_dir(out_dir or build_dir, "-o" if out_dir else "BUILD_DIR")
    with GraphStore.open(build_dir) as store, writing(target):
        target.mkdir(parents=True, exist_ok=True)
        for p in write_exports(store, target, formats):
            click.echo(str(p))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("facts", type=click.Path(exists=True, dir_okay=False))
@click.option("--show-errors", is_flag=True, help="List false positives and misses.")
def eval_cmd(gold: str, facts: str, show_errors: bool) -> None:
    """Score FACTS (facts.jsonl) against GOLD: P/R/F1 per type, articles, dates."""
    from .evaluate import evaluate_files

    score = evaluate_files(gold, facts)
    if show_errors:
        click.echo("\n".join(score.errors), err=True)
    click.echo(score.report())

# --- neo4j: load / query (issue 5) ------------------------------------------------------------


def _neo4j_options(fn: Any, password_required: bool = True) -> Any:
    """--uri/--user/--password/--database/--verbose, defaulting to NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE."""
    fn = click.option("--verbose", is_flag=True, help="Show the Neo4j driver's own log on stderr.")(fn)
    fn = click.option("--database", envvar="NEO4J_DATABASE", help="Database name (default: the server's).")(fn)
    fn = click.option("--password", envvar="NEO4J_PASSWORD", required=password_required,
                      help="Password [env NEO4J_PASSWORD].")(fn)
    fn = click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                      help="User name [env NEO4J_USER].")(fn)
    return click.option("--uri", envvar="NEO4J_URI", default="bolt://127.0.0.1:7687", show_default=True,
                        help="Bolt URI [env NEO4J_URI].")(fn)


def _driver_log(verbose: bool) -> None:
    """The driver's log on stderr with --verbose; otherwise nowhere (not Python's last-resort stderr)."""
    import logging

    log = logging.getLogger("neo4j")
    log.handlers.clear()
    log.propagate = False
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.DEBUG)
    else:
        log.addHandler(logging.NullHandler())


class _LoadBar:
    """The load's progress: a bar (rows, rate, ETA) on a terminal, a line per finished stage elsewhere."""

    def __init__(self, quiet: bool) -> None:
        self.quiet, self.shown = quiet, 0
        self.bar: Any = None
        self.tty = sys.stderr.isatty()
        self.waiting = ""

    def __call__(self, p: Any) -> None:
        if self.quiet:
            return
        if p.stage == "wait":
            if p.message != self.waiting:
                self.waiting = p.message
                (self.bar.write if self.bar is not None else lambda m: click.echo(m, err=True))(f"waiting: {p.message}")
            return
        if not self.tty:
            if p.stage != "schema" and p.done == p.total:
                click.echo(f"{p.stage}: {p.done}", err=True)
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=p.rows_total, unit=" rows", unit_scale=True, file=sys.stderr, dynamic_ncols=True,
                            desc="schema")
        self.bar.set_description(p.stage, refresh=False)
        self.bar.update(p.rows_done - self.shown)
        self.shown = p.rows_done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _CsvBar:
    """Progress of --bulk's CSV files, as a bar on a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.bar: Any = None
        self.on = not quiet and sys.stderr.isatty()
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.on:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" rows", unit_scale=True, file=sys.stderr, desc="CSV for neo4j-admin")
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@cli.command(name="load")
@click.argument("build_dir", type=click.Path(exists=True, file_okay=False))
@functools.partial(_neo4j_options, password_required=False)
@click.option("--batch-size", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows per transaction.")
@click.option("--quiet", is_flag=True, help="No progress bar or lines.")
@click.option("--schema-only", is_flag=True, help="Only create the constraints and indexes (e.g. after --bulk).")
@click.option("--bulk", is_flag=True,
              help="Import with neo4j-admin into a stopped server's new (or --overwrite) database: fastest first load.")
@click.option("--neo4j-admin", "admin", envvar="NEO4J_ADMIN", default="neo4j-admin", show_default=True,
              help="With --bulk: the command that runs neo4j-admin, e.g. "
                   "\"scripts/neo4j-local admin --data DIR --\" [env NEO4J_ADMIN].")
@click.option("--overwrite", is_flag=True, help="With --bulk: replace the database (everything in it is deleted).")
@click.option("--csv-dir", type=click.Path(file_okay=False), help="With --bulk: keep the CSV files here.")
def load_cmd(build_dir: str, uri: str, user: str, password: str | None, database: str | None, verbose: bool,
             batch_size: int, quiet: bool, schema_only: bool, bulk: bool, admin: str, overwrite: bool,
             csv_dir: str | None) -> None:
    """Load a build's graph into Neo4j (safe to repeat: adds only what is new).

    Over Bolt, rows stream in batches of one transaction each: CREATEd into an empty database,
    MERGEd otherwise. With --bulk, neo4j-admin imports them while the server is stopped; start it
    and run `load BUILD_DIR --schema-only` to create the constraints and indexes.
    """
    import shlex

    from .model import GraphStore

    _driver_log(verbose)
    if bulk and schema_only:
        raise click.UsageError("--bulk and --schema-only do not go together: import first, then create the schema")
    if not bulk and not password:
        raise click.MissingParameter(param_hint="'--password'", param_type="option")
    if (overwrite or csv_dir) and not bulk:
        raise click.UsageError("--overwrite and --csv-dir go with --bulk")
    if bulk:
        from .sinks.neo4j_admin import bulk_import

        rows_bar = _CsvBar(quiet)
        try:
            with GraphStore.open(build_dir) as store:
                report = bulk_import(store, shlex.split(admin), database or "neo4j", csv_dir, overwrite,
                                     progress=rows_bar)
        finally:
            rows_bar.close()
        click.echo(report.summary())
        click.echo("next: start the server, then `unionkg load "
                   f"{shlex.quote(build_dir)} --schema-only` creates the constraints and indexes", err=True)
        return
    from .sinks.neo4j import create_schema, load_graph

    assert password is not None
    if schema_only:
        seconds = create_schema(uri, user, password, database)
        click.echo(f"schema created in {uri} database {database or '(default)'} in {seconds:.1f}s")
        return
    bar = _LoadBar(quiet)
    try:
        with GraphStore.open(build_dir) as store:
            result = load_graph(store, uri, user, password, database, batch_size, bar)
    finally:
        bar.close()
    click.echo(result.summary())


class _QueryCommand(click.Command):
    """``query FILE --help`` also lists the parameters FILE takes, from its header."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if any(a in ("--help", "-h") for a in args):
            opts, _rest, _order = self.make_parser(ctx).parse_args(args=list(args))
            path = opts.get("query_file")
            ctx.meta["unionkg.query_file"] = path if isinstance(path, str) else None
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help(ctx, formatter)
        path = ctx.meta.get("unionkg.query_file")
        if not path:
            return
        from pathlib import Path

        from .errors import UnionKGError
        from .sinks.neo4j_query import read_query_file

        try:
            query = read_query_file(Path(path))
        except UnionKGError as err:
            formatter.write_paragraph()
            formatter.write_text(str(err))
            return
        with formatter.section(f"Query {path}"):
            formatter.write_text(query.description)
        with formatter.section("Its parameters (-p NAME=VALUE)"):
            formatter.write_dl(query.param_help() or [("(none)", "")])


def _excel_option(fn: Any) -> Any:
    return click.option("--excel", is_flag=True,
                        help="CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends (implies --format csv).")(fn)


def _csv_format(ctx: click.Context, fmt: str, excel: bool) -> str:
    """--excel means CSV; with another --format given explicitly it is a usage error."""
    if not excel:
        return fmt
    if fmt != "csv" and ctx.get_parameter_source("fmt") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError(f"--excel writes CSV; drop --format {fmt} or use --format csv")
    return "csv"


def _echo(text: str, excel: bool, nl: bool = True) -> None:
    """Text to stdout; ``excel`` output as UTF-8 bytes whatever the terminal's encoding."""
    if excel:
        click.echo((text + ("\r\n" if nl else "")).encode("utf-8"), nl=False)
    else:
        click.echo(text, nl=nl)


@cli.command(name="query", cls=_QueryCommand)
@click.argument("query_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); JSON values such as 2 or [1,2] are typed.")
@_neo4j_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_excel_option
@click.pass_context
def query_cmd(ctx: click.Context, query_file: str, params: tuple[str, ...], uri: str, user: str, password: str,
              database: str | None, verbose: bool, fmt: str, excel: bool) -> None:
    """Run a Cypher file from queries/ (header :param values fill in what -p does not give).

    A parameter the file does not take is refused; `unionkg query FILE --help` lists the file's
    parameters and what they mean.
    """
    from pathlib import Path

    from .sinks.neo4j_query import parse_param
    from .sinks.neo4j_query import query_file as run_file

    fmt = _csv_format(ctx, fmt, excel)
    _driver_log(verbose)
    values = dict(parse_param(p) for p in params)
    _echo(run_file(Path(query_file), values, uri, user, password, database, fmt, excel=excel), excel)


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
    from .outputs import check_output_file
    from .sinks.html import DEFAULT_MAX_NODES, write_store_html

    check_output_file(out_path, "-o")
    if focus is None and campaign is None and top is None and max_nodes is None:
        from .sinks.explorer import write_explorer

        with GraphStore.open(build_dir) as store, gc_paused():
            page = write_explorer(store, out_path, build=build_dir)
        click.echo(f"{page.path}: explorer, {page.bytes / 1e6:.1f} MB, {page.neighbourhoods} neighbourhoods and "
                   f"{page.traces} traces inside" + ("" if page.complete else
                                                     f"; the rest with `unionkg serve {build_dir}`"))
        return
    with GraphStore.open(build_dir) as store, gc_paused():
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
@_excel_option
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write an offline timeline page.")
@click.option("--explain", is_flag=True, help="Say why the campaign's names are one campaign, and stop.")
@click.pass_context
def trace_cmd(ctx: click.Context, campaign: str, build_dir: str, fmt: str, excel: bool, html_path: str | None,
              explain: bool) -> None:
    """Trace how CAMPAIGN (any of its names) spread through the union hierarchy: adoptions, waves,
    cascade, lags, coverage, co-carriers."""
    from .analysis.report import check_format, explain_build, render, trace_build
    from .outputs import check_output_file

    fmt = _csv_format(ctx, fmt, excel)
    if explain:
        click.echo(explain_build(build_dir, campaign), nl=False)
        return
    check_format(fmt)
    if html_path is not None:
        check_output_file(html_path, "--html")  # before the work
    with gc_paused():
        t = trace_build(build_dir, campaign)
        if html_path is not None:
            from .sinks.trace_page import write_trace_html

            write_trace_html(t, html_path)
        if fmt == "json":  # orjson's UTF-8 as it is, not decoded and encoded again (9 MB for a big campaign)
            from .analysis.trace_render import json_bytes

            click.echo(json_bytes(t), nl=False)
        else:
            _echo(render(t, fmt, excel=excel), excel, nl=False)
        del t  # freed while the collector is off: else its first pass after would walk every record


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
@click.option("--year", type=click.IntRange(YEAR_MIN, YEAR_MAX), default=2024, show_default=True,
              help="Year the articles fall in.")
def synth(count: int, out: str, seed: int, year: int) -> None:
    """Generate a synthetic corpus with planted campaign cascades, its gold and cascade truth."""
    from .outputs import check_output_file
    from .synth import synth_corpus

    check_output_file(out, "-o")
    r = synth_corpus(count, out, seed=seed, year=year)
    click.echo(f"{r.articles} articles, {r.campaigns} campaigns, {r.adoptions} adoptions → {r.corpus}, "
               f"{r.gold.name}, {r.cascades.name}")


# --- rules (issue 12) ---------------------------------------------------------------------------


@cli.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--stage", help="Only the rules of this stage (ingest, campaigns, places, bodies, people, …).")
def rules_cmd(fmt: str, stage: str | None) -> None:
    """List the extraction rules: id, stage, what each emits and an example that fires it."""
    import json

    from .extract.rules import registry

    rows = [r for r in registry() if stage is None or r.stage == stage]
    if fmt == "json":
        click.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1))
        return
    for r in rows:
        click.echo(f"{r.id:32s} {r.stage:11s} {r.emits:15s} {r.example}  →  {r.expected}")
