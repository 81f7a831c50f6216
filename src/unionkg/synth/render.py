"""Render one planned article: title, text in the genre, and its gold.

Templates are written with half-width punctuation and ``‹…›`` for quotes; each article then picks
full- or half-width punctuation and a quote style, and may get OCR damage (spaces inside words, a
paragraph cut mid-word, a look-alike character in running text).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from ..types import BodyLevel, Label, Mode, RelType
from .gold import GoldArticle
from .hierarchy import Hierarchy, Unit
from .lexicon import Lexicon, Named
from .people import Roster, make_roster, person_name

FULL_WIDTH = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；"})
QUOTES = (("\u2039", "\u203a"), ('"', '"'), ("“", "”"), ("「", "」"))
PER, UB, ORG, PLACE, CAMP, LAW = (Label.PERSON.value, Label.UNION_BODY.value, Label.ORGANIZATION.value,
                                  Label.PLACE.value, Label.CAMPAIGN.value, Label.LAW.value)
MEETINGS = ("党组会议", "党组(扩大)会议", "党组理论学习中心组学习会", "党组理论学习中心组(扩大)会议",
            "主席办公会", "机关干部大会", "专题会议", "全委(扩大)会议", "工作推进会", "座谈会", "电视电话会议")
STUDY_VERBS = ("传达学习", "深入学习贯彻", "认真学习贯彻", "传达学习贯彻", "学习贯彻")
IMPL_VERBS = ("深化", "推行", "持续推进", "全面推行", "扎实开展", "落实好", "积极推广")


def q(text: str) -> str:
    return f"\u2039{text}\u203a"


@dataclass(frozen=True)
class Campaign:
    """A planted campaign: its quoted core and the suffixes its variants carry."""

    core: str
    suffixes: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    """What one article reports: the kind, the organiser (a unit code), the day, the cascade step."""

    index: int
    kind: str
    unit: str
    day: int
    seed: int
    campaign: Campaign | None = None
    parent: str | None = None
    origin: bool = False
    target: str | None = None


@dataclass
class Rendered:
    titles: list[str]
    subtitle: str | None
    text: str
    published: str
    source: str
    gold: GoldArticle
    date: str | None
    mode: str | None = None
    variants: list[str] = field(default_factory=list)


class Renderer:
    """Turns specs into articles; rosters and reporter pools are derived from the seed."""

    def __init__(self, hierarchy: Hierarchy, lexicon: Lexicon, seed: int):
        self.h = hierarchy
        self.lex = lexicon
        self.seed = seed
        self._rosters: dict[str, Roster] = {}
        self._reporters: dict[str, tuple[str, ...]] = {}

    def roster(self, code: str) -> Roster:
        r = self._rosters.get(code)
        if r is None:
            r = self._rosters[code] = make_roster(self.h.units[code], self.seed, self.lex)
        return r

    def reporters(self, paper: str) -> tuple[str, ...]:
        r = self._reporters.get(paper)
        if r is None:
            rng = random.Random(f"{self.seed}:paper:{paper}")
            r = self._reporters[paper] = tuple(dict.fromkeys(person_name(rng, self.lex) for _ in range(40)))
        return r

    def render(self, spec: Spec, aid: str) -> Rendered:
        return _Draft(self, spec, aid).render()


class _Draft:
    def __init__(self, r: Renderer, spec: Spec, aid: str):
        self.r = r
        self.lex = r.lex
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.u = r.h.units[spec.unit]
        self.gold = GoldArticle(aid)
        self.people: set[str] = set()
        self.day = date.fromordinal(spec.day)
        self.variants: list[str] = []
        self.mode: str | None = None
        self.style_full = False
        self.quotes = QUOTES[1]

    # --- entities -------------------------------------------------------------------------------
    def body(self, u: Unit, opt: bool = False) -> str:
        """Register ``u``'s 总工会 and the places its full name carries; returns the full name."""
        g = self.gold
        g.entity(UB, u.body, u.body_aka, opt)
        g.bodies.add(u.code)
        for x in self.r.h.chain(u.code):
            if x is u or x.name in u.prefix:
                g.entity(PLACE, x.name, x.place_aka, opt)
                g.places.add(x.code)
        return u.body

    def person(self, name: str, opt: bool = False) -> str:
        self.people.add(name)
        return self.gold.entity(PER, name, (), opt)

    def fresh(self) -> str:
        while True:
            n = person_name(self.rng, self.lex)
            if n not in self.people:
                return n

    def campaign(self, c: Campaign, verb: str, mode: Mode, head: str, opt: bool = False) -> str:
        rng = self.rng
        suffix = rng.choice(c.suffixes) if rng.random() < 0.7 else ""
        variant = c.core + suffix
        aka = tuple(dict.fromkeys(x for x in (variant, *(c.core + s for s in c.suffixes)) if x != c.core))
        self.gold.entity(CAMP, c.core, aka, opt)
        self.gold.relation(RelType.IMPLEMENTS.value, head, c.core, opt, mode=mode.value)
        self.variants.append(variant)
        return verb + q(c.core) + suffix

    def named(self, n: Named, head: str, mode: Mode) -> str:
        self.gold.entity(CAMP, n.name, n.aka, n.opt)
        self.gold.relation(RelType.IMPLEMENTS.value, head, n.name, n.opt, mode=mode.value)
        if n.name.startswith("习近平"):
            self.person("习近平", opt=True)
        if n.name in ("两个确立", "两个维护", "中国梦·劳动美", "一函两书", "工会驿站", "六有", "互联网+民主管理"):
            return q(n.name)
        return n.name

    def law(self, name: str, head: str) -> str:
        prefixed = name in self.lex["law_prefixed"] and self.rng.random() < 0.3
        aka = ("中华人民共和国" + name,) if name in self.lex["law_prefixed"] else ()
        self.gold.entity(LAW, name, aka)
        self.gold.relation(RelType.IMPLEMENTS.value, head, name, mode=Mode.PUBLICIZE.value)
        return "《" + ("中华人民共和国" if prefixed else "") + name + "》"

    def opt_campaigns(self, names: tuple[str, ...], head: str) -> None:
        for n in names:
            self.gold.entity(CAMP, n, (), True)
            self.gold.relation(RelType.IMPLEMENTS.value, head, n, True)

    def company(self) -> str:
        rng, lex = self.rng, self.lex
        u = self.u
        city = next((x for x in self.r.h.chain(u.code) if x.level is BodyLevel.CITY), None)
        where = city or self.r.h.units[self.r.h.chain(u.code)[-1].code]
        name = where.short_place + rng.choice(lex["company_brand"]) + rng.choice(lex["company_trade"]) + rng.choice(lex["company_form"])
        self.gold.entity(ORG, name)
        return name

    # --- people with their title chains ------------------------------------------------------------
    def leader_chain(self, role: str, full_body: bool) -> tuple[str, str]:
        """``(text, name)`` for the chair or the executive vice-chair with their title chain."""
        u, ros, g = self.u, self.r.roster(self.u.code), self.gold
        name = ros.chair if role == "chair" else ros.executive
        title = ros.chair_title if role == "chair" else ros.executive_title
        self.person(name)
        parts = []
        if role == "chair" and ros.chair_npc:
            npc, aka = self.npc(u)
            g.entity(ORG, npc, aka)
            for x in self.r.h.chain(u.code):
                if x is u or x.name in u.prefix:
                    g.entity(PLACE, x.name, x.place_aka)
                    g.places.add(x.code)
            g.relation(RelType.LOCATED_IN.value, npc, u.name, opt=True)
            npc_title = self.rng.choice(("副主任", "党组成员、副主任", "党组副书记、副主任"))
            g.relation(RelType.HOLDS_POSITION.value, name, npc, title=npc_title)
            parts.append(npc + npc_title + self.rng.choice((",", "、")))
            body = self.body(u) if full_body else u.short
        else:
            body = self.body(u) if full_body or not self.gold.has_entity(UB, u.body) else u.short
        g.relation(RelType.HOLDS_POSITION.value, name, u.body, title=title)
        parts.append(body + title + name)
        return "".join(parts), name

    def npc(self, u: Unit) -> tuple[str, tuple[str, ...]]:
        if u.level is BodyLevel.DISTRICT and u.prefix:
            return u.name + "人大常委会", (u.prefix + u.name + "人大常委会",)
        return u.name + "人大常委会", (u.name + "人民代表大会常务委员会",)

    def vices(self, k: int) -> tuple[str, list[str]]:
        ros = self.r.roster(self.u.code)
        names = list(ros.vices[:k])
        title = self.rng.choice(("党组成员、副主席", "副主席"))
        for n in names:
            self.person(n)
            self.gold.relation(RelType.HOLDS_POSITION.value, n, self.u.body, title=title)
        return title + "、".join(names), names

    # --- dates and bylines ------------------------------------------------------------------------
    def date_phrase(self, explicit_only: bool) -> tuple[str, str | None]:
        d, rng = self.day, self.rng
        x = rng.random()
        if explicit_only or x < 0.8:
            md = f"{d.month}月{d.day}日"
            y = rng.random()
            if y < 0.08:
                md = f"{d.year}年" + md
            elif y < 0.25:
                md += rng.choice(("上午", "下午"))
            elif y < 0.3 and d.day < 28:
                md += f"至{d.day + 1}日"
            return md, d.isoformat()
        return rng.choice(("近日", "近日", "日前")), None

    def byline(self) -> tuple[str, str, str, str | None]:
        """(lead prefix, trailing line, source, header line) and the REPORTED gold."""
        rng, lex, g = self.rng, self.lex, self.gold
        ros = self.r.roster(self.u.code)
        paper = rng.choice(lex["paper"])
        pool = self.r.reporters(paper)
        rep = rng.choice(pool)
        while rep in self.people:
            rep = rng.choice(pool)
        cor = ros.correspondents[rng.randrange(2)]
        k = rng.randrange(11)

        def reported(*names: str, opt: bool = False) -> None:
            for n in names:
                self.person(n, opt)
                g.relation(RelType.REPORTED.value, n, "@article", opt)

        if k == 0:
            reported(rep, cor)
            return f"本报讯(全媒体记者{rep} 通讯员{cor})", "", paper, None
        if k == 1:
            reported(rep, cor)
            return f"本报讯(记者 {rep} 通讯员 {cor})", "", paper, None
        if k == 2:
            reported(rep)
            return f"本报讯(记者 {rep})", "", paper, None
        if k == 3:
            reported(cor)
            return "本报讯 ", f"({cor})", paper, None
        if k == 4:
            reported(ros.pen_name, opt=True)
            return "本报讯 ", f"({ros.pen_name})", paper, None
        if k == 5:
            reported(rep, cor)
            return f"南方工报讯 (全媒体记者{rep} 通讯员{cor})", "", "南方工报", None
        if k == 6:
            rep2 = rng.choice(self.r.reporters("中工网"))
            if rep2 == rep or rep2 in self.people:
                rep2 = cor
            reported(rep, rep2)
            return f"中工网讯(记者 {rep} {rep2})", "", "中工网", None
        if k == 7:
            reported(cor, ros.correspondents[1 - ros.correspondents.index(cor)])
            other = ros.correspondents[1 - ros.correspondents.index(cor)]
            return f"(通讯员:{cor} {other})", "", "中工网", None
        if k == 8:
            reported(rep, cor)
            return "", "", paper, f"来源:{paper} 作者:{rep} {cor}"
        if k == 9:
            reported(rep)
            reported(cor, opt=True)
            return "", f"文/{rep} 图/{cor}", paper, None
        reported(rep)
        return "", f"({rep})", paper, None

    # --- articles ----------------------------------------------------------------------------
    def render(self) -> Rendered:
        spec = self.spec
        explicit = spec.campaign is not None
        lead, trailing, source, header = self.byline()
        iso: str | None
        if lead.startswith("本报讯") and self.rng.random() < 0.12 and self.u.level is not BodyLevel.TOWN:
            d = self.day
            place = self.r.h.chain(self.u.code)[-1 if self.u.level is BodyLevel.PROVINCE else -2].short_place
            lead = lead.replace("本报讯", f"本报{place}{d.month}月{d.day}日电", 1)
            when, iso = "", d.isoformat()
        else:
            when, iso = self.date_phrase(explicit)
        self.gold.date = iso
        kind = spec.kind
        if kind == "visit":
            titles, subtitle, paras = self.visit(when)
        elif kind == "publicity":
            titles, subtitle, paras = self.publicity(when)
        elif kind == "launch":
            titles, subtitle, paras = self.launch(when)
        else:
            titles, subtitle, paras = self.meeting(when)
        if lead and not lead.endswith(" ") and not paras[0].startswith(("近日", "日前")):
            lead += self.rng.choice(("", " "))
        paras[0] = lead + paras[0]
        if header:
            pub = self.published()
            paras.insert(0, f"{pub} {header}")
        if trailing:
            if self.rng.random() < 0.5:
                paras.append(trailing)
            else:
                paras[-1] += " " + trailing
        text = self.finish(paras)
        if self.style_full:
            titles = [t.translate(FULL_WIDTH) for t in titles]
            subtitle = subtitle.translate(FULL_WIDTH) if subtitle else None
        qo, qc = self.quotes
        titles = [t.replace("\u2039", qo).replace("\u203a", qc) for t in titles]
        subtitle = subtitle.replace("\u2039", qo).replace("\u203a", qc) if subtitle else None
        self.gold.subtitle = subtitle
        return Rendered(titles, subtitle, text, self.published(), source, self.gold, iso, self.mode, self.variants)

    def published(self) -> str:
        lag = (self.spec.seed >> 8) % 4
        d = date.fromordinal(self.spec.day + lag)
        if d.year != self.day.year:
            d = self.day
        return d.isoformat()

    def finish(self, paras: list[str]) -> str:
        rng = self.rng
        self.style_full = rng.random() < 0.5
        self.quotes = QUOTES[rng.randrange(1, 4)]
        if rng.random() < 0.35:
            paras = self.damage(paras)
        sep = "\n\n" if rng.random() < 0.5 else "\n"
        text = sep.join(paras)
        if self.style_full:
            text = text.translate(FULL_WIDTH)
        qo, qc = self.quotes
        return text.replace("\u2039", qo).replace("\u203a", qc)

    def damage(self, paras: list[str]) -> list[str]:
        """OCR damage: spaces inside words, a paragraph cut mid-word, 深入 read as 深人."""
        rng = self.rng
        out = []
        for p in paras:
            for _ in range(rng.randrange(3)):
                i = rng.randrange(1, max(2, len(p) - 1))
                if "\u4e00" <= p[i - 1] <= "\u9fff" and "\u4e00" <= p[i] <= "\u9fff":
                    p = p[:i] + " " + p[i:]
            if len(p) > 80 and rng.random() < 0.4:
                i = rng.randrange(30, len(p) - 20)
                if "\u4e00" <= p[i - 1] <= "\u9fff" and "\u4e00" <= p[i] <= "\u9fff":
                    out.append(p[:i])
                    p = p[i:]
            out.append(p)
        if rng.random() < 0.3:
            for i, p in enumerate(out):
                j = p.find("深入")
                if j >= 0:
                    out[i] = p[:j] + "深人" + p[j + 2:]
                    break
        return out

    # --- pieces shared by the kinds ------------------------------------------------------------
    def spirits(self, k: int) -> list[Named]:
        return self.rng.sample(self.lex.spirits, k)

    def requirements(self, extra: list[str], k: int, opener: str | None = None) -> str:
        rng = self.rng
        picks = rng.sample(self.lex.phrases["req"], k)
        clauses = []
        for ph in picks:
            self.opt_campaigns(ph.opt, self.u.body)
            clauses.append(ph.text)
        for e in extra:
            clauses.insert(rng.randrange(len(clauses) + 1), e)
        if opener is None:
            opener = rng.choice(("会议要求,", "会议强调,", "会议指出,", "会议提出,", ""))
        return opener + ";".join(clauses) + "。"

    def detail(self, paras: list[str], p: float, before_last: bool = False) -> None:
        """With probability ``p``, a paragraph of background or results (据了解…) at the end, or before
        the last paragraph: the genre's articles run to about 400 characters, not 200."""
        rng = self.rng
        if rng.random() < p:
            text = rng.choice(self.lex.phrases["detail"]).text
            text = text.replace("{N}", str(rng.randrange(12, 400))).replace("{M}", str(rng.randrange(5, 300) * 10))
            paras.insert(len(paras) - 1 if before_last else len(paras), text + "。")

    def headline(self, stuff: str) -> str:
        return self.rng.choice((f"把思想和行动统一到{stuff}上来", f"切实将{stuff}落到实处",
                                f"推动{stuff}落地见效", f"以{stuff}引领工会工作高质量发展"))

    # --- a meeting (study session, 党组会议, 推进会 …) ------------------------------------------
    def meeting(self, when: str) -> tuple[list[str], str | None, list[str]]:
        rng, u, spec = self.rng, self.u, self.spec
        b = self.body(u)
        meeting = rng.choice(MEETINGS)
        studied = self.spirits(rng.choice((1, 1, 2)))
        study_items = [self.named(s, b, Mode.STUDY) for s in studied]
        adoption = ""
        extra: list[str] = []
        if spec.campaign is not None:
            self.mode = Mode.STUDY.value if spec.parent is not None and rng.random() < 0.5 else Mode.IMPLEMENT.value
            if spec.parent is not None and self.mode == Mode.STUDY.value:
                parent = self.body(self.r.h.units[spec.parent])
                adoption = "," + rng.choice(("传达学习", "学习")) + f"{parent}关于" + self.campaign(
                    spec.campaign, rng.choice(("推行", "开展", "深化")), Mode.STUDY, b) + "的部署要求"
            else:
                extra.append("要" + self.campaign(spec.campaign, rng.choice(IMPL_VERBS), Mode.IMPLEMENT, b)
                             + ",确保取得实效")
        elif rng.random() < 0.3:
            s = rng.choice(self.lex.slogans)
            extra.append("要" + rng.choice(IMPL_VERBS) + self.named(s, b, Mode.IMPLEMENT))
        verb = rng.choice(("召开", "召开", "组织召开", "举行"))
        joined = "和".join(study_items) if len(study_items) == 2 else study_items[0]
        tail = rng.choice(("", ",研究部署贯彻落实工作", ",并对下一阶段工作进行部署"))
        first = f"{when}," if when else ""
        lead = f"{first}{b}{verb}{meeting},{rng.choice(STUDY_VERBS)}{joined}{adoption}{tail}。"
        chain, chair = self.leader_chain("chair", full_body=False)
        r = rng.random()
        if r < 0.5:
            lead += f"{chain}主持会议" + ("并讲话。" if rng.random() < 0.5 else "。")
            self.gold.relation(RelType.CHAIRED.value, chair, b)
            if lead.endswith("并讲话。"):
                self.gold.relation(RelType.SPOKE.value, chair, b)
        elif r < 0.75:
            lead += f"会议由{chain}主持。"
            self.gold.relation(RelType.CHAIRED.value, chair, b)
        else:
            lead += f"{chain}出席会议并讲话。"
            self.gold.relation(RelType.ATTENDED.value, chair, b)
            self.gold.relation(RelType.SPOKE.value, chair, b)
        if rng.random() < 0.5:
            vt, names = self.vices(rng.choice((1, 2, 2, 3)))
            lead += f"{u.short}{vt}等{rng.choice(('参加会议', '出席会议', '参加'))}。"
            for n in names:
                self.gold.relation(RelType.ATTENDED.value, n, b)
        paras = [lead]
        if rng.random() < 0.7:
            paras.append(self.guest(b))
        paras.append(self.requirements(extra, rng.randrange(3, 7)))
        if rng.random() < 0.6:
            paras[-1] += rng.choice(self.lex.phrases["close"]).text + "。"
        self.detail(paras, 0.6, before_last=True)
        title = f"{b}{verb if verb != '组织召开' else '召开'}{meeting}"
        spirit = studied[0].name
        titles = [title, f"{b}:{self.headline(spirit)}", f"{b}{self.day.month}月{self.day.day}日召开{meeting}"]
        if rng.random() < 0.3:
            titles = titles[1:2] + titles[0:1] + titles[2:]
        subtitle = self.headline(spirit) if rng.random() < 0.3 and not titles[0].startswith(b + ":") else None
        return titles, subtitle, paras

    def guest(self, b: str) -> str:
        rng = self.rng
        guest = self.fresh()
        self.person(guest)
        company = self.company()
        post = rng.choice(self.lex["company_post"])
        honours = []
        if rng.random() < 0.35:
            honours.append("全国人大代表")
            self.gold.entity(ORG, "全国人民代表大会", ("全国人大",), opt=True)
            self.gold.relation(RelType.HOLDS_POSITION.value, guest, "全国人民代表大会", opt=True, title="代表")
        if rng.random() < 0.6:
            honours.append(rng.choice(self.lex["honour"]))
        self.gold.relation(RelType.INVITED.value, b, guest)
        self.gold.relation(RelType.SPOKE.value, guest, b)
        self.gold.relation(RelType.HOLDS_POSITION.value, guest, company, title=post)
        act = rng.choice(("作主题宣讲", "分享参加会议的体会感受", "作专题辅导", "结合工作实际作交流发言", "授课"))
        who = "、".join(honours + [company + post + guest])
        return f"会议邀请{who}{act}。"

    # --- a visit (调研, 走访, 慰问) ------------------------------------------------------------
    def visit(self, when: str) -> tuple[list[str], str | None, list[str]]:
        rng, u = self.rng, self.u
        kids = self.r.h.children.get(u.code, ())
        chain, leader = self.leader_chain("chair" if rng.random() < 0.7 else "executive", full_body=False)
        b = u.body
        first = f"{when}," if when else ""
        if kids and rng.random() < 0.75:
            t = self.r.h.units[self.spec.target or rng.choice(kids)]
            target = self.body(t)
            self.gold.relation(RelType.VISITED.value, b, target)
            what = rng.choice(("走访调研", "调研", "开展调研", "调研基层工会工作"))
            lead = f"{first}{chain}{rng.choice(('带队', '率队'))}到{target}{what}。"
            titles = [f"{b}调研{t.body}工作", f"{b}到{t.name}调研基层工会工作",
                      f"{b}{self.day.month}月{self.day.day}日到{t.name}调研"]
            seen = rng.choice(self.lex.phrases["visit"]).text.replace("{T}", t.short if rng.random() < 0.5 else t.body.removeprefix(t.prefix))
        else:
            target = self.company()
            self.gold.relation(RelType.VISITED.value, b, target)
            lead = f"{first}{chain}{rng.choice(('带队', '率队', '带领工作组'))}到{target}走访慰问一线职工。"
            titles = [f"{b}走访慰问{target}一线职工", f"{b}到{target}开展慰问活动",
                      f"{b}{self.day.month}月{self.day.day}日走访慰问一线职工"]
            seen = "慰问组一行深入生产一线,向职工送上慰问品,详细了解职工的工作生活情况和实际困难"
        self.gold.relation(RelType.LED.value, leader, b)
        self.body(u)
        other = self.r.roster(u.code).executive if leader != self.r.roster(u.code).executive else self.r.roster(u.code).chair
        otitle = self.r.roster(u.code).executive_title if other == self.r.roster(u.code).executive else self.r.roster(u.code).chair_title
        self.person(other)
        self.gold.relation(RelType.HOLDS_POSITION.value, other, b, title=otitle)
        self.gold.relation(RelType.ATTENDED.value, other, b)
        lead += f"{u.short if b in chain else b}{otitle}{other}等{rng.choice(('参加调研', '参加', '陪同'))}。"
        paras = [lead, seen + "。"]
        req = rng.sample(self.lex.phrases["req"], rng.choice((2, 3, 4)))
        for ph in req:
            self.opt_campaigns(ph.opt, b)
        group = "调研组" if "调研" in lead else "慰问组"
        paras.append(rng.choice((f"{group}要求,", f"{leader}指出,")) + ";".join(ph.text for ph in req) + "。")
        self.detail(paras, 0.5, before_last=True)
        return titles, None, paras

    # --- a publicity activity (普法宣传, 医疗互助宣传 …) ------------------------------------------
    def publicity(self, when: str) -> tuple[list[str], str | None, list[str]]:
        rng, u, spec = self.rng, self.u, self.spec
        b = self.body(u)
        venue = u.short_place + rng.choice(self.lex["venue_tail"])
        self.gold.entity(PLACE, venue, (), opt=True)
        if spec.campaign is not None:
            self.mode = Mode.PUBLICIZE.value
            topic = self.campaign(spec.campaign, "", Mode.PUBLICIZE, b)
        elif rng.random() < 0.6:
            s = rng.choice(self.lex.slogans)
            topic = self.named(s, b, Mode.PUBLICIZE)
        else:
            topic = rng.choice(("普法", "法律知识", "安全生产", "职工权益保障"))
        laws = rng.sample(self.lex["law"], rng.choice((1, 2, 3)))
        law_txt = [self.law(x, b) for x in laws]
        first = f"{when}," if when else ""
        n = rng.choice((200, 300, 500, 800, 1000, 1200))
        lead = f"{first}{b}在{venue}开展{topic}宣传活动。现场发放宣传资料近{n}份,接受职工咨询{rng.randrange(30, 300)}人次。"
        laws_joined = law_txt[0] if len(law_txt) == 1 else law_txt[0] + "和" + "".join(law_txt[1:])
        mid = f"活动现场,工作人员向职工{rng.choice(('普及', '宣传', '讲解'))}{laws_joined}等法律知识,引导职工尊法、学法、守法、用法,学会通过理性、合法的途径维护自身权益。"
        paras = [lead, mid]
        extra = rng.sample(self.lex.phrases["activity"], rng.choice((2, 3)))
        paras.append("".join(p.text + "。" for p in extra))
        self.detail(paras, 0.6)
        plain = topic.replace("\u2039", "").replace("\u203a", "")
        titles = [f"{b}开展{topic}宣传活动", f"{b}:让更多职工了解{plain}",
                  f"{b}{self.day.month}月{self.day.day}日开展{topic}宣传活动"]
        if rng.random() < 0.3:
            titles[0], titles[1] = titles[1], titles[0]
        return titles, None, paras

    # --- a campaign launch (启动会, 推进会, 启动仪式) ---------------------------------------------
    def launch(self, when: str) -> tuple[list[str], str | None, list[str]]:
        rng, u, spec = self.rng, self.u, self.spec
        assert spec.campaign is not None
        self.mode = Mode.IMPLEMENT.value
        b = self.body(u)
        c = spec.campaign
        first = f"{when}," if when else ""
        event = rng.choice(("启动会", "推进会", "启动仪式", "现场推进会"))
        if spec.origin:
            scope = {BodyLevel.PROVINCE: "全省", BodyLevel.CITY: "全市"}.get(u.level, "全区")
            surf = self.campaign(c, "", Mode.IMPLEMENT, b)
            lead = f"{first}{b}召开{surf}{event},在{scope}工会系统{rng.choice(('全面推行', '部署开展', '启动实施'))}{surf}。"
        else:
            follow = ""
            if spec.parent and rng.random() < 0.7:
                follow = f",按照{self.body(self.r.h.units[spec.parent])}统一部署"
            surf = self.campaign(c, "", Mode.IMPLEMENT, b)
            lead = f"{first}{b}举行{surf}{event}{follow}" + rng.choice(
                (f",推动{surf}在基层落地见效。", f",全面推行{surf}。", f",加快推进{surf}提质增效。"))
        chain, chair = self.leader_chain("chair" if rng.random() < 0.6 else "executive", full_body=False)
        lead += f"{chain}出席并讲话。"
        self.gold.relation(RelType.ATTENDED.value, chair, b)
        self.gold.relation(RelType.SPOKE.value, chair, b)
        paras = [lead]
        paras.append(self.requirements([], rng.randrange(3, 6), rng.choice(("会上强调,", "会议要求,", ""))))
        self.detail(paras, 0.6)
        if rng.random() < 0.6:
            paras.append(rng.choice(self.lex.phrases["close"]).text + "。")
        plain = surf.replace("\u2039", "").replace("\u203a", "")
        titles = [f"{b}{'启动' if spec.origin else '推进'}{surf}", f"{b}:{plain}{event}举行",
                  f"{b}{self.day.month}月{self.day.day}日召开{plain}{event}"]
        return titles, None, paras
