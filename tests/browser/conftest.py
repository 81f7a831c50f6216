"""Headless Chromium (Debian's /usr/bin/chromium, scripts/install-chromium.sh) driven by playwright.

Without Chromium or playwright the tests skip, unless UNIONKG_STRICT is set: then they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

CHROMIUM = os.environ.get("UNIONKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
XSS_BODY = "<img src=x onerror=alert(1)>"


def _missing(why: str) -> None:
    if os.environ.get("UNIONKG_STRICT"):
        pytest.fail(f"{why} (run scripts/install-chromium.sh)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("python playwright is not installed")
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} is missing")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A loaded page and what it did: console errors, requests beyond the file, dialogs."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Opened]]:
    pages: list[Any] = []

    def _open(path: Path, wait_drawn: bool = True, timeout_ms: int = 30_000) -> Opened:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        pages.append(page)
        opened = Opened(page)
        page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url) if r.url != path.resolve().as_uri() else None)

        def on_dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri())
        if wait_drawn:
            page.wait_for_selector("body[data-drawn='1']", timeout=timeout_ms)
        return opened

    yield _open
    for p in pages:
        p.close()


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    """A model-shaped graph (graph/MODEL.md) whose article text tries to inject markup."""
    G = nx.MultiDiGraph()

    def node(nid: str, label: str, name: str, **kw: Any) -> None:
        kw.setdefault("articles", ["a1"])
        kw.setdefault("inferred", False)
        G.add_node(nid, label=label, name=name, **kw)

    def ev(sentence: str, art: str = "a1") -> list[dict[str, Any]]:
        return [{"article": art, "sentence": sentence, "start": 0, "end": 4, "rule": "test.v1", "confidence": 0.9}]

    node("Article:a1", "Article", "甲市总工会召开会议", title="甲市总工会召开会议", date="2025-03-18")
    node("Article:a2", "Article", "<script>alert(2)</script>", title="<script>alert(2)</script>",
         date="2025-04-02", articles=["a2"])
    node("UnionBody:甲市总工会", "UnionBody", "甲市总工会", aliases=["市总工会"], level="city")
    node("UnionBody:乙省总工会", "UnionBody", "乙省总工会", level="province", inferred=True, articles=[])
    node(f"UnionBody:{XSS_BODY}", "UnionBody", XSS_BODY, aliases=["<svg onload=alert(3)>"], level="grassroots",
         articles=["a2"])
    node("Person:张三@UnionBody:甲市总工会", "Person", "张三")
    node("Campaign:百千万工程", "Campaign", "百千万工程", aliases=["“百千万工程”"])
    node("Campaign:一函两书", "Campaign", "一函两书", aliases=[])
    node("Event:a1#1", "Event", "党组会议", kind="meeting", date="2025-03-18", title="党组会议", article="a1")
    node("Place:100100", "Place", "甲市", level="city", code="100100")
    G.add_edge("Person:张三@UnionBody:甲市总工会", "Event:a1#1", key="k1", type="CHAIRED",
               evidence=ev("张三主持会议。"), article="a1", date="2025-03-18")
    G.add_edge("Event:a1#1", "UnionBody:甲市总工会", key="k2", type="HELD_BY", evidence=ev("甲市总工会召开会议。"),
               article="a1", date="2025-03-18")
    G.add_edge("UnionBody:甲市总工会", "Campaign:百千万工程", key="k3", type="IMPLEMENTS", mode="implement",
               event="Event:a1#1", evidence=ev("在“百千万工程”中建功立业。"), article="a1", date="2025-03-18")
    G.add_edge(f"UnionBody:{XSS_BODY}", "Campaign:一函两书", key="k4", type="IMPLEMENTS", mode="study",
               evidence=ev("<img src=y onerror=alert(4)>", "a2"), article="a2", date="2025-04-02")
    G.add_edge("UnionBody:甲市总工会", "UnionBody:乙省总工会", key="k5", type="SUBORDINATE_TO", evidence=[],
               rule="hierarchy.divisions.v1")
    G.add_edge("UnionBody:甲市总工会", "Place:100100", key="k6", type="LOCATED_IN", evidence=[],
               rule="hierarchy.divisions.v1")
    G.add_edge("Person:张三@UnionBody:甲市总工会", "UnionBody:甲市总工会", key="k7", type="HOLDS_POSITION",
               title="主席", evidence=ev("甲市总工会主席张三"), article="a1", date="2025-03-18")
    for art, ents in (("a1", ["UnionBody:甲市总工会", "Campaign:百千万工程", "Place:100100"]),
                      ("a2", [f"UnionBody:{XSS_BODY}", "Campaign:一函两书"])):
        for e in ents:
            G.add_edge(f"Article:{art}", e, key=f"m:{art}:{e}", type="MENTIONS", evidence=ev("…", art), article=art)
    return G
