"""Facts → the graph store (graph/MODEL.md): one writer, :class:`GraphBuilder`.

The builder merges what one batch of articles says about a node or an edge in plain dicts, then
writes the batch into the store, where a node met again is merged by an upsert: a property keeps
the first value it was given (not None, not ''), ``inferred`` holds while every mention infers it,
aliases and articles are sets. Node and edge ``seq`` numbers record the order of creation (articles
in id order), which is the order every reader and export gives back.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

import networkx as nx
import orjson

from ..extract.divisions import Divisions
from ..resolve.campaigns import group_campaigns
from ..resolve.hierarchy import parent_union, union_name
from ..resolve.people import PersonContext, resolve_people
from ..types import ROLE_TYPES, Label, RelType
from .cities import body_cities
from .names import key, plain
from .store import EVIDENCE_KEYS, GraphStore

_REL_VALUES: dict[str, str] = {t.value: t.value for t in RelType}  # raw type → the one str of it
_ROLE_VALUES = frozenset(t.value for t in ROLE_TYPES)
_MENTIONS, _REPORTED, _HELD_BY, _INVITED = (RelType.MENTIONS.value, RelType.REPORTED.value, RelType.HELD_BY.value,
                                            RelType.INVITED.value)
_HOLDS_POSITION, _IMPLEMENTS = RelType.HOLDS_POSITION.value, RelType.IMPLEMENTS.value
_LOCATED_IN, _SUBORDINATE_TO = RelType.LOCATED_IN.value, RelType.SUBORDINATE_TO.value
_HIERARCHY = frozenset((_LOCATED_IN, _SUBORDINATE_TO))
_DUMPS = orjson.dumps

#: An edge as (source, target, attributes).
Edge = tuple[str, str, dict[str, Any]]


#: Fewer articles than this are built by one process whatever ``workers`` says (starting processes
#: costs more than it saves).
PARALLEL_MIN = 1024
#: Article ranks are the high bits of a seq, the operation within the article the low ones.
_RANK_SHIFT = 24


class _Node:
    """A node as this batch knows it: seq (if this batch made it), label, name, inferred, props."""

    __slots__ = ("seq", "label", "name", "inferred", "props")

    def __init__(self, seq: int, label: str, name: str, inferred: bool, props: dict[str, Any]) -> None:
        self.seq, self.label, self.name, self.inferred, self.props = seq, label, name, inferred, props

    def attrs(self) -> dict[str, Any]:
        return {"label": self.label, "name": self.name, "inferred": self.inferred, **self.props}


class _Edge:
    """An edge as this batch knows it: its evidence (dicts, with their store rows) and properties."""

    __slots__ = ("seq", "u", "v", "key", "type", "evidence", "rows", "props")

    def __init__(self, seq: int, u: str, v: str, key: str, rtype: str, props: dict[str, Any]) -> None:
        self.seq, self.u, self.v, self.key, self.type, self.props = seq, u, v, key, rtype, props
        self.evidence: list[dict[str, Any]] = []
        self.rows: list[tuple[Any, ...]] = []


class GraphBuilder:
    """The one writer of the graph store: nodes and edges with stable ids and keys.

    ``begin_article(aid, text)`` before an article's calls (``text``: its cleaned text, which the
    evidence offsets point into); ``flush()`` at the end. Every ``batch`` articles the buffered
    nodes and edges go to the store (the cost of a write is per statement, not per row).
    """

    BATCH = 256

    def __init__(self, store: GraphStore, batch: int = BATCH, rank: int = -1) -> None:
        self.store = store
        self.db = store.db
        self.batch = batch
        self.rank = rank  # of the article before the first this builder adds
        self.op = 0
        self.aid: str | None = None
        self.text: str | None = None
        self.in_batch = 0
        self.nodes: dict[str, _Node] = {}
        self.stubs: dict[str, int] = {}  # nodes made only as an edge's end: their seq
        self.aliases: set[tuple[str, str]] = set()
        self.arts: dict[tuple[str, str], int | None] = {}  # (node, article) → seq of its MENTIONS edge
        self.edges: dict[tuple[str, str, str], _Edge] = {}
        self.known: dict[str, dict[str, Any]] | None = None  # store nodes the hierarchy reads
        self.chained: set[str] = set()  # division codes whose LOCATED_IN chain is in the graph
        self.hierarchy: list[Edge] = []  # the LOCATED_IN and SUBORDINATE_TO edges, as made
        self.shown: dict[str, Counter[str]] = {}  # body/place node -> the names the facts give it
        self.keyed_by_text = store.facts is not None

    # --- batches ---------------------------------------------------------------------------

    def begin_article(self, aid: str | None, text: str | None = None) -> None:
        """The next article (in id order); ``None``: the corpus-level stage after the articles."""
        if self.in_batch >= self.batch:
            self.flush()
        self.rank += 1
        self.op = self.rank << _RANK_SHIFT
        self.aid, self.text = aid, text
        self.in_batch += 1

    def _seq(self) -> int:
        self.op += 1
        return self.op

    def flush(self) -> None:
        """Write the buffered batch into the store."""
        db = self.db
        if self.nodes:
            db.executemany(
                "INSERT INTO nodes (seq, id, label, name, inferred, props) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET inferred = nodes.inferred AND excluded.inferred, "
                "props = CASE WHEN excluded.props IN ('{}', nodes.props) THEN nodes.props "
                "ELSE ukg_merge(nodes.props, excluded.props) END",
                [(n.seq, nid, n.label, n.name, n.inferred, _DUMPS(n.props).decode()) for nid, n in self.nodes.items()])
        if self.stubs:
            db.executemany("INSERT OR IGNORE INTO nodes (seq, id, props) VALUES (?, ?, '{}')",
                           [(seq, nid) for nid, seq in self.stubs.items()])
        if self.aliases:
            db.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?)", sorted(self.aliases))
        if self.arts:
            db.executemany("INSERT INTO node_articles VALUES (?, ?, ?)",
                           [(n, a, m) for (n, a), m in self.arts.items()])
        if self.edges:
            self._flush_edges()
        self.nodes.clear()
        self.stubs.clear()
        self.aliases.clear()
        self.arts.clear()
        self.edges.clear()
        self.in_batch = 0

    def _flush_edges(self) -> None:
        db = self.db
        edges = list(self.edges.values())
        before = db.total_changes
        db.executemany("INSERT OR IGNORE INTO edges (seq, source, target, key, type, props) VALUES (?, ?, ?, ?, ?, ?)",
                       [(e.seq, e.u, e.v, e.key, e.type, _DUMPS(e.props).decode()) for e in edges])
        rows: list[tuple[Any, ...]] = []
        if db.total_changes - before == len(edges):  # all new: the usual case
            for e in edges:
                rows += ((e.seq, n, *row) for n, row in enumerate(e.rows))
        else:  # some edges were in the store already (made by an earlier batch): merge into them
            low, high = min(e.seq for e in edges), max(e.seq for e in edges)
            made = {s for (s,) in db.execute("SELECT seq FROM edges WHERE seq BETWEEN ? AND ?", (low, high))}
            for e in edges:
                if e.seq in made:
                    rows += ((e.seq, n, *row) for n, row in enumerate(e.rows))
                    continue
                seq, props = db.execute("SELECT seq, props FROM edges WHERE key = ? AND source = ? AND target = ?",
                                        (e.key, e.u, e.v)).fetchone()
                merged = db.execute("SELECT ukg_merge(?, ?)", (props, _DUMPS(e.props).decode())).fetchone()[0]
                if merged != props:
                    db.execute("UPDATE edges SET props = ? WHERE seq = ?", (merged, seq))
                old = self.store.evidence_of([seq]).get(seq, [])
                n = len(old)
                for ev, row in zip(e.evidence, e.rows, strict=True):
                    if ev not in old:
                        rows.append((seq, n, *row))
                        old.append(ev)
                        n += 1
        if rows:
            db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # --- the writer's calls ---------------------------------------------------------------------

    def node(self, nid: str, label: str, name: str, *, article: str | None = None, alias: str | None = None,
             inferred: bool = False, **props: Any) -> str:
        d = self.nodes.get(nid)
        if d is None:
            d = self.nodes[nid] = _Node(self._seq(), label, name, inferred,
                                        {k: v for k, v in props.items() if v is not None})
        else:
            if not inferred and d.inferred:
                d.inferred = False
            own = d.props
            for k, v in props.items():
                if v is not None and own.get(k) in (None, ""):
                    own[k] = v
        if article:
            if article != self.aid:
                raise ValueError(f"node {nid!r}: article {article!r} is not the article being added ({self.aid!r})")
            self.arts.setdefault((nid, article), None)
        if alias and alias != name:
            self.aliases.add((nid, alias))
        return nid

    def also_named(self, nid: str, name: str, aliases: Iterable[str]) -> None:
        """Record ``aliases`` of node ``nid`` (those that are not ``name``)."""
        for alias in aliases:
            if alias and alias != name:
                self.aliases.add((nid, alias))

    def saw(self, nid: str, name: str) -> None:
        """Count one article's facts naming node ``nid`` as ``name``."""
        counts = self.shown.get(nid)
        if counts is None:
            counts = self.shown[nid] = Counter()
        counts[name] += 1

    def _end(self, nid: str) -> None:
        """Make ``nid`` a node (without attributes) if nothing made it yet."""
        if nid not in self.nodes and nid not in self.stubs and not self._stored(nid):
            self.stubs[nid] = self._seq()

    def _stored(self, nid: str) -> bool:
        if self.known is not None and nid in self.known:
            return True
        return self.store.has_node(nid)

    def edge(self, u: str, v: str, rtype: RelType, key: str, evidence: dict[str, Any] | None = None, **props: Any) -> None:
        self.add_edge(u, v, rtype.value, key, evidence, props)

    def add_edge(self, u: str, v: str, rtype: str, key: str, evidence: dict[str, Any] | None,
                 props: dict[str, Any]) -> None:
        """``edge`` for a relationship type given by its value and properties given as a dict."""
        e = self.edges.get((u, v, key))
        if e is None:
            if u not in self.nodes:
                self._end(u)
            if v not in self.nodes:
                self._end(v)
            e = self.edges[(u, v, key)] = _Edge(self._seq(), u, v, key, rtype,
                                                 {k: val for k, val in props.items() if val is not None})
            if evidence:
                e.evidence.append(evidence)
                e.rows.append(self._evidence_row(evidence))
            if rtype in _HIERARCHY:
                self.hierarchy.append((u, v, {"type": rtype, **e.props}))
            return
        if evidence and evidence not in e.evidence:
            e.evidence.append(evidence)
            e.rows.append(self._evidence_row(evidence))
        own = e.props
        for k, val in props.items():
            if val is not None and own.get(k) in (None, ""):
                own[k] = val

    def _evidence_row(self, ev: dict[str, Any]) -> tuple[Any, ...]:
        """(article, start, end, rule, confidence, sentence, raw) of an evidence dict: the sentence
        left out (NULL) when it is the article's text at its offsets."""
        if tuple(ev) != EVIDENCE_KEYS:
            return (ev.get("article"), ev.get("start"), ev.get("end"), ev.get("rule"), ev.get("confidence"), None,
                    _DUMPS(ev).decode())
        art, sentence, start, end = ev["article"], ev["sentence"], ev["start"], ev["end"]
        text = self.text
        if (self.keyed_by_text and text is not None and art == self.aid and start.__class__ is int
                and end.__class__ is int and 0 <= start <= end and text[start:end] == sentence):
            sentence = None
        return art, start, end, ev["rule"], ev["confidence"], sentence, None

    def mention(self, art: str, nid: str, key: str) -> None:
        """``edge(art, nid, MENTIONS, key)`` for the article being added and an entity it names (made
        with ``article=``): no evidence, no properties; kept as the entity's row in node_articles."""
        aid = self.aid
        if aid is not None and art == "Article:" + aid and key == "MENTIONS:" + aid and (nid, aid) in self.arts:
            if self.arts[(nid, aid)] is None:
                self.arts[(nid, aid)] = self._seq()
            return
        self.add_edge(art, nid, _MENTIONS, key, None, {})

    # --- what the hierarchy stage reads ------------------------------------------------------------

    def load_places(self) -> None:
        """Read the bodies and places of the store (after the articles): the hierarchy's input."""
        self.flush()
        self.known = self.store.nodes_of([Label.UNION_BODY.value, Label.ORGANIZATION.value, Label.PLACE.value])

    def attrs(self, nid: str) -> dict[str, Any]:
        d = self.nodes.get(nid)
        if d is not None:
            return d.attrs()
        assert self.known is not None
        return self.known[nid]

    def has_node(self, nid: str) -> bool:
        return nid in self.nodes or nid in self.stubs or self._stored(nid)

    def has_edge(self, u: str, v: str, key: str) -> bool:
        return (u, v, key) in self.edges or self.store.has_edge(u, v, key)


