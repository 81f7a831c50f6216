"""Hand-built model graphs (graph/MODEL.md) for the trace tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest

ADOPT_RULE = "implements.test.v1"


class GraphBuilder:
    """Adds nodes and edges the way ``unionkg.model.build_graph`` does."""

    def __init__(self) -> None:
        self.G = nx.MultiDiGraph()
        self.n = 0

    def node(self, nid: str, label: str, name: str, **props: Any) -> str:
        props.setdefault("articles", [])
        props.setdefault("inferred", False)
        self.G.add_node(nid, label=label, name=name, **props)
        return nid

    def body(self, name: str, level: str, city: str | None = None, up: str | None = None) -> str:
        nid = self.node(f"UnionBody:{name}", "UnionBody", name, level=level, aliases=[])
        if up:
            self.edge(nid, f"UnionBody:{up}", "SUBORDINATE_TO", evidence=[], rule="hierarchy.divisions.v1")
        if city:
            pid = f"Place:{city}"
            if pid not in self.G:
                self.node(pid, "Place", city, level="city", code=city)
            self.edge(nid, pid, "LOCATED_IN", evidence=[], rule="hierarchy.divisions.v1")
        return nid

    def article(self, aid: str, title: str, date: str | None) -> str:
        return self.node(f"Article:{aid}", "Article", title, title=title, date=date, articles=[aid])

    def adopt(self, body: str, campaign: str, date: str | None, sentence: str, aid: str,
              mode: str = "implement", **extra: Any) -> None:
        ev = [{"article": aid, "sentence": sentence, "start": 0, "end": len(sentence),
               "rule": ADOPT_RULE, "confidence": 0.9}]
        self.edge(f"UnionBody:{body}", f"Campaign:{campaign}", "IMPLEMENTS", evidence=ev,
                  article=aid, date=date, mode=mode, **extra)

    def edge(self, u: str, v: str, etype: str, **props: Any) -> None:
        self.n += 1
        self.G.add_edge(u, v, key=f"{etype}:{self.n}", type=etype, **props)


@pytest.fixture
def builder() -> Callable[[], GraphBuilder]:
    return GraphBuilder


@pytest.fixture
def seedlike() -> nx.MultiDiGraph:
    """The seed page's three 百千万工程 adoptions (hand-written sentences, not the page's)."""
    b = GraphBuilder()
    b.body("广东省总工会", "province")
    b.body("佛山市总工会", "city", "佛山市", "广东省总工会")
    b.body("汕头市总工会", "city", "汕头市", "广东省总工会")
    b.body("揭阳市总工会", "city", "揭阳市", "广东省总工会")
    b.body("汕头市潮南区总工会", "district", "汕头市", "汕头市总工会")
    b.body("揭阳市榕城区总工会", "district", "揭阳市", "揭阳市总工会")
    b.node("Campaign:百千万工程", "Campaign", "百千万工程", aliases=["百千万工程", "“百千万工程”"],
           articles=["a2", "a5", "a7"])
    b.article("a2", "佛山会议", "03-19")
    b.article("a5", "潮南会议", "03-17")
    b.article("a7", "榕城会议", None)
    b.adopt("佛山市总工会", "百千万工程", "03-19", "佛山市总工会要求在“百千万工程”中建功。", "a2")
    b.adopt("汕头市潮南区总工会", "百千万工程", "03-17", "潮南积极投身\"百千万工程\"。", "a5")
    b.adopt("揭阳市榕城区总工会", "百千万工程", None, "榕城围绕百千万工程组织职工。", "a7")
    return b.G
