"""The shortcuts of the per-article look-ups give what the plain definitions give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.extract.lexicon import Lexicon
from unionkg.ingest.normalize import _SHORT, _table, to_match_text

#: characters the normalisation table maps (traditional, full-width, quotes, the ideographic space)
#: and some it leaves, astral ones included
_CHARS = "廣州市總工會區縣鄉鎮「」『』“”‘’（）：，；！？ＡＢ１２　乾元覆蓋面著名职工会的一函两书𠀋𡃁ab12 "


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=3 * _SHORT))
def test_match_text_is_the_table(text: str) -> None:
    """Short (one pass), long (scans) and astral texts: all as the table says, character by character."""
    to_match_text.cache_clear()
    assert to_match_text(text) == text.translate(_table())


def _plain_boundary_before(lex: Lexicon, m: str, i: int, skip: frozenset[str], min_len: int) -> str | None:
    for n in sorted({len(w) for w in lex.boundary_set}, reverse=True):
        if n >= min_len and n <= i and m[i - n:i] in lex.boundary_set and m[i - n:i] not in skip:
            return m[i - n:i]
    return None


@pytest.mark.parametrize("min_len", [1, 2])
def test_boundary_before_at_every_position(min_len: int) -> None:
    lex = Lexicon.load()
    words = sorted(lex.boundary_set)
    text = "在" + "，".join(words) + "市总工会召开会议并指出"
    skip = frozenset(words[::5])
    hits = 0
    for i in range(-1, len(text) + 2):
        for sk in (frozenset(), skip):
            got = lex.boundary_before(text, i, sk, min_len)
            assert got == _plain_boundary_before(lex, text, i, sk, min_len), (i, sk == skip)
            hits += got is not None
    assert hits > len(words)
