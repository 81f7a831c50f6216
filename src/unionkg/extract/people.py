"""People: names after title chains, names before a title (``甲主席``), name lists (``甲、乙等``).

A title chain such as ``广州市人大常委会党组副书记、副主任,市总工会党组书记、主席唐航浩`` gives one
position per body: (广州市人大常委会, 党组副书记、副主任) and (广州市总工会, 党组书记、主席).
Rule ids: ``person.title_chain.v1``, ``person.name_title.v1``, ``person.list.v1``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..resources import read_words
from ..scanning import finditer_before, first_chars, scanner
from ..types import Label, Mention
from .lexicon import Lexicon, alternation
from .relations import holder_of
from .segmenter import Segmenter
from .text import Doc

#: what may follow a name and end it (data/name_followers.txt), or an adverb of manner and a speech
#: verb (环卫工人贺海福开心地说, 笑着说)
_CUES = tuple(read_words("name_followers.txt"))
_SPEECH_MANNER = r"[\u4e00-\u9fff]{2}地(?:说|表示|介绍|告诉|讲述)|笑着说"
_NOT_NAME = ("职工", "工会", "会议", "全市", "全区", "全省", "大家", "同志", "一行", "代表", "主持", "出席", "干部",
             "群众", "工人", "全体", "有关", "负责", "相关", "各级", "部门", "单位", "企业", "会员", "参加", "组织",
             "公司", "集团", "学校", "医院", "宣讲", "宣传", "商会", "协会", "荣获", "获得", "荣膺", "获评", "当选",
             "工匠", "劳模", "模范", "骨干")
_NOT_NAME_RE = re.compile(alternation(_NOT_NAME))  # .search(s): does s contain a word of _NOT_NAME?
_CUE_RE = re.compile(f"{alternation(_CUES)}|{_SPEECH_MANNER}")
_PRE_TITLES = ("同志", "总书记", "主席", "书记", "部长", "局长", "主任", "会长", "董事长", "总经理")
#: titles a leader's given name may stand before (登菊主席): the head's titles, not 同志
_GIVEN_TITLES = tuple(t for t in _PRE_TITLES if t not in ("同志", "总书记"))
#: the head of a government's title, the last of a chain piece: 县长, 常务副县长, 政府区长
GOVERNMENT_HEAD = re.compile(r"(?:^|、)(?:常务|分管|政府)?副?(省|市|区|县|镇|乡|旗|州|盟)长$")
#: appointing someone: 增补甲为…, 选举乙为…
_APPOINTS = re.compile(r"(?:增补|增选|补选|递补|替补|选举|推选|任命|聘任|聘请)(?:出)?")
_APPOINTS_END = re.compile(_APPOINTS.pattern + "$")
#: the ending of a department's name that its head's title shares (勞動部長, 人社局長, 教育厅长)
_SHARED_END = frozenset("部局厅处")
#: relieving someone of a post: 免去甲的…职务
_DISMISSES = re.compile(r"免去(?:了)?")
#: what a cadre does at a meeting, right after a name with no title (会上,王强传达了…)
_CADRE_ACT = re.compile(r"(?:主持|传达|通报|宣读|领学|讲话|致辞|致词|主讲|作(?:了)?[\u4e00-\u9fff]{0,6}报告)")
#: saying something, right after a plain name (“感谢工会的关心!”王建国说, 王建国告诉记者)
_SAYS = re.compile(r"(?:说|告诉记者|感慨道|笑着说|高兴地说)(?=[:：,，。\"“]|$)")
#: words that open a clause right before a name (data/name_openers.txt): 会上张丽当选理事长
_NAME_OPENERS = read_words("name_openers.txt")
#: a note after a title, before the name: 副主席(兼职), 副主席(挂职)
_TITLE_NOTE = re.compile(r"\((?:兼职|挂职|专职|兼|驻会)\)")
_NOTE_BEFORE = re.compile(_TITLE_NOTE.pattern + "$")  # 王琳(兼职)|当选
#: the term of a body named before its titles: 第十届委员会
_TERM = re.compile(r"(?:第[一二三四五六七八九十0-9]+届|[一二三四五六七八九十]+届)?"
                   r"(?:执行委员会|常务委员会|经费审查委员会|委员会|理事会|主席团|执委会|常委会)?")
_TERM_FIRST = re.compile(r"第[一二三四五六七八九十0-9]+届")
#: where a clause opens: after punctuation, 会上/随后/会议由
_CLAUSE_OPENERS = r"[。;；,，\n:：]|会上[,，]?|随后[,，]?|由"
_CLAUSE_OPEN = re.compile(rf"(?:^|{_CLAUSE_OPENERS})")
#: ``_CLAUSE_OPEN`` past the text's start (``_clause_opens``): a lookahead of its first characters
#: in front, where ``^|`` first has the engine enter the whole pattern at every position
_CLAUSE_OPEN_PAST_START = scanner(_CLAUSE_OPENERS)
#: a role at the event right after a name
_ROLE_NEXT = re.compile(r"(?:同志)?(?:代表[^,，。;；]{1,16}?(?:作|做)|主持|出席|致辞|致贺词|作了?[^,，。;；]{0,12}?(?:报告|讲话)|"
                        r"讲话|发言|宣读|领学)")
#: the characters a ``_ROLE_NEXT`` match starts with: most positions tried fail on one set test
_ROLE_NEXT_FIRST = first_chars(_ROLE_NEXT.pattern)
#: characters both ending names and opening cues (为, 和 …), and the roles that show which
_NAME_OR_CUE = frozenset("为和与及")
#: what closes a clause after a name (an empty string: the end of the text)
_CLAUSE_END = frozenset(("", "、", ",", "，", "。", ";", "；", ":", "：", "!", "！", "?", "？", "\n", ")", "）"))
#: a short body name the tables do not know, inside a chain (总商会, 团委会): the chain goes on past it
_UNNAMED_BODY = re.compile(r"[\u4e00-\u9fff]{1,5}(?:会|联|委|部|办|社)")
#: characters no four-character minority name (旦正道吉, 江伊拉图) holds
_NOT_IN_MINORITY_NAME = frozenset("了的是在和与及等会委部局处厅院站队组团所室办亦也")
_ROLE_AFTER_NAME = re.compile(r"(?:出席|列席|参加|主持|讲话|致辞|表示|指出|强调|介绍|同志|等|及|作了|补选|当选|"
                              r"带队|带领|率队|率领|率团|陪同|一行)")
#: a list's closing count before its election: 等15位同志, 等同志
_LIST_CLOSE = re.compile(r"等(?:[0-9一二三四五六七八九十]+(?:位|名))?同志|同志")
#: a name made something after an election in the same sentence: ,丘秋荣同志为副理事长
#: a list of names closed by 为 (选举甲、乙、丙为委员)
_LIST_THEN_MADE = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})(?:同志|等同志)?为")
_THEN_MADE = re.compile(r"[,，;；]((?:[\u4e00-\u9fff]{2,3}、)*[\u4e00-\u9fff]{2,3}?)(?:同志)?(?:为|任)")
#: a member of a list of names: two to four characters
_LIST_MEMBER = re.compile(r"[\u4e00-\u9fff]{2,4}")
#: a minority name ending a list member: 木合亚提·加尔木哈买提
_DOTTED_END = re.compile(r"[\u4e00-\u9fff]{2,5}·[\u4e00-\u9fff]{2,6}$")
#: a quoted honour a name follows: "莱阳工匠"池连学, "最美职工"甲
_QUOTED_HONOUR = re.compile(r'"[^"\n]{0,12}(?:工匠|劳动模范|劳模|标兵|能手|模范|先进个人|先进工作者|'
                            r'最美[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{1,6}之星|五一劳动奖章获得者)"')
#: prepositions that are also surnames (向, 于 …) or open a clause after "the leaders" (领导向…, 领导为…)
_PREPOSITIONS = frozenset("向为对给与和同在把将从")
_ELECTED_VERBS = "当选为|当选|担任|出任|补选为|增补为|增选为|替补为|推选为|选为|同志为|(?<=同志)任|历任|曾任|现任|兼任|挂任"
#: a career after a name and a comma: 蔡滿玉,歷任…理事長、…常務理事
_CAREER = re.compile("[,，](?:历任|曾任|现任|先后任)")
_ELECTED = scanner(r"(?:全票|高票|正式)?(?:" + _ELECTED_VERBS + ")")
#: the verb every ``_ELECTED`` match holds: texts without one need no scan for it
_ELECTED_VERB = scanner(_ELECTED_VERBS)
_BARE_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}等")
#: the words that say several people did something in turn (先后发言, 分别讲话); roles.py reads them too
IN_TURN_WORDS = "先后|分别|依次|相继|轮流"
_IN_TURN_WORD = re.compile(IN_TURN_WORDS)  # every ``_LIST_IN_TURN`` match is followed by one
#: names listed, without titles, before a role done in turn (甲、乙、丙先后发言)
_LIST_IN_TURN = re.compile(rf"((?:[\u4e00-\u9fff]{{2,4}}、)+[\u4e00-\u9fff]{{2,4}})(?=(?:同志)?(?:{IN_TURN_WORDS}))")
#: names listed, without titles, after those attending are introduced (出席会议的市领导还有甲、乙, 特邀代表有甲)
_LIST_INTRODUCED = re.compile(r"(?:(?:出席|参加|列席|参会)[^,，。;；]{0,6}的[^,，。;；]{0,6}|特邀代表|特邀嘉宾)有[:：]?"
                              r"((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4})(?=[。,，;；]|$)")
_SUBUNIT = r"(?:(?:(?!工会|人大|政协)[\u4e00-\u9fff]){1,8}?(?:部|处|科|室|办|中心|车间|组|局|院|所|站|队|委|庭|班|委员会|公司|学院))?"
#: titles that take a field before them: 人力资源总监, 安全生产专家, 法律顾问
_FIELD_TITLE = r"(?:[\u4e00-\u9fff]{2,4}?(?:总监|专家|顾问))"
#: titles of a government office, which a name in a list does not take from a union before it
_OFFICE_TITLE = re.compile(r"[省市区县镇乡]长|厅长|局长|主任科员|检察长|庭长|院长|校长|董事长|总经理|议员|人大代表|政协委员")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
#: the rest of a person's clause before the next chain: 主持会议,
_CLAUSE_GAP = re.compile(r"[\u4e00-\u9fff]{1,10}[,，]")
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}·([\u4e00-\u9fff]{2,5})")
_CHAIN_SEP = re.compile(r"[、,，]")


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


def _mask(spans: list[tuple[int, int]], size: int) -> bytearray:
    """``mask[i]`` is 1 where some span ``(s, e)`` has ``s <= i < e``."""
    mask = bytearray(size)
    for s, e in spans:  # (``_mark`` inline)
        if s < 0:
            s = 0
        if e > size:
            e = size
        if s < e:
            mask[s:e] = b"\x01" * (e - s)
    return mask


def _mark(mask: bytearray, start: int, end: int) -> None:
    start, end = max(start, 0), min(end, len(mask))
    if start < end:
        mask[start:end] = b"\x01" * (end - start)


#: a meeting that elects a body's officers: a congress, a change of term, a founding or members' meeting
_ELECTING_MEETING = re.compile(r"代表大会|换届|成立大会|会员大会")


def _election_body(doc: Doc, bodies: list[Mention], pos: int, title: str) -> Mention | None:
    """The body an election at ``pos`` fills where its sentence names none (``大会选举刘芳为副主席``):
    the holder of the congress named last before (``汉中市总工会第十一次代表大会``), else, in an
    article of a congress, a change of term or a founding meeting (代表大会, 换届, 成立大会, 会员大会),
    the union named last before. Not for
    a delegate's seat (当选为人大代表)."""
    if title.endswith("代表"):
        return None
    before = [b for b in bodies if b.start < pos and b.label in (Label.UNION_BODY, Label.ORGANIZATION)]
    congress = next((b for b in reversed(before) if b.attr("kind") == "congress" and b.attr("holder")), None)
    if congress is not None:
        return holder_of(congress, list(bodies))
    if _ELECTING_MEETING.search(doc.match, 0, pos) is None:
        return None
    return next((b for b in reversed(before) if b.label is Label.UNION_BODY), None)


