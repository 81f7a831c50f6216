"""``build``: inputs → ``facts.jsonl`` → graph → files, in one streaming pass.

Extraction results are cached by content hash in ``DIR/cache.jsonl``, so re-running a build, or
adding articles to it (``add=True``), never extracts an unchanged article twice.
"""

from __future__ import annotations

import hashlib
import json
import os
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


def _load_cache(path: Path) -> dict[str, dict[str, Any]]:
    cache: dict[str, dict[str, Any]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    obj = json.loads(line)
                    cache[obj["key"]] = obj["facts"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # a torn line from an interrupted build: re-extract that article
    return cache


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
    """Build ``out_dir`` (facts.jsonl, errors.jsonl, graph.json/.graphml/.gexf, graph.html)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary(out_dir=str(out))
    cache_path = out / "cache.jsonl"
    cache = _load_cache(cache_path)
    previous: list[dict[str, Any]] = []
    if add and (out / "facts.jsonl").exists():
        previous = list(read_fact_lines(out / "facts.jsonl"))
    seen_ids = {p["article"]["id"] for p in previous}
    lines: list[dict[str, Any]] = list(previous)
    fresh: list[tuple[str, dict[str, Any]]] = []

    def articles() -> Iterator[Article]:
        for item in iter_articles(inputs, year=year):
            if isinstance(item, InputError):
                summary.errors.append(item.to_dict())
                continue
            if item.id in seen_ids:
                continue
            seen_ids.add(item.id)
            yield item

    if engine == "dask":
        from .scale.dask_engine import dask_facts

        new_lines = dask_facts(list(articles()), out, scheduler=scheduler)
        for ln in new_lines:
            lines.append(ln)
    else:
        todo: list[Article] = []
        order: list[tuple[str, str]] = []  # (key, state)
        for a in articles():
            key = article_key(a)
            if key in cache:
                lines.append(cache[key])
                summary.cached += 1
            else:
                todo.append(a)
                lines.append({"__pending__": key})
            order.append((key, a.id))
        if workers > 1 and len(todo) > 1:
            from .scale.parallel import imap_facts

            results = iter(imap_facts(todo, workers))
        else:
            results = (extract_facts(a) for a in todo)
        done = 0
        for i, ln in enumerate(lines):
            if "__pending__" in ln:
                key = ln["__pending__"]
                facts = next(results)
                lines[i] = facts
                cache[key] = facts
                fresh.append((key, facts))
                done += 1
                if progress is not None:
                    progress(done)
    from .model import write_build  # the graph stage

    g = write_build(lines, out, html=html, explain_merges=explain_merges)
    if fresh:
        with open(cache_path, "a", encoding="utf-8") as fh:
            for key, facts in fresh:
                fh.write(json.dumps({"key": key, "facts": facts}, ensure_ascii=False) + "\n")
    with open(out / "errors.jsonl", "w", encoding="utf-8") as fh:
        for e in summary.errors:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    summary.articles = len(lines)
    summary.entities = sum(len(ln.get("entities", [])) for ln in lines)
    summary.relations = sum(len(ln.get("relations", [])) for ln in lines)
    summary.nodes, summary.edges = g.number_of_nodes(), g.number_of_edges()
    return summary
