"""Events and relations: who chaired, led, attended, spoke, was invited; what was implemented,
visited; positions from title chains. Each relation carries the sentence and the rule id.

Rule ids: ``event.lead.v1``, ``role.<verb>.v1`` (e.g. ``role.zhuchi.v1``), ``invited.yaoqing.v1``,
``position.chain.v1``, ``implements.<mode>.v1``, ``visited.verb.v1``, ``visited.at.v1``,
``reported.byline.v1``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ingest.normalize import in_script_of
from ..types import Event, EventKind, Evidence, Label, Mention, Mode, Relation, RelType
from .lexicon import alternation
from .people import PersonHit
from .text import Doc

ROLE_VERBS: tuple[tuple[str, RelType, str], ...] = (
    ("主持", RelType.CHAIRED, "zhuchi"),
    ("带队", RelType.LED, "daidui"),
    ("率队", RelType.LED, "shuaidui"),
    ("带领", RelType.LED, "dailing"),
    ("出席", RelType.ATTENDED, "chuxi"),
    ("参加", RelType.ATTENDED, "canjia"),
    ("列席", RelType.ATTENDED, "liexi"),
    ("参会", RelType.ATTENDED, "canhui"),
    ("讲话", RelType.SPOKE, "jianghua"),
    ("致辞", RelType.SPOKE, "zhici"),
    ("发言", RelType.SPOKE, "fayan"),
    ("分享", RelType.SPOKE, "fenxiang"),
    ("宣讲", RelType.SPOKE, "xuanjiang"),
    ("授课", RelType.SPOKE, "shouke"),
    ("主讲", RelType.SPOKE, "zhujiang"),
    ("解读", RelType.SPOKE, "jiedu"),
    ("率领", RelType.LED, "shuailing"),
    ("率团", RelType.LED, "shuaituan"),
    ("率调研组", RelType.LED, "shuai_diaoyanzu"),
    ("率工作组", RelType.LED, "shuai_gongzuozu"),
    ("陪同", RelType.ATTENDED, "peitong"),
    ("到会指导", RelType.ATTENDED, "daohui_zhidao"),
    ("就座", RelType.ATTENDED, "jiuzuo"),
    ("到现场指导", RelType.ATTENDED, "xianchang_zhidao"),
    ("揭牌", RelType.ATTENDED, "jiepai"),
    ("授牌", RelType.ATTENDED, "shoupai"),
    ("授旗", RelType.ATTENDED, "shouqi"),
    ("颁奖", RelType.ATTENDED, "banjiang"),
    ("讲解", RelType.SPOKE, "jiangjie"),
    ("作报告", RelType.SPOKE, "zuo_baogao"),
    ("领学", RelType.SPOKE, "lingxue"),
)
_ROLE_RE = re.compile(alternation([v for v, _, _ in ROLE_VERBS]))
_ROLE = {v: (t, r) for v, t, r in ROLE_VERBS}
_SPEECH_OBJ = re.compile(r"^[作做][\u4e00-\u9fff]{0,10}?(报告|宣讲|讲话|发言|辅导|授课|讲座|解读|介绍|分享|说明)")
_FILLER = re.compile(r"^(?:等人|等领导|等同志|等|同志|一行|也|还|亲自|分别|共同|一同|先后|应邀|到会(?!指导)|现场(?!指导))*")
_MODE_STUDY = re.compile(r"传达|学习|领会|研读|宣读|通报")
_MODE_PUBLICIZE = re.compile(r"宣传|普及|宣讲|解读|讲好")
_VISIT_RE = re.compile(r"调研|走访|视察|慰问|看望|蹲点|参观|考察|检查")
_EVENT_VERB = re.compile(r"(?:组织召开|召开|举行|举办|开展|组织)")
_LAW_PUBLICITY = re.compile(r"宣传|普法|普及|讲解|解读|发放|咨询")
_PUTS_TO_WORK = re.compile(r"贯彻落实|落实|推进|推行|深化|实施")
_OBJECT_END = re.compile(r"[,，;；。]")
_MOVES_TO = re.compile(r"(到|赴|深入|走进|来到|前往)")


def evidence(doc: Doc, article_id: str, pos: int, rule: str, confidence: float = 0.9) -> Evidence:
    a, b = doc.sentence_of(pos)
    return Evidence(article_id, doc.text[a:b], a, b, rule, confidence)


def mode_of(doc: Doc, pos: int, law: bool = False) -> Mode:
    """study / publicize / implement from the verb before a campaign in its clause; a law handed out
    or explained in a publicity clause (发放《劳动法》等宣传资料) is publicised."""
    if law:
        s, e = doc.sentence_of(pos)
        if _LAW_PUBLICITY.search(doc.match, s, e):
            return Mode.PUBLICIZE
    a = max(doc.sentence_of(pos)[0], pos - 14)
    left = doc.match[a:pos]
    cut = max(left.rfind(","), left.rfind("，"), left.rfind(";"))
    left = left[cut + 1:]
    if _MODE_PUBLICIZE.search(left):
        return Mode.PUBLICIZE
    if _MODE_STUDY.search(left) and not _PUTS_TO_WORK.search(left[-6:]):
        return Mode.STUDY
    return Mode.IMPLEMENT


#: a group named after people, sharing their role: 市总工会机关各部室主要负责人参加会议
_GROUP_ROLE = re.compile(r"[^,，;；。]{0,30}?(?:负责人|负责同志|有关同志|代表|干部|同志|人员|成员)"
                         r"(?:等)?(?:共)?[0-9一二三四五六七八九十百千余多]*(?:人|名)?(参加|出席|列席|参会|陪同)")
_DELEGATION_MOVE = re.compile(r"深入|到|赴|来到|前往|走访|调研|慰问|看望|视察|走进")
_OPENERS = re.compile(r"^(?:为|向|给|对|在|以|用|围绕|就|结合|通过|从|与|同|和|并|紧扣|聚焦|代表)")


def roles_after(doc: Doc, pos: int, stop: int | None = None) -> list[tuple[RelType, str, int]]:
    """Roles stated after a name, up to the next person: ``主持会议并讲话`` → CHAIRED, SPOKE;
    ``为50余名职工授课``, ``结合经历,用通俗的语言宣讲…``, ``与职工分享…`` → SPOKE. A clause counts
    when it follows the name directly or opens with a preposition or ``并``."""
    m = doc.match
    sent_end = doc.sentence_of(pos)[1]
    limit = min(sent_end, stop if stop is not None else sent_end)
    out: list[tuple[RelType, str, int]] = []
    start = pos
    first = True
    while start < limit:
        end = min(doc.clause_end(start), limit)
        clause = m[start:end]
        f = _FILLER.match(clause)
        i = f.end() if f else 0
        direct = _ROLE_RE.match(clause, i) or _SPEECH_OBJ.match(clause[i:])
        if first and not direct and f and "一行" in f.group(0) and _DELEGATION_MOVE.match(clause, i):
            out.append((RelType.LED, "role.yixing.v1", start + i))  # 甲一行深入…: 甲 leads the delegation
        if first and not direct and f and "等" in f.group(0):
            g = _ROLE_RE.search(clause, i, i + 8)  # 甲、乙等职工代表参加
            if g:
                i = g.start()
                direct = g
        if first or _OPENERS.match(clause[i:]) or direct:
            if direct or _OPENERS.match(clause[i:]):
                j = i
                while j < len(clause):
                    r = _ROLE_RE.match(clause, j)
                    sp = _SPEECH_OBJ.match(clause[j:])
                    if r or sp:
                        if r:
                            t, rid = _ROLE[r.group(0)]
                            out.append((t, f"role.{rid}.v1", start + j))
                            j = r.end()
                        else:
                            out.append((RelType.SPOKE, "role.zuo_baogao.v1", start + j))
                            j += sp.end() if sp else 1
                        k = clause.find("并", j)  # 主持会议并讲话: a second role only after 并
                        if k < 0 or k - j > 12:
                            break
                        j = k + 1
                    else:
                        j += 1
        elif out or not first:
            g = None if out else _GROUP_ROLE.match(clause)
            if g is not None:  # 甲、乙,市总工会机关各部室负责人参加会议: they attend with the group
                t, rid = _ROLE[g.group(1)]
                out.append((t, f"role.{rid}.v1", start + g.start(1)))
            break
        first = False
        if end >= limit or m[end:end + 1] in ";；。":
            break
        start = end + 1
    return out


def event_of(doc: Doc, article_id: str, date: str | None, organiser: Mention | None,
             event_nouns: Sequence[tuple[str, str]], title: str) -> Event:
    """The article's main event, from its lead sentence; ``event_nouns``: (noun, kind) pairs,
    longest noun first (``nouns_longest_first``)."""
    org = organiser.name if organiser else None
    org_label = organiser.label if organiser else None
    if not doc.sentences:
        return Event(f"{article_id}#1", EventKind.OTHER, title, date, org, org_label,
                     Evidence(article_id, "", 0, 0, "event.lead.v1", 0.9))
    a, b = doc.sentences[0]
    lead = doc.match[a:b]
    kind = "other"
    etitle = title
    v = _EVENT_VERB.search(lead)
    if v:
        obj = _OBJECT_END.split(lead[v.end():], maxsplit=1)[0]
        etitle = doc.text[a + v.end(): a + v.end() + len(obj)][:40] or title
        for noun, k in event_nouns:
            if noun in obj:
                kind = k
                break
    vis = _VISIT_RE.search(lead)
    if vis and (not v or vis.start() < v.start()):
        kind = "visit"
    elif kind == "other" and "学习" in lead[:40]:
        kind = "study"
    return Event(f"{article_id}#1", EventKind(kind), etitle, date, org, org_label,
                 Evidence(article_id, doc.text[a:b], a, b, "event.lead.v1", 0.9))


def nouns_longest_first(event_nouns: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The (noun, kind) pairs of ``event_nouns`` for ``event_of``, longest noun first (stable)."""
    return tuple(sorted(event_nouns.items(), key=lambda kv: -len(kv[0])))


