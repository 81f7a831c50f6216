"""Find nodes of the model graph by id, name or alias, NFKC- and quote-insensitively.

>>> key("“百千万工程”")
'百千万工程'
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

import networkx as nx

from ..errors import UnionKGError
from ..types import Label

#: Quote and bracket marks ignored when names are compared (as the scorer does).
QUOTES = "\"'“”‘’「」『』《》〈〉«»‹›〝〞＂＇"
_DROP = {ord(c): None for c in QUOTES}


def key(name: str) -> str:
    """Comparison key of a name: NFKC, no white space, no quote marks, lower case."""
    text = unicodedata.normalize("NFKC", name).translate(_DROP)
    return "".join(text.split()).lower()


def names_of(attrs: dict[str, object]) -> Iterator[str]:
    """The name and every alias of a node."""
    name = attrs.get("name")
    if isinstance(name, str):
        yield name
    aliases = attrs.get("aliases") or ()
    if isinstance(aliases, Iterable) and not isinstance(aliases, str):
        for alias in aliases:
            if isinstance(alias, str):
                yield alias


def find_nodes(G: nx.MultiDiGraph, query: str, label: str | None = None) -> list[str]:
    """Node ids whose id, name or alias equals ``query`` (compared by :func:`key`).

    Falls back to nodes whose name or alias contains the query when nothing matches exactly.
    """
    if query in G and (label is None or G.nodes[query].get("label") == label):
        return [query]
    if label is not None and f"{label}:{query}" in G:
        return [f"{label}:{query}"]  # the node named exactly so: no scan of the whole graph
    want = key(query)
    if not want:
        return []
    exact: list[str] = []
    partial: list[str] = []
    for node, attrs in G.nodes(data=True):
        if label is not None and attrs.get("label") != label:
            continue
        keys = {key(n) for n in names_of(attrs)}
        if want in keys:
            exact.append(node)
        elif any(want in k for k in keys):
            partial.append(node)
    return sorted(exact) if exact else sorted(partial)


def find_one(G: nx.MultiDiGraph, query: str, label: str | None = None) -> str:
    """The single node ``query`` names; ``UnionKGError`` with suggestions when none or several."""
    found = find_nodes(G, query, label)
    what = label or "node"
    if len(found) == 1:
        return found[0]
    if not found:
        sample = sorted(
            str(attrs.get("name")) for _, attrs in G.nodes(data=True)
            if label is None or attrs.get("label") == label
        )[:8]
        raise UnionKGError(
            f"no {what} named {query!r} in the graph",
            hint=f"known {what} names include: {', '.join(sample)}" if sample else _nothing_of(G, label),
        )
    names = ", ".join(f"{n} ({G.nodes[n].get('name')})" for n in found[:8])
    raise UnionKGError(f"{query!r} names {len(found)} {what}s: {names}", hint="give the full name or the node id")


def _nothing_of(G: nx.MultiDiGraph, label: str | None) -> str:
    """What to say when the graph has no node of ``label`` at all: say what it has instead."""
    if G.number_of_nodes() == 0:
        return "the graph is empty: the build found no articles; check its inputs and errors.jsonl"
    counts = Counter(str(attrs.get("label")) for _, attrs in G.nodes(data=True))
    has = ", ".join(f"{n} {lab}" for lab, n in counts.most_common(4))
    return (f"the graph has no {label} nodes (its {G.number_of_nodes()} nodes include {has}): "
            f"none of its articles names one")


def find_campaign(G: nx.MultiDiGraph, query: str) -> str:
    """The campaign node ``query`` names: by id, name or any variant (script-, quote-, space- and
    separator-insensitive), else by its family (``春季要约行动`` → ``集体协商要约行动``) or its core,
    else the single campaign whose names contain it. ``UnionKGError`` otherwise, with a "did you
    mean" list of the closest names."""
    from ..resolve.campaigns import Families, slogan_key

    label = Label.CAMPAIGN.value
    if query in G and G.nodes[query].get("label") == label:
        return query
    names: dict[str, set[str]] = {}
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") == label:
            names[node] = {slogan_key(n) for n in names_of(attrs)} | {key(n) for n in names_of(attrs)}
    want, plain = slogan_key(query), key(query)
    if not want and not plain:
        raise UnionKGError("an empty campaign name", hint="give a campaign's name, e.g. from `unionkg trace --help`")
    found = sorted(n for n, keys in names.items() if want in keys or plain in keys)
    if not found:
        fams = Families.load()
        fam = fams.family_of(query)
        if fam is not None and f"{label}:{fam.canonical}" in names:
            return f"{label}:{fam.canonical}"
        core = fams.core(query)
        found = sorted(n for n, keys in names.items() if len(core) >= 2 and core in {fams.core(k) for k in keys})
    if not found:
        found = sorted(n for n, keys in names.items() if any(want and want in k for k in keys))
    if len(found) == 1:
        return found[0]
    if found:
        shown = ", ".join(str(G.nodes[n].get("name")) for n in found[:8])
        raise UnionKGError(f"{query!r} names {len(found)} campaigns: {shown}",
                           hint=f"did you mean one of: {shown}? Give its full name or the node id")
    close = did_you_mean(want or plain, {n: keys | {slogan_key(str(G.nodes[n].get('name', '')))}
                                         for n, keys in names.items()})
    if close:
        shown = ", ".join(str(G.nodes[n].get("name")) for n in close)
        raise UnionKGError(f"no campaign named {query!r} in the graph", hint=f"did you mean: {shown}?")
    sample = sorted(str(G.nodes[n].get("name")) for n in names)[:8]
    raise UnionKGError(f"no Campaign named {query!r} in the graph",
                       hint=f"known Campaign names include: {', '.join(sample)}" if sample else _nothing_of(G, label))


def did_you_mean(want: str, keys: dict[str, set[str]], limit: int = 8, cutoff: float = 0.45) -> list[str]:
    """The nodes whose names are closest to ``want`` (difflib's ratio, at least ``cutoff``), best first."""
    scored = []
    for node, ks in keys.items():
        best = max((SequenceMatcher(None, want, k).ratio() for k in ks if k), default=0.0)
        if best >= cutoff:
            scored.append((-best, node))
    return [n for _, n in sorted(scored)[:limit]]
