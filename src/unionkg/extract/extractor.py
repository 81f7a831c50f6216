"""The extraction pipeline: article → mentions → entities, events and relations with evidence.

``Extractor().extract(article)`` runs the steps in order (campaigns and laws, places and bodies,
people, events, relations) and resolves short forms and campaign variants inside the article.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from ..ingest.dates import event_date
from ..ingest.normalize import in_script_of, named_again_shorter, same_campaign, to_match_text
from ..types import Article, Entity, Event, Evidence, Label, Mention, Relation, RelType
from .bodies import BodyFinder, Context
from .campaigns import CampaignFinder
from .divisions import Divisions
from .lexicon import Lexicon
from .organiser import Organiser, OrganiserInput
from .people import PeopleFinder, PersonHit
from .relations import (
    MOVE_VERBS,
    campaign_years,
    document_implements,
    event_of,
    evidence,
    headline_implements,
    implements,
    nouns_longest_first,
    paragraph_event,
    visits,
)
from .roles import RoleCues
from .segmenter import Segmenter
from .text import Doc


@dataclass
class ArticleFacts:
    """What one article yields."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


_DATED = re.compile(r"\d{4}-")  # a date with its year


class Extractor:
    """Rule-based extractor. Holds its lexicon, division table and segmenter (no global state)."""

    def __init__(self, lexicon: Lexicon | None = None, divisions: Divisions | None = None,
                 disabled: frozenset[str] = frozenset(), segmenter: Segmenter | None = None,
                 ner: bool = False) -> None:
        """``disabled``: rule ids switched off (``unionkg rules`` lists them): their mentions,
        people, organisers and relations are not made, and nothing builds on them. ``segmenter``:
        a shared word segmenter (rjieba when installed, jieba otherwise). ``ner``: complete the
        rules' people with the statistical tagger (extra ``unionkg[ner]``, docs/ner.md; raises
        ``MissingExtraError`` without it)."""
        self.disabled = disabled
        self.lex = lexicon or Lexicon.load()
        self.divs = divisions or Divisions.load()
        self.seg = segmenter or Segmenter()
        self.campaigns = CampaignFinder(self.lex, self.seg)
        self.bodies = BodyFinder(self.lex, self.divs, self.seg)
        self.ner = ner
        if ner:
            from .ner import NerPeopleFinder, NerTagger  # onnxruntime loads only when asked for

            self.people: PeopleFinder = NerPeopleFinder(self.lex, self.seg, NerTagger())
        else:
            self.people = PeopleFinder(self.lex, self.seg)
        self.event_nouns = nouns_longest_first(self.lex.event_nouns)
        self.roles = RoleCues.load()
        self.organiser = Organiser()

    def without(self, rules: frozenset[str]) -> Extractor:
        """This extractor with ``rules`` switched off too (sharing its lexicon, table and segmenter)."""
        other = copy.copy(self)
        other.disabled = self.disabled | rules
        return other

    def extract(self, article: Article) -> ArticleFacts:
        doc = Doc(article.text)
        head = Doc(" ".join(x for x in (article.title, article.subtitle or "", article.section or "") if x))
        off = self.disabled
        camp = [c for c in self.campaigns.find(doc) if c.rule not in off]
        blocked = [(c.start, c.end) for c in camp]
        ctx = Context()
        head_places = self.bodies.find_places(head.match)
        text_places = self.bodies.find_places(doc.match)
        ctx.places = [(-1, h.code) for h in head_places if not h.short] + [(h.start, h.code) for h in text_places
                                                                          if not h.short]
        ctx.weak = [(-1, h.code) for h in head_places if h.short] + [(h.start, h.code) for h in text_places if h.short]
        ctx.destinations = frozenset(h.start for h in text_places
                                     if doc.match[max(0, h.start - 2):h.start].endswith(MOVE_VERBS))
        in_head = self.bodies.find(head, ctx, [], head_places)
        title_bodies = [b for b in in_head if b.label in (Label.UNION_BODY, Label.ORGANIZATION)]
        title_places = _display_names([b for b in in_head if b.label is Label.PLACE], head.text)  # 青島市 as written
        # a spirit names the body whose meeting it is (江门市总工会十二届五次全委会议精神), a contest its place
        # (鹤岗市第三届职工职业技能大赛): bodies and places may stand in them
        spirit_free = [(c.start, c.end) for c in camp if c.rule not in ("campaign.spirit.v1", "campaign.contest.v1")]
        bodies = _display_names([b for b in self.bodies.find(doc, ctx, spirit_free, text_places) if b.rule not in off],
                                doc.text)
        shown = {b.attr("full"): b.name for b in bodies if b.attr("full")}
        title_bodies = [_shown_as(b, shown[b.name]) if b.name in shown else b for b in title_bodies]
        people = [p for p in self.people.find(doc, bodies, blocked) if p.rule not in off]
        if "org.implied_government.v1" not in off:
            bodies += self.bodies.implied_governments(doc, ctx, people, bodies)
        organiser, organiser_rule = self.organiser.find(
            OrganiserInput(doc, head, bodies, title_bodies, title_places), skip=off)
        facts = ArticleFacts(article)
        event = event_of(doc, article.id, article.date, organiser, self.event_nouns, article.title, organiser_rule)
        facts.events.append(event)
        # campaigns the headline names (not in the text): carried by the organiser
        title = Doc(article.title)
        head_camp = [] if "implements.headline.v1" in off else [
            c for c in self.campaigns.find(title) if c.rule not in off and c.label is Label.CAMPAIGN and _programme(c)]
        canon, camp_entities = self._merge_campaigns(camp + head_camp)
        years = {} if _DATED.match(article.date or "") else campaign_years(
            [(doc, c) for c in camp] + [(title, c) for c in head_camp], canon)
        rels: list[Relation] = []
        rels += self._reported(doc, article)
        stretches = []  # a round-up: each paragraph's own event, held by the body it opens with
        for n, (a, e, body) in enumerate([] if "event.paragraph_subject.v1" in off else
                                         self.organiser.paragraph_organisers(doc, bodies, organiser), start=2):
            ev = paragraph_event(doc, article.id, n, a, body, _paragraph_date(doc.text[a:e], article.date),
                                 self.event_nouns)
            facts.events.append(ev)
            stretches.append((a, e, body, ev.id))
        rels += self.roles.person_relations(doc, article.id, people, organiser, event.id, stretches)
        named = organiser is not None and any(b.name == organiser.name for b in title_bodies)
        found = implements(doc, article.id, camp, canon, organiser, event.id, bodies, years, named)
        found += document_implements(found, [canon.get(c.name, c.name) for c in camp + head_camp
                                              if c.label is Label.CAMPAIGN])
        rels += found
        rels += headline_implements(doc, title, article.id, head_camp, canon, organiser, event.id, years,
                                    frozenset(r.tail for r in found), named)
        in_campaign = [b for b in bodies if b.label is Label.PLACE and any(s <= b.start < e for s, e in blocked)]
        rels += visits(doc, article.id, [b for b in bodies if b not in in_campaign], organiser, event.id, stretches)
        facts.relations = _dedupe([r for r in rels if r.evidence.rule not in off])
        facts.mentions = camp + bodies + [Mention(Label.PERSON, p.name, p.start, p.end, p.rule) for p in people]
        # a place the headline names is the article's too (宜昌市总工会召开… over 市总工会召开…)
        in_text = {(b.label, to_match_text(b.name)) for b in bodies}
        head_only = [b for b in title_places if (b.label, to_match_text(b.name)) not in in_text and b.rule not in off]
        facts.entities = self._entities(article, bodies + head_only, people, camp_entities, facts.relations, organiser)
        return facts

    def _reported(self, doc: Doc, article: Article) -> list[Relation]:
        out = []
        for name in article.authors:
            pos = doc.text.find(name)
            if pos < 0:
                ev = Evidence(article.id, "", 0, 0, "reported.byline.v1", 0.95)
            else:
                ev = evidence(doc, article.id, pos, "reported.byline.v1", 0.95)
                if ev.sentence == "":
                    ev = Evidence(article.id, doc.text[pos:pos + len(name)], pos, pos + len(name), ev.rule, 0.95)
            out.append(Relation(RelType.REPORTED, name, article.id, Label.PERSON, Label.ARTICLE, ev))
        return out

    def _merge_campaigns(self, camp: list[Mention]) -> tuple[dict[str, str], list[Entity]]:
        """Group the variants of each campaign in this article; map every variant to its name."""
        groups: list[list[Mention]] = []
        for c in camp:
            core = c.attr("core")
            for g in groups:  # (the cheap tests first: each is a pure test, their order changes no group)
                if g[0].label is c.label and any((core and core == x.attr("core")) or _part_of(c, x) or _part_of(x, c)
                                                 or _heads(c, x) or _heads(x, c) or _same_policy(c, x) for x in g):
                    g.append(c)
                    break
            else:
                groups.append([c])
        canon: dict[str, str] = {}
        entities = []
        for g in groups:
            quoted = [x for x in g if x.attr("core")]
            whole = [x for x in quoted if len(str(x.attr("core"))) > 2] or quoted  # not "一函" of "一函两书"
            programme = [x for x in g if any(_heads(y, x) for y in g)]  # 根治欠薪冬季专项行动 over 根治欠薪
            name = whole[0].attr("core") if whole else programme[0].name if programme else g[0].name
            variants = sorted({x.text for x in g} | {x.name for x in g} - {name})
            for x in g:
                canon[x.name] = name
            entities.append(Entity(g[0].label, name, tuple(variants), (("rule", g[0].rule),)))
        return canon, entities

    def _entities(self, article: Article, bodies: list[Mention], people: list[PersonHit],
                  camps: list[Entity], rels: list[Relation], organiser: Mention | None) -> list[Entity]:
        ents: dict[tuple[Label, str], dict[str, Any]] = {}

        def add(label: Label, name: str, alias: str = "", **props: Any) -> None:
            e = ents.setdefault((label, name), {"aliases": set(), "props": {}})
            if alias and alias != name:
                e["aliases"].add(alias)
            for k, v in props.items():
                if v not in (None, "") and k not in e["props"]:
                    e["props"][k] = v

        for name in article.authors:
            add(Label.PERSON, name, role="reporter")
        for p in people:
            add(Label.PERSON, p.name, affiliations=[x.body for x in p.positions if x.body] or None)
        for b in bodies:
            # a short form no place of the article resolves (县人大常委会) is a body of this article only
            canonical = f"{b.name}@{article.id}" if b.attr("unresolved") else b.attr("full")
            add(b.label, b.name, b.text, level=b.attr("level"), kind=b.attr("kind"), place=b.attr("place"),
                canonical=canonical)
        if organiser is not None:
            add(organiser.label, organiser.name, organiser.text, level=organiser.attr("level"),
                kind=organiser.attr("kind"), place=organiser.attr("place"))
        for r in rels:
            if r.type is RelType.HOLDS_POSITION and (r.tail_label, r.tail) not in ents:
                add(r.tail_label, r.tail, kind="congress" if r.tail.endswith("代表大会") else None)
        out = [Entity(label, name, tuple(sorted(v["aliases"])), tuple(sorted(v["props"].items())))
               for (label, name), v in ents.items()]
        out.extend(camps)
        return out


