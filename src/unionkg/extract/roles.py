"""People's roles at the article's event and their positions: ``主持会议并讲话`` → CHAIRED, SPOKE;
``甲、乙等领导出席`` → ATTENDED for each; ``邀请丙作报告`` → INVITED; title chains → HOLDS_POSITION.

The role verbs are data (``data/role_verbs.tsv``: verb, relationship, rule id, who may take it);
``RoleCues`` compiles them once per extractor. Rule ids: ``role.<id>.v1`` (``role.zhuchi.v1``),
``role.speech_made.v1``, ``role.yixing.v1``, ``invited.yaoqing.v1``, ``position.chain.v1``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..ingest.normalize import in_script_of, to_match_text
from ..resources import read_rows, read_words
from ..types import Label, Mention, Relation, RelType
from .lexicon import alternation
from .people import IN_TURN_WORDS, PersonHit
from .relations import MOVE_VERBS, VISIT_RE, VISITS_BODY_VERBS, evidence
from .text import Doc

#: a speech named by what is made: 作了重要讲话, 做工作报告, 作题为…的报告
_SPEECH_OBJ = re.compile(r"^(?:[作做]了?(?:题为)?(?:[《\"“][^》\"”]{1,60}[》\"”](?:的)?|关于[^,，。;；]{1,40}?的)?"
                         r"[\u4e00-\u9fff]{0,10}?(报告|宣讲|讲话|发言|辅导|授课|讲座|解读|介绍|分享|说明|部署)"
                         r"|致了?(?:贺词|欢迎词|辞|贺信))")
#: what may stand between a name and its verb
_FILLER = re.compile(r"^(?:等人|等领导|等同志|等|同志|一行|也|亦有|亦|还|亲自|分别|共同|一同|先后|应邀|专程|特地|专门|赶来|前来|亲临|均|"
                     r"主席|副主席|书记|主任|部长|会长|详细|认真|简要|重点|全面|"
                     r"到会(?!指导)|现场(?!指导))*")
#: a list of people introduced as attending: 特邀代表有…, 出席会议的领导有…
_ATTENDING_LIST = re.compile(r"(?:另外|此外|同时)?[,，]?(?:(?:特邀代表|特邀嘉宾|应邀(?:出席|参加)[^,，。]{0,6}?的[^,，。]{0,6}|(?:出席|参加|列席|参会)(?:会议|大会|活动|仪式|座谈会)?的[^,，。]{0,6})有"
                             r"|(?:出席|参加|列席|参会|与会)(?:领导|嘉宾|人员|代表)[:：])")  # 出席领导:甲,乙
#: the chair named after a label: 主持人:甲
_CHAIR_LABEL = re.compile(r"(?:会议)?主持(?:人)?[:：]")
#: the speaker named by the role noun before the name: 当天的宣讲人是重庆大学教授甲, 主讲人为甲
_SPEAKER_IS = re.compile(r"[^,，。；;]{0,12}?(?:主讲人|宣讲人|报告人|授课人|主讲嘉宾|宣讲嘉宾|主讲老师|授课老师|主讲专家)"
                         r"(?:是|为|系|[：:])")
#: a group named after people, sharing their role: 市总工会机关各部室主要负责人参加会议
_GROUP_ROLE = re.compile(r"[^,，;；。]{0,30}?(?:负责人|负责同志|有关同志|代表|干部|同志|人员|成员|领导|嘉宾|来宾)"
                         r"(?:等)?(?:共)?[0-9一二三四五六七八九十百千余多]*(?:人|名)?(参加|出席|列席|参会|陪同)")
_DELEGATION_MOVE = re.compile(r"深入|到|赴|来到|前往|走访|调研|慰问|看望|视察|走进|莅临")
#: an official going to visit on their own (甲专程来到某公司慰问, 乙到某县调研): data/move_verbs.txt, visit_verbs.txt
_GOES_TO = re.compile(f"(?:{alternation(MOVE_VERBS)})(?!会)")
#: visiting right away, no 到 before (县政协副主席甲调研县总工会, 莅临市总工会检查)
_VISITS_NOW = re.compile(rf"(?:{VISITS_BODY_VERBS})(?!组|团)")
_OPENERS = re.compile(r"^(?:为|向|给|对|在|以|用|围绕|就|结合|通过|从|与(?!会)|同|和|并|紧扣|聚焦|代表)")
#: titles of someone who speaks for a body (a quoted driver's 说 is no speech at the event)
_LEADER_TITLE = re.compile(r"(?:书记|主席|主任|[省市区县镇乡旗州盟局厅处科院校所站]长|委员|常委|部长|会长|理事长|董事长|"
                           r"经理|秘书长|负责人|领导|组长|团长|检察长|庭长|执委)$")


#: the end of a 在… phrase of time or occasion, a verb after it (在主持会议时要求)
_DURING = re.compile(r"(?:时|中|上|之际)[,，]?")
#: a sentence a pronoun opens for its speaker (他指出, 她强调): the person named last before
_PRONOUN_SPEAKS = re.compile(r"(?:他|她)(?:还|也|同时|进一步|最后|首先)?")
_QUOTE_NEXT = re.compile(r"(?:道)?[:：,，]?\s*\"")
#: what joins two people of a list: a separator, and a place before the next one's title
#: (…主席甲,四川省副省长乙: the government 乙's title implies is named by its place alone)
_JOINS = re.compile(r"(?:[、,，]?(?:以及|及|和|与)|[、,，])(?:[\u4e00-\u9fff]{1,7}(?:自治区|省|市|区|县|旗|州|盟))?")
#: groups of people set apart by a comma, each described (职工代表甲、乙,企业代表丙), and the words that
#: say all of them did it in turn (先后发言)
_COMMA_DESCRIBED = re.compile(r"[,，][^,，。;；、:：\"“”()（）\s]{0,20}")
_IN_TURN = re.compile(rf"(?:同志)?(?:等)?(?:{IN_TURN_WORDS})")
#: a list member described before its title: 甲、华新水泥公司职工代表乙先后发言 (the unit, 职工…)
_JOINS_DESCRIBED = re.compile(r"(?:、|以及|及|和|与)[^,，。;；、:：\"“”()（）\s]{1,20}")
#: 特邀某教授作辅导: invited (特邀代表, 特邀嘉宾 are a kind of attendee)
_SPECIALLY_INVITED = re.compile(r"特邀(?!代表|嘉宾)")
#: a union's own offices (data/union_office_titles.txt) and what separates the titles of a chain
_UNION_OFFICES = frozenset(read_words("union_office_titles.txt"))
_BODY_OFFICES = [(r[0], frozenset(r[1].split(","))) for r in read_rows("body_offices.tsv") if len(r) > 1]
_TITLE_SEP = re.compile(r"[、,，]")
#: the last character of a body's name (工会, 联会, 团, 局 …), right before a title
_BODY_END = re.compile(r"[会會委联聯局部团團厅廳院司处處办辦社站所队隊组組]$")
#: at the organiser's invitation, right after the names: 甲应邀出席, 乙等应邀参加
_AT_INVITATION = re.compile(r"(?:同志)?(?:等人?)?(?:一行)?应邀")
#: a report made by someone named before: 大会听取了甲同志代表…所作的…工作报告
_MADE_BY = re.compile(r"(?:同志)?(?:代表[^,，。;；]{1,24}?)?所作的")
#: a report heard from someone: 听取了甲、乙的工作情况汇报
_HEARD_FROM = re.compile(r"听取了?[^,，。;；]{0,30}?$")
_HEARD_REPORT = re.compile(r"(?:[、和][^,，。;；]{1,16}?)*的[^,，。;；]{0,12}?(?:汇报|介绍|报告|发言)")
#: someone standing in for another: 甲代表市长乙出席 (甲 attends, 乙 does not)
_STANDS_IN = re.compile(r"代表[\u4e00-\u9fff]{0,8}$")


def role_rows() -> list[tuple[str, RelType, str, str]]:
    """``data/role_verbs.tsv`` as (verb, relationship, rule id, who)."""
    return [(r[0], RelType(r[1]), r[2], r[3] if len(r) > 3 else "any") for r in read_rows("role_verbs.tsv")]


@dataclass(frozen=True)
class RoleCues:
    """The role verbs compiled: ``RoleCues.load()``."""

    verb_re: re.Pattern[str]
    verbs: dict[str, tuple[RelType, str, bool]]  # verb -> (type, rule id, officials only)

    @staticmethod
    def load() -> RoleCues:
        rows = role_rows()
        return RoleCues(re.compile(alternation([v for v, _, _, _ in rows])),
                        {v: (t, f"role.{i}.v1", who == "official") for v, t, i, who in rows})

    def roles_after(self, doc: Doc, pos: int, stop: int | None = None,
                    official: bool = True) -> list[tuple[RelType, str, int]]:
        """Roles stated after a name, up to the next person: ``主持会议并讲话`` → CHAIRED, SPOKE;
        ``为50余名职工授课``, ``结合经历,用通俗的语言宣讲…``, ``与职工分享…`` → SPOKE. A clause counts
        when it follows the name directly or opens with a preposition or ``并``. Verbs for officials
        (表示, 指出…) count only where ``official``."""
        m = doc.match
        sent_end = doc.sentence_of(pos)[1]
        limit = min(sent_end, stop if stop is not None else sent_end)
        out: list[tuple[RelType, str, int]] = []
        start = pos
        first = True

        def verb_at(text: str, j: int) -> re.Match[str] | None:
            r = self.verb_re.match(text, j)
            return r if r is not None and (official or not self.verbs[r.group(0)][2]) else None

        while start < limit:
            end = min(doc.clause_end(start), limit)
            while m.count('"', start, end) % 2 and end < limit:
                end = min(doc.clause_end(end + 1), limit)  # 作了题为"围绕中心,主动作为"的报告: one clause
            clause = m[start:end]
            f = _FILLER.match(clause)
            i = f.end() if f else 0
            direct = verb_at(clause, i) or _SPEECH_OBJ.match(clause[i:])
            joint = _GROUP_ROLE.match(clause) if first and not direct and clause.startswith(("及", "和", "以及", "与")) \
                else None
            if joint is not None:  # 甲、乙及县人大常委会组成人员共23人出席会议: they attend with the group
                t, rid, _ = self.verbs[joint.group(1)]
                out.append((t, rid, start + joint.start(1)))
                break
            if first and not direct and f and "到会" in f.group(0) and not verb_at(clause, i):
                out.append((RelType.ATTENDED, "role.daohui.v1", start + f.group(0).index("到会")))
                break  # 甲到会祝贺: 到会 (a filler before 讲话) is attendance where no other role follows
            if first and not direct and f and "一行" in f.group(0) and _DELEGATION_MOVE.match(clause, i):
                out.append((RelType.LED, "role.yixing.v1", start + i))  # 甲一行深入…: 甲 leads the delegation
            elif first and not direct and official and ((_GOES_TO.match(clause, i) and VISIT_RE.search(m, start + i, sent_end))
                                                        or _VISITS_NOW.match(clause, i)):
                out.append((RelType.ATTENDED, "role.goes_to_visit.v1", start + i))  # 甲专程来到某公司慰问: 甲 is there
            if first and not direct and f and "等" in f.group(0):
                g = self.verb_re.search(clause, i, i + 14)  # 甲、乙等职工代表参加, 甲等10名劳模代表参加
                if g and (official or not self.verbs[g.group(0)][2]):
                    i = g.start()
                    direct = g
            if first or _OPENERS.match(clause[i:]) or direct:
                if direct or _OPENERS.match(clause[i:]):
                    j = i
                    while j < len(clause):
                        r = verb_at(clause, j)
                        sp = _SPEECH_OBJ.match(clause[j:])
                        if r or sp:
                            if r:
                                t, rid, _ = self.verbs[r.group(0)]
                                out.append((t, rid, start + j))
                                j = r.end()
                            else:
                                out.append((RelType.SPOKE, "role.speech_made.v1", start + j))
                                j += sp.end() if sp else 1
                            k = clause.find("并", j)  # 主持会议并讲话: a second role only after 并
                            during = _DURING.search(clause, j) if clause.startswith("在", i) else None
                            if during is not None and k < 0 and verb_at(clause, during.end()):
                                k = during.end() - 1  # 在主持会议时要求, 在揭牌致辞中表示: the verb after it
                            if k < 0 or k - j > 24:
                                break
                            j = k + 1
                        else:
                            j += 1
            elif out or not first:
                g = None if out else _GROUP_ROLE.match(clause)
                if g is not None:  # 甲、乙,市总工会机关各部室负责人参加会议: they attend with the group
                    t, rid, _ = self.verbs[g.group(1)]
                    out.append((t, rid, start + g.start(1)))
                break
            first = False
            if end >= limit or m[end:end + 1] in ";；。":
                break
            start = end + 1
        return out

    def person_relations(self, doc: Doc, article_id: str, people: list[PersonHit], organiser: Mention | None,
                         event_id: str, stretches: Sequence[tuple[int, int, Mention, str]] = ()) -> list[Relation]:
        """Positions of the people found and their roles at the event (held by ``organiser``; in the
        ``stretches`` of a round-up, (start, end, body, event id), at that paragraph's event, held by
        its body)."""
        out: list[Relation] = []
        org_name = organiser.name if organiser else None
        org_label = organiser.label if organiser else Label.UNION_BODY
        officials = {p.name for p in people  # a position, a leader's title, or 同志 (王强同志传达了…: a cadre)
                     if any(pos.body or _LEADER_TITLE.search(pos.title) for pos in p.positions)
                     or p.rule in ("person.tongzhi.v1", "person.before_act.v1")}
        # name lists share the predicate of their last member
        groups: list[list[PersonHit]] = []
        for p in people:
            prev = groups[-1][-1] if groups else None
            joined = prev is not None and (_JOINS.fullmatch(doc.match, prev.end, p.chain_start) is not None or (
                p.chain_start < p.start and _JOINS_DESCRIBED.fullmatch(doc.match, prev.end, p.chain_start) is not None))
            if prev is not None and (p.rule == "person.list.v1" or (
                    joined and not self.roles_after(doc, prev.end, p.start, prev.name in officials))):
                groups[-1].append(p)
            else:
                groups.append([p])
        starts = sorted(p.start for p in people)
        skip: set[int] = set()  # people someone stood in for
        for gi, group in enumerate(groups):
            last = group[-1]
            nxt = [s for s in starts if s > last.end]
            roles = self.roles_after(doc, last.end, nxt[0] if nxt else None, last.name in officials) \
                or self._roles_of_later_groups(doc, groups[gi + 1:], last, starts, officials)
            sent = doc.sentence_of(group[0].start)
            if not roles and _MADE_BY.match(doc.match, last.end):
                roles = [(RelType.SPOKE, "role.suozuo.v1", last.end)]  # 甲同志代表…所作的工作报告
            if not roles and _HEARD_FROM.search(doc.match, sent[0], group[0].start) \
                    and _HEARD_REPORT.match(doc.match, last.end):
                roles = [(RelType.SPOKE, "role.tingqu.v1", last.end)]  # 听取了甲、乙的汇报
            if nxt and _STANDS_IN.fullmatch(doc.match, last.end, nxt[0]):
                stand = self.roles_after(doc, next(p.end for p in people if p.start == nxt[0]), None, True)
                roles = roles or stand  # 甲代表市长乙出席: 甲 attends
                skip.add(nxt[0])
            if not roles and _ATTENDING_LIST.match(doc.match, sent[0], group[0].start):
                roles = [(RelType.ATTENDED, "role.teyao.v1", group[0].chain_start)]  # 特邀代表有甲、乙
            if not roles and _CHAIR_LABEL.fullmatch(doc.match, sent[0], group[0].chain_start):
                roles = [(RelType.CHAIRED, "role.chair_label.v1", group[0].chain_start)]  # 主持人:甲
            if not roles and _SPEAKER_IS.fullmatch(doc.match, doc.clause_start(group[0].chain_start, sent[0]),
                                                   group[0].chain_start):
                roles = [(RelType.SPOKE, "role.speaker_is.v1", group[0].chain_start)]  # 宣讲人是甲
            invited = "邀请" in doc.match[sent[0]: group[0].chain_start] or "邀请" in doc.match[
                max(sent[0], group[0].chain_start - 4): group[0].start][:6] \
                or _SPECIALLY_INVITED.search(doc.match, sent[0], group[0].chain_start) is not None \
                or _AT_INVITATION.match(doc.match, last.end) is not None \
                or ("应邀" in doc.match[sent[0]:group[0].chain_start]
                    and _ATTENDING_LIST.match(doc.match, sent[0], group[0].start) is not None)  # 甲应邀出席, 应邀出席的有甲
            for p in group:
                here = next(((b, ev) for a, e, b, ev in stretches if a <= p.start < e), None)  # a round-up's paragraph
                held = here[0] if here is not None else organiser  # who holds the event the person is at
                for pos in p.positions:
                    if pos.body and pos.label is not None:
                        out.append(Relation(RelType.HOLDS_POSITION, p.name, pos.body, Label.PERSON, pos.label,
                                            evidence(doc, article_id, p.start, "position.chain.v1", 0.95),
                                            props=(("title", in_script_of(pos.title, doc.text)),)))
                    elif not pos.body and held is not None \
                            and (office := self._organisers_office(held, pos.title, doc.match[max(0, pos.start - 1):pos.start])) \
                            is not None:
                        out.append(Relation(RelType.HOLDS_POSITION, p.name, held.name, Label.PERSON, held.label,
                                            evidence(doc, article_id, p.start, "position.organiser.v1", 0.8),
                                            props=(("title", in_script_of(office, doc.text)),)))
                if org_name is None or p.start in skip:
                    continue
                held_by, held_label, at_event = (here[0].name, here[0].label, here[1]) if here is not None \
                    else (org_name, org_label, event_id)
                for rtype, rule, at in roles:
                    out.append(Relation(rtype, p.name, held_by, Label.PERSON, held_label,
                                        evidence(doc, article_id, at, rule), event=at_event))
                if invited:
                    out.append(Relation(RelType.INVITED, held_by, p.name, held_label, Label.PERSON,
                                        evidence(doc, article_id, p.start, "invited.yaoqing.v1"), event=at_event))
        if org_name is not None:
            out += self._pronoun_speakers(doc, article_id, people, officials, org_name, org_label, event_id)
        leaders = {r.head for r in out if r.type is RelType.LED}  # 甲率队…。甲来到某校慰问: 甲 leads, as said
        return [r for r in out if not (r.evidence.rule == "role.goes_to_visit.v1" and r.head in leaders)]

    def _roles_of_later_groups(self, doc: Doc, later: list[list[PersonHit]], last: PersonHit, starts: list[int],
                               officials: set[str]) -> list[tuple[RelType, str, int]]:
        """``职工代表甲、乙,企业代表丙先后发言``: groups set apart by commas, each described, share the role
        of the last where it is said to be done in turn (先后, 分别, 依次 …) by all of them."""
        m = doc.match
        sent = doc.sentence_of(last.start)
        prev_end = last.end
        for group in later:
            if not _COMMA_DESCRIBED.fullmatch(m, prev_end, group[0].chain_start) or group[0].start >= sent[1]:
                return []
            end = group[-1].end
            nxt = [s for s in starts if s > end]
            roles = self.roles_after(doc, end, nxt[0] if nxt else None, group[-1].name in officials)
            if roles:
                return roles if _IN_TURN.match(m, end) else []
            prev_end = end
        return []

    @staticmethod
    def _organisers_office(organiser: Mention, titles: str, before: str) -> str | None:
        """A chain of ``titles`` naming no body (``会议由党组书记、主席``) as an office of the union (or 政协,
        人大常委会, 妇联 …: data/body_offices.tsv) holding the event (``党组书记、主席``), or None where one
        title is not its own, or where what stands ``before`` the chain ends like a body's name
        (矿区工会主席甲: a body the finder missed)."""
        if organiser.label is Label.UNION_BODY:
            offices = _UNION_OFFICES
        else:  # 政协, 人大常委会, 妇联, 科协, 残联, 工商联, 团委 (data/body_offices.tsv)
            name = to_match_text(organiser.attr("full") or organiser.name)
            offices = next((o for ending, o in _BODY_OFFICES if name.endswith(ending)
                            and (ending != "委员会" or name.startswith("共青团"))), frozenset())
        first, *rest = _TITLE_SEP.split(titles)
        lead = next((t for t in sorted(offices, key=len, reverse=True) if first.endswith(t)), None)
        if lead is None or not all(t in offices for t in rest) \
                or _BODY_END.search(before + first[:len(first) - len(lead)]):
            return None
        return titles[len(first) - len(lead):]

    def _pronoun_speakers(self, doc: Doc, article_id: str, people: list[PersonHit], officials: set[str],
                          org_name: str, org_label: Label, event_id: str) -> list[Relation]:
        """``…张斌胜实地查看了爱心驿站。他指出,…``: a sentence opened by 他/她 and a speech verb (not
        a quotation) is spoken by the official named last in the sentence before (rule ``role.pronoun.v1``)."""
        m, out = doc.match, []
        for k, (a, _b) in enumerate(doc.sentences):
            x = _PRONOUN_SPEAKS.match(m, a)
            if x is None or k == 0:
                continue
            r = self.verb_re.match(m, x.end())
            if r is None or self.verbs[r.group(0)][0] is not RelType.SPOKE or _QUOTE_NEXT.match(m, r.end()):
                continue  # 她说:"…": a quotation, anyone's
            prev = doc.sentences[k - 1][0]
            before = [p for p in people if prev <= p.start and p.end <= a]  # named in the sentence before
            if not before or before[-1].name not in officials:
                continue
            out.append(Relation(RelType.SPOKE, before[-1].name, org_name, Label.PERSON, org_label,
                                evidence(doc, article_id, a, "role.pronoun.v1"), event=event_id))
        return out
