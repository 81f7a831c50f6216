"""Word lists and phrases of the synthetic corpus (``data/synth_lexicon.tsv``, ``data/synth_phrases.tsv``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_rows


@dataclass(frozen=True)
class Phrase:
    text: str
    opt: tuple[str, ...]


@dataclass(frozen=True)
class Named:
    """A real-world name the genre uses (a spirit, a slogan), its accepted variants and gold status."""

    name: str
    aka: tuple[str, ...]
    opt: bool


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, tuple[str, ...]]
    spirits: tuple[Named, ...]
    slogans: tuple[Named, ...]
    phrases: dict[str, tuple[Phrase, ...]]

    def __getitem__(self, kind: str) -> tuple[str, ...]:
        return self.words[kind]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x for x in cell.split(",") if x)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The generator's vocabulary, read once per process."""
    words: dict[str, list[str]] = defaultdict(list)
    spirits, slogans = [], []
    for row in read_rows("synth_lexicon.tsv"):
        row += [""] * (4 - len(row))
        kind, value, extra, extra2 = row[:4]
        if kind == "spirit":
            spirits.append(Named(value, _split(extra), extra2 == "opt"))
        elif kind == "slogan":
            slogans.append(Named(value, _split(extra), False))
        else:
            words[kind].append(value)
    phrases: dict[str, list[Phrase]] = defaultdict(list)
    for row in read_rows("synth_phrases.tsv"):
        row += [""] * (3 - len(row))
        phrases[row[0]].append(Phrase(row[1], _split(row[2])))
    return Lexicon(
        words={k: tuple(v) for k, v in words.items()},
        spirits=tuple(spirits),
        slogans=tuple(slogans),
        phrases={k: tuple(v) for k, v in phrases.items()},
    )