def person_relations(doc: Doc, article_id: str, people: list[PersonHit], organiser: Mention | None,
                     event_id: str) -> list[Relation]:
    out: list[Relation] = []
    org_name = organiser.name if organiser else None
    org_label = organiser.label if organiser else Label.UNION_BODY
    # name lists share the predicate of their last member
    groups: list[list[PersonHit]] = []
    for p in people:
        prev = groups[-1][-1] if groups else None
        joined = prev is not None and p.chain_start - prev.end == 1 and doc.match[prev.end] in "、,，及和与"
        if prev is not None and (p.rule == "person.list.v1" or (joined and not roles_after(doc, prev.end, p.start))):
            groups[-1].append(p)
        else:
            groups.append([p])
    starts = sorted(p.start for p in people)
    for group in groups:
        last = group[-1]
        nxt = [s for s in starts if s > last.end]
        roles = roles_after(doc, last.end, nxt[0] if nxt else None)
        sent = doc.sentence_of(group[0].start)
        invited = "邀请" in doc.match[sent[0]: group[0].chain_start] or "邀请" in doc.match[max(sent[0], group[0].chain_start - 4): group[0].start][:6]
        for p in group:
            for pos in p.positions:
                if pos.body and pos.label is not None:
                    out.append(Relation(RelType.HOLDS_POSITION, p.name, pos.body, Label.PERSON, pos.label,
                                        evidence(doc, article_id, p.start, "position.chain.v1", 0.95),
                                        props=(("title", in_script_of(pos.title, doc.text)),)))
            if org_name is None:
                continue
            for rtype, rule, at in roles:
                out.append(Relation(rtype, p.name, org_name, Label.PERSON, org_label,
                                    evidence(doc, article_id, at, rule), event=event_id))
            if invited:
                out.append(Relation(RelType.INVITED, org_name, p.name, org_label, Label.PERSON,
                                    evidence(doc, article_id, p.start, "invited.yaoqing.v1"), event=event_id))
    return out


