"""Ingest's fast forms (patterns written to start with a class, ``str`` methods in place of a
pattern) find the same as the plain forms they stand for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.ingest.bylines import TRAILING_RE
from unionkg.ingest.clean import _GAP, _GAP_RE, _TONED
from unionkg.ingest.split import _CREDIT_LINE_RE, Para, _credit_lines, _is_caption, _trailing_byline

#: pieces of credit lines, and what stands around them
CREDIT_TOKENS = ["\n", "。", "□", " ", "记者", "文", "图文", "文字", "通讯员", ":", "|", "/", "／", "甲乙", "丙丁戊",
                 "经济日报", "图片", "摄影", "编辑", "、", "台中即时报导", "x", "\u3000"]
#: the characters the patterns look at, and others around them
ALPHABET = ("工会记者甲乙" + _GAP + "()（）\n/　a1_" + _TONED[:4] + "jnüg\u2028\x85")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_gap_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    plain = re.compile(rf"[{_GAP}]+|(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
    assert [m.span() for m in _GAP_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + " \t\r\f\v\u3000\u00a0\u200b", max_size=40))
def test_stripped_paragraph_has_no_white_space_nor_bar(text: str) -> None:
    assert Para(text, 0).stripped == re.sub(r"[\s\u3000|]+", "", text)


def test_a_gap_and_a_toned_syllable_are_found_after_a_character() -> None:
    assert [m.group() for m in _GAP_RE.finditer("表態(tài)講 话 a (b) x(tài)")] == ["(tài)", " ", " ", " ", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_TOKENS), max_size=20).map("".join))
def test_credit_lines_are_those_of_the_pattern_opening_with_a_line_start(text: str) -> None:
    plain = re.compile("(?:^|\\n|。)" + _CREDIT_LINE_RE.pattern.removeprefix("[\\n。]"))
    assert _credit_lines(text) == [m.span(1) for m in plain.finditer(text)]
    assert _credit_lines("图文 | 丙某\n□记者 丁某") == [(0, 7), (9, 14)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\u3000", "■", "文", "图", "/", "摄", "摄影", ":", "单位供图", "资料图片", "供图", "甲乙"]),
                max_size=12).map("".join))
def test_a_caption_is_what_the_one_pattern_finds(text: str) -> None:
    plain = re.compile(r"^\s*[■▲●◆□△]|(单位供图|资料图片?|供图|/\s*摄|摄影\s*[:：/]|图\s*/\s*\S+)\s*$|^\s*(文|图)\s*/")
    assert _is_caption(text) == bool(plain.search(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "\u3000", "(", ")", "（", "）", "罗琪", "、", "/", "a"]), max_size=12).map("".join))
def test_a_trailing_byline_is_what_its_pattern_finds(text: str) -> None:
    found, plain = _trailing_byline(text), TRAILING_RE.search(text)
    assert (found and found.span()) == (plain and plain.span())
