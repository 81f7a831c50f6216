"""``build``: inputs → ``facts.jsonl`` → the graph store → the page, streaming, into a staging
folder that becomes the build only when all of it is written (``builddir``).

Extraction results are reused by content hash: the previous build's store maps the hash of every
record it read to the article, whose line is then copied from the previous ``facts.jsonl`` (no
second copy of the facts is kept), so re-running a build, or adding articles to it (``add=True``),
never extracts an unchanged article twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from .builddir import NOT_INPUTS, STAGING_PREFIX, Staging
from .errors import BuildError, ExtractionError, InputError
from .extract import Extractor, fact_line
from .extract.divisions import Divisions
from .families import Families
from .gc_pause import gc_paused
from .ingest.readers import IngestReport, RawRecord, iter_records, parse_record
from .model import STORE_FILE, FactSource, GraphStore, build_store, hierarchy_lines
from .model.graph import ArticleCensus, Census, WriterPool, article_census
from .types import Article

__all__ = ["BuildSummary", "Extraction", "build", "configure_extraction", "explain_merges", "extract_jsonl",
           "extract_stage", "extractor_fingerprint"]

#: Exports a build writes when asked (``exports=``); ``unionkg export`` writes them later.
EXPORTS = ("json", "graphml", "gexf", "neo4j-admin")


def extractor_fingerprint() -> str:
    """Hash of the code and data the extraction depends on, and of its options: a changed rule, or
    another choice of options, invalidates the cache."""
    ner, disabled = _options()  # other options, other facts
    return _code_fingerprint() + ("+ner" if ner else "") + "".join(f"-{r}" for r in sorted(disabled))


@cache
def _code_fingerprint() -> str:
    h = hashlib.sha1()
    root = Path(__file__).resolve().parent
    for sub in ("ingest", "extract", "data"):
        for f in sorted((root / sub).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".txt", ".tsv"):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class BuildSummary:
    articles: int = 0
    entities: int = 0
    relations: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    cached: int = 0
    nodes: int = 0
    edges: int = 0
    out_dir: str = ""
    skipped: int = 0  # files passed over: outputs of this or another build
    kept: bool = False  # the previous build was kept (this one not committed)
    seconds: dict[str, float] = field(default_factory=dict)  # stage → wall seconds
    duplicates: int = 0  # articles skipped: the same article id as one written before
    ingest: IngestReport = field(default_factory=IngestReport)  # files of other kinds passed over

    def line(self) -> str:
        skipped = "".join(f", {part}" for part in (
            f"{self.duplicates} duplicate article{'s' if self.duplicates != 1 else ''} skipped" if self.duplicates else "",
            f"{self.skipped} build file{'s' if self.skipped != 1 else ''} skipped" if self.skipped else "",
            self.ingest.line()) if part)
        return (f"{self.articles} articles, {self.entities} entities, {self.relations} relations, "
                f"{len(self.errors)} errors ({self.cached} from cache){skipped}; graph: {self.nodes} nodes, "
                f"{self.edges} edges → {self.out_dir}")


#: the extraction's options, as environment variables so that the worker processes of every
#: engine see the same choice: the statistical NER (``unionkg[ner]``) and rules switched off
NER_ENV = "UNIONKG_NER"
DISABLED_ENV = "UNIONKG_DISABLED_RULES"


def configure_extraction(ner: bool = False, disabled: Iterable[str] = ()) -> None:
    """Extract with the optional NER (``build --ner``) and without the ``disabled`` rule ids
    (``build --disable-rule``), in this process and the workers it starts (``Extraction`` reads
    the choice when it makes its extractor)."""
    from .extract.rules import RULES

    unknown = sorted(set(disabled) - RULES)
    if unknown:
        raise BuildError(f"unknown rule id {', '.join(unknown)}", hint="`unionkg rules` lists them")
    for var, value in ((NER_ENV, "1" if ner else ""), (DISABLED_ENV, ",".join(sorted(set(disabled))))):
        if value:
            os.environ[var] = value
        else:
            os.environ.pop(var, None)
    _worker_extraction.cache_clear()


def _options() -> tuple[bool, frozenset[str]]:
    return _parse_options(os.environ.get(NER_ENV, ""), os.environ.get(DISABLED_ENV, ""))


@cache
def _parse_options(ner: str, disabled: str) -> tuple[bool, frozenset[str]]:
    return ner not in ("", "0"), frozenset(x for x in disabled.split(",") if x)


class Extraction:
    """The unit of work of every build, with its own extractor (made on first use): a record in,
    ``("ok", (article id, facts line, census part))`` or ``("error", error dict)`` out. Parsing,
    cleaning, extraction, serialisation and the article's part of the graph stage's census
    (``model.graph.article_census``) all happen here, in the worker when there are several.

    >>> work = Extraction(year=2024)
    >>> kind, (aid, line) = work(article)     # doctest: +SKIP
    """

    def __init__(self, year: int | None = None, extractor: Extractor | None = None) -> None:
        self.year = year
        self._extractor = extractor

    @property
    def extractor(self) -> Extractor:
        """The extractor, made with the configured options (``configure_extraction``)."""
        ner, disabled = _options()
        if self._extractor is None or self._extractor.ner != ner or self._extractor.disabled != disabled:
            self._extractor = Extractor(ner=ner, disabled=disabled)
        return self._extractor

    def release(self) -> None:
        """Drop the extractor (it is made again on next use)."""
        self._extractor = None

    def warm(self) -> None:
        """Load the tables and dictionaries now (before workers are forked, which then share them): the
        segmenter's, and the campaign families' with the place names their cores drop."""
        self.extractor.seg.cut("工会")
        Families.load().core("广东省夏送清凉")

    def facts(self, article: Article) -> dict[str, Any]:
        """The facts line of one article."""
        return fact_line(self.extractor.extract(article))

    def __call__(self, item: Article | RawRecord) -> tuple[str, Any]:
        art = parse_record(item, year=self.year) if isinstance(item, RawRecord) else item
        if isinstance(art, InputError):
            return "error", art.to_dict()
        try:
            facts = self.facts(art)
        except Exception as exc:  # a rule's bug must cost one article, not the build
            err = ExtractionError(f"article {art.id!r} ({art.title[:40]}): the extractor failed: {exc!r}",
                                  source=art.origin,
                                  hint="the article is left out; please report it with this line")
            return "error", err.to_dict()
        divs = (self._extractor or self.extractor).divs  # the one ``facts`` used (no second read of the options)
        return "ok", (art.id, orjson.dumps(facts), article_census(facts, divs))

    def __reduce__(self) -> tuple[Callable[[int | None], Extraction], tuple[int | None]]:
        """Sent to another process (a spawned or Dask worker) as its year: there, one Extraction per
        year is made and kept, so its extractor loads once per worker, not once per task."""
        return _worker_extraction, (self.year,)


@cache
def _worker_extraction(year: int | None) -> Extraction:
    """The Extraction of a worker process (see ``Extraction.__reduce__``)."""
    return Extraction(year)


def article_key(a: Article) -> str:
    h = hashlib.sha1()
    for part in (extractor_fingerprint(), a.id, a.title, a.subtitle or "", a.text, a.date or "", a.source or "",
                 ",".join(a.authors), a.section or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def record_key(item: Article | RawRecord, year: int | None) -> str:
    """Cache key: the extractor's fingerprint and the record's content (its raw JSON line, or the
    split article)."""
    if isinstance(item, RawRecord):
        h = hashlib.sha1(f"{extractor_fingerprint()}\x00{year}\x00".encode())
        h.update(item.text.strip().encode("utf-8"))
        return h.hexdigest()
    return article_key(item)


class FactsCache:
    """The previous build's extractions by content hash: its store maps a key to an article, whose
    line is read from its ``facts.jsonl`` (a seek; nothing is held in memory). ``note`` records
    (key, article) of each line this build writes in the ``cache`` table of its own store
    (``sink``), a batch at a time."""

    BATCH = 8192

    def __init__(self, build_dir: Path | None, sink: GraphStore | None = None) -> None:
        self.store: GraphStore | None = None
        self.fh: BinaryIO | None = None
        self.sink = sink
        self.keys: list[tuple[str, str]] = []  # noted, not yet in the sink
        if build_dir is not None and (build_dir / STORE_FILE).exists() and (build_dir / "facts.jsonl").exists():
            try:
                self.store = GraphStore.open(build_dir)
                self.fh = open(build_dir / "facts.jsonl", "rb")  # noqa: SIM115 - closed in close()
            except (BuildError, OSError):
                self.close()  # an older or damaged build: extract again

    def get(self, key: str) -> bytes | None:
        if self.store is None or self.fh is None:
            return None
        row = self.store.db.execute("SELECT a.id, a.line_start, a.line_end FROM cache c JOIN articles a "
                                    "ON a.id = c.article WHERE c.key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.fh.seek(row[1])
        line = self.fh.read(row[2] - row[1]).rstrip(b"\n")
        return line if line.startswith(b'{"article":{"id":') and _line_id(line) == row[0] else None

    def note(self, key: str, article: str) -> None:
        """This build wrote ``article``'s line, extracted from the record of ``key``."""
        if self.sink is not None:
            self.keys.append((key, article))
            if len(self.keys) >= self.BATCH:
                self.flush()

    def flush(self) -> None:
        """The keys noted into the sink's ``cache`` table."""
        if self.sink is not None and self.keys:
            self.sink.db.executemany("INSERT OR REPLACE INTO cache VALUES (?, ?)", self.keys)
        self.keys.clear()

    def previous_keys(self, articles: set[str]) -> list[tuple[str, str]]:
        """The previous build's (key, article) of ``articles`` (lines an ``add`` carries over)."""
        if self.store is None:
            return []
        return [(k, a) for k, a in self.store.db.execute("SELECT key, article FROM cache") if a in articles]

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.fh is not None:
            self.fh.close()
            self.fh = None


