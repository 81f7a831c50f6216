"""The segmenter: jieba's segmentation with the project's user dictionary, on the fastest engine installed.

Two engines give the same words. ``rjieba`` (jieba's algorithm in Rust; optional: ``pip install
'unionkg[fast]'``) is used when it is installed, else ``jieba`` itself, which stays the reference.
Where the two differ, the Rust engine is brought to jieba's output at the seam (see ``_RJieba``);
tests/test_segmenter.py compares their token lists on the project's test texts.

Never the global jieba tokenizer (``jieba.lcut``), whose dictionary other code may change: each
``Segmenter`` owns its engine. The user dictionary is built from the data files: titles, honours,
union-body endings, campaign names and division names (``user_words``).

Word frequencies and the person-name tag come from jieba's own dictionary file (``dict.txt``),
whichever engine segments.
"""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from typing import Protocol

import jieba

from ..resources import division_rows, read_words

#: engines a ``Segmenter`` may be asked for; ``auto`` is ``rjieba`` where it is installed, else ``jieba``
ENGINES = ("auto", "rjieba", "jieba")

#: a line of jieba's dictionary tagged as a person's name: ``陈国强 136 nr`` (searched from the newline
#: before it, which the regex engine finds fast)
_NR_LINE = re.compile(r"\n(\S+) [0-9]+ nr(?:fg)?(?=\n|\Z)")  # nrfg: jieba tags some names so (李强)

# jieba's own patterns (jieba/__init__.py, jieba/finalseg): the blocks it segments, the spaces between
# them (any other character there is a word of its own), and how its HMM step splits a run of non-Han
# characters. The Rust engine's are wider (more Han ranges, dates and URLs kept whole).
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")
_SPACE = re.compile(r"(\r\n|\s)")
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_HAN = re.compile("[\u4e00-\u9fd5]")
_ALL_HAN = re.compile("[\u4e00-\u9fd5]+")

#: a word that no block can contain (a control character): it carries the Rust engine's total up to jieba's
_TOTAL_PAD = "\x00"


def user_words() -> list[tuple[str, int]]:
    """The project's user dictionary as (word, frequency), in the order it is added to an engine."""
    out = [(w, 2000) for name in ("titles.txt", "honours.txt", "campaigns.txt") for w in read_words(name)]
    out += [(w, 5000) for w in ("总工会", "工会联合会", "工联会", "人大常委会", "通讯员", "全媒体记者")]
    out += [(name, 1000) for _code, name, _short, level, *_ in division_rows() if level != "town"]
    return out


def jieba_dictionary_text() -> str:
    """jieba's main dictionary file (``word freq tag`` lines)."""
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        return fh.read()


class _Engine(Protocol):
    name: str

    def cut(self, text: str, hmm: bool) -> tuple[str, ...]: ...

    def freq(self, word: str) -> int: ...

    def person_names(self) -> frozenset[str]: ...


class _Jieba:
    """The reference: a ``jieba.Tokenizer`` of our own."""

    name = "jieba"

    def __init__(self, words: list[tuple[str, int]]) -> None:
        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        for w, f in words:
            tok.add_word(w, freq=f)
        self._tok = tok

    def cut(self, text: str, hmm: bool) -> tuple[str, ...]:
        return tuple(self._tok.cut(text, HMM=hmm))

    def freq(self, word: str) -> int:
        return int(self._tok.FREQ.get(word, 0))

    def person_names(self) -> frozenset[str]:
        return frozenset(_NR_LINE.findall("\n" + jieba_dictionary_text()))


