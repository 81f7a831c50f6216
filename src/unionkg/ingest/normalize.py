"""One-to-one character normalisation for matching (never changes length, so offsets hold).

Traditional → simplified (table from jionlp, ``data/trad2simp.tsv``), full-width ASCII →
half-width, curly and corner quotes → ``"``, OCR look-alikes (``data/ocr_lookalikes.tsv``).
Names are always cut from the original text; the normalised copy is only searched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import read_pairs

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
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


@lru_cache(maxsize=1)
def _bmp_table() -> list[str]:
    """``_table()`` as a list indexed by code point, up to its last key in the BMP: ``str.translate``
    looks a list up about twice as fast as a dict, and leaves code points past its end as they are."""
    table = _table()
    last = max(code for code in table if code <= 0xFFFF)
    out = list(map(chr, range(last + 1)))  # every code point as itself, then the table's (a tenth of the time)
    for code, to in table.items():
        if code <= last:
            out[code] = to
    return out


#: texts up to this length are translated in one pass (a body's name: 0.4-2 µs against 3-4 for the scans;
#: from about 30 characters on the scans are faster)
_SHORT = 24

#: the characters of ordinary text that the table maps: full-width punctuation, curly and corner quotes
_COMMON = "，；：！？（）“”「」『』‘’"


@lru_cache(maxsize=1)
def _common_pairs() -> tuple[tuple[str, str], ...]:
    table = _table()
    return tuple((c, table[ord(c)]) for c in _COMMON if ord(c) in table)


@lru_cache(maxsize=1)
def _rare_or_astral_re() -> re.Pattern[str]:
    """A rare character (any other of the BMP that the table maps: traditional, other full-width
    forms) or one beyond the BMP: one scan of a long text finds both (one big class compiled)."""
    common = {ord(c) for c in _COMMON}
    rare = "".join(re.escape(chr(code)) for code in sorted(_table()) if code <= 0xFFFF and code not in common)
    return re.compile(f"[{rare}\U00010000-\U0010ffff]")


@lru_cache(maxsize=16)
def _has_rare(text: str) -> bool:
    """Has ``text`` a rare character (see ``_rare_or_astral_re``)? Memoised: ``in_script_of`` asks it
    of the same article's text for each name it writes."""
    found = _rare_or_astral_re().search(text)
    while found is not None and ord(found.group()) > 0xFFFF:
        found = _rare_or_astral_re().search(text, found.end())
    return found is not None


@lru_cache(maxsize=256)
def to_match_text(text: str) -> str:
    """Normalise ``text`` character by character; ``len(result) == len(text)``. Memoised: ingest and
    the extractor normalise each article's text in turn.

    >>> to_match_text("廣州市總工會（擴大）“一函兩書”")
    '广州市总工会(扩大)"一函两书"'
    """
    if len(text) <= _SHORT:  # a name: one pass of the table costs less than the scans below
        return _translate(text, 0)
    rare = _rare_or_astral_re().search(text)
    if rare is not None:
        return _translate(text, rare.start())
    for c, plain in _common_pairs():  # most texts: only punctuation to replace, a few scans in C
        text = text.replace(c, plain)
    return text


def _translate(text: str, start: int) -> str:
    """``text`` through the table, where no character before ``start`` is beyond the BMP."""
    if _ASTRAL_RE.search(text, start):
        return text.translate(_table())  # rare: characters beyond the BMP, some of them traditional
    return text.translate(_bmp_table())


@lru_cache(maxsize=1)
def _lookalikes() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in read_pairs("ocr_lookalikes.tsv") if len(a) == len(b))


@lru_cache(maxsize=1)
def _lookalike_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(wrong) for wrong, _right in _lookalikes()) or "(?!)")


def fix_lookalikes(text: str) -> str:
    """Repair frequent OCR look-alikes of the same length (``深人`` → ``深入``)."""
    if not _lookalike_re().search(text):
        return text
    for wrong, right in _lookalikes():
        if wrong in text:
            text = text.replace(wrong, right)
    return text


@lru_cache(maxsize=1)
def _simp2trad() -> dict[str, str]:
    """Simplified → traditional (the standard form, ``data/simp2trad.tsv``) for writing names in a
    traditional text (``会`` → ``會``; ``局`` stays)."""
    return {s: t for s, t in read_pairs("simp2trad.tsv") if len(s) == 1 and len(t) == 1}


def in_script_of(name: str, text: str) -> str:
    """``name`` written in the script of ``text``: unchanged for a simplified text; in a traditional
    text each simplified character takes the traditional one the text uses for it, else the table's
    (``鼓楼区人力资源和社会保障局`` in a text that writes ``鼓樓區`` → ``鼓樓區人力資源和社會保障局``)."""
    if not _has_rare(text):
        return name
    back = _simp2trad()
    if not any(ch in back for ch in name):
        return name
    match = to_match_text(text)
    used: dict[str, str] = {}
    for t, s in zip(text, match, strict=True):
        if t != s and s in back and s not in used:
            used[s] = t
    if not used:
        return name  # a simplified text with a stray full-width sign: nothing traditional in it
    present = set(text)  # 台 written as 台 in the text stays 台 (the table would say 臺)
    return "".join(used.get(ch, ch if ch in present else back.get(ch, ch)) for ch in name)


#: Campaign names compared (the extractor's variants, the build's grouping, a trace's look-up).
_NTH_CONGRESS = re.compile(r"[0-9一二三四五六七八九十]大")
_CONGRESS_LONG = re.compile(r"第([一二三四五六七八九十百]+)次(?:全国)?(?:会员)?代表大会")
_KEY_DROP = re.compile(r'["“”「」『』《》\s的]')
#: unions named short inside a campaign's name: 全总十八届二次执委会议精神, 省总十五届五次全委会议精神
_UNION_SHORT_FORMS = {"中华全国总工会": "全总", "全国总工会": "全总", "总工会": "总"}
_UNION_SHORT = re.compile("中华全国总工会|全国总工会|总工会")


@lru_cache(maxsize=1 << 16)
def campaign_key(name: str) -> str:
    """Comparison key of a campaign name: no quotes, spaces or 的; ``第十八次全国代表大会`` → ``十八大``;
    unions as named short (中华全国总工会 → 全总, 广东省总工会 → 广东省总)."""
    key = _CONGRESS_LONG.sub(r"\1大", _KEY_DROP.sub("", to_match_text(name)))
    return _UNION_SHORT.sub(lambda x: _UNION_SHORT_FORMS[x.group(0)], key) if "总工会" in key else key


def _is_subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(c in it for c in a)


def named_again_shorter(short: str, long_: str) -> bool:
    """``春季要约行动`` in ``集体协商春季集中要约行动`` (within one article): a programme named again by a
    shorter form that keeps its head word, its ending and its letters in order."""
    a, b = to_match_text(short), to_match_text(long_)
    return 6 <= len(a) < len(b) and a[-4:] == b[-4:] and a[:2] in b and _is_subsequence(a, b)


def same_campaign(a: str, b: str) -> bool:
    """Variants of one policy: ``医疗互助保障计划`` ⊂ ``职工医疗互助保障计划``;
    ``习近平总书记重要讲话精神`` ⊂ ``习近平总书记在全国两会上的重要讲话精神``."""
    ka, kb = campaign_key(a), campaign_key(b)
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 3 and long_.endswith(short) and not _NTH_CONGRESS.search(long_):
        return True
    return len(short) >= 6 and short[:2] == long_[:2] and short[-4:] == long_[-4:] and _is_subsequence(short, long_)
