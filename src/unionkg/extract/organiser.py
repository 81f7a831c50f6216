"""Who held the article's event: rules tried in order, the first that finds a body wins.

Each rule is a unit with an id that travels on the event's evidence (and so on its HELD_BY edge):

| id | finds | example |
|---|---|---|
| ``event.attends_other.v1`` | the body whose meeting a person of the lead's body attends | 市总工会主席甲出席某行业工会联合会成立大会 |
| ``event.lead_subject.v1`` | the body the lead sentence opens with, holding something there | 安徽省总工会在合肥举办… |
| ``event.lead_leader.v1`` | the lead body whose person or team leads a visit, or whose person convenes the meeting | 区人大常委会副主任甲率…视察; 市人大常委会执法检查组深入…; 县人大常委会主任乙主持召开… |
| ``event.hosted_by.v1`` | the body the lead names as the host after 由 | 由嘉兴市总工会主办的…大赛在某技师学院举行 |
| ``event.place_theme.v1`` | a place opening the lead (or headline), or the article's own (我区): its body whose kind fits the event | 兴山区召开第六次妇女代表大会 → 兴山区妇联 |
| ``event.headline_union.v1`` | a union of the headline | 汕头市潮南区总工会:服务经济社会发展大局 |
| ``event.lead_organises.v1`` | a body of the lead followed by an organising verb | …,市总工会组织召开… |
| ``event.headline_body.v1`` | a body of the headline | |
| ``event.first_union.v1`` | the article's first union | |
| ``event.first_body.v1`` | the article's first body of the lead paragraph (never drop an article's relations) | |
| ``event.paragraph_subject.v1`` | a round-up's later paragraph that opens with another body holding or leading something: its own event (``paragraph_organisers``) | 7月11日,清城区总工会副主席甲带队… |

A congress standing as the organiser is replaced by the body that holds it (``holder_of``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..resources import read_rows, read_words
from ..types import Label, Mention
from .lexicon import alternation
from .relations import VISITS_BODY_VERBS, holder_of
from .text import Doc

_ORGANISES = re.compile(r"(?:[、和与及][^,，。、]{2,24}?)*(?:在[^,，。]{0,20})?"
                        r"(?:组织召开|召开|举行|举办|开展|组织|联合|深入|走访|调研|慰问|到|赴|来到|前往|走进|看望|莅临)")
#: what a lead sentence may open with before its subject: a dateline, a date, 近日/日前
OPENING = re.compile(r"[^\u4e00-\u9fff]*(?:[\u4e00-\u9fff0-9]{0,16}(?:讯|电))?\s*(?:\([^()]{0,40}\))?[^\u4e00-\u9fff]*"
                     r"(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:[-至~～—][0-9]{1,2}日)?"
                     r"(?:昨日|今日|昨天|今天)?(?:上午|下午|晚上|晚|当天|近日|日前|连日来|近期|当日)?[,，\s]*"
                     r"(?:位于[^,，。]{1,12}的)?")
#: a purpose clause before the lead's subject: 为贯彻落实…要求,
_PURPOSE = re.compile(r"[为為][^。;；]{2,90}?[,，]")
_PURPOSE_MORE = re.compile(r"(?:进一步|更好|切实|引导|推动|促进|助力|不断)[^。;；]{2,60}?[,，]")
#: a circumstance before the lead's subject: 在区总工会主席甲的陪同下, 在市总工会的指导下 (data/circumstance_nouns.txt)
_CIRCUMSTANCE = re.compile(f"在[^,，。;；]{{2,40}}?(?:的)?(?:{alternation(read_words('circumstance_nouns.txt'))})下[,，]?")
#: the subject holds the event (or is the event's head: 某公司第三届职代会…在公司召开)
_HOLDS = re.compile(r"(?:[、和与及][^,，。]{2,24}?)?(?:联合[^,，。]{2,24}?)?"
                    r"(?:[^,，。在]{0,24}?(?:会议|大会|座谈会|会|仪式|活动))?"
                    r"(?:今天|今日|昨天|昨日|当天|当日|近日|日前|[0-9]{1,2}月[0-9]{1,2}日)?(?:上午|下午|晚上)?"
                    r"(?:[于於][^,，。在]{0,16}?)?(?:在[^,，。]{0,20}?)?(?:隆重|胜利|顺利|正式|成功|专门)?"
                    r"(?:组织召开|召开|举行|举办|主办|开展|组织|开幕|闭幕)")  # 某市第十四次妇女代表大会隆重开幕
#: what follows the host named after 由: co-hosts, then the hosting verb (由甲、乙联合主办的…)
_HOSTED = re.compile(r"(?:[、和与及][^,，。由]{2,30}?)*(?:联合|共同)?(?:主办|举办|组织|发起)")
#: a person of the body leading the visit (副主任甲率 / 主席乙带队) or convening the meeting (主任丙主持召开)
_LEADS = re.compile(r"[^,，。;；]{2,40}?(?:带队|率队|率领|率|带领|一行)")
#: a visit: its verbs (data/visit_verbs.txt), going somewhere (data/move_verbs.txt), 莅临
#: a person of the body going to visit (市委书记甲到市总工会调研)
_GOES = re.compile(f"[^,，。;；]{{2,30}}?(?:{alternation(read_words('move_verbs.txt'))})")
_VISITS = re.compile(alternation((*read_words("visit_verbs.txt"), *read_words("move_verbs.txt"), "莅临")))
#: a person of the body attending (出席, 参加, 列席) another body's meeting (its body right after the verb)
_ATTENDS = re.compile(r"[^,，。;；]{2,30}?(?:应邀)?(?:出席|参加|列席)(?:了)?")
_ITS_OWN_DOING = re.compile(r"组织|召开|举办|举行|开展|带领|率|动员|选派|推荐|邀请|会议|大会")
_ITS_MEETING = re.compile(r"(?:召开的|举办的|举行的|主办的)?[^,，。;；]{0,30}?(?:会议|大会|座谈会|协商会|推进会|仪式|典礼|论坛|活动|会)")
#: a person of the body visiting another right away (县政协副主席甲调研县总工会, 莅临市总工会检查)
_VISITS_BODY = re.compile(rf"[^,，。;；]{{2,30}}?(?=(?:走访|{VISITS_BODY_VERBS})[\u4e00-\u9fff]{{0,8}}?(?:总工会|工会|委员会|政府|局|院))")
_CONVENES = re.compile(r"[^,，。;；]{2,30}?(?:主持召开|召集召开|主持|召开)")
#: the article's own place opening the lead: 我区, 我市 (its bodies are written short: 区妇联)
_OWN_PLACE = re.compile(r"我(省|市|区|县|镇|乡|旗)")
#: a place opening the lead and what follows it before the event
_PLACE_DOES = re.compile(r"(?:[、和与及][^,，。]{2,12}?)*(?:两地|三地|各级)?[^,，。]{0,12}?"
                         r"(?:隆重|胜利|顺利|正式)?(?:召开|举行|举办|开展|组织)")


#: how far into the text its opening names the article's places (first_union)
_OPENING_SPAN = 200


@dataclass(frozen=True)
class OrganiserInput:
    """What the organiser rules look at."""

    doc: Doc
    head: Doc  # the headline (title, subtitle, section)
    bodies: list[Mention]
    title_bodies: list[Mention]
    title_places: list[Mention]


@dataclass(frozen=True)
class OrganiserRule:
    id: str
    find: Callable[[OrganiserInput], Mention | None]


class Organiser:
    """The organiser rules in their order, with the theme words of ``data/theme_bodies.tsv``."""

    def __init__(self) -> None:
        #: a body's team heading a visit (执法检查组先后察看了…): data/team_nouns.txt
        self.team_re = re.compile(f"(?:{alternation(read_words('team_nouns.txt'))})(?:一行)?")
        self.themes: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
            (re.compile(r[0]), tuple(r[1].split(","))) for r in read_rows("theme_bodies.tsv") if len(r) > 1]
        self.rules: tuple[OrganiserRule, ...] = (
            OrganiserRule("event.attends_other.v1", self.attends_other),
            OrganiserRule("event.lead_subject.v1", self.lead_subject),
            OrganiserRule("event.lead_leader.v1", self.lead_leader),
            OrganiserRule("event.hosted_by.v1", self.hosted_by),
            OrganiserRule("event.place_theme.v1", self.place_theme),
            OrganiserRule("event.headline_union.v1", self.headline_union),
            OrganiserRule("event.lead_organises.v1", self.lead_organises),
            OrganiserRule("event.headline_body.v1", lambda x: x.title_bodies[0] if x.title_bodies else None),
            OrganiserRule("event.first_union.v1", self.first_union),
            OrganiserRule("event.first_body.v1", self.first_body),
        )

    def find(self, x: OrganiserInput, skip: frozenset[str] = frozenset()) -> tuple[Mention | None, str]:
        """(the organiser, the id of the rule that found it); ``skip``: rule ids switched off."""
        for rule in self.rules:
            if rule.id in skip:
                continue
            got = rule.find(x)
            if got is not None:
                return (got if "event.congress_holder.v1" in skip else holder_of(got, x.bodies)), rule.id
        return None, ""

    # -- the rules -------------------------------------------------------------------------------
    @staticmethod
    def lead_bodies(doc: Doc, bodies: list[Mention]) -> list[Mention]:
        """The bodies of the lead sentence in text order, if the sentence opens with the first (after
        a dateline, a date or a purpose clause 为…,); else none."""
        if not doc.sentences:
            return []
        a, b = doc.sentences[0]
        lead = sorted((x for x in bodies if a <= x.start < b and x.label in (Label.UNION_BODY, Label.ORGANIZATION)),
                      key=lambda x: (x.start, -x.end))  # 台中市政府勞工局 before 台中市政府: the fullest name
        if not lead:
            return []
        for start in _lead_starts(doc, a, b):
            rest = [x for x in lead if x.start >= start]
            if rest and OPENING.fullmatch(doc.match, start, rest[0].start):
                return rest
        return []

    def paragraph_organisers(self, doc: Doc, bodies: list[Mention],
                             organiser: Mention | None) -> list[tuple[int, int, Mention]]:
        """Round-ups (``7月10日,浈江区总工会…。`` / ``7月11日,清城区总工会副主席甲带队…``): a later paragraph
        whose first sentence opens with another body of the organiser's kind holding something there or
        leading a visit is that body's: (start, end, body) of each such paragraph (rule
        ``event.paragraph_subject.v1``); the people and visits of the paragraph are its."""
        if organiser is None or not doc.sentences:
            return []
        m, out = doc.match, []
        first_end = doc.sentences[0][1]
        named = sorted((y for y in bodies if y.label is organiser.label), key=lambda y: (y.start, -y.end))
        pos = m.find("\n", first_end)
        while pos >= 0:
            start = pos + 1
            nxt = m.find("\n", start)
            end = len(m) if nxt < 0 else nxt
            sent_end = doc.sentence_of(start)[1] if start < len(m) else start
            head = next((y for y in named if start <= y.start < sent_end), None)
            if head is not None and head.name != organiser.name and OPENING.fullmatch(m, start, head.start) \
                    and (_HOLDS.match(m, head.end) or _LEADS.match(m, head.end, sent_end)
                         or _GOES.match(m, head.end, sent_end)):
                out.append((start, end, head))
            pos = nxt
        return out

    def lead_subject(self, x: OrganiserInput) -> Mention | None:
        lead = self.lead_bodies(x.doc, x.bodies)
        return lead[0] if lead and _HOLDS.match(x.doc.match, lead[0].end) else None

    def lead_leader(self, x: OrganiserInput) -> Mention | None:
        """``某区人大常委会副主任甲率部分人大代表,视察区总工会…``: a visit led by a person of the body
        the lead sentence opens with is that body's, and a visit of its team (``执法检查组深入…``,
        data/team_nouns.txt); so is a meeting that person convenes
        (``县人大常委会主任文牧主持召开…主任会议``)."""
        doc = x.doc
        lead = self.lead_bodies(doc, x.bodies)
        if not lead:
            return None
        b = doc.sentences[0][1]
        team = self.team_re.match(doc.match, lead[0].end, b)
        if team is not None and _VISITS.search(doc.match, team.end(), b):
            return lead[0]  # 漳州市人大常委会执法检查组先后察看了…: the body's team visits
        led = _LEADS.match(doc.match, lead[0].end, b) or _GOES.match(doc.match, lead[0].end, b) \
            or _VISITS_BODY.match(doc.match, lead[0].end, b)
        if led is not None and not any(lead[0].end <= y.start < led.end() for y in lead[1:]) \
                and _VISITS.search(doc.match, led.end(), b):
            return lead[0]  # 市委书记甲到市总工会调研: the party committee's visit
        convened = _CONVENES.match(doc.match, lead[0].end, b)
        if convened is not None and not any(lead[0].end <= y.start < convened.end() for y in lead[1:]):
            return lead[0]
        return None

    def attends_other(self, x: OrganiserInput) -> Mention | None:
        """``市总工会主席王刚出席惠州市快递行业工会联合会成立大会并讲话``, ``区总工会主席甲参加市总工会召开的
        全市工会工作会议``: a person of the body the lead opens with attends another body's meeting (a
        body right after 出席/参加/列席, then the meeting): that body holds it."""
        doc, m = x.doc, x.doc.match
        lead = self.lead_bodies(doc, x.bodies)
        if len(lead) < 2:
            return None
        b = doc.sentences[0][1]
        went = _ATTENDS.match(m, lead[0].end, b)
        if went is None or any(lead[0].end <= y.start < went.end() for y in lead[1:]) \
                or _ITS_OWN_DOING.search(m, lead[0].end, went.end()):
            return None  # (市总工会组织职工参加…: the union's own doing)
        other = next((y for y in lead[1:] if y.start == went.end()), None)
        if other is None or other.name == lead[0].name or not _ITS_MEETING.match(m, other.end, b):
            return None
        return other

    @staticmethod
    def hosted_by(x: OrganiserInput) -> Mention | None:
        """``由嘉兴市总工会主办的…大赛在嘉兴技师学院举行``: the lead names the host after 由 (the first
        of several co-hosts), not the venue the event is held in."""
        doc = x.doc
        if not doc.sentences:
            return None
        a, b = doc.sentences[0]
        m = doc.match
        for y in sorted((y for y in x.bodies if a < y.start < b and y.label in (Label.UNION_BODY, Label.ORGANIZATION)),
                        key=lambda y: (y.start, -y.end)):
            if m[y.start - 1] == "由" and _HOSTED.match(m, y.end, b):
                return y
        return None

    def place_theme(self, x: OrganiserInput) -> Mention | None:
        """A place opening the lead (or the headline) holds the event (``周至县隆重召开了纪念五四运动…
        表彰大会``): the organiser is the article's body of that place whose kind the event's words
        name (建团/五四 → 共青团, 妇女 → 妇联; ``data/theme_bodies.tsv``), a union where they name none
        of the others."""
        doc = x.doc
        if not doc.sentences:
            return None
        a, b = doc.sentences[0]
        named = [(y.start, y.end) for y in x.bodies if y.label in (Label.UNION_BODY, Label.ORGANIZATION)]
        places = sorted((y for y in x.bodies if y.label is Label.PLACE and a <= y.start < b
                         and not any(s <= y.start < e for s, e in named)), key=lambda y: y.start)  # not 太原市人大…
        code = ""
        text = ""
        starts = _lead_starts(doc, a, b)
        for start in starts:
            first = next((p for p in places if p.start >= start), None)
            if first is None or not OPENING.fullmatch(doc.match, start, first.start):
                continue
            last = first
            while (below := next((p for p in places if p.start == last.end), None)) is not None:
                last = below  # 鄂托克旗棋盘井镇召开…: the chain's last place (the town) holds it
            if _PLACE_DOES.match(doc.match, last.end):
                code, text = str(last.attr("place")), doc.match[first.start:b]
                break
        if not code:  # 我区召开庆祝"三八"妇女节大会: the article's own place, its bodies written short
            for start in starts:
                own = _OWN_PLACE.search(doc.match, start, min(b, start + 40))
                if own is not None and OPENING.fullmatch(doc.match, start, own.start()) \
                        and _PLACE_DOES.match(doc.match, own.end()):
                    word = own.group(1)  # its bodies written short: 区妇联, 团县委
                    return self._of_theme([y for y in x.bodies if y.label in (Label.UNION_BODY, Label.ORGANIZATION)
                                           and y.attr("unresolved") and y.attr("kind") != "congress"
                                           and y.text.startswith((word, "团" + word))],
                                          [], doc.match[own.start():b] + " " + x.head.match)
        if not code:
            in_title = [(y.start, y.end) for y in x.title_bodies]
            for p in x.title_places:  # 任城区南苑街道开展"夏送清凉"…
                if not any(s <= p.start < e for s, e in in_title) and _PLACE_DOES.match(x.head.match, p.end):
                    code, text = str(p.attr("place")), x.head.match[p.start:]
                    break
        if not code:
            return None
        candidates = [y for y in x.bodies if y.label in (Label.UNION_BODY, Label.ORGANIZATION)
                      and y.attr("place") == code and y.attr("kind") != "congress"]
        congresses = [y for y in x.bodies if y.attr("kind") == "congress" and y.attr("place") == code]
        if not candidates and not congresses:
            return None
        return self._of_theme(candidates, congresses, text + " " + x.head.match)

    def _of_theme(self, candidates: list[Mention], congresses: list[Mention], words: str) -> Mention | None:
        """The body among ``candidates`` (or the holder of one of ``congresses``) whose kind the event's
        ``words`` name (data/theme_bodies.tsv), else the first union among them."""
        for theme, endings in self.themes:
            if theme.search(words):
                hit = next((y for y in candidates if _ends(y, endings)), None) or next(
                    (y for y in congresses if str(y.attr("holder")).endswith(endings)), None)
                if hit is not None:
                    return hit  # 兴山区召开第六次妇女代表大会: the 妇联 (a congress: its holder, holder_of)
        return next((y for y in candidates if y.label is Label.UNION_BODY), None)

    @staticmethod
    def headline_union(x: OrganiserInput) -> Mention | None:
        return next((b for b in x.title_bodies if b.label is Label.UNION_BODY), None)

    @staticmethod
    def lead_organises(x: OrganiserInput) -> Mention | None:
        doc = x.doc
        if not doc.sentences:
            return None
        a, b = doc.sentences[0]
        lead = sorted((y for y in x.bodies if a <= y.start < b and y.label in (Label.UNION_BODY, Label.ORGANIZATION)),
                      key=lambda y: y.start)
        return next((y for y in lead if _ORGANISES.match(doc.match[y.end: y.end + 72])), None)

    @staticmethod
    def first_union(x: OrganiserInput) -> Mention | None:
        """The article's first union; but a national one named first (guiding, funding: ``在全国总工会
        驻陕蹲点组指导下``) gives way to the first union of a place the headline or the opening names
        (``8月4日,西安市物流园区首个"司机之家"落成`` … ``由西安市总投资``: 西安市总工会)."""
        unions = sorted((y for y in x.bodies if y.label is Label.UNION_BODY), key=lambda y: (y.start, -y.end))
        if not unions or unions[0].attr("level") != "national":
            return unions[0] if unions else None
        named = {p.attr("place") for p in x.title_places if p.attr("place")} | {
            p.attr("place") for p in x.bodies if p.label is Label.PLACE and p.start < _OPENING_SPAN and p.attr("place")}
        return next((y for y in unions if y.attr("place") in named), unions[0])

    @staticmethod
    def first_body(x: OrganiserInput) -> Mention | None:
        """No union anywhere: the first body of the lead paragraph, so that the article's relations
        are kept on the best body there is (a 妇联's, a 人大常委会's meeting)."""
        doc = x.doc
        end = doc.text.find("\n")
        end = len(doc.text) if end < 0 else end
        found = sorted((y for y in x.bodies if y.start < end and y.label is Label.ORGANIZATION
                        and y.attr("kind") != "congress"), key=lambda y: (y.start, -y.end))
        return found[0] if found else None


def _lead_starts(doc: Doc, a: int, b: int) -> list[int]:
    """Where the lead's subject may be sought: the sentence start, past purpose clauses
    (为贯彻落实…要求,进一步…,5月7日,某市总工会…), and past a circumstance after the opening
    (3月12日,在区总工会主席甲的陪同下,市总工会…: the body of the clause accompanies)."""
    starts = [a]
    at = doc.match.find("在", a, min(b, a + 60))
    if at >= 0 and OPENING.fullmatch(doc.match, a, at) and (c := _CIRCUMSTANCE.match(doc.match, at, b)) is not None:
        starts.append(c.end())
    pos = a
    while True:
        p = _PURPOSE.match(doc.match, pos, b)
        if p is None:
            break
        pos = p.end()
        while True:  # …,进一步促进…,引导…,: the purpose goes on until a date or a name
            nxt = _PURPOSE_MORE.match(doc.match, pos, b)
            if nxt is None:
                break
            pos = nxt.end()
        starts.append(pos)
    return starts


def _ends(m: Mention, endings: tuple[str, ...]) -> bool:
    """Is ``m`` a body of the kind ``endings`` name (``共青团``: a league committee)?"""
    names = (m.name, str(m.attr("full") or ""), m.text)
    league = "共青团" in endings
    return any(n.endswith(endings) or (league and n.startswith(("共青团", "团"))) for n in names)
