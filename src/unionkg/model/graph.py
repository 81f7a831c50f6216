"""Facts → ``networkx.MultiDiGraph``: the one in-memory model every sink reads (graph/MODEL.md)."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

import networkx as nx
import orjson

from ..extract.divisions import Divisions
from ..ingest.normalize import in_script_of
from ..resolve.campaigns import CampaignMerge, group_campaigns
from ..resolve.hierarchy import parent_union, union_name
from ..resolve.people import Merge, PersonContext, resolve_people
from ..types import ROLE_TYPES, Label, RelType

_REL_VALUES: dict[str, str] = {t.value: t.value for t in RelType}  # raw type → the one str of it
_ROLE_VALUES = frozenset(t.value for t in ROLE_TYPES)
_MENTIONS, _REPORTED, _HELD_BY, _INVITED = (RelType.MENTIONS.value, RelType.REPORTED.value, RelType.HELD_BY.value,
                                            RelType.INVITED.value)
_HOLDS_POSITION, _IMPLEMENTS = RelType.HOLDS_POSITION.value, RelType.IMPLEMENTS.value
_LOCATED_IN, _SUBORDINATE_TO = RelType.LOCATED_IN.value, RelType.SUBORDINATE_TO.value
_HIERARCHY = frozenset((_LOCATED_IN, _SUBORDINATE_TO))

#: An edge as (source, target, attributes).
Edge = tuple[str, str, dict[str, Any]]

ENTITY_TYPES = {lab.value for lab in (Label.PERSON, Label.UNION_BODY, Label.ORGANIZATION, Label.PLACE,
                                      Label.CAMPAIGN, Label.LAW)}


class GraphBuilder:
    """Accumulates nodes and edges with stable ids and keys.

    Writes networkx's own dicts (``_node``, ``_succ``, ``_pred``) as ``add_node``/``add_edge`` do,
    without their per-call overhead (measured: a third of the graph stage's own time). A node's
    ``articles`` and ``aliases`` are kept sorted as they grow, so a look-up (most often at the end:
    articles come in id order) tells whether one is already recorded.
    """

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self.chained: set[str] = set()  # division codes whose LOCATED_IN chain is in the graph
        self.hierarchy: list[Edge] = []  # the LOCATED_IN and SUBORDINATE_TO edges, as made
        self.shown: dict[str, Counter[str]] = {}  # body/place node -> the names the facts give it

    def node(self, nid: str, label: str, name: str, *, article: str | None = None, alias: str | None = None,
             inferred: bool = False, **props: Any) -> str:
        d = self.g._node.get(nid)
        if d is None:
            d = self._add(nid)
            d.update(label=label, name=name, aliases=[], articles=[], inferred=inferred)
        elif not inferred and d["inferred"]:
            d["inferred"] = False
        if article:
            insort_new(d["articles"], article)
        if alias and alias != name:
            insort_new(d["aliases"], alias)
        for k, v in props.items():
            if v is not None and d.get(k) in (None, ""):
                d[k] = v
        return nid

    def also_named(self, nid: str, name: str, aliases: Iterable[str]) -> None:
        """Record ``aliases`` of node ``nid`` (those that are not ``name``)."""
        known = self.g._node[nid]["aliases"]
        for alias in aliases:
            if alias and alias != name:
                insort_new(known, alias)

    def saw(self, nid: str, name: str) -> None:
        """Count one article's facts naming node ``nid`` as ``name``."""
        counts = self.shown.get(nid)
        if counts is None:
            counts = self.shown[nid] = Counter()
        counts[name] += 1

    def _add(self, nid: str) -> dict[str, Any]:
        """A new node's (empty) attribute dict."""
        g = self.g
        g._succ[nid] = {}
        g._pred[nid] = {}
        d: dict[str, Any] = {}
        g._node[nid] = d
        return d

    def edge(self, u: str, v: str, rtype: RelType, key: str, evidence: dict[str, Any] | None = None, **props: Any) -> None:
        self.add_edge(u, v, rtype.value, key, evidence, props)

    def add_edge(self, u: str, v: str, rtype: str, key: str, evidence: dict[str, Any] | None,
                 props: dict[str, Any]) -> None:
        """``edge`` for a relationship type given by its value and properties given as a dict."""
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
            d = keyed[key] = {"type": rtype, "evidence": [evidence] if evidence else []}
            if rtype in _HIERARCHY:
                self.hierarchy.append((u, v, d))
        elif evidence and evidence not in d["evidence"]:
            d["evidence"].append(evidence)
        for k, val in props.items():
            if val is not None and d.get(k) in (None, ""):
                d[k] = val

    def mention(self, art: str, nid: str, key: str) -> None:
        """``edge(art, nid, MENTIONS, key)`` for a node ``art``: no evidence, no properties (one per
        entity an article names)."""
        nbrs = self.g._succ[art]
        keyed = nbrs.get(nid)
        if keyed is None:
            if nid not in self.g._succ:
                self._add(nid)
            keyed = nbrs[nid] = self.g._pred[nid][art] = {}
        if key not in keyed:
            keyed[key] = {"type": _MENTIONS, "evidence": []}


def insort_new(items: list[str], item: str) -> None:
    """Put ``item`` into the sorted list ``items`` unless it is there already."""
    if not items or item > items[-1]:
        items.append(item)
        return
    i = bisect_left(items, item)
    if items[i] != item:
        items.insert(i, item)


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
    #: (node, node) named in one article → the names that article gives the two
    names_together: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)
    hierarchy: list[Edge] = field(default_factory=list)  # the graph's LOCATED_IN and SUBORDINATE_TO edges
    shown: dict[str, Counter[str]] = field(default_factory=dict)  # node -> the names the facts give it
    seconds: dict[str, float] = field(default_factory=dict)  # stage → wall seconds
    campaign_merges: list[CampaignMerge] = field(default_factory=list)  # why each campaign name is its node


