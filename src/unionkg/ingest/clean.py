"""OCR clean-up with an offset map back to the raw text.

Removes white space (and stray ``|``) wrongly inserted between CJK characters (``通讯 员``,
``召 开``) and the pinyin some sites print after a character (``表態(tài)講話``), joins
paragraphs that a column break cut mid-sentence, and repairs look-alikes of equal length. Every
character of the cleaned text keeps the index of the raw character it came from, so evidence can
always be traced back to the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fix_lookalikes

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GAP = " \t\u3000\u00a0\r|"
#: spaces OCR puts in, stray |, and the pinyin some sites print after a character (經(jīng)審, 表態(tài)講話):
#: ``[gap]+|(?<=[CJK])[(（](?=[a-zü]*[toned])[a-zü toned]{1,7}[)）]`` written to start with the class of
#: its first character, which the regex engine skips to in C (a lookahead first would be tried at
#: every position)
_GAP_RE = re.compile(rf"[{_GAP}(（](?:(?<=[{_GAP}])[{_GAP}]*"
                     rf"|(?<=[\u4e00-\u9fff][(（])(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）])")
_TERMINAL = "。!?！？…;；\"”』」)）"


@dataclass
class CleanText:
    """Cleaned text and, for each of its characters, the index of the raw character."""

    text: str
    offsets: list[int]


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def clean_line(raw: str, base: int = 0) -> CleanText:
    """Clean one paragraph ``raw`` found at ``base`` in the raw input.

    >>> clean_line("通讯 员穗工宣 召 开").text
    '通讯员穗工宣召开'
    """
    pieces: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _GAP_RE.finditer(raw):
        start, end = m.span()
        pieces.append(raw[pos:start])
        offs.extend(range(base + pos, base + start))
        if _is_word_char(raw[start - 1 : start]) and _is_word_char(raw[end : end + 1]):
            pieces.append(" ")  # only a space between two ASCII words is a real one (OCR puts the others)
            offs.append(base + start)
        pos = end
    pieces.append(raw[pos:])
    offs.extend(range(base + pos, base + len(raw)))
    text = fix_lookalikes("".join(pieces)).rstrip()
    del offs[len(text) :]
    return CleanText(text, offs)


def is_terminated(text: str) -> bool:
    """Does a paragraph end like a finished sentence (so a following line is not its continuation)?"""
    t = text.rstrip()
    if t[-1:] == '"':  # a straight quote closes only after an odd count: 2024年度" | 安康杯"竞赛 was cut open
        return t.count('"') % 2 == 0
    return bool(t) and t[-1] in _TERMINAL


def join_paragraphs(parts: list[CleanText]) -> CleanText:
    """Join cleaned paragraphs; one cut by a column break (no final punctuation) is joined directly."""
    text: list[str] = []
    offs: list[int] = []
    cur = ""  # the paragraph joined so far (the pieces a column break cut make one)
    for k, part in enumerate(parts):
        if k and is_terminated(cur):
            text.append("\n")
            offs.append(offs[-1] + 1)
            cur = ""
        text.append(part.text)
        offs.extend(part.offsets)
        cur += part.text
    return CleanText("".join(text), offs)