def build(inputs: Iterable[str], out_dir: str | os.PathLike[str], *, year: int | None = None,
          workers: int = 1, engine: str = "local", scheduler: str | None = None, add: bool = False,
          html: bool = True, exports: Iterable[str] = (), extraction: Extraction | None = None,
          progress: Callable[[int], None] | None = None) -> BuildSummary:
    """Build ``out_dir``: facts.jsonl, graph.sqlite (the graph store), errors.jsonl, graph.html, and
    the ``exports`` asked for (``json``, ``graphml``, ``gexf``, ``neo4j-admin``).

    Articles stream from the inputs through extraction into ``facts.jsonl`` in input order; the
    graph is then assembled from that file. ``add`` keeps the articles already in the build. The
    whole build is written into a staging folder and replaces the previous one only at the end; a
    run that raises, or in which an input file could not be read at all while a previous build
    exists, leaves the previous build as it was (``summary.kept``).
    """
    started = time.perf_counter()
    out = Path(out_dir)
    exports = tuple(exports)
    for fmt in exports:
        if fmt not in EXPORTS:
            raise BuildError(f"unknown export format {fmt!r}", hint=f"use {', '.join(EXPORTS)}")
    summary = BuildSummary(out_dir=str(out))
    work = extraction or Extraction(year)
    had_build = (out / "facts.jsonl").exists()
    writers = WriterPool(workers) if workers > 1 else None  # the graph stage's, started while extracting
    with Staging(out) as stage, _closing(writers):
        part = stage.path / "facts.jsonl.part"
        cache = FactsCache(out)
        try:
            store = GraphStore.create(stage.path / STORE_FILE, facts=part)
            cache.sink = store
            census = Census(store)  # the graph stage's first pass, made as the facts are written
            seen_ids: set[str] = set()
            with open(part, "wb") as fh:
                if add and had_build:
                    _carry_over(out / "facts.jsonl", fh, seen_ids, census)
                    for key, aid in cache.previous_keys(seen_ids):
                        cache.note(key, aid)
                records = iter_records(inputs, year=year, report=summary.ingest, exclude=_not_inputs(out, summary))
                if engine == "dask":
                    _extract_dask(records, fh, stage.path, work, scheduler, seen_ids, summary, census)
                else:
                    _extract_stream(records, fh, cache, work, workers, seen_ids, summary, progress, census=census,
                                    writers=writers)
            cache.flush()
        finally:
            cache.close()
        if extraction is None:
            work.release()  # its dictionaries are not needed by the graph stage
        summary.seconds["extract"] = time.perf_counter() - started
        try:
            with gc_paused():
                _graph_stage(part, store, stage.path, summary, html=html, exports=exports, workers=workers,
                             census=census, writers=writers)
        finally:
            store.close()
        with open(stage.path / "errors.jsonl", "w", encoding="utf-8") as efh:
            for e in summary.errors:
                efh.write(json.dumps(e, ensure_ascii=False) + "\n")
        if had_build and any(e.get("line") is None for e in summary.errors):
            summary.kept = True  # an input could not be read: its articles would vanish from the build
        else:
            stage.commit()
    return summary


