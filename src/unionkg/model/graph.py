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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import permutations
from typing import TYPE_CHECKING, Any

import orjson

from ..ingest.normalize import in_script_of
from ..types import ROLE_TYPES, Label, RelType
from .cities import body_cities
from .names import key, plain
from .store import EVIDENCE_KEYS, GraphStore, merge_props

if TYPE_CHECKING:  # the writer's processes import only what they use (see _pool)
    import networkx as nx

    from ..extract.divisions import Divisions
    from ..resolve.campaigns import CampaignMerge
    from ..resolve.people import PersonContext

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
                else:
                    rows += self._merge_edge(e)
        if rows:
            db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _merge_edge(self, e: _Edge) -> list[tuple[Any, ...]]:
        """Merge ``e`` into the stored edge of its key and ends: its properties now, the evidence
        rows the stored edge lacks returned. A stored evidence equals a new one only if it names the
        same article (a column of its row): only those are compared as dicts (reading sentences)."""
        db = self.db
        seq, props = db.execute("SELECT seq, props FROM edges WHERE key = ? AND source = ? AND target = ?",
                                (e.key, e.u, e.v)).fetchone()
        merged = merge_props(props, _DUMPS(e.props).decode())
        if merged != props:
            db.execute("UPDATE edges SET props = ? WHERE seq = ?", (merged, seq))
        old = db.execute('SELECT article, start, "end", rule, confidence, sentence, raw FROM evidence WHERE edge = ? '
                         "ORDER BY n", (seq,)).fetchall()
        n = len(old)
        rows = []
        for ev, row in zip(e.evidence, e.rows, strict=True):
            same = [r for r in old if r[0] == row[0]]
            if not same or ev not in [self.store._evidence(r) for r in same]:
                rows.append((seq, n, *row))
                n += 1
        return rows

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
        """Make ``nid`` a node (without attributes) if nothing made it yet. A seq is taken either way:
        a worker's store does not hold what an earlier stretch made, and the numbers must not tell."""
        if nid not in self.nodes and nid not in self.stubs:
            seq = self._seq()
            if not self._stored(nid):
                self.stubs[nid] = seq

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
                    rows.append((aid, len(spans), start, pos, *_text_span(raw, start)))
                    spans.append((aid, start, pos))
                    if len(rows) >= 8192:
                        store.add_articles(rows)
                        rows.clear()
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
    #: (node, node) named in one article; after ``build_store`` with a store-backed census, only the
    #: pairs of the hierarchy's edges (all ``hierarchy_lines`` asks), as for ``names_together``
    named_together: set[tuple[str, str]] = field(default_factory=set)
    #: (node, node) named in one article → the names that article gives the two
    names_together: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)
    hierarchy: list[Edge] = field(default_factory=list)  # the graph's LOCATED_IN and SUBORDINATE_TO edges
    shown: dict[str, Counter[str]] = field(default_factory=dict)  # node -> the names the facts give it
    seconds: dict[str, float] = field(default_factory=dict)  # stage → wall seconds
    campaign_merges: list[CampaignMerge] = field(default_factory=list)  # why each campaign name is its node


