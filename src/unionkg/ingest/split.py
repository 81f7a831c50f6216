"""Newspaper page → articles.

A page is a run of paragraphs: an editor header (``责任编辑: … 组版编辑: … 校对: …``), heading
groups (section rubric, kicker ``汕头市潮南区总工会:``, headline, subtitle), body paragraphs (the
first usually opens with a dateline), photo captions (``■…``, ``单位供图``, ``记者X/摄``) and
trailing bylines (``(罗琪)``). Body paragraphs cut by a column break are joined again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..resources import division_rows
from ..types import Article
from .bylines import DATELINE_RE, PAREN_RE, TRAILING_RE, glue_singletons, parse_byline
from .clean import CleanText, clean_line, is_terminated, join_paragraphs
from .dates import ISO_RE, VAGUE_RE, dated_day, event_date, parse_iso, parse_stamp, url_date
from .normalize import to_match_text

_EDITOR_RE = re.compile(r"(责任编辑|组版编辑|美术编辑|美编|校对|版式设计|编辑)\s*[:：]\s*([^\s:：]+(?:\s[^\s:：]+)*?)(?=\s+\S+\s*[:：]|\s*$)")
#: a photo caption opens with a mark (■…, 文/, 图/) or closes with a credit (单位供图, 记者X/摄, 图/甲): two
#: patterns, the first matched at the start only, the second opening with a character the regex
#: engine skips to in C (as one pattern, ``^…|…``, it would be tried at every position)
_CAPTION_START_RE = re.compile(r"\s*(?:[■▲●◆□△]|(?:文|图)\s*/)")
_CAPTION_END_RE = re.compile(r"(?:单位供图|资料图片?|供图|/\s*摄|摄影\s*[:：/]|图\s*/\s*\S+)\s*$")
_META_RE = re.compile(r"(来源|作者|发布时间|发布日期|编辑)\s*[:：]|^\s*原创\s|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}")
_CREDIT_RE = re.compile(r"^\s*文\s*/\s*(\S+)")
_TRAILING_CREDIT_RE = re.compile(r"(?:^|\s)文\s*/\s*([\u4e00-\u9fff][\u4e00-\u9fff ]{1,6}?)\s*(?:图\s*/\s*[\u4e00-\u9fff ]{2,8}?)?"
                                 r"(?:\s*(?:编辑|责编|校对|审核)\s*/\s*[\u4e00-\u9fff ]{2,8}?)*\s*$")  # 文/甲 图/乙 编辑/丙
_BODY_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,24}(总工会|工会|工联会|工会联合会|工会委员会|妇联|团委|人大常委会)$")
HEADING_MAX = 40
_PAGE_HEADER_RE = re.compile(r"第\s*\d+\s*版|星期[一二三四五六日天]|^\d{4}年\d{1,2}月\d{1,2}日$")
_STANDALONE_BYLINE_RE = re.compile(r"^[(（]?(?:本报|全媒体|融媒体|见习|特约|实习)?(?:记者|通讯员)")
_PAREN_BYLINE_RE = re.compile(r"[(（][^()（）]{2,40}[)）]")
_NAME_SEP_RE = re.compile(r"[\s、,，]+")
_PAGE_NO_RE = re.compile(r"第\s*(\d+)\s*版")
_SOURCE_RE = re.compile(r"(?:来源|來源)\s*[:：]\s*([^\s【】\[\]]+)")
#: a label whose value stands on the next line (發布時間: / 2010-06-10)
_LABEL_ONLY_RE = re.compile(r"^[【\[]?(?:发布时间|發布時間|更新时间|更新時間|发布日期|發布日期|时间|時間|日期|来源|來源|作者|"
                            r"编辑|編輯|责任编辑|責任編輯)\s*[:：]?\s*[】\]]?$")
#: words of a publication stamp line
_STAMP_WORDS_RE = re.compile(r"发布|發布|更新|时间|時間|日期|来源|來源|作者|编辑|編輯|浏览|瀏覽|点击|點擊|字号|字體|字体|"
                             r"https?:|www\.")
_STAMP_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|\d+")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
#: a caption naming its photographer: 总工会揭牌仪式。王议宵 摄, 本報記者 鮮康 攝
_PHOTOGRAPHER_RE = re.compile(r"[\u4e00-\u9fff]{2,4}\s*(?<!拍)[摄攝]$")
#: the photographer's name closing a caption (after its sentence): 。本報記者 鮮康 攝
_PHOTO_CREDIT_RE = re.compile(r"(?:^|[。!?!？\s])((?:(?:本[报報])?[记記]者|通[讯訊][员員])?\s*[\u4e00-\u9fff]{2,4})\s*(?<!拍)[摄攝]\s*$")
#: a header line naming its reporter: 經濟日報／ 記者宋健生/台中即時報導
_REPORTER_IN_LINE_RE = re.compile(r"[/／|｜]\s*(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}\s*[/／|｜]")
#: a byline in parentheses closing a paragraph: (记者 李国 通讯员 李晓峰)
_PARA_END_PAREN_RE = re.compile(r"[(（]([^()（）\n]{2,40})[)）]\s*(?=\n|$)")
#: a media unit before the reporter's name: (市总全媒体中心 潘书婷)
_ORG_TOKEN_RE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:中心|报社|日报|晚报|网|台|频道|工作室)\s+")
#: a credit line of its own: 文字:甲 图片:乙, 图文 | 丙, □记者 丁, 經濟日報/記者戊/台中即時報導; it opens
#: with the line break or 。 before it (``_credit_lines`` puts one before the text), not with ``^|``,
#: so that the regex engine skips to such a character in C instead of trying every position
_CREDIT_LINE_RE = re.compile(r"[\n。][□■◆●\s]*(?:[\u4e00-\u9fff]{2,8}[/／]\s*)?((?:图文|文字|撰稿|记者|通讯员|文)\s*[:：|｜/／]?"
                             r"\s*[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4})*)"
                             r"(?=\s*(?:[/／][^\n]{0,12}|(?:图片|摄影|审核|制作|编辑|责编|初审)[:：]?[^\n]*)?(?:\n|$))")


@cache
def _tw_byline_re() -> re.Pattern[str]:
    """A Taiwanese byline: (中央社記者林明台北20日電), 〔記者王小明/高雄報導〕, 記者林小美/新北即時報導 (matched
    simplified), the place before the report one of Taiwan's cities or counties in the division table."""
    places = sorted({row[2] for row in division_rows() if row[5] == "台湾省" and row[3] in ("city", "district")
                     and not row[1].startswith("省直辖")
                     and len(row[2]) >= 2}, key=lambda p: (-len(p), p))
    return re.compile(r"(?:^|[(（〔【\[\s])(?:[\u4e00-\u9fff]{2,6}?(?:社|报|网))?记者\s*([\u4e00-\u9fff]{2,3}?)\s*[/／]?\s*"
                      rf"(?:{'|'.join(places)})?\s*(?:\d{{1,2}}日)?(?:电|即时报导|报导)")


