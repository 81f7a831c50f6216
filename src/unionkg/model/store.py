"""The graph store: the model of graph/MODEL.md in an embedded SQLite database, ``DIR/graph.sqlite``.

:class:`GraphBuilder` (``model.graph``) is its only writer; every sink and analysis reads it,
asking only for what it draws or counts: a node, the edges of a node or of a type, the nodes of a
label, or a subgraph as networkx (``model.nxview.to_networkx``). The tables are documented in
graph/MODEL.md ("The store"); ``sqlite3 DIR/graph.sqlite`` opens them.

Evidence sentences are not copied: an evidence row holds its article and character offsets, and
the sentence is read back from the article's text in ``facts.jsonl`` (``articles`` holds where
each article's line and text are in that file).

Streaming rows (the seam for the Neo4j loaders, which take rows, not a networkx graph)::

    with GraphStore.open("out/build") as store:
        for row in store.iter_nodes("UnionBody"):   # {"id", "label", "name", "props"}
            ...                                     # props: every property (name, aliases, ...) but label
        for row in store.iter_edges("IMPLEMENTS"):  # {"source", "target", "key", "type",
            ...                                     #  "source_label", "target_label", "props"}
                                                    # props: every property (evidence, date, ...) but type

Each is an iterator over plain dicts, read ``batch`` rows at a time (memory does not grow with the
graph); ``store.labels()`` and ``store.types()`` say which labels and types there are, with counts.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from ..errors import BuildError

__all__ = ["STORE_FILE", "SCHEMA_VERSION", "GraphStore", "SeqEdge", "merge_props"]

STORE_FILE = "graph.sqlite"
SCHEMA_VERSION = 1
MENTIONS = "MENTIONS"
_ARTICLE = "Article:"
#: Keys of an evidence dict held in columns, in their order (anything else is kept as JSON).
EVIDENCE_KEYS = ("article", "sentence", "start", "end", "rule", "confidence")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE articles (
  id TEXT PRIMARY KEY,          -- article id
  ord INTEGER NOT NULL,         -- its place in facts.jsonl (input order)
  line_start INTEGER, line_end INTEGER,   -- byte offsets of its line in facts.jsonl
  text_start INTEGER, text_end INTEGER    -- byte offsets of its "text" JSON string in that line's file
) WITHOUT ROWID;
CREATE TABLE nodes (
  seq INTEGER PRIMARY KEY,      -- creation order: the graph's node order
  id TEXT NOT NULL UNIQUE,
  label TEXT, name TEXT, inferred INTEGER,
  props TEXT NOT NULL,          -- the other properties: a JSON object, keys in the order they were set
  level TEXT GENERATED ALWAYS AS (props ->> '$.level') VIRTUAL,
  kind TEXT GENERATED ALWAYS AS (props ->> '$.kind') VIRTUAL,
  place TEXT GENERATED ALWAYS AS (coalesce(props ->> '$.place', props ->> '$.code')) VIRTUAL,
  date TEXT GENERATED ALWAYS AS (props ->> '$.date') VIRTUAL
);
CREATE TABLE aliases (node TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (node, alias)) WITHOUT ROWID;
CREATE TABLE node_articles (
  node TEXT NOT NULL, article TEXT NOT NULL,
  mention INTEGER               -- seq of the MENTIONS edge Article:<article> -> node; NULL: none
);
CREATE TABLE edges (
  seq INTEGER PRIMARY KEY,      -- creation order
  source TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL,
  props TEXT NOT NULL,          -- the other properties but evidence: a JSON object in the order set
  article TEXT GENERATED ALWAYS AS (props ->> '$.article') VIRTUAL,
  date TEXT GENERATED ALWAYS AS (props ->> '$.date') VIRTUAL,
  event TEXT GENERATED ALWAYS AS (props ->> '$.event') VIRTUAL,
  mode TEXT GENERATED ALWAYS AS (props ->> '$.mode') VIRTUAL,
  UNIQUE (key, source, target)
);
CREATE TABLE evidence (
  edge INTEGER NOT NULL,        -- edges.seq
  n INTEGER NOT NULL,           -- its place among the edge's evidence
  article TEXT, start, "end", rule TEXT, confidence,
  sentence TEXT,                -- NULL: the article's text[start:end] (facts.jsonl)
  raw TEXT,                     -- the whole evidence as JSON when it has other keys than the columns
  PRIMARY KEY (edge, n)
) WITHOUT ROWID;
CREATE TABLE name_keys (key TEXT NOT NULL, node TEXT NOT NULL);
CREATE TABLE cities (node TEXT PRIMARY KEY, city TEXT) WITHOUT ROWID;
CREATE TABLE merges (article TEXT NOT NULL, name TEXT NOT NULL, node TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE campaign_merges (name TEXT NOT NULL, campaign TEXT NOT NULL, steps TEXT NOT NULL);
CREATE TABLE cache (key TEXT PRIMARY KEY, article TEXT NOT NULL) WITHOUT ROWID;
"""

#: Indexes made once the graph is written (a sorted build of each beats keeping them up per row).
#: Each holds what a reader asks of it, so that the reader need not read the rows: the other end of
#: an edge (``edges_out``, ``edges_in``), whether an article's row of a node is a mention, the dates
#: of a node's edges (``*_dated``: the page's "active on"), a campaign's adoptions and the articles'
#: properties (``edges_implements``, ``nodes_article``: ``implementing`` reads them in one range of
#: each instead of a page of the table per adoption).
INDEXES = """
CREATE INDEX IF NOT EXISTS nodes_label ON nodes (label, name);
CREATE INDEX IF NOT EXISTS nodes_name ON nodes (name);
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases (alias);
CREATE INDEX IF NOT EXISTS node_articles_node ON node_articles (node, article, mention);
CREATE INDEX IF NOT EXISTS node_articles_article ON node_articles (article);
CREATE INDEX IF NOT EXISTS edges_out ON edges (source, type, target);
CREATE INDEX IF NOT EXISTS edges_in ON edges (target, type, source);
CREATE INDEX IF NOT EXISTS edges_type ON edges (type);
CREATE INDEX IF NOT EXISTS edges_out_dated ON edges (source, date) WHERE typeof(date) = 'text' AND date != '';
CREATE INDEX IF NOT EXISTS edges_in_dated ON edges (target, date) WHERE typeof(date) = 'text' AND date != '';
CREATE INDEX IF NOT EXISTS name_keys_key ON name_keys (key);
CREATE INDEX IF NOT EXISTS edges_implements ON edges (target, type, seq, source, props) WHERE type = 'IMPLEMENTS';
CREATE INDEX IF NOT EXISTS nodes_article ON nodes (id, label, props) WHERE label = 'Article';
CREATE INDEX IF NOT EXISTS edges_subordinate ON edges (source, target) WHERE type = 'SUBORDINATE_TO';
"""