def build_graph(lines: Iterable[dict[str, Any]], divisions: Divisions | None = None) -> nx.MultiDiGraph:
    """The networkx graph of facts lines (article lines; other lines are ignored), built in an
    in-memory store (see ``build_store`` for a build directory's)."""
    from .nxview import to_networkx

    with GraphStore.create(":memory:") as store:
        build_store(FactSource(lines), store, divisions)
        return to_networkx(store)


class FactSource:
    """Article lines to build from: a list in memory, or a facts file, read by offsets (its index in
    the store's ``articles`` table), so a big build never holds all its facts."""

    def __init__(self, lines: Iterable[dict[str, Any]] | None = None, path: str | os.PathLike[str] | None = None):
        self.lines = [ln for ln in lines if "article" in ln] if lines is not None else None
        self.path = os.fspath(path) if path is not None else None

    def index(self, store: GraphStore) -> list[Span]:
        """(article id, line start, line end) of every article line, in file order, also written to
        ``store``'s ``articles`` table with where each line's text is; the lines are not parsed."""
        assert self.path is not None
        spans: list[Span] = []
        rows: list[tuple[Any, ...]] = []
        with open(self.path, "rb") as fh:
            pos = 0
            for raw in fh:
                start, pos = pos, pos + len(raw)
                if raw.startswith(b'{"article"'):
                    aid = _line_id(raw)
                    spans.append((aid, start, pos))
                    rows.append((aid, len(rows), start, pos, *_text_span(raw, start)))
        store.add_articles(rows)
        return spans


