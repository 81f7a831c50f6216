"""Read the package data files (``unionkg/data``): TSV tables whose header lines start with ``#``."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources


def data_text(name: str) -> str:
    return resources.files("unionkg.data").joinpath(name).read_text(encoding="utf-8")


def read_rows(name: str) -> Iterator[list[str]]:
    """Rows of a TSV data file, comment lines (``#``) and blank lines skipped."""
    for line in data_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.rstrip("\r").split("\t")


def read_pairs(name: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in read_rows(name) if len(r) >= 2]


@cache
def read_words(name: str) -> tuple[str, ...]:
    """First column of a word-list file, in file order."""
    return tuple(r[0] for r in read_rows(name) if r and r[0])


#: Columns of ``data/divisions.tsv``: code, name, short name, level, parent code, province code.
DivisionRow = tuple[str, str, str, str, str, str]


@cache
def division_rows() -> tuple[DivisionRow, ...]:
    """The rows of the administrative-division table ``data/divisions.tsv`` (its column-name row
    and comments aside), read once per process: the one reader of the table (the extractor's index,
    the segmenter's words, synth's units)."""
    out: list[DivisionRow] = []
    for r in read_rows("divisions.tsv"):
        if len(r) >= 6 and r[:2] != ["code", "name"]:
            out.append((r[0], r[1], r[2], r[3], r[4], r[5]))
    return tuple(out)
