"""Events and relations: who chaired, led, attended, spoke, was invited; what was implemented,
visited; positions from title chains. Each relation carries the sentence and the rule id.

Rule ids: ``event.lead.v1``, ``implements.<mode>.v1``, ``implements.headline.v1``, ``visited.verb.v1``,
``visited.at.v1``, ``reported.byline.v1``; people's roles and positions are ``roles.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..families import Families
from ..resources import read_rows, read_words
from ..types import Event, EventKind, Evidence, Label, Mention, Mode, Relation, RelType
from .lexicon import alternation
from .text import Doc

_MODE_STUDY = re.compile(r"传达|学习|领会|研读|宣读|通报")
_MODE_PUBLICIZE = re.compile(r"宣传|普及|宣讲|解读|讲好")
#: visiting (data/visit_verbs.txt) and going somewhere (data/move_verbs.txt)
VISIT_VERBS, MOVE_VERBS = read_words("visit_verbs.txt"), read_words("move_verbs.txt")
VISIT_RE = re.compile(alternation(VISIT_VERBS))
#: the verbs of an official visiting a body right away, no 到 before (调研县总工会, 莅临市总工会检查)
VISITS_BODY_VERBS = "调研|视察|莅临|考察|督查|督导"
_EVENT_VERB = re.compile(r"(?:组织召开|召开|举行|举办|开展|组织)")
_LAW_PUBLICITY = re.compile(r"宣传|普法|普及|讲解|解读|发放|咨询")
_PUTS_TO_WORK = re.compile(r"贯彻落实|落实|推进|推行|深化|实施")
_OBJECT_END = re.compile(r"[,，;；。]")
_MOVES_TO = re.compile(alternation(MOVE_VERBS))
#: a quoted phrase no body carries out (data/uncarried_quotes.tsv): 针对"四风"问题, 发挥"桥梁纽带"作用
_UNCARRIED = {side: re.compile("|".join(f"(?:{r[1]})" for r in read_rows("uncarried_quotes.tsv") if r[0] == side))
              for side in ("before", "after")}
_CLOSING_QUOTE = frozenset('"”」』')


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


def event_of(doc: Doc, article_id: str, date: str | None, organiser: Mention | None,
             event_nouns: Sequence[tuple[str, str]], title: str, rule: str = "") -> Event:
    """The article's main event, from its lead sentence; ``event_nouns``: (noun, kind) pairs,
    longest noun first (``nouns_longest_first``); ``rule``: the organiser rule that found who held
    it (its evidence's rule), else ``event.lead.v1``."""
    rule = rule or "event.lead.v1"
    org = organiser.name if organiser else None
    org_label = organiser.label if organiser else None
    if not doc.sentences:
        return Event(f"{article_id}#1", EventKind.OTHER, title, date, org, org_label,
                     Evidence(article_id, "", 0, 0, rule, 0.9))
    a, b = doc.sentences[0]
    kind, etitle = _kind_of(doc, a, b, title, event_nouns)
    return Event(f"{article_id}#1", EventKind(kind), etitle, date, org, org_label,
                 Evidence(article_id, doc.text[a:b], a, b, rule, 0.9))


def paragraph_event(doc: Doc, article_id: str, n: int, start: int, body: Mention, date: str | None,
                    event_nouns: Sequence[tuple[str, str]]) -> Event:
    """The event of a round-up's paragraph at ``start`` that ``body`` holds (the ``n``-th of the
    article; rule ``event.paragraph_subject.v1``), named from its first sentence as ``event_of`` does."""
    a, b = doc.sentence_of(start)
    kind, etitle = _kind_of(doc, a, b, doc.text[a:b][:40], event_nouns)
    return Event(f"{article_id}#{n}", EventKind(kind), etitle, date, body.name, body.label,
                 Evidence(article_id, doc.text[a:b], a, b, "event.paragraph_subject.v1", 0.8))


def _kind_of(doc: Doc, a: int, b: int, title: str, event_nouns: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The kind and title of the event a sentence ``doc.match[a:b]`` reports."""
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
    vis = VISIT_RE.search(lead)
    if vis and (not v or vis.start() < v.start()):
        kind = "visit"
    elif kind == "other" and "学习" in lead[:40]:
        kind = "study"
    return kind, etitle


def nouns_longest_first(event_nouns: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The (noun, kind) pairs of ``event_nouns`` for ``event_of``, longest noun first (stable)."""
    return tuple(sorted(event_nouns.items(), key=lambda kv: -len(kv[0])))


def clause_subjects(doc: Doc, bodies: Sequence[Mention], pos: int) -> list[Mention]:
    """The bodies a clause of the sentence at ``pos`` opens with, before ``pos``, as its subject:
    one (``据悉,天津市总工会将继续深入实施"海河工匠"培育工程`` → 天津市总工会; not a person's
    affiliation, ``市总工会副主席甲``, nor a possessor, ``省总工会的部署``), or a list of bodies acting
    together (``最高人民检察院、中华全国总工会联合下发…``, ``省总工会、省人社厅、省企联、省工商联等…决定``).
    Not the partners one of them acts with (``区总工会联合区人社局、区司法局开展…``). The last such
    clause wins."""
    a, _ = doc.sentence_of(pos)
    m = doc.match
    named = sorted((x for x in bodies if a <= x.start and x.end <= pos
                    and x.label in (Label.UNION_BODY, Label.ORGANIZATION)), key=lambda x: (x.start, -x.end))
    at: dict[int, Mention] = {}
    for x in named:
        at.setdefault(x.start, x)  # the longest mention at each position
    found: list[Mention] = []
    for x in at.values():
        if x.start > a and m[x.start - 1] not in ",，:：":
            continue
        group = _listed(m, at, x)
        end = group[-1].end
        if _TITLE_AFTER.match(m, end) or m.startswith("的", end) or _PERSON_AFTER.match(m, end):
            continue
        found = group
    return found


def _listed(m: str, at: dict[int, Mention], x: Mention) -> list[Mention]:
    """``x`` and the bodies listed right after it (``、``, 和, 与, 及)."""
    group = [x]
    while m[group[-1].end:group[-1].end + 1] in _LIST_JOIN and group[-1].end + 1 in at:
        group.append(at[group[-1].end + 1])
    return group


def holder_of(organiser: Mention, bodies: list[Mention]) -> Mention:
    """The body that holds a congress standing as the subject (沈阳市铁西区工会第五次代表大会召开 →
    沈阳市铁西区总工会; 某县残疾人联合会第六次代表大会 → 某县残疾人联合会): the one the article names,
    else the holder itself, added to ``bodies`` (rule ``event.congress_holder.v1``)."""
    holder = organiser.attr("holder")
    if not holder:
        return organiser
    found = next((b for b in bodies if b.label.value == organiser.attr("holder_label")
                  and holder in (b.attr("full"), b.name)), None)
    if found is not None:
        return found
    shown = organiser.attr("holder_short") or holder
    made = Mention(Label(organiser.attr("holder_label")), organiser.text, organiser.start, organiser.end,
                   "event.congress_holder.v1", shown, (("full", holder), ("place", organiser.attr("place"))))
    bodies.append(made)
    return made


#: what a document does to a law named inside its title (关于修改〈…条例〉的决定)
_AMENDS = re.compile(r"修改|修订|废止|施行时间")


def implements(doc: Doc, article_id: str, campaigns: list[Mention], canon: dict[str, str],
               organiser: Mention | None, event_id: str, bodies: Sequence[Mention] = (),
               years: dict[str, str] | None = None, organiser_named: bool = True) -> list[Relation]:
    """Who carries each campaign: the bodies a clause before it opens with (``南昌市总工会计划…将
    "金秋助学"…``; several where they act together), else the organiser of the article's event —
    unless the organiser is not the headline's (``organiser_named`` False) and the article says of
    another body that it carries the campaign (南苑街道总工会"夏送清凉"活动共开展十余次).
    ``years``: the year the article writes a campaign with (``campaign_years``), kept as ``year``."""
    if organiser is None:
        return []
    subjects = {c.start: clause_subjects(doc, bodies, c.start) for c in campaigns}
    said = {canon.get(c.name, c.name) for c in campaigns if subjects[c.start]}
    out = []
    for c in campaigns:
        if c.label is Label.LAW and _amended(doc.match, c.start):
            continue  # 《…关于修改〈某条例〉的决定》: the law is what is amended, not what is carried out
        if _uncarried(doc.match, c):
            continue  # 针对"四风"问题, 发挥"第一生产力"的作用: quoted, but nothing anyone carries out
        mode = mode_of(doc, c.start, law=c.label is Label.LAW)
        tail = canon.get(c.name, c.name)
        if not subjects[c.start] and tail in said and not organiser_named:
            continue  # the article says who carries it: not the organiser for each mention
        heads = subjects[c.start] or [organiser]
        if _THEME.match(doc.match, c.end):
            heads = heads[:1]  # 以"广协商、促和谐、稳发展"为主题的…活动: the theme is the first body's
        for head in heads:
            if head.attr("holder"):
                head = holder_of(head, list(bodies))
            props: tuple[tuple[str, str], ...] = (("mode", mode.value), ("surface", c.text))
            if years and tail in years:
                props += (("year", years[tail]),)
            out.append(Relation(RelType.IMPLEMENTS, head.name, tail, head.label, c.label,
                                evidence(doc, article_id, c.start, f"implements.{mode.value}.v1", 0.8),
                                event=event_id, props=props))
    return out


def document_implements(found: Sequence[Relation], campaigns: Sequence[str]) -> list[Relation]:
    """``牡丹江市总工会出台了《关于推行工会劳动法律监督意见书和建议书制度的意见》``: a body that carries out a
    document of a campaign of the article (its title names the campaign or the parts the family's
    documents column names: data/campaign_families.tsv) carries the campaign too (rule
    ``implements.document.v1``), as the graph's campaign resolution already says."""
    if not any(r.tail_label is Label.LAW for r in found):
        return []  # (no document: no family to look up)
    fams = Families.load()
    named = [(c, f) for c in dict.fromkeys(campaigns) if (f := fams.family_of(c)) is not None]
    have = {(r.head, r.tail) for r in found}
    out = []
    for r in found:
        if r.tail_label is not Label.LAW:
            continue
        for c, fam in named:
            if (r.head, c) not in have and fams.carries([c], fam, r.tail):
                have.add((r.head, c))
                out.append(Relation(RelType.IMPLEMENTS, r.head, c, r.head_label, Label.CAMPAIGN,
                                    replace(r.evidence, rule="implements.document.v1"), event=r.event,
                                    props=(("mode", Mode.IMPLEMENT.value), ("surface", r.tail))))
    return out


def _uncarried(m: str, c: Mention) -> bool:
    """Is ``c`` a bare quoted phrase (no programme suffix) that its context makes a target, a role, a
    problem, a group of people or a topic (data/uncarried_quotes.tsv), not something carried out?"""
    if c.rule != "campaign.quoted.v1" or m[c.end - 1:c.end] not in _CLOSING_QUOTE:
        return False
    s = max(0, c.start - 24)
    return bool(_UNCARRIED["after"].match(m, c.end) or _UNCARRIED["before"].search(m[s:c.start]))


def _amended(m: str, start: int) -> bool:
    """Is the law mentioned at ``start`` inside a document's title that amends, repeals or dates it?"""
    o = m.rfind("《", 0, start)
    if o < 0 or m.rfind("》", o, start) >= 0:
        return False
    c = m.find("》", start)
    return c > 0 and _AMENDS.search(m, o, c) is not None


def headline_implements(doc: Doc, head: Doc, article_id: str, campaigns: list[Mention], canon: dict[str, str],
                        organiser: Mention | None, event_id: str, years: dict[str, str] | None = None,
                        carried: frozenset[str] = frozenset(), organiser_named: bool = True) -> list[Relation]:
    """The organiser of the article's event carries a campaign its headline names (``崂山区开展“送清凉”活动``):
    evidence is the lead sentence, which tells the event (rule ``implements.headline.v1``). Not where
    the organiser is not the headline's and the text says which bodies carry it (``carried``)."""
    if organiser is None or not doc.sentences:
        return []
    out = []
    a, b = doc.sentences[0]
    for c in campaigns:
        tail = canon.get(c.name, c.name)
        if tail in carried and not organiser_named:
            continue
        props: tuple[tuple[str, str], ...] = (("mode", mode_of(head, c.start).value), ("surface", c.text))
        if years and tail in years:
            props += (("year", years[tail]),)
        out.append(Relation(RelType.IMPLEMENTS, organiser.name, tail, organiser.label, c.label,
                            Evidence(article_id, doc.text[a:b], a, b, "implements.headline.v1", 0.7),
                            event=event_id, props=props))
    return out


def campaign_years(found: Sequence[tuple[Doc, Mention]], canon: dict[str, str]) -> dict[str, str]:
    """The year an article writes each campaign with (``启动2021年“夏送清凉”活动``, ``2024年福建省集体协商
    “要约行动月”``), where its mentions name one year only."""
    seen: dict[str, set[str]] = {}
    for doc, c in found:
        y = _YEAR_BEFORE.search(doc.match, max(0, c.start - 14), c.start)
        if y:
            seen.setdefault(canon.get(c.name, c.name), set()).add(y.group(1))
    return {name: next(iter(ys)) for name, ys in seen.items() if len(ys) == 1}


#: a sentence set at a place: 在X, … (随后,在X…)
_AT_PLACE = re.compile(r"(?:随后|接着|之后|其间|当天)?[,，]?在")
#: what a visiting delegation does there
_ON_SITE = re.compile(alternation(("一行", "走进", "座谈", *VISIT_VERBS)))
_VISIT_LEFT = re.compile(f"(?:{alternation(MOVE_VERBS + VISIT_VERBS)})(?![组团队])了?")  # not 检查组听取了…
#: people on a visit (a sentence of theirs going somewhere is a visit: 一行先后来到…)
_DELEGATION = re.compile(alternation(("一行", *(r[0] for r in read_rows("role_verbs.tsv") if r[1] == "LED"))))
_TITLE_AFTER = re.compile(r"(?:党组|党委|常委|委员|秘书长|(?:常务|专职)?副?(?:主席|书记|主任|局长|部长|市长|县长|区长|镇长)|"
                          r"负责人|干部|职工代表)")
#: a body heading a person's title chain or a list of bodies (市总工会、区总工会…)
_PERSON_AFTER = re.compile(r"[、和与及]|(?:常务|专职|兼职)?副?(?:主席|书记|主任|会长|部长)")
_LIST_JOIN = ("、", "和", "与", "及")
_THEME = re.compile(r"为主题")
#: a year written before a campaign's name (2021年“夏送清凉”, 2024年福建省集体协商“要约行动月”)
_YEAR_BEFORE = re.compile(r"(?<!\d)((?:19|20)\d\d)年度?[\u4e00-\u9fff]{0,8}$")


def visits(doc: Doc, article_id: str, bodies: list[Mention], organiser: Mention | None,
           event_id: str, stretches: Sequence[tuple[int, int, Mention, str]] = ()) -> list[Relation]:
    """Bodies visited in a sentence with a visit verb: ``带队到香洲区总工会走访调研``,
    ``先后走访了A、B和C``. Bodies in a title chain (``A党组书记``) are people's affiliations. In the
    ``stretches`` of a round-up, (start, end, body), the visitor is that paragraph's body."""
    if organiser is None:
        return []
    out = []
    article_organiser, article_event = organiser, event_id
    for a, b in doc.sentences:
        organiser, event_id = next(((x, ev) for s, e, x, ev in stretches if s <= a < e),
                                   (article_organiser, article_event))
        sent = doc.match[a:b]
        at = _AT_PLACE.match(sent)
        if at and _ON_SITE.search(sent, at.end()):  # 在雨花区桂馨学校,聂红梅一行与教师座谈
            x = next((y for y in bodies if y.start == a + at.end() and y.name != organiser.name), None)
            if x is not None:
                out.append(Relation(RelType.VISITED, organiser.name, x.name, organiser.label, x.label,
                                    evidence(doc, article_id, x.start, "visited.at.v1", 0.8), event=event_id))
        if not VISIT_RE.search(sent) and not _DELEGATION.search(sent):
            continue  # a visit's verb, or a delegation going somewhere (某某一行先后来到A、B等地)
        named = [x for x in bodies if x.label in (Label.UNION_BODY, Label.ORGANIZATION)]
        for x in bodies:
            if not (a <= x.start < b) or x.name == organiser.name:
                continue
            if x.label is Label.PLACE:  # 到东莞市调研: a place visited, unless it is part of a body's name
                if any(y.start <= x.start < y.end for y in named) or any(
                        x.end <= y.start <= x.end + 1 for y in named) or any(
                        y.label is Label.PLACE and y.start == x.end for y in bodies):
                    continue  # 东莞市华粤公司, 东莞市的华粤公司, 合肥市肥西县: the place says where the next is
                if x.attr("place") and x.attr("place") == organiser.attr("place"):
                    continue  # 自治县人大常委会调研组关于五峰交通…: a body's own place is where it is, not a visit
            elif x.label not in (Label.UNION_BODY, Label.ORGANIZATION):
                continue
            elif any(y.start <= x.start and x.end <= y.end and y.end - y.start > x.end - x.start for y in named):
                continue  # 市公安局交警支队: the unit is visited, not the department whose name it opens with
            if _TITLE_AFTER.match(doc.match, x.end) or doc.match[x.start - 1:x.start] == "由":
                continue  # 由某公司承建的工地: the builder of the place visited
            cs = max(doc.match.rfind(c, a, x.start) for c in ",，;；")
            clause_left = doc.match[max(a, cs + 1): x.start]
            right = doc.match[x.end: x.end + 8]
            if _VISIT_LEFT.search(clause_left) or (_MOVES_TO.search(clause_left[-6:])
                                                   and VISIT_RE.match(right)):
                out.append(Relation(RelType.VISITED, organiser.name, x.name, organiser.label, x.label,
                                    evidence(doc, article_id, x.start, "visited.verb.v1", 0.85), event=event_id))
    return out
