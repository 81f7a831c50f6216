"""The text an extractor works on: original cleaned text, its normalised copy, its sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..ingest.normalize import to_match_text

#: One sentence (group 1: from its first non-space character through its first end mark, a newline
#: excluded) with the run of end marks after it, or a run of end marks with only spaces before it
#: (group 1 unset).
_SENTENCE = re.compile(r"(?>[^\S\n]*)(?:([^。!?！？;；\n]+[。!?！？;；]?|[。!?！？;；])[。!?！？;；\n]*|[。!?！？;；\n]+)")
_CLAUSE_END = re.compile(r"[,，;；。!?！？\n]")


@dataclass
class Doc:
    """``text``: the article's cleaned text; ``match``: the same, normalised char by char."""

    text: str
    match: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.match:
            self.match = to_match_text(self.text)
        self.sentences = [m.span(1) for m in _SENTENCE.finditer(self.text) if m.start(1) >= 0]
        self._starts = [a for a, _ in self.sentences]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence span containing ``pos`` (or the nearest one before it)."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return self.sentences[0] if self.sentences else (0, len(self.text))
        return self.sentences[i]

    def clause_start(self, pos: int, floor: int = 0) -> int:
        """Start of the clause that ends at ``pos`` (after the last , or ; before it), not before ``floor``."""
        return max(floor, *(self.match.rfind(c, floor, pos) + 1 for c in ",，;；"))

    def clause_end(self, pos: int) -> int:
        """End of the clause (up to , ; 。) that contains ``pos``."""
        m = _CLAUSE_END.search(self.match, pos)
        return m.start() if m else len(self.text)
