"""How one campaign spread: who adopted it, when, and down which branch of the union hierarchy.

An *adoption* is an IMPLEMENTS edge into the campaign (graph/MODEL.md): adopter = the edge's
source body (an Event's organiser when the source is an Event), date = the edge's ``date`` with its
year where the article or its publication date gives one (``propagation``). Union bodies are the
cascade; other bodies carrying the campaign (检察院, 人社厅) are its co-carriers. A campaign that comes
back every year is traced wave by wave. Pure Python over the model graph; no server.

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

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from ..model.cities import body_cities as model_body_cities
from ..model.part import Part
from ..resolve.campaigns import Families, Family
from ..types import BodyLevel, Label, RelType
from .dates import Day, days_between, parse
from .lookup import find_campaign, key, names_of
from .propagation import (
    Calendar,
    Wave,
    adoption_date,
    merge_duplicates,
    recurs,
    split_carriers,
    waves,
    year_of,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Adoption", "Branch", "LevelLag", "Coverage", "Part", "UnionCensus", "Variant", "Trace", "trace",
           "union_census"]

#: Levels from the top of the hierarchy down; bodies of other kinds sort after them.
LEVELS: tuple[str, ...] = tuple(level.value for level in BodyLevel)
T = TypeVar("T")
_UNION_BODY, _SUBORDINATE_TO = Label.UNION_BODY.value, RelType.SUBORDINATE_TO.value  # (an enum's .value is a call)


@dataclass
class Adoption:
    """One IMPLEMENTS edge into the campaign, with where and when it happened. A record not to be
    changed once made (not ``frozen``: a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, 8x slower, and a big campaign makes tens of thousands)."""

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
    written_date: str | None = None  # the article's own date (``date`` adds the year it lacks)
    published: str | None = None  # the article's publication date
    campaign_year: int | None = None  # the year the article writes the campaign with (2021年“夏送清凉”)
    date_basis: str | None = None  # where the date comes from (``propagation.adoption_date``)
    date_inferred: bool = False  # its year (or the whole date) is inferred, not stated
    surfaces: tuple[str, ...] = ()  # every way the article writes the campaign


@dataclass
class Branch:
    """A body's first adoption placed in the cascade tree (a record, as ``Adoption``).

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
    wave: int | None = None  # the year whose cascade it is in, for a campaign that recurs

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
    """Everything ``unionkg trace`` reports about one campaign.

    ``adoptions``: by union bodies (the cascade); ``co_carriers``: by other bodies. ``default_year``:
    the one year every dated adoption shares (None: several or none); ``yearless``: no date has a
    year. ``recurring``: traced wave by wave (``waves``: one per year, unknown year last)."""

    campaign: str
    name: str
    adoptions: tuple[Adoption, ...]
    branches: tuple[Branch, ...]
    lags: tuple[LevelLag, ...]
    coverage: tuple[Coverage, ...]
    first_movers: tuple[tuple[str, Adoption], ...]
    variants: tuple[Variant, ...]
    default_year: int | None
    co_carriers: tuple[Adoption, ...] = ()
    waves: tuple[Wave, ...] = ()
    recurring: bool = False
    yearless: bool = True
    family: str | None = None

    @property
    def undated(self) -> tuple[Adoption, ...]:
        undated = {d for d in {a.date for a in self.adoptions} if parse(d) is None}
        return tuple(a for a in self.adoptions if a.date in undated)

    @property
    def unknown_year(self) -> tuple[Adoption, ...]:
        """Dated adoptions whose year is unknown in a campaign of several years: never compared."""
        cal = Calendar(self.default_year, self.yearless)
        unknown = {d for d in {a.date for a in self.adoptions} if parse(d) is not None and cal.day(d) is None}
        return tuple(a for a in self.adoptions if a.date in unknown)

    def children(self, body: str | None, wave: int | None = None) -> list[Branch]:
        """Branches directly under ``body`` (None: the roots) in ``wave``, in adoption order."""
        return [b for b in self.branches if b.parent == body and b.wave == wave]

    def wave_years(self) -> list[int | None]:
        """The waves the cascade is drawn in: each year for a recurring campaign, else one."""
        return list(dict.fromkeys(b.wave for b in self.branches)) or [None]

    def to_dict(self, records: bool = False) -> dict[str, Any]:
        """The trace as plain data (``render_json``'s). ``records``: adoptions, waves, lags and variants
        left as their records, for orjson, which writes a record as the same dict, many times faster."""
        plain = (lambda xs: [_asdict(x) for x in xs]) if not records else list
        return {
            "campaign": self.campaign,
            "name": self.name,
            "family": self.family,
            "default_year": self.default_year,
            "yearless": self.yearless,
            "recurring": self.recurring,
            "adoptions": plain(self.adoptions),
            "co_carriers": plain(self.co_carriers),
            "waves": plain(self.waves),
            "unknown_year": [a.body for a in self.unknown_year],
            "cascade": [
                {**_asdict(b), "before_parent": b.before_parent, "adoption": b.adoption.body,
                 "date": b.adoption.date, "level": b.adoption.level}
                for b in self.branches
            ],
            "lags": plain(self.lags),
            "coverage": [{**_asdict(c), "share": round(c.share, 4)} for c in self.coverage],
            "first_movers": [{"scope": s, "body": a.body, "name": a.name, "date": a.date}
                             for s, a in self.first_movers],
            "variants": plain(self.variants),
        }