#: Where an article's line is in the facts file: (article id, start, end).
Span = tuple[str, int, int]


def read_lines(path: str, spans: Iterable[Span]) -> Iterator[dict[str, Any]]:
    """The parsed lines at ``spans`` of the facts file ``path``, in the order given."""
    with open(path, "rb") as fh:
        for _aid, start, end in spans:
            fh.seek(start)
            yield orjson.loads(fh.read(end - start))


def _line_id(raw: bytes) -> str:
    prefix = b'{"article":{"id":"'
    if raw.startswith(prefix):
        end = raw.find(b'"', len(prefix))
        if end > 0 and b"\\" not in raw[len(prefix):end]:
            return raw[len(prefix):end].decode()
    return str(orjson.loads(raw)["article"]["id"])


def _text_span(raw: bytes, start: int) -> tuple[int | None, int | None]:
    """Byte offsets of the ``"text"`` JSON string of a facts line (its last key) in the file."""
    line = raw.rstrip(b"\n")
    at = line.rfind(b',"text":"')
    if at < 0 or not line.endswith(b'"}'):
        return None, None
    return start + at + 8, start + len(line) - 1


@dataclass
class BuildStats:
    articles: int = 0
    entities: int = 0
    relations: int = 0
    nodes: int = 0
    edges: int = 0
    named_together: set[tuple[str, str]] = field(default_factory=set)
    hierarchy: list[Edge] = field(default_factory=list)  # the graph's LOCATED_IN and SUBORDINATE_TO edges
    shown: dict[str, Counter[str]] = field(default_factory=dict)  # node -> the names the facts give it
    seconds: dict[str, float] = field(default_factory=dict)  # stage → wall seconds