def _clause_opens(m: str) -> Iterator[int]:
    """The ends of ``_CLAUSE_OPEN``'s matches in ``m``, in order: its empty match at the start, then
    the matches of the rest of it (a match at the start after the empty one included, as there)."""
    yield 0
    for x in _CLAUSE_OPEN_PAST_START.finditer(m):
        yield x.end()


def _bare_lists(m: str) -> Iterator[re.Match[str]]:
    """``_BARE_LIST.finditer(m)``, tried only two to four characters before a 、 (its first item's)."""
    return finditer_before(_BARE_LIST, m, "、", 4)


#: bodies that have no chair (主席): party committees, governments, congresses' standing committees
_CHAIRLESS = re.compile(r"^(?!.*政协).*(?:委|委员会|政府|常委会)$")


def _no_chair_in(body: Position, title: str) -> bool:
    """A 主席 listed after ``市委常委、副市长甲`` is not 市委's: an organisation that has no chair (a
    政协's 委员会 and unions have one)."""
    return "主席" in title and body.label is Label.ORGANIZATION and _CHAIRLESS.match(body.body) is not None


def _inherit_bodies(doc: Doc, hits: list[PersonHit], bodies: list[Mention]) -> None:
    """``市总工会党组副书记、副主席甲,党组成员、副主席乙、丙`` and ``市总工会主席甲主持会议,副主席乙…``:
    a chain without a body, listed after a person's chain in the same sentence (right after it, or
    after the clause the person opens), is in that person's last body (not for office titles such
    as 副市长, which a union officer's neighbour does not share, nor for a chair after a party
    committee, a government or a standing committee, which have none)."""
    m = doc.match
    starts = sorted(b.start for b in bodies)
    prev: PersonHit | None = None
    for h in hits:
        begin = h.start if h.rule == "person.list.v1" else h.chain_start  # a list member: its own name
        gap = m[prev.end:begin] if prev is not None else ""
        if prev is not None and h.positions and not any(p.body for p in h.positions) \
                and (gap in ("、", ",", "，") or (_CLAUSE_GAP.fullmatch(gap) and not any(
                    prev.end <= x < begin for x in starts[bisect_left(starts, prev.end):]))) \
                and doc.sentence_of(h.start) == doc.sentence_of(prev.start):
            last = next((p for p in reversed(prev.positions) if p.body and p.label is not None), None)
            if last is not None and not any(_OFFICE_TITLE.search(p.title) or _no_chair_in(last, p.title)
                                            for p in h.positions):
                for p in h.positions:
                    p.body, p.label = last.body, last.label
        prev = h


