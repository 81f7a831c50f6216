"""The model: resolution, hierarchy, stable ids, incremental builds, file round trips."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from unionkg.model import GraphStore, load_build, to_networkx
from unionkg.pipeline import build
from unionkg.sinks.files import read_json, write_exports

from shared_paths import SEED, need


def _edges(g: nx.MultiDiGraph, rtype: str) -> set[tuple[str, str]]:
    return {(g.nodes[u]["name"], g.nodes[v]["name"]) for u, v, d in g.edges(data=True) if d["type"] == rtype}


def test_seed_graph_resolution_and_hierarchy(seed_build: Path) -> None:
    g = load_build(seed_build)
    unions = {d["name"]: n for n, d in g.nodes(data=True) if d["label"] == "UnionBody"}
    assert "UnionBody:广州市总工会" in g and "市总工会" in g.nodes["UnionBody:广州市总工会"]["aliases"]
    assert not any(name == "市总工会" for name in unions)
    sub = _edges(g, "SUBORDINATE_TO")
    assert ("珠海市香洲区总工会", "珠海市总工会") in sub
    assert ("汕头市潮南区总工会", "汕头市总工会") in sub and ("汕头市总工会", "广东省总工会") in sub
    assert ("广东省总工会", "中华全国总工会") in sub
    assert g.nodes["UnionBody:汕头市总工会"]["inferred"] is True
    assert ("珠海市总工会", "珠海市香洲区总工会") in _edges(g, "VISITED")
    led = [(u, v) for u, v, d in g.edges(data=True) if d["type"] == "LED"]
    assert led and g.nodes[led[0][0]]["name"] == "吕红珍"
    assert any(g.nodes[v]["name"] == "珠海市总工会" for _, v, d in g.out_edges(led[0][1], data=True) if d["type"] == "HELD_BY")
    camp = "Campaign:百千万工程"
    adopters = {(g.nodes[u]["name"], d.get("date")) for u, _, d in g.in_edges(camp, data=True) if d["type"] == "IMPLEMENTS"}
    assert adopters == {("佛山市总工会", "03-19"), ("汕头市潮南区总工会", "03-17"), ("揭阳市榕城区总工会", None)}
    yhls = [n for n, d in g.nodes(data=True) if d["label"] == "Campaign" and "一函两书" in d["name"]]
    assert yhls == ["Campaign:一函两书"]
    assert {g.nodes[u]["name"] for u, _, d in g.in_edges(yhls[0], data=True) if d["type"] == "IMPLEMENTS"} == {
        "佛山市总工会", "揭阳市榕城区总工会"}
    assert ("潮南区", "汕头市") in _edges(g, "LOCATED_IN") and ("汕头市", "广东省") in _edges(g, "LOCATED_IN")
    for u, v, d in g.edges(data=True):
        assert d["type"] and (d["evidence"] or d.get("rule") or d["type"] == "MENTIONS"), (u, v, d)


def test_rebuild_and_halves_give_identical_graphs(tmp_path: Path) -> None:
    raw = need(SEED).read_text(encoding="utf-8")
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "halves"
    build([str(SEED)], a, html=False, exports=["json"])
    first = (a / "graph.json").read_bytes()
    s = build([str(SEED)], a, html=False, exports=["json"])
    assert s.cached == 7
    assert (a / "graph.json").read_bytes() == first
    build([str(SEED)], b, html=False, exports=["json"])
    assert (b / "graph.json").read_bytes() == first
    cut = raw.index("东莞市大岭山镇总工会\n")
    (tmp_path / "p1.txt").write_text(raw[:cut], encoding="utf-8")
    (tmp_path / "p2.txt").write_text(raw[cut:], encoding="utf-8")
    build([str(tmp_path / "p1.txt")], c, html=False)
    s2 = build([str(tmp_path / "p2.txt")], c, html=False, add=True, exports=["json"])
    assert s2.articles == 7 and s2.cached == 0
    assert (c / "graph.json").read_bytes() == first


def _article(i: int, city: str, name: str, source: str, body: str) -> dict[str, str]:
    return {"id": f"zw{i}", "title": f"{body}召开会议{i}", "source": source, "date": f"2024-03-0{i}",
            "text": f"本报讯(记者{name})3月{i}日,{body}召开工作会议,研究部署\"春风行动\"。"}


def test_namesakes_stay_apart_and_one_reporter_is_one(tmp_path: Path) -> None:
    rows = [
        _article(1, "广州", "张伟", "南方工报", "广州市总工会"),
        _article(2, "广州", "张伟", "南方工报", "广州市天河区总工会"),
        {"id": "zw3", "title": "兰州市总工会召开座谈会", "source": "兰州日报", "date": "2024-03-05",
         "text": "本报讯 3月5日,兰州市总工会召开座谈会。兰州市总工会副主席张伟主持会议。"},
    ]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    build([str(p)], tmp_path / "out", html=False)
    g = load_build(tmp_path / "out")
    zw = sorted(n for n, d in g.nodes(data=True) if d["label"] == "Person" and d["name"] == "张伟")
    assert zw == ["Person:张伟@reporter:南方工报", "Person:张伟@兰州市总工会"]
    assert len([1 for _, _, d in g.out_edges(zw[0], data=True) if d["type"] == "REPORTED"]) == 2


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_round_trip(seed_build: Path, fmt: str, tmp_path: Path) -> None:
    with GraphStore.open(seed_build) as store:
        g = to_networkx(store)
        [path] = write_exports(store, tmp_path, [fmt])
    if fmt == "graphml":
        h = nx.read_graphml(path)
    elif fmt == "gexf":
        h = nx.read_gexf(path)
    else:
        h = read_json(path)
    assert h.number_of_nodes() == g.number_of_nodes() > 50
    assert h.number_of_edges() == g.number_of_edges() > 100
    for n, d in g.nodes(data=True):
        assert h.nodes[n]["label"] == d["label"]
        assert h.nodes[n]["name"] == d["name"]
    key = "label" if fmt == "gexf" else "type"  # GEXF reserves its edge attribute `type`
    types = sorted(d[key] for _, _, d in h.edges(data=True))
    assert types == sorted(d["type"] for _, _, d in g.edges(data=True))
    if fmt == "graphml":
        ev = [d["evidence"] for _, _, d in h.edges(data=True) if d["type"] == "IMPLEMENTS"]
        assert ev and json.loads(ev[0])[0]["sentence"]
    if fmt == "json":
        assert nx.utils.edges_equal(h.edges(keys=True, data=True), g.edges(keys=True, data=True))
        assert dict(h.nodes(data=True)) == dict(g.nodes(data=True))


def test_gexf_plays_a_timeline_when_dates_have_a_year(tmp_path: Path) -> None:
    build([str(need(SEED))], tmp_path, html=False, year=2025, exports=["gexf"])
    h = nx.read_gexf(tmp_path / "graph.gexf")
    text = (tmp_path / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text
    starts = {d.get("start") for _, _, d in h.edges(data=True) if d.get("label") == "IMPLEMENTS"}
    assert {"2025-03-17", "2025-03-19", "2025-03-18"} <= starts


def test_campaign_variants_merge_and_different_policies_stay_apart() -> None:
    from collections import Counter

    from unionkg.resolve.campaigns import group_campaigns

    names = {
        "一函两书": {'"一函两书"工作制度'},
        "一函两书工作制度": set(),
        "全国两会精神": set(),
        '全国"两会"精神': set(),
        "中国工会十七大精神": set(),
        "中国工会十八大精神": set(),
    }
    counts = Counter({"一函两书": 3, "全国两会精神": 2})
    g = group_campaigns(names, counts)
    assert g["一函两书工作制度"] == g["一函两书"] == "一函两书"
    assert g['全国"两会"精神'] == g["全国两会精神"] == "全国两会精神"
    assert g["中国工会十七大精神"] != g["中国工会十八大精神"]


def test_traditional_and_simplified_articles_meet_in_one_node(tmp_path: Path) -> None:
    rows = [
        {"id": "t1", "title": "河源市總工會舉辦宣講會", "date": "2024-04-26",
         "text": "本報訊（記者 鄭曉峰）4月25日，河源市總工會舉辦「中國夢·勞動美」宣講會。"},
        {"id": "s1", "title": "河源市总工会召开座谈会", "date": "2024-05-11",
         "text": "本报讯 5月10日,河源市总工会召开座谈会,深化\"中国梦·劳动美\"主题宣传。"},
    ]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    build([str(p)], tmp_path / "out", html=False)
    facts = [json.loads(x) for x in (tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    trad = next(f for f in facts if f.get("article", {}).get("id") == "t1")
    names = {e["name"] for e in trad["entities"]}
    assert {"河源市總工會", "中國夢·勞動美", "鄭曉峰"} <= names  # the text's own script
    g = load_build(tmp_path / "out")
    assert {g.nodes[u]["name"] for u, _, d in g.in_edges("Campaign:中国梦·劳动美", data=True)
            if d["type"] == "IMPLEMENTS"} == {"河源市总工会"}
    assert len([1 for _, _, d in g.in_edges("Campaign:中国梦·劳动美", data=True) if d["type"] == "IMPLEMENTS"]) == 2