def build_store(src: FactSource, store: GraphStore, divisions: Divisions | None = None, workers: int = 1) -> BuildStats:
    """Two passes: resolve campaigns and people over all articles, then add nodes and edges to
    ``store`` (articles by id, then the hierarchy); the person merges go to its ``merges`` table.

    With ``workers`` > 1 (and a facts file), both passes run on that many processes: the census
    over consecutive stretches of the file, the articles over consecutive stretches of ids, each
    into a store of its own, merged into ``store`` in id order (the same store as one process makes).
    """
    divs = divisions or Divisions.load()
    if src.lines is not None:
        census = _Census(divs)
        for ln in src.lines:
            census.add(ln)
        b = GraphBuilder(store)
        camp, person_id = _resolve(census, store)
        for ln in sorted(src.lines, key=lambda ln: ln["article"]["id"]):
            b.begin_article(ln["article"]["id"], ln.get("text"))
            _add_article(b, ln, camp, person_id, divs)
    else:
        assert src.path is not None
        spans = src.index(store)
        pool = _pool(workers) if workers > 1 and len(spans) >= PARALLEL_MIN else None
        try:
            census = _census(src.path, spans, pool, workers)
            camp, person_id = _resolve(census, store)
            b = _articles(src.path, sorted(spans), store, camp, person_id, pool, workers)
        except BaseException:
            if pool is not None:
                pool.terminate()
            raise
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    del person_id
    b.begin_article(None)
    b.load_places()
    _add_hierarchy(b, divs)
    _store_cities(b)
    b.flush()
    stats = census.stats
    stats.hierarchy = b.hierarchy
    stats.shown = b.shown
    _name_keys(store)
    store.finish(threads=workers)
    stats.nodes, stats.edges = store.number_of_nodes(), store.number_of_edges()
    return stats


