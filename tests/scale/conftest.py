"""A small synthetic corpus and its builds, made once per session for the scale tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionkg.synth import SynthResult, synth_corpus

N_ARTICLES = 300
SEED = 11


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> SynthResult:
    return synth_corpus(N_ARTICLES, tmp_path_factory.mktemp("synth") / "corpus.jsonl", seed=SEED)


@pytest.fixture(scope="session")
def build1(corpus: SynthResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built by one process."""
    from unionkg.pipeline import build

    out = tmp_path_factory.mktemp("build1")
    build([str(corpus.corpus)], out, html=False, workers=1)
    return out
