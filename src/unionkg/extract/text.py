"""The text an extractor works on: original cleaned text, its normalised copy, its sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..ingest.normalize import to_match_text

_SENT_END = re.compile(r"[。!?！？;；\n]+")


@dataclass
class Doc:
    """``text``: the article's cleaned text; ``match``: the same, normalised char by char."""

    text: str
    match: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.match:
            self.match = to_match_text(self.text)
        spans = []
        pos = 0
        for m in _SENT_END.finditer(self.text):
            end = m.start() + (1 if self.text[m.start()] != "\n" else 0)
            if self.text[pos:end].strip():
                spans.append((pos, end))
            pos = m.end()
        if self.text[pos:].strip():
            spans.append((pos, len(self.text)))
        # trim leading white space of each sentence
        self.sentences = [(a + len(self.text[a:b]) - len(self.text[a:b].lstrip()), b) for a, b in spans]
        self._starts = [a for a, _ in self.sentences]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence span containing ``pos`` (or the nearest one before it)."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return self.sentences[0] if self.sentences else (0, len(self.text))
        return self.sentences[i]

    def clause_end(self, pos: int) -> int:
        """End of the clause (up to , ; 。) that contains ``pos``."""
        m = re.compile(r"[,，;；。!?！？\n]").search(self.match, pos)
        return m.start() if m else len(self.text)