def build_store(src: FactSource, store: GraphStore, divisions: Divisions | None = None, workers: int = 1,
                census: Census | None = None, writers: WriterPool | None = None) -> BuildStats:
    """Two passes: resolve campaigns and people over all articles, then add nodes and edges to
    ``store`` (articles by id, then the hierarchy); the person merges go to its ``merges`` table.
    ``census``: the first pass's result when it was made as the facts were written; ``writers``:
    the processes of the parallel stage, maybe started already (else they are started here).

    With ``workers`` > 1 (and a facts file of ``PARALLEL_MIN`` articles or more), both passes run on
    that many processes: the census over consecutive stretches of the file, the articles over
    consecutive stretches of ids, each into a store of its own, merged into ``store`` in id order
    (the same store as one process makes).
    """
    from ..extract.divisions import Divisions

    divs = divisions or Divisions.load()
    if src.lines is not None:
        if census is None:
            census = Census()
            for ln in src.lines:
                census.add(article_census(ln, divs))
        b = GraphBuilder(store)
        camp = _resolve(census, store)
        people = store.persons()
        for ln in sorted(src.lines, key=lambda ln: ln["article"]["id"]):
            b.begin_article(ln["article"]["id"], ln.get("text"))
            _add_article(b, ln, camp, people)
    else:
        assert src.path is not None
        spans = src.index(store)
        pool = None
        if workers > 1 and len(spans) >= PARALLEL_MIN:
            pool = writers.start() if writers is not None else _pool(workers)
        try:
            if census is None:
                census = _census(src.path, spans, pool, workers, store)
            camp = _resolve(census, store)
            b = _articles(src.path, sorted(spans), store, camp, pool, workers)
        except BaseException:
            if pool is not None:
                pool.terminate()
            raise
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    b.begin_article(None)
    b.load_places()
    _add_hierarchy(b, divs)
    _store_cities(b)
    b.known = None  # read by the hierarchy only
    b.flush()
    census.settle(b.hierarchy)
    stats = census.stats
    stats.hierarchy = b.hierarchy
    stats.shown = b.shown
    _name_keys(store)
    store.finish(threads=workers)
    store.set_meta("union_levels", store.union_levels())  # what every trace counts coverage against
    store.set_meta("union_cities", store.union_cities())
    stats.nodes, stats.edges = store.number_of_nodes(), store.number_of_edges()
    return stats


def _resolve(census: Census, store: GraphStore) -> dict[str, str]:
    """Campaign groups over all articles; the person id of each mention into ``store``'s
    ``merges`` table (with why), which the article pass reads a batch at a time."""
    from ..resolve.campaigns import group_campaigns
    from ..resolve.people import resolve_each

    camp = group_campaigns(census.variants, census.counts)
    census.stats.campaign_merges = camp.decisions
    store.db.executemany("INSERT INTO campaign_merges VALUES (?, ?, ?)",
                         [(d["name"], d["campaign"], orjson.dumps(d["steps"]).decode())
                          for d in (c.to_dict() for c in camp.decisions)])
    rows: list[tuple[str, str, str, str]] = []
    for m in resolve_each(census.people(), census.city_of_body):
        rows.append((m.article, m.name, m.node, m.reason))
        if len(rows) >= 8192:
            store.db.executemany("INSERT INTO merges VALUES (?, ?, ?, ?)", rows)
            rows.clear()
    store.db.executemany("INSERT INTO merges VALUES (?, ?, ?, ?)", rows)
    store.db.execute("CREATE INDEX IF NOT EXISTS merges_article ON merges (article, name)")
    if census.store is not None:
        store.db.execute("DROP TABLE IF EXISTS temp.contexts")
    return camp