def _resolve(census: _Census, store: GraphStore) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Campaign groups and person ids over all articles; the person merges into ``store``."""
    camp = group_campaigns(census.variants, census.counts)
    contexts = [PersonContext(*c) for c in sorted(census.contexts, key=lambda c: (c[1], c[0]))]
    census.contexts.clear()
    person_id, merges = resolve_people(contexts, census.city_of_body)
    del contexts
    store.db.executemany("INSERT INTO merges VALUES (?, ?, ?, ?)", [(m.article, m.name, m.node, m.reason) for m in merges])
    return camp, person_id


def _stretches(items: list[Any], n: int) -> list[tuple[int, list[Any]]]:
    """``items`` cut into ``n`` consecutive stretches of about equal length, with their first index."""
    size = -(-len(items) // n) if items else 1
    return [(i, items[i:i + size]) for i in range(0, len(items), size)]


def _pool(workers: int) -> Any:
    """Fresh processes (spawned, not forked): a worker holds what its stretch needs, not a copy of
    the parent's memory (an extractor's dictionaries, the census), so the build's memory stays
    the parent's and its workers' own."""
    import multiprocessing

    return multiprocessing.get_context("spawn").Pool(workers)


def _census(path: str, spans: list[Span], pool: Any, workers: int) -> _Census:
    """The census of the articles at ``spans`` (file order), on the ``pool``'s processes if any."""
    if pool is None:
        return _census_part(path, spans)
    parts = pool.starmap(_census_part, [(path, chunk) for _, chunk in _stretches(spans, workers)])
    out = parts[0]
    for part in parts[1:]:
        out.merge(part)
    return out


