"""Readers: text files (pages or single articles), JSON Lines, directories, and ``-`` for stdin.

``iter_articles`` streams ``Article`` objects and, in their place, ``InputError`` objects for
inputs that could not be read, so one bad file or line never stops the rest.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..types import Article
from .clean import clean_line
from .dates import parse_iso
from .decode import sniff
from .split import Para, draft_record, make_article, paragraphs, split_lines

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class IngestReport:
    """What reading the inputs passed over without an error: files of other kinds in directories."""

    skipped: list[str] = field(default_factory=list)

    def line(self) -> str:
        """``3 files skipped (not .txt/.jsonl: 2 .json, 1 .md)``, or "" when none was."""
        if not self.skipped:
            return ""
        kinds = Counter(Path(f).suffix.lower() or "no suffix" for f in self.skipped)
        what = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        return f"{len(self.skipped)} file{'s' if len(self.skipped) != 1 else ''} skipped (not .txt/.jsonl: {what})"


#: Says why a path is not to be read (None: read it); called with ``walked=True`` for what a
#: directory walk finds (passed over quietly), False for a path given as an input (an error).
Exclude = Callable[[Path, bool], "str | None"]


def iter_paths(inputs: Iterable[str], report: IngestReport | None = None, exclude: Exclude | None = None
               ) -> Iterator[str | InputError]:
    """Expand directories (recursively, sorted) into their text and JSONL files; the other files
    (hidden ones aside) are counted in ``report``; what ``exclude`` names (a build's own outputs)
    is not read."""
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
                    elif report is not None and not f.startswith("."):
                        report.skipped.append(str(fp))
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
                 report: IngestReport | None = None, exclude: Exclude | None = None
                 ) -> Iterator[Article | InputError | RawRecord]:
    """Articles of text inputs (streamed page by page), raw records of JSON Lines inputs (streamed
    line by line), and errors in place of what could not be read, in input order (``report``,
    ``exclude``: see ``iter_paths``)."""
    for path in iter_paths(inputs, report, exclude):
        if isinstance(path, InputError):
            yield path
        elif path != "-" and Path(path).suffix.lower() in JSONL_SUFFIXES:
            yield from _stream_jsonl(path)
        else:
            yield from _stream_text(path, year)


#: Bytes read before the encoding is decided: the whole of any ordinary input.
HEAD_BYTES = 4 << 20
_CHUNK = 1 << 20


def _stream_text(path: str, year: int | None) -> Iterator[Article | InputError | RawRecord]:
    """The articles of a text file (or of stdin, which may also hold JSON Lines), decoded and split
    as they are read: memory holds a page or two, not the file."""
    name = "<stdin>" if path == "-" else path
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        yield InputError(f"{path}: cannot read ({err.strerror})", source=path)
        return
    try:
        try:
            head = fh.read(HEAD_BYTES)
        except OSError as err:
            yield InputError(f"{path}: cannot read ({err.strerror})", source=path)
            return
        try:
            text, enc = sniff(head, name, final=len(head) < HEAD_BYTES)
        except InputError as err:
            yield err
            return
        lines = _Lines(head, fh, enc, name)
        if path == "-" and text.lstrip().startswith("{"):
            for n, line in enumerate(lines, 1):
                if line.strip():
                    yield RawRecord(name, n, line.splitlines()[0])
        else:
            found = False
            for art in split_lines(lines, origin=name, year=year):
                found = True
                yield art
            if not found and lines.error is None and lines.text_seen:
                yield InputError(f"{name}: no article found (no body paragraph)", source=name,
                                 hint="a text file needs a headline line and at least one paragraph")
        if lines.error is not None:
            yield lines.error
        elif not lines.text_seen:
            yield InputError(f"{name}: empty file", source=name, hint="nothing to extract; remove it or fill it")
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


class _Lines:
    """The lines of a binary stream (each with its line break, split as ``str.splitlines`` does),
    decoded chunk by chunk; a decoding or read error ends them and is kept in ``error``."""

    def __init__(self, head: bytes, fh: BinaryIO, enc: str, source: str) -> None:
        self.head, self.fh, self.enc, self.source = head, fh, enc, source
        self.error: InputError | None = None
        self.text_seen = False  # a line with something besides white space

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.enc)(errors="strict")
        source = self.source
        rest = ""
        n = 0
        chunk, self.head = self.head, b""
        bad: UnicodeDecodeError | None = None
        while True:
            final = not chunk
            state = decoder.getstate()[0]
            try:
                rest += decoder.decode(chunk, final=final)
            except UnicodeDecodeError as err:  # keep the lines before the bad byte, then stop
                data = (state if isinstance(state, bytes) else b"") + chunk
                rest += data[:max(err.start, 0)].decode(self.enc, errors="replace")
                bad = err
            parts = rest.splitlines(keepends=True)
            rest = ""
            if parts and not final and (parts[-1][-1] == "\r" or parts[-1].splitlines()[0] == parts[-1]):
                rest = parts.pop()  # a line cut by the chunk, or a \r whose \n may come next
            for line in parts:
                n += 1
                if not self.text_seen and line.strip():
                    self.text_seen = True
                yield line
            if bad is not None:
                at = n + 1
                self.error = InputError(
                    f"{source}:{at}: cannot decode as {self.enc} ({bad.reason})", source=source, line=at,
                    hint="re-save the file as UTF-8; the lines before this one were read")
                return
            if final:
                return
            try:
                chunk = self.fh.read(_CHUNK)
            except OSError as err:
                self.error = InputError(f"{source}:{n + 1}: cannot read ({err.strerror})", source=source,
                                        line=n + 1, hint="check the disk or the stream; the lines before were read")
                return


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
    try:
        _text, enc = sniff(head, path, final=len(head) < 65536)
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
        where = f"{err.msg} column {err.colno}" if err.msg.endswith(" at") else f"{err.msg} at column {err.colno}"
        return InputError(f"{name}:{n}: malformed JSON ({where})", source=name,
                          line=n, hint="fix or remove that line; the other lines were processed")
    if not isinstance(obj, dict) or not isinstance(obj.get("title"), str) or not isinstance(obj.get("text"), str):
        return InputError(f"{name}:{n}: a JSON line needs string fields \"title\" and \"text\"", source=name,
                          line=n, hint="add the missing field or remove the line")
    if _ESCAPED_SURROGATE_RE.search(line):  # "\ud800" alone: no character, no UTF-8 to write: U+FFFD instead
        obj = {k: _LONE_SURROGATE_RE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in obj.items()}
    return article_from_record(obj, f"{name}:{n}", year=year)


#: a UTF-16 surrogate escaped in a JSON line (a pair reads as one character; one alone as a surrogate,
#: which no UTF-8 output can hold)
_ESCAPED_SURROGATE_RE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def iter_articles(inputs: Iterable[str], *, year: int | None = None,
                  report: IngestReport | None = None) -> Iterator[Article | InputError]:
    """Every article of every input, in input order; errors in place of what could not be read."""
    for item in iter_records(inputs, year=year, report=report):
        yield parse_record(item, year=year) if isinstance(item, RawRecord) else item


def read_jsonl_text(text: str, name: str, *, year: int | None = None) -> Iterator[Article | InputError]:
    """Articles of a JSON Lines text: ``{"title", "text"}`` required; ``id``, ``date``,
    ``source``/``url``, ``page``, ``subtitle`` optional. Bad lines are reported by number."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield parse_record(RawRecord(name, n, line), year=year)


def article_from_record(obj: dict, origin: str, *, year: int | None = None) -> Article:
    """An Article from a JSON record; its text is cleaned like a page paragraph by paragraph, and
    what a web page puts above the body (the headline again, stamps, captions) is set apart
    (``draft_record``)."""
    raw = obj["text"]
    title = clean_line(obj["title"]).text
    d = draft_record(paragraphs(raw), title, obj.get("subtitle") or None)
    given = parse_iso(str(obj.get("date") or obj.get("published") or ""))
    if given is not None:
        d.meta.insert(0, Para(given.isoformat(), 0))  # the record's own date comes first
    rid = obj.get("id")
    return make_article(raw, d, title, obj.get("subtitle") or None, None, [], origin, year,
                         obj.get("source"), str(obj["page"]) if obj.get("page") else None,
                         url=obj.get("url"), article_id=str(rid) if rid not in (None, "") else None)
