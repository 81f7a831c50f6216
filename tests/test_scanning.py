"""``scanning.scanner``: a lookahead of a pattern's first characters where the regex engine has
none, and the same matches as the pattern compiled as written."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.ingest.dates import DATE_RE, ISO_RE
from unionkg.scanning import first_class, scanner

#: patterns of the forms the extractor scans with: optional words first, a trie after an optional
#: prefix, a class repeated, a lookbehind, digits, a choice that opens with a class
PATTERNS = [
    r"(?:该|本)?((?:园区|楼宇)?(?:工会联合会|工联会)|公司)",
    r"(?:常务|专职)?(?:副(?:主席|书记)|主席|书记)(?:候选人)?",
    r"(?<!团)(省|市|区)(纪委|党委|委)",
    r"团(省|市)委|(?<![\u4e00-\u9fff])(省|市)团委",
    r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日",
    r"[ \t\u3000|]+|(?<=[\u4e00-\u9fff])[(（](?=[a-z]*[āá])[a-zāá]{1,7}[)）]",
    r"^\s*[■▲]|(供图|/\s*摄)\s*$",
]
ALPHABET = "该本园区楼宇工会联合公司常务专职副主席书记候选人团省市纪委党年月日供图摄 \t\u3000|(（)）/■▲ab āá0123456789\n"


def test_a_lookahead_only_where_the_engine_has_none() -> None:
    assert scanner(r"(?:该|本)?(?:工会|工联会)").pattern == "(?=[该本工])(?:(?:该|本)?(?:工会|工联会))"
    assert first_class(r"(?:(\d{4})年)?(\d{1,2})月") == r"[\d]"
    assert first_class("工会|总工会") is None  # a choice of literals: the engine skips itself
    assert first_class("[甲乙]丙") is None  # a class first: likewise
    assert first_class("a?") is None  # can match nothing: at every position
    assert first_class(".工会") is None and first_class("[^甲]会") is None  # any character first
    assert first_class("(?:工|会)?工", re.IGNORECASE) is None
    assert DATE_RE.pattern.startswith("(?=") and ISO_RE.pattern.startswith("(?=")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(PATTERNS))
def test_same_matches_as_written(text: str, pattern: str) -> None:
    plain, fast = re.compile(pattern), scanner(pattern)
    assert fast.pattern != pattern
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
    for pos in range(0, len(text) + 1, 7):
        a, b = fast.search(text, pos), plain.search(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
