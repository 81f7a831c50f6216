"""Session fixtures: the seed page and the genre set, each built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import BLIND2, BLIND3, BLIND4, GENRE, HELDOUT, SEED, SHARED, need


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed page built once for the session."""
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("seedbuild")
    build([str(need(SEED))], out, html=False)
    return out


@pytest.fixture(scope="session")
def genre_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("genrebuild")
    build([str(GENRE)], out, html=False)
    return out


def _build_set(tmp_path_factory: pytest.TempPathFactory, folder: Path) -> Path:
    """One of our annotated sets (its .txt files and articles.jsonl) built once for the session."""
    from unionkg.pipeline import build

    inputs = [str(p) for p in sorted(folder.glob("*.txt"))]
    if (folder / "articles.jsonl").exists():
        inputs.append(str(folder / "articles.jsonl"))
    out = tmp_path_factory.mktemp(folder.name + "build")
    build(inputs, out, html=False)
    return out


@pytest.fixture(scope="session")
def heldout_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_set(tmp_path_factory, HELDOUT)


@pytest.fixture(scope="session")
def blind2_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_set(tmp_path_factory, BLIND2)


@pytest.fixture(scope="session")
def blind3_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_set(tmp_path_factory, BLIND3)


@pytest.fixture(scope="session")
def blind4_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_set(tmp_path_factory, BLIND4)


@pytest.fixture(scope="session")
def realdev_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``../shared/realdev`` (80 real reports; 161–180 carry four real campaigns) built once, by the
    set's own converter, for the propagation tests (tests/test_cascades.py, the browser's timeline)."""
    import subprocess
    import sys

    from unionkg.pipeline import build

    realdev = need(SHARED / "realdev")
    work = tmp_path_factory.mktemp("realdevbuild")
    subprocess.run([sys.executable, str(need(SHARED / "eval" / "realdev_jsonl.py")), str(realdev),
                    str(work / "corpus.jsonl"), str(work / "gold.json")], check=True, capture_output=True)
    summary = build([str(work / "corpus.jsonl")], work / "B", html=False)
    assert not summary.errors, summary.errors
    return work / "B"