def build_graph_with_merges(lines: Iterable[dict[str, Any]] | FactSource, divisions: Divisions | None = None
                            ) -> tuple[nx.MultiDiGraph, list[Merge]]:
    g, merges, _ = build_graph_from(lines if isinstance(lines, FactSource) else FactSource(lines), divisions)
    return g, merges


def build_graph_from(src: FactSource, divisions: Divisions | None = None
                     ) -> tuple[nx.MultiDiGraph, list[Merge], BuildStats]:
    """Two passes: resolve campaigns and people over all articles, then add nodes and edges."""
    divs = divisions or Divisions.load()
    b = GraphBuilder()
    census = _Census(divs)
    for ln in src.scan():
        census.add(ln)
    camp = group_campaigns(census.variants, census.counts)
    census.stats.campaign_merges = camp.decisions
    contexts = [PersonContext(*c) for c in sorted(census.contexts, key=lambda c: (c[1], c[0]))]
    person_id, merges = resolve_people(contexts, census.city_of_body)
    for ln in src.by_id():
        _add_article(b, ln, camp, person_id, divs)
    _add_hierarchy(b, divs)
    for d in b.g._node.values():
        d["articles"].sort()
        d["aliases"].sort()
    census.stats.hierarchy = b.hierarchy
    census.stats.shown = b.shown
    return b.g, merges, census.stats


