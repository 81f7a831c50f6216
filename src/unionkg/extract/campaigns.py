"""Campaign and law mentions: quoted slogans, ``X精神``, named programmes, a gazetteer, ``《…法》``.

Rule ids: ``campaign.quoted.v1``, ``campaign.spirit.v1``, ``campaign.discourse.v1``,
``campaign.programme.v1``, ``campaign.contest.v1``, ``campaign.gazetteer.v1``, ``law.booktitle.v1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..resources import read_words
from ..scanning import finditer_before
from ..types import Label, Mention
from .lexicon import Lexicon, alternation
from .segmenter import Segmenter
from .text import Doc

_QUOTED = re.compile(r'"([^"\n。!?]{1,24})"')
_BOOK = re.compile(r"《([^《》\n]{1,60})》")
#: a title inside a title: 《…关于修改〈某县条例〉的决定》, 《…贯彻实施< 中华人民共和国水污染防治法>…》
_INNER_BOOK = re.compile(r"[〈<]([^〈〉<>]{2,40})[〉>]")
#: documents about the law they name inside (关于修改〈…条例〉的决定, 贯彻实施<…法>审议意见)
_ABOUT_A_LAW = ("决定", "意见", "报告", "通知")
#: endings of titles that end like a law but are none: 经验做法, 审议意见
_NOT_LAW_END = ("做法", "方法", "想法", "看法", "说法", "审议意见")
#: a year heading a programme's name (2016年要约行动, 2024年度…)
_YEAR_HEAD = re.compile(r"(?:19|20)[0-9]{2}年度?")
#: a programme launched or pushed at a meeting named after it (…行动启动仪式, …行动暨…推进会)
_LAUNCHED = re.compile(r"(?:启动仪式|启动会|推进会|动员会|誓师大会|暨)")
#: a contest held again and again, named by its edition or year: 鹤岗市第三届职工职业技能大赛
_CONTEST = re.compile(r"大赛|竞赛")
_EDITION = re.compile(r"第[0-9一二三四五六七八九十]{1,3}届")
#: a quoted slogan heading a longer programme name: "尊法守法·携手筑梦"服务农民工公益法律服务行动
_LONG_TAIL = re.compile(r"[\u4e00-\u9fff]{0,16}?(?:行动|活动|工程|计划)(?![\u4e00-\u9fff]{0,2}(?:活动|宣传))")
_SPIRIT = re.compile(r"精神")
#: what a person does after their name (艾力·吐尔逊作宣讲), never in a dotted slogan
_ACTS = re.compile(r"作|说|表示|介绍|主持|讲话|发言|带领|参加|出席|分享|讲述|宣讲|授课|致辞|当选")
#: an unquoted slogan in two halves: 尊法守法·携手筑梦 (the right half stops before 宣传/活动/主题…)
_DOTTED = re.compile(r"([\u4e00-\u9fff]{2,8})·([\u4e00-\u9fff]{2,8}?)(?=宣传|活动|主题|系列|行动|服务|公益|[^\u4e00-\u9fff]|$)")
#: X of X精神 that names no meeting or speech
_GENERIC_SPIRIT = re.compile(
    r"^(?:好|本次|此次|这次|上述|该|有关|相关|各项|文件|上级|这一|其|的)*"
    r"(?:会议|大会|讲话|重要讲话|文件|指示|批示|会|这些|创新|奉献|团队|契约|担当|斗争|实干|进取|拼搏|主人翁|"
    r"钉钉子|螺丝钉|老黄牛|孺子牛|拓荒牛|改革创新|开拓创新|自立经营|宪法|时代|[\u4e00-\u9fff]{0,8}的)?$")  # 更加昂扬的精神: a quality, not a spirit of
#: boundary words that occur inside names of speeches (习近平总书记在全国两会上的重要讲话精神)
_CONJ = frozenset({"和", "及", "以及", "与", "暨", "同"})
#: 省总工会有关会议精神: a spirit only pointed at, not named
_VAGUE_SPIRIT = re.compile(r"(?:有关|相关|此次|本次|这次|上述|该|各类|各项|系列)(?:会议|文件|讲话|指示|批示)?$"
                           r"|^(?:党工委|党委|党组|常委|执委|全委|班子)(?:会议|会)$")  # 党工委会议精神: no meeting named
#: a spirit of an occasion named with 的 (习近平总书记在全国两会上的重要讲话精神), not a quality (务实的职工精神)
_NAMED_OCCASION = re.compile(r"讲话|会议|大会|全会|指示|批示|论述|贺信|回信|重要|[0-9一二三四五六七八九十]大$")
_WORDY = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]")
_PUNCT_IN = re.compile(r"[^\u4e00-\u9fff0-9]")
_SPIRIT_INNER = frozenset({"在", "的", "于", "为", "是", "关于"})  # 习近平总书记关于…的重要指示精神
#: words a leader spoke or wrote, listed with 、 before one 精神 (重要讲话、重要指示精神): one spirit
_WORDS_SPOKEN = re.compile(r"(?:重要)?(?:讲话|指示|批示|论述|贺信|回信|指示批示)")
_WORDS_SPOKEN_END = re.compile(r"(?:讲话|指示|批示|论述|贺信|回信)$")
#: a leader's discourses on a subject, studied as such: 习近平总书记关于工人阶级和工会工作的重要论述
_DISCOURSE = re.compile(r"重要论述")
_DISCOURSE_NAME = re.compile(r"习近平(?:总书记|同志)?关[于於](?:(?!习近平)[\u4e00-\u9fff、]){2,30}?的?重要论述$")
#: a call to do something (要认真贯彻…), not 要求, 重要, 主要, 需要, 要点
_MODAL = re.compile(r"(?<![重主需纪])要(?![求点素件闻])")
#: a body relaying a higher spirit: 江苏省总工会 | 中国工会十八大精神宣讲团
_RELAYING_BODY = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:总工会|委员会|常委会)(?=中国工会|党的|中共|全国|习近平|十[一二三四五六七八九]大|二十)")
#: a document listed before a spirit with 和 (中央4号文件和…会议精神): each its own
_DOCUMENT_AND = re.compile(r"^([^和及与]{2,20}?(?:文件|决定|意见|通知|批示|指示))(?:和|及|与|以及)([^和及与]{4,})$")
#: a meeting's name, which a list of spirits shares one 精神 between: 省委十五届五次全会、市委…全会精神
_MEETING_END = ("全会", "全委会", "会议", "大会", "两会")
#: two meetings joined by 和 before one 精神: 全总十八届二次执委会议和省总十五届五次全委会议精神
_MEETINGS_AND = re.compile(r"^([^和及与]{4,}?(?:全会|全委会|会议|大会|两会))(?:和|及|与|以及)([^和及与]{4,}(?:全会|全委会|会议|大会|两会))$")
#: what a count follows: 入会人数, 覆盖率
_COUNTED = re.compile(r"(?:人数|人次|率|数量|比例|总数|规模)")
_FILLERS = ("好", "认真", "切实", "深入", "全面", "坚决", "大力", "积极", "持续", "进一步", "做", "当好", "争做")
#: a quotation of someone's words: 他说:"…" / 表示,"…"
_SPEECH_BEFORE = re.compile(r"(?:说|[问答笑叹喊写]道|表示|感慨|坦言|直言|笑言|感叹|告诉记者|介绍)[:,]?$")
#: words inside quotes that make them speech, not a name (我, 你们, 大家, 自己)
_SPEECH_WORDS = re.compile(r"我|你|咱|他们|她们|大家|自己")
#: a quoted figure of speech: 让劳动者"累了有地方歇", 既有"话语权", 感受到"工会就在身边"
_FIGURE_BEFORE = re.compile(r"(?:(?:让|使)[\u4e00-\u9fff]{0,6}|有|感受到|感到|成为|当好|争当|变成|真正|力争[\u4e00-\u9fff]{0,2})$")
#: verbs that put a slogan of several clauses to work (围绕"拼经济、保安全"…)
_SLOGAN_VERBS = re.compile(r"(?:开展|推进|实施|落实|落地|践行|围绕|聚焦|坚持|深化|推行|启动|打造|擦亮|以|按照|紧扣|提出|贯彻|学习|助力)$")
#: honours: quoted titles given to people and units
_HONOUR_CORE = re.compile(r"(?:工匠|劳动模范|劳模|标兵|能手|先锋号?|模范|先进(?:个人|集体|工作者|单位)|优秀[\u4e00-\u9fff]{1,4}|"
                          r"红旗[\u4e00-\u9fff]{1,4}|十佳[\u4e00-\u9fff]{1,4}|奖章|奖状)$")
#: the rest of a person's name after its surname, then what follows a name in a list
_NAME_THEN = re.compile(r"[\u4e00-\u9fff]{1,2}(?:[、,，的和]|同志)")
_HONOUR_BEFORE = re.compile(r"(?:授予了?|荣获|获评|评为|表彰了?)[^,，。;；\"“”]{0,14}(?:[\"“][^\"”]{1,20}[\"”][、和及])*$")
_HONOUR_AFTER = re.compile(r"(?:[、,，和及]?[\"“][^\"”]{1,20}[\"”])*(?:等)?(?:荣誉)?"
                           r"(?:称号|荣誉|奖|先进(?:单位|集体|个人)|(?:单位|集体)和个人)")
#: a thing handed out: 发放"爱心包", 送上"清凉大礼包", 提供"歇脚地"
_GIVEN_BEFORE = re.compile(r"(?:发放|送上|送去|赠送|领取|捐赠|配备|送出|发出|提供)(?:了)?[0-9一二三四五六七八九十百千余多份个张]*$")
_NUMERALS = frozenset("一二三四五六七八九十百千两0123456789")
#: a quoted group of people: "外卖小哥", "快递骑手"
_PEOPLE_GROUP = re.compile(r"(?:小哥|骑手|司机|快递员|外卖员|劳动者|职工|工人|人员|群体|娘家人|大姐|师傅)$")
#: a question in quotes: "好不好", "有没有", "…吗", "团干部如何健康成长" (a topic to discuss)
_QUESTION = re.compile(r"(.)[不没]\1|[吗呢么?]$|如何|怎样|怎么|为什么|为何|是什么|什么样")
#: a quoted team or group (志愿队, 宣讲团): an organisation, not a campaign
_TEAM_END = ("志愿队", "服务队", "突击队", "宣讲团", "志愿者团队", "小分队")


def _dotted(m: str) -> Iterator[re.Match[str]]:
    """``_DOTTED.finditer(m)``, tried only two to eight characters before a ·."""
    return finditer_before(_DOTTED, m, "·", 8)


#: quotation marks inside a title, left out of its name: 《残疾人事业"十二五"发展纲要》
_QUOTE_MARKS = re.compile(r"[\"“”「」『』]")


class CampaignFinder:
    """Finds campaign and law mentions in a ``Doc``."""

    def __init__(self, lex: Lexicon, seg: Segmenter | None = None) -> None:
        self.lex = lex
        self.seg = seg
        self.gazetteer = frozenset(lex.campaigns)
        self.suffix_re = re.compile(f"(?:{alternation(lex.campaign_suffixes)})")
        #: a speaker's body and titles, then the name and 在 (省委副书记|李锦斌同志在): see _past_speaker_titles
        self.speaker_re = re.compile(f"[\u4e00-\u9fff]{{0,12}}?(?:{alternation(lex.titles)})"
                                     f"((?:{alternation(lex.surnames)})[\u4e00-\u9fff]{{1,2}}?(?:同志)?在)")
        self.gazetteer_re = re.compile(alternation(lex.campaigns))
        self.law_end = tuple(lex.law_suffixes)
        self.plan_end = read_words("plan_endings.txt")
        self.programme_re = re.compile(r"(?:计划|行动|工程)")
        self.not_campaigns = frozenset(lex.not_campaigns)
        self.not_campaign_endings = read_words("not_campaign_endings.txt")
        self.work_plans = read_words("work_plan_endings.txt")
        #: a meeting named after a quoted brand (data/event_nouns.txt): "请你来协商"专题协商会
        meetings = alternation([n for n, kind in lex.event_nouns.items() if kind == "meeting" and n.endswith("会")])
        self.meeting_after = re.compile(f"[\u4e00-\u9fff]{{0,4}}(?:{meetings})")
        self.mindset_re = re.compile(f"的?(?:{alternation(read_words('mindset_nouns.txt'))})")
        self.programme_verbs = ("开展", "实施", "推进", "深化", "启动", "参与", "参加", "推出", "组织", "落实", "推行",
                                "深入开展", "持续开展", "全面实施", "做好", "助力")

    def find(self, doc: Doc) -> list[Mention]:
        out: list[Mention] = []
        m = doc.match
        for q in _QUOTED.finditer(m):
            core = q.group(1).strip()
            if not core or not _WORDY.search(core):
                continue
            end = q.end()
            suf = self.suffix_re.match(m, end)
            suffix = suf.group(0) if suf else ""
            tail = _LONG_TAIL.match(m, end)
            if tail and len(tail.group(0)) > len(suffix):
                suffix = tail.group(0)
            if (len(core) < 2 and not suffix) or core in self.not_campaigns \
                    or (suf is None and core.endswith(self.not_campaign_endings)):
                continue  # "爱心大礼包", "外卖小哥": things and people, not campaigns
            if q.start() > 0 and m[q.start() - 1] == "的" and not suffix and core not in self.gazetteer:
                continue  # 打造职工信赖的"温馨家园": a figure of speech, not a programme's name (具澳门特色的"一国两制" is one)
            if not suffix and self.mindset_re.match(m, end):
                continue  # 树立"一盘棋"思想: a mindset (data/mindset_nouns.txt), not a campaign
            if len(core) > 20 and "、" not in core and "," not in core:
                continue
            if not self._named(m, q.start(), core, suffix, bool(self.meeting_after.match(m, end))) \
                    or (not suffix and self._ordinary(core)):
                continue  # "加油站", "沃土" are figures of speech
            honoured = _HONOUR_CORE.search(core) and self.lex.surname_len(m[end:end + 2]) \
                and _NAME_THEN.match(m, end + self.lex.surname_len(m[end:end + 2]))
            if not suffix and (honoured or _HONOUR_BEFORE.search(m, max(0, q.start() - 90), q.start())
                               or _HONOUR_AFTER.match(m, end)):
                continue  # 授予"优秀团员"称号, "莱阳工匠"某某: an honour, not a campaign
            orig = doc.text[q.start(1):q.end(1)].strip()  # the text's own script
            canonical = orig if len(core) >= 2 else orig + doc.text[end:end + len(suffix)]
            variant = doc.text[q.start(): end + len(suffix)]
            out.append(Mention(Label.CAMPAIGN, variant, q.start(), end + len(suffix), "campaign.quoted.v1",
                               canonical=canonical, attrs=(("core", canonical),)))
        for b in _BOOK.finditer(m):
            name = b.group(1)
            if name in self.law_end:
                continue  # (以下简称《意见》): the short title of a document named before
            inner = [x for x in _INNER_BOOK.finditer(m, b.start(1), b.end(1))
                     if x.group(1).strip().endswith(self.law_end)] if name.endswith(_ABOUT_A_LAW) else []
            for ib in inner:  # 《…关于修改〈某县矿产资源管理条例〉的决定》: the law is the one inside
                written = ib.group(1).strip()
                law = written.removeprefix("中华人民共和国")
                at = ib.start(1) + (len(ib.group(1)) - len(ib.group(1).lstrip())) + len(written) - len(law)
                out.append(Mention(Label.LAW, doc.text[ib.start():ib.end()], ib.start(), ib.end(), "law.booktitle.v1",
                                   canonical=doc.text[at:at + len(law)]))
            if inner or name.endswith(_NOT_LAW_END):
                continue
            if name.endswith(self.plan_end) and not name.endswith(self.law_end) and len(name) >= 4:
                written = doc.text[b.start(1):b.end(1)].strip()  # 《粤港澳大湾区发展规划纲要》: a plan carried out
                out.append(Mention(Label.CAMPAIGN, doc.text[b.start():b.end()], b.start(), b.end(), "campaign.booktitle.v1",
                                   canonical=written, attrs=(("core", _QUOTE_MARKS.sub("", written)),)))  # as written
                continue
            if name.endswith(self.law_end) and len(name) >= 2:
                canonical = name.removeprefix("中华人民共和国")
                out.append(Mention(Label.LAW, doc.text[b.start(): b.end()], b.start(), b.end(), "law.booktitle.v1",
                                   canonical=doc.text[b.start(1) + len(name) - len(canonical): b.end(1)]))
        taken = [(x.start, x.end) for x in out]
        for d in _dotted(m) if "·" in m else ():
            if any(ts <= d.start() < te for ts, te in taken) or _ACTS.search(d.group(2)) \
                    or m[d.start() - 1:d.start()] == "、" or m[d.end():d.end() + 1] == "、":
                continue  # 班长艾力·吐尔逊作专题宣讲, 甲、木合亚提·加尔木哈买提、乙: names, not slogans
            a = self._walk_back(m, d.start(1) + len(d.group(1)), limit=len(d.group(1)))
            a = d.start(1) if a is None else max(a, d.start(1))
            out.append(Mention(Label.CAMPAIGN, doc.text[a:d.end()], a, d.end(), "campaign.dotted.v1",
                               canonical=doc.text[a:d.end()]))
        taken = [(x.start, x.end) for x in out]
        for s in _SPIRIT.finditer(m):
            start = self._walk_back(m, s.start(), limit=32, keep=_SPIRIT_INNER)
            if start is None:
                continue
            while start > 1 and m[start - 1] == "、" and _WORDS_SPOKEN.match(m, start) \
                    and _WORDS_SPOKEN_END.search(m, max(0, start - 8), start - 1):
                more = self._walk_back(m, start - 1, limit=32, keep=_SPIRIT_INNER)
                if more is None or more >= start - 1:
                    break
                start = more  # 习近平总书记视察广东重要讲话、重要指示精神: one spirit of the words and directions
            start = self._occasion_start(m, start, s.start())
            start = self._past_speaker_titles(m, start, s.start())
            x = m[start: s.start()]
            core = x
            for f in _FILLERS:
                core = core.removeprefix(f)
            if len(core) < 2 or _GENERIC_SPIRIT.match(core) or _VAGUE_SPIRIT.search(core) \
                    or ("的" in core and not _NAMED_OCCASION.search(core)):
                continue
            relay = _RELAYING_BODY.match(core)
            if relay:
                core = core[relay.end():]
            both = _DOCUMENT_AND.match(core)  # 中央4号文件和中央党的群团工作会议精神: a document, then the spirit
            if both and not _GENERIC_SPIRIT.match(both.group(2)):
                d0 = s.start() - len(core)
                out.append(Mention(Label.CAMPAIGN, doc.text[d0:d0 + len(both.group(1))], d0, d0 + len(both.group(1)),
                                   "campaign.spirit.v1", canonical=doc.text[d0:d0 + len(both.group(1))]))
                core = both.group(2)
            two = _MEETINGS_AND.match(core)  # 省委十三届三次全会和市委十二届五次全会精神: each meeting's spirit
            if two and not _GENERIC_SPIRIT.match(two.group(1)) and not _GENERIC_SPIRIT.match(two.group(2)):
                d0 = s.start() - len(core)
                d1 = d0 + len(two.group(1))
                out.append(Mention(Label.CAMPAIGN, doc.text[d0:d1], d0, d1, "campaign.spirit.v1",
                                   canonical=doc.text[d0:d1] + s.group(0)))
                core = two.group(2)
            a = s.start() - len(core)
            if any(a >= ts and s.end() <= te for ts, te in taken):
                continue
            out.append(Mention(Label.CAMPAIGN, doc.text[a: s.end()], a, s.end(), "campaign.spirit.v1",
                               canonical=doc.text[a: s.end()]))
            if core.endswith(_MEETING_END):
                out.extend(self._listed_meetings(doc, a, s.group(0)))
        out.extend(self._discourses(doc, taken))
        for g in self.gazetteer_re.finditer(m):
            if any(g.start() >= ts and g.end() <= te for ts, te in taken) or _inside_quotes(m, g.start(), g.end()):
                continue
            if _COUNTED.match(m, g.end()):
                continue  # 新就业形态劳动者入会人数突破21万: a figure, not the campaign
            out.append(Mention(Label.CAMPAIGN, doc.text[g.start(): g.end()], g.start(), g.end(),
                               "campaign.gazetteer.v1", canonical=doc.text[g.start(): g.end()]))
        taken = [(x.start, x.end) for x in out]
        for p in self.programme_re.finditer(m):
            if any(ts < p.end() <= te for ts, te in taken):
                continue
            start = self._walk_back(m, p.start(), limit=20)
            if start is None:
                continue
            years = list(_YEAR_HEAD.finditer(m, start, p.start()))  # 2016年要约行动, 沛县2024年…行动
            year = years[-1] if years else None  # the name begins after its year
            if year is not None:
                start = year.end()
            end = p.end() + (1 if p.group(0) == "行动" and m.startswith("月", p.end()) else 0)  # 要约行动月
            if m.startswith(("方案", "计划"), end) and p.group(0) == "行动":
                end += 2  # 三年行动方案, 五大发展行动计划: the plan that sets it out
            if m[:start].endswith(self.programme_verbs):
                if p.start() - start < 4:
                    continue
            elif year is None and not _LAUNCHED.match(m, end) or p.start() - start < 2 \
                    or self._ordinary(m[start:p.end()]) or p.start() - start > 14:
                continue  # a year before it or a launch after it (集体协商要约行动启动仪式) names it
            name = m[start:end]
            if '"' in name or "的" in name or _NON_HAN.search(name) or name in self.not_campaigns \
                    or name.endswith(self.work_plans):
                continue  # 2025年监督工作计划: a body's routine plan (data/work_plan_endings.txt)
            out.append(Mention(Label.CAMPAIGN, doc.text[start:end], start, end, "campaign.programme.v1",
                               canonical=doc.text[start:end]))
        out.extend(self._contests(doc, [(x.start, x.end) for x in out]))
        return out

    def _contests(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
        """A contest named by its edition (``鹤岗市第三届职工职业技能大赛``: from its place) or its year
        (``2024年广东省劳动关系协调员职业技能竞赛``: after it), a programme unions run each year; a
        contest named by neither (``职业技能大赛``) is an event's kind. Rule ``campaign.contest.v1``."""
        m, out = doc.match, []
        for c in _CONTEST.finditer(m) if ("赛" in m) else ():
            if any(ts < c.end() <= te for ts, te in taken):
                continue
            start = self._walk_back(m, c.start(), limit=32)
            if start is None:
                continue
            start = max(start, m.rfind("的", start, c.start()) + 1)  # 主办的|茂名市第五届…大赛
            years = list(_YEAR_HEAD.finditer(m, start, c.start()))
            if years:
                start = years[-1].end()
            elif not _EDITION.search(m, start, c.start()):
                continue
            name = m[start:c.end()]
            if c.start() - start < 4 or '"' in name or _NON_HAN.search(name):
                continue
            out.append(Mention(Label.CAMPAIGN, doc.text[start:c.end()], start, c.end(), "campaign.contest.v1",
                               canonical=doc.text[start:c.end()]))
        return out

    def _discourses(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
        """``习近平总书记关于工人阶级和工会工作的重要论述`` where a body or a meeting studies it
        (``湖北省总工会召开座谈会,推动学习…重要论述``, ``为深入学习贯彻…重要论述,某区总工会…``), not
        where a speech calls for it (``要认真贯彻…重要论述``): the discourses are a reference of
        every speech, a campaign only as what is studied. Rule ``campaign.discourse.v1``."""
        m, out = doc.match, []
        for d in _DISCOURSE.finditer(m) if "论述" in m else ():
            x = _DISCOURSE_NAME.search(m, max(0, d.start() - 45), d.end())  # 关於: the text's 於 is kept
            if x is None or any(ts <= x.start() < te for ts, te in taken) \
                    or _MODAL.search(m, doc.sentence_of(x.start())[0], x.start()):
                continue
            out.append(Mention(Label.CAMPAIGN, doc.text[x.start():x.end()], x.start(), x.end(),
                               "campaign.discourse.v1", canonical=doc.text[x.start():x.end()]))
        return out

    def _listed_meetings(self, doc: Doc, a: int, spirit: str) -> list[Mention]:
        """The meetings listed before the one at ``a`` that share its 精神 (``X全会、Y全会精神``):
        each a spirit of its own, named ``X全会精神``."""
        m, out = doc.match, []
        while a > 0 and m[a - 1] in "、和及与":
            start = self._walk_back(m, a - 1, limit=24, keep=_SPIRIT_INNER)
            name = m[start:a - 1] if start is not None else ""
            if not name.endswith(_MEETING_END) or len(name) < 4 or _GENERIC_SPIRIT.match(name):
                break
            assert start is not None
            out.append(Mention(Label.CAMPAIGN, doc.text[start:a - 1], start, a - 1, "campaign.spirit.v1",
                               canonical=doc.text[start:a - 1] + spirit))
            a = start
        return out

    def _ordinary(self, core: str) -> bool:
        """A quoted ordinary word of the dictionary (加油站, 沃土, 武装, 五四) or a group of people
        (外卖小哥): a figure of speech, not a campaign's name."""
        if core in self.gazetteer or core[0] in _NUMERALS:
            return False  # "七五"普法, "八大群体": a numbered programme, not a word
        if _PEOPLE_GROUP.search(core):
            return True
        return self.seg is not None and len(core) <= 4 and self.seg.word_freq(core) >= 3 \
            and not self.seg.is_user_word(core)

    @staticmethod
    def _named(m: str, start: int, core: str, suffix: str, meeting: bool = False) -> bool:
        """Does the quote at ``start`` name a campaign, or is it speech or a figure of speech?
        ``meeting``: a meeting named after it follows (``"请你来协商"专题协商会``)."""
        before = m[max(0, start - 8):start]
        if _SPEECH_BEFORE.search(before) or core.endswith(_TEAM_END) or _QUESTION.search(core):
            return False
        if suffix:
            return True  # "请你来协商"活动, "我为群众办实事"实践活动: a programme named in words spoken
        if _SPEECH_WORDS.search(core) and not meeting:
            return False
        if _FIGURE_BEFORE.search(before) or _GIVEN_BEFORE.search(before):
            return False
        # a slogan of several clauses names a campaign only where a verb puts it to work
        return not ("、" in core or "," in core) or bool(_SLOGAN_VERBS.search(before))

    def _past_speaker_titles(self, m: str, start: int, end: int) -> int:
        """``省委副书记李锦斌同志在省总工会十三届三次全委会上的讲话精神``: a speech's spirit is named from
        the speaker (``李锦斌同志在…``), the speaker's body and titles before the name left out."""
        t = self.speaker_re.match(m, start, end)
        return t.start(1) if t is not None else start

    def _occasion_start(self, m: str, start: int, end: int) -> int:
        """``习近平总书记在中央政治局第十八次集体学习时的重要讲话精神``: a spirit of words spoken on an
        occasion (``在…时的``) whose walk back stopped inside the occasion (at 学习, 审议 …) starts with
        the speaker before 在; else ``start``."""
        at = m.find("时的", start, end)
        if at < 0:
            return start
        k = m.rfind("在", max(0, start - 24), start + 1)
        if k < 0 or _PUNCT_IN.search(m, k, at):
            return start
        speaker = self._walk_back(m, k, limit=16, keep=_SPIRIT_INNER)
        return speaker if speaker is not None and speaker < k else start

    def _walk_back(self, m: str, end: int, limit: int, keep: frozenset[str] = frozenset()) -> int | None:
        """Start of the name that ends at ``end``: back to punctuation or a boundary word."""
        i = end
        lo = max(0, end - limit)
        ends = self.lex.boundary_ends  # (no boundary word ends in any other character: no call there)
        while i > lo:
            ch = m[i - 1]
            if ch == ")" and m.startswith("(扩大)", i - 4):
                i -= 4  # 全委(扩大)会议: the meeting's own name
                continue
            if not ("\u4e00" <= ch <= "\u9fff" or ch in '"·' or ch.isdigit()):
                return i
            if m[i - 2: i] == "精神" and i < end:
                return None  # a spirit inside a longer meeting name: cannot delimit
            w = self.lex.boundary_before(m, i, keep) if i < end and ch in ends else None
            if w is not None and not (keep and w in _CONJ and not m[:i - len(w)].endswith("精神")
                                      and "\u4e00" <= m[i - len(w) - 1: i - len(w)] <= "\u9fff"):
                return i  # in a spirit's name, 和/及 only splits "X精神和Y精神" (or opens a clause: ,以及Y精神)
            i -= 1
        return i if i == 0 else None


def _inside_quotes(m: str, start: int, end: int) -> bool:
    return m.count('"', max(0, start - 30), start) % 2 == 1