def _graph_stage(part: Path, store: GraphStore, stage: Path, summary: BuildSummary, *, html: bool,
                 exports: tuple[str, ...], workers: int = 1, census: Census | None = None,
                 writers: WriterPool | None = None) -> None:
    """The store from the facts (on ``workers`` processes), the facts' hierarchy line, then the page
    and the exports asked for."""
    t0 = time.perf_counter()
    stats = build_store(FactSource(path=part), store, workers=workers, census=census, writers=writers)
    with open(part, "ab") as fh:
        fh.write(orjson.dumps(hierarchy_lines(store, stats.named_together, stats.hierarchy, stats.shown,
                                               stats.names_together)) + b"\n")
    os.replace(part, stage / "facts.jsonl")
    store.facts = str(stage / "facts.jsonl")
    summary.articles, summary.entities, summary.relations = stats.articles, stats.entities, stats.relations
    summary.nodes, summary.edges = stats.nodes, stats.edges
    t1 = time.perf_counter()
    summary.seconds["graph"] = t1 - t0
    if html:
        from .sinks.explorer import write_explorer

        write_explorer(store, stage / "graph.html", build=str(stage.parent), workers=workers)
        summary.seconds["page"] = time.perf_counter() - t1
    if exports:
        from .sinks.files import write_exports

        t2 = time.perf_counter()
        write_exports(store, stage, exports)
        summary.seconds["files"] = time.perf_counter() - t2