#: What a trace reads: a whole graph, or the campaign's part of one.
Graph: TypeAlias = "nx.MultiDiGraph | Part"


@dataclass(frozen=True)
class UnionCensus:
    """What a trace needs of the whole hierarchy, beyond the campaign's adopters and their
    superiors: the union bodies per level and per city, and the city of each body."""

    levels: Counter[str]
    cities: Counter[str]
    city_of: Mapping[str, str | None]


def union_census(G: Graph) -> UnionCensus:
    """The ``UnionCensus`` of a whole graph."""
    cities = body_cities(G)
    bodies = [n for n, a in G._node.items() if a.get("label") == Label.UNION_BODY.value]
    return UnionCensus(levels=Counter(str(G._node[n].get("level") or "unknown") for n in bodies),
                       cities=Counter(c for n in bodies if (c := cities.get(n))), city_of=cities)


def trace(G: Graph, campaign: str, census: UnionCensus | None = None, found: list[Adoption] | None = None) -> Trace:
    """Trace ``campaign`` (a name, alias, variant or node id; NFKC-, script- and quote-insensitive)
    through ``G``; a name that matches nothing raises ``UnionKGError`` with the names it may mean.

    ``census``: the hierarchy's counts and cities when ``G`` holds only the campaign's part of the
    graph; computed from ``G`` when not given. ``found``: the campaign's adoptions, read elsewhere
    as ``adoptions_of`` gives them (``analysis.report.trace_reads``: then ``G`` holds the campaign,
    the adopters and the hierarchy above them, not the IMPLEMENTS edges)."""
    # a campaign's id needs no look-up (find_campaign answers it first, after listing every campaign)
    known = G._node.get(campaign)
    cid = campaign if known is not None and known.get("label") == Label.CAMPAIGN.value else find_campaign(G, campaign)
    name = str(G.nodes[cid].get("name", cid))
    family = Families.load().by_name(name)
    census = census or union_census(G)
    cities = census.city_of
    if found is None:
        found = adoptions_of(G, cid, cities)
        for doc in documents_of(G, cid, family):  # 《关于推行…意见书和建议书制度的意见》 carries 一函两书
            found += adoptions_of(G, doc, cities)
    resolved = found  # adoptions_of gives them dated
    every_cal = Calendar.of(a.date for a in resolved)
    every = merge_duplicates(_sorted(resolved, every_cal))
    unions, others = split_carriers(every)
    cal = Calendar.of(a.date for a in unions)
    if family is not None and family.annual and not cal.yearless:
        cal = Calendar(None, False)  # an annual campaign's MM-DD may be of any year: never borrow one
    same = cal == every_cal  # then every, unions and others are in cal's order already (sorted() is stable)
    ordered = tuple(unions) if same else tuple(_sorted(unions, cal))
    again = recurs(ordered, bool(family and family.annual))
    branches: list[Branch] = []
    firsts_all: dict[str, Adoption] = {}
    movers: list[tuple[str, Adoption]] = []
    year = {d: year_of(d) for d in {a.date for a in ordered}} if again else {}  # each date once
    for wave in sorted(set(year.values()), key=lambda y: (y is None, y or 0)) if again else [None]:
        group = [a for a in ordered if year[a.date] == wave] if again else list(ordered)
        wcal = Calendar(wave, False) if again and wave is not None else (cal if not again else Calendar(None, False))
        firsts = first_adoptions(group, wcal, in_order=wcal == cal)  # ordered is in cal's order
        branches += cascade(G, firsts, wcal, wave)
        prefix = f"{wave} " if again else ""
        movers += [(prefix + scope if again else scope, a) for scope, a in first_movers(firsts, wcal)]
        for body, a in firsts.items():
            firsts_all.setdefault(body, a)
    return Trace(
        campaign=cid,
        name=name,
        adoptions=ordered,
        branches=tuple(branches),
        lags=level_lags(branches),
        coverage=coverage(G, firsts_all, census),
        first_movers=tuple(movers),
        variants=variants(G, cid, tuple(every) if same else tuple(_sorted(every, cal)), cal),
        default_year=cal.year,
        co_carriers=tuple(others) if same else tuple(_sorted(others, cal)),
        waves=waves(ordered),
        recurring=again,
        yearless=cal.yearless,
        family=family.canonical if family else None,
    )


