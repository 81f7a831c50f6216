"""Ingest: read inputs, decode, clean OCR damage, split pages into articles, find dates and bylines.

The names below load their modules on first use: a read command that needs only
``ingest.normalize`` (a trace's name keys) does not import the readers and the page splitter.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .readers import iter_articles, read_jsonl_text
    from .split import split_page

__all__ = ["iter_articles", "read_jsonl_text", "split_page"]
_HOME = {"iter_articles": ".readers", "read_jsonl_text": ".readers", "split_page": ".split"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOME[name], __name__), name)
