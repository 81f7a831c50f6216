"""Read the package data files (``unionkg/data``): TSV tables whose header lines start with ``#``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache

from . import data


def data_text(name: str) -> str:
    """The text of the data file ``name``: from the package's directory where it is one (an
    installed or checked-out package), else through ``importlib.resources`` (a zip), whose import
    alone costs a read command a few percent of its time."""
    folder = os.path.dirname(data.__file__ or "")
    path = os.path.join(folder, name)
    if folder and os.path.isfile(path):
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    from importlib import resources

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