class _Census:
    """What the first pass gathers from every article: counts, campaign names and their variants,
    the city of each body, places named together, and each person's context."""

    def __init__(self, divs: Divisions) -> None:
        self.divs = divs
        self.stats = BuildStats()
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.counts: Counter[str] = Counter()
        self.city_of_body: dict[str, str] = {}
        self.contexts: list[tuple[str, str, tuple[str, ...], str | None, str | None, bool]] = []
        self.cities: dict[str, str] = {}  # division code → its city's (memo of _city)

    def city(self, code: str) -> str:
        out = self.cities.get(code)
        if out is None:
            out = self.cities[code] = _city(self.divs, code)
        return out

    def add(self, ln: dict[str, Any]) -> None:
        """One article line."""
        a, entities = ln["article"], ln["entities"]
        stats = self.stats
        stats.articles += 1
        stats.entities += len(entities)
        stats.relations += len(ln["relations"])
        by_code = self.divs.by_code
        org = ln["events"][0]["organiser"] if ln.get("events") else None
        org_city = None
        places = set()
        people = []
        for e in entities:
            et = e["type"]
            if et == "Campaign":
                self.variants[e["name"]].update(e.get("aliases", ()))
                self.counts[e["name"]] += 1
            elif et in ("UnionBody", "Organization") and e.get("place") in by_code:
                self.city_of_body[e["name"]] = self.city(e["place"])
            elif et == "Place" and e.get("place"):
                places.add(e["place"])
            elif et == "Person":
                people.append(e)
            if e["name"] == org and e.get("place") in by_code:
                org_city = self.city(e["place"])
        if len(places) > 1:
            stats.named_together.update(permutations([f"Place:{p}" for p in places], 2))
        # names an article gives nodes named together: its hierarchy facts say them so (四川省總工會)
        named: dict[str, str] = {}
        for e in entities:
            et = e["type"]
            if et == "Place" and e.get("place"):
                named.setdefault(f"Place:{e['place']}", e["name"])
            elif et in ("UnionBody", "Organization"):
                named.setdefault(f"{et}:{e.get('canonical') or e['name']}", e["name"])
        ids = list(named)
        for u, v in permutations(ids, 2):
            if u.startswith(("UnionBody:", "Organization:")) and (v.startswith("UnionBody:") or v.startswith("Place:")):
                stats.names_together.setdefault((u, v), set()).add((named[u], named[v]))
        unions = [n for n in ids if n.startswith("UnionBody:")]
        if len(unions) > 1:  # unions named in one article: their SUBORDINATE_TO goes in the facts
            stats.named_together.update(permutations(sorted(unions), 2))
        bodies: dict[str, list[str]] = defaultdict(list)
        for r in ln["relations"]:
            if r["type"] == "HOLDS_POSITION":
                bodies[r["head"]].append(r["tail"])
        for e in people:
            self.contexts.append((e["name"], a["id"], tuple(bodies.get(e["name"], ())), org_city, a.get("source"),
                                  e.get("role") == "reporter" or e["name"] in a.get("authors", [])))


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
    b.g._node[art]["articles"] = [aid]
    ids = _add_entities(b, ln["entities"], art, aid, camp, person_id)
    _add_events(b, ln, aid, ids)
    _add_relations(b, ln["relations"], art, aid, a.get("date"), ids, camp, person_id)