#: the reporters opening the lead: 记者阮向民报道, 记者金钧胤摄影报道, 记者/陈洁 通讯员/黄立 3月12日, 记者王丽 昨日
_INLINE_REPORT_RE = re.compile(r"\s*((?:(?:全媒体|融媒体|本报)?(?:记者|通讯员)\s*[/／:：]?\s*[\u4e00-\u9fff]{2,4}?\s*)+?)"
                               r"\s*(?:(?:摄影)?报道|(?=\d|昨日|昨天|今日|今天|日前|近日))")
_OPENS_WITH_DATE_RE = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}(?:[-—至~]\d{1,2})?日")
#: a lead's opening after a publication stamp on its line
_GLUED_LEAD_RE = re.compile(r"\d{1,2}月\d{1,2}(?:[-—至~]\d{1,2})?日|本[报報][讯訊]|近日|日前|[(（](?:记者|記者|通讯员|通訊員)")
#: a field of a stamp after its date: 浏览次数:12, 来源:某报
_STAMP_LABEL_RE = re.compile(r"\s*(?:浏览|瀏覽|点击|點擊|阅读|閱讀|来源|來源|作者|编辑|編輯|责任编辑|責任編輯)[^:：]{0,4}[:：]")
#: the rest of a stamp after its date: a time, a closing bracket, spaces
_STAMP_END_RE = re.compile(r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[】\]]?\s*")
#: what marks a clause of a sentence, not a headline: a comma, a list's 、, 了 (参观了)
_CLAUSE_MARK_RE = re.compile(r"[,，、]|了")
#: a day of a month in a clause: 台中市政府勞工局於12月22日舉辦…, 今天(1月4日)下午, 511日 (月 lost)
_DATE_IN_CLAUSE_RE = re.compile(r"\d{1,2}月\d{1,2}(?:[-—至~]\d{1,2})?日|^\d{3,4}日")
_AUTHOR_RE = re.compile(r"(?:作者|记者)\s*[:：]\s*([^)）]+?)(?:\s+\S+\s*[:：]|\s*[)）]|$)")
#: a footer line naming the author, alone or after the source: 来源:宁波日报 作者:赵磊, 来源:韶关日报 记者:邓海
_FOOTER_AUTHOR_RE = re.compile(r"^\s*(?:来源\s*[:：][^:：\n]{1,20}?\s*)?(?:作者|记者)\s*[:：]")