def clause_subject(doc: Doc, bodies: Sequence[Mention], pos: int) -> Mention | None:
    """The body a clause of the sentence at ``pos`` opens with, before ``pos``, as its subject:
    ``据悉,天津市总工会将继续深入实施"海河工匠"培育工程`` → 天津市总工会. Not a person's
    affiliation (``市总工会副主席甲``) nor a possessor (``省总工会的部署``)."""
    a, _ = doc.sentence_of(pos)
    m = doc.match
    found = None
    for x in bodies:
        if not (a <= x.start < pos) or x.end > pos or x.label not in (Label.UNION_BODY, Label.ORGANIZATION):
            continue
        if x.start > a and m[x.start - 1] not in ",，:：":
            continue
        if _TITLE_AFTER.match(m, x.end) or m.startswith("的", x.end) or _PERSON_AFTER.match(m, x.end):
            continue
        found = x
    return found


def implements(doc: Doc, article_id: str, campaigns: list[Mention], canon: dict[str, str],
               organiser: Mention | None, event_id: str, bodies: Sequence[Mention] = ()) -> list[Relation]:
    """Who carries each campaign: the body a clause before it opens with (``南昌市总工会计划…将
    "金秋助学"…``), else the organiser of the article's event."""
    if organiser is None:
        return []
    out = []
    for c in campaigns:
        mode = mode_of(doc, c.start, law=c.label is Label.LAW)
        head = clause_subject(doc, bodies, c.start) or organiser
        out.append(Relation(RelType.IMPLEMENTS, head.name, canon.get(c.name, c.name), head.label, c.label,
                            evidence(doc, article_id, c.start, f"implements.{mode.value}.v1", 0.8),
                            event=event_id, props=(("mode", mode.value), ("surface", c.text))))
    return out


