"""Datelines (``本报讯``, ``南方工报讯``, ``本报北京10月25日电``) and bylines (who reported).

Bylines are parsed on the *raw* text, where the spaces that separate names are still there
(``全媒体记者许接英 通讯 员穗工宣`` → 许接英, 穗工宣).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import to_match_text

_CJK = r"\u4e00-\u9fff"
DATELINE_RE = re.compile(
    rf"^(?:本(?:报|网|台|刊|站)|[{_CJK}0-9A-Za-z]{{2,8}}(?:报|网|社|台|刊|客户端))(?:\s*[-—－|｜]\s*[{_CJK}]{{2,10}}?)?"
    rf"[{_CJK}]{{0,6}}?(?:\d{{1,2}}月\d{{1,2}}日(?:\d{{1,2}}时(?:\d{{1,2}}分)?)?)?(?:讯|电)(?!员)"
)
PAREN_RE = re.compile(r"^\s*[(（]([^()（）]{2,80})[)）]")
TRAILING_RE = re.compile(rf"[(（]\s*([{_CJK}][{_CJK}\s:：、,，/]{{1,40}})\s*[)）]\s*$")
_ROLES = ("全媒体记者", "融媒体记者", "见习记者", "特约记者", "实习记者", "首席记者", "本报记者", "记者", "文字", "图文",
          "特约通讯员", "通讯员", "实习生", "作者", "撰稿", "摄影", "责任编辑", "责编", "编辑", "校对")
_ROLE_RE = re.compile("|".join(r"\s*".join(map(re.escape, r)) for r in _ROLES))
_NAME_RE = re.compile(rf"^(?:[{_CJK}]{{2,6}}|[{_CJK}]{{2,4}}·[{_CJK}]{{2,5}})$")
_SEP_RE = re.compile(r"[\s:：、,，/;；]+")
_NOT_NAMES = {"扩大", "本报", "单位供图", "供图", "记者", "通讯员", "摄", "完", "全文完", "资料图", "来源", "报道", "图片",
              "编辑", "审核", "制作", "初审", "复审", "终审", "责编", "责任编辑", "校对", "责任",
              "新华社", "中新社", "中央社", "中通社", "人民网", "新华网", "央视网", "中工网", "东南网"}  # agencies
#: what ends a body's or a medium's name, never a person's: 安陆市总工会, 三峡日报, 热林中心
_NOT_NAME_END = re.compile(r"(?:会|报|网|局|委|院|中心|公司|集团|社|站|台|厅|部|办|报道|报导|共青团|团委)$")


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    editors: tuple[str, ...] = ()


def _find_spaced(name: str, text: str) -> tuple[int, int] | None:
    """Span of the first occurrence in ``text`` of the characters of ``name`` (none of them white
    space) with only white space between them, as ``re.search(r"\\s*".join(name), text)`` finds it."""
    i = text.find(name[0])
    if i >= 0 and text.startswith(name, i):
        return i, i + len(name)  # written without a gap where its first character is first found
    while i >= 0:
        j = i + 1
        for ch in name[1:]:
            while j < len(text) and text[j].isspace():
                j += 1
            if j == len(text) or text[j] != ch:
                break
            j += 1
        else:
            return i, j
        i = text.find(name[0], i + 1)
    return None


def _in_original(name: str, norm: str, orig: str) -> str:
    """``name`` (normalised, spaces glued away) as the original text writes it (traditional kept)."""
    span = _find_spaced(name, norm)
    return "".join(orig[span[0] : span[1]].split()) if span else name


def glue_singletons(tokens: list[str]) -> list[str]:
    """A name has at least two characters: a lone CJK character split off by an OCR space belongs
    to its neighbour (``白 岚瑞`` → 白岚瑞, ``龙钧 佳`` → 龙钧佳)."""
    out: list[str] = []
    pending = ""
    for tok in tokens:
        if not tok:
            continue
        if len(tok) == 1 and "\u4e00" <= tok <= "\u9fff" and tok not in ("摄", "图", "文"):
            if out and len(out[-1]) <= 2:
                out[-1] += tok
            else:
                pending += tok
            continue
        if pending and len(tok) > 3 and len(pending) >= 2:
            out.append(pending)
        out.append(pending + tok if pending and len(tok) <= 3 else tok)
        pending = ""
    if len(pending) >= 2:  # 陈 东 at the end: the characters make one name
        out.append(pending)
    return out


def parse_byline(raw: str, *, bare: bool = False) -> Byline | None:
    """Names in a byline such as ``全媒体记者许接英 通讯 员穗工宣`` or ``通讯员:甲 乙``.

    ``bare`` accepts a paren with names only (``(罗琪)``), as at the end of an article.

    >>> parse_byline("全媒体记者许接英 通讯 员穗工宣").names
    ('许接英', '穗工宣')
    >>> parse_byline("罗琪", bare=True).names
    ('罗琪',)
    """
    orig, raw = raw, to_match_text(raw)  # 記者 → 记者; one to one, so names keep their positions
    has_role = bool(_ROLE_RE.search(raw))
    if not has_role and not bare:
        return None
    names: list[str] = []
    editors: list[str] = []
    target = names
    pos = 0
    for m in list(_ROLE_RE.finditer(raw)) + [None]:
        chunk = raw[pos : m.start()] if m else raw[pos:]
        for tok in glue_singletons(_SEP_RE.split(chunk)):
            if tok and tok not in _NOT_NAMES and _NAME_RE.match(tok) and not (len(tok) > 3 and _NOT_NAME_END.search(tok)) \
                    and not tok.endswith(("报", "网")):
                target.append(tok)
            elif tok and tok not in ("摄", "图", "文") and not _NAME_RE.match(tok) and target is names \
                    and not has_role:
                return None
        if m is None:
            break
        role = "".join(m.group(0).split())
        target = editors if role in ("责编", "编辑", "责任编辑", "校对") else names
        pos = m.end()
    if not names and not editors:
        return None
    names = [_in_original(n, raw, orig) for n in names]
    editors = [_in_original(n, raw, orig) for n in editors]
    return Byline(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(editors)))