class PeopleFinder:
    def __init__(self, lex: Lexicon, seg: Segmenter) -> None:
        self.lex = lex
        self.seg = seg
        titles = list(lex.titles) + list(lex.honours)
        self.title_alt = f"(?:{alternation(lex.title_prefixes)})?(?:{alternation(titles)})(?:候选人)?"
        self.title_re = scanner(self.title_alt, pairs=True)
        unit = rf"(?:{_SUBUNIT}(?:{self.title_alt})|{_FIELD_TITLE})"
        # titles only, up to the end of the string (or of ``endpos``): ``党组书记、主席``
        self.titles_to_end = re.compile(rf"(?:{unit}(?:[兼、]{unit})*)$")
        self.titles_run = re.compile(rf"(?:{self.title_alt})(?:[兼、](?:{self.title_alt}))*")
        self.honours = lex.honours
        #: a surname and a form of address (张女士, 李师傅): someone unnamed (data/forms_of_address.txt)
        self.forms_of_address = frozenset(read_words("forms_of_address.txt"))

    def name_at(self, m: str, p: int) -> int:
        """Length of a person name starting at ``p`` (0 if none)."""
        dotted = _DOT_NAME.match(m, p)
        if dotted:  # 艾力·吐尔逊, 阿依古丽·买买提: names of the ethnic minorities
            for q in range(dotted.start(1) + 2, dotted.end()):
                if _ROLE_AFTER_NAME.match(m, q):
                    return q - p  # 阿依古丽·买买提带队: the role after the name, not in it
            for q in range(dotted.end(), dotted.start(1) + 1, -1):
                if self._name_ends(m, q):
                    return q - p
        sl = self.lex.surname_len(m[p:p + 2])
        if not sl:
            return 0
        han = _HAN.match(m, p, p + sl + 2)
        longest = han.end() - p if han else 0
        for length in range(sl + 1, min(sl + 2, longest) + 1):
            cand = m[p:p + length]
            if _NOT_NAME_RE.search(cand) or self.title_re.match(cand) or self._common_word(cand) \
                    or cand[sl:] in self.forms_of_address:
                continue  # a common word (权益, 普及, 关于), someone unnamed (张女士), not a name
            if length > sl + 1 and self._common_word(cand[:sl + 1]) and self._common_word(m[p + length - 1:p + length + 1]) \
                    and not self.seg.is_person_name(cand):
                break  # 职工安心工作: two words (安心|工作) across the name's end, not a name
            if m[p] in _NAME_OR_CUE and m[p - 2:p] == "职工" and not self.seg.is_person_name(cand):
                continue  # 困难职工和新就业形态劳动者: 和 joins two groups of people, no name 和新
            if self._name_ends(m, p + length):
                if length == sl + 1 and m[p + length:p + length + 1] in _NAME_OR_CUE \
                        and (_ROLE_AFTER_NAME.match(m, p + length + 1)
                             or m[p + length + 1:p + length + 2] in _CLAUSE_END) \
                        and not _NOT_NAME_RE.search(m, p, p + length + 1):
                    # 田祖为出席会议, 副主席马子和,: 为/和 end the name, not a cue (nothing after 和 to join)
                    return length + 1
                return length
        # no cue: ask the segmenter
        toks = self.seg.cut(m[p:p + 8])
        if toks and sl + 1 <= len(toks[0]) <= sl + 2 and not _NOT_NAME_RE.search(toks[0]) \
                and not self._common_word(toks[0]) and toks[0][sl:] not in self.forms_of_address:
            return len(toks[0])
        return 0

    def _minority_name(self, m: str, p: int) -> int:
        """A name of four characters without a surname right after a title (藏族 旦正道吉, 蒙古族
        江伊拉图), closed by punctuation or a role (出席, 主持 …), made of no common words: 4, else 0."""
        cand = m[p:p + 4]
        if len(cand) < 4 or not _HAN.fullmatch(cand) or not (p + 4 >= len(m) or m[p + 4] in "、,，。;；"
                                                               or _ROLE_AFTER_NAME.match(m, p + 4)):
            return 0
        if _NOT_NAME_RE.search(cand) or self.title_re.search(cand):
            return 0
        f = self.seg.word_freq
        if any(c in _NOT_IN_MINORITY_NAME for c in cand) or f(cand) or f(cand[:3]) >= 20 or f(cand[1:]) >= 20 \
                or f(cand[:2]) >= 20 or f(cand[2:]) >= 20:
            return 0  # 亲切看望, 书屋授牌, 会等机构: words, not a name
        return 4

    def _common_word(self, word: str) -> bool:
        """A frequent word of jieba's dictionary that it does not tag as a person's name (a tag trusted
        for three characters or below a thousand: jieba tags 文明 and 阳光 nr too)."""
        freq = self.seg.word_freq(word)
        return freq >= 100 and not ((len(word) == 3 or freq < 1000) and self.seg.is_person_name(word))

    def _name_ends(self, m: str, q: int) -> bool:
        """May a name end before ``m[q]`` (end of text, non-Han, a cue or a title)?"""
        return q >= len(m) or not ("\u4e00" <= m[q] <= "\u9fff") or _CUE_RE.match(m, q) is not None \
            or m.startswith(_PRE_TITLES, q) or (m[q] == "任" and self.title_re.match(m, q + 1) is not None)  # 甲任副团长

    def find(self, doc: Doc, bodies: list[Mention], blocked: list[tuple[int, int]],
             proposed: Sequence[tuple[int, int]] = ()) -> list[PersonHit]:
        """The people of ``doc``; ``proposed``: name spans a statistical NER offers (``extract/ner.py``),
        taken where no rule found a name and bound like the rules' own (``_proposed``)."""
        m = doc.match
        size = max(len(m), len(doc.text)) + 1
        # no name starts inside a body's name (区委书记: 区 is a surname, 区委 no person)
        stop = _mask(blocked + [(b.start, b.end) for b in bodies if b.label in (Label.UNION_BODY, Label.ORGANIZATION)],
                     size)
        in_place = _mask([(b.start, b.end) for b in bodies if b.label is Label.PLACE], size)
        titles = []
        for t in self.title_re.finditer(m):
            if in_place[t.start()]:  # 东莞市长安镇: no 市长; 金家岭街道办主任: 主任 after the place
                e = t.end()
                pe = max(b.end for b in bodies if b.label is Label.PLACE and b.start <= t.start() < b.end)
                after = self.title_re.search(m, pe, e) if pe < e else None
                if after is not None and after.end() == e:
                    t = after
                elif not (t.start() == pe - 1 and not in_place[e - 1] and GOVERNMENT_HEAD.match(t.group(0))):
                    continue  # (but 深圳市长王伟中: the place's 市 is the mayor's, 长 no place's)
            titles.append(t)
        hits = self._chains(doc, titles, bodies, stop)
        covered = _mask([(h.start, h.end) for h in hits], size)
        if proposed:
            self._proposed(doc, proposed, hits, bodies, covered, stop)
        bare = self._bare_lists(doc, covered, stop)
        hits.extend(bare)
        for h in bare:
            _mark(covered, h.start, h.end)
        self._repeats(doc.text, hits, covered, stop, doc.match)
        hits.sort(key=lambda h: h.start)
        self._names_before_titles(doc, titles, hits, covered, stop)
        self._names_before_roles(doc, hits, covered, stop)
        self._names_after_honours(doc, hits, covered, stop)
        _inherit_bodies(doc, hits, bodies)
        self._names_before_elected(doc, hits, covered, stop)
        self._elected(doc, hits, bodies)
        self._appointed(doc, hits, bodies, covered, stop)
        self._names_before_tongzhi(doc, hits, covered, stop)  # last: not inside the lists above
        self._names_before_acts(doc, hits, covered, stop)
        self._names_before_acts(doc, hits, covered, stop, _SAYS, "person.speaker.v1")
        self._dismissed(doc, hits, covered, stop)
        self._names_with_unit(doc, hits, bodies, covered, stop)
        hits.sort(key=lambda h: h.start)
        return hits

    def _names_with_unit(self, doc: Doc, hits: list[PersonHit], bodies: list[Mention], covered: bytearray,
                         stop: bytearray) -> None:
        """``黄振宇(珠海格力电器股份有限公司高级工程师)``: a name opening a line or a list item, its unit and
        title in brackets after it (lists of award winners), holds that position (rule ``person.name_unit.v1``)."""
        m = doc.match
        by_start = {b.start: b for b in bodies if b.label in (Label.UNION_BODY, Label.ORGANIZATION)}
        b = m.find("(", 1)
        while b > 0:  # each bracket a body opens, the name before it
            body = by_start.get(b + 1)
            a = self._name_before_bracket(m, b) if body is not None else -1
            title = self.titles_run.match(m, body.end) if body is not None and a >= 0 else None
            if body is not None and title is not None and m[title.end():title.end() + 1] == ")" \
                    and not covered[a] and not stop[a]:
                hits.append(PersonHit(doc.text[a:b], a, b, "person.name_unit.v1", a,
                                      [Position(body.name, body.label, title.group(0), body.start, title.end())]))
                _mark(covered, a, b)
            b = m.find("(", b + 1)

    def _name_before_bracket(self, m: str, b: int) -> int:
        """Where a plain name of two to four characters opening a line or a list item ends at ``b``
        (``\n黄振宇(``, ``、李小红(``), or -1."""
        for k in (2, 3, 4):
            a = b - k
            if a < 0 or not _HAN.fullmatch(m, a, b):
                break
            if (a == 0 or m[a - 1] in "\n、;；,，:：") and self._plain_name(m[a:b]):
                return a
        return -1

    def _dismissed(self, doc: Doc, hits: list[PersonHit], covered: bytearray, stop: bytearray) -> None:
        """``免去李志勇的珠海市总工会副主席职务``, ``免去陈刚同志县总工会副主席职务``: the person relieved of a
        post (no position: it is no longer held; rule ``person.dismissed.v1``)."""
        m = doc.match
        for x in _DISMISSES.finditer(m) if "免去" in m else ():
            a = x.end()
            k = next((k for k in (3, 2) if self._plain_name(m[a:a + k]) and (
                m.startswith(("的", "同志", "、"), a + k) or (stop[a + k] and not stop[a + k - 1])
                or m[a + k:a + k + 1] in ("省", "市", "县", "区", "镇", "乡"))), 0)  # 免去陈刚县总工会副主席职务
            if k and not covered[a] and not stop[a]:
                hits.append(PersonHit(doc.text[a:a + k], a, a + k, "person.dismissed.v1", a))
                _mark(covered, a, a + k)

    def _names_before_acts(self, doc: Doc, hits: list[PersonHit], covered: bytearray, stop: bytearray,
                           acts: re.Pattern[str] | None = None, rule: str = "person.before_act.v1") -> None:
        """``会上,王强传达了省委全会精神``: a plain name opening a clause, right before what a cadre does
        at a meeting (主持, 传达, 通报, 宣读, 领学, 讲话, 作…报告: ``_CADRE_ACT``), is a person's, where no
        title names them (rule ``person.before_act.v1``); with ``_SAYS``, one quoted (``“…”王建国说``,
        rule ``person.speaker.v1``: a speaker, not a cadre)."""
        m = doc.match

        def opens(a: int) -> bool:  # a clause opens before the name
            return a == 0 or m[a - 1] in ",，。;；:：\n\"”由" or (a >= 2 and m.startswith(_NAME_OPENERS, a - 2))

        self._names_before(doc, (acts or _CADRE_ACT).finditer(m), hits, covered, stop, opens, rule)

    def _appointed(self, doc: Doc, hits: list[PersonHit], bodies: list[Mention], covered: bytearray,
                   stop: bytearray) -> None:
        """``增补王晓静同志为区总工会第十届委员会委员、常委、副主席``, ``选举刘芳、陈涛为副主席``: names made
        something by the body after 为, else by the body the sentence named before, else by the
        election's body (``_election_body``)."""
        m = doc.match
        by_start = {b.start: b for b in bodies if b.label in (Label.UNION_BODY, Label.ORGANIZATION)}
        by_hit = {h.start: h for h in hits}
        for x in _APPOINTS.finditer(m):
            names = self._appointed_names(m, x.end())
            if not names or stop[x.end()]:
                continue
            a, q = names[0][0], names[-1][1]
            q += 3 if m.startswith("同志", q) else 1
            body = by_start.get(q)
            if body is not None:
                t = _TERM.match(m, body.end)
                titles = self.titles_run.match(m, t.end() if t else body.end)
            else:  # 主席团会议推选徐留平为书记处第一书记: the body the sentence named before
                sent = doc.sentence_of(a)
                before = [b for b in bodies if sent[0] <= b.start < x.start() and b.attr("kind") != "congress"
                          and b.label in (Label.UNION_BODY, Label.ORGANIZATION)]
                titles = self.titles_run.match(m, q)
                body = before[-1] if before else (
                    _election_body(doc, bodies, x.start(), titles.group(0)) if titles else None)
            if body is None or titles is None:
                continue
            for s, e in names:
                h = by_hit.get(s)
                if h is None:
                    if covered[s]:
                        continue
                    h = PersonHit(doc.text[s:e], s, e, "person.appointed.v1", s)
                    hits.append(h)
                    by_hit[s] = h
                    _mark(covered, s, e)
                h.positions.append(Position(body.name, body.label, titles.group(0), body.start, titles.end()))
            self._then_made(doc, hits, body, titles.end(), doc.sentence_of(a)[1], by_hit)
        hits.sort(key=lambda h: h.start)

    def _appointed_names(self, m: str, a: int) -> list[tuple[int, int]]:
        """The names appointed after 选举/增补 at ``a`` (``刘芳、陈涛为``, ``王晓静同志为``), as spans; none
        unless the list closes with 为. A list of several may hold rarer surnames (忻国伟) where most
        of its members are plain names."""
        one = next((k for k in (3, 2) if self._plain_name(m[a:a + k]) and m.startswith(("为", "同志为"), a + k)), 0)
        if one:
            return [(a, a + one)]
        close = _LIST_THEN_MADE.match(m, a)
        if close is None:
            return []
        members = close.group(1).split("、")
        if any(_NOT_NAME_RE.search(x) or self.title_re.search(x) for x in members) \
                or sum(self._plain_name(x) for x in members) * 2 < len(members):
            return []
        out, pos = [], a
        for x in members:
            out.append((pos, pos + len(x)))
            pos += len(x) + 1
        return out

    @staticmethod
    def _past_list(m: str, h: PersonHit, by_start: dict[int, PersonHit]) -> int:
        """Where the list ``h`` heads ends (``甲同志``, ``甲、乙、丙``): the position of what follows."""
        q = h.end
        while True:
            close = _LIST_CLOSE.match(m, q) or _TITLE_NOTE.match(m, q)  # 甲同志, 乙(兼职)
            if close is not None:
                q = close.end()
            nxt = by_start.get(q + 1) if m[q:q + 1] == "、" else None
            if nxt is None:
                return q
            q = nxt.end

    def _names_before_elected(self, doc: Doc, hits: list[PersonHit], covered: bytearray, stop: bytearray) -> None:
        """``,韦小燕当选为副主席``: a name standing alone before 当选/担任."""
        m = doc.match
        ends = {h.end for h in hits}
        for x in _ELECTED.finditer(m) if _ELECTED_VERB.search(m) else ():
            q = x.start()
            close = next((c for c in _LIST_CLOSE.finditer(m, max(0, q - 9), q) if c.end() == q), None)
            q = close.start() if close is not None else q  # 甲、乙等15位同志当选为副主席
            note = _NOTE_BEFORE.search(m, max(0, q - 4), q)
            q = note.start() if note is not None else q  # 张敏、王琳(兼职)当选为副主席
            if self._whole_list(doc, q, hits, covered, stop):
                continue
            while q not in ends:  # 刘佳、何长林、杜晓光当选为副主席: the list, right to left
                dotted = _DOTTED_END.search(m, max(0, q - 13), q)
                if dotted is not None and m[dotted.start() - 1:dotted.start()] in ("、", ""):
                    a = dotted.start() if not covered[dotted.start()] else None  # 木合亚提·加尔木哈买提
                else:
                    a = next((q - n for n in (3, 2) if q - n >= 0 and not covered[q - n] and not stop[q - n]
                              and self._plain_name(m[q - n:q])), None)
                if a is None or not (self._boundary_before(m, a) or m[a - 1] == "、"):
                    break
                hits.append(PersonHit(doc.text[a:q], a, q, "person.elected.v1", a))
                _mark(covered, a, q)
                if m[a - 1] != "、":
                    break
                q = a - 1
        hits.sort(key=lambda h: h.start)

    def _whole_list(self, doc: Doc, q: int, hits: list[PersonHit], covered: bytearray, stop: bytearray) -> bool:
        """``徐留平、孙菊生、巨晓林、木合亚提·加尔木哈买提等15位同志当选``: a list of three or more
        short members closing a clause before an election is a list of names, rare surnames and
        minority names included, where most members are plain names. True if it took the list."""
        m = doc.match
        a = max(m.rfind(c, 0, q) for c in ",，;；:：。\n") + 1
        members = m[a:q].split("、")
        if len(members) < 3 or any(not (_LIST_MEMBER.fullmatch(x) or _DOTTED_END.fullmatch(x)) or _NOT_NAME_RE.search(x)
                                   or self.title_re.search(x) for x in members):
            return False
        if sum(self._plain_name(x) for x in members) * 2 < len(members):
            return False
        pos = a
        for x in members:
            if not covered[pos] and not stop[pos]:
                hits.append(PersonHit(doc.text[pos:pos + len(x)], pos, pos + len(x), "person.elected.v1", pos))
                _mark(covered, pos, pos + len(x))
            pos += len(x) + 1
        return True

    def _elected(self, doc: Doc, hits: list[PersonHit], bodies: list[Mention]) -> None:
        """``甲当选为联合会主席``, ``乙担任市总工会兼职副主席``: a position taken after the name."""
        m = doc.match
        by_start = {b.start: b for b in bodies if b.label in (Label.UNION_BODY, Label.ORGANIZATION)}
        last: tuple[tuple[int, int], Mention] | None = None  # (sentence, body) of the last election
        by_hit_start = {h.start: h for h in hits}
        for h in hits:
            q = self._past_list(m, h, by_hit_start)
            x = _ELECTED.match(m, q) or _CAREER.match(m, q)
            if x is None:
                continue
            at = x.end() + 1 if m.startswith("该", x.end()) else x.end()  # 当选为该县残联主席: the body named so
            ahead = _TERM_FIRST.match(m, at)  # 当选为第二届凌海市总工会主席: the term before the body
            body = by_start.get(at) or (by_start.get(ahead.end()) if ahead else None)
            sent = doc.sentence_of(h.start)
            bare_term = _TERM.match(m, x.end() + 2) if m.startswith("工会", x.end()) else None
            if body is None and bare_term is not None and bare_term.end() > x.end() + 2:  # 当选为工会第一届委员会主席: the union named before
                before = [b for b in bodies if b.start < h.start and b.label is Label.UNION_BODY]
                body = before[-1] if before else None
                title = self.title_re.match(m, bare_term.end())
            elif body is None:  # …当选为联合会主席,乙当选为副主席 / 选举产生了楼宇工联会…,甲当选主席
                before = [b for b in bodies if sent[0] <= b.start < h.start and b.label is Label.UNION_BODY]
                body = last[1] if last is not None and last[0] == sent else (before[-1] if before else None)
                title = self.title_re.match(m, x.end())
                if body is None and title is not None:  # 大会选举产生了新一届委员会。甲当选为主席
                    body = _election_body(doc, bodies, h.start, title.group(0))
            else:
                term = _TERM.match(m, body.end)  # 中华全国总工会第十八届执行委员会副主席
                title = self.title_re.match(m, term.end() if term else body.end) if body else None
            if body is None or title is None:
                continue
            last = (sent, body)
            if not any(p.body == body.name and p.title == title.group(0) for p in h.positions):
                h.positions.append(Position(body.name, body.label, title.group(0), x.end(), title.end()))
            while m.startswith("、", title.end()) and (more := by_start.get(title.end() + 1)) is not None \
                    and (more_title := self.title_re.match(m, more.end)) is not None:  # 历任甲县总工会副主席、乙县妇联主席
                body, title = more, more_title
                if not any(p.body == body.name and p.title == title.group(0) for p in h.positions):
                    h.positions.append(Position(body.name, body.label, title.group(0), body.start, title.end()))
            self._then_made(doc, hits, body, title.end(), sent[1], by_hit_start)

    def _then_made(self, doc: Doc, hits: list[PersonHit], body: Mention, pos: int, end: int,
                   by_start: dict[int, PersonHit]) -> None:
        """``甲当选为…理事长,乙同志为副理事长``: later in the election's sentence, a name made
        something (为/任 and a title) takes that position in the same body."""
        m = doc.match
        for x in _THEN_MADE.finditer(m, pos, end):
            title = self.titles_run.match(m, x.end())
            names = x.group(1).split("、")
            if title is None or not all(self._plain_name(n) for n in names):
                continue
            a = x.start(1)
            for name in names:
                h = by_start.get(a)
                if h is None:
                    h = PersonHit(doc.text[a:a + len(name)], a, a + len(name), "person.elected.v1", a)
                    hits.append(h)
                    by_start[a] = h
                if not any(p.body == body.name and p.title == title.group(0) for p in h.positions):
                    h.positions.append(Position(body.name, body.label, title.group(0), x.end(), title.end()))
                a += len(name) + 1

    def _chains(self, doc: Doc, titles: list[re.Match[str]], bodies: list[Mention],
                stop: bytearray) -> list[PersonHit]:
        """Names after title chains (with the lists that follow them)."""
        m = doc.match
        by_start: dict[int, Mention] = {}
        for b in bodies:
            if b.label in (Label.UNION_BODY, Label.ORGANIZATION) and (b.start not in by_start or b.end > by_start[b.start].end):
                by_start[b.start] = b
        starts = sorted(by_start)
        hits: list[PersonHit] = []
        taken: set[int] = set()
        for t in titles:
            p = t.end()
            if p in taken or stop[p]:
                continue
            n = self.name_at(m, p)
            if (not n or n < 4 and not self._name_ends(m, p + n)) and self._minority_name(m, p):
                n = 4  # 乌力吉图出席: the name runs on past what looked like a surname's
            if not n and m[p:p + 1] == "、":  # 县纪委书记、旦正道吉,: a stray 、 before the name
                n = self.name_at(m, p + 1) or self._minority_name(m, p + 1)
                if not n or m[p + 1 + n:p + 2 + n] not in (",", "，"):
                    continue
                p += 1
            note = _TITLE_NOTE.match(m, p) if not n else None
            if note is not None:  # 副主席(兼职)王琳: the title's note, then the name
                n = self.name_at(m, note.end())
                if not n or stop[note.end()]:
                    continue
                p = note.end()
            if not n or (t.group(0).endswith("领导") and m[p] in _PREPOSITIONS):
                continue  # 省总领导向到场的劳模…, 市领导为获奖者颁奖: a preposition after "the leaders", no name
            sent_start = doc.sentence_of(p)[0]
            chain_start, positions = self._chain(m, sent_start, t.end(), by_start, starts)  # the chain ends at the title
            if chain_start is None:
                continue
            hits.append(PersonHit(doc.text[p:p + n], p, p + n, "person.title_chain.v1", chain_start, positions))
            taken.add(p)
            hits.extend(self._list_after(doc, p + n, hits[-1], stop))
        return hits

    def _proposed(self, doc: Doc, proposed: Sequence[tuple[int, int]], hits: list[PersonHit],
                  bodies: list[Mention], covered: bytearray, stop: bytearray) -> None:
        """Names a statistical NER proposes, where no rule found one: after a title chain a name holds its
        positions (``person.ner_chain.v1``), right after a listed name (``、``) it shares that name's
        (``person.list.v1``), else it stands alone (``person.ner.v1``). The rules after this step (lists,
        repeats, 当选, inherited bodies) treat them as their own."""
        m = doc.match
        by_start: dict[int, Mention] = {}
        for x in bodies:
            if x.label in (Label.UNION_BODY, Label.ORGANIZATION) and (x.start not in by_start or x.end > by_start[x.start].end):
                by_start[x.start] = x
        starts = sorted(by_start)
        ends = {h.end: h for h in hits}
        for a, b in sorted(proposed):
            if not 0 <= a < b <= len(m) or stop[a] or covered.find(1, a, b) >= 0:
                continue
            prev = ends.get(a - 1) if a and m[a - 1] == "、" else None
            if prev is not None and prev.positions:
                h = PersonHit(doc.text[a:b], a, b, "person.list.v1", prev.chain_start,
                              [Position(q.body, q.label, q.title, q.start, q.end) for q in prev.positions])
            else:
                chain_start, positions = self._chain(m, doc.sentence_of(a)[0], a, by_start, starts)
                h = PersonHit(doc.text[a:b], a, b, "person.ner.v1" if chain_start is None else "person.ner_chain.v1",
                              a if chain_start is None else chain_start, positions)
            hits.append(h)
            ends[b] = h
            _mark(covered, a, b)
        hits.sort(key=lambda h: h.start)

    def _names_before_roles(self, doc: Doc, hits: list[PersonHit], covered: bytearray, stop: bytearray) -> None:
        """``会上,刘丽君代表区妇联做了工作报告``: a plain name opening a clause, right before a role at
        the event (代表…作报告, 主持, 出席, 致辞 …), is a person's, title or not (rule
        ``person.before_role.v1``)."""
        m = doc.match
        first = _ROLE_NEXT_FIRST
        for a in _clause_opens(m):
            if a >= len(m) or covered[a] or stop[a]:
                continue
            if first is not None and m[a + 3:a + 4] not in first and m[a + 2:a + 3] not in first:
                continue  # no role starts after two or three characters: no name here
            n = next((k for k in (3, 2) if _ROLE_NEXT.match(m, a + k) and self._plain_name(m[a:a + k])), 0)
            if n:
                hits.append(PersonHit(doc.text[a:a + n], a, a + n, "person.before_role.v1", a))
                _mark(covered, a, a + n)
        hits.sort(key=lambda h: h.start)

    def _names_before_tongzhi(self, doc: Doc, hits: list[PersonHit], covered: bytearray, stop: bytearray) -> None:
        """``大会批准王永联同志代表…所作的报告``: a plain name right before 同志, where a word ends
        before it, is a person's (rule ``person.tongzhi.v1``)."""
        m = doc.match

        def opens(a: int) -> bool:  # a word ends before the name
            return a == 0 or not "\u4e00" <= m[a - 1] <= "\u9fff" or m[a - 1] in "了、和与及" \
                or self.lex.boundary_before(m, a) is not None

        self._names_before(doc, re.finditer("同志", m) if "同志" in m else (), hits, covered, stop, opens,
                           "person.tongzhi.v1")
        hits.sort(key=lambda h: h.start)

    def _names_before(self, doc: Doc, marks: Iterable[re.Match[str]], hits: list[PersonHit], covered: bytearray,
                      stop: bytearray, opens: Callable[[int], bool], rule: str) -> None:
        """A plain name of two or three characters right before each of ``marks``, where ``opens`` says a
        name may begin and no other hit covers it: a person's (``rule``)."""
        m = doc.match
        for x in marks:
            p = x.start()
            for k in (3, 2):
                a = p - k
                if a < 0 or covered[a] or stop[a] or covered[p - 1]:
                    continue
                if self._plain_name(m[a:p]) and opens(a):
                    hits.append(PersonHit(doc.text[a:p], a, p, rule, a))
                    _mark(covered, a, p)
                    break

    def _names_after_honours(self, doc: Doc, hits: list[PersonHit], covered: bytearray, stop: bytearray) -> None:
        """``"莱阳工匠"池连学、"山东省劳动模范"初鹏飞``: a name right after a quoted honour (rule
        ``person.honoured.v1``)."""
        m = doc.match
        for x in _QUOTED_HONOUR.finditer(m) if '"' in m else ():
            a = x.end()
            if a >= len(m) or covered[a] or stop[a]:
                continue
            n = self.name_at(m, a)
            if n and (a + n >= len(m) or not "\u4e00" <= m[a + n] <= "\u9fff" or _CUE_RE.match(m, a + n)
                      or m[a + n] in "的和等"):
                hits.append(PersonHit(doc.text[a:a + n], a, a + n, "person.honoured.v1", x.start()))
                _mark(covered, a, a + n)
        hits.sort(key=lambda h: h.start)

    def _repeats(self, text: str, hits: list[PersonHit], covered: bytearray, stop: bytearray, match: str) -> None:
        """Later bare mentions of a named person, longest names first; then a leader named again by
        the given name and a title (李登菊 … 登菊主席代表省委…: rule ``person.given_name.v1``), or by the
        surname and a title where one person of that surname holds a position (林伟 … 林主席强调: rule
        ``person.surname_title.v1``)."""
        names = sorted(dict.fromkeys(h.name for h in hits), key=len, reverse=True)
        for name in names:
            n = len(name)
            i = text.find(name)
            while i >= 0:
                if not covered[i] and not stop[i]:
                    hits.append(PersonHit(name, i, i + n, "person.repeat.v1", i))
                    _mark(covered, i, i + n)
                i = text.find(name, i + n)
        given = {h.name[1:]: h.name for h in hits if len(h.name) == 3 and h.end - h.start == 3
                 and self.lex.surname_len(match[h.start:h.start + 2]) == 1}  # the surname in the match text (張)
        for g, name in given.items():
            if sum(other[1:] == g for other in names) > 1:
                continue  # two people of that given name: whose?
            i = text.find(g)
            while i >= 0:
                if not covered[i] and not stop[i] and match.startswith(_GIVEN_TITLES, i + 2) \
                        and not ("\u4e00" <= text[i - 1:i] <= "\u9fff"):
                    hits.append(PersonHit(name, i, i + 2, "person.given_name.v1", i))
                    _mark(covered, i, i + 2)
                i = text.find(g, i + 2)
        # 林伟 … 林主席强调: the one person of that surname named with a title before, by surname and title
        by_surname: dict[str, set[str]] = {}
        for h in hits:
            k = self.lex.surname_len(match[h.start:h.start + 2])
            if k and len(h.name) > k and h.positions:
                by_surname.setdefault(match[h.start:h.start + k], set()).add(h.name)
        for sur, who in by_surname.items():
            if len(who) != 1 or sum(n.startswith(sur) for n in names) > 1:
                continue
            name = next(iter(who))
            first = min(h.start for h in hits if h.name == name)
            i = match.find(sur, first + len(name))
            while i >= 0:
                k = i + len(sur)
                if not covered[i] and not stop[i] and match.startswith(_GIVEN_TITLES, k + (match[k:k + 1] == "副")) \
                        and not ("\u4e00" <= match[i - 1:i] <= "\u9fff") and not match.startswith(_GIVEN_TITLES, i):
                    hits.append(PersonHit(name, i, k, "person.surname_title.v1", i))
                    _mark(covered, i, k)
                i = match.find(sur, k)

    def _names_before_titles(self, doc: Doc, titles: list[re.Match[str]], hits: list[PersonHit],
                             covered: bytearray, stop: bytearray) -> None:
        """``甲主席``: a name right before a title, where no other hit is."""
        m = doc.match
        begins = bytearray(len(covered))
        for h in hits:
            begins[h.start] = 1
        for t in titles:
            title = t.group(0)
            if title not in _PRE_TITLES:
                continue
            ts = t.start()
            for n in (3, 2):
                a = ts - n
                if a < 0 or covered[a] or begins.find(1, a, ts) >= 0:
                    continue
                if n == 3 and m[ts - 1] == "为" and _APPOINTS_END.search(m[max(0, a - 4):a]):
                    continue  # 选举李明为主席: 李明 is appointed (_appointed), not 李明为
                if self.lex.surname_len(m[a:a + 2]) and self._boundary_before(m, a) \
                        and not _NOT_NAME_RE.search(m, a, ts) and _HAN.fullmatch(m, a, ts) \
                        and not self._common_word(m[a:ts]):  # 劳工局长: a bureau's chief, no 劳工
                    if stop[a] and title != "总书记":
                        continue
                    hits.append(PersonHit(doc.text[a:ts], a, ts, "person.name_title.v1", a,
                                          [Position("", None, title, ts, t.end())]))
                    _mark(covered, a, ts)
                    begins[a] = 1
                    break

    def _boundary_before(self, m: str, a: int) -> bool:
        if a == 0 or not ("\u4e00" <= m[a - 1] <= "\u9fff"):
            return True
        return self.lex.boundary_before(m, a) is not None or m[a - 1] in "由请和、" \
            or (a >= 2 and m.startswith(_NAME_OPENERS, a - 2))

    def _chain(self, m: str, sent_start: int, p: int, by_start: dict[int, Mention],
               starts: list[int]) -> tuple[int | None, list[Position]]:
        """Walk the title chain that ends at ``p`` leftwards; return its start and positions."""
        chain: list[tuple[int, int, Mention | None, str]] = []  # (start, end, body, titles)
        for a, b in self._pieces(m, sent_start, p):
            got = self._piece(m, a, b, by_start, starts)
            if got is None:
                break
            if got[0] != a and chain and m[b] in ",，":
                break  # …温若澜当选为联合会主席,乙公司总监丙: past a comma only a whole chain continues
            chain.append(got)
            if got[0] != a and not (m[a - 1:a] == "、" and _UNNAMED_BODY.fullmatch(m, a, got[0])) \
                    and not (got[0] == a + 1 and m[a] in "原现"):
                break  # (but 石狮市工商联主席、总商会会长甲: past a body we do not know, read on; 原…主席、现…: both)
        if not chain:
            return None, []
        chain.reverse()
        positions: list[Position] = []
        honoured: set[int] = set()  # ids of the positions an honour gives (全国人大代表)
        for x, b, body, titles in chain:
            honour = self.honours.get(titles)
            if body is None and titles in self.honours:
                if honour:
                    positions.append(Position(honour, Label.ORGANIZATION, "代表" if "代表" in titles else titles, x, b))
                    honoured.add(id(positions[-1]))
                continue
            if body is None:
                if positions and id(positions[-1]) not in honoured and not GOVERNMENT_HEAD.search(titles):
                    # 党组成员、副主席: one position (but 县委常委、常务副县长: the county's government)
                    last = positions[-1]
                    last.title += "、" + titles
                    last.end = b
                else:
                    positions.append(Position("", None, titles, x, b))
                continue
            positions.append(Position(body.name, body.label, titles, x, b))
        return chain[0][0], positions

    @staticmethod
    def _pieces(m: str, sent_start: int, p: int) -> list[tuple[int, int]]:
        """The pieces between 、 and commas from ``p`` back to ``sent_start``, right to left."""
        seps = [x.start() for x in _CHAIN_SEP.finditer(m, sent_start, p)]
        pieces: list[tuple[int, int]] = []
        end = p
        for s in reversed(seps):
            pieces.append((s + 1, end))
            end = s
        pieces.append((sent_start, end))
        return pieces

    def _piece(self, m: str, a: int, b: int, by_start: dict[int, Mention],
               starts: list[int]) -> tuple[int, int, Mention | None, str] | None:
        """The titles ending the piece ``m[a:b]``, after a body if one heads them (the leftmost wins)."""
        for x in starts[bisect_left(starts, a):bisect_left(starts, b)]:
            body = by_start[x]
            if body.end <= b and self.titles_to_end.match(m, body.end, b):
                return x, b, body, m[body.end:b]
        g = self.titles_to_end.search(m, a, b)
        if g is None:
            return None
        for x in starts[bisect_left(starts, a):bisect_left(starts, g.start())]:
            body = by_start[x]  # 勞動部長甲, 人社局長乙: the body's last character is the title's first
            if body.end == g.start() + 1 and m[g.start()] in _SHARED_END and body.label is Label.ORGANIZATION:
                return x, b, body, m[g.start():b]
        return g.start(), b, None, m[g.start():b]

    def _bare_lists(self, doc: Doc, covered: bytearray, stop: bytearray) -> list[PersonHit]:
        """``陈明、王芳、赵强等职工代表参加活动``: names joined by 、 and closed by 等, without titles; and
        names listed after those who attend are introduced (``出席会议的市领导还有甲、乙``, ``特邀代表有甲、乙``)
        or before a role done in turn (``甲、乙、丙先后发言``)."""
        m = doc.match
        out: list[PersonHit] = []
        for x in _bare_lists(m) if "等" in m and "、" in m else ():
            a = x.start()
            if covered[a] or stop[a]:
                continue
            if a > 0 and "\u4e00" <= m[a - 1] <= "\u9fff" and self.lex.boundary_before(m, a) is None:
                continue
            self._add_names(doc, a, x.group(0)[:-1], out)
        for x in _LIST_IN_TURN.finditer(m) if "、" in m and _IN_TURN_WORD.search(m) else ():  # 甲、乙、丙先后发言
            a = x.start()
            if covered[a] or stop[a] or (a > 0 and "\u4e00" <= m[a - 1] <= "\u9fff"
                                         and self.lex.boundary_before(m, a) is None):
                continue
            self._add_names(doc, a, x.group(1), out)
        for x in _LIST_INTRODUCED.finditer(m) if "有" in m else ():  # 出席会议的市领导还有甲、乙、丙。
            a = x.start(1)
            if not covered[a] and not stop[a]:
                self._add_names(doc, a, x.group(1), out)
        return out

    def _add_names(self, doc: Doc, a: int, listed: str, out: list[PersonHit]) -> None:
        """The names of ``listed`` (``甲、乙、丙``, starting at ``a``) if every one is a plain name."""
        names = listed.split("、")
        if not all(self._plain_name(n) for n in names):
            return
        pos = a
        for n in names:
            out.append(PersonHit(doc.text[pos:pos + len(n)], pos, pos + len(n),
                                 "person.list.v1" if out and out[-1].end == pos - 1 else "person.bare_list.v1", a))
            pos += len(n) + 1

    def _plain_name(self, cand: str) -> bool:
        sl = self.lex.surname_len(cand)
        return bool(sl) and sl + 1 <= len(cand) <= sl + 2 and not _NOT_NAME_RE.search(cand) \
            and not self._common_word(cand) and not self.title_re.search(cand)

    def _list_after(self, doc: Doc, pos: int, first: PersonHit, stop: bytearray) -> list[PersonHit]:
        m = doc.match
        out = []
        while pos < len(m) and m[pos] == "、":
            n = self.name_at(m, pos + 1)
            if not n or n > 3 or stop[pos + 1] or self.title_re.match(m, pos + 1):
                break  # (王强、常务副会长吴斌: a title opens the next item, no name 常务副)
            out.append(PersonHit(doc.text[pos + 1:pos + 1 + n], pos + 1, pos + 1 + n, "person.list.v1", first.chain_start,
                                 [Position(x.body, x.label, x.title, x.start, x.end) for x in first.positions]))
            pos += 1 + n
        return out
