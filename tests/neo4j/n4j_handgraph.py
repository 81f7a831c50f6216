"""A hand-built graph that follows graph/MODEL.md, shaped like the seed page (names are public bodies
and officials; every sentence here is written for the tests, not copied from the page)."""

from __future__ import annotations

from typing import Any

import networkx as nx

BAIQIANWAN = "百千万工程"
INJECTION = "x'}) DETACH DELETE n //"


def _node(G: nx.MultiDiGraph, label: str, key: str, name: str, articles: tuple[str, ...] = (), **props: Any) -> str:
    node_id = f"{label}:{key}"
    props.setdefault("inferred", not articles)
    G.add_node(node_id, label=label, name=name, articles=sorted(articles), **props)
    return node_id


def _ev(article: str, sentence: str, rule: str, confidence: float = 0.9) -> dict[str, Any]:
    return {"article": article, "sentence": sentence, "start": 0, "end": len(sentence), "rule": rule,
            "confidence": confidence}


def _edge(G: nx.MultiDiGraph, u: str, v: str, rel: str, article: str | None, sentence: str = "",
          rule: str = "test.rule.v1", **props: Any) -> None:
    key = f"{rel}|{article or '-'}|{u}|{v}"
    evidence = [_ev(article, sentence or f"{u}{rel}{v}。", rule)] if article else []
    extra: dict[str, Any] = {"evidence": evidence}
    if article:
        extra["article"] = f"{article}"
    else:
        extra["rule"] = "hierarchy.divisions.v1"
    G.add_edge(u, v, key=key, type=rel, **extra, **props)


