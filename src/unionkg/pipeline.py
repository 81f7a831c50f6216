"""``build``: inputs → ``facts.jsonl`` → graph → files, in one streaming pass.

Extraction results are cached by content hash in ``DIR/cache.jsonl``, so re-running a build, or
adding articles to it (``add=True``), never extracts an unchanged article twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .errors import BuildError, ExtractionError, InputError
from .extract import Extractor, fact_line
from .extract.facts import facts_json
from .ingest import iter_articles
from .ingest.readers import IngestReport, RawRecord, iter_records, parse_record
from .types import Article

_EXTRACTOR: Extractor | None = None
_FINGERPRINT: str | None = None


def extractor_fingerprint() -> str:
    """Hash of the code and data the extraction depends on: a changed rule invalidates the cache."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        h = hashlib.sha1()
        root = Path(__file__).resolve().parent
        for sub in ("ingest", "extract", "data"):
            for f in sorted((root / sub).rglob("*")):
                if f.is_file() and f.suffix in (".py", ".txt", ".tsv"):
                    h.update(f.name.encode())
                    h.update(f.read_bytes())
        _FINGERPRINT = h.hexdigest()[:16]
    ner, disabled = _options()  # other options, other facts
    return _FINGERPRINT + ("+ner" if ner else "") + "".join(f"-{r}" for r in sorted(disabled))


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
    seconds: dict[str, float] = field(default_factory=dict)  # stage → wall seconds
    duplicates: int = 0  # articles skipped: the same article id as one written before
    ingest: IngestReport = field(default_factory=IngestReport)  # files passed over

    def line(self) -> str:
        skipped = "".join(f", {part}" for part in (
            f"{self.duplicates} duplicate article{'s' if self.duplicates != 1 else ''} skipped" if self.duplicates else "",
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
    (``build --disable-rule``), in this process and the workers it starts."""
    global _EXTRACTOR
    from .extract.rules import RULES

    unknown = sorted(set(disabled) - RULES)
    if unknown:
        raise BuildError(f"unknown rule id {', '.join(unknown)}", hint="`unionkg rules` lists them")
    for var, value in ((NER_ENV, "1" if ner else ""), (DISABLED_ENV, ",".join(sorted(set(disabled))))):
        if value:
            os.environ[var] = value
        else:
            os.environ.pop(var, None)
    _EXTRACTOR = None


def _options() -> tuple[bool, frozenset[str]]:
    disabled = os.environ.get(DISABLED_ENV, "")
    return (os.environ.get(NER_ENV, "") not in ("", "0"),
            frozenset(x for x in disabled.split(",") if x))


def get_extractor() -> Extractor:
    """One extractor per process (workers build their own), with the configured options."""
    global _EXTRACTOR
    ner, disabled = _options()
    if _EXTRACTOR is None or _EXTRACTOR.ner != ner or _EXTRACTOR.disabled != disabled:
        _EXTRACTOR = Extractor(ner=ner, disabled=disabled)
    return _EXTRACTOR


def extract_facts(article: Article) -> dict[str, Any]:
    """The facts line of one article (the unit of work of parallel and distributed builds)."""
    return fact_line(get_extractor().extract(article))


def article_key(a: Article) -> str:
    h = hashlib.sha1()
    for part in (extractor_fingerprint(), a.id, a.title, a.subtitle or "", a.text, a.date or "", a.source or "",
                 ",".join(a.authors), a.section or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


class FactsCache:
    """Extraction results by content hash, on disk (``KEY<TAB>JSON`` lines) with an in-memory
    offset index: a cached article costs a seek, and memory does not grow with the corpus."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index: dict[str, int] = {}
        if path.exists():
            with open(path, "rb") as fh:
                while True:
                    pos = fh.tell()
                    raw = fh.readline()
                    if not raw:
                        break
                    key, tab, rest = raw.partition(b"\t")
                    if tab and rest.endswith(b"}\n"):  # a torn last line is simply not indexed
                        self.index[key.decode()] = pos
        self._read = open(path, "rb") if path.exists() else None  # noqa: SIM115 - closed in close()
        self._write = open(path, "ab")  # noqa: SIM115 - closed in close()

    def get(self, key: str) -> str | None:
        pos = self.index.get(key)
        if pos is None or self._read is None:
            return None
        self._read.seek(pos)
        return self._read.readline().decode("utf-8").partition("\t")[2].rstrip("\n")

    def put(self, key: str, line: str) -> None:
        self._write.write(f"{key}\t{line}\n".encode())

    def close(self) -> None:
        if self._read is not None:
            self._read.close()
        self._write.close()


def build(inputs: Iterable[str], out_dir: str | os.PathLike[str], *, year: int | None = None,
          workers: int = 1, engine: str = "local", scheduler: str | None = None, add: bool = False,
          html: bool = True, explain_merges: bool = False,
          progress: Callable[[int], None] | None = None) -> BuildSummary:
    """Build ``out_dir`` (facts.jsonl, errors.jsonl, graph.json/.graphml/.gexf, graph.html).

    Articles stream from the inputs through extraction into ``facts.jsonl`` in input order; the
    graph is then assembled from that file. ``add`` keeps the articles already in the build.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary(out_dir=str(out))
    part = out / "facts.jsonl.part"
    cache = FactsCache(out / "cache.jsonl")
    seen_ids: set[str] = set()
    try:
        with open(part, "w", encoding="utf-8") as fh:
            if add and (out / "facts.jsonl").exists():
                with open(out / "facts.jsonl", encoding="utf-8") as old:
                    for line in old:
                        if line.startswith('{"article"'):
                            seen_ids.add(json.loads(line)["article"]["id"])
                            fh.write(line)

            if engine == "dask":
                from .scale.dask_engine import dask_facts

                arts = []
                for item in iter_articles(inputs, year=year, report=summary.ingest):
                    if isinstance(item, InputError):
                        summary.errors.append(item.to_dict())
                    elif item.id not in seen_ids:
                        seen_ids.add(item.id)
                        arts.append(item)
                    else:
                        summary.duplicates += 1
                for ln in dask_facts(arts, out, scheduler=scheduler):
                    fh.write(facts_json(ln) + "\n")
            else:
                _extract_stream(iter_records(inputs, year=year, report=summary.ingest), fh, cache, workers, year,
                                seen_ids, summary, progress)
    finally:
        cache.close()
    from .model import write_build_file  # the graph stage

    summary.seconds["extract"] = time.perf_counter() - started
    g, stats = write_build_file(part, out, html=html)
    summary.seconds.update(stats.seconds)
    with open(out / "errors.jsonl", "w", encoding="utf-8") as fh:
        for e in summary.errors:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    summary.articles, summary.entities, summary.relations = stats.articles, stats.entities, stats.relations
    summary.nodes, summary.edges = g.number_of_nodes(), g.number_of_edges()
    return summary


def extract_stage(inputs: Iterable[str], facts_path: str | os.PathLike[str], *, workers: int = 1,
                  year: int | None = None, cache_path: str | os.PathLike[str] | None = None,
                  chunksize: int = 16) -> BuildSummary:
    """The extraction stage alone: every article's facts line into ``facts_path``, in input order,
    streaming (memory does not grow with the corpus), on ``workers`` processes. A ``cache_path``
    reuses and extends a content-hash cache."""
    summary = BuildSummary()
    cache = FactsCache(Path(cache_path) if cache_path else Path(os.devnull))
    try:
        with open(facts_path, "w", encoding="utf-8") as fh:
            _extract_stream(iter_records(inputs, year=year, report=summary.ingest), fh, cache, workers, year, set(),
                            summary, None, chunksize=chunksize)
    finally:
        cache.close()
    return summary


def record_key(item: Article | RawRecord, year: int | None) -> str:
    """Cache key: the extractor's fingerprint and the record's content (its raw JSON line, or the
    split article)."""
    if isinstance(item, RawRecord):
        h = hashlib.sha1(f"{extractor_fingerprint()}\x00{year}\x00".encode())
        h.update(item.text.strip().encode("utf-8"))
        return h.hexdigest()
    return article_key(item)


def process_record(item: Article | RawRecord, year: int | None = None) -> tuple[str, Any]:
    """The unit of work of every build: ``("ok", (article id, facts JSON line))`` or
    ``("error", error dict)``. Parsing, cleaning, extraction and serialisation all happen here, in
    the worker when there are several."""
    art = parse_record(item, year=year) if isinstance(item, RawRecord) else item
    if isinstance(art, InputError):
        return "error", art.to_dict()
    try:
        facts = extract_facts(art)
    except Exception as exc:  # a rule's bug must cost one article, not the build
        err = ExtractionError(f"article {art.id!r} ({art.title[:40]}): the extractor failed: {exc!r}",
                              source=art.origin,
                              hint="the article is left out; please report it with this line")
        return "error", err.to_dict()
    return "ok", (art.id, facts_json(facts))


def _line_id(line: str) -> str:
    prefix = '{"article":{"id":"'
    if line.startswith(prefix):
        end = line.find('"', len(prefix))
        if end > 0 and "\\" not in line[len(prefix):end]:
            return line[len(prefix):end]
    return str(json.loads(line)["article"]["id"])


def _extract_stream(records: Iterator[Article | InputError | RawRecord], fh: Any, cache: FactsCache, workers: int,
                    year: int | None, seen_ids: set[str], summary: BuildSummary,
                    progress: Callable[[int], None] | None, chunksize: int = 16) -> None:
    """Extract what the cache lacks (on ``workers`` processes) and write every article's line in
    input order, once per article id."""
    markers: deque[tuple[str, str | None]] = deque()

    def emit(line: str, aid: str) -> None:
        if aid not in seen_ids:  # the same article twice in the inputs: kept once
            seen_ids.add(aid)
            fh.write(line + "\n")
            summary.articles += 1
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
                    emit(hit, _line_id(hit))
                    continue
            markers.append((key, hit))
            if hit is None:
                yield r

    work = partial(process_record, year=year)
    if workers > 1:
        from .scale.parallel import imap_ordered

        get_extractor().seg.cut("工会")  # load tables and dictionaries once; forked workers share them

        results: Iterator[tuple[str, Any]] = imap_ordered(work, todo(), workers, chunksize=chunksize,
                                                          initializer=get_extractor)
    else:
        results = map(work, todo())
    done = 0
    for kind, payload in results:
        while markers:
            key, hit = markers.popleft()
            if hit is not None:
                emit(hit, _line_id(hit))
                continue
            if kind == "error":
                summary.errors.append(payload)
            else:
                aid, line = payload
                cache.put(key, line)
                emit(line, aid)
                done += 1
                if progress is not None:
                    progress(done)
            break
    while markers:
        _key, hit = markers.popleft()
        assert hit is not None
        emit(hit, _line_id(hit))
