"""Outputs a user can trust: paths checked before the work starts, CSV safe to open in a spreadsheet.

A command that would fail writing its result fails first, naming the path and what to do, rather
than with a traceback after minutes of work.

>>> csv_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> csv_cell("-3"), csv_cell("百千万工程")
('-3', '百千万工程')
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import OutputError

__all__ = ["check_output_dir", "check_output_file", "csv_cell", "csv_text", "writing"]

_HINT = "choose a path in a directory you can write to"


def check_output_dir(path: str | os.PathLike[str], option: str = "") -> Path:
    """``path`` is a directory unionkg can write into, or one it can create; else ``OutputError``."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise OutputError(f"{_named(option, p)}: is a file, not a directory", hint=f"{_HINT}, or move the file away")
    _probe(_nearest_dir(p, option), p, option)
    return p


def check_output_file(path: str | os.PathLike[str], option: str = "") -> Path:
    """``path`` is a file unionkg can create or overwrite; else ``OutputError``."""
    p = Path(path)
    if p.is_dir():
        raise OutputError(f"{_named(option, p)}: is a directory", hint=f"give a file name, e.g. {p / 'page.html'}")
    if p.exists():
        try:
            with open(p, "r+b"):
                pass
        except OSError as err:
            raise OutputError(f"{_named(option, p)}: cannot be overwritten ({err.strerror})", hint=_HINT) from None
        return p
    _probe(_nearest_dir(p.parent, option), p, option)
    return p


def _named(option: str, p: Path) -> str:
    """``-o /proc/x`` (the option that named the path), or the path alone."""
    return f"{option} {p}" if option else str(p)


def _nearest_dir(p: Path, option: str) -> Path:
    """The closest existing ancestor of ``p`` (``p`` itself included): where it would be created."""
    for q in (p, *p.absolute().parents):
        if q.exists():
            if not q.is_dir():
                raise OutputError(f"{_named(option, p)}: {q} is a file, so nothing can be created under it", hint=_HINT)
            return q
    return Path(os.sep)


def _probe(directory: Path, target: Path, option: str) -> None:
    """Create and remove a file in ``directory``: the one test that holds for root, read-only mounts
    and pseudo file systems such as /proc alike."""
    import tempfile  # here: a command that writes no file does not import it

    try:
        fd, name = tempfile.mkstemp(prefix=".unionkg-probe-", dir=directory)
    except OSError as err:
        raise OutputError(f"{_named(option, target)}: cannot create files in {directory} ({err.strerror})",
                          hint=_HINT) from None
    os.close(fd)
    os.unlink(name)


@contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an ``OSError`` raised while writing ``path`` (disk full, removed directory) into ``OutputError``."""
    try:
        yield
    except OSError as err:
        raise OutputError(f"{path}: writing failed ({err.strerror})",
                          hint="check free space and permissions, then run the command again") from err


_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def csv_cell(value: str) -> str:
    """``value`` made inert for spreadsheets: a cell that begins with ``= + - @``, a tab or a carriage
    return (and is not a plain number) gets a leading apostrophe, so Excel or LibreOffice show it
    as text instead of running it as a formula (OWASP's CSV-injection advice)."""
    if _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], *, excel: bool = False) -> str:
    """CSV with a header row; every cell passed through ``csv_cell``. ``excel``: a UTF-8 byte-order
    mark and CRLF line ends, which Excel needs to read Chinese text right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow([csv_cell(str(h)) for h in header])
    for row in rows:
        writer.writerow([csv_cell("" if v is None else str(v)) for v in row])
    return ("\ufeff" if excel else "") + out.getvalue()
