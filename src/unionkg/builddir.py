"""The build directory, written so that a failed build never costs the previous one.

A build writes everything into a staging folder inside the build directory
(``DIR/.unionkg-staging-<pid>``); only when it has finished does :meth:`Staging.commit` move the
new files in, each by a rename, after setting the previous build's files aside. If anything fails
on the way (an exception, an input that could not be read at all), the staging folder is removed
and the previous build is left exactly as it was. A commit interrupted half-way (the process
killed) is rolled back by the next build (:func:`recover`), and a lock keeps two builds out of one
directory at once. Files of the directory that are no build's (a user's notes) are never touched.

>>> with Staging("out/build") as stage:           # doctest: +SKIP
...     (stage.path / "facts.jsonl").write_bytes(b"...")
...     stage.commit()
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path
from types import TracebackType

from .errors import BuildError

__all__ = ["BUILD_FILES", "NOT_INPUTS", "Staging", "recover"]

#: What a build directory holds (graph/MODEL.md, README): a new build replaces these, and drops
#: those it does not write (a GraphML of the previous build would describe another graph).
BUILD_FILES = ("facts.jsonl", "graph.sqlite", "errors.jsonl", "graph.html", "graph.json", "graph.graphml",
               "graph.gexf", "merges.jsonl", "cache.jsonl", "facts", "neo4j-admin")
#: Names of build outputs that a walk over input folders passes over (a build never reads them).
NOT_INPUTS = frozenset({"facts.jsonl", "errors.jsonl", "merges.jsonl", "cache.jsonl", "facts.jsonl.part"})
STAGING_PREFIX = ".unionkg-staging-"
_OLD = ".previous"  # in a staging folder: the files a commit set aside
_COMMITTING = "COMMITTING"  # in a staging folder: a commit has begun
_LOCK = ".unionkg.lock"


class Staging:
    """A staging folder for one build of ``out`` (see the module docstring)."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self.out = Path(out)
        self.path = self.out / f"{STAGING_PREFIX}{os.getpid()}"
        self.committed = False
        self._lock: int | None = None

    def __enter__(self) -> Staging:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BuildError(f"{self.out}: cannot create the build directory ({err.strerror})",
                             hint="choose a directory you can write to") from err
        self._lock = os.open(self.out / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock)
            self._lock = None
            raise BuildError(f"{self.out}: another build is writing into this directory",
                             hint="wait for it to finish, or build into another directory") from None
        recover(self.out)
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if self.path.exists():
                shutil.rmtree(self.path, ignore_errors=True)
        finally:
            if self._lock is not None:
                os.close(self._lock)
                self._lock = None

    def commit(self) -> list[str]:
        """Make the staged files the build: set the previous build's files aside, move the new ones
        in (renames), then drop the old ones. On an error part-way, everything is put back as it
        was and the error raised. Returns the names now in the build."""
        new = [n for n in BUILD_FILES if (self.path / n).exists()]
        old_dir = self.path / _OLD
        old_dir.mkdir()
        (self.path / _COMMITTING).write_text("\n".join(new) + "\n", encoding="utf-8")
        try:
            for name in BUILD_FILES:
                if (self.out / name).exists() or (self.out / name).is_symlink():
                    os.replace(self.out / name, old_dir / name)
            for name in new:
                os.replace(self.path / name, self.out / name)
        except BaseException:
            _roll_back(self.path, self.out)
            raise
        os.remove(self.path / _COMMITTING)
        self.committed = True
        return new


def recover(out: str | os.PathLike[str]) -> bool:
    """Undo what a build killed in the middle of a commit left in ``out`` (its previous files come
    back), and remove staging folders of builds that stopped. True if a commit was rolled back."""
    rolled = False
    root = Path(out)
    if not root.is_dir():
        return False
    for stage in root.glob(f"{STAGING_PREFIX}*"):
        if (stage / _COMMITTING).exists():
            _roll_back(stage, root)
            rolled = True
        shutil.rmtree(stage, ignore_errors=True)
    return rolled


def _roll_back(stage: Path, out: Path) -> None:
    """Undo a commit begun in ``stage``: the new files it moved into ``out`` go back into ``stage``,
    the previous build's files it set aside come back."""
    marker = stage / _COMMITTING
    new = set(marker.read_text(encoding="utf-8").split()) if marker.exists() else set()
    old_dir = stage / _OLD
    for name in BUILD_FILES:
        here = out / name
        if name in new and not (stage / name).exists() and (here.exists() or here.is_symlink()):
            os.replace(here, stage / name)  # moved in by this commit: out again
        kept = old_dir / name
        if kept.exists() or kept.is_symlink():
            os.replace(kept, here)
    if marker.exists():
        os.remove(marker)
