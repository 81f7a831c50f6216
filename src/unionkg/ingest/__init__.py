"""Ingest: read inputs, decode, clean OCR damage, split pages into articles, find dates and bylines."""

from .readers import iter_articles, read_jsonl_text
from .split import split_page

__all__ = ["iter_articles", "read_jsonl_text", "split_page"]
