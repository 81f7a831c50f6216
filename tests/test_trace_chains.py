"""The cascade's shared chains (``trace._chain``) are the chains ``trace.superiors`` walks, on
hierarchies with cycles, self-loops, several superiors and edges of other types."""

from __future__ import annotations

import random

from unionkg.analysis.trace import _chain, superiors
from unionkg.model.part import Part


def _hierarchy(seed: int) -> Part:
    rng = random.Random(seed)
    n = rng.randint(1, 12)
    part = Part()
    for i in range(n):
        part.add_node(f"n{i}", {})
    for j in range(rng.randint(0, 2 * n)):
        u, v = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}"
        part.add_edge(u, v, f"k{j}", {"type": "SUBORDINATE_TO" if rng.random() < 0.9 else "LOCATED_IN"})
    return part


def test_shared_chains_are_the_walked_chains() -> None:
    cyclic = 0
    for seed in range(2000):
        part = _hierarchy(seed)
        above: dict[str, list[str]] = {}
        known: dict[str, list[str]] = {}
        bodies = list(part.nodes)
        random.Random(seed).shuffle(bodies)
        for body in bodies:
            assert _chain(part, body, above, known) == superiors(part, body), (seed, body)
        cyclic += any(b in superiors(part, superiors(part, b)[0]) for b in bodies if superiors(part, b))
    assert cyclic > 100  # the hierarchies drawn have cycles the shared chains must walk around


def test_a_chain_around_a_cycle() -> None:
    part = Part()
    for n in "abc":
        part.add_node(n, {})
    part.add_edge("a", "b", "1", {"type": "SUBORDINATE_TO"})
    part.add_edge("b", "c", "2", {"type": "SUBORDINATE_TO"})
    part.add_edge("c", "a", "3", {"type": "SUBORDINATE_TO"})
    known: dict[str, list[str]] = {}
    assert [_chain(part, n, {}, known) for n in "abc"] == [["b", "c"], ["c", "a"], ["a", "b"]]


def test_sorted_is_the_order_of_dates_names_and_articles() -> None:
    """``trace._sorted`` (dates ranked once each, keys sorted) orders adoptions as ``trace._order``
    does, a stable sort, in calendars with a year, without one and of no year; ``_median`` is
    ``statistics.median``."""
    import statistics

    from unionkg.analysis.propagation import Calendar
    from unionkg.analysis.trace import Adoption, _median, _order, _sorted

    dates = [None, "2024-03-01", "03-01", "2024-3-1", "2023-12-31", "12-31", "02-29", "2025-01-02", "soon", ""]
    rng = random.Random(7)
    for seed in range(300):
        rng.seed(seed)
        adoptions = [Adoption(f"b{rng.randrange(5)}", rng.choice("甲乙丙"), "UnionBody", None, None,
                              rng.choice(dates), None, "", rng.choice([None, "a1", "a2"]), None, None, None)
                     for _ in range(rng.randrange(30))]
        for cal in (Calendar(2024, False), Calendar(None, True), Calendar(None, False),
                    Calendar.of(a.date for a in adoptions)):
            got = _sorted(adoptions, cal)
            assert [id(a) for a in got] == [id(a) for a in sorted(adoptions, key=lambda a: _order(a, cal))]
        values = [rng.randrange(-40, 400) for _ in range(rng.randrange(1, 12))]
        assert _median(values) == statistics.median(values) and type(_median(values)) is type(statistics.median(values))
