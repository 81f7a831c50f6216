"""Facts → ``networkx.MultiDiGraph``: the one in-memory model every sink reads (graph/MODEL.md)."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import orjson

from ..extract.divisions import Divisions
from ..resolve.campaigns import group_campaigns
from ..resolve.hierarchy import parent_union, union_name
from ..resolve.people import Merge, PersonContext, resolve_people
from ..types import ROLE_TYPES, Label, RelType

ENTITY_TYPES = {lab.value for lab in (Label.PERSON, Label.UNION_BODY, Label.ORGANIZATION, Label.PLACE,
                                      Label.CAMPAIGN, Label.LAW)}


class GraphBuilder:
    """Accumulates nodes and edges with stable ids and keys.

    Writes networkx's own dicts (``_node``, ``_succ``, ``_pred``) as ``add_node``/``add_edge`` do,
    without their per-call overhead (measured: a third of the graph stage's own time).
    """

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self._seen: dict[str, set[str]] = {}  # node id -> articles and aliases already recorded

    def node(self, nid: str, label: str, name: str, *, article: str | None = None, alias: str | None = None,
             inferred: bool = False, **props: Any) -> str:
        g = self.g
        d = g._node.get(nid)
        if d is None:
            d = self._add(nid)
            d.update(label=label, name=name, aliases=[], articles=[], inferred=inferred)
            seen = self._seen[nid] = set()
        else:
            seen = self._seen[nid]
            if not inferred and d["inferred"]:
                d["inferred"] = False
        if article and ("a:" + article) not in seen:
            seen.add("a:" + article)
            d["articles"].append(article)
        if alias and alias != name and ("n:" + alias) not in seen:
            seen.add("n:" + alias)
            d["aliases"].append(alias)
        for k, v in props.items():
            if v is not None and d.get(k) in (None, ""):
                d[k] = v
        return nid

    def _add(self, nid: str) -> dict[str, Any]:
        """A new node's (empty) attribute dict."""
        g = self.g
        g._succ[nid] = {}
        g._pred[nid] = {}
        d: dict[str, Any] = {}
        g._node[nid] = d
        return d

    def edge(self, u: str, v: str, rtype: RelType, key: str, evidence: dict[str, Any] | None = None, **props: Any) -> None:
        succ = self.g._succ
        nbrs = succ.get(u)
        if nbrs is None:
            self._add(u)
            nbrs = succ[u]
        keyed = nbrs.get(v)
        if keyed is None:
            if v not in succ:
                self._add(v)
            keyed = nbrs[v] = self.g._pred[v][u] = {}
        d = keyed.get(key)
        if d is None:
            d = keyed[key] = {"type": rtype.value, "evidence": [evidence] if evidence else []}
        elif evidence and evidence not in d["evidence"]:
            d["evidence"].append(evidence)
        for k, val in props.items():
            if val is not None and d.get(k) in (None, ""):
                d[k] = val


def build_graph(lines: Iterable[dict[str, Any]], divisions: Divisions | None = None) -> nx.MultiDiGraph:
    """Build the graph from facts lines (article lines; other lines are ignored)."""
    g, _ = build_graph_with_merges(lines, divisions)
    return g


class FactSource:
    """Article lines to build from: a list in memory, or a facts file read twice (once in file
    order, then by article id through an offset index), so a big build never holds all its facts."""

    def __init__(self, lines: Iterable[dict[str, Any]] | None = None, path: str | os.PathLike[str] | None = None):
        self.lines = [ln for ln in lines if "article" in ln] if lines is not None else None
        self.path = path
        self.offsets: dict[str, int] = {}

    def scan(self) -> Iterator[dict[str, Any]]:
        if self.lines is not None:
            yield from self.lines
            return
        assert self.path is not None
        with open(self.path, "rb") as fh:
            while True:
                pos = fh.tell()
                raw = fh.readline()
                if not raw:
                    break
                if not raw.startswith(b'{"article"'):
                    continue
                ln = orjson.loads(raw)
                self.offsets[ln["article"]["id"]] = pos
                yield ln

    def by_id(self) -> Iterator[dict[str, Any]]:
        """Lines sorted by article id: ids, not input order, decide node properties."""
        if self.lines is not None:
            yield from sorted(self.lines, key=lambda ln: ln["article"]["id"])
            return
        assert self.path is not None
        with open(self.path, "rb") as fh:
            for aid in sorted(self.offsets):
                fh.seek(self.offsets[aid])
                yield orjson.loads(fh.readline())


@dataclass
class BuildStats:
    articles: int = 0
    entities: int = 0
    relations: int = 0
    named_together: set[tuple[str, str]] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=dict)  # stage → wall seconds


