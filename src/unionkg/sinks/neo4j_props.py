"""Turn graph attributes into values Neo4j can store, shared by the Bolt loader and the CSV export.

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

import orjson

__all__ = ["to_json", "to_properties", "to_property"]

_INT64 = (-(2**63), 2**63 - 1)


def to_json(value: Any) -> str:
    """Compact, key-sorted JSON that keeps Chinese characters readable."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


_PLAIN: dict[type, type] = {bool: bool, int: int, float: float, str: str}  # exact types: the fast path


def _scalar_kind(value: Any) -> type | None:
    """The Neo4j scalar kind of VALUE (bool, int, float, str) or None when it has none."""
    kind = _PLAIN.get(type(value))
    if kind is int:
        return int if _INT64[0] <= value <= _INT64[1] else None
    if kind is not None:
        return kind
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
    types = {type(item) for item in items}
    if len(types) == 1:
        (only,) = types
        if only is str or only is float or only is bool:
            return items
        if only is int:
            return items if _INT64[0] <= min(items) and max(items) <= _INT64[1] else None
    elif not types:
        return items
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
    t = type(value)
    if t is str or t is float or t is bool:
        return value
    if t is list or t is tuple:
        items = list(value)
        array = _as_array(items)
        return array if array is not None else to_json(items)
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
        keys.update(item)
    if not all(type(k) is str for k in keys):
        keys = {str(k) for k in keys}
    arrays: dict[str, list[Any]] = {}
    for key in sorted(keys):
        array = _as_array([item.get(key) for item in items])
        if array is not None:
            arrays[f"{name}_{key}"] = array
    return arrays


def _is_list_of_maps(value: Any) -> bool:
    return (isinstance(value, (list, tuple)) and bool(value)
            and all(type(v) is dict or isinstance(v, Mapping) for v in value))


def _flat_maps(name: str, items: list[Any]) -> tuple[str, dict[str, list[Any]]] | None:
    """The JSON text and parallel arrays of a list of flat dicts (str keys, plain scalar values), else None.

    The fast path for ``evidence``: one pass over the values, and orjson, whose text equals
    ``to_json``'s for exactly these values (floats of magnitude 1e-4 to 1e16 or zero; NaN, infinities
    and other floats are written differently, and so take the general path).
    """
    columns: dict[str, list[Any]] = {}
    size = len(items)
    for i, item in enumerate(items):
        if type(item) is not dict:
            return None
        for key, value in item.items():
            t = type(value)
            if t is float:
                if value != 0.0 and not 1e-4 <= abs(value) < 1e16:
                    return None
            elif t is int:
                if not _INT64[0] <= value <= _INT64[1]:
                    return None
            elif not (t is str or t is bool or value is None) or type(key) is not str:
                return None
            column = columns.get(key)
            if column is None:
                column = columns[key] = [None] * size
            column[i] = value
    try:
        text = orjson.dumps(items, option=orjson.OPT_SORT_KEYS).decode()
    except orjson.JSONEncodeError:  # e.g. a lone surrogate, which json writes as it is
        return None
    if size == 1:  # one item (the usual evidence): every non-null value is a one-element array
        return text, {f"{name}_{key}": column for key, column in sorted(columns.items()) if column[0] is not None}
    arrays: dict[str, list[Any]] = {}
    for key in sorted(columns):
        array = _as_array(columns[key])
        if array is not None:
            arrays[f"{name}_{key}"] = array
    return text, arrays


def to_properties(attrs: Mapping[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """All attributes of a node or edge as Neo4j properties (see the module docstring)."""
    skipped = set(skip)
    props: dict[str, Any] = {}
    for name, value in attrs.items():
        name = str(name)
        if name in skipped:
            continue
        if type(value) is list and value and type(value[0]) is dict:
            fast = _flat_maps(name, value)
            if fast is not None:
                props[name] = fast[0]
                for key, array in fast[1].items():
                    if key not in attrs:
                        props[key] = array
                continue
        props[name] = to_property(value)
        if _is_list_of_maps(value):
            for key, array in _spread(name, list(value)).items():
                if key not in attrs:
                    props[key] = array
    return props