@dataclass(slots=True)
class Para:
    """A non-blank line ``raw`` at ``start`` in the input; ``stripped``: without its white space and
    ``|`` (every paragraph is classified on it, so it is made with the paragraph); ``matched`` and
    ``raw_matched``: those as matching reads them (本報訊 → 本报讯), made when first asked for."""

    raw: str
    start: int
    stripped: str = field(init=False, repr=False, compare=False)
    _matched: str | None = field(default=None, init=False, repr=False, compare=False)
    _raw_matched: str | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # ``re.sub(r"[\s|]+", "", raw)``, in a quarter of the time: ``str.split`` splits where ``\s`` matches
        self.stripped = "".join(self.raw.replace("|", "").split())

    @property
    def raw_matched(self) -> str:
        """``raw`` as matching reads it (責任編輯 → 责任编辑), character for character."""
        if self._raw_matched is None:
            self._raw_matched = to_match_text(self.raw)
        return self._raw_matched

    @property
    def matched(self) -> str:
        """``stripped`` as matching reads it (本報訊 → 本报讯): what the patterns test."""
        if self._matched is None:
            self._matched = to_match_text(self.stripped)
        return self._matched


@dataclass
class Draft:
    headings: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    captions: list[Para] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    meta: list[Para] = field(default_factory=list)


def paragraphs(raw: str) -> list[Para]:
    """Non-blank lines of ``raw`` with their offsets."""
    out = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        if line.strip():
            out.append(Para(line.rstrip("\r\n"), pos))
        pos += len(line)
    return out


def _is_caption(raw: str) -> bool:
    """Is ``raw`` a photo caption (``_CAPTION_START_RE``, ``_CAPTION_END_RE``)?"""
    return bool(_CAPTION_START_RE.match(raw) or _CAPTION_END_RE.search(raw))


def _photographer(s: str) -> bool:
    """Does ``s`` end naming its photographer (``_PHOTOGRAPHER_RE``; the end looked at first)."""
    return s.rstrip("\n").endswith(("摄", "攝")) and _PHOTOGRAPHER_RE.search(s) is not None


def _is_body(p: Para) -> bool:
    s = p.matched
    return (
        len(s) > HEADING_MAX
        or bool(DATELINE_RE.match(s))
        or "。" in s
        or (len(s) > 25 and s.endswith(("!", "?", "！", "？", ";", "；")))
    )


def _is_trailing_byline(p: Para) -> bool:
    s = p.raw.strip()
    return bool(_PAREN_BYLINE_RE.fullmatch(s)) and parse_byline(s[1:-1], bare=True) is not None


def parse_editors(line: str) -> list[tuple[str, str]]:
    """``责任编辑: 甲 组版编辑: 乙 校对: 丙`` → [(甲, 责任编辑), …]."""
    out = []
    for m in _EDITOR_RE.finditer(to_match_text(line)):  # 責任編輯 too; the names as written
        for name in glue_singletons(_NAME_SEP_RE.split(line[m.start(2):m.end(2)])):  # 陈 东: one name an OCR space cut
            if name:
                out.append((name, m.group(1)))
    return out


def split_page(raw: str, origin: str = "", *, year: int | None = None,
               source: str | None = None, page: str | None = None) -> list[Article]:
    """Split a page (or a single-article text, or several pages) into articles with titles,
    bylines and dates."""
    return list(split_lines(raw.splitlines(keepends=True), origin, year=year, source=source, page=page))


#: A page longer than this (characters) with no page break is cut at its next headline, so that
#: memory stays bounded; the page's editors, number and date carry over the cut.
MAX_PAGE_CHARS = 1 << 20


def split_lines(lines: Iterable[str], origin: str = "", *, year: int | None = None,
                source: str | None = None, page: str | None = None,
                max_page_chars: int = MAX_PAGE_CHARS) -> Iterator[Article]:
    r"""``split_page`` over a stream of lines (each with its line break), page by page.

    A new page starts where a page header (``第3版``) or an editor line (``责任编辑:…``) follows a
    finished article; each page has its own editors, page number and date. Lines after the last
    article that open no new article (trailing editor lines, a footer) stay with the page before,
    so memory holds at most two pages whatever the length of the input.

    >>> [a.title for a in split_lines(["甲会议\n", "本报讯 甲开会。\n", "责任编辑: 丙\n", "乙会议\n", "本报讯 乙开会。\n"])]
    ['甲会议', '乙会议']
    """
    pending: _Page | None = None  # a finished page: the lines after it may still be its tail
    cur = _Page(page)
    for line in lines:
        if line.strip():
            p = Para(line.rstrip("\r\n"), cur.size)
            kind = cur.classify(p)
            cut = cur.size > max_page_chars and kind == "heading" and cur.cur is not None and bool(cur.cur.body)
            if cut or (kind in ("page_meta", "heading") and cur.opens_page(p)):
                assert pending is None  # cur has a body, so the page before it was written then
                pending, cur = cur, _Page(page, carry=cur if cut else None)
                p = Para(p.raw, 0)
                kind = cur.classify(p)
            cur.feed(p, kind)
            if pending is not None and cur.has_body:
                yield from pending.articles(origin, year, source)
                pending = None
        cur.add_line(line)
    if pending is not None:  # what followed the last page opened no article: it is that page's tail
        for q in cur.paras:
            moved = Para(q.raw, q.start + pending.size)
            pending.feed(moved, pending.classify(moved))
        for line in cur.lines:
            pending.add_line(line)
        cur = pending
    yield from cur.articles(origin, year, source)


