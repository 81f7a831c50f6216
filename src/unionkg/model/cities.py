"""The city of each body: up its LOCATED_IN edges to a Place at city level."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..types import Label, PlaceLevel

__all__ = ["body_cities"]


def body_cities(bodies: Iterable[str], ups: Callable[[str], list[str]],
                attrs: Callable[[str], Mapping[str, Any]]) -> dict[str, str | None]:
    """The city (a Place's name at city level) of each of ``bodies``: up the first LOCATED_IN
    target (``ups``: a node's LOCATED_IN targets, sorted) that leads to one; each place resolved
    once, so this is linear in the number of bodies."""
    memo: dict[str, str | None] = {}
    place, city = Label.PLACE.value, PlaceLevel.CITY.value

    def place_city(p: str, depth: int = 0) -> str | None:
        if p not in memo:
            a = attrs(p)
            if a.get("label") == place and a.get("level") == city:
                memo[p] = str(a.get("name"))
            else:
                parents = ups(p)
                memo[p] = place_city(parents[0], depth + 1) if parents and depth < 8 else None
        return memo[p]

    return {n: next((c for c in (place_city(u) for u in ups(n)) if c is not None), None) for n in bodies}
