"""What the explorer page shows, read from a build's store with SQL, each answer bounded in size
whatever the corpus:

- :func:`overview`: the union hierarchy (national → province → city → district → town) with the
  campaigns each body carried, the campaigns ranked by adopters and reach (levels, provinces,
  first and last date), and the people who most often chair, speak or lead;
- :func:`neighbourhood`: a node's edges, a bounded number per type, each with its evidence
  (sentence, article, date, rule) and where the two ends are named in the sentence;
- :func:`campaign_trace`: ``analysis.trace`` of a campaign as JSON, the mention marked in each
  sentence;
- :func:`search`: nodes by name or alias.

The page (``sinks.explorer``) embeds what fits; ``unionkg serve`` answers the rest on demand.

>>> from unionkg.model import GraphStore
>>> with GraphStore.open("out/seed") as store:          # doctest: +SKIP
...     data = overview(store)
...     hood = neighbourhood(store, "UnionBody:佛山市总工会")
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import orjson

from ..analysis.dates import Day, parse
from ..model import GraphStore
from ..model.names import key
from ..types import BodyLevel, Label, RelType

__all__ = ["LEVELS", "campaign_trace", "marks", "neighbourhood", "overview", "search", "trace_payload"]

LEVELS: tuple[str, ...] = tuple(level.value for level in BodyLevel)
#: Node labels a search returns (events and articles are reached through their neighbours).
SEARCHED = (Label.UNION_BODY.value, Label.CAMPAIGN.value, Label.PERSON.value, Label.ORGANIZATION.value,
            Label.LAW.value, Label.PLACE.value)
#: The roles that make a person prominent on the overview.
ROLES = (RelType.CHAIRED.value, RelType.SPOKE.value, RelType.LED.value)
MENTIONS = RelType.MENTIONS.value
ARTICLE = "Article:"


def _level_rank(level: str | None) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


# --- the overview ---------------------------------------------------------------------------------


def adoptions(store: GraphStore) -> list[tuple[str, str, str | None]]:
    """(adopting body, campaign, date) of every IMPLEMENTS edge into a campaign; an event's
    adoption counts for the bodies that held it (as ``analysis.trace`` counts it)."""
    rows = store.db.execute(
        "SELECT coalesce(h.target, e.source), e.target, e.date FROM edges e "
        "JOIN nodes c ON c.id = e.target AND c.label = 'Campaign' "
        "LEFT JOIN edges h ON e.source LIKE 'Event:%' AND h.source = e.source AND h.type = 'HELD_BY' "
        "WHERE e.type = 'IMPLEMENTS' ORDER BY e.seq")
    return [(str(b), str(c), d if isinstance(d, str) and d else None) for b, c, d in rows]


def overview(store: GraphStore, *, tree_nodes: int = 80, tree_leaves: int = 32, people: int = 30,
             campaigns: int = 5000) -> dict[str, Any]:
    """The overview's aggregates (see the module docstring); the drawn tree holds at most
    ``tree_nodes`` bodies and ``tree_leaves`` leaves, so that every label is legible."""
    bodies = {nid: (str(name or nid), lv if isinstance(lv, str) and lv else None) for nid, name, lv in
              store.db.execute("SELECT id, name, level FROM nodes WHERE label = 'UnionBody'")}
    parent: dict[str, str] = {}
    children: dict[str, int] = Counter()
    for u, v in store.db.execute("SELECT source, target FROM edges WHERE type = 'SUBORDINATE_TO' ORDER BY target, source"):
        if u in bodies and v in bodies and u != v and u not in parent:
            parent[u] = v
            children[v] += 1
    adopted = adoptions(store)
    carried: dict[str, set[str]] = {}
    for body, camp, _ in adopted:
        carried.setdefault(body, set()).add(camp)
    tree = _tree(bodies, parent, children, {b: len(c) for b, c in carried.items()}, tree_nodes, tree_leaves)
    return {
        "stats": _stats(store),
        "levels": _level_counts(bodies),
        "tree": tree,
        "campaigns": _campaign_ranking(store, bodies, parent, adopted, campaigns),
        "people": _people(store, people),
    }


def _stats(store: GraphStore) -> dict[str, Any]:
    return {"nodes": store.number_of_nodes(), "edges": store.number_of_edges(), "labels": store.labels(),
            "articles": int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0])}


def _level_counts(bodies: dict[str, tuple[str, str | None]]) -> dict[str, int]:
    counts = Counter(lv or "unknown" for _, lv in bodies.values())
    return {lv: counts[lv] for lv in sorted(counts, key=lambda x: (_level_rank(x), x))}


def _ancestors(body: str, parent: dict[str, str]) -> list[str]:
    out: list[str] = []
    seen = {body}
    while (up := parent.get(body)) is not None and up not in seen:
        out.append(up)
        seen.add(up)
        body = up
    return out


def _tree(bodies: dict[str, tuple[str, str | None]], parent: dict[str, str], children: dict[str, int],
          score: dict[str, int], max_nodes: int, max_leaves: int) -> dict[str, Any]:
    """The bodies the overview draws: the best carriers with their chains up to the top, at most
    ``max_nodes`` bodies and ``max_leaves`` leaves; no body without an edge to another drawn one."""
    order = sorted((b for b in bodies if score.get(b, 0) > 0),
                   key=lambda b: (-score[b], _level_rank(bodies[b][1]), b))
    shown: dict[str, str | None] = {}  # body -> its drawn parent
    has_child: set[str] = set()
    leaves = 0
    for b in order:
        if b in shown:
            continue
        chain = [b]
        for up in _ancestors(b, parent):
            if up in shown:
                break
            chain.append(up)
        top = chain[-1]
        attach = parent.get(top) if parent.get(top) in shown else None
        new_leaves = 0 if attach is not None and attach not in has_child else 1
        if len(shown) + len(chain) > max_nodes or leaves + new_leaves > max_leaves:
            continue
        leaves += new_leaves
        for i, n in enumerate(chain):
            shown[n] = chain[i + 1] if i + 1 < len(chain) else attach
        if attach is not None:
            has_child.add(attach)
        has_child.update(chain[1:])
    # a root with no drawn child would stand alone: leave it out (unless nothing else is drawn)
    lone = [n for n, p in shown.items() if p is None and n not in has_child]
    if len(lone) < len(shown):
        for n in lone:
            del shown[n]
    drawn_children = Counter(p for p in shown.values() if p is not None)
    nodes = [{"id": n, "nm": bodies[n][0], "lv": bodies[n][1] or "", "c": score.get(n, 0), "p": p,
              "sub": children.get(n, 0), "hid": children.get(n, 0) - drawn_children[n]}
             for n, p in sorted(shown.items(), key=lambda kv: (_level_rank(bodies[kv[0]][1]), -score.get(kv[0], 0),
                                                                 kv[0]))]
    return {"nodes": nodes, "bodies": len(bodies), "carriers": len(order),
            "max_c": max((score.get(n, 0) for n in shown), default=0)}


def province_of(body: str, bodies: dict[str, tuple[str, str | None]], parent: dict[str, str],
                memo: dict[str, str | None]) -> str | None:
    """The province-level body above ``body`` (itself if it is one)."""
    if body in memo:
        return memo[body]
    out: str | None = None
    for b in [body, *_ancestors(body, parent)]:
        if bodies.get(b, ("", None))[1] == BodyLevel.PROVINCE.value:
            out = b
            break
    memo[body] = out
    return out


def _campaign_ranking(store: GraphStore, bodies: dict[str, tuple[str, str | None]], parent: dict[str, str],
                      adopted: list[tuple[str, str, str | None]], limit: int) -> list[dict[str, Any]]:
    """Campaigns by adopters, then provinces reached: levels, provinces, first and last date."""
    names = {nid: str(name or nid) for nid, name in store.db.execute("SELECT id, name FROM nodes WHERE label = 'Campaign'")}
    per: dict[str, dict[str, Any]] = {c: {"bodies": set(), "dates": set(), "n": 0} for c in names}
    memo: dict[str, str | None] = {}
    levels_of = {b: lv for b, (_, lv) in bodies.items()}
    for body, camp, date in adopted:
        rec = per[camp]
        rec["n"] += 1
        rec["bodies"].add(body)
        if date:
            rec["dates"].add(date)
    out = []
    for camp, rec in per.items():
        first, last = _date_range(rec["dates"])
        levels = Counter(levels_of.get(b) or "other" for b in rec["bodies"])
        provinces = {p for b in rec["bodies"] if (p := province_of(b, bodies, parent, memo))}
        out.append({
            "id": camp, "nm": names[camp], "ad": len(rec["bodies"]), "n": rec["n"],
            "lv": {lv: levels[lv] for lv in sorted(levels, key=lambda x: (_level_rank(x), x))},
            "pr": len(provinces), "prn": sorted(bodies[p][0] for p in provinces)[:6],
            "first": first, "last": last,
        })
    out.sort(key=lambda r: (-r["ad"], -r["pr"], -r["n"], r["nm"], r["id"]))
    return out[:limit]


def _date_range(dates: set[str]) -> tuple[str, str]:
    """The first and last of ``dates`` (``YYYY-MM-DD``; ``MM-DD`` only when no date has a year)."""
    days = [d for d in map(_parse, dates) if d is not None]
    full = sorted(str(d) for d in days if d.year)
    if full:
        return full[0], full[-1]
    short = sorted(str(d) for d in days)
    return (short[0], short[-1]) if short else ("", "")


@lru_cache(maxsize=65536)
def _parse(date: str) -> Day | None:
    return parse(date)


def _people(store: GraphStore, limit: int) -> list[dict[str, Any]]:
    """The people who most often chair, speak or lead, with the body they hold a post in."""
    counts: dict[str, Counter[str]] = {}
    for src, rtype, n in store.db.execute(
            f"SELECT source, type, count(*) FROM edges WHERE type IN ({_marks(ROLES)}) GROUP BY source, type", ROLES):
        counts.setdefault(src, Counter())[rtype] = int(n)
    ranked = sorted(counts, key=lambda p: (-sum(counts[p].values()), p))[:limit]
    attrs = store.node_attrs(ranked, lists=False)
    posts: dict[str, str] = {}
    for chunk in _chunks(ranked):
        for src, tgt, title in store.db.execute(
                f"SELECT e.source, n.name, e.props ->> '$.title' FROM edges e JOIN nodes n ON n.id = e.target "
                f"WHERE e.source IN ({_marks(chunk)}) AND e.type = 'HOLDS_POSITION' ORDER BY e.seq", chunk):
            posts.setdefault(src, f"{tgt}{title or ''}")
    return [{"id": p, "nm": str(attrs.get(p, {}).get("name", p)), "post": posts.get(p, ""),
             "roles": {r: counts[p][r] for r in ROLES if counts[p][r]}, "n": sum(counts[p].values())}
            for p in ranked if p in attrs]


# --- a node's neighbourhood ------------------------------------------------------------------------


def marks(sentence: str, names: Iterable[str | None]) -> list[list[int]]:
    """Where ``names`` occur in ``sentence`` (first occurrence each, longest names first), as
    ``[start, end]`` character offsets, sorted, not overlapping."""
    spans: list[list[int]] = []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        i = sentence.find(name)
        if i >= 0 and not any(i < e and s < i + len(name) for s, e in spans):
            spans.append([i, i + len(name)])
    return sorted(spans)


def _short_names(attrs: dict[str, Any]) -> list[str]:
    """A node's name, aliases and, for a campaign, the core without quotes (what a sentence says)."""
    out = [str(attrs.get("name") or "")]
    out += [str(a) for a in attrs.get("aliases") or ()]
    if attrs.get("label") == Label.CAMPAIGN.value:
        out += [a.strip("\"“”'‘’「」") for a in out]
    return [n for n in out if len(n) >= 2]


