"""The segmenter: a ``jieba.Tokenizer`` of our own, fed by the project's user dictionary.

Never the global jieba tokenizer (``jieba.lcut``), whose dictionary other code may change.
The user dictionary is built from the data files: titles, honours, union-body endings,
campaign names and division names.
"""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache

import jieba

from ..resources import division_rows, read_words

#: a line of jieba's dictionary tagged as a person's name: ``陈国强 136 nr`` (searched from the newline
#: before it, which the regex engine finds fast)
_NR_LINE = re.compile(r"\n(\S+) [0-9]+ nr(?=\n|\Z)")


class Segmenter:
    """Owns one ``jieba.Tokenizer``; initialised lazily on first use (about a second).

    The short windows the rules ask about (a name's first word, a company name's end) recur
    across articles: their cuts are memoised per instance, ``memo`` windows of each kind.
    """

    def __init__(self, memo: int = 1 << 15) -> None:
        self._tok: jieba.Tokenizer | None = None
        self._words = lru_cache(maxsize=memo)(self._cut_words)
        self._names: frozenset[str] | None = None

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        if self._tok is None:
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            for name in ("titles.txt", "honours.txt", "campaigns.txt"):
                for w in read_words(name):
                    tok.add_word(w, freq=2000)
            for w in ("总工会", "工会联合会", "工联会", "人大常委会", "通讯员", "全媒体记者"):
                tok.add_word(w, freq=5000)
            for _code, name, _short, level, *_ in division_rows():
                if level != "town":
                    tok.add_word(name, freq=1000)
            self._tok = tok
        return self._tok

    def word_freq(self, word: str) -> int:
        """Frequency of ``word`` in jieba's main dictionary (0 if absent)."""
        return int(self.tokenizer.FREQ.get(word, 0))

    def is_person_name(self, word: str) -> bool:
        """Does jieba's own dictionary tag ``word`` as a person's name (``nr``: 陈国强, frequent as it
        is, is a name; 权益 is not)?"""
        if self._names is None:
            path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
            with open(path, encoding="utf-8") as fh:
                self._names = frozenset(_NR_LINE.findall("\n" + fh.read()))
        return word in self._names

    def is_boundary(self, text: str, pos: int) -> bool:
        """Does the segmenter put a word boundary at ``pos`` of ``text``?"""
        at = 0
        for w in self._words(text, False):
            at += len(w)
            if at >= pos:
                return at == pos
        return True

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` (HMM on, so unseen names come out whole)."""
        return list(self._words(text, True))

    def _cut_words(self, text: str, hmm: bool) -> tuple[str, ...]:
        return tuple(self.tokenizer.cut(text, HMM=hmm))
