"""Dates of the reported event: ``3月18日``, ``12月8日上午``, ``3月18日至19日``, ``2024年5月1日``.

``近日``/``日前``/``连日来`` give no date. The year comes from the date itself, from the article's
publication date (metadata or a date line) or from ``--year``; without one the date is ``MM-DD``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..scanning import scanner

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9, "十": 10}
DATE_RE = scanner(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|(?=[-—~至到]\s*\d{1,2}\s*日))")
#: a date in Chinese numerals: 二月廿二日, 十二月三十一日 (groups: month, day); it opens with a class, which
#: the regex engine skips to in C (``[…]{1,2}`` first would be tried at every position)
_CN_DATE_RE = re.compile(r"([一二三四五六七八九十][一二三四五六七八九十]?)月([一二三四五六七八九十廿卅]{1,3})日")
#: a day counted from the dateline's: 昨日 (the day before), 今日
_RELATIVE_RE = re.compile(r"昨日|昨天|今日|今天")
VAGUE_RE = re.compile(r"近日|日前|连日来|近期|近来|前不久|日来|最近")
ISO_RE = scanner(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
# OCR typo: "320," for 3月20日 right after a dateline
_TYPO_RE = re.compile(r"^([1-9]|1[0-2])([0-3]\d)(?:[,，]|日)")
_SENTENCE_END_RE = re.compile(r"[。!?！？]")
#: a publication stamp's date besides ISO: 25.01.2016 (day first), 12年05月04日 (two-digit year)
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_YY_RE = re.compile(r"(?<![\d年])(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: a date in a web address: /2023-09/29/, /20240508/, /2019/0419/, t20241030_, /2025/3/12/
_URL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)"
                          r"|/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/")
#: a day alone opening a lead (21日,武汉迎来…): the month is the publication's
_DAY_ONLY_RE = re.compile(r"^(\d{1,2})日")


def parse_iso(text: str | None) -> date | None:
    """A publication date written ``2024-02-07``, ``2024/2/7`` or ``2024年2月7日``."""
    if not text or not ("-" in text or "年" in text or "/" in text or "." in text):  # ISO_RE's separators
        return None
    m = ISO_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_stamp(text: str | None) -> date | None:
    """The date of a publication stamp: ISO forms, ``25.01.2016`` (day first), ``12年05月04日``.

    >>> parse_stamp("25.01.2016  08:52")
    datetime.date(2016, 1, 25)
    >>> parse_stamp("更新时间:12年05月04日")
    datetime.date(2012, 5, 4)
    """
    found = parse_iso(text)
    if found or not text:
        return found
    m = _DMY_RE.search(text)
    if m:
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _YY_RE.search(text)
    if m:
        return _safe_date(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def url_date(url: str | None) -> date | None:
    """A publication date written in a web address (``…/html/2023-09/29/content_…``, ``…/t20241030_…``).

    >>> url_date("http://acftu.people.com.cn/n1/2019/0419/c81942-31038450.html")
    datetime.date(2019, 4, 19)
    """
    if not url or "/" not in url:
        return None
    for m in _URL_DATE_RE.finditer(url):
        g = m.groups()
        y, mo, d = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        found = _safe_date(int(y), int(mo), int(d))
        if found is not None:
            return found
    return None


def _cn_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 廿二 → 22, 三十一 → 31 (numbers of months and days)."""
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in "十廿卅":
            total += (cur or 1) * 10 if ch == "十" else {"廿": 20, "卅": 30}[ch]
            cur = 0
        elif ch in _CN_DIGITS:
            cur = _CN_DIGITS[ch]
        else:
            return None
    return total + cur


@dataclass(frozen=True)
class _Found:
    start: int
    year: int | None
    month: int
    day: int


def _dates(text: str, start: int = 0, end: int | None = None) -> list[_Found]:
    """The dates written in ``text[start:end]``, in text order: ``3月18日``, ``2024年5月1日``,
    ``7月26-27日`` (the first day), ``二月廿二日``."""
    stop = len(text) if end is None else end
    out: list[_Found] = []
    if text.find("月", start, stop) < 0:  # both patterns have a 月
        return out
    for rx in (DATE_RE, _CN_DATE_RE):
        for m in rx.finditer(text, start, stop):
            y, mo, d = (m[1], m[2], m[3]) if rx is DATE_RE else (None, m[1], m[2])
            month, day = _cn_number(mo), _cn_number(d)
            if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            out.append(_Found(m.start(), int(y) if y and y.isdigit() else None, month, day))
    return sorted(out, key=lambda f: f.start)


