"""Find nodes of the model graph (a networkx graph or a build's store) by id, name or alias, NFKC-
and quote-insensitively.

>>> key("“百千万工程”")
'百千万工程'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeAlias

from ..errors import UnionKGError
from ..model.names import QUOTES, key
from ..model.store import GraphStore
from ..types import Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["QUOTES", "did_you_mean", "find_campaign", "find_nodes", "find_one", "key", "names_of"]

Graph: TypeAlias = "nx.MultiDiGraph | GraphStore"


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


def find_nodes(G: nx.MultiDiGraph | GraphStore, query: str, label: str | None = None) -> list[str]:
    """Node ids whose id, name or alias equals ``query`` (compared by :func:`key`).

    Falls back to nodes whose name or alias contains the query when nothing matches exactly.
    """
    if isinstance(G, GraphStore):
        return _find_stored(G, query, label)
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


def _find_stored(store: GraphStore, query: str, label: str | None) -> list[str]:
    """``find_nodes`` in a store: ids and exact keys by index, the partial fallback by a scan."""
    if store.has_node(query) and (label is None or store.label_of(query) == label):
        return [query]
    if label is not None and store.has_node(f"{label}:{query}"):
        return [f"{label}:{query}"]
    want = key(query)
    if not want:
        return []
    exact = store.ids_named(want, label)
    if exact:
        return exact
    return sorted({nid for nid, name in store.iter_names(label) if isinstance(name, str) and want in key(name)})


def find_one(G: nx.MultiDiGraph | GraphStore, query: str, label: str | None = None) -> str:
    """The single node ``query`` names; ``UnionKGError`` with suggestions when none or several."""
    found = find_nodes(G, query, label)
    what = label or "node"
    if len(found) == 1:
        return found[0]
    if not found:
        if isinstance(G, GraphStore):
            sample = G.first_names(label, 8)
        else:
            sample = sorted(
                str(attrs.get("name")) for _, attrs in G.nodes(data=True)
                if label is None or attrs.get("label") == label
            )[:8]
        raise UnionKGError(
            f"no {what} named {query!r} in the graph",
            hint=f"known {what} names include: {', '.join(sample)}" if sample else _nothing_of(G, label),
        )
    names = G.node_attrs(found[:8], lists=False) if isinstance(G, GraphStore) else G.nodes
    listed = ", ".join(f"{n} ({names[n].get('name')})" for n in found[:8])
    raise UnionKGError(f"{query!r} names {len(found)} {what}s: {listed}", hint="give the full name or the node id")


def _nothing_of(G: Graph, label: str | None) -> str:
    """What to say when the graph has no node of ``label`` at all: say what it has instead."""
    if isinstance(G, GraphStore):
        total, counts = G.number_of_nodes(), Counter(G.labels())
    else:
        total, counts = G.number_of_nodes(), Counter(str(attrs.get("label")) for _, attrs in G.nodes(data=True))
    if total == 0:
        return "the graph is empty: the build found no articles; check its inputs and errors.jsonl"
    has = ", ".join(f"{n} {lab}" for lab, n in counts.most_common(4))
    return f"the graph has no {label} nodes (its {total} nodes include {has}): none of its articles names one"


def _campaign_names(G: Graph) -> dict[str, tuple[str, list[str]]]:
    """Every campaign: node id → (its name, its name and aliases)."""
    label = Label.CAMPAIGN.value
    out: dict[str, tuple[str, list[str]]] = {}
    if isinstance(G, GraphStore):
        for nid, name in G.iter_names(label):  # names first, then aliases
            if nid not in out:
                out[nid] = (str(name or ""), [])
            if isinstance(name, str):
                out[nid][1].append(name)
        return out
    for nid, attrs in G.nodes(data=True):
        if attrs.get("label") == label:
            out[nid] = (str(attrs.get("name", "")), list(names_of(attrs)))
    return out


def find_campaign(G: Graph, query: str) -> str:
    """The campaign node ``query`` names: by id, name or any variant (script-, quote-, space- and
    separator-insensitive), else by its family (``春季要约行动`` → ``集体协商要约行动``) or its core,
    else the single campaign whose names contain it. ``UnionKGError`` otherwise, with a "did you
    mean" list of the closest names."""
    from ..resolve.campaigns import Families, slogan_key

    label = Label.CAMPAIGN.value
    if isinstance(G, GraphStore):
        if G.label_of(query) == label:
            return query  # a node id: nothing to look up
        exact = G.ids_named(key(query), label) if key(query) else []
        if len(exact) == 1:
            return exact[0]  # a name or alias as written: found by the store's index, no scan
    campaigns = _campaign_names(G)
    if query in campaigns:
        return query
    names = {n: {slogan_key(x) for x in all_} | {key(x) for x in all_} for n, (_, all_) in campaigns.items()}
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
        shown = ", ".join(campaigns[n][0] for n in found[:8])
        raise UnionKGError(f"{query!r} names {len(found)} campaigns: {shown}",
                           hint=f"did you mean one of: {shown}? Give its full name or the node id")
    close = did_you_mean(want or plain, {n: keys | {slogan_key(campaigns[n][0])} for n, keys in names.items()})
    if close:
        shown = ", ".join(campaigns[n][0] for n in close)
        raise UnionKGError(f"no campaign named {query!r} in the graph", hint=f"did you mean: {shown}?")
    sample = sorted(name for name, _ in campaigns.values())[:8]
    raise UnionKGError(f"no Campaign named {query!r} in the graph",
                       hint=f"known Campaign names include: {', '.join(sample)}" if sample else _nothing_of(G, label))


def did_you_mean(want: str, keys: dict[str, set[str]], limit: int = 8, cutoff: float = 0.45) -> list[str]:
    """The nodes whose names are closest to ``want`` (difflib's ratio, at least ``cutoff``), best first."""
    from difflib import SequenceMatcher  # only for a name that matches nothing: not on every command's start

    scored = []
    for node, ks in keys.items():
        best = max((SequenceMatcher(None, want, k).ratio() for k in ks if k), default=0.0)
        if best >= cutoff:
            scored.append((-best, node))
    return [n for _, n in sorted(scored)[:limit]]
