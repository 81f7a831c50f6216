"""One-to-one character normalisation for matching (never changes length, so offsets hold).

Traditional → simplified (table from jionlp, ``data/trad2simp.tsv``), full-width ASCII →
half-width, curly and corner quotes → ``"``, OCR look-alikes (``data/ocr_lookalikes.tsv``).
Names are always cut from the original text; the normalised copy is only searched.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_pairs

_QUOTES = {"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"', "‘": "'", "’": "'"}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for t, s in read_pairs("trad2simp.tsv"):
        table[ord(t)] = s
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    for k, v in _QUOTES.items():
        table[ord(k)] = v
    return table


def to_match_text(text: str) -> str:
    """Normalise ``text`` character by character; ``len(result) == len(text)``.

    >>> to_match_text("廣州市總工會（擴大）“一函兩書”")
    '广州市总工会(扩大)"一函两书"'
    """
    return text.translate(_table())


@lru_cache(maxsize=1)
def _lookalikes() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in read_pairs("ocr_lookalikes.tsv") if len(a) == len(b))


def fix_lookalikes(text: str) -> str:
    """Repair frequent OCR look-alikes of the same length (``深人`` → ``深入``)."""
    for wrong, right in _lookalikes():
        if wrong in text:
            text = text.replace(wrong, right)
    return text