def adoptions_of(G: Graph, cid: str, cities: Mapping[str, str | None]) -> list[Adoption]:
    """Every IMPLEMENTS edge into ``cid``, one ``Adoption`` per edge and adopting body, its date
    resolved (``propagation.adoption_date``)."""
    nodes, succ = G._node, G._succ  # the graph's own dicts: views cost several times more
    implements, held_by = RelType.IMPLEMENTS.value, RelType.HELD_BY.value

    def edges() -> Iterator[tuple[str, Mapping[str, Any], Mapping[str, Any]]]:
        for src, keyed in G._pred[cid].items():
            for a in keyed.values():
                if a.get("type") == implements:
                    evidence = a.get("evidence")
                    yield src, a, next((e for e in evidence if isinstance(e, dict)), {}) if evidence else {}

    def holders(event: str) -> list[str]:
        return sorted(v for v, ks in succ[event].items() for d in ks.values() if d.get("type") == held_by)

    return make_adoptions(edges(), nodes, holders, cities)


def make_adoptions(edges: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
                   nodes: Mapping[str, Mapping[str, Any]], holders: Callable[[str], list[str]],
                   cities: Mapping[str, str | None]) -> list[Adoption]:
    """The adoptions of IMPLEMENTS edges given as (source, properties, first evidence item or {}):
    one per edge and adopting body (its source, or the bodies ``holders`` of an Event source).
    ``nodes``: the attributes of the sources, the bodies and the articles (``Article:<id>``)."""
    out: list[Adoption] = []
    append = out.append
    event_label = Label.EVENT.value
    bodies: dict[str, tuple[str, str, str | None, str | None]] = {}  # a body's fields, once per body
    articles: dict[Any, tuple[str | None, str | None]] = {}  # an article's title and date, once per article
    no_article: tuple[str | None, str | None] = (None, None)
    # ``_str`` inline where the value is a string, as it nearly always is (a call each costs a big
    # campaign tens of milliseconds)
    for src, a, first in edges:
        get = a.get
        article = get("article") or first.get("article")
        if article:
            art = articles.get(article)
            if art is None:
                attrs = nodes.get(f"Article:{article}", {})
                art = articles[article] = (_str(attrs.get("title")), _str(attrs.get("published")))
        else:
            art = no_article
        is_event = nodes[src].get("label") == event_label
        written = get("date")
        written = written if written.__class__ is str and written else _str(written)
        campaign_year = get("year")
        campaign_year = None if campaign_year is None else _int(campaign_year)
        date, basis, inferred = adoption_date(written, art[1], campaign_year)
        surface = get("surface") or first.get("surface")
        surface = surface if surface.__class__ is str and surface else _str(surface)
        mode, event = get("mode"), get("event")
        mode = mode if mode.__class__ is str and mode else _str(mode)
        event = event if event.__class__ is str and event else _str(event)
        sentence = first.get("sentence", "")
        sentence = sentence if sentence.__class__ is str else str(sentence)
        surfaces = (surface,) if surface else ()
        article = article if article.__class__ is str and article else _str(article)
        for body in holders(src) if is_event else (src,):
            fields = bodies.get(body)
            if fields is None:
                attrs = nodes[body]
                fields = bodies[body] = (str(attrs.get("name", body)), str(attrs.get("label", "")),
                                         _str(attrs.get("level") or attrs.get("kind")), cities.get(body))
            append(Adoption(body, *fields, date, mode, sentence, article, art[0], surface,
                            src if is_event else event, written, art[1], campaign_year, basis, inferred, surfaces))
    return out