def _census_part(path: str, spans: list[Span]) -> _Census:
    census = _Census(Divisions.load())
    for ln in read_lines(path, spans):
        census.add(ln)
    return census


def _articles(path: str, by_id: list[Span], store: GraphStore, camp: dict[str, str],
              person_id: dict[tuple[str, str], str], pool: Any, workers: int) -> GraphBuilder:
    """The articles' nodes and edges in ``store`` (``by_id``: their lines in id order), on the
    ``pool``'s processes if any; the builder that goes on with the hierarchy."""
    if pool is None:
        b = GraphBuilder(store)
        _article_stretch(b, path, by_id, camp, person_id)
        return b
    stretches = _stretches(by_id, workers)
    part_of = {aid: i for i, (_, chunk) in enumerate(stretches) for aid, _, _ in chunk}
    people: list[dict[tuple[str, str], str]] = [{} for _ in stretches]
    for (name, aid), node in person_id.items():
        if aid in part_of:
            people[part_of[aid]][(name, aid)] = node
    del part_of
    paths = [f"{store.path}.part{i}" for i in range(len(stretches))]
    try:
        results = pool.starmap(_article_part, [(path, part, first, chunk, camp, who) for part, (first, chunk), who
                                               in zip(paths, stretches, people, strict=True)])
        b = GraphBuilder(store, rank=len(by_id) - 1)
        for part, (shown, hierarchy) in zip(paths, results, strict=True):
            store.merge(part)
            for nid, counts in shown.items():
                b.shown.setdefault(nid, Counter()).update(counts)
            b.hierarchy += hierarchy
    finally:
        for part in paths:
            if os.path.exists(part):
                os.remove(part)
    return b


def _article_part(path: str, part: str, first: int, spans: list[Span], camp: dict[str, str],
                  person_id: dict[tuple[str, str], str]) -> tuple[dict[str, Counter[str]], list[Edge]]:
    """A worker's stretch of articles (``first``: the rank of its first) into a store of its own."""
    store = GraphStore.create(part, facts=path)
    try:
        b = GraphBuilder(store, rank=first - 1)
        _article_stretch(b, path, spans, camp, person_id)
        b.flush()
        store.db.execute("COMMIT")
        return b.shown, b.hierarchy
    finally:
        store.close()


def _article_stretch(b: GraphBuilder, path: str, spans: list[Span], camp: dict[str, str],
                     person_id: dict[tuple[str, str], str]) -> None:
    divs = Divisions.load()
    for ln in read_lines(path, spans):
        b.begin_article(ln["article"]["id"], ln.get("text"))
        _add_article(b, ln, camp, person_id, divs)


def _name_keys(store: GraphStore) -> None:
    """The comparison keys (``analysis.lookup.key``) of the names and aliases that are not their own."""
    rows = [(key(name), nid) for nid, name in store.iter_names() if name and not plain(name)]
    store.db.executemany("INSERT INTO name_keys VALUES (?, ?)", rows)


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

    def merge(self, later: _Census) -> None:
        """Add the census of the articles that come after these in the file."""
        st, other = self.stats, later.stats
        st.articles += other.articles
        st.entities += other.entities
        st.relations += other.relations
        st.named_together |= other.named_together
        for name, forms in later.variants.items():
            self.variants[name] |= forms
        self.counts.update(later.counts)
        self.city_of_body.update(later.city_of_body)
        self.contexts += later.contexts

    def __getstate__(self) -> dict[str, Any]:  # sent back from a worker without the division table
        return {**self.__dict__, "divs": None, "cities": {}}

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
                                                             "date": date, "surface": r.get("surface")})
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
    """LOCATED_IN from bodies and places up the division table, SUBORDINATE_TO from each union to
    the one a level up (made, inferred, when the articles do not name it)."""
    assert b.known is not None
    nodes = b.known
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
        d = b.attrs(nid)
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
        if not b.has_edge(nid, parent, "SUBORDINATE_TO"):
            b.add_edge(nid, parent, _SUBORDINATE_TO, "SUBORDINATE_TO", None, rule)
            queue.append(parent)


