"""Word lists the rules use, read from the package data files (never written in code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import read_rows, read_words


def alternation(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``words`` that tries the longest word first, as a trie.

    ``副主席|副书记|主席`` is written ``副(?:主席|书记)|主席``: the regex engine looks at a word's
    first character once instead of once per word (an alternation of hundreds of titles was tried
    branch by branch at every position of every article). The words that can match at one position
    are prefixes of one another, and the trie tries them longest first, as the flat alternation
    sorted longest first does: the same matches, also under backtracking.
    """
    trie: dict[str, dict] = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    """The regex of one trie node: its branches longest first, the word ending here (``""``) last."""
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        rest = _trie_regex(child)
        branches.append((-_depth(child), re.escape(ch) + (f"(?:{rest})" if "|" in rest else rest)))
    branches.sort(key=lambda b: b[0])  # deeper first: a longer word before its prefix's siblings
    alts = [b for _d, b in branches]
    if "" in node:
        if not alts:
            return ""
        if len(alts) == 1:
            return f"(?:{alts[0]})?" if len(alts[0]) > 1 else alts[0] + "?"
        return f"(?:{'|'.join(alts)})?"
    return "|".join(alts)


def _depth(node: dict[str, dict]) -> int:
    """The length of the longest word below ``node``."""
    return max((1 + _depth(c) for k, c in node.items() if k), default=0)


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    titles: tuple[str, ...]
    title_prefixes: tuple[str, ...]
    honours: dict[str, str]
    org_suffixes: dict[str, tuple[str, str]]  # suffix -> (label, kind)
    suffix_canon: dict[str, str]  # ending -> the ending the body is named with (妇联 -> 妇女联合会)
    short_endings: dict[str, str]  # ending -> the ending a short form is shown with (区政府 -> 兴山区人民政府)
    union_industries: tuple[str, ...]
    company_suffixes: dict[str, str]
    short_company_endings: frozenset[str]  # endings of short names: only where the name ends
    place_company_endings: frozenset[str]  # endings of names that begin with their place (泉州市工人文化宫)
    campaign_suffixes: tuple[str, ...]
    campaigns: tuple[str, ...]
    law_suffixes: tuple[str, ...]
    event_nouns: dict[str, str]
    not_campaigns: tuple[str, ...]
    boundary_set: frozenset[str] = frozenset()
    boundary_lens: tuple[int, ...] = ()
    #: the last characters of the boundary words: most positions are rejected on one look-up
    boundary_ends: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "boundary_ends", frozenset(w[-1] for w in self.boundary_set if w))

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> Lexicon:
        surnames = read_words("surnames.txt")
        return Lexicon(
            surnames=frozenset(s for s in surnames if len(s) == 1),
            compound_surnames=frozenset(s for s in surnames if len(s) == 2),
            titles=read_words("titles.txt"),
            title_prefixes=read_words("title_prefixes.txt"),
            honours={r[0]: (r[1] if len(r) > 1 else "") for r in read_rows("honours.txt")},
            org_suffixes={r[0]: (r[1], r[2] if len(r) > 2 else "") for r in read_rows("org_suffixes.tsv")},
            suffix_canon={r[0]: r[3] for r in read_rows("org_suffixes.tsv") if len(r) > 3 and r[3]},
            short_endings={r[0]: r[4] for r in read_rows("org_suffixes.tsv") if len(r) > 4 and r[4]},
            union_industries=read_words("union_industries.txt"),
            company_suffixes={r[0]: (r[1] if len(r) > 1 else "company") for r in read_rows("company_suffixes.txt")},
            short_company_endings=frozenset(r[0] for r in read_rows("company_suffixes.txt") if len(r) > 2 and r[2] == "end"),
            place_company_endings=frozenset(r[0] for r in read_rows("company_suffixes.txt")
                                            if len(r) > 2 and r[2] == "place"),
            campaign_suffixes=read_words("campaign_suffixes.txt"),
            campaigns=read_words("campaigns.txt"),
            law_suffixes=read_words("law_suffixes.txt"),
            event_nouns={r[0]: r[1] for r in read_rows("event_nouns.txt")},
            not_campaigns=read_words("not_campaigns.txt"),
            boundary_set=frozenset(read_words("boundary_words.txt")),
            boundary_lens=tuple(sorted({len(w) for w in read_words("boundary_words.txt")}, reverse=True)),
        )

    def boundary_before(self, m: str, i: int, skip: frozenset[str] = frozenset(), min_len: int = 1) -> str | None:
        """The boundary word that ends at ``m[i]`` (longest first), if any."""
        if i < 1 or (i <= len(m) and m[i - 1] not in self.boundary_ends):
            return None
        for n in self.boundary_lens:
            if n >= min_len and i >= n:
                w = m[i - n:i]
                if w in self.boundary_set and w not in skip:
                    return w
        return None

    def surname_len(self, s: str) -> int:
        """Length of the surname ``s`` starts with (2 for compound surnames), 0 if none."""
        if s[:2] in self.compound_surnames:
            return 2
        if s[:1] in self.surnames:
            return 1
        return 0