def _paragraph_date(text: str, article_date: str | None) -> str | None:
    """The date a round-up's paragraph opens with, in the year the article's date has (if any)."""
    year = int(article_date[:4]) if article_date and _DATED.match(article_date) else None
    return event_date(text, year=year)


def _display_names(bodies: list[Mention], text: str) -> list[Mention]:
    """Names in the text's own script and form: a body is named as the article writes it at its
    fullest. A full name written out (in either script) wins (``廣州市總工會``); else the longest
    written name that carries its place (``仓前街道总工会``, ``潮南区人大常委会``, a company's union).
    Bodies written only in short forms (``区总工会``, ``区委``, ``区政府``) are named by the place's own
    name and the ending (``兴山区总工会``, ``兴山区委``, ``兴山区人民政府``). The full simplified name stays
    as ``full`` and identifies the graph node."""
    best: dict[tuple[Label, str], str] = {}
    whole: set[tuple[Label, str]] = set()  # written out in full somewhere
    keys = [(b.label, b.name) for b in bodies]  # (each body's key and attributes read once)
    unresolved: list[tuple[tuple[Label, str], Mention]] = []
    shorts: list[tuple[tuple[Label, str], Any]] = []
    for key, b in zip(keys, bodies, strict=True):
        short = b.attr("short")
        if short:
            shorts.append((key, short))
        if b.attr("unresolved"):
            unresolved.append((key, b))
        if key in whole or b.label not in _NAMED_LABELS:
            continue
        if to_match_text(b.text) == key[1]:
            whole.add(key)
            best[key] = b.text
        elif b.label is Label.PLACE:
            continue  # a place is named by the table, or as written when that is its name in another script
        elif b.rule in _WRITTEN_RULES and not b.attr("term") and not short \
                and len(b.text) > len(best.get(key, "")):
            best[key] = b.text
    # a body of this article only (县法院): as written at its longest (石龙镇妇联 over 镇妇联); a town's with the
    # town (镇党委 → 石门镇党委)
    for key, b in sorted(unresolved, key=lambda kb: -len(kb[1].text)):
        if key not in best:
            best[key] = in_script_of(key[1], text) if b.attr("town") else b.text
    for key, short in shorts:  # only short forms (区总工会, 区委): the place's own name and the ending
        if key not in best:
            best[key] = in_script_of(short, text)
    for key, b in zip(keys, bodies, strict=True):  # only other names written in the traditional script (全國總工會): the full name in it
        if key not in best and to_match_text(b.text) != b.text and to_match_text(key[1]) == key[1]:
            best[key] = in_script_of(key[1], text)
    out = []
    for key, b in zip(keys, bodies, strict=True):
        shown = best.get(key)
        out.append(_shown_as(b, shown) if shown is not None and shown != key[1] else b)
    return out