def _union_node(b: GraphBuilder, divs: Divisions, name: str, code: str | None, level: str) -> str:
    nid = f"UnionBody:{name}"
    if not b.has_node(nid):
        b.node(nid, "UnionBody", name, inferred=True, level=level, place=code)
        if code:
            b.add_edge(nid, _place_node(b, divs, code), _LOCATED_IN, "LOCATED_IN", None, {"rule": _RULE})
            _place_chain(b, divs, code)
    return nid


def _place_node(b: GraphBuilder, divs: Divisions, code: str) -> str:
    nid = f"Place:{code}"
    if not b.has_node(nid):
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


def _store_cities(b: GraphBuilder) -> None:
    """The city of every body and organisation, for traces (table ``cities``)."""
    known = b.known
    assert known is not None
    ups: dict[str, set[str]] = {}
    for u, v, d in b.hierarchy:
        if d["type"] == _LOCATED_IN:
            ups.setdefault(u, set()).add(v)
    sorted_ups = {n: sorted(vs) for n, vs in ups.items()}
    bodies = (Label.UNION_BODY.value, Label.ORGANIZATION.value)
    order = [n for n, d in known.items() if d["label"] in bodies]
    order += [n for n, d in b.nodes.items() if d.label in bodies and n not in known]

    def attrs(n: str) -> Mapping[str, Any]:
        if n in b.nodes or n in known:
            return b.attrs(n)
        return b.store.node_attrs([n], lists=False).get(n, {})

    cities = body_cities(order, lambda n: sorted_ups.get(n, []), attrs)
    b.db.executemany("INSERT INTO cities VALUES (?, ?)", cities.items())


def hierarchy_lines(store: GraphStore, named_together: set[tuple[str, str]], edges: Iterable[Edge],
                    shown: dict[str, Counter[str]] | None = None) -> dict[str, Any]:
    """The corpus-level facts line: LOCATED_IN of union bodies, of places named together in an
    article (``named_together``), and SUBORDINATE_TO between unions (inferred parents included).

    ``edges``: the graph's LOCATED_IN and SUBORDINATE_TO edges (``BuildStats.hierarchy``).
    ``shown`` (``BuildStats.shown``): the names the articles' facts give each node; an end is named
    as most of them do (仓前街道总工会, as written), else by the node's full name."""
    rels = []
    edges = sorted(edges, key=lambda x: (x[0], x[1], x[2]["type"]))
    nodes = store.node_attrs({n for u, v, _ in edges for n in (u, v)}, lists=False)
    said = shown or {}

    def name_of(n: str) -> str:
        counts = said.get(n)
        return counts.most_common(1)[0][0] if counts else str(nodes[n]["name"])

    for u, v, d in edges:
        t = d["type"]
        du, dv = nodes[u], nodes[v]
        lu, lv = du["label"], dv["label"]
        named_body = lu == "UnionBody" and not du["inferred"]
        if t == _SUBORDINATE_TO or (t == _LOCATED_IN and named_body) or (
                t == _LOCATED_IN and lu == "Place" and (u, v) in named_together):
            rels.append({"type": t, "head": name_of(u), "tail": name_of(v), "head_type": lu,
                         "tail_type": lv, "inferred": bool(du["inferred"] or dv["inferred"]),
                         "rule": d.get("rule", "")})
    return {"relations": rels}
