"""Read a JSON Lines corpus one line at a time (memory independent of the corpus size)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

from ..errors import InputError
from ..ingest.readers import article_from_record
from ..types import Article


def iter_jsonl_articles(path: str | os.PathLike[str], *, year: int | None = None) -> Iterator[Article | InputError]:
    """Articles of a ``.jsonl`` file, streamed; bad lines become ``InputError`` in their place."""
    name = os.fspath(path)
    with open(path, encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield InputError(f"{name}:{n}: malformed JSON ({err.msg})", source=name, line=n)
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("title"), str) or not isinstance(obj.get("text"), str):
                yield InputError(f"{name}:{n}: a JSON line needs string fields \"title\" and \"text\"",
                                 source=name, line=n)
                continue
            yield article_from_record(obj, f"{name}:{n}", year=year)