def documents_of(G: Graph, cid: str, family: Family | None) -> list[str]:
    """The documents (Law nodes: 《…》 titles) that carry the campaign ``cid``: they name it, or a
    part of it that its family names (``Families.carries``)."""
    names = list(names_of(G.nodes[cid]))
    fams = Families.load()
    law = Label.LAW.value
    return sorted(n for n, d in G._node.items()
                  if d.get("label") == law and fams.carries(names, family, str(d.get("name", ""))))


def first_adoptions(adoptions: Iterable[Adoption], cal: Calendar, in_order: bool = False) -> dict[str, Adoption]:
    """Each body's earliest adoption (a comparably dated one when it has any); ``in_order``: the
    adoptions are in ``cal``'s order already (``_order``), not sorted again."""
    firsts: dict[str, Adoption] = {}
    for a in adoptions if in_order else _sorted(adoptions, cal):
        firsts.setdefault(a.body, a)
    return firsts


def cascade(G: Graph, firsts: dict[str, Adoption], cal: Calendar, wave: int | None = None) -> tuple[Branch, ...]:
    """Place each adopter under its nearest superior that adopted no later than it did. Dates
    ``cal`` cannot compare (undated, or of unknown year) place a body under its nearest adopting
    superior, without lags or flags. ``wave``: the branches' wave (a recurring campaign's year)."""
    when = _days({a.date for a in firsts.values()}, cal)  # each date once: the adopters share a few hundred
    days: dict[str, Day | None] = {}
    ordinals: dict[str, int] = {}
    start: Day | None = None  # the first of the earliest days
    start_ordinal = 0
    for body, a in firsts.items():
        day, ordinal = when[a.date]
        days[body] = day
        if day is not None:
            ordinals[body] = ordinal
            if start is None or ordinal < start_ordinal:
                start, start_ordinal = day, ordinal

    def lag(a: Day, a_ordinal: int, b: Day, b_ordinal: int) -> int:
        """``days_between(a, b, cal.year)``: the difference of the ordinals where both dates have a
        year or neither has (then both are in the same year), as it is for every date a calendar
        compares."""
        if (a.year is None) == (b.year is None):
            return b_ordinal - a_ordinal
        return days_between(a, b, cal.year)

    placed: list[tuple[Adoption, str | None, tuple[str, ...], tuple[str, ...], int | None, int | None]] = []
    above: dict[str, list[str]] = {}
    known: dict[str, list[str]] = {}
    for body, adoption in firsts.items():
        day = days[body]
        parent: str | None = None
        ahead: list[str] = []
        between: list[str] = []
        for sup in _chain(G, body, above, known):
            if sup in firsts:
                if day is None or sup not in ordinals or ordinals[sup] <= ordinals[body]:
                    parent = sup
                    break
                ahead.append(sup)
            between.append(sup)
        parent_day = days[parent] if parent else None
        placed.append((adoption, parent, tuple(ahead), tuple(between) if parent else (),
                       lag(start, start_ordinal, day, ordinals[body]) if start and day else None,
                       lag(parent_day, ordinals[parent], day, ordinals[body]) if parent and parent_day and day
                       else None))
    depth = _depths({p[0].body: p[1] for p in placed})
    return tuple(
        Branch(a, parent, depth[a.body], ahead, skipped, lag_first, lag_parent, wave)
        for a, parent, ahead, skipped, lag_first, lag_parent in _sorted_by(placed, [p[0] for p in placed], cal)
    )


def superiors(G: Graph, body: str, above: dict[str, list[str]] | None = None) -> list[str]:
    """The SUBORDINATE_TO chain above ``body``, nearest first (cycle-safe). ``above``: a memo of each
    node's SUBORDINATE_TO targets, sorted, for a caller that walks many chains."""
    chain: list[str] = []
    seen = {body}
    current = body
    memo = {} if above is None else above
    while True:
        ups = [v for v in _targets(G, current, memo) if v not in seen]
        if not ups:
            return chain
        current = ups[0]
        seen.add(current)
        chain.append(current)


