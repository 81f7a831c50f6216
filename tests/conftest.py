"""Session fixtures: the seed page and the genre set, each built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import HOSTILE_ARTICLES, XSS_ALIAS, XSS_BODY, XSS_CAMPAIGN
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


@pytest.fixture(scope="session")
def explorer_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed page, the bundled sample and an article with hostile markup, built once; then a
    body and a campaign renamed to hostile names (plain SQL on the store, as an attacker who
    controls the input names would get them through)."""
    import json
    import sqlite3

    from unionkg.pipeline import build

    tmp = tmp_path_factory.mktemp("explorer")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in HOSTILE_ARTICLES), encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    out = tmp / "build"
    build([str(need(SEED)), str(root / "examples" / "sample_page.txt"), str(root / "examples" / "sample_articles.jsonl"),
           str(hostile)], out, year=2024, html=False)
    db = sqlite3.connect(out / "graph.sqlite")
    with db:
        db.execute("UPDATE nodes SET name = ? WHERE id = 'UnionBody:揭阳市榕城区总工会'", (XSS_BODY,))
        db.execute("INSERT INTO aliases VALUES ('UnionBody:揭阳市榕城区总工会', ?)", (XSS_ALIAS,))
        db.execute("UPDATE nodes SET name = ? WHERE id = 'Campaign:两个确立'", (XSS_CAMPAIGN,))
    db.close()
    return out