class _Page:
    """One page of a text input: its lines, paragraphs, drafts, editors, page number and date."""

    def __init__(self, page: str | None, carry: _Page | None = None) -> None:
        self.lines: list[str] = []
        self.paras: list[Para] = []
        self.size = 0  # characters in lines
        self.drafts: list[Draft] = []
        self.cur: Draft | None = None
        self.has_body = False
        self.carry = carry  # the page this one continues after a cut, whose metadata it inherits
        self.editors: list[tuple[str, str]] = list(carry.editors) if carry else []
        self.page: str | None = carry.page if carry else page
        self.page_date: date | None = carry.page_date if carry else None  # the date in a page header
        self.section: str | None = None  # the section of the last article, once written

    def add_line(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line)

    def opens_page(self, p: Para) -> bool:
        """Does ``p`` (a page header or an editor line) begin a new page after a finished article?"""
        cur = self.cur
        if cur is None or not cur.body or not is_terminated(cur.body[-1].stripped):
            return False
        s = p.stripped
        return bool((_PAGE_HEADER_RE.search(s) and len(s) <= HEADING_MAX) or _EDITOR_RE.search(p.raw_matched))

    def classify(self, p: Para) -> str:
        """What ``p`` is on this page so far: page_meta, byline_meta, editors, continued, caption,
        trailing, meta, body or heading."""
        s = p.stripped
        cur = self.cur
        if _PAGE_HEADER_RE.search(s) and len(s) <= HEADING_MAX and (cur is None or not cur.body or is_terminated(
                cur.body[-1].stripped)):
            return "page_meta"  # 南方工报 2025年3月20日 星期四 第3版: page metadata
        if _STANDALONE_BYLINE_RE.match(p.matched) and not _is_body(p) and cur is not None and not cur.body:
            return "byline_meta"  # 本报记者 甲 通讯员 乙, above the body
        if _EDITOR_RE.search(p.raw_matched) and not _is_body(p) and (cur is None or not cur.body):
            return "editors"
        if cur is not None and cur.body and not is_terminated(cur.body[-1].stripped) \
                and not _is_caption(p.raw_matched) and not _is_trailing_byline(p):
            return "continued"  # column break: the paragraph goes on
        if _is_caption(p.raw_matched) and cur is not None and cur.body:
            return "caption"
        if _is_trailing_byline(p) and cur is not None and cur.body:
            return "trailing"
        if cur is not None and not cur.body and is_meta_line(p.raw):
            return "meta"  # 2024-02-07 来源:… 作者:…, a WeChat account line, 文/甲 图/乙
        if _is_body(p) or (cur is not None and cur.body and cur.captions == [] and len(s) > 25) \
                or _dated_clause(s):
            return "body"  # (the last: a lead's first piece, cut by a column break after its date)
        return "heading"

    def feed(self, p: Para, kind: str) -> None:
        """Add ``p`` to the page as ``classify`` found it."""
        self.paras.append(p)
        cur = self.cur
        if kind == "page_meta":
            pm = _PAGE_NO_RE.search(p.stripped)
            self.page = self.page or (pm.group(1) if pm else None)
            self.page_date = self.page_date or parse_iso(p.stripped)
        elif kind == "byline_meta" and cur is not None:
            cur.meta.append(Para("作者:" + p.raw.strip(), p.start))
        elif kind == "editors":
            self.editors.extend(parse_editors(p.raw))
        elif kind == "body" and cur is not None and self._cut_off(cur, p):
            prev = self.drafts[-2]  # the clause taken for a headline was the piece of a cut paragraph
            prev.body.extend(cur.headings)
            prev.body.append(p)
            self.drafts.pop()
            self.cur = prev
        elif kind in ("continued", "body") and cur is not None:
            cur.body.append(p)
        elif kind == "caption" and cur is not None:
            cur.captions.append(p)
        elif kind == "trailing" and cur is not None:
            cur.trailing.append(p.raw.strip()[1:-1])
        elif kind == "meta" and cur is not None:
            cur.meta.append(p)
        elif kind == "body":  # the first body paragraph, with no heading above it
            self.cur = Draft(body=[p])
            self.drafts.append(self.cur)
        else:  # a heading line
            if cur is None or cur.body:
                cur = self.cur = Draft()
                self.drafts.append(cur)
            cur.headings.append(p)
        if kind in ("body", "continued"):
            self.has_body = True

    def _cut_off(self, cur: Draft, p: Para) -> bool:
        """Is ``cur``, a draft of one heading and no body yet, a paragraph's first piece a column break
        cut off (``启动仪式上,张浦镇总工会主席俞建明宣读了本年度`` over ``竞赛活动实施方案,…``): a clause left
        unfinished (a comma, 、 or 了 in it) after an article's body, over a paragraph that opens no lead
        of its own."""
        if cur.body or cur.captions or cur.meta or len(cur.headings) != 1 or len(self.drafts) < 2 \
                or not self.drafts[-2].body:
            return False
        h, s = cur.headings[0].stripped, p.matched
        return bool(_CLAUSE_MARK_RE.search(h)) and ("\u4e00" <= h[-1:] <= "\u9fff" or h[-1:] == "、") \
            and not is_terminated(h) and not _opens_lead(s) and not _STANDALONE_BYLINE_RE.match(s)

    def articles(self, origin: str, year: int | None, source: str | None) -> Iterator[Article]:
        """The page's articles (its drafts with a body), in order."""
        raw = "".join(self.lines)
        section = self.carry.section if self.carry else None
        self.carry = None  # the page before is written: let it go
        for d in self.drafts:
            if not d.body:
                continue
            title, subtitle, new_section, kicker_form = _titles([h.stripped for h in d.headings])
            if new_section is not None:
                section = new_section
            elif not kicker_form:
                section = None
            yield make_article(raw, d, title, subtitle, section, self.editors, origin, year, source, self.page,
                                self.page_date)
        self.section = section


