"""Person identity across articles: one node per (name, anchor).

The anchor is the person's strongest context: the first body they hold a position in, else the
paper they report for (``reporter:<source>``), else the city of the body that organised the
event, else the article. A person known only by a city is then merged into the one person of
that name anchored to a body in the same city, if there is exactly one. Every decision is
recorded (``Merge``) so that ``--explain-merges`` can show it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonContext:
    name: str
    article: str
    bodies: tuple[str, ...]
    city: str | None
    source: str | None
    reporter: bool


@dataclass(frozen=True)
class Merge:
    name: str
    article: str
    node: str
    reason: str


def anchor_of(p: PersonContext) -> tuple[str, str]:
    if p.bodies:
        return p.bodies[0], f"holds a position in {p.bodies[0]}"
    if p.reporter and p.source:
        return f"reporter:{p.source}", f"reports for {p.source}"
    if p.city:
        return f"city:{p.city}", f"named in an article about city {p.city}"
    return f"article:{p.article}", "no context beyond its article"


def resolve_people(contexts: list[PersonContext], city_of_body: dict[str, str]) -> tuple[dict[tuple[str, str], str], list[Merge]]:
    """Map (name, article) → person node id; and the merge decisions."""
    first: dict[tuple[str, str], str] = {}
    merges: list[Merge] = []
    for m in resolve_each(lambda: contexts, city_of_body):
        first[(m.name, m.article)] = m.node
        merges.append(m)
    return first, merges


def resolve_each(contexts: Callable[[], Iterable[PersonContext]], city_of_body: dict[str, str]) -> Iterator[Merge]:
    """The node of each context, with why, in the contexts' order. ``contexts()`` gives them, the
    same each time: it is called twice (the persons anchored to a body first, so that a person
    known only by a city can join the one such person of that name there)."""
    anchored: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # name -> city -> ids
    for p in contexts():
        if p.bodies:
            anchor, _ = anchor_of(p)
            node = f"Person:{p.name}@{anchor}"
            for b in p.bodies:
                c = city_of_body.get(b)
                if c and node not in anchored[p.name][c]:
                    anchored[p.name][c].append(node)
    for p in contexts():
        anchor, why = anchor_of(p)
        node = f"Person:{p.name}@{anchor}"
        if anchor.startswith("city:"):
            cands = anchored[p.name].get(anchor[5:], [])
            if len(cands) == 1:
                node, why = cands[0], f"same name, same city ({anchor[5:]}), one person there holds a position"
        yield Merge(p.name, p.article, node, why)
