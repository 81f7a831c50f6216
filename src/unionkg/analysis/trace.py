"""How one campaign spread: who adopted it, when, and down which branch of the union hierarchy.

An *adoption* is an IMPLEMENTS edge into the campaign (graph/MODEL.md): adopter = the edge's
source body (an Event's organiser when the source is an Event), date = the edge's ``date``.
Pure Python over the model graph; no server.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("Campaign:c", label="Campaign", name="c")
>>> G.add_node("UnionBody:u", label="UnionBody", name="u", level="city")
>>> G.add_edge("UnionBody:u", "Campaign:c", type="IMPLEMENTS", date="03-17", evidence=[])
0
>>> [a.name for a in trace(G, "c").adoptions]
['u']
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

import networkx as nx

from ..model.cities import body_cities as model_body_cities
from ..types import BodyLevel, Label, RelType
from .dates import Day, common_year, days_between, ordinal, parse
from .lookup import find_one, key

__all__ = ["Adoption", "Branch", "LevelLag", "Coverage", "UnionCensus", "Variant", "Trace", "trace", "union_census"]

#: Levels from the top of the hierarchy down; bodies of other kinds sort after them.
LEVELS: tuple[str, ...] = tuple(level.value for level in BodyLevel)


@dataclass(frozen=True)
class Adoption:
    """One IMPLEMENTS edge into the campaign, with where and when it happened."""

    body: str
    name: str
    label: str
    level: str | None
    city: str | None
    date: str | None
    mode: str | None
    sentence: str
    article: str | None
    article_title: str | None
    surface: str | None
    event: str | None


@dataclass(frozen=True)
class Branch:
    """A body's first adoption placed in the cascade tree.

    ``parent``: the nearest body up its SUBORDINATE_TO chain that adopted no later (None: a root).
    ``ahead_of``: nearer superiors that adopted, but later (this body moved first).
    ``skipped``: bodies between this one and ``parent`` that did not adopt before it.
    Lags are in days, None where a date is missing.
    """

    adoption: Adoption
    parent: str | None
    depth: int
    ahead_of: tuple[str, ...]
    skipped: tuple[str, ...]
    lag_first: int | None
    lag_parent: int | None

    @property
    def before_parent(self) -> bool:
        return bool(self.ahead_of)


@dataclass(frozen=True)
class LevelLag:
    """Lag statistics (days) of one level's first adoptions."""

    level: str
    adopters: int
    dated: int
    first_min: int | None
    first_median: float | None
    first_max: int | None
    parent_n: int
    parent_median: float | None
    parent_max: int | None


@dataclass(frozen=True)
class Coverage:
    """Adopters among the known bodies of a level or a city."""

    scope: str
    name: str
    adopters: int
    bodies: int

    @property
    def share(self) -> float:
        return self.adopters / self.bodies if self.bodies else 0.0


@dataclass(frozen=True)
class Variant:
    """A surface form of the campaign's name and where it was first seen."""

    surface: str
    first_body: str | None
    first_date: str | None
    seen: int


@dataclass(frozen=True)
class Trace:
    """Everything ``unionkg trace`` reports about one campaign."""

    campaign: str
    name: str
    adoptions: tuple[Adoption, ...]
    branches: tuple[Branch, ...]
    lags: tuple[LevelLag, ...]
    coverage: tuple[Coverage, ...]
    first_movers: tuple[tuple[str, Adoption], ...]
    variants: tuple[Variant, ...]
    default_year: int | None

    @property
    def undated(self) -> tuple[Adoption, ...]:
        return tuple(a for a in self.adoptions if parse(a.date) is None)

    def children(self, body: str | None) -> list[Branch]:
        """Branches directly under ``body`` (None: the roots), in adoption order."""
        return [b for b in self.branches if b.parent == body]

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaign": self.campaign,
            "name": self.name,
            "default_year": self.default_year,
            "adoptions": [asdict(a) for a in self.adoptions],
            "cascade": [
                {**asdict(b), "before_parent": b.before_parent, "adoption": b.adoption.body}
                for b in self.branches
            ],
            "lags": [asdict(lag) for lag in self.lags],
            "coverage": [{**asdict(c), "share": round(c.share, 4)} for c in self.coverage],
            "first_movers": [{"scope": s, "body": a.body, "name": a.name, "date": a.date}
                             for s, a in self.first_movers],
            "variants": [asdict(v) for v in self.variants],
        }


@dataclass(frozen=True)
class UnionCensus:
    """What a trace needs of the whole hierarchy, beyond the campaign's adopters and their
    superiors: the union bodies per level and per city, and the city of each body."""

    levels: Counter[str]
    cities: Counter[str]
    city_of: Mapping[str, str | None]


def union_census(G: nx.MultiDiGraph) -> UnionCensus:
    """The ``UnionCensus`` of a whole graph."""
    cities = body_cities(G)
    bodies = [n for n, a in G._node.items() if a.get("label") == Label.UNION_BODY.value]
    return UnionCensus(levels=Counter(str(G._node[n].get("level") or "unknown") for n in bodies),
                       cities=Counter(c for n in bodies if (c := cities.get(n))), city_of=cities)