#: ``GraphStore.implementing``'s query, in two forms: each IMPLEMENTS edge of some targets, its
#: first evidence, where its article's text is, and the properties of the edge's article (the
#: properties as the UTF-8 bytes orjson parses: as text, each would be decoded, then encoded again).
_IMPLEMENTING_ROWS = (
    'SELECT e.seq, e.source, e.target, CAST(e.props AS BLOB), v.n, v.article, v.start, v."end", v.rule, '
    "v.confidence, v.sentence, v.raw, t.text_start, t.text_end, CAST(a.props AS BLOB) FROM edges e {edges} "
    "LEFT JOIN evidence v ON v.edge = e.seq AND v.n = (SELECT min(n) FROM evidence WHERE edge = e.seq) "
    "LEFT JOIN articles t ON t.id = v.article AND v.sentence IS NULL AND v.raw IS NULL "
    "LEFT JOIN nodes a {article} WHERE {edge} ORDER BY e.seq")
#: The edges in creation order (their seqs from the edges_in index, sorted), so that every look-up
#: walks its table in its order and neighbours share the page read for the one before.
_IMPLEMENTING = _IMPLEMENTING_ROWS.format(
    edges="", article="ON a.id = 'Article:' || e.article AND typeof(e.article) = 'text'",
    edge="e.seq IN (SELECT seq FROM edges WHERE target IN (SELECT value FROM json_each(?)) AND type = 'IMPLEMENTS')")
#: The same from a store with the ``edges_implements`` and ``nodes_article`` indexes: the edges and
#: their articles' properties from those alone (a range of the one, the articles in id order in the
#: other), not a page of ``edges`` and one of ``nodes`` per adoption. (An ``Article:`` node has the
#: label Article, but for one made only as an edge's end, which has no properties to read either.)
_IMPLEMENTING_INDEXED = _IMPLEMENTING_ROWS.format(
    edges="INDEXED BY edges_implements",
    article="INDEXED BY nodes_article ON a.id = 'Article:' || (e.props ->> '$.article') AND a.label = 'Article'",
    edge="e.target IN (SELECT value FROM json_each(?)) AND e.type = 'IMPLEMENTS'")
#: The same for one target (a campaign no document carries, the rule): the index gives its edges in
#: creation order, so that the rows come out as they are read, not sorted after all are.
_IMPLEMENTING_ONE = _IMPLEMENTING_INDEXED.replace("e.target IN (SELECT value FROM json_each(?))", "e.target = ?")

#: Each node's label and its number of edges but MENTIONS (a self-loop twice), by id: what a page
#: counts of thousands of nodes (a campaign's view, the whole graph's best connected) in one look-up
#: each, not a seek into each of ``edges_out`` and ``edges_in`` (most of their pages at 100k
#: articles) and a page of ``nodes`` (``has_table``: a store made before it is read without it).
NODE_TIES = """
DROP TABLE IF EXISTS node_ties;
CREATE TABLE node_ties (id TEXT PRIMARY KEY, label TEXT, ties INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO node_ties SELECT n.id, n.label, (SELECT count(*) FROM edges WHERE source = n.id AND type != 'MENTIONS')
  + (SELECT count(*) FROM edges WHERE target = n.id AND type != 'MENTIONS') FROM nodes n ORDER BY n.id;
"""

_NODE_COLS = "seq, id, label, name, inferred, props"
_EDGE_COLS = "seq, source, target, key, type, props"


def merge_props(old: str, new: str) -> str:
    """``new`` merged into ``old`` (JSON objects) as the builder merges a node's or an edge's
    properties: a key takes a value (not None) while it has none or ''; keys keep their order."""
    if new == old or new == "{}":
        return old
    d = orjson.loads(old)
    changed = False
    for k, v in orjson.loads(new).items():
        if v is not None and d.get(k) in (None, ""):
            d[k] = v
            changed = True
    return orjson.dumps(d).decode() if changed else old


def _connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                             check_same_thread=False)
        db.execute("PRAGMA temp_store = MEMORY")  # the id sets readers join (``id_set``)
    else:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.create_function("ukg_merge", 2, merge_props, deterministic=True)
    return db


