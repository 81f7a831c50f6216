"""Dates of the reported event: ``3月18日``, ``12月8日上午``, ``3月18日至19日``, ``2024年5月1日``.

``近日``/``日前``/``连日来`` give no date. The year comes from the date itself, from the article's
publication date (metadata or a date line) or from ``--year``; without one the date is ``MM-DD``.
"""

from __future__ import annotations

import re
from datetime import date

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10}
DATE_RE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
VAGUE_RE = re.compile(r"近日|日前|连日来|近期|近来|前不久|日来|最近")
ISO_RE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
# OCR typo: "320," for 3月20日 right after a dateline
_TYPO_RE = re.compile(r"^([1-9]|1[0-2])([0-3]\d)[,，]")
_SENTENCE_END_RE = re.compile(r"[。!?！？]")


def parse_iso(text: str | None) -> date | None:
    """A publication date written ``2024-02-07``, ``2024/2/7`` or ``2024年2月7日``."""
    if not text:
        return None
    m = ISO_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def event_date(lead: str, year: int | None = None, published: date | None = None) -> str | None:
    """The event date stated at the start of an article body ``lead`` (its first sentence).

    >>> event_date("3月18日,广州市总工会召开会议")
    '03-18'
    >>> event_date("3月18日,广州市总工会召开会议", year=2025)
    '2025-03-18'
    >>> event_date("近日,某区总工会召开专题会议") is None
    True
    """
    end = _SENTENCE_END_RE.search(lead)
    first = lead[: end.start()] if end else lead
    m = DATE_RE.search(first)
    vague = VAGUE_RE.search(first)
    if vague and (not m or vague.start() < m.start()):
        return None
    if not m:
        t = _TYPO_RE.match(first)
        if not t:
            return None
        month, day, y = int(t.group(1)), int(t.group(2)), None
    else:
        month, day = int(m.group(2)), int(m.group(3))
        y = int(m.group(1)) if m.group(1) else None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if y is None and published is not None:
        y = published.year
        try:
            if date(y, month, day) > published and (date(y, month, day) - published).days > 7:
                y -= 1  # reported in January about late December
        except ValueError:
            return None
    if y is None:
        y = year
    if y is None:
        return f"{month:02d}-{day:02d}"
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None