def trace(G: nx.MultiDiGraph, campaign: str, census: UnionCensus | None = None) -> Trace:
    """Trace ``campaign`` (a name, alias or node id; NFKC- and quote-insensitive) through ``G``.

    ``census``: the hierarchy's counts and cities when ``G`` holds only the campaign's part of the
    graph (``analysis.report.trace_graph``); computed from ``G`` when not given."""
    cid = find_one(G, campaign, Label.CAMPAIGN.value)
    census = census or union_census(G)
    cities = census.city_of
    adoptions = adoptions_of(G, cid, cities)
    year = common_year(parse(a.date) for a in adoptions)
    ordered = tuple(sorted(adoptions, key=lambda a: _order(a, year)))
    firsts = first_adoptions(ordered, year)
    branches = cascade(G, firsts, year)
    return Trace(
        campaign=cid,
        name=str(G.nodes[cid].get("name", cid)),
        adoptions=ordered,
        branches=branches,
        lags=level_lags(branches),
        coverage=coverage(G, firsts, census),
        first_movers=first_movers(firsts, year),
        variants=variants(G, cid, ordered, year),
        default_year=year,
    )


def adoptions_of(G: nx.MultiDiGraph, cid: str, cities: Mapping[str, str | None]) -> list[Adoption]:
    """Every IMPLEMENTS edge into ``cid``, one ``Adoption`` per edge and adopting body."""
    out: list[Adoption] = []
    for src, _, a in G.in_edges(cid, data=True):
        if a.get("type") != RelType.IMPLEMENTS.value:
            continue
        evidence = [e for e in a.get("evidence") or () if isinstance(e, dict)]
        first = evidence[0] if evidence else {}
        article = a.get("article") or first.get("article")
        art = G.nodes.get(f"Article:{article}", {}) if article else {}
        bodies = [src]
        if G.nodes[src].get("label") == Label.EVENT.value:
            bodies = sorted(v for _, v, t in G.out_edges(src, data="type") if t == RelType.HELD_BY.value)
        for body in bodies:
            attrs = G.nodes[body]
            out.append(Adoption(
                body=body,
                name=str(attrs.get("name", body)),
                label=str(attrs.get("label", "")),
                level=_str(attrs.get("level") or attrs.get("kind")),
                city=cities.get(body),
                date=_str(a.get("date")),
                mode=_str(a.get("mode")),
                sentence=str(first.get("sentence", "")),
                article=_str(article),
                article_title=_str(art.get("title")),
                surface=_str(a.get("surface") or first.get("surface")),
                event=_str(a.get("event")) if G.nodes[src].get("label") != Label.EVENT.value else src,
            ))
    return out


def first_adoptions(adoptions: Iterable[Adoption], year: int | None) -> dict[str, Adoption]:
    """Each body's earliest adoption (a dated one when it has any)."""
    firsts: dict[str, Adoption] = {}
    for a in sorted(adoptions, key=lambda a: _order(a, year)):
        firsts.setdefault(a.body, a)
    return firsts


def cascade(G: nx.MultiDiGraph, firsts: dict[str, Adoption], year: int | None) -> tuple[Branch, ...]:
    """Place each adopter under its nearest superior that adopted no later than it did."""
    dated = [parse(a.date) for a in firsts.values()]
    start = min((d for d in dated if d), key=lambda d: ordinal(d, year), default=None)
    branches: list[Branch] = []
    for body, adoption in firsts.items():
        day = parse(adoption.date)
        parent: str | None = None
        ahead: list[str] = []
        between: list[str] = []
        for sup in superiors(G, body):
            sup_adoption = firsts.get(sup)
            if sup_adoption is not None:
                sup_day = parse(sup_adoption.date)
                if day is None or sup_day is None or ordinal(sup_day, year) <= ordinal(day, year):
                    parent = sup
                    break
                ahead.append(sup)
            between.append(sup)
        parent_day = parse(firsts[parent].date) if parent else None
        branches.append(Branch(
            adoption=adoption,
            parent=parent,
            depth=0,
            ahead_of=tuple(ahead),
            skipped=tuple(between) if parent else (),
            lag_first=days_between(start, day, year) if start and day else None,
            lag_parent=days_between(parent_day, day, year) if parent_day and day else None,
        ))
    depth = _depths(branches)
    return tuple(
        replace(b, depth=depth[b.adoption.body])
        for b in sorted(branches, key=lambda b: _order(b.adoption, year))
    )


def superiors(G: nx.MultiDiGraph, body: str) -> list[str]:
    """The SUBORDINATE_TO chain above ``body``, nearest first (cycle-safe)."""
    chain: list[str] = []
    seen = {body}
    current = body
    while True:
        ups = sorted(
            v for _, v, t in G.out_edges(current, data="type")
            if t == RelType.SUBORDINATE_TO.value and v not in seen
        )
        if not ups:
            return chain
        current = ups[0]
        seen.add(current)
        chain.append(current)