_NAMED_LABELS = (Label.UNION_BODY, Label.ORGANIZATION, Label.PLACE)


def _shown_as(b: Mention, shown: str) -> Mention:
    """``b`` named ``shown``, its full name kept as ``full``."""
    return Mention(b.label, b.text, b.start, b.end, b.rule, shown, b.attrs + (("full", b.name),))


#: rules whose mention text names the body itself (its place or its company), not a level word
_WRITTEN_RULES = frozenset({"body.division.v1", "body.industry.v1", "body.company_union.v1", "org.congress.v1",
                            "org.party.v1"})


#: a programme's name ends so: 春季要约行动, 集中要约季
_PROGRAMME_END = re.compile(r"(?:行动|活动|工程|计划|季|月)$")


def _programme(c: Mention) -> bool:
    """A headline's campaign names a programme: its quote is followed by one (“送清凉”活动) or names
    one (“春季要约行动”); a headline's other quoted words are mostly figures (“安全锁”, “特别”要约)."""
    return len(c.name) >= 3 and (c.text[-1:] not in "\"”」』" or bool(_PROGRAMME_END.search(c.name)))


#: what a law's name may carry or lack and stay one law: the state's name, inner book-title marks
_LAW_EXTRA = re.compile(r"中华人民共和国|[《》〈〉<>]")