def build_graph_with_merges(lines: Iterable[dict[str, Any]] | FactSource, divisions: Divisions | None = None
                            ) -> tuple[nx.MultiDiGraph, list[Merge]]:
    g, merges, _ = build_graph_from(lines if isinstance(lines, FactSource) else FactSource(lines), divisions)
    return g, merges


def build_graph_from(src: FactSource, divisions: Divisions | None = None
                     ) -> tuple[nx.MultiDiGraph, list[Merge], BuildStats]:
    """Two passes: resolve campaigns and people over all articles, then add nodes and edges."""
    divs = divisions or Divisions.load()
    b = GraphBuilder()
    stats = BuildStats()
    variants: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    city_of_body: dict[str, str] = {}
    raw_contexts: list[tuple[str, str, tuple[str, ...], str | None, str | None, bool]] = []
    for ln in src.scan():
        a = ln["article"]
        stats.articles += 1
        stats.entities += len(ln["entities"])
        stats.relations += len(ln["relations"])
        places = set()
        for e in ln["entities"]:
            if e["type"] == "Campaign":
                variants[e["name"]].update(e.get("aliases", []))
                counts[e["name"]] += 1
            elif e["type"] in ("UnionBody", "Organization") and e.get("place") in divs.by_code:
                city_of_body[e["name"]] = _city(divs, e["place"])
            elif e["type"] == "Place" and e.get("place"):
                places.add(e["place"])
        for p in places:
            for q in places:
                if p != q:
                    stats.named_together.add((f"Place:{p}", f"Place:{q}"))
        org = ln["events"][0]["organiser"] if ln.get("events") else None
        org_city = None
        for e in ln["entities"]:
            if e["name"] == org and e.get("place") in divs.by_code:
                org_city = _city(divs, e["place"])
        bodies: dict[str, list[str]] = defaultdict(list)
        for r in ln["relations"]:
            if r["type"] == "HOLDS_POSITION":
                bodies[r["head"]].append(r["tail"])
        for e in ln["entities"]:
            if e["type"] == "Person":
                raw_contexts.append((e["name"], a["id"], tuple(bodies.get(e["name"], ())), org_city, a.get("source"),
                                     e.get("role") == "reporter" or e["name"] in a.get("authors", [])))
    camp = group_campaigns(variants, counts)
    contexts = [PersonContext(*c) for c in sorted(raw_contexts, key=lambda c: (c[1], c[0]))]
    person_id, merges = resolve_people(contexts, city_of_body)
    for ln in src.by_id():
        _add_article(b, ln, camp, person_id, divs)
    _add_hierarchy(b, divs)
    for _, d in b.g.nodes(data=True):
        d["articles"].sort()
        d["aliases"].sort()
    return b.g, merges, stats


def _city(divs: Divisions, code: str) -> str:
    d = divs.get(code)
    if d.level in ("city", "province"):
        return d.code
    for a in divs.ancestors(code):
        if a.level == "city":
            return a.code
    return d.code


def entity_node_id(etype: str, name: str, e: dict[str, Any] | None = None) -> str:
    if etype == "Place" and e is not None and e.get("place"):
        return f"Place:{e['place']}"
    return f"{etype}:{name}"