def _stretches(items: list[Any], n: int, align: int = 1) -> list[tuple[int, list[Any]]]:
    """``items`` cut into ``n`` consecutive stretches of about equal length (a multiple of ``align``),
    with their first index."""
    size = -(-len(items) // n) if items else 1
    size = -(-size // align) * align
    return [(i, items[i:i + size]) for i in range(0, len(items), size)]


def _pool(workers: int) -> Any:
    """Fresh processes (spawned, not forked) beside this one, which builds a stretch of its own
    (``workers - 1`` of them): a worker holds what its stretch needs, not a copy of the parent's
    memory (an extractor's dictionaries, the census), so the build's memory stays the parent's
    and its workers' own."""
    import multiprocessing

    return multiprocessing.get_context("spawn").Pool(max(1, workers - 1), initializer=_init_writer)


def _init_writer() -> None:
    """A writer process's start (this module is imported by then): its cyclic garbage collector
    off (what it makes holds no cycles, reference counting frees it, and collections would walk
    the division table again and again: a sixth of the work)."""
    import gc

    gc.disable()


class WriterPool:
    """The processes of a parallel graph stage (``_pool``), started on the first ``start()``: a
    build starts them while it extracts, once there are articles enough for the stage to run in
    parallel (``PARALLEL_MIN``), so that their start (an interpreter, its imports) is done by then."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: Any = None

    def note(self, articles: int) -> None:
        """``articles`` are written: start the processes once they are enough for them."""
        if articles == PARALLEL_MIN:
            self.start()

    def start(self) -> Any:
        if self.pool is None:
            self.pool = _pool(self.workers)
        return self.pool

    def close(self) -> None:
        """End the processes (if started and not ended by the stage)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _census(path: str, spans: list[Span], pool: Any, workers: int, store: GraphStore) -> Census:
    """The census of the articles at ``spans`` (file order), on the ``pool``'s processes if any."""
    out = Census(store)
    if pool is None:
        out.merge(_census_part(path, spans))
        return out
    for part in pool.imap(_census_task, [(path, chunk) for _, chunk in _stretches(spans, workers)]):
        out.merge(part)
    return out


def _census_task(args: tuple[str, list[Span]]) -> Census:
    return _census_part(*args)


def _census_part(path: str, spans: list[Span]) -> Census:
    from ..extract.divisions import Divisions

    divs = Divisions.load()
    census = Census()
    for ln in read_lines(path, spans):
        census.add(article_census(ln, divs))
    return census


def _articles(path: str, by_id: list[Span], store: GraphStore, camp: dict[str, str], pool: Any,
              workers: int) -> GraphBuilder:
    """The articles' nodes and edges in ``store`` (``by_id``: their lines in id order), on the
    ``pool``'s processes if any; the builder that goes on with the hierarchy.

    With a pool, this process writes the first stretch into ``store`` itself while the pool's
    processes write the others into stores of their own, merged into ``store`` after it; they
    read their person ids from a copy of the ``merges`` rows of their articles (``store`` is
    being written meanwhile)."""
    if pool is None:
        b = GraphBuilder(store)
        _article_stretch(b, path, by_id, camp, store)
        return b
    stretches = _stretches(by_id, workers, GraphBuilder.BATCH)  # a worker's batches are the batches of one process
    (_, mine), theirs = stretches[0], stretches[1:]
    paths = [f"{store.path}.part{i}" for i in range(1, len(stretches))]
    people = f"{store.path}.people"
    try:
        if theirs:
            _copy_persons(store, people, theirs[0][1][0][0])
        running = pool.starmap_async(_article_part, [(path, part, people, first, chunk, camp) for part, (first, chunk)
                                                     in zip(paths, theirs, strict=True)])
        b = GraphBuilder(store)
        _article_stretch(b, path, mine, camp, store)
        b.flush()
        results = running.get()
        pool.close()  # the processes are done: their memory is given back before the merge
        pool.join()
        shown, hierarchy = b.shown, b.hierarchy
        b = GraphBuilder(store, rank=len(by_id) - 1)
        b.shown, b.hierarchy = shown, hierarchy
        for part, (shown, hierarchy) in zip(paths, results, strict=True):
            store.merge(part)
            for nid, counts in shown.items():
                b.shown.setdefault(nid, Counter()).update(counts)
            b.hierarchy += hierarchy
    finally:
        for part in [*paths, people]:
            if os.path.exists(part):
                os.remove(part)
    return b


def _copy_persons(store: GraphStore, path: str, first: str) -> None:
    """The ``merges`` rows of the articles from ``first`` on, into a new store file at ``path``
    (what the pool's processes read their person ids from)."""
    db = store.db
    if db.in_transaction:
        db.execute("COMMIT")
    db.execute("ATTACH DATABASE ? AS people", (path,))
    try:
        db.execute("PRAGMA people.journal_mode = OFF")
        db.execute("PRAGMA people.synchronous = OFF")
        db.execute("CREATE TABLE people.merges AS SELECT name, article, node FROM main.merges WHERE article >= ?",
                   (first,))
        db.execute("CREATE INDEX people.merges_article ON merges (article, name)")
    finally:
        db.execute("DETACH DATABASE people")
    db.execute("BEGIN")


def _article_part(path: str, part: str, persons: str, first: int, spans: list[Span], camp: dict[str, str]
                  ) -> tuple[dict[str, Counter[str]], list[Edge]]:
    """A worker's stretch of articles (``first``: the rank of its first) into a store of its own;
    the person ids from the store at ``persons`` (its ``merges`` table)."""
    store = GraphStore.create(part, facts=path, cache_mb=32)
    people = GraphStore.open_file(persons)
    try:
        b = GraphBuilder(store, rank=first - 1)
        _article_stretch(b, path, spans, camp, people)
        b.flush()
        store.db.execute("COMMIT")
        return b.shown, b.hierarchy
    finally:
        store.close()
        people.close()


def _article_stretch(b: GraphBuilder, path: str, spans: list[Span], camp: dict[str, str], people: GraphStore) -> None:
    """The articles at ``spans`` (id order), a batch at a time with its person ids (``merges``)."""
    step = GraphBuilder.BATCH
    for i in range(0, len(spans), step):
        batch = spans[i:i + step]
        person_id = people.persons(batch[0][0], batch[-1][0])
        for ln in read_lines(path, batch):
            b.begin_article(ln["article"]["id"], ln.get("text"))
            _add_article(b, ln, camp, person_id)


def _name_keys(store: GraphStore) -> None:
    """The comparison keys (``analysis.lookup.key``) of the names and aliases that are not their own."""
    rows = ((key(name), nid) for nid, name in store.iter_names() if name and not plain(name))
    store.db.executemany("INSERT INTO name_keys VALUES (?, ?)", rows)


#: A person mention's context for ``resolve_people``: name, article, bodies it holds positions in,
#: the organiser's city, the article's source, whether it is the reporter.
Context = tuple[str, str, tuple[str, ...], "str | None", "str | None", bool]
#: What one article adds to the census: entities, relations, campaigns (name, surface forms),
#: bodies (name, city code), the place nodes it names, its person mentions' contexts, and the
#: bodies and places it names (node id, the name it gives), first mention first.
ArticleCensus = tuple[int, int, list[tuple[str, tuple[str, ...]]], list[tuple[str, str]], frozenset[str],
                      list[Context], tuple[tuple[str, str], ...]]


def article_census(ln: dict[str, Any], divs: Divisions) -> ArticleCensus:
    """What the first pass takes from one article line (the census is made of these, in file
    order; an extraction worker makes it from the facts it has, so the line is not read again)."""
    a, entities = ln["article"], ln["entities"]
    by_code = divs.by_code
    org = ln["events"][0]["organiser"] if ln.get("events") else None
    org_city = None
    campaigns: list[tuple[str, tuple[str, ...]]] = []
    cities: list[tuple[str, str]] = []
    places = set()
    people = []
    named: dict[str, str] = {}  # the names an article gives nodes named together (四川省總工會)
    for e in entities:
        et = e["type"]
        if et == "Place" and e.get("place"):
            named.setdefault(f"Place:{e['place']}", e["name"])
        elif et in ("UnionBody", "Organization"):
            named.setdefault(f"{et}:{e.get('canonical') or e['name']}", e["name"])
        if et == "Campaign":
            campaigns.append((e["name"], tuple(e.get("aliases", ()))))
        elif et in ("UnionBody", "Organization") and e.get("place") in by_code:
            cities.append((e["name"], _city(divs, e["place"])))
        elif et == "Place" and e.get("place"):
            places.add(e["place"])
        elif et == "Person":
            people.append(e)
        if e["name"] == org and e.get("place") in by_code:
            org_city = _city(divs, e["place"])
    bodies: dict[str, list[str]] = defaultdict(list)
    for r in ln["relations"]:
        if r["type"] == "HOLDS_POSITION":
            bodies[r["head"]].append(r["tail"])
    contexts: list[Context] = [
        (e["name"], a["id"], tuple(bodies.get(e["name"], ())), org_city, a.get("source"),
         e.get("role") == "reporter" or e["name"] in a.get("authors", [])) for e in people]
    return len(entities), len(ln["relations"]), campaigns, cities, frozenset(places), contexts, tuple(named.items())


class Census:
    """What the first pass gathers from every article: counts, campaign names and their variants,
    the city of each body, places named together, and each person mention's context. With a
    ``store``, what grows with the corpus (the person mentions' contexts, the nodes named together
    and the names they are given) goes to temporary tables of it rather than stays in memory, and
    ``settle`` keeps, of the nodes named together, those of the hierarchy's edges."""

    #: Pairs named together held in memory before they go to the store.
    PAIRS = 16384

    def __init__(self, store: GraphStore | None = None) -> None:
        self.stats = BuildStats()
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.counts: Counter[str] = Counter()
        self.city_of_body: dict[str, str] = {}
        self.contexts: list[Context] = []  # those not in the store yet
        self.store = store
        self.stored = 0
        if store is not None:
            store.db.execute("CREATE TEMP TABLE IF NOT EXISTS contexts (seq INTEGER PRIMARY KEY, name TEXT, "
                             "article TEXT, bodies TEXT, city TEXT, source TEXT, reporter INTEGER)")
            # appended as they come (a pair may be there more than once): settle reads what it needs
            store.db.execute("CREATE TEMP TABLE IF NOT EXISTS together (u TEXT, v TEXT)")
            store.db.execute("CREATE TEMP TABLE IF NOT EXISTS together_names (u TEXT, v TEXT, nu TEXT, nv TEXT)")

    def add(self, part: ArticleCensus) -> None:
        """The next article's part (file order)."""
        n_entities, n_relations, campaigns, cities, places, contexts, named = part
        stats = self.stats
        stats.articles += 1
        stats.entities += n_entities
        stats.relations += n_relations
        for name, forms in campaigns:
            self.variants[name].update(forms)
            self.counts[name] += 1
        for name, city in cities:
            self.city_of_body[name] = city
        if len(places) > 1:
            stats.named_together.update(permutations([f"Place:{p}" for p in places], 2))
        names = dict(named)
        for u, v in permutations(names, 2):
            if u.startswith(("UnionBody:", "Organization:")) and v.startswith(("UnionBody:", "Place:")):
                stats.names_together.setdefault((u, v), set()).add((names[u], names[v]))
        unions = [n for n in names if n.startswith("UnionBody:")]
        if len(unions) > 1:  # unions named in one article: their SUBORDINATE_TO goes in the facts
            stats.named_together.update(permutations(sorted(unions), 2))
        self._add_contexts(contexts)
        if self.store is not None and len(stats.named_together) + len(stats.names_together) >= self.PAIRS:
            self._store_pairs()

    def merge(self, later: Census) -> None:
        """Add the census of the articles that come after these in the file."""
        st, other = self.stats, later.stats
        st.articles += other.articles
        st.entities += other.entities
        st.relations += other.relations
        st.named_together |= other.named_together
        for pair, names in other.names_together.items():
            st.names_together.setdefault(pair, set()).update(names)
        for name, forms in later.variants.items():
            self.variants[name] |= forms
        self.counts.update(later.counts)
        self.city_of_body.update(later.city_of_body)
        self._add_contexts(later.contexts)
        if self.store is not None:
            self._store_pairs()

    def _store_pairs(self) -> None:
        """The pairs named together, and their names, from memory into the store."""
        assert self.store is not None
        st = self.stats
        self.store.db.executemany("INSERT INTO temp.together VALUES (?, ?)", st.named_together)
        self.store.db.executemany("INSERT INTO temp.together_names VALUES (?, ?, ?, ?)",
                                  ((u, v, nu, nv) for (u, v), names in st.names_together.items() for nu, nv in names))
        st.named_together.clear()
        st.names_together.clear()

    def settle(self, edges: Iterable[Edge]) -> None:
        """Keep in ``stats.named_together`` and ``stats.names_together`` only the pairs of ``edges``
        (the hierarchy's: all that ``hierarchy_lines`` asks of them), read back from the store."""
        if self.store is None:
            return
        self._store_pairs()
        db = self.store.db
        wanted = {(u, v) for u, v, _ in edges}  # a few per body and place: fewer than the pairs stored
        st = self.stats
        st.named_together.update(pair for pair in db.execute("SELECT u, v FROM temp.together") if pair in wanted)
        for u, v, nu, nv in db.execute("SELECT u, v, nu, nv FROM temp.together_names"):
            if (u, v) in wanted:
                st.names_together.setdefault((u, v), set()).add((nu, nv))
        db.execute("DROP TABLE temp.together")
        db.execute("DROP TABLE temp.together_names")

    def _add_contexts(self, contexts: list[Context]) -> None:
        self.contexts += contexts
        if self.store is not None and len(self.contexts) >= 4096:
            self._store_contexts()

    def _store_contexts(self) -> None:
        assert self.store is not None
        rows = [(self.stored + i, name, art, orjson.dumps(bodies).decode(), city, source, reporter)
                for i, (name, art, bodies, city, source, reporter) in enumerate(self.contexts)]
        self.store.db.executemany("INSERT INTO temp.contexts VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        self.stored += len(rows)
        self.contexts.clear()

    def people(self) -> Callable[[], Iterator[PersonContext]]:
        """The person contexts by article, then name (then file order), as often as called."""
        from ..resolve.people import PersonContext

        if self.store is None:
            ordered = sorted(self.contexts, key=lambda c: (c[1], c[0]))
            return lambda: (PersonContext(*c) for c in ordered)
        self._store_contexts()
        db = self.store.db
        db.execute("CREATE INDEX IF NOT EXISTS temp.contexts_order ON contexts (article, name, seq)")

        def contexts() -> Iterator[PersonContext]:
            for name, art, bodies, city, source, reporter in db.execute(
                    "SELECT name, article, bodies, city, source, reporter FROM temp.contexts "
                    "ORDER BY article, name, seq"):
                yield PersonContext(name, art, tuple(orjson.loads(bodies)), city, source, bool(reporter))

        return contexts

    def __getstate__(self) -> dict[str, Any]:  # a worker's census goes back without its store
        assert self.store is None
        return self.__dict__


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


def _add_article(b: GraphBuilder, ln: dict[str, Any], camp: dict[str, str], person_id: dict[tuple[str, str], str]
                 ) -> None:
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
    """LOCATED_IN from bodies and places up the division table, SUBORDINATE_TO from each union to
    the one a level up (made, inferred, when the articles do not name it)."""
    from ..resolve.hierarchy import parent_union, union_name

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
                    shown: dict[str, Counter[str]] | None = None,
                    names_together: dict[tuple[str, str], set[tuple[str, str]]] | None = None) -> dict[str, Any]:
    """The corpus-level facts line: LOCATED_IN of the bodies articles name, of places named together
    in an article (``named_together``), and SUBORDINATE_TO between unions named together in an
    article (the store holds the whole hierarchy, inferred parents included; the facts state what
    an article supports).

    ``edges``: the graph's LOCATED_IN and SUBORDINATE_TO edges (``BuildStats.hierarchy``).
    ``shown`` (``BuildStats.shown``): the names the articles' facts give each node; an end is named
    as most of them do (仓前街道总工会, as written), else by the node's full name.
    ``names_together`` (``BuildStats.names_together``): where an article names both ends, the edge
    is stated with that article's names (四川省總工會 → 四川省 in a traditional article, 四川省总工会 →
    四川省 in another); a body's LOCATED_IN is stated under each name the articles give it."""
    rels = []
    edges = sorted(edges, key=lambda x: (x[0], x[1], x[2]["type"]))
    nodes = store.node_attrs({n for u, v, _ in edges for n in (u, v)}, lists=False)
    said = shown or {}
    together = names_together or {}

    def name_of(n: str) -> str:
        counts = said.get(n)
        return counts.most_common(1)[0][0] if counts else str(nodes[n]["name"])

    for u, v, d in edges:
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