def _same_policy(a: Mention, b: Mention) -> bool:
    """Two names of one campaign (``same_campaign``); two titles of documents are one law only where
    they differ by the state's name or book-title marks, or one ends the other (《工会法》 and
    《中华人民共和国工会法》; not 《某总工会工作规则》 and 《某总工会经费审查委员会工作规则》)."""
    if a.label is not Label.LAW:
        return same_campaign(a.name, b.name) or named_again_shorter(a.name, b.name) or named_again_shorter(b.name, a.name)
    x, y = sorted((_LAW_EXTRA.sub("", to_match_text(n)) for n in (a.name, b.name)), key=len)
    return x == y or (len(x) >= 3 and y.endswith(x))


def _heads(part: Mention, whole: Mention) -> bool:
    """A gazetteer campaign opening a programme's name (根治欠薪 of 根治欠薪冬季专项行动): one campaign."""
    return part.rule == "campaign.gazetteer.v1" and whole.rule == "campaign.programme.v1" \
        and len(whole.name) > len(part.name) and whole.name.startswith(part.name)


def _part_of(part: Mention, whole: Mention) -> bool:
    """``"一函"是指…,"两书"是指…`` beside ``"一函两书"``: a quoted part that begins or ends another
    quoted campaign of the article is a variant of it."""
    a, b = str(part.attr("core") or ""), str(whole.attr("core") or "")
    return len(a) == 2 and len(a) < len(b) and (b.startswith(a) or b.endswith(a))


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, str | None]] = set()
    out = []
    for r in rels:
        k = (r.type, r.head, r.tail, r.prop("title"))
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out