def _add_article(b: GraphBuilder, ln: dict[str, Any], camp: dict[str, str], person_id: dict[tuple[str, str], str],
                 divs: Divisions) -> None:
    a = ln["article"]
    aid = a["id"]
    art = b.node(f"Article:{aid}", "Article", a.get("title") or aid, title=a.get("title"), subtitle=a.get("subtitle"),
                 date=a.get("date"), published=a.get("published"), source=a.get("source"), page=a.get("page"),
                 section=a.get("section"), authors=list(a.get("authors") or []), article=aid)
    b.g.nodes[art]["articles"] = [aid]
    ids: dict[tuple[str, str], str] = {}
    for e in ln["entities"]:
        et, name = e["type"], e["name"]
        if et == "Person":
            nid = person_id.get((name, aid), f"Person:{name}@article:{aid}")
            b.node(nid, "Person", name, article=aid)
        elif et == "Campaign":
            cname = camp.get(name, name)
            nid = b.node(f"Campaign:{cname}", "Campaign", cname, article=aid, alias=name)
            for v in e.get("aliases", []):
                b.node(nid, "Campaign", cname, alias=v)
        elif et == "Place":
            nid = b.node(entity_node_id(et, name, e), "Place", name, article=aid, level=e.get("level"),
                         code=e.get("place"))
        else:
            full = e.get("canonical") or name
            nid = b.node(entity_node_id(et, full), et, full, article=aid, alias=name, level=e.get("level"),
                         kind=e.get("kind"), place=e.get("place"))
            for v in e.get("aliases", []):
                b.node(nid, et, name, alias=v)
        ids[(et, name)] = nid
        b.edge(art, nid, RelType.MENTIONS, f"MENTIONS:{aid}")
    # events
    event_org: dict[str, str] = {}
    for ev in ln.get("events", []):
        eid = f"Event:{ev['id']}"
        b.node(eid, "Event", ev.get("title") or a.get("title") or ev["id"], article=aid, kind=ev.get("kind"),
               date=ev.get("date"), title=ev.get("title"))
        if ev.get("organiser"):
            org = ids.get((ev.get("organiser_type") or "UnionBody", ev["organiser"]))
            if org:
                event_org[ev["id"]] = org
                s = ev.get("sentence") or {}
                text = ln.get("text", "")
                evid = {"article": aid, "sentence": text[s.get("start", 0):s.get("end", 0)], "start": s.get("start", 0),
                        "end": s.get("end", 0), "rule": "event.lead.v1", "confidence": 0.9}
                b.edge(eid, org, RelType.HELD_BY, f"HELD_BY:{aid}", evid, article=aid, date=ev.get("date"))
    for r in ln["relations"]:
        rtype = RelType(r["type"])
        evid = r.get("evidence")
        date = a.get("date")
        if rtype is RelType.REPORTED:
            pid = person_id.get((r["head"], aid))
            if pid:
                b.edge(pid, art, rtype, f"REPORTED:{aid}", evid, article=aid, date=date)
            continue
        head = _lookup(ids, r["head"], r.get("head_type"), person_id, aid, camp)
        tail = _lookup(ids, r["tail"], r.get("tail_type"), person_id, aid, camp)
        if head is None or tail is None:
            continue
        event = f"Event:{r['event']}" if r.get("event") else None
        if rtype in ROLE_TYPES and event:
            b.edge(head, event, rtype, f"{rtype.value}:{aid}", evid, article=aid, date=date)
        elif rtype is RelType.INVITED and event:
            b.edge(event, tail, rtype, f"INVITED:{aid}", evid, article=aid, date=date)
        elif rtype is RelType.HOLDS_POSITION:
            b.edge(head, tail, rtype, f"HOLDS_POSITION:{r.get('title', '')}", evid, title=r.get("title"),
                   article=aid, date=date)
        elif rtype is RelType.IMPLEMENTS:
            b.edge(head, tail, rtype, f"IMPLEMENTS:{aid}", evid, mode=r.get("mode"), event=event, article=aid,
                   date=date, surface=r.get("surface"))
        else:
            b.edge(head, tail, rtype, f"{rtype.value}:{aid}", evid, event=event, article=aid, date=date)


def _lookup(ids: dict[tuple[str, str], str], name: str, etype: str | None, person_id: dict[tuple[str, str], str],
            aid: str, camp: dict[str, str]) -> str | None:
    if etype == "Person":
        return person_id.get((name, aid))
    if etype and (etype, name) in ids:
        return ids[(etype, name)]
    for (t, n), nid in ids.items():
        if n == name and t != "Person":
            return nid
    return None


