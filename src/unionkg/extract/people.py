"""People: names after title chains, names before a title (``甲主席``), name lists (``甲、乙等``).

A title chain such as ``广州市人大常委会党组副书记、副主任,市总工会党组书记、主席唐航浩`` gives one
position per body: (广州市人大常委会, 党组副书记、副主任) and (广州市总工会, 党组书记、主席).
Rule ids: ``person.title_chain.v1``, ``person.name_title.v1``, ``person.list.v1``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..types import Label, Mention
from .lexicon import Lexicon, alternation
from .segmenter import Segmenter
from .text import Doc

#: what may follow a name: role verbs, particles, punctuation
_CUES = ("主持", "出席", "参加", "列席", "参会", "带队", "率队", "带领", "讲话", "致辞", "发言", "作", "做", "分享",
         "等", "同志", "一行", "表示", "指出", "强调", "介绍", "说", "在", "到", "向", "为", "对", "与", "和", "及",
         "也", "还", "并", "深入", "前往", "来到", "走访", "调研", "慰问", "参观", "宣读", "传达", "通报", "主讲",
         "授课", "宣讲", "当选", "担任", "围绕", "就", "从", "以", "结合", "代表", "率", "带", "看望", "听取",
         "实地", "详细", "先后", "一同", "陪同", "分别", "首先", "随后", "最后", "亲切", "认真", "充分", "对此",
         "作为", "希望", "要求", "提出", "是", "的", "获得", "荣获", "获", "被", "解读", "讲解", "解答", "点评",
         "指导", "宣布", "颁发", "揭牌", "授牌", "致", "进行", "带头", "牵头", "主讲", "领学", "领读")
_NOT_NAME = ("职工", "工会", "会议", "全市", "全区", "全省", "大家", "同志", "一行", "代表", "主持", "出席", "干部",
             "群众", "工人", "全体", "有关", "负责", "相关", "各级", "部门", "单位", "企业", "会员", "参加", "组织")
_BARE_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}等")
_SUBUNIT = r"(?:(?:(?!工会|人大|政协)[\u4e00-\u9fff]){1,6}?(?:部|处|科|室|办|中心|车间|组|局|院|所|站|队|委|庭|班))?"


@dataclass
class Position:
    body: str  # canonical name of the body ('' when the chain names none)
    label: Label | None
    title: str
    start: int
    end: int


@dataclass
class PersonHit:
    name: str
    start: int
    end: int
    rule: str
    chain_start: int
    positions: list[Position] = field(default_factory=list)


class PeopleFinder:
    def __init__(self, lex: Lexicon, seg: Segmenter) -> None:
        self.lex = lex
        self.seg = seg
        titles = list(lex.titles) + list(lex.honours)
        self.title_alt = alternation(titles)
        self.title_re = re.compile(self.title_alt)
        self.title_only = re.compile(rf"^(?:{_SUBUNIT}(?:{self.title_alt}))(?:[兼、](?:{_SUBUNIT}(?:{self.title_alt})))*$")
        self.cue_re = re.compile(alternation(list(_CUES)))
        self.honours = lex.honours
        self.pre_titles = ("同志", "总书记", "主席", "书记", "部长", "局长", "主任", "会长", "董事长", "总经理")

    def name_at(self, m: str, p: int) -> int:
        """Length of a person name starting at ``p`` (0 if none)."""
        sl = self.lex.surname_len(m[p:p + 2])
        if not sl:
            return 0
        for length in range(sl + 1, sl + 3):
            cand = m[p:p + length]
            if len(cand) < length or not all("\u4e00" <= c <= "\u9fff" for c in cand):
                break
            if any(w in cand for w in _NOT_NAME) or self.title_re.match(cand):
                continue
            rest = m[p + length:]
            if self.seg.word_freq(cand) >= 100:
                continue  # a common word (权益, 普及, 关于), not a name
            if not rest or not ("\u4e00" <= rest[0] <= "\u9fff") or self.cue_re.match(rest) or rest.startswith(self.pre_titles):
                return length
        # no cue: ask the segmenter
        toks = self.seg.cut(m[p:p + 8])
        if toks and sl + 1 <= len(toks[0]) <= sl + 2 and not any(w in toks[0] for w in _NOT_NAME) \
                and self.seg.word_freq(toks[0]) < 100:
            return len(toks[0])
        return 0

    def find(self, doc: Doc, bodies: list[Mention], blocked: list[tuple[int, int]]) -> list[PersonHit]:
        m = doc.match
        by_start: dict[int, Mention] = {}
        for b in bodies:
            if b.label in (Label.UNION_BODY, Label.ORGANIZATION) and (b.start not in by_start or b.end > by_start[b.start].end):
                by_start[b.start] = b
        hits: list[PersonHit] = []
        taken: set[int] = set()
        for t in self.title_re.finditer(m):
            p = t.end()
            if p in taken or any(bs <= p < be for bs, be in blocked):
                continue
            n = self.name_at(m, p)
            if not n:
                continue
            sent_start = doc.sentence_of(p)[0]
            chain_start, positions = self._chain(m, sent_start, p, by_start)
            if chain_start is None:
                continue
            hits.append(PersonHit(doc.text[p:p + n], p, p + n, "person.title_chain.v1", chain_start, positions))
            taken.add(p)
            hits.extend(self._list_after(doc, p + n, hits[-1]))
        hits.extend(self._bare_lists(doc, hits, blocked))
        known = {h.name: h for h in hits}
        for name in sorted(known, key=len, reverse=True):  # later bare mentions of a named person
            for x in re.finditer(re.escape(name), doc.text):
                if any(h.start <= x.start() < h.end for h in hits) or any(bs <= x.start() < be for bs, be in blocked):
                    continue
                hits.append(PersonHit(name, x.start(), x.end(), "person.repeat.v1", x.start()))
        hits.sort(key=lambda h: h.start)
        for t in self.title_re.finditer(m):
            if t.group(0) not in self.pre_titles:
                continue
            for n in (3, 2):
                a = t.start() - n
                if a < 0 or any(h.start <= a < h.end or a <= h.start < t.start() for h in hits):
                    continue
                if self.lex.surname_len(m[a:a + 2]) and self._boundary_before(m, a) and not any(
                        w in m[a:t.start()] for w in _NOT_NAME) and all("\u4e00" <= c <= "\u9fff" for c in m[a:t.start()]):
                    if any(bs <= a < be for bs, be in blocked) and t.group(0) != "总书记":
                        continue
                    hits.append(PersonHit(doc.text[a:t.start()], a, t.start(), "person.name_title.v1", a,
                                          [Position("", None, t.group(0), t.start(), t.end())]))
                    break
        return hits

    def _boundary_before(self, m: str, a: int) -> bool:
        if a == 0 or not ("\u4e00" <= m[a - 1] <= "\u9fff"):
            return True
        return self.lex.boundary_before(m, a) is not None or m[a - 1] in "由请和、"

    def _chain(self, m: str, sent_start: int, p: int, by_start: dict[int, Mention]) -> tuple[int | None, list[Position]]:
        """Walk the title chain that ends at ``p`` leftwards; return its start and positions."""
        pieces: list[tuple[int, int]] = []
        end = p
        i = p
        while i > sent_start:
            if m[i - 1] in "、,，":
                pieces.append((i, end))
                end = i - 1
            i -= 1
        pieces.append((sent_start, end))
        chain: list[tuple[int, int, Mention | None, str]] = []  # (start, end, body, titles)
        for a, b in pieces:
            got: tuple[int, int, Mention | None, str] | None = None
            for x in range(a, b):  # a body heading the piece wins over a title-only reading
                body = by_start.get(x)
                if body is not None and body.end <= b and self.title_only.match(m[body.end:b]):
                    got = (x, b, body, m[body.end:b])
                    break
            if got is None:
                for x in range(a, b):
                    if self.title_only.match(m[x:b]):
                        got = (x, b, None, m[x:b])
                        break
            if got is None:
                break
            chain.append(got)
            if got[0] != a:
                break
        if not chain:
            return None, []
        chain.reverse()
        positions: list[Position] = []
        for x, b, body, titles in chain:
            honour = self.honours.get(titles)
            if body is None and titles in self.honours:
                if honour:
                    positions.append(Position(honour, Label.ORGANIZATION, "代表" if "代表" in titles else titles, x, b))
                continue
            if body is None:
                if positions and positions[-1].body:
                    last = positions[-1]
                    last.title += "、" + titles
                    last.end = b
                else:
                    positions.append(Position("", None, titles, x, b))
                continue
            positions.append(Position(body.name, body.label, titles, x, b))
        return chain[0][0], positions

    def _bare_lists(self, doc: Doc, hits: list[PersonHit], blocked: list[tuple[int, int]]) -> list[PersonHit]:
        """``陈明、王芳、赵强等职工代表参加活动``: names joined by 、 and closed by 等, without titles."""
        m = doc.match
        out: list[PersonHit] = []
        for x in _BARE_LIST.finditer(m):
            a = x.start()
            if any(h.start <= a < h.end for h in hits) or any(bs <= a < be for bs, be in blocked):
                continue
            if a > 0 and "\u4e00" <= m[a - 1] <= "\u9fff" and self.lex.boundary_before(m, a) is None:
                continue
            names = x.group(0)[:-1].split("、")
            if not all(self._plain_name(n) for n in names):
                continue
            pos = a
            for n in names:
                out.append(PersonHit(doc.text[pos:pos + len(n)], pos, pos + len(n),
                                     "person.list.v1" if out and out[-1].end == pos - 1 else "person.bare_list.v1", a))
                pos += len(n) + 1
        return out

    def _plain_name(self, cand: str) -> bool:
        sl = self.lex.surname_len(cand)
        return bool(sl) and sl + 1 <= len(cand) <= sl + 2 and not any(w in cand for w in _NOT_NAME) \
            and self.seg.word_freq(cand) < 100 and not self.title_re.search(cand)

    def _list_after(self, doc: Doc, pos: int, first: PersonHit) -> list[PersonHit]:
        m = doc.match
        out = []
        while pos < len(m) and m[pos] == "、":
            n = self.name_at(m, pos + 1)
            if not n or n > 3:
                break
            out.append(PersonHit(doc.text[pos + 1:pos + 1 + n], pos + 1, pos + 1 + n, "person.list.v1", first.chain_start,
                                 [Position(x.body, x.label, x.title, x.start, x.end) for x in first.positions]))
            pos += 1 + n
        return out