def _add_entities(b: GraphBuilder, entities: list[dict[str, Any]], art: str, aid: str, camp: dict[str, str],
                  person_id: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """The nodes of an article's entities, each MENTIONED by the article; their ids by (type, name)."""
    ids: dict[tuple[str, str], str] = {}
    mentions = f"MENTIONS:{aid}"
    node = b.node
    for e in entities:
        et, name = e["type"], e["name"]
        if et == "Person":
            nid = person_id.get((name, aid))
            if nid is None:
                nid = f"Person:{name}@article:{aid}"
            node(nid, "Person", name, article=aid)
        elif et == "Campaign":
            cname = camp.get(name, name)
            nid = node(f"Campaign:{cname}", "Campaign", cname, article=aid, alias=name)
            b.also_named(nid, cname, e.get("aliases", ()))
        elif et == "Place":
            nid = node(entity_node_id(et, name, e), "Place", name, article=aid, level=e.get("level"),
                       code=e.get("place"))
            b.saw(nid, name)
        else:
            full = e.get("canonical") or name
            nid = node(f"{et}:{full}", et, full, article=aid, alias=name, level=e.get("level"),
                       kind=e.get("kind"), place=e.get("place"))
            b.also_named(nid, name, e.get("aliases", ()))
            b.saw(nid, name)
        ids[(et, name)] = nid
        b.mention(art, nid, mentions)
    return ids


def _add_events(b: GraphBuilder, ln: dict[str, Any], aid: str, ids: dict[tuple[str, str], str]) -> None:
    """An article's events, each HELD_BY its organiser (evidence: the lead sentence)."""
    a = ln["article"]
    for ev in ln.get("events", ()):
        eid = f"Event:{ev['id']}"
        b.node(eid, "Event", ev.get("title") or a.get("title") or ev["id"], article=aid, kind=ev.get("kind"),
               date=ev.get("date"), title=ev.get("title"))
        if ev.get("organiser"):
            org = ids.get((ev.get("organiser_type") or "UnionBody", ev["organiser"]))
            if org:
                s = ev.get("sentence") or {}
                text = ln.get("text", "")
                evid = {"article": aid, "sentence": text[s.get("start", 0):s.get("end", 0)], "start": s.get("start", 0),
                        "end": s.get("end", 0), "rule": "event.lead.v1", "confidence": 0.9}
                b.add_edge(eid, org, _HELD_BY, f"HELD_BY:{aid}", evid, {"article": aid, "date": ev.get("date")})


def _add_relations(b: GraphBuilder, relations: list[dict[str, Any]], art: str, aid: str, date: Any,
                   ids: dict[tuple[str, str], str], camp: dict[str, str], person_id: dict[tuple[str, str], str]) -> None:
    """An article's relations as edges (roles and invitations through their event)."""
    edge = b.add_edge
    for r in relations:
        t = _REL_VALUES.get(r["type"]) or RelType(r["type"]).value  # the one str of each type (or ValueError)
        evid = r.get("evidence")
        if t == _REPORTED:
            pid = person_id.get((r["head"], aid))
            if pid:
                edge(pid, art, t, f"REPORTED:{aid}", evid, {"article": aid, "date": date})
            continue
        head = _lookup(ids, r["head"], r.get("head_type"), person_id, aid, camp)
        tail = _lookup(ids, r["tail"], r.get("tail_type"), person_id, aid, camp)
        if head is None or tail is None:
            continue
        event = f"Event:{r['event']}" if r.get("event") else None
        if t in _ROLE_VALUES and event:
            edge(head, event, t, f"{t}:{aid}", evid, {"article": aid, "date": date})
        elif t == _INVITED and event:
            edge(event, tail, t, f"INVITED:{aid}", evid, {"article": aid, "date": date})
        elif t == _HOLDS_POSITION:
            edge(head, tail, t, f"HOLDS_POSITION:{r.get('title', '')}", evid,
                 {"title": r.get("title"), "article": aid, "date": date})
        elif t == _IMPLEMENTS:
            edge(head, tail, t, f"IMPLEMENTS:{aid}", evid, {"mode": r.get("mode"), "event": event, "article": aid,
                                                             "date": date, "surface": r.get("surface"),
                                                             "year": r.get("year")})
        else:
            edge(head, tail, t, f"{t}:{aid}", evid, {"event": event, "article": aid, "date": date})


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


_RULE = "hierarchy.divisions.v1"


def _add_hierarchy(b: GraphBuilder, divs: Divisions) -> None:
    g = b.g
    nodes = g._node
    rule = {"rule": _RULE}
    todo = [n for n, d in nodes.items() if d["label"] in ("UnionBody", "Organization", "Place")]
    for nid in sorted(todo):
        d = nodes[nid]
        code = d.get("place") if d["label"] != "Place" else d.get("code")
        if not code or code not in divs.by_code:
            continue
        if d["label"] != "Place" and d.get("kind") != "congress":
            pl = _place_node(b, divs, code)
            b.add_edge(nid, pl, _LOCATED_IN, "LOCATED_IN", None, rule)
        _place_chain(b, divs, code)
    # unions: SUBORDINATE_TO one level up, creating inferred parents
    queue = deque(sorted(n for n, d in nodes.items() if d["label"] == "UnionBody"))
    while queue:
        nid = queue.popleft()
        d = nodes[nid]
        code, level = d.get("place"), d.get("level")
        if d.get("industry") or not d["name"].endswith("总工会"):
            if code and code in divs.by_code and d["name"].endswith("工会") and d.get("level") not in ("grassroots",):
                parent = _union_node(b, divs, union_name(divs, code), code, divs.get(code).level)
                if parent != nid:
                    b.add_edge(nid, parent, _SUBORDINATE_TO, "SUBORDINATE_TO", None, rule)
            continue
        up = parent_union(divs, code, level)
        if up is None:
            continue
        name, pcode, plevel = up
        parent = _union_node(b, divs, name, pcode, plevel)
        if not g.has_edge(nid, parent, "SUBORDINATE_TO"):
            b.add_edge(nid, parent, _SUBORDINATE_TO, "SUBORDINATE_TO", None, rule)
            queue.append(parent)


def _union_node(b: GraphBuilder, divs: Divisions, name: str, code: str | None, level: str) -> str:
    nid = f"UnionBody:{name}"
    if nid not in b.g._node:
        b.node(nid, "UnionBody", name, inferred=True, level=level, place=code)
        if code:
            b.add_edge(nid, _place_node(b, divs, code), _LOCATED_IN, "LOCATED_IN", None, {"rule": _RULE})
            _place_chain(b, divs, code)
    return nid


def _place_node(b: GraphBuilder, divs: Divisions, code: str) -> str:
    nid = f"Place:{code}"
    if nid not in b.g._node:
        d = divs.get(code)
        b.node(nid, "Place", d.name, inferred=True, level=d.level, code=code)
    return nid


def _place_chain(b: GraphBuilder, divs: Divisions, code: str) -> None:
    """The places from ``code`` up, each LOCATED_IN the next; once per code (a second time would
    add nothing: the nodes and edges are there, their ``rule`` set)."""
    if code in b.chained:
        return
    b.chained.add(code)
    cur = code
    for a in divs.ancestors(code):
        child = _place_node(b, divs, cur)
        parent = _place_node(b, divs, a.code)
        b.add_edge(child, parent, _LOCATED_IN, "LOCATED_IN", None, {"rule": _RULE})
        cur = a.code


def hierarchy_lines(g: nx.MultiDiGraph, named_together: set[tuple[str, str]],
                    edges: Iterable[Edge] | None = None, shown: dict[str, Counter[str]] | None = None,
                    names_together: dict[tuple[str, str], set[tuple[str, str]]] | None = None
                    ) -> dict[str, Any]:
    """The corpus-level facts line: LOCATED_IN of the bodies articles name, of places named together
    in an article (``named_together``), and SUBORDINATE_TO between unions named together in an
    article (the graph holds the whole hierarchy, inferred parents included; the facts state what
    an article supports).

    ``edges``: the graph's LOCATED_IN and SUBORDINATE_TO edges if known (``BuildStats.hierarchy``),
    else found by a walk over all edges. ``shown`` (``BuildStats.shown``): the names the articles'
    facts give each node; an end is named as most of them do (仓前街道总工会, as written), else by
    the node's full name. ``names_together`` (``BuildStats.names_together``): where an article
    names both ends, the edge is stated with that article's names (四川省總工會 → 四川省 in a
    traditional article, 四川省总工会 → 四川省 in another); a body's LOCATED_IN is stated under each
    name the articles give it."""
    rels = []
    nodes = g._node
    said = shown or {}
    together = names_together or {}

    def name_of(n: str) -> str:
        counts = said.get(n)
        return counts.most_common(1)[0][0] if counts else str(nodes[n]["name"])

    if edges is None:
        edges = [(u, v, d) for u, nbrs in g._adj.items() for v, keyed in nbrs.items() for d in keyed.values()
                 if d["type"] in _HIERARCHY]
    for u, v, d in sorted(edges, key=lambda x: (x[0], x[1], x[2]["type"])):
        t = d["type"]
        du, dv = nodes[u], nodes[v]
        lu, lv = du["label"], dv["label"]
        named_body = lu in ("UnionBody", "Organization") and not du["inferred"]
        if (t == _SUBORDINATE_TO and (u, v) in named_together) or (t == _LOCATED_IN and named_body) or (
                t == _LOCATED_IN and lu == "Place" and (u, v) in named_together):
            pairs = set(together.get((u, v), ()))
            if t == _LOCATED_IN and named_body:
                place = str(nodes[v]["name"])
                pairs |= {(n, in_script_of(place, n)) for n in said.get(u, ())
                          if not any(h == n for h, _ in pairs)}
            for head, tail in sorted(pairs) or [(name_of(u), name_of(v))]:
                rels.append({"type": t, "head": head, "tail": tail, "head_type": lu,
                             "tail_type": lv, "inferred": bool(du["inferred"] or dv["inferred"]),
                             "rule": d.get("rule", "")})
    return {"relations": rels}