def node_summary(nid: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of a node in a list or a drawing."""
    label = str(attrs.get("label") or "")
    name = str(attrs.get("name") or attrs.get("title") or nid)
    if label == Label.EVENT.value:
        name = " ".join(x for x in (str(attrs.get("date") or ""), str(attrs.get("title") or name)) if x)
    if label == Label.ARTICLE.value:
        name = " ".join(x for x in (str(attrs.get("date") or ""), str(attrs.get("title") or name)) if x)
    return {"id": nid, "nm": name, "lab": label, "lv": str(attrs.get("level") or attrs.get("kind") or "")}


def _allot(totals: list[int], room: int) -> list[int]:
    """Rows per group: one each in turn until ``room`` is used (every group gets at least one)."""
    take = [0] * len(totals)
    left = room
    while left > 0 and any(t < n for t, n in zip(take, totals, strict=True)):
        for i, n in enumerate(totals):
            if take[i] < n and left > 0:
                take[i] += 1
                left -= 1
    return [max(t, 1 if n else 0) for t, n in zip(take, totals, strict=True)]


def neighbourhood(store: GraphStore, nid: str, *, rows: int = 48) -> dict[str, Any] | None:
    """``nid``'s edges grouped by direction and type, at most about ``rows`` of them (shared out
    among the types, each type's earliest first), with their evidence; None if no such node."""
    attrs = store.node_attrs([nid], lists=False).get(nid)
    if attrs is None:
        return None
    aliases = [a for (a,) in store.db.execute("SELECT alias FROM aliases WHERE node = ? ORDER BY alias LIMIT 20", (nid,))]
    attrs["aliases"] = aliases
    n_articles = int(store.db.execute("SELECT count(*) FROM node_articles WHERE node = ?", (nid,)).fetchone()[0])
    groups: list[tuple[str, str, int]] = []  # (direction, type, total)
    for direction, col in (("out", "source"), ("in", "target")):
        groups += [(direction, str(t), int(n)) for t, n in store.db.execute(
            f"SELECT type, count(*) FROM edges WHERE {col} = ? GROUP BY type ORDER BY type", (nid,))]
    art = nid[len(ARTICLE):] if nid.startswith(ARTICLE) else None
    if art is not None:
        n = int(store.db.execute("SELECT count(*) FROM node_articles WHERE article = ? AND mention IS NOT NULL",
                                 (art,)).fetchone()[0])
        if n:
            groups.append(("out", MENTIONS, n))
    elif n_articles:
        # an entity's articles all mention it (only an article's own node and events are not mentioned)
        n = n_articles if attrs.get("label") != Label.EVENT.value else int(store.db.execute(
            "SELECT count(*) FROM node_articles WHERE node = ? AND mention IS NOT NULL", (nid,)).fetchone()[0])
        groups.append(("in", MENTIONS, n))
    groups = [g for g in groups if g[2]]
    take = _allot([g[2] for g in groups], rows)
    picked: list[tuple[int, str, str, str, str, str]] = []  # (seq, dir, type, source, target, props)
    for (direction, rtype, _total), k in zip(groups, take, strict=True):
        if rtype == MENTIONS:
            if art is not None:
                q = ("SELECT mention, 'Article:' || article, node FROM node_articles WHERE article = ? "
                     "AND mention IS NOT NULL ORDER BY mention LIMIT ?")
                args: tuple[Any, ...] = (art, k)
            else:
                q = ("SELECT mention, 'Article:' || article, node FROM node_articles WHERE node = ? "
                     "AND mention IS NOT NULL ORDER BY article LIMIT ?")  # in index order: k rows read
                args = (nid, k)
            picked += [(s, direction, rtype, u, v, "{}") for s, u, v in store.db.execute(q, args)]
        else:
            col = "source" if direction == "out" else "target"
            picked += [(s, direction, rtype, u, v, p) for s, u, v, p in store.db.execute(
                f"SELECT seq, source, target, props FROM edges WHERE {col} = ? AND type = ? ORDER BY seq LIMIT ?",
                (nid, rtype, k))]
    others = {(v if d == "out" else u) for _, d, _, u, v, _ in picked}
    other_attrs = store.node_attrs(others, lists=False)
    evidence = store.evidence_of([p[0] for p in picked if p[2] != MENTIONS])
    articles = {e["article"] for evs in evidence.values() for e in evs[:3] if isinstance(e.get("article"), str)}
    articles |= {str(o)[len(ARTICLE):] for o in others if str(o).startswith(ARTICLE)}
    titles = _article_titles(store, articles)
    out_groups: dict[tuple[str, str], dict[str, Any]] = {}
    for (direction, rtype, total) in groups:
        out_groups[(direction, rtype)] = {"dir": direction, "ty": rtype, "total": total, "edges": []}
    center_names = _short_names({**attrs, "aliases": aliases})
    for seq, direction, rtype, u, v, props in picked:
        other = v if direction == "out" else u
        oattrs = other_attrs.get(other, {})
        p = orjson.loads(props) if props != "{}" else {}
        names = center_names + _short_names(oattrs) + [p.get("surface"), p.get("title")]
        evs = []
        for e in (evidence.get(seq) or [])[:3]:
            sentence = str(e.get("sentence") or "")
            evs.append({"s": sentence, "m": marks(sentence, names), "a": e.get("article") or "",
                        "r": e.get("rule") or "", "c": e.get("confidence")})
        out_groups[(direction, rtype)]["edges"].append({
            "seq": seq, "o": other, "d": p.get("date") or "", "q": p.get("mode") or p.get("title") or "",
            "art": p.get("article") or (evs[0]["a"] if evs else ""), "rule": p.get("rule") or "",
            "ev": evs, "more": max(0, len(evidence.get(seq) or []) - len(evs)),
        })
    nodes = {o: node_summary(o, a) for o, a in other_attrs.items()}
    center = node_summary(nid, attrs)
    center.update({"al": aliases, "na": n_articles, "inf": bool(attrs.get("inferred")),
                   "dt": str(attrs.get("date") or "")})
    return {"center": center, "nodes": nodes, "groups": list(out_groups.values()), "titles": titles}


def _article_titles(store: GraphStore, articles: Iterable[str]) -> dict[str, dict[str, str]]:
    ids = [ARTICLE + a for a in sorted(articles)]
    out: dict[str, dict[str, str]] = {}
    for nid, attrs in store.node_attrs(ids, lists=False).items():
        out[nid[len(ARTICLE):]] = {"t": str(attrs.get("title") or ""), "d": str(attrs.get("date") or ""),
                                   "src": str(attrs.get("source") or "")}
    return out


# --- a campaign's trace ----------------------------------------------------------------------------


def campaign_trace(store: GraphStore, cid: str) -> dict[str, Any] | None:
    """``analysis.trace`` of campaign ``cid`` as the page draws it (:func:`trace_payload`), with
    the rule of each adoption's first evidence; None if no such campaign."""
    from ..analysis.report import trace_store

    if store.label_of(cid) != Label.CAMPAIGN.value:
        return None
    rules: dict[tuple[str, str], str] = {}
    for src, art, rule in store.db.execute(
            "SELECT e.source, v.article, v.rule FROM edges e JOIN evidence v ON v.edge = e.seq AND v.n = 0 "
            "WHERE e.target = ? AND e.type = 'IMPLEMENTS' ORDER BY e.seq", (cid,)):
        rules.setdefault((str(src), str(art)), str(rule or ""))
    aliases = [a for (a,) in store.db.execute("SELECT alias FROM aliases WHERE node = ? ORDER BY alias", (cid,))]
    return trace_payload(trace_store(store, cid), aliases, rules)


def trace_payload(t: Any, aliases: Iterable[str] = (),
                  rules: dict[tuple[str, str], str] | None = None) -> dict[str, Any]:
    """A ``Trace``'s JSON (``Trace.to_dict``) with, for each adoption, where the campaign (its
    name, aliases, variants, the adoption's surface) and the body are named in the sentence
    (``marks``), and its rule when ``rules`` ((source, article) → rule) has it."""
    data: dict[str, Any] = t.to_dict()
    names = _short_names({"label": Label.CAMPAIGN.value, "name": t.name,
                          "aliases": [*aliases, *(v.surface for v in t.variants)]})
    for a in data["adoptions"]:
        a["marks"] = marks(a.get("sentence") or "", [*names, a.get("surface"), a.get("name")])
        if rules is not None:
            a["rule"] = rules.get((a["event"] or a["body"], a["article"] or ""),
                                  rules.get((a["body"], a["article"] or ""), ""))
    return data


# --- search ------------------------------------------------------------------------------------------


def search(store: GraphStore, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Nodes (of the searched labels) whose name or alias is ``query`` (NFKC-, case- and
    quote-insensitive), else contains it; most connected first among the partial matches."""
    want = key(query)
    if not want:
        return []
    exact = [query] if store.has_node(query) else store.ids_named(want)
    found = [n for n in dict.fromkeys(exact) if store.label_of(n) in SEARCHED]
    if len(found) < limit:
        pattern = "%" + want.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = store.db.execute(
            f"SELECT id FROM nodes WHERE label IN ({_marks(SEARCHED)}) AND name LIKE ? ESCAPE '\\' "
            f"ORDER BY length(name), name, id LIMIT ?", (*SEARCHED, pattern, limit * 2)).fetchall()
        rows += store.db.execute(
            f"SELECT n.id FROM aliases a JOIN nodes n ON n.id = a.node WHERE n.label IN ({_marks(SEARCHED)}) "
            f"AND a.alias LIKE ? ESCAPE '\\' ORDER BY length(a.alias), n.id LIMIT ?", (*SEARCHED, pattern, limit)).fetchall()
        found += [r[0] for r in rows if r[0] not in found]
    found = found[:limit]
    attrs = store.node_attrs(found, lists=False)
    return [node_summary(n, attrs[n]) for n in found if n in attrs]