def _titles(lines: list[str]) -> tuple[str, str | None, str | None, bool]:
    """(title, subtitle, section, kicker_form) from the heading lines above an article."""
    if not lines:
        return "", None, None, False
    section = None
    if len(lines) >= 3 and lines[1].endswith((":", "：")):
        section, lines = lines[0], lines[1:]
    elif len(lines) >= 3 and lines[-2].endswith((":", "：")):
        section, lines = "".join(lines[:-2]), lines[-2:]
    first = lines[0]
    if len(lines) == 1:
        return first.rstrip(":："), None, section, False
    if first.endswith((":", "：")):
        return first + "".join(lines[1:2]), (lines[2] if len(lines) > 2 else None), section, True
    if _BODY_NAME_RE.match(first):
        sep = "：" if any("\uff00" <= c <= "\uffef" for c in lines[1]) else ":"
        return first + sep + lines[1], (lines[2] if len(lines) > 2 else None), section, True
    if len(lines) >= 3:
        return lines[1], lines[2], section, False  # kicker over headline and subtitle
    return first, lines[1], section, False


def make_article(raw: str, d: Draft, title: str, subtitle: str | None, section: str | None,
                  editors: list[tuple[str, str]], origin: str, year: int | None,
                  source: str | None, page: str | None, page_date: date | None = None, *,
                  url: str | None = None, article_id: str | None = None) -> Article:
    parts: list[CleanText] = [clean_line(p.raw, p.start) for p in d.body]
    text_ct = join_paragraphs(parts)
    text, offsets = text_ct.text, text_ct.offsets
    trailing = list(d.trailing)
    tm = _trailing_byline(text) if d.captions else None
    if tm:
        trailing.append(tm.group(1))  # the byline closes the body, the captions follow it
    for cap in d.captions:
        credit = _PHOTO_CREDIT_RE.search(cap.raw)
        if credit:  # 本報記者 鮮康 攝: the photographer reported it too
            trailing.append(credit.group(1))
        c = clean_line(cap.raw, cap.start)
        text += "\n" + c.text
        offsets += [offsets[-1] + 1 if offsets else cap.start] + c.offsets
    published, src, authors = read_meta([m.raw for m in d.meta], source)
    published = published or page_date
    return finish_article(text, offsets, raw, title=title, subtitle=subtitle, section=section,
                          editors=editors, origin=origin, year=year, source=src, page=page,
                          published=published, extra_authors=authors + _trailing_names(trailing),
                          url=url, article_id=article_id)


