"""``build``: inputs → ``facts.jsonl`` → graph → files, in one streaming pass.

Extraction results are cached by content hash in ``DIR/cache.jsonl``, so re-running a build, or
adding articles to it (``add=True``), never extracts an unchanged article twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BuildError, InputError
from .extract import Extractor, fact_line
from .ingest import iter_articles
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
    return _FINGERPRINT


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

    def line(self) -> str:
        return (f"{self.articles} articles, {self.entities} entities, {self.relations} relations, "
                f"{len(self.errors)} errors ({self.cached} from cache); graph: {self.nodes} nodes, "
                f"{self.edges} edges → {self.out_dir}")


def get_extractor() -> Extractor:
    """One extractor per process (workers build their own)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
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


def read_fact_lines(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Article lines of a facts file (corpus-level hierarchy lines are skipped)."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise BuildError(f"{path}:{n}: not JSON ({err.msg})", hint="rebuild with `unionkg build`") from None
            if "article" in obj:
                yield obj


def build(inputs: Iterable[str], out_dir: str | os.PathLike[str], *, year: int | None = None,
          workers: int = 1, engine: str = "local", scheduler: str | None = None, add: bool = False,
          html: bool = True, explain_merges: bool = False,
          progress: Callable[[int], None] | None = None) -> BuildSummary:
    """Build ``out_dir`` (facts.jsonl, errors.jsonl, graph.json/.graphml/.gexf, graph.html).

    Articles stream from the inputs through extraction into ``facts.jsonl`` in input order; the
    graph is then assembled from that file. ``add`` keeps the articles already in the build.
    """
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

            def articles() -> Iterator[Article]:
                for item in iter_articles(inputs, year=year):
                    if isinstance(item, InputError):
                        summary.errors.append(item.to_dict())
                    elif item.id not in seen_ids:
                        seen_ids.add(item.id)
                        yield item

            if engine == "dask":
                from .scale.dask_engine import dask_facts

                for ln in dask_facts(list(articles()), out, scheduler=scheduler):
                    fh.write(json.dumps(ln, ensure_ascii=False) + "\n")
            else:
                _extract_stream(articles(), fh, cache, workers, summary, progress)
    finally:
        cache.close()
    from .model import write_build_file  # the graph stage

    g, stats = write_build_file(part, out, html=html)
    with open(out / "errors.jsonl", "w", encoding="utf-8") as fh:
        for e in summary.errors:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    summary.articles, summary.entities, summary.relations = stats.articles, stats.entities, stats.relations
    summary.nodes, summary.edges = g.number_of_nodes(), g.number_of_edges()
    return summary


def _extract_stream(articles: Iterator[Article], fh: Any, cache: FactsCache, workers: int,
                    summary: BuildSummary, progress: Callable[[int], None] | None) -> None:
    """Extract what the cache lacks and write every article's line in input order."""
    markers: deque[tuple[str, str | None]] = deque()

    def todo() -> Iterator[Article]:
        for a in articles:
            key = article_key(a)
            hit = cache.get(key)
            markers.append((key, hit))
            if hit is None:
                yield a
            else:
                summary.cached += 1

    if workers > 1:
        from .scale.parallel import imap_facts

        results: Iterator[dict[str, Any]] = iter(imap_facts(todo(), workers))
    else:
        results = (extract_facts(a) for a in todo())
    done = 0
    for res in results:
        while markers:
            key, hit = markers.popleft()
            if hit is not None:
                fh.write(hit + "\n")
                continue
            line = json.dumps(res, ensure_ascii=False)
            fh.write(line + "\n")
            cache.put(key, line)
            done += 1
            if progress is not None:
                progress(done)
            break
    while markers:
        _key, hit = markers.popleft()
        assert hit is not None
        fh.write(hit + "\n")
