"""Paths to shared material (../shared) and the strict mode that turns skips into failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("UNIONKG_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "corpus" / "000_bfa4eaded79303f8.txt"
SEED_GOLD = SHARED / "gold" / "000_bfa4eaded79303f8.gold.json"
GENRE = ROOT / "tests" / "data" / "genre"
HELDOUT = ROOT / "tests" / "data" / "heldout"
BLIND2 = ROOT / "tests" / "data" / "blind2"
BLIND3 = ROOT / "tests" / "data" / "blind3"
BLIND4 = ROOT / "tests" / "data" / "blind4"


def need(path: Path) -> Path:
    """Skip (or fail under UNIONKG_STRICT=1) when shared material is absent."""
    if not path.exists():
        msg = f"{path} is missing: this test reads the seed page from ../shared (set UNIONKG_SHARED)"
        if os.environ.get("UNIONKG_STRICT") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return path
