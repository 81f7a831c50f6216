"""Attribute values → Neo4j property values (no server needed)."""

from __future__ import annotations

import json

import networkx as nx
import props_reference
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.errors import BuildError
from unionkg.sinks.neo4j import merge_nodes_query, merge_relationships_query
from unionkg.sinks.neo4j_props import to_properties, to_property
from unionkg.sinks.neo4j_rows import GraphRows
from unionkg.types import Label, RelType


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("佛山市总工会", "佛山市总工会"),
        (3, 3),
        (0.5, 0.5),
        (True, True),
        (["a", "b"], ["a", "b"]),
        (("a",), ["a"]),
        ([], []),
        ([1, 2.5], [1.0, 2.5]),
        ({"b", "a"}, ["a", "b"]),
        ([1, "a"], '[1,"a"]'),
        (["a", None], '["a",null]'),
        ({"k": "值"}, '{"k":"值"}'),
        (2**70, str(2**70)),
    ],
)
def test_to_property(value: object, expected: object) -> None:
    assert to_property(value) == expected


def test_list_of_maps_is_json_and_parallel_arrays() -> None:
    evidence = [
        {"article": "a1", "sentence": "第一句。", "start": 0, "end": 4, "rule": "r.v1", "confidence": 0.9},
        {"article": "a2", "sentence": "第二句。", "start": 5, "end": 9, "rule": "r.v2", "confidence": 1, "x": None},
    ]
    props = to_properties({"evidence": evidence, "type": "IMPLEMENTS"}, skip=("type",))
    assert "type" not in props
    assert json.loads(props["evidence"])[1]["sentence"] == "第二句。"
    assert props["evidence_sentence"] == ["第一句。", "第二句。"]
    assert props["evidence_article"] == ["a1", "a2"]
    assert props["evidence_confidence"] == [0.9, 1.0]
    assert "evidence_x" not in props  # a key with a null value cannot be an array


def test_rows_reject_labels_and_types_outside_the_ontology() -> None:
    G = nx.MultiDiGraph()
    G.add_node("Foo:x", label="Foo", name="x")
    with pytest.raises(BuildError, match="label 'Foo'"):
        GraphRows(G)
    G = nx.MultiDiGraph()
    G.add_node("Person:a", label="Person", name="a")
    G.add_node("Person:b", label="Person", name="b")
    G.add_edge("Person:a", "Person:b", key="k", type="KNOWS`]->() DETACH DELETE n //")
    with pytest.raises(BuildError, match="not one of the ontology's types"):
        GraphRows(G)


def test_cypher_builders_take_labels_only_from_the_enums() -> None:
    assert merge_nodes_query(Label.UNION_BODY) == (
        "UNWIND $rows AS row MERGE (n:`UnionBody` {id: row.id}) SET n += row.props"
    )
    assert "[r:`IMPLEMENTS` {key: row.key}]" in merge_relationships_query(
        RelType.IMPLEMENTS, Label.UNION_BODY, Label.CAMPAIGN
    )
    with pytest.raises(ValueError):
        merge_nodes_query("Person` {id: 1}) DETACH DELETE n //")  # type: ignore[arg-type]


class _FlakyDriver:
    """Stands in for neo4j.Driver: the first FAILS transactions raise ERROR, then writes succeed."""

    def __init__(self, fails: int, error: Exception) -> None:
        self.fails, self.error, self.runs = fails, error, 0

    def session(self, database: str | None = None) -> _FlakyDriver:
        return self

    def begin_transaction(self) -> _FlakyDriver:
        return self

    def __enter__(self) -> _FlakyDriver:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, query: str, rows: list[dict[str, object]]) -> _FlakyDriver:
        self.runs += 1
        if self.fails:
            self.fails -= 1
            raise self.error
        return self

    def consume(self) -> _FlakyDriver:
        return self

    def single(self) -> None:
        return None

    @property
    def counters(self) -> object:
        from types import SimpleNamespace

        return SimpleNamespace(nodes_created=2, relationships_created=0, properties_set=4)

    def commit(self) -> None:
        return None


def test_transient_errors_are_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    from neo4j.exceptions import AuthError, TransientError

    from unionkg.sinks import neo4j as sink

    monkeypatch.setattr(sink.time, "sleep", lambda s: None)
    report = sink.LoadReport(uri="bolt://x", database=None)
    flaky = _FlakyDriver(2, TransientError("Neo.TransientError.Transaction.DeadlockDetected"))
    sink._write(flaky, None, "UNWIND $rows AS row RETURN row", [{}], report, retries=3)  # type: ignore[arg-type]
    assert (flaky.runs, report.retries, report.batches, report.nodes_created) == (3, 2, 1, 2)
    with pytest.raises(TransientError):
        sink._write(_FlakyDriver(5, TransientError("Neo.TransientError.General.X")), None, "q", [], report,  # type: ignore[arg-type]
                    retries=2)
    auth = _FlakyDriver(1, AuthError("no"))
    with pytest.raises(AuthError):
        sink._write(auth, None, "q", [], report, retries=3)  # type: ignore[arg-type]
    assert auth.runs == 1  # not retryable: no second try


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e-5, 1e-4, 0.0, -0.0, 1e16, 0.78]),
    st.text(max_size=8), st.sampled_from(["含;分号", "\ud800", "a\x00\n\"", "百千万工程"]),
)
flat_maps = st.lists(st.dictionaries(st.sampled_from(["article", "sentence", "start", "confidence", "rule"]),
                                     scalars, max_size=5), min_size=1, max_size=3)
values = st.one_of(
    scalars, st.lists(scalars, max_size=4), flat_maps, st.frozensets(st.integers(0, 9), max_size=3),
    st.lists(st.dictionaries(st.integers(0, 3), scalars, max_size=2), min_size=1, max_size=2),
    st.dictionaries(st.text(max_size=3), scalars, max_size=2),
)


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(st.sampled_from(["evidence", "aliases", "date", "confidence", "evidence_rule", "x"]),
                       values, max_size=4))
def test_fast_conversion_equals_the_reference(attrs: dict[str, object]) -> None:
    """The fast paths (exact types, flat evidence maps through orjson) give the reference's values."""
    fast, ref = to_properties(attrs, skip=("type",)), props_reference.to_properties(attrs, skip=("type",))
    assert json.dumps(fast, sort_keys=True, default=repr) == json.dumps(ref, sort_keys=True, default=repr)