class _RJieba:
    """``rjieba.Jieba`` (the same dictionary and HMM as jieba's, in Rust), brought to jieba's output:

    - the total frequency: jieba adds a user word's frequency to its total even when the word was
      in the dictionary already, rjieba only the difference; a padding word makes up the gap (the
      total weighs every path, so it decides close cuts: 河下 or 河|下);
    - blocks: jieba segments runs of Han, ASCII letters, digits and ``+#&._%-`` and emits every
      other character alone; rjieba's runs are wider, so the text is split here with jieba's patterns
      and only jieba's blocks go to rjieba;
    - non-Han runs in HMM mode: jieba splits them with its own pattern (``2024``, ``-``, ``01``;
      ``www``, ``.``, ``sina``), rjieba keeps dates and URLs whole; those runs are joined and split
      again here as jieba does.
    """

    name = "rjieba"

    def __init__(self, words: list[tuple[str, int]]) -> None:
        import rjieba

        self._freq: dict[str, int] = {}
        names: list[str] = []
        text = jieba_dictionary_text()
        start = 0
        while start < len(text):  # in slices of lines: never a list of all its million fields at once
            end = text.find("\n", start + (1 << 18))
            end = len(text) if end < 0 else end + 1
            fields = text[start:end].split()
            heads = fields[0::3]
            self._freq.update(zip(heads, map(int, fields[1::3]), strict=True))
            names += (w for w, tag in zip(heads, fields[2::3], strict=True) if tag in ("nr", "nrfg"))
            start = end
        self._names = frozenset(names)
        self._rj = rjieba.Jieba()
        pad = 0
        for w, f in words:
            pad += self._freq.get(w, 0)
            self._freq[w] = f
            self._rj.add_word(w, f, None)
        if pad:
            self._rj.add_word(_TOTAL_PAD, pad, None)

    def cut(self, text: str, hmm: bool) -> tuple[str, ...]:
        out: list[str] = []
        for i, blk in enumerate(_BLOCK.split(text)):
            if not blk:
                continue
            if i % 2:  # a block (split's odd pieces are the pattern's matches)
                words = self._rj.cut(blk, hmm)
                out += self._jieba_runs(words) if hmm and not _ALL_HAN.fullmatch(blk) else words
            else:
                for x in _SPACE.split(blk):
                    if _SPACE.match(x):
                        out.append(x)
                    else:
                        out += x
        return tuple(out)

    def _jieba_runs(self, words: list[str]) -> list[str]:
        """Join each run of non-Han words that are not dictionary words and split it as jieba's HMM step."""
        out: list[str] = []
        run: list[str] = []
        for w in words:
            if not _HAN.search(w) and (len(w) == 1 or not self._freq.get(w)):
                run.append(w)
                continue
            if run:
                out += (x for x in _HMM_SKIP.split("".join(run)) if x)
                run = []
            out.append(w)
        if run:
            out += (x for x in _HMM_SKIP.split("".join(run)) if x)
        return out

    def freq(self, word: str) -> int:
        return self._freq.get(word, 0)

    def person_names(self) -> frozenset[str]:
        return self._names


class Segmenter:
    """Owns one engine (``engine``: one of ``ENGINES``); initialised lazily on first use (under a
    second).

    The short windows the rules ask about (a name's first word, a company name's end) recur
    across articles: their cuts are memoised per instance, ``memo`` windows of each kind.
    """

    def __init__(self, memo: int = 1 << 15, engine: str = "auto") -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown segmenter engine {engine!r}: use one of {', '.join(ENGINES)}")
        self._asked = engine
        self._engine: _Engine | None = None
        self._words = lru_cache(maxsize=memo)(self._cut_words)
        self._names: frozenset[str] | None = None
        self._user: frozenset[str] | None = None

    @property
    def engine(self) -> str:
        """The engine that segments (``rjieba`` or ``jieba``); loads it."""
        return self._get().name

    def _get(self) -> _Engine:
        if self._engine is None:
            words = user_words()
            if self._asked == "jieba":
                self._engine = _Jieba(words)
            elif self._asked == "rjieba":
                self._engine = _RJieba(words)  # ImportError names rjieba when it is missing
            else:
                try:
                    self._engine = _RJieba(words)
                except ImportError:
                    self._engine = _Jieba(words)
            self._names = self._engine.person_names()  # with the engine: workers forked after a warm-up share it
        return self._engine

    def is_user_word(self, word: str) -> bool:
        """Is ``word`` one the project's data added (a title, a campaign, a division name)?"""
        return word in self.user_words

    @property
    def user_words(self) -> frozenset[str]:
        if self._user is None:
            words = {w for name in ("titles.txt", "honours.txt", "campaigns.txt") for w in read_words(name)}
            words |= {"总工会", "工会联合会", "工联会", "人大常委会", "通讯员", "全媒体记者"}
            words |= {name for _code, name, _short, level, *_ in division_rows() if level != "town"}
            self._user = frozenset(words)
        return self._user

    def word_freq(self, word: str) -> int:
        """Frequency of ``word`` in jieba's main dictionary, or the user dictionary's (0 if absent)."""
        return (self._engine or self._get()).freq(word)

    def is_person_name(self, word: str) -> bool:
        """Does jieba's own dictionary tag ``word`` as a person's name (``nr``: 陈国强, frequent as it
        is, is a name; 权益 is not)?"""
        if self._names is None:
            self._get()
        return word in (self._names or ())

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
        return self._get().cut(text, hmm)