def _targets(G: Graph, node: str, memo: dict[str, list[str]]) -> list[str]:
    """``node``'s SUBORDINATE_TO targets, sorted (``superiors``' memo)."""
    targets = memo.get(node)
    if targets is None:
        targets = memo[node] = sorted(v for v, keyed in G._succ[node].items() for d in keyed.values()
                                      if d.get("type") == _SUBORDINATE_TO)
    return targets


def _chain(G: Graph, body: str, above: dict[str, list[str]], known: dict[str, list[str]],
           path: set[str] | None = None) -> list[str]:
    """``superiors(G, body)`` for a caller that asks for many bodies under one hierarchy: a body's
    chain is its first superior and that one's chain (``known``: the chains found), unless that
    chain comes back to the body (a cycle: then walked as ``superiors`` walks it)."""
    chain = known.get(body)
    if chain is not None:
        return chain
    ups = [v for v in _targets(G, body, above) if v != body]
    path = set() if path is None else path
    if not ups:
        chain = []
    elif ups[0] in path or len(path) > 100:
        chain = superiors(G, body, above)
    else:
        path.add(body)
        rest = _chain(G, ups[0], above, known, path)
        path.discard(body)
        chain = [ups[0], *rest] if body not in rest else superiors(G, body, above)
    known[body] = chain
    return chain


def body_cities(G: Graph) -> dict[str, str | None]:
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
            first_median=_median(first) if first else None,
            first_max=max(first, default=None),
            parent_n=len(parent),
            parent_median=_median(parent) if parent else None,
            parent_max=max(parent, default=None),
        ))
    return tuple(out)


def coverage(G: Graph, firsts: dict[str, Adoption], census: UnionCensus) -> tuple[Coverage, ...]:
    """Adopting union bodies among the union bodies the graph knows, per level and per city."""
    cities, nodes = census.city_of, G._node
    adopting = [b for b in firsts if nodes[b].get("label") == _UNION_BODY]
    adopt_levels = Counter(str(nodes[n].get("level") or "unknown") for n in adopting)
    adopt_cities = Counter(c for n in adopting if (c := cities.get(n)))
    levels, city_count = census.levels, census.cities
    out = [Coverage("level", lv, adopt_levels[lv], levels[lv]) for lv in sorted(levels, key=level_rank)]
    out += [Coverage("city", str(c), adopt_cities[c], city_count[c]) for c in sorted(city_count, key=str)]
    return tuple(out)


def first_movers(firsts: dict[str, Adoption], cal: Calendar) -> tuple[tuple[str, Adoption], ...]:
    """The earliest comparably dated adopters overall (``all``) and of each level (ties kept)."""
    known = _days({a.date for a in firsts.values()}, cal)
    ordinals = {date: ordinal for date, (day, ordinal) in known.items() if day is not None}
    dated_ = [a for a in firsts.values() if a.date in ordinals]
    out: list[tuple[str, Adoption]] = []
    by_level: dict[str, list[Adoption]] = {}
    for a in dated_:
        by_level.setdefault(a.level or "unknown", []).append(a)
    groups: list[tuple[str, list[Adoption]]] = [("all", dated_)]
    groups += [(lv, by_level[lv]) for lv in sorted(by_level, key=level_rank)]
    for scope, group in groups:
        if not group:
            continue
        best = min(ordinals[a.date] for a in group)
        out += [(scope, a) for a in sorted((a for a in group if ordinals[a.date] == best), key=lambda a: a.name)]
    return tuple(out)