class GraphStore:
    """One build's graph in SQLite (see the module docstring). ``GraphStore.open(build_dir)`` to
    read a build; ``GraphStore.create(path, facts=...)`` for the builder; ``":memory:"`` for a
    graph built in memory (its evidence keeps its sentences)."""

    def __init__(self, db: sqlite3.Connection, path: str, facts: str | os.PathLike[str] | None) -> None:
        self.db = db
        self.path = path
        self.facts = os.fspath(facts) if facts is not None else None
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._facts_fh: Any = None
        self._indexes: dict[str, bool] = {}

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], facts: str | os.PathLike[str] | None = None,
               cache_mb: int = 64) -> GraphStore:
        """A new, empty store at ``path`` (replaced if there); ``facts``: the facts.jsonl whose
        texts the evidence points into (None: sentences are stored)."""
        p = os.fspath(path)
        if p != ":memory:":
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(p + suffix):
                    os.remove(p + suffix)
        db = _connect(p)
        db.execute("PRAGMA journal_mode = OFF")  # a build writes a new file, replaced only when complete
        db.execute("PRAGMA synchronous = OFF")
        db.execute(f"PRAGMA cache_size = {-1024 * cache_mb}")
        db.execute("PRAGMA temp_store = FILE")
        db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        store = cls(db, p, facts)
        store.set_meta("facts", "facts.jsonl" if facts is not None else "")
        db.execute("BEGIN")  # one transaction for the whole build (committed by finish)
        return store

    @classmethod
    def open(cls, build_dir: str | os.PathLike[str]) -> GraphStore:
        """The store of a build directory, read-only."""
        d = Path(build_dir)
        path = d / STORE_FILE
        if not path.exists():
            hint = "run `unionkg build INPUT -o DIR` first"
            if (d / "graph.json").exists():
                hint = "this build was made by an older unionkg: build it again (`unionkg build ... -o DIR`)"
            raise BuildError(f"{build_dir}: no {STORE_FILE} here", hint=hint)
        db = _connect(str(path), readonly=True)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as err:
            raise BuildError(f"{path}: not a unionkg graph store ({err})", hint="build it again") from err
        if version != SCHEMA_VERSION:
            raise BuildError(f"{path}: store version {version}, this unionkg reads {SCHEMA_VERSION}",
                             hint="build it again with this version")
        store = cls(db, str(path), None)
        facts = store.meta("facts")
        store.facts = str(d / facts) if facts else None
        return store

    @classmethod
    def open_file(cls, path: str | os.PathLike[str]) -> GraphStore:
        """The store at ``path`` (any store file, a build's or one being built), read-only."""
        return cls(_connect(os.fspath(path), readonly=True), os.fspath(path), None)

    def persons(self, first: str | None = None, last: str | None = None) -> dict[tuple[str, str], str]:
        """The person node of each (name, article) of the articles from ``first`` to ``last`` (ids;
        all when not given), from ``merges``."""
        if first is None:
            rows = self.db.execute("SELECT name, article, node FROM merges")
        else:
            rows = self.db.execute("SELECT name, article, node FROM merges WHERE article BETWEEN ? AND ?", (first, last))
        return {(name, art): node for name, art, node in rows}

    def close(self) -> None:
        if self._facts_fh is not None:
            self._facts_fh.close()
            self._facts_fh = None
        self.db.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- meta ------------------------------------------------------------------------------

    def set_meta(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, orjson.dumps(value).decode()))

    def meta(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return orjson.loads(row[0]) if row else default

    def add_articles(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Rows (id, ord, line_start, line_end, text_start, text_end) of ``articles``."""
        self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)", rows)

    def merge(self, part: str | os.PathLike[str]) -> None:
        """Add the store at ``part`` (articles after this store's, by a builder of its own) as the
        builder would have: nodes by upsert, edges new to this store as they are, edges it has
        already (made by an earlier article) merged into the stored ones, evidence appended."""
        db = self.db
        if db.in_transaction:
            db.execute("COMMIT")
        db.execute("ATTACH DATABASE ? AS part", (os.fspath(part),))
        try:
            db.execute("BEGIN")
            db.execute("INSERT INTO nodes (seq, id, label, name, inferred, props) SELECT seq, id, label, name, "
                       "inferred, props FROM part.nodes WHERE label IS NOT NULL ORDER BY seq "
                       "ON CONFLICT (id) DO UPDATE SET inferred = nodes.inferred AND excluded.inferred, "
                       "props = CASE WHEN excluded.props IN ('{}', nodes.props) THEN nodes.props "
                       "ELSE ukg_merge(nodes.props, excluded.props) END")
            db.execute("INSERT OR IGNORE INTO nodes (seq, id, props) SELECT seq, id, props FROM part.nodes "
                       "WHERE label IS NULL ORDER BY seq")
            db.execute("INSERT OR IGNORE INTO aliases SELECT node, alias FROM part.aliases")
            db.execute("INSERT INTO node_articles SELECT node, article, mention FROM part.node_articles")
            clash = db.execute("SELECT p.seq, m.seq, m.props, p.props FROM part.edges p JOIN edges m "
                               "ON m.key = p.key AND m.source = p.source AND m.target = p.target").fetchall()
            db.execute("INSERT OR IGNORE INTO edges (seq, source, target, key, type, props) SELECT seq, source, "
                       "target, key, type, props FROM part.edges ORDER BY seq")
            db.execute("CREATE TEMP TABLE clash (seq INTEGER PRIMARY KEY)")
            db.executemany("INSERT INTO temp.clash VALUES (?)", [(c[0],) for c in clash])
            db.execute("INSERT INTO evidence SELECT * FROM part.evidence WHERE edge NOT IN (SELECT seq FROM temp.clash)")
            db.execute("DROP TABLE temp.clash")
            cols = 'article, start, "end", rule, confidence, sentence, raw'
            for pseq, mseq, mprops, pprops in clash:
                merged = merge_props(mprops, pprops)
                if merged != mprops:
                    db.execute("UPDATE edges SET props = ? WHERE seq = ?", (merged, mseq))
                old = [tuple(r) for r in db.execute(f"SELECT {cols} FROM evidence WHERE edge = ? ORDER BY n", (mseq,))]
                n = len(old)
                for row in db.execute(f"SELECT {cols} FROM part.evidence WHERE edge = ? ORDER BY n", (pseq,)).fetchall():
                    if tuple(row) not in old:
                        db.execute("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (mseq, n, *row))
                        old.append(tuple(row))
                        n += 1
            db.execute("COMMIT")
        finally:
            if db.in_transaction:
                db.execute("ROLLBACK")
            db.execute("DETACH DATABASE part")
        db.execute("BEGIN")

    def finish(self, threads: int = 1, cache_mb: int = 16) -> None:
        """Commit, then make the read indexes (sorting on ``threads`` threads): the end of a build.
        The page cache is cut to ``cache_mb`` first: a sort holds as much in memory as the cache may
        (the rest goes to temporary files); on a 100k-article store 16 MiB sorted in the CPU time of
        64 MiB, with 100 MiB less memory."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")
        self.db.execute("PRAGMA shrink_memory")
        self.db.execute(f"PRAGMA threads = {max(0, int(threads) - 1)}")
        self.db.executescript(INDEXES)
        self.db.executescript(NODE_TIES)
        self.db.execute("PRAGMA analysis_limit = 1000")  # statistics from a sample of each index: quick
        self.db.execute("ANALYZE")

    # --- counts ----------------------------------------------------------------------------

    def number_of_nodes(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM nodes").fetchone()[0])

    def number_of_edges(self) -> int:
        edges = self.db.execute("SELECT count(*) FROM edges").fetchone()[0]
        mentions = self.db.execute("SELECT count(*) FROM node_articles WHERE mention IS NOT NULL").fetchone()[0]
        return int(edges + mentions)

    def labels(self) -> dict[str, int]:
        """Nodes per label."""
        return {str(lab): n for lab, n in self.db.execute(
            "SELECT label, count(*) FROM nodes GROUP BY label ORDER BY label") if lab is not None}

    def types(self) -> dict[str, int]:
        """Edges per relationship type (MENTIONS included)."""
        out = {str(t): n for t, n in self.db.execute("SELECT type, count(*) FROM edges GROUP BY type")}
        mentions = self.db.execute("SELECT count(*) FROM node_articles WHERE mention IS NOT NULL").fetchone()[0]
        if mentions:
            out[MENTIONS] = out.get(MENTIONS, 0) + mentions
        return dict(sorted(out.items()))

    # --- texts (evidence sentences) ------------------------------------------------------------

    def article_text(self, article: str) -> str | None:
        """The cleaned text of ``article`` from facts.jsonl (a few thousand kept at hand)."""
        text = self._texts.get(article)
        if text is not None:
            self._texts.move_to_end(article)
            return text
        if self.facts is None:
            return None
        row = self.db.execute("SELECT text_start, text_end, line_start, line_end FROM articles WHERE id = ?",
                              (article,)).fetchone()
        if row is None:
            return None
        if self._facts_fh is None:
            self._facts_fh = open(self.facts, "rb")  # noqa: SIM115 - closed in close()
        fh = self._facts_fh
        if row[0] is not None:
            fh.seek(row[0])
            text = orjson.loads(fh.read(row[1] - row[0]))
        else:  # a line whose text is not its last key: read it whole
            fh.seek(row[2])
            text = orjson.loads(fh.read(row[3] - row[2])).get("text", "")
        self._texts[article] = text
        if len(self._texts) > 4096:
            self._texts.popitem(last=False)
        return str(text)

    def _evidence(self, row: Sequence[Any], sentences: bool = True) -> dict[str, Any]:
        """An evidence row (article, start, end, rule, confidence, sentence, raw) as the builder's
        dict (``sentences=False``: a sentence kept as offsets is left empty, not read)."""
        article, start, end, rule, confidence, sentence, raw = row
        if raw is not None:
            return dict(orjson.loads(raw))
        if sentence is None and not sentences:
            sentence = ""
        elif sentence is None:
            text = self.article_text(article)
            sentence = text[start:end] if text is not None else ""
        return {"article": article, "sentence": sentence, "start": start, "end": end, "rule": rule,
                "confidence": confidence}

    def evidence_of(self, seqs: Iterable[int], sentences: bool | str = True) -> dict[int, list[dict[str, Any]]]:
        """The evidence lists of the edges ``seqs`` (``sentences``: see ``_evidence``; ``"first"``:
        the sentence of each edge's first evidence only, the others left empty)."""
        rows: list[tuple[Any, ...]] = []
        for chunk in _chunks(sorted(set(seqs)), 500):  # in index order: the pages they are on come in turn
            rows += self.db.execute(
                f'SELECT edge, article, start, "end", rule, confidence, sentence, raw FROM evidence '
                f"WHERE edge IN ({_marks(chunk)}) ORDER BY edge, n", chunk).fetchall()
        first = sentences == "first"
        if sentences:
            wanted = [r for i, r in enumerate(rows) if not first or i == 0 or rows[i - 1][0] != r[0]]
            self.load_texts({r[1] for r in wanted if r[6] is None and r[7] is None and isinstance(r[1], str)})
        out: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            evs = out.setdefault(row[0], [])
            evs.append(self._evidence(row[1:], bool(sentences) and not (first and evs)))
        return out

    def load_texts(self, articles: Iterable[str]) -> None:
        """Read the texts of ``articles`` into the text cache at once (their offsets by one query
        per 500, the file in offset order)."""
        want = [a for a in articles if a not in self._texts]
        if not want or self.facts is None:
            return
        spans: list[tuple[Any, ...]] = []
        for chunk in _chunks(sorted(want), 500):
            spans += self.db.execute(f"SELECT text_start, text_end, id FROM articles WHERE id IN ({_marks(chunk)}) "
                                     f"AND text_start IS NOT NULL", chunk).fetchall()
        self._read_texts({art: (start, end) for start, end, art in spans})

    def _read_texts(self, spans: dict[str, tuple[int, int]]) -> None:
        """Read the texts of articles at ``spans`` (article → byte offsets of its text in facts.jsonl)
        into the text cache, in the file's order."""
        if not spans or self.facts is None:
            return
        if self._facts_fh is None:
            self._facts_fh = open(self.facts, "rb")  # noqa: SIM115 - closed in close()
        fd, pread, texts = self._facts_fh.fileno(), os.pread, self._texts
        limit = max(4096, len(spans))
        for (start, end), art in sorted((span, art) for art, span in spans.items()):  # one system call each
            texts[art] = orjson.loads(pread(fd, end - start, start))
        while len(texts) > limit:
            texts.popitem(last=False)

    # --- nodes -----------------------------------------------------------------------------

    def node_attrs(self, ids: Iterable[str], *, lists: bool | str = True) -> dict[str, dict[str, Any]]:
        """Attribute dicts (as graph/MODEL.md: label, name, aliases, articles, inferred, ...) of the
        nodes ``ids`` that exist, in node order. ``lists=False`` leaves out aliases and articles,
        ``lists="aliases"`` the articles only."""
        rows: list[tuple[Any, ...]] = []
        for chunk in _chunks(sorted(set(ids)), 500):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(f"SELECT {_NODE_COLS} FROM nodes WHERE id IN ({marks})", chunk).fetchall()
        rows.sort()
        return self._attrs(rows, lists)

    def _attrs(self, rows: list[tuple[Any, ...]], lists: bool | str) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        aliases: dict[str, list[str]] = {}
        articles: dict[str, list[str]] = {}
        if lists and rows:
            ids = [r[1] for r in rows]
            for chunk in _chunks(sorted(ids), 500):
                marks = ",".join("?" * len(chunk))
                for n, a in self.db.execute(f"SELECT node, alias FROM aliases WHERE node IN ({marks})", chunk):
                    aliases.setdefault(n, []).append(a)
                if lists == "aliases":
                    continue
                for n, a in self.db.execute(f"SELECT node, article FROM node_articles WHERE node IN ({marks})",
                                            chunk):
                    articles.setdefault(n, []).append(a)
        for _seq, nid, label, name, inferred, props in rows:
            out[nid] = node_dict(label, name, inferred, props, sorted(aliases.get(nid, ())),
                                 sorted(articles.get(nid, ())), lists)
        return out

    def nodes_and_cities(self, ids: Iterable[str]) -> tuple[dict[str, dict[str, Any]], dict[str, str | None]]:
        """``node_attrs(ids, lists=False)`` and ``cities_of(ids)`` in one query (the adopters of a
        campaign: thousands of bodies), in the order of the ids (sorted), not the nodes'."""
        attrs: dict[str, dict[str, Any]] = {}
        cities: dict[str, str | None] = {}
        for nid, label, name, inferred, props, has_city, city in self.db.execute(
                "SELECT n.id, n.label, n.name, n.inferred, CAST(n.props AS BLOB), c.node IS NOT NULL, c.city "
                "FROM json_each(?) t CROSS JOIN nodes n ON n.id = t.value LEFT JOIN cities c ON c.node = n.id",
                (_json_list(ids),)):
            attrs[nid] = node_dict(label, name, inferred, props, [], [], False)
            if has_city:
                cities[nid] = city
        return attrs, cities

    def node_props(self, ids: Iterable[str], keys: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The properties ``keys`` (from ``props``; None where not set) of each of ``ids`` that is a
        node: for a reader that needs two properties of thousands of nodes (SQLite takes them out
        of the JSON; only they are parsed)."""
        pick = "json_object(" + ", ".join("?, n.props -> ?" for _ in keys) + ")"
        args = [x for k in keys for x in (k, f"$.{k}")]
        return {nid: orjson.loads(values) for nid, values in self.db.execute(
            f"SELECT n.id, {pick} FROM json_each(?) t CROSS JOIN nodes n ON n.id = t.value", [*args, _json_list(ids)])}

    def node(self, nid: str) -> dict[str, Any] | None:
        return self.node_attrs([nid]).get(nid)

    def has_node(self, nid: str) -> bool:
        return self.db.execute("SELECT 1 FROM nodes WHERE id = ?", (nid,)).fetchone() is not None

    def has_index(self, name: str) -> bool:
        """Does the store have the index ``name`` (one of ``INDEXES``: a store made before an index was
        added lacks it, and is read without it)?"""
        found = self._indexes.get(name)
        if found is None:
            found = self._indexes[name] = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is not None
        return found

    def has_table(self, name: str) -> bool:
        """Does the store have the table ``name`` (``node_ties``: made by ``finish``)?"""
        found = self._indexes.get("table " + name)
        if found is None:
            found = self._indexes["table " + name] = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None
        return found

    def label_of(self, nid: str) -> str | None:
        row = self.db.execute("SELECT label FROM nodes WHERE id = ?", (nid,)).fetchone()
        return row[0] if row else None

    def nodes_of(self, labels: Sequence[str], *, lists: bool = False) -> dict[str, dict[str, Any]]:
        """Every node of ``labels``, in node order."""
        marks = ",".join("?" * len(labels))
        rows = self.db.execute(f"SELECT {_NODE_COLS} FROM nodes WHERE label IN ({marks}) ORDER BY seq",
                               list(labels)).fetchall()
        return self._attrs(rows, lists)

    def ids_named(self, key: str, label: str | None = None) -> list[str]:
        """Ids of the nodes (of ``label``) with a name or alias whose comparison key
        (``model.names.key``) is ``key``: a name that is its own key is found as itself, the
        others through ``name_keys``."""
        lab = "" if label is None else " AND n.label = :label"
        q = (f"SELECT n.id FROM nodes n WHERE n.name = :key{lab} "
             f"UNION SELECT n.id FROM aliases a JOIN nodes n ON n.id = a.node WHERE a.alias = :key{lab} "
             f"UNION SELECT n.id FROM name_keys k JOIN nodes n ON n.id = k.node WHERE k.key = :key{lab}")
        return sorted(r[0] for r in self.db.execute(q, {"key": key, "label": label}))

    def iter_names(self, label: str | None = None) -> Iterator[tuple[str, str]]:
        """(node id, name or alias) of every node (of ``label``)."""
        where = "" if label is None else " WHERE n.label = ?"
        args = () if label is None else (label,)
        yield from self.db.execute(f"SELECT n.id, n.name FROM nodes n{where}", args)
        yield from self.db.execute(f"SELECT n.id, a.alias FROM aliases a JOIN nodes n ON n.id = a.node{where}", args)

    def first_names(self, label: str | None, limit: int) -> list[str]:
        """The first ``limit`` names of nodes (of ``label``) in sorted order."""
        where = "" if label is None else " WHERE label = ?"
        args = () if label is None else (label,)
        return [str(r[0]) for r in self.db.execute(
            f"SELECT name FROM nodes{where} ORDER BY name LIMIT {int(limit)}", args) if r[0] is not None]

    def campaign_merges(self) -> list[dict[str, Any]]:
        """Why each campaign name is the campaign it is: ``{name, campaign, steps}`` rows
        (``resolve.campaigns.CampaignMerge.to_dict``), in the order the build decided them."""
        return [{"name": n, "campaign": c, "steps": orjson.loads(s)} for n, c, s in self.db.execute(
            "SELECT name, campaign, steps FROM campaign_merges ORDER BY rowid")]

    def union_levels(self) -> dict[str, int]:
        """Union bodies per level (``unknown`` where none); counted once by the build (``meta``)."""
        kept = self.meta("union_levels")
        if kept is not None:
            return dict(kept)
        return {str(lv): int(n) for lv, n in self.db.execute(
            "SELECT coalesce(nullif(level, ''), 'unknown'), count(*) FROM nodes WHERE label = 'UnionBody' GROUP BY 1")}

    def union_cities(self) -> dict[str, int]:
        """Union bodies per city (those with one); counted once by the build (``meta``)."""
        kept = self.meta("union_cities")
        if kept is not None:
            return dict(kept)
        return {str(c): int(n) for c, n in self.db.execute(
            "SELECT c.city, count(*) FROM nodes n JOIN cities c ON c.node = n.id "
            "WHERE n.label = 'UnionBody' AND c.city IS NOT NULL AND c.city != '' GROUP BY c.city")}

    def cities_of(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The city of each of ``ids`` (bodies, organisations) that has an entry in ``cities``."""
        out: dict[str, str | None] = {}
        for chunk in _chunks(sorted(set(ids)), 500):
            out.update(self.db.execute(f"SELECT node, city FROM cities WHERE node IN ({_marks(chunk)})", chunk))
        return out

    # --- edges -----------------------------------------------------------------------------
    # Edges are returned as (seq, source, target, key, attrs), in creation order (seq); MENTIONS
    # edges come from node_articles.

    def edges(self, *, sources: Iterable[str] = (), targets: Iterable[str] = (), types: Sequence[str] | None = None,
              evidence: bool = True, sentences: bool | str = True, mentions: bool = True) -> list[SeqEdge]:
        """Edges out of ``sources`` and into ``targets``, of ``types`` if given (MENTIONS included
        when no type is given or it is among them, unless ``mentions`` is False)."""
        want = list(types) if types is not None else None
        found: dict[int, tuple[Any, ...]] = {}
        for col, ids in (("source", sources), ("target", targets)):
            for chunk in _chunks(sorted(set(ids)), 500):
                q = f"SELECT {_EDGE_COLS} FROM edges WHERE {col} IN ({_marks(chunk)})"
                args: list[Any] = list(chunk)
                if want is not None:
                    q += f" AND type IN ({_marks(want)})"
                    args += want
                for row in self.db.execute(q, args):
                    found[row[0]] = row
                if mentions and (want is None or MENTIONS in want):
                    for row in self._mention_rows(col, chunk):
                        found[row[0]] = row
        return self._seq_edges([found[s] for s in sorted(found)], evidence, sentences)

    def implementing(self, targets: Iterable[str]
                     ) -> list[tuple[int, str, str, dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]]:
        """(seq, source, target, properties, first evidence, article) of the IMPLEMENTS edges into
        ``targets`` (a campaign, the documents carrying it), in creation order: what a trace reads
        of them, in one query (the edge's row, its first evidence, where the evidence's article's
        text is, and the properties of the edge's article). ``properties``: those of ``props`` (not
        type, not evidence); the first evidence with its sentence read (None: none); ``article``:
        the properties of the node ``Article:<the edge's article>`` (None: no such node)."""
        wanted = sorted(set(targets))
        if not self.has_index("edges_implements"):
            rows = self.db.execute(_IMPLEMENTING, (_json_list(wanted),)).fetchall()
        elif len(wanted) == 1:
            rows = self.db.execute(_IMPLEMENTING_ONE, wanted).fetchall()
        else:
            rows = self.db.execute(_IMPLEMENTING_INDEXED, (_json_list(wanted),)).fetchall()
        texts = self._texts
        self._read_texts({r[5]: (r[12], r[13]) for r in rows if r[12] is not None and r[5] not in texts})
        self.load_texts({r[5] for r in rows if r[10] is None and r[11] is None and isinstance(r[5], str)})  # the rest
        evidence, loads = self._evidence, orjson.loads
        out = []
        for r in rows:
            if r[4] is None:
                first = None
            elif r[10] is None and r[11] is None and (text := texts.get(r[5])).__class__ is str:
                # ``_evidence`` of a sentence kept as offsets, its text at hand (read above): inline
                first = {"article": r[5], "sentence": text[r[6]:r[7]], "start": r[6], "end": r[7], "rule": r[8],
                         "confidence": r[9]}
            else:
                first = evidence(r[5:12])
            out.append((r[0], r[1], r[2], loads(r[3]), first, None if r[14] is None else loads(r[14])))
        return out

    def adoption_ends(self, target: str) -> list[tuple[int, str, Any, Any]]:
        """(seq, source, event, article) of each IMPLEMENTS edge into ``target``: from the
        ``edges_implements`` index alone where the store has it (one range of it, not a page of
        ``edges`` per edge), in no particular order."""
        if not self.has_index("edges_implements"):
            return self.db.execute("SELECT seq, source, event, article FROM edges WHERE target = ? AND type = ?",
                                   (target, "IMPLEMENTS")).fetchall()
        return self.db.execute("SELECT seq, source, props ->> '$.event', props ->> '$.article' FROM edges INDEXED BY "
                               "edges_implements WHERE target = ? AND type = 'IMPLEMENTS'", (target,)).fetchall()

    def ends(self, sources: Iterable[str], rtype: str, ordered: bool = True) -> list[tuple[str, str]]:
        """(source, target) of each edge of type ``rtype`` out of ``sources``, in creation order
        (``ordered=False``: in the index's, not sorted), from the ``edges_out`` index alone (no row,
        no property is read)."""
        if not ordered:
            return self.db.execute("SELECT source, target FROM edges WHERE source IN (SELECT value FROM json_each(?)) "
                                   "AND type = ?", (_json_list(sources), rtype)).fetchall()
        return [(u, v) for _, u, v in self.db.execute(
            "SELECT seq, source, target FROM edges WHERE source IN (SELECT value FROM json_each(?)) AND type = ? "
            "ORDER BY seq", (_json_list(sources), rtype))]

    def superiors_of(self, bodies: Iterable[str]) -> list[tuple[str, str]]:
        """(body, superior) of each SUBORDINATE_TO edge out of ``bodies``, in no particular order:
        from the ``edges_subordinate`` index where the store has it (those edges alone: a trace's
        walk up the hierarchy reads a few hundred pages, not a page of ``edges_out`` per body)."""
        if not self.has_index("edges_subordinate"):
            return self.ends(bodies, "SUBORDINATE_TO", ordered=False)
        return self.db.execute("SELECT source, target FROM edges INDEXED BY edges_subordinate WHERE source IN "
                               "(SELECT value FROM json_each(?)) AND type = 'SUBORDINATE_TO'",
                               (_json_list(bodies),)).fetchall()

    def mentions_between(self, ids: Iterable[str]) -> list[SeqEdge]:
        """The MENTIONS edges from an article of ``ids`` to another node of ``ids``."""
        wanted = set(ids)
        arts = [i for i in wanted if i.startswith(_ARTICLE)]
        rows = [r for chunk in _chunks(arts, 500) for r in self._mention_rows("source", chunk) if r[2] in wanted]
        return self._seq_edges(sorted(rows), False)

    def edges_where(self, where: str, args: Sequence[Any] = (), *, evidence: bool = False) -> list[SeqEdge]:
        """Edges (not MENTIONS) matching an SQL condition on the ``edges`` table, e.g.
        ``edges_where("type IN ('LOCATED_IN', 'SUBORDINATE_TO')")``."""
        rows = self.db.execute(f"SELECT {_EDGE_COLS} FROM edges WHERE {where} ORDER BY seq", args).fetchall()
        return self._seq_edges(rows, evidence)

    def edges_between(self, ids: Iterable[str], *, evidence: bool = True, sentences: bool | str = True,
                      found: Sequence[tuple[int, str, str, str | None]] | None = None) -> list[SeqEdge]:
        """Every edge with both ends in ``ids`` (``sentences``: as ``evidence_of``'s); ``found``: their
        ``ends_between(ids)``, read already (their rows are then read by seq, in order)."""
        if found is None:
            wanted = self.id_set(ids)
            # CROSS JOIN: the few ids drive the loop (SQLite's planner cannot know the temporary table is
            # small); edges_out holds the target: only the edges between are read
            rows = self.db.execute(f"SELECT {', '.join('e.' + c for c in _EDGE_COLS.split(', '))} FROM temp.{wanted} "
                                   f"s CROSS JOIN edges e ON e.source = s.id JOIN temp.{wanted} t ON t.id = e.target"
                                   ).fetchall()
            rows += [(seq, u, v, f"MENTIONS:{u[len(_ARTICLE):]}", MENTIONS, "{}")
                     for seq, u, v, _ in self._mentions_between(wanted)]
        else:
            rows = [(seq, u, v, f"MENTIONS:{u[len(_ARTICLE):]}", MENTIONS, "{}") for seq, u, v, t in found
                    if t is None]
            for chunk in _chunks(sorted(seq for seq, _, _, t in found if t is not None), 500):
                rows += self.db.execute(f"SELECT {_EDGE_COLS} FROM edges WHERE seq IN ({_marks(chunk)})", chunk)
        rows.sort()
        return self._seq_edges(rows, evidence, sentences)

    def ends_between(self, ids: Iterable[str]) -> list[tuple[int, str, str, str | None]]:
        """(seq, source, target, type) of every edge with both ends in ``ids``, and (seq, article,
        node, None) of the MENTIONS from the articles among them, from the indexes alone: what a
        layout needs (``edges_between`` reads their rows from it)."""
        wanted = self.id_set(ids)
        rows = self.db.execute(f"SELECT e.seq, e.source, e.target, e.type FROM temp.{wanted} s CROSS JOIN edges e "
                               f"ON e.source = s.id JOIN temp.{wanted} t ON t.id = e.target").fetchall()
        return rows + self._mentions_between(wanted)

    def _mentions_between(self, wanted: str) -> list[tuple[int, str, str, str | None]]:
        """The MENTIONS edges from an article of the id set ``wanted`` to another of its nodes (an
        article mentions a few nodes; a node may be in thousands)."""
        return [(seq, _ARTICLE + art, node, None) for seq, art, node in self.db.execute(
            f"SELECT m.mention, m.article, m.node FROM temp.{wanted} s CROSS JOIN node_articles m "
            f"ON m.article = substr(s.id, {len(_ARTICLE) + 1}) JOIN temp.{wanted} t ON t.id = m.node "
            f"WHERE substr(s.id, 1, {len(_ARTICLE)}) = '{_ARTICLE}' AND m.mention IS NOT NULL")]

    def id_set(self, ids: Iterable[str], name: str = "ids") -> str:
        """A temporary table ``name`` (column ``id``) holding ``ids``, for queries to join; its name."""
        db = self.db
        db.execute("SAVEPOINT id_set")  # one transaction for the rows, not one each (ten times faster)
        try:
            db.execute(f"DROP TABLE IF EXISTS temp.{name}")
            db.execute(f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY) WITHOUT ROWID")
            db.executemany(f"INSERT OR IGNORE INTO temp.{name} VALUES (?)", ((i,) for i in ids))
        except BaseException:
            db.execute("ROLLBACK TO id_set")
            raise
        finally:
            db.execute("RELEASE id_set")
        return name

    def fill_evidence(self, edges: Sequence[SeqEdge], sentences: bool = True) -> None:
        """Read the evidence lists of ``edges`` (got with ``evidence=False``) into their attrs."""
        evs = self.evidence_of((e[0] for e in edges if e[4]["type"] != MENTIONS), sentences)
        for e in edges:
            if e[4]["type"] != MENTIONS:
                e[4]["evidence"] = evs.get(e[0], [])

    def _mention_rows(self, col: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        if col == "target":
            q = f"SELECT mention, article, node FROM node_articles WHERE node IN ({_marks(ids)}) AND mention IS NOT NULL"
            args: Sequence[str] = ids
        else:
            args = [i[len(_ARTICLE):] for i in ids if i.startswith(_ARTICLE)]
            if not args:
                return []
            q = f"SELECT mention, article, node FROM node_articles WHERE article IN ({_marks(args)}) AND mention IS NOT NULL"
        return [(seq, _ARTICLE + art, node, f"MENTIONS:{art}", MENTIONS, "{}") for seq, art, node in self.db.execute(q, args)]

    def _seq_edges(self, rows: Sequence[tuple[Any, ...]], evidence: bool, sentences: bool | str = True) -> list[SeqEdge]:
        evs = self.evidence_of((r[0] for r in rows if r[4] != MENTIONS), sentences) if evidence else {}
        return [(seq, u, v, k, edge_dict(t, evs.get(seq, []), props)) for seq, u, v, k, t, props in rows]

    def neighbours(self, ids: Iterable[str], mentions: bool = True) -> set[str]:
        """The nodes one edge from ``ids``, either way: any edge, or (``mentions=False``) any but MENTIONS."""
        out: set[str] = set()
        skip = "" if mentions else " AND type != 'MENTIONS'"
        for chunk in _chunks(sorted(set(ids)), 500):
            m = _marks(chunk)
            out.update(r[0] for r in self.db.execute(f"SELECT target FROM edges WHERE source IN ({m}){skip} UNION "
                                                     f"SELECT source FROM edges WHERE target IN ({m}){skip}", chunk * 2))
            if mentions:
                out.update(r[2] for r in self._mention_rows("source", chunk))
                out.update(r[1] for r in self._mention_rows("target", chunk))
        return out

    def labels_of(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The label of each of ``ids`` that is a node (articles from the ``nodes_article`` index
        alone where the store has it: a campaign's page asks for thousands)."""
        out: dict[str, str | None] = {}
        wanted = set(ids)
        if self.has_table("node_ties"):
            return dict(self.db.execute("SELECT n.id, n.label FROM json_each(?) t CROSS JOIN node_ties n "
                                        "ON n.id = t.value", (_json_list(wanted),)))
        if self.has_index("nodes_article"):
            arts = sorted(i for i in wanted if i.startswith(_ARTICLE))
            for chunk in _chunks(arts, 500):
                out.update(self.db.execute(f"SELECT id, label FROM nodes INDEXED BY nodes_article WHERE id IN "
                                           f"({_marks(chunk)}) AND label = 'Article'", chunk))
            wanted.difference_update(out)
        for chunk in _chunks(sorted(wanted), 500):
            out.update(self.db.execute(f"SELECT id, label FROM nodes WHERE id IN ({_marks(chunk)})", chunk))
        return out

    def ties(self, ids: Iterable[str] | None = None) -> dict[str, int]:
        """Edges but MENTIONS at each node (a self-loop twice): of ``ids``, or of every node that has one."""
        if self.has_table("node_ties"):
            if ids is None:
                return dict(self.db.execute("SELECT id, ties FROM node_ties WHERE ties > 0 ORDER BY id"))
            return dict(self.db.execute("SELECT n.id, n.ties FROM json_each(?) t CROSS JOIN node_ties n "
                                        "ON n.id = t.value WHERE n.ties > 0", (_json_list(ids),)))
        if ids is None:
            rows = self.db.execute(
                "SELECT id, sum(n) FROM (SELECT source AS id, count(*) AS n FROM edges WHERE type != 'MENTIONS' "
                "GROUP BY source UNION ALL SELECT target, count(*) FROM edges WHERE type != 'MENTIONS' GROUP BY target) "
                "GROUP BY id")
            return {nid: int(n) for nid, n in rows}
        return {nid: int(n) for nid, n in self.db.execute(  # one count per id from each index: no GROUP BY sort
            "SELECT t.value, (SELECT count(*) FROM edges WHERE source = t.value AND type != 'MENTIONS') + "
            "(SELECT count(*) FROM edges WHERE target = t.value AND type != 'MENTIONS') FROM json_each(?) t",
            (_json_list(ids),)) if n}

    def mention_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """MENTIONS edges at each of ``ids`` (into an entity, out of an article)."""
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(set(ids)), 500):
            for nid, n in self.db.execute(f"SELECT node, count(*) FROM node_articles WHERE node IN ({_marks(chunk)}) "
                                          f"AND mention IS NOT NULL GROUP BY node", chunk):
                out[nid] = out.get(nid, 0) + int(n)
            arts = [i[len(_ARTICLE):] for i in chunk if i.startswith(_ARTICLE)]
            if arts:
                for art, n in self.db.execute(f"SELECT article, count(*) FROM node_articles WHERE article IN "
                                              f"({_marks(arts)}) AND mention IS NOT NULL GROUP BY article", arts):
                    out[_ARTICLE + art] = out.get(_ARTICLE + art, 0) + int(n)
        return out

    def article_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """Rows of ``node_articles`` (the length of the ``articles`` list) of each of ``ids`` that has one."""
        return {nid: int(n) for nid, n in self.db.execute(
            "SELECT node, count(*) FROM node_articles WHERE node IN (SELECT value FROM json_each(?)) GROUP BY node",
            (_json_list(ids),))}

    def edge_dates(self, ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(node, date), once each, of the edges with a date (a non-empty string) at each of ``ids``
        (one query: the ``*_dated`` indexes give the edges, each edge's row its date)."""
        wanted = _json_list(ids)
        yield from self.db.execute(
            "SELECT source, date FROM edges WHERE source IN (SELECT value FROM json_each(?)) AND typeof(date) = 'text' "
            "AND date != '' UNION SELECT target, date FROM edges WHERE target IN (SELECT value FROM json_each(?)) "
            "AND typeof(date) = 'text' AND date != ''", (wanted, wanted))

    def campaign_tags(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """The campaigns each of ``ids`` adopts (the Campaign nodes its IMPLEMENTS edges go to), and
        each of ``ids`` that is a campaign some edge implements, itself: what the IMPLEMENTS edges
        from or to ``ids`` tag them with. From the ``edges_out``/``edges_in`` indexes alone (no edge
        row is read), a row per node (the campaigns of an adopter as one JSON array)."""
        wanted = _json_list(ids)
        # IN (SELECT ...): a join would read the rows (SQLite 3.40)
        adopted = {u: orjson.loads(vs) for u, vs in self.db.execute(
            "SELECT source, json_group_array(DISTINCT target) FROM edges WHERE source IN (SELECT value FROM "
            "json_each(?)) AND type = 'IMPLEMENTS' GROUP BY source", (wanted,))}
        implemented = [v for (v,) in self.db.execute("SELECT DISTINCT target FROM edges WHERE target IN "
                                                     "(SELECT value FROM json_each(?)) AND type = 'IMPLEMENTS'",
                                                     (wanted,))]
        labels = self.labels_of({v for vs in adopted.values() for v in vs}.union(implemented))
        tags: dict[str, set[str]] = {}
        for u, vs in adopted.items():
            if camps := {v for v in vs if labels.get(v) == "Campaign"}:
                tags[u] = camps
        for v in implemented:
            if labels.get(v) == "Campaign":
                tags.setdefault(v, set()).add(v)
        return tags

    def campaign_adoptions(self, ids: Iterable[str]) -> list[tuple[int, str, str, Any, Any]]:
        """(seq, source, target, event, article) of the IMPLEMENTS edges into a Campaign node made
        by (``key``) an article of ``ids`` or of their events (an edge's key, event, article and
        evidence are those of the article that made it: these are the edges whose event or article
        is one of ``ids``; ``campaign_tags`` reads the edges from or to them)."""
        wanted = list(dict.fromkeys(ids))
        arts = {i[len(_ARTICLE):] for i in wanted if i.startswith(_ARTICLE)}
        arts |= {i[len("Event:"):].rpartition("#")[0] for i in wanted if i.startswith("Event:")}
        keys = self.id_set((f"IMPLEMENTS:{a}" for a in arts), "touch_keys")
        rows = self.db.execute(f"SELECT e.seq, e.source, e.target, e.event, e.article FROM temp.{keys} k CROSS JOIN "
                               f"edges e ON e.key = k.id JOIN nodes c ON c.id = e.target AND c.label = 'Campaign' "
                               f"WHERE +e.type = 'IMPLEMENTS'").fetchall()
        return sorted(rows)

    def evidence_articles(self, seqs: Iterable[int]) -> dict[int, list[str]]:
        """The articles of the evidence of edges ``seqs`` (those that name one)."""
        out: dict[int, list[str]] = {}
        for chunk in _chunks(sorted(set(seqs)), 500):
            for edge, art in self.db.execute(f"SELECT edge, article FROM evidence WHERE edge IN ({_marks(chunk)}) "
                                             f"ORDER BY edge, n", chunk):
                if isinstance(art, str):
                    out.setdefault(edge, []).append(art)
        return out

    def label_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """Nodes per label among ``ids``."""
        out: dict[str, int] = {}
        if self.has_table("node_ties"):
            return {str(label): int(n) for label, n in self.db.execute(
                "SELECT n.label, count(*) FROM json_each(?) t CROSS JOIN node_ties n ON n.id = t.value "
                "GROUP BY n.label", (_json_list(ids),))}
        for chunk in _chunks(sorted(set(ids)), 500):
            for label, n in self.db.execute(f"SELECT label, count(*) FROM nodes WHERE id IN ({_marks(chunk)}) "
                                            f"GROUP BY label", chunk):
                out[str(label)] = out.get(str(label), 0) + int(n)
        return out

    def has_edge(self, u: str, v: str, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM edges WHERE key = ? AND source = ? AND target = ?",
                               (key, u, v)).fetchone() is not None

    def node_seqs(self, ids: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(set(ids)), 500):
            out.update(self.db.execute(f"SELECT id, seq FROM nodes WHERE id IN ({_marks(chunk)})", chunk))
        return out

    # --- the whole graph, streamed ---------------------------------------------------------------

    def iter_graph_nodes(self, batch: int = 5000) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, attrs) of every node, in node order."""
        cur = self.db.execute(f"SELECT {_NODE_COLS} FROM nodes ORDER BY seq")
        while rows := cur.fetchmany(batch):
            yield from self._attrs(rows, True).items()

    def iter_graph_edges(self, batch: int = 5000) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, key, attrs) of every edge in networkx's adjacency order: by source node,
        then by the first edge to each target, then by creation (the order ``graph.json`` has)."""
        q = f"""
        WITH e AS (
          SELECT seq, source, target, key, type, props FROM edges
          UNION ALL
          SELECT mention, 'Article:' || article, node, 'MENTIONS:' || article, '{MENTIONS}', '{{}}'
          FROM node_articles WHERE mention IS NOT NULL)
        SELECT e.seq, e.source, e.target, e.key, e.type, e.props
        FROM e JOIN nodes s ON s.id = e.source
        ORDER BY s.seq, min(e.seq) OVER (PARTITION BY e.source, e.target), e.seq"""
        cur = self.db.execute(q)
        while rows := cur.fetchmany(batch):
            evs = self.evidence_of(r[0] for r in rows if r[4] != MENTIONS)
            for seq, u, v, k, t, props in rows:
                yield u, v, k, edge_dict(t, evs.get(seq, []), props)

    def iter_nodes(self, label: str, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Rows ``{"id", "label", "name", "props"}`` of the nodes of ``label``, in node order; ``props``
        holds every property of graph/MODEL.md (name, aliases, articles, inferred, ...) but label."""
        cur = self.db.execute(f"SELECT {_NODE_COLS} FROM nodes WHERE label = ? ORDER BY seq", (label,))
        while rows := cur.fetchmany(batch):
            for nid, attrs in self._attrs(rows, True).items():
                attrs.pop("label", None)
                yield {"id": nid, "label": label, "name": attrs.get("name"), "props": attrs}

    def iter_edges(self, rtype: str, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Rows ``{"source", "target", "key", "type", "source_label", "target_label", "props"}`` of the
        edges of type ``rtype``, in creation order; ``props``: every property (evidence, article,
        date, ...) but type."""
        if rtype == MENTIONS:
            cur = self.db.execute(
                "SELECT m.mention, 'Article:' || m.article, m.node, 'MENTIONS:' || m.article, 'MENTIONS', '{}', "
                "'Article', n.label FROM node_articles m JOIN nodes n ON n.id = m.node "
                "WHERE m.mention IS NOT NULL ORDER BY m.mention")
        else:
            cur = self.db.execute(
                "SELECT e.seq, e.source, e.target, e.key, e.type, e.props, s.label, t.label FROM edges e "
                "JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target WHERE e.type = ? ORDER BY e.seq",
                (rtype,))
        while rows := cur.fetchmany(batch):
            evs = self.evidence_of(r[0] for r in rows) if rtype != MENTIONS else {}
            for seq, u, v, k, t, props, lu, lv in rows:
                d = edge_dict(t, evs.get(seq, []), props)
                del d["type"]
                yield {"source": u, "target": v, "key": k, "type": t, "source_label": lu, "target_label": lv,
                       "props": d}


#: An edge as (seq, source, target, key, attributes).
SeqEdge = tuple[int, str, str, str, dict[str, Any]]


def node_dict(label: str | None, name: str | None, inferred: Any, props: str | bytes, aliases: list[str],
              articles: list[str], lists: bool | str = True) -> dict[str, Any]:
    """A node's attribute dict in the builder's key order (a node made only as an edge's end has
    none); ``lists``: with aliases and articles (``"aliases"``: aliases only; False: neither).
    ``props``: the JSON text, or its UTF-8 bytes."""
    if label is None:
        return dict(orjson.loads(props))
    d: dict[str, Any] = {"label": label, "name": name}
    if lists:
        d["aliases"] = aliases
        if lists != "aliases":
            d["articles"] = articles
    d["inferred"] = bool(inferred)
    if props != "{}" and props != b"{}":
        d.update(orjson.loads(props))
    return d


def edge_dict(rtype: str, evidence: list[dict[str, Any]], props: str) -> dict[str, Any]:
    """An edge's attribute dict in the builder's key order."""
    d: dict[str, Any] = {"type": rtype, "evidence": evidence}
    if props != "{}":
        d.update(orjson.loads(props))
    return d


def _json_list(ids: Iterable[str]) -> str:
    """``ids`` as one JSON array, for ``json_each(?)``: a set of ids a query can join without a
    temporary table (which a ``query_only`` connection, as ``serve``'s, may not make). Sorted: the
    index look-ups then walk the index in its order."""
    return orjson.dumps(sorted(set(ids))).decode()


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """``items`` ``size`` at a time (callers sort ids first: look-ups in index order touch each
    page once, and run a third faster than in a set's order)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]