def _add_hierarchy(b: GraphBuilder, divs: Divisions) -> None:
    g = b.g
    rule = {"rule": "hierarchy.divisions.v1"}
    todo = [n for n, d in g.nodes(data=True) if d["label"] in ("UnionBody", "Organization", "Place")]
    for nid in sorted(todo):
        d = g.nodes[nid]
        code = d.get("place") if d["label"] != "Place" else d.get("code")
        if not code or code not in divs.by_code:
            continue
        if d["label"] != "Place" and d.get("kind") != "congress":
            pl = _place_node(b, divs, code)
            b.edge(nid, pl, RelType.LOCATED_IN, "LOCATED_IN", None, **rule)
        _place_chain(b, divs, code)
    # unions: SUBORDINATE_TO one level up, creating inferred parents
    queue = sorted(n for n, d in g.nodes(data=True) if d["label"] == "UnionBody")
    while queue:
        nid = queue.pop(0)
        d = g.nodes[nid]
        code, level = d.get("place"), d.get("level")
        if d.get("industry") or not d["name"].endswith("总工会"):
            if code and code in divs.by_code and d["name"].endswith("工会") and d.get("level") not in ("grassroots",):
                parent = _union_node(b, divs, union_name(divs, code), code, divs.get(code).level)
                if parent != nid:
                    b.edge(nid, parent, RelType.SUBORDINATE_TO, "SUBORDINATE_TO", None, **rule)
            continue
        up = parent_union(divs, code, level)
        if up is None:
            continue
        name, pcode, plevel = up
        parent = _union_node(b, divs, name, pcode, plevel)
        if not g.has_edge(nid, parent, "SUBORDINATE_TO"):
            b.edge(nid, parent, RelType.SUBORDINATE_TO, "SUBORDINATE_TO", None, **rule)
            queue.append(parent)


def _union_node(b: GraphBuilder, divs: Divisions, name: str, code: str | None, level: str) -> str:
    nid = f"UnionBody:{name}"
    if nid not in b.g:
        b.node(nid, "UnionBody", name, inferred=True, level=level, place=code)
        if code:
            b.edge(nid, _place_node(b, divs, code), RelType.LOCATED_IN, "LOCATED_IN", None, rule="hierarchy.divisions.v1")
            _place_chain(b, divs, code)
    return nid


def _place_node(b: GraphBuilder, divs: Divisions, code: str) -> str:
    nid = f"Place:{code}"
    if nid not in b.g:
        d = divs.get(code)
        b.node(nid, "Place", d.name, inferred=True, level=d.level, code=code)
    return nid


def _place_chain(b: GraphBuilder, divs: Divisions, code: str) -> None:
    cur = code
    for a in divs.ancestors(code):
        child = _place_node(b, divs, cur)
        parent = _place_node(b, divs, a.code)
        b.edge(child, parent, RelType.LOCATED_IN, "LOCATED_IN", None, rule="hierarchy.divisions.v1")
        cur = a.code


def hierarchy_lines(g: nx.MultiDiGraph, named_together: set[tuple[str, str]]) -> dict[str, Any]:
    """The corpus-level facts line: LOCATED_IN of union bodies, of places named together in an
    article (``named_together``), and SUBORDINATE_TO between unions (inferred parents included)."""
    rels = []
    hier = [(u, v, d) for u, nbrs in g._adj.items() for v, keyed in nbrs.items() for d in keyed.values()
            if d["type"] in (RelType.LOCATED_IN.value, RelType.SUBORDINATE_TO.value)]
    for u, v, d in sorted(hier, key=lambda x: (x[0], x[1], x[2]["type"])):
        t = d["type"]
        lu, lv = g.nodes[u]["label"], g.nodes[v]["label"]
        named_body = lu == "UnionBody" and not g.nodes[u]["inferred"]
        if t == RelType.SUBORDINATE_TO.value or (t == RelType.LOCATED_IN.value and named_body) or (
                t == RelType.LOCATED_IN.value and lu == "Place" and (u, v) in named_together):
            rels.append({"type": t, "head": g.nodes[u]["name"], "tail": g.nodes[v]["name"], "head_type": lu,
                         "tail_type": lv, "inferred": bool(g.nodes[u]["inferred"] or g.nodes[v]["inferred"]),
                         "rule": d.get("rule", "")})
    return {"relations": rels}