def body_cities(G: nx.MultiDiGraph) -> dict[str, str | None]:
    """The city (Place name at city level) of every body, following LOCATED_IN upwards
    (``model.cities.body_cities``: the build stores the same for a store's trace)."""
    adj = G._adj  # plain dicts: this runs over every body of the graph on each trace
    located = RelType.LOCATED_IN.value
    bodies = (Label.UNION_BODY.value, Label.ORGANIZATION.value)

    def ups(n: str) -> list[str]:
        return sorted(v for v, keyed in adj[n].items() if any(d.get("type") == located for d in keyed.values()))

    return model_body_cities((n for n, a in G._node.items() if a.get("label") in bodies), ups, G._node.__getitem__)


def level_lags(branches: Iterable[Branch]) -> tuple[LevelLag, ...]:
    """Per level: adopters, and lags from the first adoption and from the parent's."""
    by_level: dict[str, list[Branch]] = {}
    for b in branches:
        by_level.setdefault(b.adoption.level or "unknown", []).append(b)
    out = []
    for level in sorted(by_level, key=level_rank):
        bs = by_level[level]
        first = [b.lag_first for b in bs if b.lag_first is not None]
        parent = [b.lag_parent for b in bs if b.lag_parent is not None]
        out.append(LevelLag(
            level=level,
            adopters=len(bs),
            dated=len(first),
            first_min=min(first, default=None),
            first_median=statistics.median(first) if first else None,
            first_max=max(first, default=None),
            parent_n=len(parent),
            parent_median=statistics.median(parent) if parent else None,
            parent_max=max(parent, default=None),
        ))
    return tuple(out)


def coverage(G: nx.MultiDiGraph, firsts: dict[str, Adoption], census: UnionCensus) -> tuple[Coverage, ...]:
    """Adopting union bodies among the union bodies the graph knows, per level and per city."""
    cities = census.city_of
    adopting = [b for b in firsts if G.nodes[b].get("label") == Label.UNION_BODY.value]
    adopt_levels = Counter(str(G.nodes[n].get("level") or "unknown") for n in adopting)
    adopt_cities = Counter(cities.get(n) for n in adopting if cities.get(n))
    levels, city_count = census.levels, census.cities
    out = [Coverage("level", lv, adopt_levels[lv], levels[lv]) for lv in sorted(levels, key=level_rank)]
    out += [Coverage("city", str(c), adopt_cities[c], city_count[c]) for c in sorted(city_count, key=str)]
    return tuple(out)


def first_movers(firsts: dict[str, Adoption], year: int | None) -> tuple[tuple[str, Adoption], ...]:
    """The earliest dated adopters overall (``all``) and of each level (ties kept)."""
    dated = [a for a in firsts.values() if parse(a.date)]
    out: list[tuple[str, Adoption]] = []
    groups: list[tuple[str, list[Adoption]]] = [("all", dated)]
    levels = sorted({a.level or "unknown" for a in dated}, key=level_rank)
    groups += [(lv, [a for a in dated if (a.level or "unknown") == lv]) for lv in levels]
    for scope, group in groups:
        if not group:
            continue
        best = min(ordinal(_day(a), year) for a in group)
        out += [(scope, a) for a in sorted(group, key=lambda a: a.name) if ordinal(_day(a), year) == best]
    return tuple(out)


def variants(G: nx.MultiDiGraph, cid: str, adoptions: tuple[Adoption, ...], year: int | None) -> tuple[Variant, ...]:
    """Surface forms of the campaign (node aliases, edge surfaces) and their first adopter.

    An adoption shows a variant when its edge ``surface`` is that variant, or (no surface on the
    edge) when its evidence sentence contains the variant (NFKC- and quote-insensitive).
    """
    attrs = G.nodes[cid]
    forms: list[str] = [str(x) for x in attrs.get("aliases") or ()]
    forms += [a.surface for a in adoptions if a.surface]
    forms = forms or [str(attrs.get("name", ""))]
    out: list[Variant] = []
    for form in dict.fromkeys(f for f in forms if f):
        k = key(form)
        seen = [
            a for a in adoptions
            if (a.surface == form) or (not a.surface and k and k in key(a.sentence))
        ]
        first = seen[0] if seen else None  # adoptions are in date order, undated last
        out.append(Variant(form, first.name if first else None, first.date if first else None, len(seen)))
    return tuple(out)


def _depths(branches: list[Branch]) -> dict[str, int]:
    parent = {b.adoption.body: b.parent for b in branches}
    depth: dict[str, int] = {}
    for body in parent:
        d, current, seen = 0, parent[body], {body}
        while current is not None and current not in seen:
            seen.add(current)
            d += 1
            current = parent.get(current)
        depth[body] = d
    return depth


def _day(a: Adoption) -> Day:
    day = parse(a.date)
    assert day is not None
    return day


def _order(a: Adoption, year: int | None) -> tuple[int, int, str, str]:
    day = parse(a.date)
    return (0 if day else 1, ordinal(day, year) if day else 0, a.name, a.article or "")


def level_rank(level: str | None) -> tuple[int, str]:
    level = level or "unknown"
    return (LEVELS.index(level) if level in LEVELS else len(LEVELS), level)


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