def _trailing_byline(text: str) -> re.Match[str] | None:
    """``TRAILING_RE.search(text)``, searched only where the text ends with a closing parenthesis
    (that pattern's end is ``[)）]\\s*$``)."""
    return TRAILING_RE.search(text) if text.rstrip().endswith((")", "）")) else None


def is_meta_line(line: str) -> bool:
    """A date/source/author line (``2024-02-07 来源:南方工报 作者:甲 乙``), a publication stamp
    (``日期:2023-11-20 浏览次数:125``, ``2023年11月20日 來源:某報``, ``2023-11-20 09:00 某日报``: see
    ``stamp_date``), a WeChat account line, or a ``文/甲 图/乙`` credit line."""
    return _labelled_line(line) or stamp_date(line) is not None


def _labelled_line(line: str) -> bool:
    """``is_meta_line`` but for a stamp: a dated line with a label, a WeChat account line or a credit line."""
    return bool((parse_iso(line) and _META_RE.search(line)) or _CREDIT_RE.match(line))


def _more_bylines(norm: str, text: str, raw: str, offsets: list[int], lead_start: int) -> list[str]:
    """Bylines that web pages put elsewhere: ``(记者 甲 通讯员 乙)`` closing any paragraph, a credit
    line (``文字:甲 图片:乙``, ``图文 | 丙``, ``□记者 丁``, ``記者戊/台中即時報導``), ``记者己报道``
    opening the lead, ``(某报全媒体中心 庚)`` closing a paragraph."""
    def raw_of(a: int, b: int) -> str:
        return raw[offsets[a]: offsets[b - 1] + 1] if offsets and b > a else text[a:b]

    names: list[str] = []
    for pm in _PARA_END_PAREN_RE.finditer(norm):
        inner = raw_of(pm.start(1), pm.end(1))
        byline = parse_byline(inner)
        org = _ORG_TOKEN_RE.match(to_match_text(inner)) if byline is None else None
        if org is not None:  # (市总全媒体中心 潘书婷)
            byline = parse_byline(inner[org.end():], bare=True)
        if byline is not None:
            names.extend(byline.names)
    for a, b in _credit_lines(norm):
        byline = parse_byline(raw_of(a, b))
        if byline is not None:
            names.extend(byline.names)
    tw = _tw_byline_re().search(norm, 0, 80)  # (中央社記者林明台北20日電), 〔記者王小明/高雄報導〕
    if tw:
        names.append(raw_of(tw.start(1), tw.end(1)))
    im = _INLINE_REPORT_RE.match(norm, lead_start)
    if im:
        byline = parse_byline(raw_of(im.start(1), im.end(1)))
        if byline is not None:
            names.extend(byline.names)
    return names


def _credit_lines(norm: str) -> list[tuple[int, int]]:
    """Spans of the credits that stand on a line of their own (or after a 。) in ``norm``."""
    return [(m.start(1) - 1, m.end(1) - 1) for m in _CREDIT_LINE_RE.finditer("\n" + norm)]


def stamp_date(line: str) -> date | None:
    """The date of a web page's publication stamp line, or None if ``line`` is no stamp:
    ``发布时间:2018-07-23 13:42:00``, ``25.01.2016 08:52``, ``来源: 某市人民政府 ┆ 时间: 2021-12-30``,
    ``http://www.sina.com.cn 2006年12月30日03:15 中国青年报``, ``更新时间:12年05月04日``."""
    s = line.strip()
    if not s or len(s) > 90 or "。" in s:
        return None
    found = parse_stamp(s)
    if found is None:
        return None
    rest = _STAMP_NOISE_RE.sub("", s)
    if _STAMP_WORDS_RE.search(s) or len(_HAN_RE.findall(rest)) <= 8:
        return found
    return None


