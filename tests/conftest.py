"""Session fixtures: the seed page and the genre set, each built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import BLIND2, BLIND3, BLIND4, GENRE, HELDOUT, SEED, need


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


@pytest.fixture(scope="session")
def heldout_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("heldoutbuild")
    build([str(p) for p in sorted(HELDOUT.glob("*.txt"))] + [str(HELDOUT / "articles.jsonl")], out, html=False)
    return out


@pytest.fixture(scope="session")
def blind2_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("blind2build")
    build([str(p) for p in sorted(BLIND2.glob("*.txt"))] + [str(BLIND2 / "articles.jsonl")], out, html=False)
    return out


@pytest.fixture(scope="session")
def blind3_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("blind3build")
    build([str(p) for p in sorted(BLIND3.glob("*.txt"))], out, html=False)
    return out


@pytest.fixture(scope="session")
def blind4_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("blind4build")
    build([str(p) for p in sorted(BLIND4.glob("*.txt"))] + [str(BLIND4 / "articles.jsonl")], out, html=False)
    return out