def build() -> nx.MultiDiGraph:
    """Bodies on three levels, campaigns relayed down them, events, people with several posts."""
    G = nx.MultiDiGraph()
    acftu = _node(G, "UnionBody", "中华全国总工会", "中华全国总工会", level="national")
    gd = _node(G, "UnionBody", "广东省总工会", "广东省总工会", ("t0",), level="province", aliases=["省总工会"])
    gz = _node(G, "UnionBody", "广州市总工会", "广州市总工会", ("a1",), level="city", aliases=["市总工会"])
    fs = _node(G, "UnionBody", "佛山市总工会", "佛山市总工会", ("a2",), level="city", aliases=["市总工会"])
    st = _node(G, "UnionBody", "汕头市总工会", "汕头市总工会", level="city")
    cn = _node(G, "UnionBody", "汕头市潮南区总工会", "汕头市潮南区总工会", ("a5",), level="district",
               aliases=["潮南区总工会"])
    jy = _node(G, "UnionBody", "揭阳市总工会", "揭阳市总工会", level="city")
    rc = _node(G, "UnionBody", "揭阳市榕城区总工会", "揭阳市榕城区总工会", ("a7",), level="district",
               aliases=["榕城区总工会"])
    for low, high in [(gd, acftu), (gz, gd), (fs, gd), (st, gd), (cn, st), (jy, gd), (rc, jy)]:
        _edge(G, low, high, "SUBORDINATE_TO", None)
    gdp = _node(G, "Place", "44", "广东省", level="province", code="44")
    fsp = _node(G, "Place", "4406", "佛山市", ("a2",), level="city", code="4406")
    _edge(G, fsp, gdp, "LOCATED_IN", None)
    _edge(G, fs, fsp, "LOCATED_IN", None)
    renda = _node(G, "Organization", "广州市人大常委会", "广州市人大常委会", ("a1",), kind="congress")
    company = _node(G, "Organization", "佛山市智荟蓝天环保科技有限公司", "佛山市智荟蓝天环保科技有限公司", ("a2",),
                    kind="company")

    bqw = _node(G, "Campaign", BAIQIANWAN, BAIQIANWAN, ("a2", "a5", "a7", "t0"),
                aliases=["“百千万工程”", "百县千镇万村高质量发展工程"], first_date="03-10")
    reform = _node(G, "Campaign", "产业工人队伍建设改革", "产业工人队伍建设改革", ("a1", "a2", "a5", "a7"), aliases=[])
    lianghui = _node(G, "Campaign", "全国两会精神", "全国两会精神", ("a1", "a2"), aliases=["两会精神"])
    law = _node(G, "Law", "工会法", "工会法", ("a2",), aliases=["《工会法》", "中华人民共和国工会法"])

    arts = {}
    for aid, title, date in [("t0", "省总工会部署会议", "03-10"), ("a1", "广州市总工会党组会议", "03-18"),
                             ("a2", "佛山市总工会学习会议", "03-19"), ("a5", "潮南区总工会服务大局", "03-17"),
                             ("a7", "榕城区总工会向新延伸", None)]:
        arts[aid] = _node(G, "Article", aid, title, (aid,), title=title, subtitle=None, date=date,
                          published="2025-03-21", source="测试工人报", page="03", section="要闻", authors=["测试记者"])
    ev_gd = _node(G, "Event", "t0#1", "省总工会部署会议", ("t0",), kind="meeting", date="03-10", title="省总工会部署会议",
                  article="t0")
    ev_fs = _node(G, "Event", "a2#1", "佛山市总工会学习会议", ("a2",), kind="study", date="03-19",
                  title="佛山市总工会学习会议", article="a2")
    ev_fs2 = _node(G, "Event", "a2#2", "佛山市总工会调研", ("a2",), kind="visit", date="03-20",
                   title="佛山市总工会调研", article="a2")
    ev_gz = _node(G, "Event", "a1#1", "广州市总工会党组会议", ("a1",), kind="meeting", date="03-18",
                  title="广州市总工会党组会议", article="a1")
    ev_cn = _node(G, "Event", "a5#1", "潮南区总工会会议", ("a5",), kind="meeting", date="03-17",
                  title="潮南区总工会会议", article="a5")
    for ev, org, aid in [(ev_gd, gd, "t0"), (ev_fs, fs, "a2"), (ev_fs2, fs, "a2"), (ev_gz, gz, "a1"),
                         (ev_cn, cn, "a5")]:
        _edge(G, ev, org, "HELD_BY", aid, date=G.nodes[ev]["date"])

    def implements(body: str, target: str, aid: str, date: str | None, event: str | None, mode: str) -> None:
        _edge(G, body, target, "IMPLEMENTS", aid, f"测试句:{G.nodes[body]['name']}推进{G.nodes[target]['name']}。",
              rule="implements.tuijin.v1", date=date, event=event, mode=mode)

    implements(gd, bqw, "t0", "03-10", ev_gd, "implement")
    implements(fs, bqw, "a2", "03-19", ev_fs, "implement")
    implements(cn, bqw, "a5", "03-17", ev_cn, "implement")
    implements(rc, bqw, "a7", None, None, "implement")
    implements(gd, reform, "t0", "03-10", ev_gd, "implement")
    implements(fs, reform, "a2", "03-19", ev_fs, "implement")
    implements(cn, reform, "a5", "03-17", ev_cn, "implement")
    implements(rc, reform, "a7", None, None, "implement")
    implements(gz, reform, "a1", "03-18", ev_gz, "implement")
    implements(gz, lianghui, "a1", "03-18", ev_gz, "study")
    implements(fs, lianghui, "a2", "03-19", ev_fs, "study")
    implements(fs, law, "a2", "03-19", ev_fs, "publicize")

    people = {}
    for name, anchor, aid in [("唐航浩", "广州市总工会", "a1"), ("蒋庆", "佛山市总工会", "a2"),
                              ("苏荣欢", "佛山市智荟蓝天环保科技有限公司", "a2"), ("张伟", "佛山市总工会", "a2"),
                              ("张伟", "广州市总工会", "a1"), ("测试记者", "reporter:测试工人报", "a1")]:
        people[(name, anchor)] = _node(G, "Person", f"{name}@{anchor}", name, (aid,), aliases=[],
                                       affiliations=[anchor] if not anchor.startswith("reporter:") else [])
    tang, jiang = people[("唐航浩", "广州市总工会")], people[("蒋庆", "佛山市总工会")]
    su = people[("苏荣欢", "佛山市智荟蓝天环保科技有限公司")]
    _edge(G, tang, renda, "HOLDS_POSITION", "a1", title="党组副书记、副主任")
    _edge(G, tang, gz, "HOLDS_POSITION", "a1", title="党组书记、主席")
    _edge(G, jiang, fs, "HOLDS_POSITION", "a2", title="党组书记、主席")
    _edge(G, su, company, "HOLDS_POSITION", "a2", title="工会主席")
    _edge(G, people[("张伟", "佛山市总工会")], fs, "HOLDS_POSITION", "a2", title="副主席")
    _edge(G, people[("张伟", "广州市总工会")], gz, "HOLDS_POSITION", "a1", title="副主席")
    _edge(G, tang, ev_gz, "CHAIRED", "a1", "测试句:唐航浩主持会议。", rule="chaired.zhuchi.v1")
    _edge(G, jiang, ev_fs, "CHAIRED", "a2", "测试句:蒋庆主持会议。", rule="chaired.zhuchi.v1")
    _edge(G, su, ev_fs, "SPOKE", "a2", "测试句:苏荣欢作宣讲。", rule="spoke.xuanjiang.v1")
    _edge(G, jiang, ev_fs2, "LED", "a2", "测试句:蒋庆带队调研。", rule="led.daidui.v1")
    _edge(G, people[("张伟", "佛山市总工会")], ev_fs, "ATTENDED", "a2", "测试句:张伟参加会议。", rule="attended.canjia.v1")
    _edge(G, fs, company, "VISITED", "a2", "测试句:调研企业。", rule="visited.diaoyan.v1", event=ev_fs2, date="03-20")
    _edge(G, people[("测试记者", "reporter:测试工人报")], arts["a1"], "REPORTED", "a1", rule="byline.v1")
    for aid, art in arts.items():
        for node, attrs in list(G.nodes(data=True)):
            if aid in attrs.get("articles", []) and attrs["label"] not in ("Article", "Event"):
                _edge(G, art, node, "MENTIONS", aid, rule="mentions.v1")
    return G


def with_injection(G: nx.MultiDiGraph) -> str:
    """Add a body whose name is a Cypher-injection attempt; returns its id."""
    node = _node(G, "UnionBody", INJECTION, INJECTION, ("a9",), level="grassroots", aliases=[INJECTION + "'"])
    _edge(G, node, f"Campaign:{BAIQIANWAN}", "IMPLEMENTS", "a9", INJECTION, date="03-21", event=None,
          mode="implement")
    return node
