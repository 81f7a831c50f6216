"""The extraction stage alone, JSON Lines in → ``facts.jsonl`` out, on a bounded process pool.

Workers receive raw lines and send back finished JSON text, so the parent only reads and writes:
with two cores, two workers do close to twice the work of one process. Memory stays flat however
long the corpus (see ``imap_ordered``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExtractStats:
    articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def extract_jsonl(paths: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str], *, workers: int = 1,
                  chunksize: int = 64, year: int | None = None) -> ExtractStats:
    """Write the facts lines of the JSONL ``paths`` to ``out``, in input order (the build's own
    extraction stage, ``unionkg.pipeline.extract_stage``, without a cache)."""
    from ..pipeline import extract_stage

    s = extract_stage([os.fspath(p) for p in paths], out, workers=workers, year=year, chunksize=chunksize)
    return ExtractStats(articles=s.articles, errors=s.errors)
