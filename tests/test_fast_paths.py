"""The extractor's fast paths for regexes find what the plain forms find: each is checked against
the pattern it stands for, on texts drawn from the characters those patterns use."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.extract import people
from unionkg.scanning import first_chars

#: the characters the patterns below read, punctuation and a few others
ALPHABET = "。;；,，\n:：会上随后由同志代表作做主持出席致辞贺词了报告讲话发言宣读领学当选为担任增补甲乙丙丁、等 a1"


def test_first_chars() -> None:
    assert first_chars(r"(?:同志)?(?:主持|出席)") == frozenset("同主出")
    assert first_chars("[甲乙]丙") == frozenset("甲乙")
    assert first_chars(r"(?<=同志)任|当选") == frozenset("任当")  # a lookbehind reads before the match
    assert first_chars("a?") is None  # can match nothing
    assert first_chars(r"[\u4e00-\u9fff]{2}") is None and first_chars(r"\d月") is None  # a range, a category
    assert first_chars("[^甲]会") is None and first_chars(".会") is None  # any character
    assert first_chars("甲", re.IGNORECASE) is None


def test_clause_opens_at_the_start() -> None:
    assert [x.end() for x in people._CLAUSE_OPEN.finditer("由甲主持,乙")] == [0, 1, 5]  # empty, then 由 at 0
    assert list(people._clause_opens("由甲主持,乙")) == [0, 1, 5]
    assert list(people._clause_opens("")) == [0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_clause_opens_as_the_pattern(text: str) -> None:
    assert list(people._clause_opens(text)) == [x.end() for x in people._CLAUSE_OPEN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_role_next_starts_with_its_first_chars(text: str) -> None:
    first = people._ROLE_NEXT_FIRST
    assert first is not None
    for pos in range(len(text) + 1):
        if people._ROLE_NEXT.match(text, pos):
            assert text[pos] in first


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_elected_verb_as_written(text: str) -> None:
    plain = re.compile(people._ELECTED_VERBS).search(text)
    fast = people._ELECTED_VERB.search(text)
    assert (plain and plain.span()) == (fast and fast.span())
