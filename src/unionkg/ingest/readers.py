"""Readers: text files (pages or single articles), JSON Lines, directories, and ``-`` for stdin.

``iter_articles`` streams ``Article`` objects and, in their place, ``InputError`` objects for
inputs that could not be read, so one bad file or line never stops the rest.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import Article
from .clean import clean_line, join_paragraphs
from .dates import parse_iso
from .decode import decode_bytes
from .split import finish_article, is_meta_line, paragraphs, read_meta, split_page

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


#: Says why a path is not to be read (None: read it); called with ``walked=True`` for what a
#: directory walk finds (passed over quietly), False for a path given as an input (an error).
Exclude = Callable[[Path, bool], "str | None"]


def iter_paths(inputs: Iterable[str], exclude: Exclude | None = None) -> Iterator[str | InputError]:
    """Expand directories (recursively, sorted) into their text and JSONL files; what ``exclude``
    names (a build's own outputs) is not read."""
    for inp in inputs:
        if inp == "-":
            yield inp
            continue
        p = Path(inp)
        why = exclude(p, False) if exclude is not None else None
        if why:
            yield InputError(why, source=inp, hint="give the articles (.txt, .jsonl), not a build's files")
            continue
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                if exclude is not None:
                    dirs[:] = [d for d in dirs if not exclude(Path(root) / d, True)]
                dirs.sort()
                for f in sorted(files):
                    fp = Path(root) / f
                    if exclude is not None and fp.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES \
                            and exclude(fp, True):
                        continue
                    if fp.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not f.startswith("."):
                        found = True
                        yield str(fp)
            if not found:
                yield InputError(f"{inp}: directory has no .txt or .jsonl files", source=inp,
                                 hint="point unionkg at .txt pages/articles or .jsonl files")
        elif p.exists():
            yield str(p)
        else:
            yield InputError(f"{inp}: no such file or directory", source=inp,
                             hint="check the path; use - to read standard input")


@dataclass(frozen=True)
class RawRecord:
    """One JSON Lines record, not parsed yet (parsing and cleaning happen where the extraction runs)."""

    source: str
    line: int
    text: str


def iter_records(inputs: Iterable[str], *, year: int | None = None,
                 exclude: Exclude | None = None) -> Iterator[Article | InputError | RawRecord]:
    """Articles of text inputs, raw records of JSON Lines inputs (streamed line by line), and
    errors in place of what could not be read, in input order (``exclude``: see ``iter_paths``)."""
    for path in iter_paths(inputs, exclude):
        if isinstance(path, InputError):
            yield path
            continue
        name = "<stdin>" if path == "-" else path
        if path != "-" and Path(path).suffix.lower() in JSONL_SUFFIXES:
            yield from _stream_jsonl(path)
            continue
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as err:
            yield InputError(f"{path}: cannot read ({err.strerror})", source=path)
            continue
        try:
            text, _enc = decode_bytes(data, name)
        except InputError as err:
            yield err
            continue
        if not text.strip():
            yield InputError(f"{name}: empty file", source=name, hint="nothing to extract; remove it or fill it")
            continue
        if path == "-" and text.lstrip().startswith("{"):
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    yield RawRecord(name, n, line)
            continue
        arts = split_page(text, origin=name, year=year)
        if not arts:
            yield InputError(f"{name}: no article found (no body paragraph)", source=name,
                             hint="a text file needs a headline line and at least one paragraph")
        yield from arts


def _stream_jsonl(path: str) -> Iterator[RawRecord | InputError]:
    """Lines of a JSONL file, decoded with the encoding its first 64 KB show, without reading it whole."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as err:
        yield InputError(f"{path}: cannot read ({err.strerror})", source=path)
        return
    if not head.strip():
        yield InputError(f"{path}: empty file", source=path, hint="nothing to extract; remove it or fill it")
        return
    cut = head.rfind(b"\n") + 1 if len(head) == 65536 and b"\n" in head else len(head)
    try:
        _text, enc = decode_bytes(head[:cut], path)
    except InputError as err:
        yield err
        return
    n = 0
    try:
        with open(path, encoding="utf-8-sig" if enc.startswith("utf-8") else enc) as fh:
            for n, line in enumerate(fh, 1):  # noqa: B007 - n reports where decoding failed
                if line.strip():
                    yield RawRecord(path, n, line.rstrip("\r\n"))
    except UnicodeDecodeError as err:
        yield InputError(f"{path}:{n + 1}: cannot decode as {enc} ({err.reason})", source=path, line=n + 1,
                         hint="re-save the file as UTF-8; the lines before this one were read")


def parse_record(rec: RawRecord, *, year: int | None = None) -> Article | InputError:
    """The article of one JSONL record, or the error that says which line is wrong and why."""
    name, n, line = rec.source, rec.line, rec.text
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(f"{name}:{n}: malformed JSON ({err.msg} at column {err.colno})", source=name,
                          line=n, hint="fix or remove that line; the other lines were processed")
    if not isinstance(obj, dict) or not isinstance(obj.get("title"), str) or not isinstance(obj.get("text"), str):
        return InputError(f"{name}:{n}: a JSON line needs string fields \"title\" and \"text\"", source=name,
                          line=n, hint="add the missing field or remove the line")
    return article_from_record(obj, f"{name}:{n}", year=year)


def iter_articles(inputs: Iterable[str], *, year: int | None = None) -> Iterator[Article | InputError]:
    """Every article of every input, in input order; errors in place of what could not be read."""
    for item in iter_records(inputs, year=year):
        yield parse_record(item, year=year) if isinstance(item, RawRecord) else item


def read_jsonl_text(text: str, name: str, *, year: int | None = None) -> Iterator[Article | InputError]:
    """Articles of a JSON Lines text: ``{"title", "text"}`` required; ``id``, ``date``,
    ``source``/``url``, ``page``, ``subtitle`` optional. Bad lines are reported by number."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield parse_record(RawRecord(name, n, line), year=year)


def article_from_record(obj: dict, origin: str, *, year: int | None = None) -> Article:
    """An Article from a JSON record; its text is cleaned like a page paragraph by paragraph."""
    raw = obj["text"]
    paras = paragraphs(raw)
    meta: list[str] = []
    while paras and len(meta) < 3 and is_meta_line(paras[0].raw):
        meta.append(paras.pop(0).raw)  # 2024-02-07 来源:… 作者:… at the top of the text
    published_meta, source_meta, authors = read_meta(meta)
    ct = join_paragraphs([clean_line(p.raw, p.start) for p in paras])
    published = parse_iso(str(obj.get("date") or obj.get("published") or "")) or published_meta
    rid = obj.get("id")
    return finish_article(
        ct.text, ct.offsets, raw, title=clean_line(obj["title"]).text,
        subtitle=obj.get("subtitle") or None, origin=origin, year=year,
        source=obj.get("source") or source_meta, url=obj.get("url"), page=str(obj["page"]) if obj.get("page") else None,
        published=published, article_id=str(rid) if rid not in (None, "") else None, extra_authors=authors,
    )