def draft_record(paras: list[Para], title: str, subtitle: str | None = None) -> Draft:
    """One article's paragraphs as a web page stores them (a JSON record's text): what stands above
    the body — the headline repeated, kickers, publication stamps (a label and its value may take a
    line each: ``發布時間:`` / ``2010-06-10``), photo captions, a standalone byline — set apart, the
    body from its first body paragraph on, captions that name their photographer moved after it.
    A short line just above a paragraph that opens with a dateline or a date is a caption too."""
    d = Draft()
    keys = {k for t in (title, subtitle) if t and (k := _title_key(t))}
    key_max = max(map(len, keys), default=0) + 8  # no paragraph's key longer than that repeats a headline
    value_next = False
    for i, p in enumerate(paras):
        s = p.stripped
        if d.body:
            if _photographer(s) and len(s) <= HEADING_MAX:
                d.captions.append(p)
            elif len(s) <= HEADING_MAX and stamp_date(p.raw) is not None:
                d.meta.append(p)  # 《人民日报》(2023年10月13日 04版) closing the text
            elif len(s) <= HEADING_MAX and _FOOTER_AUTHOR_RE.match(to_match_text(p.raw)):
                d.meta.append(p)  # 来源:宁波日报 作者:赵磊 closing the text: its author reported it
            else:
                d.body.append(p)
            continue
        if value_next:
            d.meta.append(p)
            value_next = False
            continue
        if _LABEL_ONLY_RE.match(s):
            d.meta.append(p)
            value_next = True
            continue
        if stamp_date(p.raw) is not None or _labelled_line(p.raw):  # is_meta_line, its stamp looked at once
            at = _glued_lead(p.raw)
            if at:  # 【发布时间:2018-07-23 13:42:00】7月20日上午,…: a lead a scraper glued to the stamp
                d.meta.append(Para(p.raw[:at], p.start))
                d.body.append(Para(p.raw[at:], p.start + at))
            else:
                d.meta.append(p)
            continue
        k = _title_key_upto(s, key_max) if keys else ""
        if k and any(k == x or (6 <= len(k) <= len(x) + 8 and (k in x or x in k) and "。" not in s) for x in keys):
            continue  # the headline (or subtitle) repeated over the body (not a lead that says it: 5月11日,…召开会议。)
        if _is_caption(p.raw_matched) or _photographer(s):
            d.captions.append(p)
            continue
        if (_STANDALONE_BYLINE_RE.match(p.matched) or _REPORTER_IN_LINE_RE.search(p.matched)) and not _is_body(p):
            d.meta.append(Para("作者:" + p.raw.strip(), p.start))
            continue
        nxt = paras[i + 1].matched if i + 1 < len(paras) else ""
        if len(s) <= 30 and s.count("。") <= 1 and (DATELINE_RE.match(nxt) or _OPENS_WITH_DATE_RE.match(nxt)) \
                and not (DATELINE_RE.match(p.matched) or _OPENS_WITH_DATE_RE.match(p.matched)):
            d.captions.append(p)  # 王娇萍慰问企业职工。 over 本报讯 … (not 7月10日,…。 over 7月11日,…: a lead)
            continue
        if _is_body(p) or _cut_lead(s, nxt):
            d.body.append(p)
        else:
            d.headings.append(p)
    if not d.body:  # nothing looked like a body: keep every line
        d.body, d.headings = d.headings, []
    return d


def _glued_lead(raw: str) -> int:
    """Where a lead glued to a publication stamp begins (``【发布时间:2018-07-23 13:42:00】7月20日上午,…``,
    the line breaks of the page lost), or 0: a sentence after the stamp's date, opening with a date,
    a dateline or 近日."""
    if "。" not in raw or len(raw) < 60:
        return 0
    iso = ISO_RE.search(raw)
    if iso is None:
        return 0
    stamp_end = _STAMP_END_RE.match(raw, iso.end())  # matches the empty string at least
    end = stamp_end.end() if stamp_end is not None else iso.end()
    rest = raw[end:]
    if len(rest) < 20 or "。" not in rest:
        return 0
    if not _STAMP_LABEL_RE.match(rest):
        return end  # 2019-05-22为贯彻…, 日期:2024-11-11“加入工会…: the lead right after the stamp
    lead = _GLUED_LEAD_RE.search(raw, end, end + 60)  # 浏览次数:0 5月11日,…: past the stamp's other fields
    return lead.start() if lead is not None else 0


def _cut_lead(s: str, nxt: str) -> bool:
    """Is ``s`` the first piece of a lead a column break cut (``12月28日,市总工会主席甲一行莅临西平县观摩``
    over ``指导工会工作。…``): unfinished, clauses with a date (or a comma opening the next piece), and
    text goes on below it."""
    if not nxt or is_terminated(s) or not ("," in s or "，" in s or nxt[0] in ",，"):
        return False
    if _DATE_IN_CLAUSE_RE.search(s) is not None:
        return True
    # no date yet (为贯彻落实…要求,进一步促进深圳、台山两地 | 的交流,…5月18日,…): a long clause whose
    # continuation opens no lead of its own
    return len(s) >= 24 and not _opens_lead(nxt)


def _dated_clause(s: str) -> bool:
    """An unfinished clause with a date in it (``12月28日,市总工会主席甲一行莅临西平县观摩``): a lead's
    first piece a column break cut, no headline."""
    return not is_terminated(s) and ("," in s or "，" in s) and _DATE_IN_CLAUSE_RE.search(s) is not None


def _opens_lead(s: str) -> bool:
    """Does ``s`` (as matching reads it) open a lead: a dateline, a date or 近日 first?"""
    return bool(DATELINE_RE.match(s) or _OPENS_WITH_DATE_RE.match(s) or VAGUE_RE.match(s))