#: a sentence set at a place: 在X, … (随后,在X…)
_AT_PLACE = re.compile(r"(?:随后|接着|之后|其间|当天)?[,，]?在")
#: what a visiting delegation does there
_ON_SITE = re.compile(r"一行|走进|察看|查看|看望|慰问|座谈|调研|走访|参观|视察|检查")
_VISIT_LEFT = re.compile(r"(?:到|赴|深入|走进|来到|前往|走访|调研|慰问|视察|看望|考察|参观)了?")
_TITLE_AFTER = re.compile(r"(?:党组|党委|主席|副主席|书记|主任|局长|部长|负责人|干部|职工代表)")
#: a body heading a person's title chain or a list of bodies (市总工会、区总工会…)
_PERSON_AFTER = re.compile(r"[、和与及]|(?:常务|专职|兼职)?副?(?:主席|书记|主任|会长|部长)")


def visits(doc: Doc, article_id: str, bodies: list[Mention], organiser: Mention | None,
           event_id: str) -> list[Relation]:
    """Bodies visited in a sentence with a visit verb: ``带队到香洲区总工会走访调研``,
    ``先后走访了A、B和C``. Bodies in a title chain (``A党组书记``) are people's affiliations."""
    if organiser is None:
        return []
    out = []
    for a, b in doc.sentences:
        sent = doc.match[a:b]
        at = _AT_PLACE.match(sent)
        if at and _ON_SITE.search(sent, at.end()):  # 在雨花区桂馨学校,聂红梅一行与教师座谈
            x = next((y for y in bodies if y.start == a + at.end() and y.name != organiser.name), None)
            if x is not None:
                out.append(Relation(RelType.VISITED, organiser.name, x.name, organiser.label, x.label,
                                    evidence(doc, article_id, x.start, "visited.at.v1", 0.8), event=event_id))
        if not _VISIT_RE.search(sent):
            continue
        named = [x for x in bodies if x.label in (Label.UNION_BODY, Label.ORGANIZATION)]
        for x in bodies:
            if not (a <= x.start < b) or x.name == organiser.name:
                continue
            if x.label is Label.PLACE:  # 到东莞市调研: a place visited, unless it is part of a body's name
                if any(y.start <= x.start < y.end for y in named) or any(
                        x.end <= y.start <= x.end + 1 for y in named) or any(
                        y.label is Label.PLACE and y.start == x.end for y in bodies):
                    continue  # 东莞市华粤公司, 东莞市的华粤公司, 合肥市肥西县: the place says where the next is
            elif x.label not in (Label.UNION_BODY, Label.ORGANIZATION):
                continue
            if _TITLE_AFTER.match(doc.match, x.end):
                continue
            cs = max(doc.match.rfind(c, a, x.start) for c in ",，;；")
            clause_left = doc.match[max(a, cs + 1): x.start]
            right = doc.match[x.end: x.end + 8]
            if _VISIT_LEFT.search(clause_left) or (_MOVES_TO.search(clause_left[-6:])
                                                   and _VISIT_RE.match(right)):
                out.append(Relation(RelType.VISITED, organiser.name, x.name, organiser.label, x.label,
                                    evidence(doc, article_id, x.start, "visited.verb.v1", 0.85), event=event_id))
    return out
