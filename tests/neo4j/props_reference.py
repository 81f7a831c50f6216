"""The straightforward conversion the fast one in unionkg.sinks.neo4j_props must equal (a test oracle:
the module as it was before it was made fast).

Turn graph attributes into values Neo4j can store, shared by the Bolt loader and the CSV export.

Neo4j properties hold scalars and homogeneous lists of scalars only, never maps and never nulls in
lists. So a dict, a mixed list or a list of dicts becomes a JSON string under the same name, and a list
of dicts (``evidence``) is also spread into parallel arrays, one per key whose values are all scalars
of one type, so Cypher can read it without a JSON parser::

    evidence=[{"sentence": "s", "rule": "r", "start": 3}]
    -> evidence='[{"rule": "r", "sentence": "s", "start": 3}]',
       evidence_sentence=["s"], evidence_rule=["r"], evidence_start=[3]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["to_json", "to_properties", "to_property"]

_INT64 = (-(2**63), 2**63 - 1)


def to_json(value: Any) -> str:
    """Compact, key-sorted JSON that keeps Chinese characters readable."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _scalar_kind(value: Any) -> type | None:
    """The Neo4j scalar kind of VALUE (bool, int, float, str) or None when it has none."""
    if isinstance(value, bool):
        return bool
    if isinstance(value, int):
        return int if _INT64[0] <= value <= _INT64[1] else None
    if isinstance(value, float):
        return float
    if isinstance(value, str):
        return str
    return None


def _as_array(items: list[Any]) -> list[Any] | None:
    """ITEMS as a Neo4j array (ints widened to floats when mixed), or None when not storable."""
    kinds = {_scalar_kind(item) for item in items}
    if None in kinds:
        return None
    if len(kinds) <= 1:
        return items
    if kinds == {int, float}:
        return [float(item) for item in items]
    return None


def to_property(value: Any) -> Any:
    """One attribute value as a Neo4j property value (None stays None: SET removes the property)."""
    if value is None:
        return None
    kind = _scalar_kind(value)
    if kind is not None:
        return value
    if isinstance(value, int):  # beyond 64 bits
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        array = _as_array(items)
        return array if array is not None else to_json(items)
    if isinstance(value, Mapping):
        return to_json(dict(value))
    return str(value)


def _spread(name: str, items: list[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Parallel arrays ``<name>_<key>`` for the keys that every item has with a scalar value."""
    keys: set[str] = set()
    for item in items:
        keys.update(str(k) for k in item)
    arrays: dict[str, list[Any]] = {}
    for key in sorted(keys):
        values = [item.get(key) for item in items]
        array = _as_array(values)
        if array is not None:
            arrays[f"{name}_{key}"] = array
    return arrays


def _is_list_of_maps(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) for v in value)


def to_properties(attrs: Mapping[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """All attributes of a node or edge as Neo4j properties (see the module docstring)."""
    skipped = set(skip)
    props: dict[str, Any] = {}
    for name, value in attrs.items():
        name = str(name)
        if name in skipped:
            continue
        props[name] = to_property(value)
        if _is_list_of_maps(value):
            for key, array in _spread(name, list(value)).items():
                if key not in attrs:
                    props[key] = array
    return props
