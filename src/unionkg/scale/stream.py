"""Read a JSON Lines corpus one line at a time (memory independent of the corpus size)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..errors import InputError
from ..ingest import iter_articles
from ..types import Article


def iter_jsonl_articles(path: str | os.PathLike[str], *, year: int | None = None) -> Iterator[Article | InputError]:
    """Articles of a ``.jsonl`` file, streamed (the readers stream JSON Lines line by line); bad
    lines become ``InputError`` in their place."""
    yield from iter_articles([os.fspath(path)], year=year)