@contextmanager
def _closing(writers: WriterPool | None) -> Iterator[None]:
    try:
        yield
    finally:
        if writers is not None:
            writers.close()


def _carry_over(facts: Path, fh: BinaryIO, seen_ids: set[str], census: Census) -> None:
    """The article lines of the previous build's facts (``add``), as they are."""
    with open(facts, "rb") as old:
        for line in old:
            if line.startswith(b'{"article"'):
                seen_ids.add(_line_id(line.rstrip(b"\n")))
                fh.write(line if line.endswith(b"\n") else line + b"\n")
                census.add(article_census(orjson.loads(line), Divisions.load()))


def _not_inputs(out: Path, summary: BuildSummary) -> Callable[[Path, bool], str | None]:
    """Why a path is no input of a build into ``out`` (None: it is one): the build directory and
    what is in it, staging folders, and build outputs (facts.jsonl, errors.jsonl …) anywhere.
    Called with ``walked=True`` for what a directory walk finds (those are counted as skipped)."""
    root = out.resolve()

    def check(path: Path, walked: bool) -> str | None:
        p = path.resolve()
        why = None
        if p == root or root in p.parents:
            why = f"{path} is in the build directory {out}: a build never reads its own outputs"
        elif path.name in NOT_INPUTS or path.name.startswith(STAGING_PREFIX):
            why = f"{path} is a build's output, not an input"
        elif path.is_dir() and (path / STORE_FILE).exists():
            why = f"{path} is a build directory: a build's outputs are no input"
        if why and walked and not path.is_dir():
            summary.skipped += 1
        return why

    return check


def _line_id(line: bytes) -> str:
    prefix = b'{"article":{"id":"'
    if line.startswith(prefix):
        end = line.find(b'"', len(prefix))
        if end > 0 and b"\\" not in line[len(prefix):end]:
            return line[len(prefix):end].decode()
    return str(orjson.loads(line)["article"]["id"])


def extract_stage(inputs: Iterable[str], facts_path: str | os.PathLike[str], *, workers: int = 1,
                  year: int | None = None, chunksize: int = 16,
                  extraction: Extraction | None = None) -> BuildSummary:
    """The extraction stage alone: every article's facts line into ``facts_path``, in input order,
    streaming (memory does not grow with the corpus), on ``workers`` processes, no cache."""
    summary = BuildSummary()
    cache = FactsCache(None)
    with open(facts_path, "wb") as fh:
        _extract_stream(iter_records(inputs, year=year, report=summary.ingest), fh, cache, extraction or Extraction(year), workers, set(),
                        summary, None, chunksize=chunksize)
    return summary