#: what makes a date no event's: a cut-off (截至6月30日), or a purpose clause naming another day before
#: the event's (为贯彻落实3月5日…精神,3月8日,…)
_CUT_OFF = re.compile(r"(?:截至|截止到?)$")
_PURPOSE_OPEN = re.compile(r"\s*为")


def _not_the_event(first: str, found: list[_Found]) -> list[_Found]:
    """``found`` (the dates of the sentence ``first``) without those that are no event's: a cut-off, or
    a date in a purpose clause opening the sentence where a later date follows the clause."""
    kept = [f for f in found if not _CUT_OFF.search(first, max(0, f.start - 3), f.start)]
    if len(kept) > 1 and _PURPOSE_OPEN.match(first):
        commas = [i for i in (first.find(","), first.find("，")) if i >= 0]
        if commas and kept[0].start < min(commas) < kept[1].start:
            kept = kept[1:]
    return kept


def dated_day(dateline: str, year: int | None) -> date | None:
    """The day a dateline gives (``东南网3月11日讯`` → 3月11日), in ``year``; None without one."""
    found = _dates(dateline)
    if not found or year is None:
        return None
    return _safe_date(found[0].year or year, found[0].month, found[0].day)


def event_date(lead: str, year: int | None = None, published: date | None = None,
               dated: date | None = None, dated_year: bool = True) -> str | None:
    """The event date stated at the start of an article body ``lead``: its first sentence, else
    the first date of its first paragraph (a quotation may open it: "…"司机张文轩说。11月10日,…).
    ``dated``: the day the dateline gives (本报3月11日讯), which 昨日/今日 count from; ``dated_year``
    False: its year is not known (another year stands in), the day is given as ``MM-DD``.

    >>> event_date("3月18日,广州市总工会召开会议")
    '03-18'
    >>> event_date("3月18日,广州市总工会召开会议", year=2025)
    '2025-03-18'
    >>> event_date("近日,某区总工会召开专题会议") is None
    True
    >>> event_date("昨日,某市总工会召开会议", dated=date(2024, 3, 11))
    '2024-03-10'
    >>> event_date("昨日,某市总工会召开会议", dated=date(2001, 3, 11), dated_year=False)
    '03-10'
    """
    end = _SENTENCE_END_RE.search(lead)
    first_end = end.start() if end else len(lead)
    first = lead[:first_end]
    found = _not_the_event(first, _dates(lead, 0, first_end))
    m = found[0] if found else None
    vague = VAGUE_RE.search(first)
    if vague and (m is None or vague.start() < m.start):
        return None
    relative = _RELATIVE_RE.search(first)
    if relative and dated is not None and (m is None or relative.start() < m.start):
        iso = (dated - timedelta(days=1 if relative.group(0) in ("昨日", "昨天") else 0)).isoformat()
        return iso if dated_year else iso[5:]
    if m is None and not _DAY_ONLY_RE.match(first) and not _TYPO_RE.match(first):
        para_end = lead.find("\n")
        later = _dates(lead, first_end, para_end if para_end >= 0 else None)
        if later and not VAGUE_RE.search(lead, first_end, later[0].start):
            m = later[0]
    if m is None:
        t = _TYPO_RE.match(first)
        day_only = _DAY_ONLY_RE.match(first) if published is not None else None
        if day_only and published is not None:  # 21日,… published 25.01.2016: that month (or the one before)
            day = int(day_only.group(1))
            back = published if day <= published.day else published.replace(day=1) - timedelta(days=1)
            got = _safe_date(back.year, back.month, day)
            return got.isoformat() if got else None
        if not t:
            return None
        month, day, y = int(t.group(1)), int(t.group(2)), None
    else:
        month, day, y = m.month, m.day, m.year
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