def _title_key(s: str) -> str:
    """The letters and digits of ``s`` (``[^\\W_]`` is ``str.isalnum``), for comparing headlines."""
    return _NOT_ALNUM.sub("", to_match_text(s))


_NOT_ALNUM = re.compile(r"[\W_]+")


def _title_key_upto(s: str, most: int) -> str:
    """``_title_key(s)``, or ``""`` where that is longer than ``most`` characters (seen on the first
    ``2 * most`` characters of a long paragraph, a lead, without reading it all)."""
    t = to_match_text(s)
    if len(t) > 2 * most and len(_NOT_ALNUM.sub("", t[:2 * most])) > most:
        return ""
    k = _NOT_ALNUM.sub("", t)
    return k if len(k) <= most else ""


def read_meta(lines: list[str], source: str | None = None) -> tuple[date | None, str | None, list[str]]:
    """(publication date, source, authors) from meta lines."""
    published: date | None = None
    authors: list[str] = []
    src = source
    for line in lines:
        published = published or parse_stamp(line)
        sm = _SOURCE_RE.search(line)
        if sm and not src:
            src = sm.group(1)
        cm = _CREDIT_RE.match(line)
        if cm:
            authors.append(cm.group(1))
        am = _AUTHOR_RE.search(line)
        if am:
            b = parse_byline("作者" + am.group(1))
            if b:
                authors.extend(b.names)
    return published, src, authors


def _trailing_names(trailing: list[str]) -> list[str]:
    out: list[str] = []
    for t in trailing:
        b = parse_byline(t, bare=True)
        if b:
            out.extend(b.names)
    return out


def finish_article(text: str, offsets: list[int], raw: str, *, title: str, subtitle: str | None = None,
                   section: str | None = None, editors: list[tuple[str, str]] | None = None,
                   origin: str = "", year: int | None = None, source: str | None = None,
                   page: str | None = None, published: date | None = None,
                   extra_authors: list[str] | None = None, article_id: str | None = None,
                   url: str | None = None) -> Article:
    """Read dateline, byline, trailing byline and date off a cleaned text and make the Article."""
    authors: list[str] = []
    lead_start = 0
    norm = to_match_text(text)  # 本報訊 → 本报讯, same length
    m = DATELINE_RE.match(norm)
    if m:
        lead_start = m.end()
    pm = PAREN_RE.match(norm[lead_start:])
    if pm:
        a, b = lead_start + pm.start(1), lead_start + pm.end(1)
        raw_inner = raw[offsets[a]: offsets[b - 1] + 1] if offsets else text[a:b]
        byline = parse_byline(raw_inner)
        if byline:
            authors.extend(byline.names)
            lead_start += pm.end()
    tm = _trailing_byline(norm)
    if tm:
        a, b = tm.start(1), tm.end(1)
        raw_inner = raw[offsets[a]: offsets[b - 1] + 1] if offsets else text[a:b]
        byline = parse_byline(raw_inner, bare=True)
        if byline:
            authors.extend(byline.names)
    cm = _TRAILING_CREDIT_RE.search(norm) if "/" in norm else None
    if cm:  # 文/甲 图/乙 closing the text: the writer reported it
        writer = parse_byline(raw[offsets[cm.start(1)]: offsets[cm.end(1) - 1] + 1] if offsets
                              else text[cm.start(1):cm.end(1)], bare=True)
        if writer:
            authors.extend(writer.names)
    authors.extend(_more_bylines(norm, text, raw, offsets, lead_start))
    authors.extend(extra_authors or [])
    published = published or url_date(url or source)
    the_year = published.year if published else year
    lead = norm[lead_start:].lstrip(" ,:")
    # the dateline's day, which 昨日 counts from; with no year known, in a common year standing in (MM-DD)
    dated = dated_day(m.group(0), the_year or 2001) if m is not None else None
    when = event_date(lead, year=the_year, published=published, dated=dated, dated_year=the_year is not None)
    if when is None and m is not None and not VAGUE_RE.search(lead[:12]):
        when = event_date(m.group(0), year=the_year, published=published)  # 本报3月18日讯 with no date after
    ident = article_id or "a" + hashlib.sha1((title + "\x00" + text).encode("utf-8")).hexdigest()[:12]
    return Article(
        id=ident, title=title, subtitle=subtitle, text=text, date=when,
        published=published.isoformat() if published else None, source=source, url=url, page=page,
        section=section, authors=tuple(dict.fromkeys(authors)), editors=tuple(editors or ()),
        origin=origin, raw=raw, offsets=tuple(offsets), year=the_year,
    )