def _extract_dask(records: Iterator[Article | InputError | RawRecord], fh: BinaryIO, stage: Path, work: Extraction,
                  scheduler: str | None, seen_ids: set[str], summary: BuildSummary, census: Census) -> None:
    from .scale.dask_engine import dask_facts

    arts = []
    for item in records:
        if isinstance(item, RawRecord):
            item = parse_record(item, year=work.year)
        if isinstance(item, InputError):
            summary.errors.append(item.to_dict())
        elif item.id not in seen_ids:
            seen_ids.add(item.id)
            arts.append(item)
        else:
            summary.duplicates += 1
    divs = Divisions.load()
    for ln in dask_facts(arts, stage, work.facts, scheduler=scheduler):
        fh.write(orjson.dumps(ln) + b"\n")
        summary.articles += 1
        census.add(article_census(ln, divs))


def _extract_stream(records: Iterator[Article | InputError | RawRecord], fh: BinaryIO, cache: FactsCache,
                    work: Extraction, workers: int, seen_ids: set[str], summary: BuildSummary,
                    progress: Callable[[int], None] | None, chunksize: int = 16, census: Census | None = None,
                    writers: WriterPool | None = None) -> None:
    """Extract what the cache lacks (on ``workers`` processes) and write every article's line in
    input order, once per article id; each line written adds its part to ``census``. The graph
    stage's ``writers`` start once there are articles enough for them."""
    markers: deque[tuple[str, bytes | None]] = deque()
    year = work.year

    def emit(line: bytes, aid: str, key: str, part: ArticleCensus | None = None) -> None:
        if aid not in seen_ids:  # the same article twice in the inputs: kept once
            seen_ids.add(aid)
            fh.write(line + b"\n")
            cache.note(key, aid)
            summary.articles += 1
            if census is not None:
                census.add(part if part is not None else article_census(orjson.loads(line), Divisions.load()))
            if writers is not None:
                writers.note(summary.articles)
        else:
            summary.duplicates += 1

    def todo() -> Iterator[Article | RawRecord]:
        for r in records:
            if isinstance(r, InputError):
                summary.errors.append(r.to_dict())
                continue
            if isinstance(r, Article) and r.id in seen_ids:
                summary.duplicates += 1
                continue
            key = record_key(r, year)
            hit = cache.get(key)
            if hit is not None:
                summary.cached += 1
                if not markers:  # nothing pending before it: write now, hold nothing
                    emit(hit, _line_id(hit), key)
                    continue
            markers.append((key, hit))
            if hit is None:
                yield r

    if workers > 1:
        from .scale.parallel import imap_ordered

        work.warm()  # load tables and dictionaries once; forked workers share them
        results: Iterator[tuple[str, Any]] = imap_ordered(work, todo(), workers, chunksize=chunksize)
    else:
        results = map(work, todo())
    done = 0
    for kind, payload in results:
        while markers:
            key, hit = markers.popleft()
            if hit is not None:
                emit(hit, _line_id(hit), key)
                continue
            if kind == "error":
                summary.errors.append(payload)
            else:
                aid, line, part = payload
                emit(line, aid, key, part)
                done += 1
                if progress is not None:
                    progress(done)
            break
    while markers:
        key, hit = markers.popleft()
        assert hit is not None
        emit(hit, _line_id(hit), key)


def extract_jsonl(paths: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str], *, workers: int = 1,
                  chunksize: int = 64, year: int | None = None) -> BuildSummary:
    """Write the facts lines of the JSONL ``paths`` to ``out``, in input order (``extract_stage``)."""
    return extract_stage([os.fspath(p) for p in paths], out, workers=workers, year=year, chunksize=chunksize)


def explain_merges(build_dir: str | os.PathLike[str]) -> Iterator[dict[str, str]]:
    """Why each person mention became the node it did: ``{name, article, node, reason}`` rows of
    the build's store, by node, article and name."""
    with GraphStore.open(build_dir) as store:
        yield from ({"name": n, "article": a, "node": node, "reason": r} for a, n, node, r in store.db.execute(
            "SELECT article, name, node, reason FROM merges ORDER BY node, article, name"))

