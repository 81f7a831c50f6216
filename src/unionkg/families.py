"""Campaign families: one policy that bodies at every level carry under names of their own
(``data/campaign_families.tsv``), a name's *core* (its comparison key without its year, its leading
place and the generic affixes of ``data/campaign_affixes.tsv``) and the documents that carry a
campaign. Read by extraction (a document of a campaign carries it), by the resolution of campaign
variants across articles (``resolve/campaigns.py``) and by the analyses.

>>> fam = Families.load()
>>> fam.core("2024年集体协商“春季要约行动”")
'要约'
>>> fam.family_of("集中要约季").canonical
'集体协商要约行动'
>>> fam.family_of("情系职工·夏送清凉").canonical
'夏送清凉'
>>> fam.family_of("双要约") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .ingest.normalize import campaign_key
from .resources import read_rows

__all__ = ["Family", "Families", "slogan_key", "slogan_halves", "MIN_SHARED_CORE"]


_SEPARATORS = re.compile(r"[、,，·•・;；/]+")
#: what divides a slogan into halves as written (a space too: “冬日送温暖 情暖职工心”)
_HALVES = re.compile(r"[、,，·•・;；/\s]+")
#: what joins a theme to the programme it names: "协商共赢新征程·和谐同行新时代"为主题的集中要约专项活动
_THEME_OF = re.compile(r"为主题的?|主题的")
_MIN_CORE = 2  # affixes come off only while this much is left
MIN_SHARED_CORE = 3  # cores this long or longer join names outside any family


def slogan_key(name: str) -> str:
    """``campaign_key`` without slogan separators (、 , · …): dotted, comma and spaced slogans
    compare equal.

    >>> slogan_key("尊法守法,携手筑梦") == slogan_key("“尊法守法·携手筑梦”") == slogan_key("尊法守法 携手筑梦")
    True
    """
    return _SEPARATORS.sub("", campaign_key(name))


def slogan_halves(name: str) -> list[str]:
    """The keys of a slogan's parts as written (``情系职工·夏送清凉`` → 情系职工, 夏送清凉); [] for one part."""
    parts = [campaign_key(p) for p in _HALVES.split(name.strip()) if p]
    return [p for p in parts if len(p) >= 2] if len(parts) > 1 else []


@dataclass(frozen=True)
class Family:
    """A policy and the cores its local names share."""

    canonical: str
    cores: re.Pattern[str]
    recurs: str  # "annual" or "once"
    documents: re.Pattern[str] | None = None  # titles of documents that carry it (its parts named)

    @property
    def annual(self) -> bool:
        return self.recurs == "annual"


@dataclass(frozen=True)
class Families:
    """The families and affixes of the data files, and a place-prefix test (optional)."""

    families: tuple[Family, ...]
    prefixes: re.Pattern[str]
    suffixes: re.Pattern[str]
    place_prefix: Callable[[str], int] | None = None

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> Families:
        fams = tuple(Family(r[0], re.compile(f"(?:{r[1]})"), (r[2] if len(r) > 2 else "once").strip(),
                            re.compile(r[3]) if len(r) > 3 and r[3].strip() else None)
                     for r in read_rows("campaign_families.tsv") if len(r) >= 2)
        pre = [r[1] for r in read_rows("campaign_affixes.tsv") if len(r) >= 2 and r[0] == "prefix"]
        suf = [r[1] for r in read_rows("campaign_affixes.tsv") if len(r) >= 2 and r[0] == "suffix"]
        return Families(fams, re.compile(f"^(?:{'|'.join(pre)})"), re.compile(f"(?:{'|'.join(suf)})$"),
                        _leading_place)

    def carries(self, campaign_names: Iterable[str], family: Family | None, title: str) -> bool:
        """Does the document ``title`` carry the campaign: it names it (a name of four characters
        or more), or a part the family's documents column names?"""
        k = slogan_key(title)
        if any(len(n) >= 4 and n in k for n in (slogan_key(x) for x in campaign_names)):
            return True
        return bool(family and family.documents and family.documents.search(k))

    def by_name(self, canonical: str) -> Family | None:
        return next((f for f in self.families if f.canonical == canonical), None)

    def strip(self, key: str, places: bool = True) -> tuple[str, tuple[str, ...]]:
        """``key`` without its generic affixes and (``places``) its leading place, and what came off
        (in order)."""
        taken: list[str] = []
        changed = True
        while changed:
            changed = False
            n = self.place_prefix(key) if self.place_prefix and places else 0
            if n and len(key) - n >= _MIN_CORE + 1:
                taken.append(key[:n])
                key, changed = key[n:], True
            m = self.prefixes.match(key)
            if m and m.end() and len(key) - m.end() >= _MIN_CORE:
                taken.append(m.group(0))
                key, changed = key[m.end():], True
            m = self.suffixes.search(key)
            if m and m.end() > m.start() and m.start() >= _MIN_CORE:
                taken.append("…" + m.group(0))
                key, changed = key[:m.start()], True
        return key, tuple(taken)

    def core(self, name: str) -> str:
        return self.strip(slogan_key(name))[0]

    def family_of(self, name: str) -> Family | None:
        """The family ``name`` belongs to (by its core, a half of its slogan, or the programme a
        theme names), or None."""
        return self.explain_family(name)[0]

    def explain_family(self, name: str) -> tuple[Family | None, str]:
        """The family of ``name`` and why, in words."""
        key = slogan_key(name)
        tries: list[tuple[str, str]] = [(key, "")]
        tries += [(half, f"the slogan's half {half}, ") for half in slogan_halves(name)]
        theme = _THEME_OF.search(key)
        if theme:
            tail = key[theme.end():]
            tries.append((tail, f"the programme {tail} the theme names, "))
        for text, how in tries:
            core, taken = self.strip(text)
            for fam in self.families:
                if fam.cores.fullmatch(core):
                    shown = sorted(taken, key=lambda t: t.startswith("…"))  # prefixes, then suffixes
                    off = f" ({' '.join(shown)} set aside)" if taken else ""
                    return fam, f"{how}core {core}{off} is a core of {fam.canonical}"
        return None, ""


def _leading_place(key: str) -> int:
    """``_place_prefix()(key)``: the division table is read on the first name stripped, not when
    the families load (a trace only looks families up: it need not read the table)."""
    return _place_prefix()(key)


@lru_cache(maxsize=1)
def _place_prefix() -> Callable[[str], int]:
    """Length of the province or city name (full or short: 福建省, 山东, 厦门) a name opens with."""
    from .resources import division_rows

    names: set[str] = set()  # the table's rows, not the extractor's index of it: a trace need not build that
    for _code, name, short, level, *_ in division_rows():
        if level in ("province", "city"):
            names.add(name)
            if short and len(short) >= 2:
                names.add(short)
    lens = sorted({len(n) for n in names}, reverse=True)

    def place_prefix(key: str) -> int:
        return next((n for n in lens if key[:n] in names), 0)

    return place_prefix
