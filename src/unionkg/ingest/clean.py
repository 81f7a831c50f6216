"""OCR clean-up with an offset map back to the raw text.

Removes white space (and stray ``|``) wrongly inserted between CJK characters (``通讯 员``,
``召 开``), joins paragraphs that a column break cut mid-sentence, and repairs look-alikes of
equal length. Every character of the cleaned text keeps the index of the raw character it came
from, so evidence can always be traced back to the input.
"""

from __future__ import annotations

from dataclasses import dataclass

from .normalize import fix_lookalikes

_SPACES = " \t\u3000\u00a0\r"
_TERMINAL = "。!?！？…;；\"”』」)）"


@dataclass
class CleanText:
    """Cleaned text and, for each of its characters, the index of the raw character."""

    text: str
    offsets: list[int]


def clean_line(raw: str, base: int = 0) -> CleanText:
    """Clean one paragraph ``raw`` found at ``base`` in the raw input.

    >>> clean_line("通讯 员穗工宣 召 开").text
    '通讯员穗工宣召开'
    """
    chars: list[str] = []
    offs: list[int] = []
    n = len(raw)
    i = 0
    while i < n:
        ch = raw[i]
        if ch in _SPACES or ch == "|":
            j = i
            while j < n and (raw[j] in _SPACES or raw[j] == "|"):
                j += 1
            prev = chars[-1] if chars else ""
            nxt = raw[j] if j < n else ""
            if not (prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()):
                i = j  # only a space between two ASCII words is a real one (OCR puts the others)
                continue
            chars.append(" ")  # between CJK and ASCII/digits, or ASCII words: keep one
            offs.append(base + i)
            i = j
            continue
        chars.append(ch)
        offs.append(base + i)
        i += 1
    text = fix_lookalikes("".join(chars)).rstrip()
    return CleanText(text, offs[: len(text)])


def is_terminated(text: str) -> bool:
    """Does a paragraph end like a finished sentence (so a following line is not its continuation)?"""
    t = text.rstrip()
    return bool(t) and t[-1] in _TERMINAL


def join_paragraphs(parts: list[CleanText]) -> CleanText:
    """Join cleaned paragraphs; one cut by a column break (no final punctuation) is joined directly."""
    text: list[str] = []
    offs: list[int] = []
    for k, part in enumerate(parts):
        if k and text and is_terminated(text[-1]):
            text.append("\n")
            offs.append(offs[-1] + 1)
        text.extend(part.text)
        offs.extend(part.offsets)
    return CleanText("".join(text), offs)