def variants(G: Graph, cid: str, adoptions: tuple[Adoption, ...], cal: Calendar | None = None
             ) -> tuple[Variant, ...]:
    """Surface forms of the campaign (node aliases, edge surfaces) and their first adopter.

    An adoption shows a variant when one of its surfaces is that variant, or (no surface on the
    edge) when its evidence sentence contains the variant (both NFKC- and quote-insensitive).
    """
    attrs = G.nodes[cid]
    forms: list[str] = [str(x) for x in attrs.get("aliases") or ()]
    forms += [s for a in adoptions for s in (a.surfaces or (a.surface,)) if s]
    forms = forms or [str(attrs.get("name", ""))]
    out: list[Variant] = []
    # each adoption's keys once, not once a form: its surfaces' (once for each way of writing them, as
    # thousands of adoptions write them alike), and its sentence's where it has no surface
    keys_of: dict[tuple[str | None, ...], set[str]] = {}
    shown = []
    for a in adoptions:
        written = a.surfaces or (a.surface,)
        keys = keys_of.get(written)
        if keys is None:
            keys = keys_of[written] = {key(x) for x in written if x}
        shown.append((keys, None if a.surface else key(a.sentence), a))
    for form in dict.fromkeys(f for f in forms if f):
        k = key(form)
        seen = [a for keys, sentence, a in shown if k in keys or (sentence is not None and k and k in sentence)]
        first = seen[0] if seen else None  # adoptions are in date order, undated last
        out.append(Variant(form, first.name if first else None, first.date if first else None, len(seen)))
    return tuple(out)


def _asdict(record: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` of a trace record whose fields hold plain values or tuples of them
    (nothing to copy: asdict's deep copies cost most of ``to_dict``). A ``Branch``'s adoption is
    left a record: ``to_dict`` puts the adopter's id in its place."""
    kind = _FIELDS.get(type(record))
    if kind is None:
        names = tuple(f.name for f in fields(record))
        kind = _FIELDS[type(record)] = (names, attrgetter(*names))  # every record has several fields
    names, values = kind
    return dict(zip(names, values(record), strict=True))


_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _depths(parent: dict[str, str | None]) -> dict[str, int]:
    """Each body's depth in the cascade, given each body's parent."""
    depth: dict[str, int] = {}
    for body in parent:
        d, current, seen = 0, parent[body], {body}
        while current is not None and current not in seen:
            seen.add(current)
            d += 1
            current = parent.get(current)
        depth[body] = d
    return depth


def _order(a: Adoption, cal: Calendar) -> tuple[int, int, str, str]:
    """Comparable dates first (in order), then dates of unknown year, then the undated."""
    rank, ordinal = _date_rank(a.date, cal.year, cal.yearless)
    return (rank, ordinal, a.name, a.article or "")


def _sorted(adoptions: Iterable[Adoption], cal: Calendar) -> list[Adoption]:
    """``sorted(adoptions, key=lambda a: _order(a, cal))``, without a call per adoption."""
    items = list(adoptions)
    return _sorted_by(items, items, cal)


def _sorted_by(items: Sequence[T], adoptions: Sequence[Adoption], cal: Calendar) -> list[T]:
    """``items`` in the ``_order`` of their ``adoptions`` (one each, in the same order; a stable sort),
    each date's rank found once."""
    year, yearless = cal.year, cal.yearless
    ranks = {d: _date_rank(d, year, yearless) for d in {a.date for a in adoptions}}
    keys = [(*ranks[a.date], a.name, a.article or "") for a in adoptions]
    return [items[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]


def _days(dates: Iterable[str | None], cal: Calendar) -> dict[str | None, tuple[Day | None, int]]:
    """Each date's comparable day in ``cal`` and its ordinal (0 where it has none)."""
    out: dict[str | None, tuple[Day | None, int]] = {}
    for date in dates:
        day = cal.day(date)
        out[date] = (day, cal.ordinal(day) if day is not None else 0)
    return out


def _median(values: list[int]) -> float | int:
    """``statistics.median`` of integers (whose import costs a trace 20 ms: fractions, decimal, random)."""
    data = sorted(values)
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


@lru_cache(maxsize=1 << 14)
def _date_rank(date: str | None, year: int | None, yearless: bool) -> tuple[int, int]:
    """The date part of ``_order`` in ``Calendar(year, yearless)`` (a trace sorts by the same few
    hundred dates again and again)."""
    cal = Calendar(year, yearless)
    day = cal.day(date)
    rank = 0 if day else (1 if parse(date) else 2)
    return rank, cal.ordinal(day) if day else 0


def level_rank(level: str | None) -> tuple[int, str]:
    level = level or "unknown"
    return (LEVELS.index(level) if level in LEVELS else len(LEVELS), level)


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else None
