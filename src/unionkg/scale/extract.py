"""The extraction stage alone, JSON Lines in → ``facts.jsonl`` out, on a bounded process pool.

Workers receive raw lines and send back finished JSON text, so the parent only reads and writes:
with two cores, two workers do close to twice the work of one process. Memory stays flat however
long the corpus (see ``imap_ordered``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..errors import InputError
from .parallel import imap_ordered


@dataclass
class ExtractStats:
    articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _lines(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, int, str]]:
    for path in paths:
        name = os.fspath(path)
        with open(path, encoding="utf-8-sig") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield name, n, line


def line_facts(item: tuple[str, int, str], year: int | None = None) -> tuple[bool, str]:
    """``(True, facts JSON)`` for one JSONL record, or ``(False, error JSON)``."""
    from ..ingest.readers import article_from_record
    from ..pipeline import extract_facts

    name, n, line = item
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        e = InputError(f"{name}:{n}: malformed JSON ({err.msg})", source=name, line=n)
        return False, json.dumps(e.to_dict(), ensure_ascii=False)
    if not isinstance(obj, dict) or not isinstance(obj.get("title"), str) or not isinstance(obj.get("text"), str):
        e = InputError(f"{name}:{n}: a JSON line needs string fields \"title\" and \"text\"", source=name, line=n)
        return False, json.dumps(e.to_dict(), ensure_ascii=False)
    facts = extract_facts(article_from_record(obj, f"{name}:{n}", year=year))
    return True, json.dumps(facts, ensure_ascii=False)


def _warm() -> None:
    from ..pipeline import get_extractor

    get_extractor()


def extract_jsonl(paths: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str], *, workers: int = 1,
                  chunksize: int = 64, year: int | None = None) -> ExtractStats:
    """Write the facts lines of the JSONL ``paths`` to ``out``, in input order."""
    stats = ExtractStats()
    results = imap_ordered(partial(line_facts, year=year), _lines(paths), workers, chunksize, initializer=_warm)
    with open(out, "w", encoding="utf-8") as fh:
        for ok, text in results:
            if ok:
                fh.write(text + "\n")
                stats.articles += 1
            else:
                stats.errors.append(json.loads(text))
    return stats
