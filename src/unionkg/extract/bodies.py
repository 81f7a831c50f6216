"""Union bodies, other organisations and places.

A body is a name ending (``总工会``, ``人大常委会``, ``人社局``, ``有限公司`` …) read leftwards: a chain
of divisions (``汕头市潮南区``), a level word to resolve from context (``市总工会`` → the city the
article is about), a short place name (``香洲工会``), an industry (``省教育工会``) or a company.
Rule ids: ``body.division.v1``, ``body.shortform.v1``, ``body.shortplace.v1``, ``body.industry.v1``,
``body.company_union.v1``, ``body.alias.v1``, ``org.company.v1``, ``org.congress.v1``,
``place.division.v1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..ingest.normalize import in_script_of, to_match_text
from ..resources import read_rows, read_words
from ..scanning import scanner
from ..types import Label, Mention
from .divisions import LEVEL_CHARS, ZONE_ENDINGS, Divisions
from .lexicon import Lexicon, alternation
from .people import GOVERNMENT_HEAD, PersonHit
from .segmenter import Segmenter
from .text import Doc

_LEVEL_OF_WORD = {"省": "province", "市": "city", "州": "city", "盟": "city", "区": "district", "县": "district",
                  "旗": "district", "镇": "town", "乡": "town", "街道": "town", "自治区": "province",
                  "自治州": "city", "自治县": "district", "自治旗": "district"}
#: level words of more than one character, read before the single ones
_LONG_LEVEL_WORDS = ("自治区", "自治州", "自治县", "自治旗", "街道")
_NATIONAL = "中华全国总工会"
_ALIASES = {"全总": _NATIONAL, "中华全国总工会": _NATIONAL, "全国总工会": _NATIONAL}
#: Taiwan's national federation: an article that names it means it by 全国总工会 alone
_ROC_NATIONAL = "中华民国全国总工会"
_PARTY_TAIL = re.compile(r"(?:党工委|党委|管委会|委员会|委)(?![员托屈婉])")
#: a body named by its kind alone, before a title or 工会 (公司工会主席, 公司总经理, 联合会主席)
_ANAPHOR_KINDS = "总工会|分公司|公司|集团|企业|学校|大学|学院|医院|联合会|商会|协会|中心|校(?=党委|团委|工会)|院(?=党委|团委|工会)"
_ANAPHOR = scanner(r"(?:该|本)?((?:园区|楼宇|行业|商圈|区域)?(?:工会联合总会|工联总会|工会联合会|工联会)|"
                      + _ANAPHOR_KINDS + ")"
                      r"(工会委员会|工会|党委|团委)?"
                      r"(?=[\u4e00-\u9fff]{0,6}?(?:主席|副主席|书记|经理|总经理|董事长|董事|监事|校长|院长|主任|负责人|会长|委员))")
#: a union's title next in a chain after a unit's party committee (党委副书记、工会主席)
_CHAIN_UNION_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}?、(工会)(?=主席|副主席|常务副主席)")
#: "this association" before an officer's title (本會理事長甲): the article's own body
_OUR_BODY = re.compile(r"本会(?=[\u4e00-\u9fff]{0,4}?(?:主席|副主席|理事长|副理事长|会长|副会长|秘书长|监事长|常务理事|理事|干事))")
#: a kind written short and the names it stands for (工联总会: 澳门工会联合总会)
_SCHOOLS = ("学校", "大学", "学院", "中学", "小学")
_SHORT_KIND = {"工联总会": ("工联总会", "工会联合总会"), "工联会": ("工联会", "工会联合会"),
               "集团": ("集团", "集团有限公司", "集团股份有限公司", "集团有限责任公司"),  # 集团党委: the group company's
               "学校": _SCHOOLS, "校": _SCHOOLS, "大学": ("大学",), "学院": ("学院",),  # 校团委: the school's
               "院": ("医院", "学院", "研究院")}  # 院党委: the hospital's, the college's
#: a word every ``_ANAPHOR`` match holds (工会联合会 holds 联合会): texts without one need no scan for it
_ANAPHOR_WORD = re.compile("工联会|工联总会|联合总会|" + _ANAPHOR_KINDS)
_HAN_RUN = re.compile("[\u4e00-\u9fff]*")
#: one-character words that end a name read leftwards but are common inside company names (同城, 华为)
_NAME_CHARS_TOO = frozenset("同为好以其使了是于")
_LEVEL_PARTY = re.compile(r"[市区县]委(?![员托屈婉会])")
#: a party committee (or its discipline commission) named by a level word: 区委, 县纪委, 镇党委
_BARE_PARTY = scanner(r"(?<!团)(省|市|区|县|旗|镇|乡|街道)(纪委监委|纪委|党工委|党委|委)"
                         r"(?=常委|书记|副书记|委员|宣传部|组织部|统战部|政法委|办公室|[、,，和与及]|(?:的)?领导|主要负责)")
_SHORT_ZONG = re.compile(r"(省|市|区|县)总(?!工会|经理|书记|部|队|数|量|体|结|计|之|额|共|会|理|监|裁|规|站|台|局)")
#: what follows 区总/县总 standing for the district's 总工会: a title (区总副主席甲, 县总党组书记乙)
_DISTRICT_ZONG_NEXT = re.compile(r"(?:党组|常务|主席|副主席|领导|机关|干部)")
#: what follows a place's 总 standing for its 总工会 (西安市总投资, 广州市总联合, 湖北省总召开): a verb or a clause's end
_ZONG_NEXT = re.compile(r"(?:投资|联合|召开|举行|举办|开展|组织|党组|主席|副主席|领导|机关|出台|印发|下发|发布|推出|启动|将|在|于|与|和|及|[、,，。;；])")
_CONGRESS = re.compile(r"(?:成立暨)?第[0-9一二三四五六七八九十百]+次(?:会员|妇女|团员)?代表大会")
#: a congress a place holds, its holder named by its kind: 兴山区第六次妇女代表大会 (→ 兴山区妇联)
_PLACE_CONGRESS = re.compile(r"(?:(?:隆重|胜利)?(?:召开|举行)了?)?(第[0-9一二三四五六七八九十百]+次(妇女|工会)代表大会)")
#: a league congress of a place or a unit: 共青团黄石市第十四次代表大会, 共青团某某中心第十三次代表大会
_LEAGUE_CONGRESS = re.compile(r"共青团([\u4e00-\u9fff]{2,24}?)(第[0-9一二三四五六七八九十百]+次(?:团员)?代表大会)")
_CONGRESS_HOLDER = {"妇女": (Label.ORGANIZATION, "妇女联合会", "妇联"), "工会": (Label.UNION_BODY, "总工会", "总工会")}
_MORE_COMMITTEE = re.compile("[\u4e00-\u9fff]{0,8}?委员会")
_LEAGUE_COMMITTEE = scanner("团(省|市|区|县)委|(?<![\u4e00-\u9fff])(省|市|区|县)团委")
_LIST_ITEM = re.compile("[^、]+")
#: a word of going or being somewhere before a short place name: 在郑州, 赴浙江, 来鄂
_GOES_TO = re.compile(r"(?:在|赴|到|来|至|于|抵|前往|来到|走进|落户|回到|深入|奔赴|遍布|考察|视察)$")
#: a list of short place names: 济南、枣庄、潍坊等地
_PLACE_LIST = re.compile(r"(?:[^,，。;；:：\n]{0,12}?[在赴到于])?((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})"
                         r"(?:等(?:地|市|省)|两地|三地|[,，。])")
#: a list of places closed by a count of them: 济南、枣庄、潍坊五个市, 南京、苏州等3市
_COUNT = r"(?:等(?:地|市|省)|等?[两一二三四五六七八九十0-9]+个?(?:地市|城市|市|州|省|地))"
_PLACE_COUNT = re.compile(_COUNT)
_PLACE_ITEMS = re.compile(rf"((?:[\u4e00-\u9fff]{{2,4}}、)+[\u4e00-\u9fff]{{2,4}}){_COUNT}")
#: a dateline's place: 本报北京2月22日电
_DATELINE_PLACE = re.compile(r"本报|本网|电讯|社$")
_DATED = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")
#: the end of a dateline run into the lead (…7月16日讯市总工会, 本报讯市妇联)
_DATELINE_END = re.compile(r"(?:\d日|报|网|台)(?:电|讯)$")
#: a dateline of the city's own paper opening a line: 青岛日报7月16日讯, 宁波晚报讯
_MEDIA_DATELINE = re.compile(r"(?:日报|晚报|都市报|新闻网|广播电视台|融媒体中心)(?:\d{1,2}月\d{1,2}日)?(?:电|讯)")
#: what may follow a short place name standing alone
_AFTER_PLACE = re.compile(r"(?:召开|举行|举办|开展|调研|考察|参观|看望|慰问|访问|出席|参加|等地|两地|各地|、|和|与|及|的|时|重要)")
#: a category before a company's own name: 困难企业, 新业态企业, 辖区内
_CATEGORY_HEAD = re.compile(r"[\u4e00-\u9fff]{0,4}(?:企业|单位|公司|辖区内|园区内)")
#: a level word standing for the place in context (市科技局, 区人社局)
_LEVEL_ALONE = re.compile(r"(?:街道|省|市|区|县|镇|乡|旗)")
#: what a department's name does not hold: clause words, other bodies' endings
_NOT_DEPARTMENT = re.compile(r"[的在到与是为等了及、省县]|召开|举行|组织|开展|举办|工会|人大|政协|党委|党组|妇联|团委|"
                             r"常委|书记|主任|局长|领导|干部|职工")
_NOT_AFTER_DEPT = frozenset("面势限")
#: a department named after its government: 台中市政府勞工局, 某县人民政府办公室
_GOV_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:局|办公室|委员会|处)(?![面势限])")
#: a unit of a department: 公安局交警支队
_DEPT_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:支队|大队|中队|分局|派出所)")
#: endings that may stand alone for the body of the place in context, in a list of officials
_BARE_ENDING = re.compile(r"政协|人大常委会|人大|政府|妇联|团委|科协|残联|工商联")
_TITLE_NEXT = re.compile(r"(?:常务|专职|兼职)?副?(?:主席|主任|书记|县长|区长|市长|镇长|秘书长|理事长|党组书记|党组成员)")
#: a body's term between its place and its ending: 县第十七届人大常委会
_TERM_BEFORE = re.compile(r"第[一二三四五六七八九十百0-9]+届")
#: characters that join words (和, 及…): a two-character place name starting with one follows a full stop
_CONJ_CHARS = frozenset("和与及同跟并暨")
_NOT_FEDERATION = re.compile("主席|书记|委员会|当选|成立|选举|担任|会长|理事长|主任|率领|带领|率队|访问|出席|参加|召开|举办|大会|并|研究")
_LIST_JOIN = re.compile("[及和与、]")
#: a list of places closed by 等地/等市/两地 before 总工会: each place's union (宁波、温州等地总工会)
_PLACES_EACH = re.compile(r"(?:等地的?|等市的?|两地|三地)$")
_OVERSEAS = frozenset({"香港特别行政区", "澳门特别行政区", "台湾省"})
#: what no trade's name holds: clause words, bodies, counts (各行业, 全市建筑业)
_NOT_TRADE = re.compile(r"[^\u4e00-\u9fff]|[的在到与是为等了及和或、各全本该其我]|召开|举行|组织|开展|举办|推进|成立|工会|企业|"
                        r"公司|集团|人大|政协|党委|妇联|团委|[0-9一二三四五六七八九十百千]+家")
#: what no company or institution name holds: 的, a count (3所, 一家)
#: a committee's plenary session in its term (十一届七次全委会议, 第十二届三次全会)
#: a committee named with its place and term (政协惠州市第十三届委员会, 共青团韶关市第十四届委员会)
_TERM_COMMITTEE = re.compile(r"(第?[一二三四五六七八九十]+届)?委员会")
#: what names a political consultative conference's committee before its place
_CPPCC = ("中国人民政治协商会议", "政协")
_TERM_PLENARY = re.compile(r"第?[一二三四五六七八九十]+届[一二三四五六七八九十]+次全(?:委|会|体)")
#: a department head's title (局长, 副厅长, 党组书记 …)
_DEPT_HEAD = re.compile(r"(?:常务)?副?(?:局长|厅长|处长|科长|主任|党委书记|党组书记)")
#: the place (and its government) a department's name begins with: 台中市政府, 青岛市, 市
_PLACE_PART = re.compile(r"^.*?(?:自治区|自治州|自治县|[省市区县旗州盟])(?:人民)?(?:政府)?")
#: development zones, which run towns the table files under a district of the same city
_ZONE = re.compile(r"开发区|高新区|新区|园区|试验区|示范区|管理区")
#: the level words of towns
_TOWN_WORDS = ("街道", "镇", "乡")
#: a company department's or works' branch union (搭载分工会, 总装车间分工会); what its name does not hold
_BRANCH_UNION = re.compile("分工会")
_NOT_BRANCH = re.compile(r"各|所属|下属|基层|全[市区县省国]|[本该其]|等|和|及|与|、|主席|书记|选举|当选")
_GENERIC_UNIT = frozenset({"公司", "单位", "企业", "系统", "集团", "机关", "部门"})
#: words that end a clause before a branch union said short (为分工会主席, 一是分工会, 新一届的分工会)
_BRANCH_CUT = "为任的了是在对向由将要把让使"
#: a zone or town the table lacks, named after a place it has: 长沙经济技术开发区, 株洲高新区; 新化县上梅镇
_UNLISTED_ZONE = re.compile(r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|工业园区|产业园区|"
                            r"工业园|产业园|开发区|新区|保税区)")
_ZONE_UNION_SHORT = re.compile("(" + _UNLISTED_ZONE.pattern + ")总工会")
_UNLISTED_TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}(?:镇|乡|街道)")
#: a town's body: its union, party committee, government (the town's name before it is read back)
_TOWN_BODY = re.compile(r"(镇|乡|街道|区|县)(总工会|工会联合会|工会(?!联|委员)|妇联|团委|残联|科协|党委|党工委|人民政府|委(?![员会托屈婉]))")
#: a union chair's title in a chain, the union unnamed (、工会主席, 、总工会副主席)
_CHAIN_UNION = re.compile(r"[、,，](总?工会)(?=(?:常务|专职|兼职|驻会)?副?主席)")
#: a street's office named after the street (金家岭街道办事处, 街道办 before a title)
_STREET_OFFICE = re.compile("办事处|办(?=(?:常务)?副?主任|党工委)")
_NOT_IN_NAME = re.compile("的|[0-9一二三四五六七八九十几数多两]+(?:所|家|个|座|批|位)")
_GENERIC_PREFIX = {"乡村", "农村", "城市", "城区", "中", "当地", "附近", "部分", "一些", "各类", "楼宇", "园区", "行业", "区域", "商圈", "村", "社区", "各级", "基层", "企业", "全市", "全区",
                   "全省", "全县", "各", "本", "该", "所在", "工会", "新业态", "非公"}


@dataclass
class PlaceHit:
    start: int
    end: int
    codes: list[str]
    code: str = ""
    in_chain: bool = False
    generic: bool = False  # 郊区, 矿区: a place only right after its city
    short: bool = False  # named by its short name (在郑州, 赴浙江, 深圳龙华区)


@dataclass
class Context:
    """Places the article names, in text order, for resolving level words and short names."""

    places: list[tuple[int, str]] = field(default_factory=list)  # (position, code)
    weak: list[tuple[int, str]] = field(default_factory=list)  # places named short (在郑州): when no other resolves
    #: positions of places gone to (到信宜市, 赴博罗县): a short form before one is the visitor's, above it
    destinations: frozenset[int] = frozenset()

    def resolve(self, divs: Divisions, level_word: str, pos: int) -> str | None:
        level = _LEVEL_OF_WORD.get(level_word)
        if level is None:
            return None

        def ok(code: str) -> bool:
            d = divs.get(code)
            if d.level != level and not (level_word == "市" and d.level == "district" and d.name.endswith("市")):
                return False  # 市 is a city's, or a county-level city's (安陆市委、市总工会)
            if level_word == "省":
                return d.name.endswith("省")  # 省总工会 is no municipality's (上海市)
            return (level not in ("district", "city") and len(level_word) == 1) or d.name.endswith(level_word)

        for places in (self.places, self.weak):
            before = [c for p, c in places if p <= pos and ok(c)]
            if before:
                first = before[0]  # 梅州市总工会…兴宁市总工会…市总工会: the article's own city, named first, not
                if before[-1] != first and (divs.is_ancestor(first, before[-1])  # one of its county-level cities
                                            or divs.is_ancestor(before[-1], first)):  # (nor the city above its own)
                    return first
                return before[-1]
            after = [(p, c) for p, c in places if p > pos and ok(c)]
            if after:
                p, c = after[0]
                if p in self.destinations:  # 市总工会副主席甲带队到信宜市调研: 茂名市总工会, not 信宜市's
                    up = next((a.code for a in divs.ancestors(c) if ok(a.code)), None)
                    return up or c
                return c
            for _, c in places:
                for a in divs.ancestors(c):
                    if ok(a.code):
                        return a.code
        if level_word == "区":  # 区总工会 where the article names an autonomous region (新疆, 宁夏 …) and no place in it
            named = {c for _, c in self.places + self.weak}
            regions = {c for c in named if divs.get(c).level == "province" and divs.get(c).name.endswith("自治区")}
            if len(regions) == 1 and len(named) == 1:
                return regions.pop()
        return None

    def known(self, code: str, divs: Divisions) -> bool:
        up = divs.ancestor_codes(code)
        return any(c == code or c in up or code in divs.ancestor_codes(c) for _, c in self.places + self.weak)


class BodyFinder:
    """Finds place, union-body and organisation mentions in a ``Doc``."""

    def __init__(self, lex: Lexicon, divs: Divisions, seg: Segmenter) -> None:
        self.seg = seg
        self.lex = lex
        self.divs = divs
        self.suffix_re = re.compile(alternation(list(lex.org_suffixes) + ["工会", *_ALIASES]))
        self.company_re = re.compile(alternation(list(lex.company_suffixes)))
        #: a title right after a name's ending (律师协会会长甲: the ending ends the name)
        self.title_after_re = re.compile(alternation(lex.titles))
        self.level_re = re.compile(f"[{LEVEL_CHARS}]")
        national = list(read_rows("national_orgs.tsv"))
        self.national = {r[0]: r[1] for r in national}
        self.national_full = {r[0]: r[2] for r in national if len(r) > 2 and r[2]}
        #: short forms read only where written in the traditional script (工聯會: Hong Kong's 工会联合会)
        self.national_traditional = frozenset(r[0] for r in national if len(r) > 3 and r[3] == "traditional")
        self.province_short = {d.short: d.code for d in divs.by_code.values() if d.level == "province" and d.short}
        one = alternation(list(self.province_short))
        self.province_list_re = re.compile(f"(?:{one})(?:、(?:{one}))+(?![\u4e00-\u9fff]{{0,1}}[省市区])")
        self.national_re = re.compile(alternation(list(self.national)))
        self.industries = frozenset(lex.union_industries)
        self.trade_endings = frozenset(read_words("union_trade_endings.txt"))
        self.overseas_short = frozenset(short for short, codes in self.divs.by_short.items() if len(short) == 2
                                        and any(self.divs.get(c).level == "province" and self._overseas(c) for c in codes))
        #: the special administrative regions' short names (香港, 澳门): those regions' own names
        self.sar_short = frozenset(d.short for d in divs.by_code.values()
                                   if d.level == "province" and d.short and d.name.endswith("特别行政区"))
        self.trade_end_lens = tuple(sorted({len(x) for x in self.trade_endings}, reverse=True))
        self.industry_lens = tuple(sorted({len(x) for x in lex.union_industries}, reverse=True))
        #: the last characters of the industries and trade endings: most places have none before them
        self.industry_last = frozenset(x[-1] for x in lex.union_industries if x)
        self.trade_end_last = frozenset(x[-1] for x in self.trade_endings if x)
        self.suffix_labels = {k: (Label(v[0]), v[1]) for k, v in lex.org_suffixes.items()}
        self.short_places: dict[str, list[str]] = {}
        for d in sorted(divs.by_code.values(), key=lambda d: ("province", "city").index(d.level)
                        if d.level in ("province", "city") else 9):
            if d.level in ("province", "city") and d.short and len(d.short) >= 2 and d.short != d.name:
                self.short_places.setdefault(d.short, []).append(d.code)
        self.short_place_re = scanner(alternation(list(self.short_places)), pairs=True)
        #: counties and districts by their short names, read only right before a place of theirs (晋江青阳街道)
        self.county_shorts: dict[str, list[str]] = {}
        for d in divs.by_code.values():
            if d.level == "district" and d.short and len(d.short) >= 2 and d.short != d.name \
                    and d.short not in self.short_places:
                self.county_shorts.setdefault(d.short, []).append(d.code)

        #: 中建八局, 中铁大桥局七公司: a central enterprise's bureau (data/enterprise_groups.txt), and its company
        self.enterprise_unit_re = re.compile(
            f"(?:{alternation(read_words('enterprise_groups.txt'))})"
            "(?:[一二三四五六七八九十]{1,3}|大桥|电气化|隧道|建工|航务)?(?:航)?局(?:集团)?(?:[一二三四五六七八九十]{1,3}公司)?")
        self.dept_re = re.compile(f"([\u4e00-\u9fff]{{2,10}}?)(?:{alternation(list(read_words('department_endings.txt')))})")
        #: the endings alone: a text without one names no department (``_departments`` scans no further)
        self.dept_end_re = re.compile(alternation(list(read_words("department_endings.txt"))))

    # -- places ------------------------------------------------------------------------------
    def find_places(self, m: str) -> list[PlaceHit]:
        kept = _outermost(self._place_hits(m))
        self._resolve_chains(kept)
        for h in kept:
            if not h.code and len(h.codes) == 1 and not h.generic:
                h.code = h.codes[0]
        self._resolve_by_short(m, kept)
        self._resolve_related(kept)
        found = [h for h in kept if h.code and (h.in_chain or not h.generic)]
        return sorted(found + self._short_places(m, found), key=lambda h: h.start)

    def _in_place_list(self, m: str, a: int, e: int) -> bool:
        """Is ``m[a:e]`` an item of a list of short place names (济南、枣庄、潍坊等地)?"""
        left = max(m.rfind(c, 0, a) for c in ",，。;；:：\n") + 1
        x = _PLACE_LIST.match(m, left)
        if x is not None and x.end(1) >= e and self._all_places(x.group(1)):
            return True
        for s in range(max(left, a - 24), a + 1):  # 连线了济南、枣庄、潍坊五个市: the list starts inside the clause
            y = _PLACE_ITEMS.match(m, s)
            if y is not None and y.end(1) >= e and self._all_places(y.group(1)):
                return True
        return False

    def _all_places(self, items: str) -> bool:
        names = items.split("、")
        return len(names) >= 2 and all(i in self.short_places or i in self.divs.by_name for i in names)

    def _short_places(self, m: str, found: list[PlaceHit]) -> list[PlaceHit]:
        """Provinces and cities named by their short name where a place is meant: after a word of
        going or being somewhere (在郑州召开, 赴浙江, 本报北京2月22日电), in a list of places
        (济南、枣庄、潍坊等地), or before a place of theirs (深圳龙华区, 宁夏银川灵武市). Rule
        ``place.short.v1``."""
        taken = _positions([(h.start, h.end) for h in found])
        starts = {h.start: h for h in found}
        out: list[PlaceHit] = []
        for x in self.short_place_re.finditer(m):
            a, e = x.start(), x.end()
            if a in taken or e - 1 in taken:
                continue
            codes = self.short_places[x.group(0)]
            nxt = starts.get(e)
            below = [c for c in codes if nxt is not None and nxt.code and self.divs.is_ancestor(c, nxt.code)]
            if below:
                code = below[0]
                if nxt is not None:
                    nxt.in_chain = True  # 甘肃礼县: 礼县 in a chain as in 甘肃省礼县
            elif x.group(0) in self.sar_short and self._starts_word(m, a):
                code = codes[0]  # 香港, 澳門: the short name is the place's name, in any context
            elif _GOES_TO.search(m, max(0, a - 3), a) or self._in_place_list(m, a, e) \
                    or _DATELINE_PLACE.match(m, max(0, a - 2), a) and _DATED.match(m, e) \
                    or _MEDIA_DATELINE.match(m, e) and (a == 0 or m[a - 1] in "\n "):
                if "\u4e00" <= m[e:e + 1] <= "\u9fff" and not _AFTER_PLACE.match(m, e) and not _MEDIA_DATELINE.match(m, e) \
                        and not _PLACE_COUNT.match(m, e):
                    continue  # 在郑州大学: part of a longer name
                code = codes[0]
            else:
                continue
            out.append(PlaceHit(a, e, [code], code, in_chain=bool(below), short=True))
        for h in out:
            taken.add(h.start, h.end)
        for nxt in found:  # 晋江青阳街道: 晋江市's 青阳街道
            e = nxt.start
            for k in (4, 3, 2):
                a = e - k
                shorts = self.county_shorts.get(m[a:e]) if a >= 0 and nxt.code else None
                if not shorts or a in taken or e - 1 in taken:
                    continue
                below = [c for c in shorts if self.divs.is_ancestor(c, nxt.code)]
                if len(below) == 1:
                    out.append(PlaceHit(a, e, below, below[0], in_chain=True, short=True))
                    break
        return out

    def _place_hits(self, m: str) -> list[PlaceHit]:
        """The longest division name ending at each level character (``generic`` ones if none)."""
        by_name, name_lens, generic = self.divs.by_name, self.divs.name_lens, self.divs.generic
        hits: list[PlaceHit] = []
        for lv in self.level_re.finditer(m):
            e = lv.end()
            if e < 2:
                continue
            for k in name_lens.get(m[e - 2:e], ()):
                codes = by_name.get(m[e - k:e]) if k <= e else None
                if codes:
                    if k == 2 and not self._starts_word(m, e - k) and not self._after_ancestor(m, e - k, codes):
                        break  # 县委和县人大常委会, 莅临县委: 和县, 临县 are no places there (甘肃礼县 is)
                    hits.append(PlaceHit(e - k, e, list(codes)))
                    break
            else:
                for k in (2, 3):
                    codes = generic.get(m[e - k:e]) if e >= k else None
                    if codes:
                        hits.append(PlaceHit(e - k, e, list(codes), generic=True))
                        break
        return hits

    def _starts_word(self, m: str, a: int) -> bool:
        """May a two-character place name (和县, 临县) begin at ``a``: at the start, after a non-Han
        character, a level character (保定市易县) or a word that ends there (在和县)?"""
        if a == 0 or m[a - 1] in "。!?！？;；\n":
            return True
        if m[a] in _CONJ_CHARS:
            return False  # 《…报告》和县人大常委会: a conjunction, not 和县
        if not ("\u4e00" <= m[a - 1] <= "\u9fff") or m[a - 1] in LEVEL_CHARS:
            return True
        return self.lex.boundary_before(m, a) is not None

    def _after_ancestor(self, m: str, a: int, codes: Iterable[str]) -> bool:
        """Does the short name of a province or city above one of ``codes`` end at ``a`` (甘肃礼县,
        帮扶河北易县): a two-character county named after its province is a place."""
        for code in codes:
            for up in self.divs.ancestor_codes(code):
                short = self.divs.get(up).short
                if 2 <= len(short) <= a and m.startswith(short, a - len(short)):
                    return True
        return False

    def _resolve_chains(self, kept: list[PlaceHit]) -> None:
        """Disambiguate chains (汕头市潮南区) by the parent relation."""
        anc = self.divs.ancestor_codes
        for a, b in zip(kept, kept[1:], strict=False):
            if a.end == b.start:
                pair = next(((x, y) for x in a.codes for y in b.codes if x in anc(y)), None) or next(
                    ((x, y) for x in a.codes for y in b.codes if _ZONE.search(self.divs.get(x).name)
                     and self.divs.get(x).parent and self.divs.get(x).parent in anc(y)), None)
                # 成都高新区西园街道: a development zone runs towns its city's districts hold
                if pair is not None:
                    a.code = a.code or pair[0]
                    b.code = pair[1]
                    a.in_chain = b.in_chain = True

    def _resolve_by_short(self, m: str, kept: list[PlaceHit]) -> None:
        """An ambiguous name after the short name of one candidate's ancestor (晋江青阳街道 →
        晋江市's 青阳街道)."""
        for h in kept:
            if h.code or len(h.codes) < 2:
                continue
            for k in (4, 3, 2):
                anc = set(self.divs.by_short.get(m[max(0, h.start - k):h.start], ())) if h.start >= k else set()
                hit = [c for c in h.codes if anc & self.divs.ancestor_codes(c)]
                if len(hit) == 1:
                    h.code = hit[0]
                    break

    def _resolve_related(self, kept: list[PlaceHit]) -> None:
        """Standalone ambiguous names: prefer one related to an unambiguous place of the article."""
        anc = self.divs.ancestor_codes
        sure = [(h.code, anc(h.code)) for h in kept if h.code]
        for h in kept:
            if not h.code:
                for c in h.codes:
                    up = anc(c)
                    if any(s == c or s in up or c in s_up for s, s_up in sure):
                        h.code = c
                        break

    # -- bodies --------------------------------------------------------------------------------
    def find(self, doc: Doc, ctx: Context, blocked: list[tuple[int, int]],
             places: list[PlaceHit] | None = None) -> list[Mention]:
        """Bodies, organisations and places of ``doc``; ``places`` reuses a ``find_places`` scan."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        places = self.find_places(m) if places is None else places
        place_end = {h.end: h for h in places}
        stop = _positions(blocked)
        written = self._written_chains(places, t)
        companies = self._companies(doc, stop, places)
        companies += self._enterprise_units(doc, stop, companies)
        companies = self._named_again_without_place(companies)
        companies += _unit_committees(doc, companies)
        company_end = {c.end: c for c in companies}
        org_end: dict[int, Mention] = {}  # government and other bodies found so far, by end
        out.extend(companies)
        out.extend(self._national(doc, stop))
        for x in _SHORT_ZONG.finditer(m):  # 省总 / 市总 / 区总: the union of the province, city or district in context
            if x.start() in stop:
                continue
            own = place_end.get(x.start() + 1)  # 西安市总投资…, 广州市总联合…: the place's own 总工会
            if own is not None and own.code and self.divs.get(own.code).level in ("province", "city") \
                    and _ZONG_NEXT.match(m, x.end()):
                d = self.divs.get(own.code)
                out.append(Mention(Label.UNION_BODY, t[own.start:x.end()], own.start, x.end(), "body.division.v1",
                                   canonical=self._full(own.code) + "总工会",
                                   attrs=(("place", own.code), ("level", d.level),
                                          ("short", t[own.start:x.start() + 1] + "总工会"))))
                continue
            if not self._bare(m, x.start() + 1) or (x.group(1) in "区县" and (
                    own is not None or not _DISTRICT_ZONG_NEXT.match(m, x.end()))):
                continue  # 区总 only before a title (全区总人口, 园区总投资: no union)
            code = ctx.resolve(self.divs, x.group(1), x.start())
            if code is not None:
                d = self.divs.get(code)
                out.append(Mention(Label.UNION_BODY, t[x.start():x.end()], x.start(), x.end(), "body.shortform.v1",
                                   canonical=self._full(code) + "总工会", attrs=(("place", code), ("level", d.level),
                                                                            ("short", self._own(code, written) + "总工会"))))
        out.extend(self._party_and_league(doc, ctx, places, stop, written))
        for s in self.suffix_re.finditer(m):
            suffix = s.group(0)
            a, e = s.start(), s.end()
            if a in stop or (suffix == "工会" and m.startswith("工委", e)):
                continue  # 区直机关工会工委: a working committee, not the union's name cut short
            each = _PLACES_EACH.search(m, max(0, a - 3), a) if suffix == "总工会" else None
            if each is not None:  # 宁波、温州、湖州等地总工会
                out.extend(self._each_place_union(m, t, each.start(), places))
                continue
            if suffix in _ALIASES:
                if m[max(0, a - 4):a] == "中华民国":
                    continue  # 中華民國全國總工會: Taiwan's, named whole (national_orgs.tsv)
                roc = m.find(_ROC_NATIONAL) if suffix == "全国总工会" else -1
                canonical = t[roc:roc + len(_ROC_NATIONAL)] if roc >= 0 else _ALIASES[suffix]  # its 全國總工會 again
                out.append(Mention(Label.UNION_BODY, t[a:e], a, e, "body.alias.v1", canonical=canonical,
                                   attrs=(("level", "national"),)))
                continue
            if suffix == "人大":
                more = _MORE_COMMITTEE.match(m[e:e + 12])
                if more and not m.startswith(("代表", "常委会"), e):
                    e += more.end()  # 佛山市人大社会建设委员会
                elif m.startswith("代表", e):
                    continue  # 市人大代表: an honour
            label, kind = self.suffix_labels.get(suffix, (Label.UNION_BODY, ""))
            congress = _CONGRESS.match(m, e)
            if suffix == "总工会" and m[a - 2: a] == "全国" and m[a - 4: a] == "中华全国":
                continue  # 中华全国总工会 matched as a whole
            # what stands before the suffix
            pre = a
            industry = ""
            if suffix in ("工会", "总工会"):
                industry = self._industry_before(m, pre, place_end, suffix == "总工会")  # 省教育工会, 台中市勞工總工會
                pre -= len(industry)
            term = _TERM_BEFORE.search(m, max(0, pre - 8), pre) if label is not Label.UNION_BODY or pre == a else None
            termed = term is not None and term.end() == pre and bool(_level_word(m, term.start()))
            if termed and term is not None:
                pre = term.start()  # 县第十七届人大常委会: the committee of the county, in its term
            hit = place_end.get(pre)
            code = ""
            rule = "body.division.v1"
            sar = False
            start = pre
            if hit is not None:
                code = hit.code
                start = hit.start
                while True:  # extend over a chain to the left
                    prev = place_end.get(start)
                    if prev is None or not self.divs.is_ancestor(prev.code, hit.code):
                        break
                    start = prev.start
            elif pre >= 1 and (word := _level_word(m, pre)) and self._bare(m, pre):
                if word == "省" and m[pre - 2: pre] == "全省":
                    continue
                resolved = ctx.resolve(self.divs, word, pre)
                if resolved is None:  # no place of that level in the article: 县人民政府, this article's
                    w0 = pre - len(word)
                    ending = m[s.start():e] if suffix == "人大" else self.lex.suffix_canon.get(suffix, suffix)
                    out.append(self._unresolved(t, w0, e, label, kind, word + industry + ending))
                    if label is Label.ORGANIZATION and kind != "congress":
                        org_end[e] = out[-1]
                    continue
                code, start, rule = resolved, pre - len(word), "body.shortform.v1"
                if suffix == "工会" and not industry and self.divs.get(code).level != "town":
                    suffix = "总工会"  # 县工会, 对该区工会工作…: the county's or district's 总工会 (a town's 镇工会 as written)
            elif (pre in company_end or pre in org_end) and suffix in ("工会", "工会委员会", "工会联合会") \
                    and not m.startswith("界", e):  # (市政协工会界别: a sector of the 政协, no union)
                comp = company_end.get(pre) or org_end[pre]  # 某公司工会, 雨花区教育局工会
                # 某公司工会委员会 is 某公司工会 (named as written at its fullest: _display_names)
                name = comp.name + (t[pre:pre + 2] if suffix == "工会委员会" else t[pre:e])
                out.append(Mention(Label.UNION_BODY, t[comp.start:e], comp.start, e, "body.company_union.v1",
                                   canonical=name, attrs=(("level", "grassroots"),)))
                continue
            else:
                short = self._short_place(m, pre, ctx)
                if short is None:
                    if suffix in ("工会联合会", "工联会"):
                        named = self._named_federation(doc, pre, e, places)
                        if named is not None and not any(b.start < named.start < b.end for b in out):
                            out.append(named)  # (not 会会长甲率领工联会 after 香港工会联合会)
                    elif suffix in ("总工会", "工会") and not industry:
                        out.extend(self._unlisted_place_union(t, m, pre, e, places))
                    continue
                code, start, rule = short[0], short[1], "body.shortplace.v1"
                sar = self._overseas(code)  # 澳門工會聯合總會, 臺灣鐵路工會: named as written
                if suffix == "工会" and not industry and sar:
                    continue  # 香港工會: Hong Kong's unions, no body of that name
                if suffix == "工会" and not industry:
                    suffix = "总工会"  # 香洲工会 → 香洲区总工会
            if congress is not None:  # 河南省工会第十六次代表大会: the congress, and the body that holds it
                end = congress.end()
                ending = "总工会" if suffix in ("工会", "总工会") else self.lex.suffix_canon.get(suffix, suffix)
                holder = self._full(code) + industry + ending
                out.append(Mention(Label.ORGANIZATION, t[start:end], start, end, "org.congress.v1",
                                   canonical=holder + to_match_text(t[e:end]).removeprefix("成立暨"),
                                   attrs=(("kind", "congress"), ("holder", holder), ("place", code),
                                          ("holder_label", label.value),
                                          ("holder_short", self._own(code, written) + industry + (
                                              "总工会" if suffix in ("工会", "总工会")
                                              else self.lex.short_endings.get(suffix, ending))))))
                continue
            if suffix == "工会" and not industry and rule == "body.division.v1" and self.divs.get(code).level != "town":
                continue  # 广东省工会… without 总: not a body name by itself (a town's 衙前镇工会 is)
            level = self.divs.get(code).level
            ending = m[s.start():e] if suffix == "人大" else self.lex.suffix_canon.get(suffix, suffix)
            if suffix == "工会" and not industry and level == "town":
                ending = "总工会"  # 垛庄镇工会 and 镇总工会: one body, shown as written (_display_names)
            if self.divs.get(code).province == "台湾省":
                ending = suffix  # 台中市政府: no 人民政府 there
            full = self._full(code) + industry + ending  # 西安市妇女联合会 and 市妇联: one body, named officially
            attrs: list[tuple[str, object]] = [("place", code), ("level", level if not industry else level)]
            if rule == "body.shortplace.v1" and sar:
                attrs.append(("short", t[start:e]))
            if termed:
                attrs.append(("term", True))  # 平远县第六届残联: not the body's written name
            if rule == "body.shortform.v1":  # 区政府 → 兴山区人民政府, 市妇联 → 鹤岗市妇联: the place's own name
                attrs.append(("short", self._own(code, written) + industry + self.lex.short_endings.get(suffix, ending)))
            if label is Label.ORGANIZATION:
                attrs.append(("kind", kind or "other"))
            if industry:
                attrs.append(("industry", industry))
            out.append(Mention(label, t[start:e], start, e, "body.industry.v1" if industry and rule == "body.division.v1"
                               else rule, canonical=full, attrs=tuple(attrs)))
            if label is Label.ORGANIZATION and kind != "congress":
                org_end[e] = out[-1]
        if companies:  # a company found where a body or congress is: the body's (no company: nothing to drop)
            bodies_at = {(x.start, x.end) for x in out if x.rule != "org.company.v1"}
            congress_at = {x.start for x in out if x.rule == "org.congress.v1"}
            out = [x for x in out if x.rule != "org.company.v1" or ((x.start, x.end) not in bodies_at
                                                                    and x.start not in congress_at)]
        out.extend(self._departments(doc, ctx, places, out, stop, written))
        out.extend(self._place_congresses(doc, places, out, stop, written))
        out.extend(self._league_congresses(doc, places, out, stop))
        out.extend(self._shared_union_head(m, t, out, places))
        towns = self._ambiguous_towns(doc, out, stop, ctx)
        if towns:  # 镇委, 镇总工会 (区总工会) with one such town (district) body named: that body
            of_town = {lv + x.name.split(lv, 1)[1]: x.name for x in towns if x.label is not Label.PLACE
                       for lv in ("街道", "镇", "乡", "区", "县") if lv in x.name}
            out = [replace(x, canonical=of_town[x.name]) if x.attr("unresolved") and x.name in of_town else x
                   for x in out]
            out.extend(towns)
        out.extend(self._the_town_named(doc, out, stop))
        out = _short_of_named(out)
        out.extend(_unlisted_zone_short_forms(doc, out, stop))
        out.extend(self._branch_unions(doc, out, stop))
        out.extend(self._chain_unions(doc, out, stop, written))  # after the towns: 街道党工委委员、总工会主席
        out.extend(self._bare_endings(doc, out, stop))
        out.extend(self._province_lists(doc, stop))
        out.extend(self._anaphors(doc, out, stop))
        out.extend(self._department_repeats(doc, out, stop))
        out.extend(self._discipline_teams(doc, ctx, places, out, stop))
        out.extend(self._place_mentions(doc, places, out, stop))
        return out

    def _discipline_teams(self, doc: Doc, ctx: Context, places: list[PlaceHit], found: list[Mention],
                          stop: Positions) -> list[Mention]:
        """``省纪委监委驻省总工会纪检监察组``: the discipline team a party commission posts to a body (its
        组长 sits in the body's leadership), named with the commission's place and the body's name in
        full: 山东省纪委监委驻山东省总工会纪检监察组."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        if "纪检监察组" not in m:
            return out
        by_span = {(x.start, x.end): x for x in found if x.label in (Label.UNION_BODY, Label.ORGANIZATION)}
        place_end = {h.end: h for h in places}
        for g in _DISCIPLINE_TEAM.finditer(m):
            zhu = m.rfind("驻", max(0, g.start() - 30), g.start())
            if zhu < 0:
                continue
            host = by_span.get((zhu + 1, g.start()))  # 驻省总工会: resolved as any short form
            issuer = _DISCIPLINE_ISSUER.search(m, max(0, zhu - 12), zhu) if host is not None else None
            if host is None or issuer is None or issuer.start() in stop:
                continue
            a = issuer.start()
            if issuer.group("central"):
                name = f"{issuer.group(0)}驻{host.name}纪检监察组"
            else:
                code: str | None = None
                if (hit := place_end.get(a)) is not None and hit.code:  # 山东省纪委监委
                    code, a = hit.code, hit.start
                elif issuer.group("level"):  # 省纪委监委: the province in context
                    code = ctx.resolve(self.divs, issuer.group("level"), a)
                code = code or host.attr("place")
                if not code:
                    continue
                name = f"{self._full(code)}纪委监委驻{host.name}纪检监察组"
            out.append(Mention(Label.ORGANIZATION, t[a:g.end()], a, g.end(), "org.discipline_team.v1",
                               canonical=name, attrs=(("kind", "party"),)))
        return out

    def _departments(self, doc: Doc, ctx: Context, places: list[PlaceHit], found: list[Mention],
                     stop: Positions, written: dict[str, str]) -> list[Mention]:
        """Government departments and their units after a place or a level word: 鹤岗市商务局,
        市科技局 (→ 鹤岗市科技局), 青岛市公安局交警支队, 金家岭街道办事处 (endings in
        ``data/department_endings.txt``). Rule ``org.department.v1``."""
        m, t = doc.match, doc.text
        governments = [b for b in found if b.attr("kind") == "government"]
        named = "办" in m or self.dept_end_re.search(m) is not None  # (a street's office: 办事处, 办)
        if not named and not governments:
            return []  # no department's ending, no government to hold a unit
        ends = {x.end for x in found if x.label in (Label.ORGANIZATION, Label.UNION_BODY)}
        taken = _positions([(x.start, x.end) for x in found if x.label is not Label.PLACE])
        starts: list[tuple[int, int, str, bool]] = []  # (name start, where the department begins, code, written)
        place_end = {h.end: h for h in places}
        place_starts = {h.start for h in places}
        for h in places if named else ():
            if h.end in place_starts:
                continue  # 青岛市崂山区金家岭街道办事处: the department begins after the chain's last place
            start = h.start
            while (prev := place_end.get(start)) is not None and self.divs.is_ancestor(prev.code, h.code):
                start = prev.start
            starts.append((start, h.end, h.code, True))
        for x in _LEVEL_ALONE.finditer(m) if named else ():
            word = x.group(0)
            if not self.dept_re.match(m, x.end()) or not self._bare(m, x.end()):
                continue  # (the department's ending first: most level words are followed by none)
            code = ctx.resolve(self.divs, word, x.start())
            if code is not None:
                starts.append((x.start(), x.end(), code, False))
        out: list[Mention] = []
        for start, pos, code, is_written in starts:
            if start in stop or pos in taken:
                continue
            office = _STREET_OFFICE.match(m, pos) if m[start:pos].endswith("街道") else None
            d = office or self.dept_re.match(m, pos)  # 金家岭街道办事处: the street's own office
            if d is None or (office is None and _NOT_DEPARTMENT.search(d.group(1))) or d.end() in ends \
                    or m[d.end():d.end() + 1] in _NOT_AFTER_DEPT:
                continue  # 发展新局面: no department
            end = d.end()
            unit = _DEPT_UNIT.match(m, end)
            spans = [end] + ([unit.end()] if unit and not _NOT_DEPARTMENT.search(unit.group(0)) else [])
            for e in spans:
                if e in ends:
                    continue
                rest = m[pos:e]
                full = self._full(code) + ("办事处" if office is not None and rest == "办" else rest)
                shown = (t[start:e] if is_written else self._own(code, written) + t[pos:e])
                out.append(Mention(Label.ORGANIZATION, t[start:e], start, e, "org.department.v1", canonical=full,
                                   attrs=(("place", code), ("kind", "government"), ("short", shown))))
                ends.add(e)
        for b in governments:  # 青岛市公安局交警支队, 台中市政府勞工局: a unit of a department or government
            unit = None
            written_as = m[b.start:b.end]  # read as simplified: 勞工局, 市政府
            if written_as.endswith(("局", "厅")):
                unit = _DEPT_UNIT.match(m, b.end)
            elif written_as.endswith("政府"):
                unit = _GOV_UNIT.match(m, b.end)
            if unit is None or unit.end() in ends or _NOT_DEPARTMENT.search(unit.group(0)):
                continue
            more = t[b.end:unit.end()]
            shown = str(b.attr("short")) + more if b.attr("short") else t[b.start:unit.end()]
            out.append(Mention(Label.ORGANIZATION, t[b.start:unit.end()], b.start, unit.end(), "org.department.v1",
                               canonical=b.name + more, attrs=tuple((k, v) for k, v in b.attrs if k != "short")
                               + (("short", shown),)))
            ends.add(unit.end())
        return out

    def _bare_endings(self, doc: Doc, found: list[Mention], stop: Positions) -> list[Mention]:
        """``…县政府副县长丙、政协副主席丁等``: an ending standing alone in a list of officials (政协,
        人大, 政府, 妇联 …) before a title is the body of the place the list's previous body has
        (平远县政协). Rule ``body.bare_ending.v1``."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        endings = list(_BARE_ENDING.finditer(m))
        if not endings:
            return out
        taken = _positions([(x.start, x.end) for x in found])
        for x in endings:
            a, e = x.start(), x.end()
            if a in stop or a in taken or (a > 0 and m[a - 1] not in "、,，"):
                continue
            if not _TITLE_NEXT.match(m, e):
                continue
            sent = m.rfind("。", 0, a) + 1
            prev = [b for b in found if sent <= b.start < a and b.attr("place") in self.divs.by_code
                    and b.label is Label.ORGANIZATION]
            if not prev:
                continue
            code = str(prev[-1].attr("place"))
            suffix = x.group(0)
            label, kind = self.suffix_labels.get(suffix, (Label.ORGANIZATION, ""))
            ending = self.lex.suffix_canon.get(suffix, suffix)
            out.append(Mention(label, t[a:e], a, e, "body.bare_ending.v1", canonical=self._full(code) + ending,
                               attrs=(("place", code), ("kind", kind or "other"),
                                      ("short", self.divs.own_name(code) + self.lex.short_endings.get(suffix, ending)))))
        return out

    def _anaphors(self, doc: Doc, found: list[Mention], stop: Positions) -> list[Mention]:
        """``公司工会主席甲``, ``公司总经理乙``, ``学校工会``, ``联合会主席``: the company, school or
        federation the article named last before, standing alone before a title or 工会."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        if "本会" in m:  # 本會理事長甲: the union the article named first, "this association"
            ours = min((b for b in found if b.label is Label.UNION_BODY), key=lambda b: b.start, default=None)
            for x in _OUR_BODY.finditer(m) if ours is not None else ():
                if x.start() not in stop and ours is not None:
                    out.append(replace(ours, text=t[x.start():x.end()], start=x.start(), end=x.end(),
                                       rule="body.anaphor.v1"))
        matches = list(_ANAPHOR.finditer(m)) if _ANAPHOR_WORD.search(m) else []
        if not matches:
            return out
        taken = _positions([(x.start, x.end) for x in found])
        latest_first = sorted(found, key=lambda b: -b.start)
        for x in matches:
            a, word = x.start(), x.group(1)
            if a in stop or a in taken or (a > 0 and "\u4e00" <= m[a - 1] <= "\u9fff"
                                           and self.lex.boundary_before(m, a) is None):
                continue
            endings = ("公司", "集团") if word == "企业" else _SHORT_KIND.get(word, (word,))  # 企业工会: the company's
            ref = next((b for b in latest_first if b.end <= a and b.label in (Label.ORGANIZATION, Label.UNION_BODY)
                        and (to_match_text(b.name).endswith(endings) or (
                            word in ("公司", "企业") and b.attr("kind") == "company"))), None)  # 格力电器…公司工会
            if ref is None:
                continue
            union = x.group(2) or ""
            if union in ("党委", "团委"):  # 中心党委书记甲: the party committee of the unit named before
                if ref.label is not Label.ORGANIZATION or word in ("总工会", "联合会", "商会", "协会"):
                    continue
                name = ref.name + "党委" if union == "党委" else "共青团" + ref.name + "委员会"
                out.append(Mention(Label.ORGANIZATION, t[a:x.end()], a, x.end(), "body.anaphor.v1", canonical=name,
                                   attrs=(("kind", "party" if union == "党委" else "other"),)))
                more = _CHAIN_UNION_AFTER.match(m, x.end())
                if more is not None and more.start(1) not in taken:  # 分公司党委副书记、工会主席甲: the unit's union
                    out.append(Mention(Label.UNION_BODY, t[more.start(1):more.end(1)], more.start(1), more.end(1),
                                       "body.anaphor.v1", canonical=ref.name + "工会", attrs=(("level", "grassroots"),)))
            elif union:
                out.append(Mention(Label.UNION_BODY, t[a:x.end()], a, x.end(), "body.anaphor.v1",
                                   canonical=ref.name + t[x.start(2):x.end()], attrs=(("level", "grassroots"),)))
            else:
                out.append(replace(ref, text=t[a:x.end()], start=a, end=x.end(), rule="body.anaphor.v1"))
        return out

    def _place_mentions(self, doc: Doc, places: list[PlaceHit], bodies: list[Mention],
                        stop: Positions) -> list[Mention]:
        """Places in chains of the ``bodies`` found, and standalone full names."""
        if not places:
            return []
        cover = [(x.start, x.end, x.rule.startswith(("body.division", "body.industry", "body.federation", "body.each_place", "org.party", "body.unlisted_place",
                                                      "org.department"))
                  or (x.rule == "org.congress.v1" and x.attr("holder_label") != Label.UNION_BODY.value))
                 for x in bodies]  # (a place inside 博罗县第十次妇女代表大会 is one; inside a union's congress, not)
        out: list[Mention] = []
        for h in places:
            p = h.start
            if p in stop:
                continue
            inside = [division for a, b, division in cover if a <= p < b]
            if h.end - p < 3 and not h.in_chain and not h.short and not inside \
                    and not any(x.start <= p < x.end for x in out):
                continue  # a two-character name (易县) only inside a body's name or a chain
            if inside and not any(inside) and not (h.short and self.divs.get(h.code).name.endswith("特别行政区")):
                continue  # inside a company name or a congress: not a place mention (香港, 澳門 are)
            d = self.divs.get(h.code)
            name = doc.text[p:h.end] if h.short and d.name.endswith("特别行政区") else d.name  # 香港, 澳門
            out.append(Mention(Label.PLACE, doc.text[p:h.end], p, h.end,
                               "place.short.v1" if h.short else "place.division.v1",
                               canonical=name, attrs=(("place", h.code), ("level", d.level))))
        return out

    def _province_lists(self, doc: Doc, blocked: Positions) -> list[Mention]:
        """``江苏、浙江、广东等地``: two or more short province names in a list are the provinces."""
        out: list[Mention] = []
        if "、" not in doc.match:
            return out  # (every list holds 、: most headlines need no scan)
        for x in self.province_list_re.finditer(doc.match):
            if x.start() in blocked:
                continue
            for p in _LIST_ITEM.finditer(x.group(0)):
                code = self.province_short[p.group(0)]
                a, b = x.start() + p.start(), x.start() + p.end()
                out.append(Mention(Label.PLACE, doc.text[a:b], a, b, "place.province_list.v1",
                                   canonical=self.divs.get(code).name, attrs=(("place", code), ("level", "province"))))
        return out

    def _national(self, doc: Doc, blocked: Positions) -> list[Mention]:
        out = []
        for x in self.national_re.finditer(doc.match):
            if x.start() in blocked or doc.match.startswith("门", x.end()):
                continue  # 人社部门: a kind of department, no ministry
            kind = self.national[x.group(0)]
            written = doc.text[x.start():x.end()]
            name = self.national_full.get(x.group(0), written)
            if x.group(0) in self.national_traditional:
                if written == x.group(0) or (x.start() > 0 and "\u4e00" <= doc.match[x.start() - 1] <= "\u9fff"
                                             and self.lex.boundary_before(doc.match, x.start()) is None):
                    continue  # 工联会 in simplified script, 樓宇工聯會: a federation's short form, not Hong Kong's
                name = in_script_of(name, doc.text)  # 香港工會聯合會, as the text writes the full name
            shown: tuple[tuple[str, object], ...] = (("short", written),) if name != written \
                and x.group(0) not in self.national_traditional else ()  # (勞聯: shown by the full name)
            if kind == "union":  # 中国教育工会(全国委员会): a national industrial union
                out.append(Mention(Label.UNION_BODY, written, x.start(), x.end(), "body.national.v1",
                                   canonical=name, attrs=(("level", "national"),) + shown))
                continue  # 澳門中聯辦: shown as written, the node is the office's full name
            out.append(Mention(Label.ORGANIZATION, written, x.start(), x.end(), "org.national.v1",
                               canonical=name, attrs=(("kind", kind),) + shown))
        return out

    def _party_and_league(self, doc: Doc, ctx: Context, places: list[PlaceHit],
                          blocked: Positions, written: dict[str, str]) -> list[Mention]:
        """``乳源瑶族自治县委``, ``大朗镇党委``, ``琶洲街道党工委``, ``松山湖管委会``, ``共青团深圳市委员会``,
        ``共青团端州区委``, ``团市委``."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        if "委" not in m and "团" not in m:
            return out  # every ending below holds 委; a league's plenary (共青团…全会) follows 团
        place_end = {h.end: h for h in places}
        for h in places:
            if h.start in blocked:
                continue
            if h.end - h.start < 3 and not h.in_chain and not any(x.start <= h.start < x.end for x in out):
                continue  # a two-character name (易县) only inside a body's name or a chain
            term = _TERM_COMMITTEE.match(m, h.end)
            cppcc = next((len(p) for p in _CPPCC if m.startswith(p, h.start - len(p))), 0)
            if term is not None and (cppcc or (term.group(1) and self._league_before(m, h.start) == 3)):
                a = h.start - (cppcc or 3)  # 政协惠州市第十三届委员会, 共青团韶关市第十四届委员会: the body of that term
                out.append(Mention(Label.ORGANIZATION, t[a:term.end()], a, term.end(), "org.party.v1",
                                   canonical=self._full(h.code) + "政协" if cppcc else "共青团" + self._full(h.code) + "委员会",
                                   attrs=(("kind", "other"), ("place", h.code))
                                   + ((("term", term.group(1)),) if term.group(1) else ())))
                continue
            tail = _PARTY_TAIL.match(m, h.end)
            word = tail.group(0) if tail else ""
            if tail is None and _TERM_PLENARY.match(m, h.end):
                league = self._league_before(m, h.start)  # 共青团山东省十一届七次全委会议: its committee
                if league:
                    a = h.start - league
                    out.append(Mention(Label.ORGANIZATION, t[a:h.end], a, h.end, "org.party.v1",
                                       canonical="共青团" + self._full(h.code) + "委员会",
                                       attrs=(("kind", "other"), ("place", h.code),
                                              ("short", "共青团" + self._own(h.code, written) + "委员会"))))
                    continue
            if tail is None:
                tail = _LEVEL_PARTY.match(m, h.end)  # 滨海新区区委: the level word repeated before 委
                if tail is None or m[h.end - 1] != tail.group(0)[0]:
                    continue
                word = "委"
            end = tail.end()
            start = h.start
            while (prev := place_end.get(start)) is not None and self.divs.is_ancestor(prev.code, h.code):
                start = prev.start  # 共青团北京市朝阳区委员会: the whole chain
            before = self._league_before(m, start)
            league = before == 3 or before == 1 and word in ("委", "委员会")  # 团山东省委书记: the league's
            if league:
                start -= before
            if word == "委" and not m[h.start:h.end].endswith(("市", "县", "区", "省", "旗", "州")):
                continue
            name = t[start:end]
            kind = "other" if league or word == "管委会" else "party"
            if word == "管委会":
                kind = "government"
            canonical = "共青团" + self._full(h.code) + "委员会" if league and word in ("委", "委员会") else name
            out.append(Mention(Label.ORGANIZATION, name, start, end, "org.party.v1", canonical=canonical,
                               attrs=(("kind", kind), ("place", h.code))))
        for x in _BARE_PARTY.finditer(m) if "委" in m else ():  # 区委常委、统战部部长: the district's committee
            word = x.group(1)
            if x.start() in blocked or not self._bare(m, x.start() + len(word)):
                continue
            code = ctx.resolve(self.divs, word, x.start())
            body = x.group(2)
            if code is None:  # 县委, 县纪委 with no county named: this article's
                out.append(self._unresolved(t, x.start(), x.end(), Label.ORGANIZATION, "party", word + body))
                continue
            name = self._full(code) + body
            out.append(Mention(Label.ORGANIZATION, t[x.start():x.end()], x.start(), x.end(), "org.party.v1",
                               canonical=name, attrs=(("kind", "party"), ("place", code),
                                                      ("short", self._party_place(code, written) + body))))
        league_code: dict[str, str] = {}
        for x in _LEAGUE_COMMITTEE.finditer(m) if "团" in m else ():  # (every match holds 团)
            if m[max(0, x.start() - 2):x.start()] == "共青" or x.start() in blocked:
                continue
            word = x.group(1) or x.group(2)  # 团区委, 区团委
            code = self._short_before(m, x.start(), word) or ctx.resolve(self.divs, word, x.start()) \
                or league_code.get(word)  # 德化团县委 … 团县委全体干部: the one named before
            if code is not None:
                league_code.setdefault(word, code)
            if code is None:  # 团省委 where no province is named: this article's, as written
                out.append(self._unresolved(t, x.start(), x.end(), Label.ORGANIZATION, "other", t[x.start():x.end()]))
                continue
            name = "共青团" + self._full(code) + "委员会"
            out.append(Mention(Label.ORGANIZATION, t[x.start():x.end()], x.start(), x.end(), "org.party.v1",
                               canonical=name, attrs=(("kind", "other"), ("place", code),
                                                      ("short", "共青团" + self._own(code, written) + "委员会"))))
        return out

    def implied_governments(self, doc: Doc, ctx: Context, people: list[PersonHit],
                            bodies: list[Mention]) -> list[Mention]:
        """``县委常委、常务副县长甲``: a head of government's title with no body before it holds the
        position in the government of its level (县长 → 县人民政府, 副区长 → 区人民政府), resolved like
        a short form; named as the article names that government where it does. Rule
        ``org.implied_government.v1``. Returns the governments no mention named yet."""
        out: list[Mention] = []
        by_canonical = {b.attr("full") or b.name: b for b in bodies if b.label is Label.ORGANIZATION}
        for p in people:
            for pos in p.positions:
                head = GOVERNMENT_HEAD.search(pos.title) if not pos.body else None
                if head is None:
                    continue
                word = head.group(1)
                code = ctx.resolve(self.divs, word, p.start)
                if code is None:
                    towns = {b.name for b in bodies if b.label is Label.PLACE and b.attr("unresolved")
                             and b.attr("level") == "town" and to_match_text(b.name).endswith(word)}
                    town = towns.pop() if len(towns) == 1 else ""  # 石门镇 named, which one unsaid: 镇长 → 石门镇人民政府
                    key = (town or word) + "人民政府"
                    found = next((b for b in bodies + out if b.attr("unresolved") and (b.attr("full") or b.name) == key),
                                 None)  # 縣人民政府 written: named so, 县人民政府 in full
                    gov = found or self._unresolved(doc.text, pos.start, pos.start, Label.ORGANIZATION,
                                                     "government", key)
                    if found is None and town:
                        gov = replace(gov, attrs=gov.attrs + (("town", town),))
                else:
                    gov_ending = "政府" if self.divs.get(code).province == "台湾省" else "人民政府"
                    full = self._full(code) + gov_ending
                    found = by_canonical.get(full)
                    gov = found or Mention(
                        Label.ORGANIZATION, doc.text[pos.start:pos.end], pos.start, pos.end,
                        "org.implied_government.v1", canonical=full,
                        attrs=(("place", code), ("kind", "government"), ("implied", True)))
                    if found is None:
                        shown = in_script_of(self.divs.own_name(code) + gov_ending, doc.text)
                        gov = Mention(gov.label, gov.text, gov.start, gov.end, gov.rule, shown,
                                      gov.attrs + (("full", full),))
                        by_canonical[full] = gov
                if found is None and gov not in out:
                    out.append(gov)
                pos.body, pos.label = gov.name, Label.ORGANIZATION
        return out

    @staticmethod
    def _unresolved(t: str, a: int, e: int, label: Label, kind: str, key: str) -> Mention:
        """A short form no place of the article resolves (县人大常委会, 县政府): named by its level word
        and official ending (``key``: 县人民政府), a body of this article only (``unresolved``)."""
        attrs: tuple[tuple[str, object], ...] = (("level", _LEVEL_OF_WORD.get(key[:1], "")), ("unresolved", True))
        if label is Label.ORGANIZATION:
            attrs += (("kind", kind or "other"),)
        return Mention(label, t[a:e], a, e, "body.unresolved.v1", canonical=key, attrs=attrs)

    def _short_before(self, m: str, pos: int, level_word: str) -> str | None:
        """The division a short name right before ``pos`` names, of ``level_word``'s level
        (``德化团县委`` → 德化县)."""
        level = _LEVEL_OF_WORD.get(level_word)
        for k in (4, 3, 2):
            for code in self.divs.by_short.get(m[max(0, pos - k):pos], ()) if pos >= k else ():
                d = self.divs.get(code)
                if d.level == level or (level_word == "市" and d.name.endswith("市")):
                    return code
        return None

    def _industry_before(self, m: str, pre: int, place_end: dict[int, PlaceHit] | None = None,
                         federation: bool = False) -> str:
        """The industry (``教育``) ending at ``pre``, longest first; else, with ``place_end``, a trade
        named in words of its own between a place (or a level word standing alone) and ``pre``
        (``仙桃市彭场镇|无纺布行业``, ``台中市|芳療整體保養職業``: ``_trade_before``); ``""`` if none."""
        listed = next((m[pre - n:pre] for n in self.industry_lens if n <= pre and m[pre - n:pre] in self.industries), "") \
            if m[pre - 1:pre] in self.industry_last else ""
        if place_end is None or (listed and pre - len(listed) in place_end) or (not listed and pre in place_end):
            return listed  # 温州市|总工会: the place right before, no trade between
        if m[pre - 1:pre] not in self.trade_end_last and not self._overseas_near(m, pre, place_end):
            return listed  # (no trade ending at ``pre``, no overseas place within reach: _trade_before finds none)
        return self._trade_before(m, pre, place_end, federation) or listed  # 美容美髮業|職業: more words before 职业

    def _overseas_near(self, m: str, pre: int, place_end: dict[int, PlaceHit]) -> bool:
        """May ``_trade_before`` find an overseas place (香港, 台中市) in its reach before ``pre``: a short
        name in the 14 characters before it, or a place of theirs ending 2 to 12 characters before it?"""
        window = m[max(0, pre - 14):pre]
        if any(short in window for short in self.overseas_short):
            return True
        for a in range(max(0, pre - 12), pre - 1):
            hit = place_end.get(a)
            if hit is not None and hit.code and self._overseas(hit.code):
                return True
        return False

    def _trade_before(self, m: str, pre: int, place_end: dict[int, PlaceHit], federation: bool) -> str:
        """A trade's words (2-10 characters, ending in a trade ending of ``union_trade_endings.txt``:
        行业, 职业, 产业, 系统, 业) right after a place or a lone level word, shortest first. The
        ending alone names a federation (高雄市產業總工會), not a union (省产业工会: the province's
        industrial unions, a kind of union)."""
        ending = next((k for k in self.trade_end_lens if m[pre - k:pre] in self.trade_endings), 0) \
            if m[pre - 1:pre] in self.trade_end_last else 0
        lo = max(0, pre - 12)
        lo = max((x.end() for x in _NOT_TRADE.finditer(m, lo, pre)), default=lo)  # the words may start after it
        for n in range(2, pre - lo + 1):
            a = pre - n
            hit = place_end.get(a)
            if (hit is not None and hit.code and self._overseas(hit.code)) or (
                    m[a - 2:a] in self.overseas_short and (a == 2 or self._bare_start(m, a - 2))):
                return m[a:pre]  # 香港|公務員|總工會, 香港|郵政局職|工會: unions there are named freely
            if not ending or n < (ending if federation else ending + 1) or n > 10:
                continue
            word = _level_word(m, a)
            if hit is not None or (word and self._bare(m, a) and m[a - len(word) - 1:a - len(word)] != "全"):
                return m[a:pre]  # 全市建筑业工会: all the city's, no body's name
        return ""

    def _bare_start(self, m: str, a: int) -> bool:
        """Does a name start at ``a`` (no Han character before, or a word boundary)?"""
        return a == 0 or not "\u4e00" <= m[a - 1] <= "\u9fff" or self.lex.boundary_before(m, a) is not None

    def _shared_union_head(self, m: str, t: str, found: list[Mention], places: list[PlaceHit]) -> list[Mention]:
        """``禅城区、南海区、顺德区总工会``, ``新兴县、郁南县总工会``: places of one level listed with 、 before
        the last one's 总工会 share it, each its own union (rule ``body.each_place.v1``)."""
        out: list[Mention] = []
        if "、" not in m:
            return out  # (the places are listed with 、)
        for b in found:
            if b.rule != "body.division.v1" or b.label is not Label.UNION_BODY or m[b.start - 1:b.start] != "、" \
                    or not m.startswith("总工会", b.end - 3) or not b.attr("place"):
                continue
            level = self.divs.get(b.attr("place")).level
            same = [h for h in places if h.code and self.divs.get(h.code).level == level]
            out.extend(self._each_place_union(m, t, b.start - 1, same, least=1))
        return out

    def _each_place_union(self, m: str, t: str, a: int, places: list[PlaceHit], least: int = 2) -> list[Mention]:
        """``宁波、温州、湖州等地总工会``: the 总工会 of each place of the list that ends at ``a`` (where
        its 等地 begins; each mention spans its place's name; rule ``body.each_place.v1``), if it lists
        ``least`` places or more."""
        listed = sorted((h for h in places if h.end <= a and h.code), key=lambda h: h.start)
        items: list[PlaceHit] = []
        end = a
        for h in reversed(listed):
            if h.end != end:
                break
            items.append(h)
            if h.start == 0 or m[h.start - 1] != "、":
                break
            end = h.start - 1
        if len(items) < least:
            return []
        return [Mention(Label.UNION_BODY, t[h.start:h.end], h.start, h.end, "body.each_place.v1",
                        canonical=self._full(h.code) + "总工会",
                        attrs=(("place", h.code), ("level", self.divs.get(h.code).level),
                               ("short", self.divs.own_name(h.code) + "总工会")))
                for h in reversed(items)]

    def _overseas(self, code: str) -> bool:
        """A place of Hong Kong, Macao or Taiwan, where a union's name is not its place and industry."""
        return self.divs.get(code).province in _OVERSEAS

    def _full(self, code: str) -> str:
        return self.divs.full_name(code)

    def _party_place(self, code: str, written: dict[str, str]) -> str:
        """The place a party committee's short form is shown with: its own name (兴山区委), but a
        zone as the article writes it (汽开区党工委)."""
        name = self.divs.get(code).name
        if name.endswith(ZONE_ENDINGS) and code in written:
            return written[code]
        return self.divs.own_name(code)

    def _own(self, code: str, written: dict[str, str]) -> str:
        """The name a short form of ``code``'s body is shown with: the place as the article writes
        it at its fullest (章丘区垛庄镇), else its own name (垛庄镇)."""
        return written.get(code) or self.divs.own_name(code)

    def _written_chains(self, places: list[PlaceHit], t: str) -> dict[str, str]:
        """For each place the text names, its longest written chain (大同市平城区 → 平城区's)."""
        out: dict[str, str] = {}
        start = None
        prev: PlaceHit | None = None
        for h in places:
            if h.short:
                continue  # 深圳龙华区: no written name of 深圳市
            d = self.divs.get(h.code)
            joined = prev is not None and prev.end == h.start and h.in_chain
            # a county (县, 旗, county-level city) heads its chain: 伊金霍洛旗, not 鄂尔多斯市伊金霍洛旗
            start = start if joined and not (d.level == "district" and not d.name.endswith("区")) else h.start
            written = t[start:h.end]
            if len(written) > len(out.get(h.code, "")):
                out[h.code] = written
            prev = h
        return out

    def _bare(self, m: str, pre: int) -> bool:
        """Is the level word before ``pre`` standing alone (``,市总工会``, ``据市总工会…介绍``, ``驻省总工会纪检
        监察组``), not the end of a word?"""
        j = pre - len(_level_word(m, pre) or "市")
        if j <= 0:
            return True
        prev = m[j - 1]
        if not ("\u4e00" <= prev <= "\u9fff"):
            return True
        if prev == "等":  # 省工商联等省协调劳动关系三方会议: after a list; not 浛洸镇、连江口镇等镇总工会 (each town's)
            return m[j - 2:j - 1] != m[j:pre][:1]
        return self.lex.boundary_before(m, j) is not None or prev in "团据驻经被跟原现任" \
            or m[j - 2:j] in ("代表", "的有", "还有", "视察", "考察", "今年", "去年", "明年", "近年", "当年") \
            or (prev == "年" and m[j - 2:j - 1].isdigit()) \
            or _DATELINE_END.search(m, max(0, j - 8), j) is not None  # 2024年市总工会, 青岛日报7月16日讯市总工会

    def _short_place(self, m: str, pre: int, ctx: Context) -> tuple[str, int] | None:
        for k in (4, 3, 2):
            name = m[pre - k: pre]
            if len(name) < k:
                continue
            for code in self.divs.by_short.get(name, ()):
                if ctx.known(code, self.divs):
                    return code, pre - k
            # 澳門工會聯合總會, 香港工會聯合會: a province-level short name needs no context, nor a city's
            # that no other division shares (厦门工会 → 厦门市总工会)
            codes = [c for c in self.divs.by_short.get(name, ()) if self.divs.get(c).level == "province"] \
                or [c for c in self.divs.by_short.get(name, ()) if self.divs.get(c).level == "city"
                    and len(self.divs.by_short[name]) == 1 and not self.divs.by_name.get(name)]
            if len(codes) == 1 and (pre - k == 0 or not "\u4e00" <= m[pre - k - 1] <= "\u9fff"
                                    or self.lex.boundary_before(m, pre - k) is not None):
                return codes[0], pre - k
        return None

    def _left_name(self, m: str, end: int, limit: int = 24) -> int:
        i = end
        lo = max(0, end - limit)
        while i > lo:
            ch = m[i - 1]
            if not ("\u4e00" <= ch <= "\u9fff" or ch in "()·" or ch.isalnum()) \
                    or (ch == "(" and ")" not in m[i:end]):
                break  # (黄振宇(珠海格力电器股份有限公司高级工程师): the name opens after an unclosed bracket)
            w = self.lex.boundary_before(m, i, min_len=1 if i < end - 1 else 2) if i < end else None
            if w is not None:
                if len(w) == 1 and i >= 2 and (i == 2 or not "\u4e00" <= m[i - 3] <= "\u9fff") \
                        and self.seg.word_freq(m[i - 2:i]) >= 50:
                    i -= 2  # 华为技术有限公司, 美的集团: a two-character brand ending in 为/的, not a verb
                break
            i -= 1
        return i

    def _companies(self, doc: Doc, blocked: Positions, places: list[PlaceHit]) -> list[Mention]:
        m, t = doc.match, doc.text
        out = []
        place_end = {h.end: h for h in places}
        for c in self.company_re.finditer(m):
            if c.start() in blocked or _bracketed(m, c.start(), c.end()):
                continue  # 福建省能源(集团)有限责任公司: (集团) inside the name, not its end
            if c.group(0) in ("大学", "中学", "小学") and m[c.start() - 1:c.start()] in ("上", "考", "读"):
                continue  # 圆上大学梦: going to school, not a school
            if c.group(0) == "商会" and m[c.start() - 1:c.start()] in ("协", "面"):
                continue  # 专题协商会, 提案办理面商会: a consultation meeting, not a chamber of commerce
            before = self.lex.boundary_before(m, c.start())
            if before is not None and len(before) == 1 and c.start() >= 4 \
                    and not self.seg.is_boundary(m[c.start() - 4:c.end()], 3):
                before = None  # 附属协和医院: 和 ends a word of the name (协和), no conjunction (家中|和|医院)
            if before is not None and (len(c.group(0)) <= 2 or (
                    len(before) >= 2 and self.lex.company_suffixes[c.group(0)] != "company")):
                continue  # 在公司, 了解学校: a word right before the ending, no name (穗和律师事务所 has one)
            if c.group(0) in self.lex.short_company_endings and (
                    "\u4e00" <= m[c.end():c.end() + 1] <= "\u9fff" and m[c.end()] not in "和与及等的"
                    and not m.startswith(("工会", "党委", "团委"), c.end())):  # 富士康重庆科技园工会: its union
                continue  # 湛江南港码头集团有限公司: 码头 does not end that name
            start = self._place_start(m, self._left_name(m, c.start()), places, place_end)
            if c.group(0) in self.lex.short_company_endings and not (
                    start == 0 or m[start - 1] in "、,，:：(（。;；\n" or any(h.start == start for h in places)
                    or self.lex.boundary_before(m, start) is not None):
                continue  # a short name starts a list item, after a verb, or at its place
            if c.group(0) in self.lex.place_company_endings and not (any(h.start == start for h in places) or any(
                    m[start:start + k] in self.short_places for k in (2, 3))):
                continue  # 泉州市工人文化宫, 宁夏工人疗养院: named from the place
            cuts = [x.end() for x in _NOT_IN_NAME.finditer(m, start, c.start())
                    if not (x.start() == start + 1 and self.seg.word_freq(m[start:start + 2]) >= 50)]  # 美的集团
            ends = [x.end() for x in self.company_re.finditer(m, start, c.start())  # another company's end
                    if x.group(0) not in self.lex.short_company_endings and not _bracketed(m, x.start(), x.end())
                    and not (x.group(0) == "集团" and "有限" in c.group(0))  # 中铁十八局集团第五工程有限公司: one name
                    and not m.startswith("附属", x.end())]  # 福建医科大学附属协和医院: the hospital's own name
            if ends and self._left_name(m, c.start(), limit=c.start() - ends[-1]) == ends[-1]:
                continue  # 某集团有限公司装卸公司, 惠州学院马克思主义学院: a unit of the one before
            cuts += ends
            if cuts:
                start = max(cuts)  # 岳麓区的3所中小学, 一所乡村小学: no name
            while start < c.start() and m[start] in "()":
                start += 1
            if c.start() - start < 2:
                continue
            if len(c.group(0)) <= 2 and not self.seg.is_boundary(m[start:c.end() + 4], c.end() - start) \
                    and not (self.title_after_re.match(m, c.end()) and any(h.start == start for h in places)):
                continue  # 广州职工大学堂: 大学 is not where the word ends (律师协会|会长 whatever the cut)
            if m.startswith(("共青团", "中共"), start) and c.start() - start > 5:
                start += 3 if m.startswith("共青团", start) else 2  # 共青团某实验中心(委员会): the league's, not the name
            name = t[start:c.end()]
            pre_name = m[start:c.start()]
            category = _CATEGORY_HEAD.match(pre_name)
            if category and (any(h.start == start + category.end() for h in places) or any(
                    m[start + category.end():start + category.end() + k] in self.short_places for k in (2, 3))):
                start += category.end()  # 困难企业杭州保灵集团有限公司: the name begins at its place
                name, pre_name = t[start:c.end()], m[start:c.start()]
            if name[0] in "该本其各这這此我" or "我" in pre_name or "某" in pre_name or pre_name in _GENERIC_PREFIX \
                    or any(pre_name.endswith(g) and self.lex.boundary_before(m, start + len(pre_name) - len(g))
                           for g in _GENERIC_PREFIX if len(g) >= 2) or pre_name.count("(") != pre_name.count(")"):
                continue
            kind = self.lex.company_suffixes[c.group(0)]
            out.append(Mention(Label.ORGANIZATION, name, start, c.end(), "org.company.v1", canonical=name,
                               attrs=(("kind", kind),)))
        # 中铁十八局集团第五工程有限公司, 福建医科大学附属协和医院: the whole name, not the one inside it
        return [x for x in out if not any(y.start <= x.start and x.end < y.end for y in out)]

    def _named_again_without_place(self, units: list[Mention]) -> list[Mention]:
        """``惠州市新港物流有限公司…新港物流有限公司``: a company named again without the place its name opens
        with is the one company (its full name; its union too)."""
        names = {u.name for u in units}
        if len(names) < 2:
            return units
        out = []
        for u in units:
            full = next((n for n in names if len(n) > len(u.name) + 1 and n.endswith(u.name)
                         and self._is_place(to_match_text(n[:len(n) - len(u.name)]))), None)
            out.append(replace(u, canonical=full) if full is not None else u)
        return out

    def _is_place(self, name: str) -> bool:
        """Is ``name`` a division's name or short name (惠州市, 广东, 惠州)?"""
        return bool(self.divs.by_name.get(name) or self.divs.by_short.get(name))

    def _enterprise_units(self, doc: Doc, blocked: Positions, found: list[Mention]) -> list[Mention]:
        """``中建八局``, ``中铁大桥局七公司``, ``中交二航局``: a central enterprise's bureau or its company,
        written short (rule ``org.enterprise_unit.v1``); not inside a company name found."""
        out = []
        for x in self.enterprise_unit_re.finditer(doc.match) if "局" in doc.match else ():
            if x.start() in blocked or any(y.start <= x.start() < y.end for y in found) \
                    or not self._bare_start(doc.match, x.start()):
                continue
            name = doc.text[x.start():x.end()]
            out.append(Mention(Label.ORGANIZATION, name, x.start(), x.end(), "org.enterprise_unit.v1", canonical=name,
                               attrs=(("kind", "company"),)))
        return out

    def _place_start(self, m: str, start: int, places: list[PlaceHit], place_end: dict[int, PlaceHit]) -> int:
        """A company's name begins at its place: past a one-character word inside the name back to
        the place before it (鄂尔多斯市驰远同城配送 …), and after a district that an ancestor's short
        name follows (小店区太原晋阳智能装备 …: the name is 太原晋阳…)."""
        if start > 0 and m[start - 1] in _NAME_CHARS_TOO and self.lex.boundary_before(m, start, min_len=2) is None:
            back = [h for h in places if start - 8 <= h.end < start and _HAN_RUN.fullmatch(m, h.end, start)
                    and self.lex.boundary_before(m, start - 1, min_len=2) is None]  # (not 走访了惠州市…)
            if back:
                start = back[-1].start
                while (prev := place_end.get(start)) is not None:
                    start = prev.start
            elif start >= 2 and self.seg.word_freq(m[start - 2:start]) > 0 \
                    and self.lex.boundary_before(m, start - 2, min_len=2) is not None:
                start -= 2  # 来到华为技术有限公司: a word of the dictionary (华为) after a verb begins the name
            elif self.seg.word_freq(m[start - 1:start + 1]) > 0 and self.lex.boundary_before(m, start - 1, min_len=2) is not None:
                start -= 1  # 来到同城快递有限公司: so does one that the character begins (同城)
        hit = next((h for h in places if h.start == start), None)
        if hit is not None and not any(h.start == hit.end for h in places) and any(
                self.divs.is_ancestor(code, hit.code)
                for k in (3, 2) for code in self.divs.by_short.get(m[hit.end:hit.end + k], ())):
            start = hit.end
        return start

    def _league_before(self, m: str, start: int) -> int:
        """The length of 共青团 (3) or a lone 团 (1) right before ``start``, else 0."""
        if m[max(0, start - 3):start] == "共青团":
            return 3
        if start > 0 and m[start - 1] == "团" and (start == 1 or self.lex.boundary_before(m, start - 1) is not None
                                                 or not "\u4e00" <= m[start - 2] <= "\u9fff"):
            return 1
        return 0

    def _department_repeats(self, doc: Doc, found: list[Mention], stop: Positions) -> list[Mention]:
        """``勞工局長林淑媛`` after ``台中市政府勞工局``: a department named again without its place,
        before the head's title (局长, 厅长) or another title, is the department the article named
        (rule ``body.anaphor.v1``). Before 局长/厅长 the mention stops short of the shared 局/厅."""
        m = doc.match
        taken: Positions | None = None  # made for the first department named again: most articles have none
        out: list[Mention] = []
        seen: set[str] = set()
        for d in found:
            if d.name in seen or not (d.rule == "org.department.v1" or d.label is Label.ORGANIZATION and d.attr(
                    "kind") == "government" and d.rule == "body.division.v1" and to_match_text(d.name).endswith(("局", "厅"))):
                continue
            seen.add(d.name)
            bare = _PLACE_PART.sub("", to_match_text(d.text), count=1)
            if len(bare) < 3 or bare == to_match_text(d.text):
                continue
            for x in re.finditer(re.escape(bare), m):
                a, e = x.start(), x.end()
                if taken is None:
                    taken = _positions([(y.start, y.end) for y in found])
                if a in stop or a in taken or (a > 0 and "\u4e00" <= m[a - 1] <= "\u9fff"
                                               and self.lex.boundary_before(m, a) is None):
                    continue
                if m.startswith("长", e) and bare[-1] in "局厅":
                    e -= 1  # 勞工局長: 勞工 + the title 局长
                elif not _TITLE_NEXT.match(m, e) and not _DEPT_HEAD.match(m, e):
                    continue
                out.append(replace(d, text=doc.text[a:e], start=a, end=e, rule="body.anaphor.v1"))
        return out

    def _ambiguous_towns(self, doc: Doc, found: list[Mention], stop: Positions, ctx: Context) -> list[Mention]:
        """``定城镇总工会``, ``南山区总工会`` where no place of the article tells which 定城镇 (安徽 or 海南)
        or 南山区 (深圳 or 鹤岗) it is: the town's or district's union, party committee or government
        named as written, a body of this article only (rule ``body.unresolved.v1``), and the town or
        district as a place of its own name."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        bodies = list(_TOWN_BODY.finditer(m))
        if not bodies:
            return out
        taken = _positions([(x.start, x.end) for x in found])
        for x in bodies:
            e = x.end(1)
            if e in taken or e - 1 in taken:
                continue
            a = self._ambiguous_town_at(m, e, stop, taken)
            if a is None or any(ctx.known(c, self.divs) for c in self.divs.by_name[m[a:e]]):
                continue  # (a headline's 朝阳区总工会 where the text names 北京市朝阳区: the text's)
            label, kind = (Label.ORGANIZATION, "party") if x.group(2).endswith("委") else \
                self.suffix_labels.get(x.group(2), (Label.UNION_BODY, ""))
            ending = self.lex.suffix_canon.get(x.group(2), x.group(2))
            body = self._unresolved(t, a, x.end(), label, kind, t[a:e] + ending)
            level = self.divs.get(self.divs.by_name[m[a:e]][0]).level
            out.append(replace(body, attrs=tuple((k2, v) for k2, v in body.attrs if k2 != "level")
                               + (("level", level),)))
            out.append(Mention(Label.PLACE, t[a:e], a, e, "body.unresolved.v1", canonical=t[a:e],
                               attrs=(("level", level), ("unresolved", True))))
        return out

    def _ambiguous_town_at(self, m: str, e: int, stop: Positions, taken: Positions) -> int | None:
        """Where a town's or district's name ending at ``e`` begins, if the table gives the name to
        several towns, or several districts, and to nothing else (定城镇, 石门镇, 鼓楼区); else None."""
        for k in (4, 3, 2):
            a = e - k
            codes = self.divs.by_name.get(m[a:e]) if a >= 0 else None
            if not codes or len(codes) < 2 or a in stop or a in taken:
                continue
            levels = {self.divs.get(c).level for c in codes}
            if len(levels) == 1 and levels <= {"town", "district"} and self._starts_word(m, a):
                return a
            return None
        return None

    def _place_congresses(self, doc: Doc, places: list[PlaceHit], found: list[Mention], stop: Positions,
                          written: dict[str, str]) -> list[Mention]:
        """``黄石市第十四次妇女代表大会``, ``某县第九次工会代表大会``, ``兴山区召开第六次妇女代表大会``: a
        congress named by its place, held by the place's 妇联 or 总工会 (rule ``org.congress.v1``, like
        ``某总工会第N次代表大会``)."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        if not places or "代表大会" not in m:
            return out  # (every congress is a 代表大会)
        taken = _positions([(x.start, x.end) for x in found])
        for h in places:
            x = _PLACE_CONGRESS.match(m, h.end) if h.code else None
            if x is None or h.start in stop or h.end in taken:
                continue
            start = h.start
            while (prev := next((p for p in places if p.end == start and p.code
                                 and self.divs.is_ancestor(p.code, h.code)), None)) is not None:
                start = prev.start  # 湖北省宜昌市兴山区第六次…: from the chain's first place
            label, ending, short = _CONGRESS_HOLDER[x.group(2)]
            holder = self._full(h.code) + ending
            if x.start(1) > h.end:
                start = x.start(1)  # 兴山区召开第六次妇女代表大会: the congress's words, named with its place
            out.append(Mention(Label.ORGANIZATION, t[start:x.end()], start, x.end(), "org.congress.v1",
                               canonical=self._full(h.code) + to_match_text(x.group(1)),
                               attrs=(("kind", "congress"), ("holder", holder), ("place", h.code),
                                      ("holder_label", label.value),
                                      ("holder_short", self._own(h.code, written) + short))
                               + ((("short", self._own(h.code, written) + x.group(1)),) if start > h.start else ())))
        return out

    def _league_congresses(self, doc: Doc, places: list[PlaceHit], found: list[Mention],
                           stop: Positions) -> list[Mention]:
        """``共青团黄石市第十四次代表大会``, ``共青团中国林科院热带林业实验中心第十三次代表大会``: the
        congress of the league committee of a place (共青团黄石市委员会) or of a unit (共青团…中心委员会)
        (rule ``org.congress.v1``)."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        if "共青团" not in m:
            return out
        taken = _positions([(x.start, x.end) for x in found])
        for x in _LEAGUE_CONGRESS.finditer(m):
            if x.start() in stop or x.start() in taken or x.end() - 1 in taken:
                continue
            unit = x.group(1)
            chain = [h for h in places if x.start(1) <= h.start and h.end <= x.end(1) and h.code]
            last = max(chain, key=lambda h: h.end) if chain else None
            if last is not None and min(h.start for h in chain) == x.start(1) and last.end == x.end(1):
                unit, code = self._full(last.code), last.code  # 共青团黄石市…: the place's committee
            else:
                code = ""
            holder = "共青团" + unit + "委员会"
            attrs: tuple[tuple[str, object], ...] = (
                ("kind", "congress"), ("holder", holder), ("holder_label", Label.ORGANIZATION.value),
                ("holder_short", in_script_of(holder, t)))
            out.append(Mention(Label.ORGANIZATION, t[x.start():x.end()], x.start(), x.end(), "org.congress.v1",
                               canonical="共青团" + unit + to_match_text(x.group(2)),
                               attrs=attrs + ((("place", code),) if code else ())))
        return out

    def _the_town_named(self, doc: Doc, found: list[Mention], stop: Positions) -> list[Mention]:
        """``石门镇召开…。镇党委书记甲…, 镇人民政府副镇长乙…``: where the article names one town whose
        name the table gives to several (and no place says which), the town's bodies written short
        (镇党委, 镇人民政府, 镇总工会: no place resolved them) are that town's, named as written
        (石门镇党委; replaced in ``found``); the town is a place of its own name. Rule ``body.unresolved.v1``."""
        short = [i for i, x in enumerate(found) if x.attr("unresolved") and to_match_text(x.name).startswith(_TOWN_WORDS)]
        if not short:
            return []
        m, t = doc.match, doc.text
        named: dict[str, dict[str, int]] = {}  # level word -> {town's name: first position}
        for x in found:
            if x.label is Label.PLACE and x.attr("unresolved") and x.attr("level") == "town":
                lv = next((w for w in _TOWN_WORDS if to_match_text(x.name).endswith(w)), "")  # 定城鎮: read as 镇
                if lv:
                    named.setdefault(lv, {}).setdefault(x.name, x.start)
        taken = _positions([(x.start, x.end) for x in found])
        for lv in _TOWN_WORDS:
            if lv in named:
                continue
            for hit in re.finditer(lv, m):
                a = self._ambiguous_town_at(m, hit.end(), stop, taken)
                if a is not None:
                    named.setdefault(lv, {}).setdefault(t[a:hit.end()], a)
        out: list[Mention] = []
        for lv, towns in named.items():
            if len({to_match_text(n) for n in towns}) != 1:
                continue  # two towns of the level: which one is meant is not said
            town, at = next(iter(towns.items()))
            for i in short:
                x = found[i]
                if to_match_text(x.name).startswith(lv):
                    name = town + x.name[len(lv):]  # 镇总工会 → 上梅镇总工会, or the name it was written in full
                    name = next((y.name for y in found if y.rule == "body.unlisted_place.v1" and y.label is x.label
                                 and y.name.endswith(name)), name)  # (新化县上梅镇总工会)
                    found[i] = replace(x, canonical=name, attrs=x.attrs + (("town", town),))
            if not any(x.label is Label.PLACE and x.name == town for x in found):
                out.append(Mention(Label.PLACE, t[at:at + len(town)], at, at + len(town), "body.unresolved.v1",
                                   canonical=town, attrs=(("level", "town"), ("unresolved", True))))
        return out

    def _chain_unions(self, doc: Doc, found: list[Mention], stop: Positions,
                      written: dict[str, str]) -> list[Mention]:
        """``沙溪镇党委副书记、工会主席甲``, ``某公司党委副书记、工会主席乙``: a union chair's title
        with no body, next in a chain after a body of a place (its party committee, government,
        street office) or an organisation, holds that place's union (沙溪镇总工会) or the
        organisation's own (某公司工会). Rule ``body.chain_union.v1``."""
        m, t = doc.match, doc.text
        out: list[Mention] = []
        for x in _CHAIN_UNION.finditer(m):
            a, e = x.start(1), x.end(1)
            if a in stop:
                continue
            left = max(m.rfind(c, 0, a - 1) for c in "、,，。;；:：\n") + 1
            owner = next((b for b in found if b.start == left and b.end < a
                          and b.label is Label.ORGANIZATION), None)
            if owner is None or owner.attr("kind") == "congress" or (owner.attr("unresolved") and not (
                    owner.attr("town") and owner.attr("kind") in ("party", "government"))):
                continue
            code = owner.attr("place")
            if owner.attr("town"):  # 开元街道 named, which one unsaid: 街道党工委委员、总工会主席 → 开元街道总工会
                town = str(owner.attr("town"))
                out.append(Mention(Label.UNION_BODY, t[a:e], a, e, "body.chain_union.v1", canonical=town + "总工会",
                                   attrs=(("level", "town"), ("unresolved", True), ("town", town))))
                continue
            if code and owner.attr("kind") in ("party", "government") and owner.rule != "org.department.v1" \
                    or owner.rule == "org.department.v1" and m[owner.start:owner.end].endswith(("办事处", "办")):
                name = self._full(str(code)) + "总工会"
                attrs: tuple[tuple[str, object], ...] = (
                    ("place", code), ("level", self.divs.get(str(code)).level),
                    ("short", self._own(str(code), written) + "总工会"))
            elif owner.attr("kind") in ("company", "government", "other") and not code or owner.rule == "org.department.v1":
                name = (owner.attr("full") or owner.name) + "工会"  # 某公司工会, 某局工会
                attrs = (("level", "grassroots"), ("short", t[owner.start:owner.end] + "工会"))
            else:
                continue
            out.append(Mention(Label.UNION_BODY, t[a:e], a, e, "body.chain_union.v1", canonical=name, attrs=attrs))
        return out

    def _unlisted_place_union(self, t: str, m: str, pre: int, e: int, places: list[PlaceHit]) -> list[Mention]:
        """``长沙经济技术开发区总工会``, ``株洲高新区总工会``, ``新化县上梅镇总工会``: the union of a zone or
        town the division table lacks, named right after a place it has (a city, county or district, by
        its name or short name); the union as written and the zone or town as a place of this article
        (rule ``body.unlisted_place.v1``). No hierarchy is guessed for them."""
        zone = _UNLISTED_ZONE.search(m, max(0, pre - 12), pre)
        if zone is not None and zone.end() == pre:
            at = zone.start()
            start = self._listed_before(m, at)
            if start is None:
                return []
            while (more := self._listed_before(m, start)) is not None:
                start = more  # 长沙雨花经济开发区, 湖南省株洲高新区: every place named before it
            place_start, level = start, "district"
        else:
            hit = next((h for h in places if h.end < pre and (h.code or h.codes)
                        and _UNLISTED_TOWN.fullmatch(m, h.end, pre)), None)
            if hit is None or any(hit.end < g.start < pre for g in places):
                return []
            start = hit.start
            while (prev := next((g for g in places if g.end == start), None)) is not None:
                start = prev.start  # 湖南省新化县上梅镇: from the chain's first place
            place_start, level = hit.end, "town"
        return [Mention(Label.UNION_BODY, t[start:e], start, e, "body.unlisted_place.v1", canonical=t[start:e],
                        attrs=(("level", level),)),
                Mention(Label.PLACE, t[place_start:pre], place_start, pre, "body.unlisted_place.v1",
                        canonical=t[place_start:pre], attrs=(("level", level), ("unresolved", True)))]

    def _listed_before(self, m: str, end: int) -> int | None:
        """Where a province, city or district of the table named (or short-named) right before ``end``
        begins, the longest name first; None if none."""
        for k in (4, 3, 2):
            a = end - k
            if a < 0:
                continue
            codes = self.divs.by_name.get(m[a:end]) or self.divs.by_short.get(m[a:end]) or ()
            if any(self.divs.get(c).level != "town" for c in codes):
                return a
        return None

    def _branch_unions(self, doc: Doc, found: list[Mention], stop: Positions) -> list[Mention]:
        """``搭载分工会``, ``总装车间分工会``, ``某公司炼钢厂分工会``: the branch union of a company's
        department or works, named as written (with the company where its name runs on from it); a bare
        ``分工会`` (选举甲为分工会主席) is the article's one branch union. Not ``全市部分工会`` (some
        unions). Rule ``body.branch_union.v1``."""
        m, t = doc.match, doc.text
        named: list[Mention] = []
        if "分工会" not in m:
            return named
        taken = [(x.start, x.end) for x in found]
        bare: list[tuple[int, int]] = []
        for x in _BRANCH_UNION.finditer(m):
            a, e = x.start(), x.end()
            if a in stop or any(s <= a < f for s, f in taken):
                continue
            start = self._left_name(m, a, limit=10)
            if m.startswith("公司", start) and a - start > 4:
                start += 2  # 公司总装车间分工会: the company said short, the branch named after it
            name = m[start:a]
            k = max(name.rfind(c) for c in _BRANCH_CUT)
            if k >= 0:  # 选举甲为分工会主席, 一是分工会要…, 新一届的分工会: the branch union said short
                start, name = start + k + 1, name[k + 1:]
            if not name:
                bare.append((a, e))
                continue
            if len(name) < 2 or _NOT_BRANCH.search(name) or name in _GENERIC_PREFIX \
                    or (name.endswith("部") and (len(name) < 3 or name[:-1] in _GENERIC_PREFIX or name[:-1] in _GENERIC_UNIT)):
                continue  # 全市部分工会主席: some unions' chairs
            owner = next((b for b in found if b.end == start and b.label is Label.ORGANIZATION
                          and b.attr("kind") == "company"), None)
            begin = owner.start if owner is not None else start
            named.append(Mention(Label.UNION_BODY, t[begin:e], begin, e, "body.branch_union.v1", canonical=t[begin:e],
                                 attrs=(("level", "grassroots"),)))
        if len({x.name for x in named}) == 1:  # 选举甲为分工会主席: the article's one branch union
            named += [Mention(Label.UNION_BODY, t[a:e], a, e, "body.branch_union.v1", canonical=named[0].name,
                              attrs=(("level", "grassroots"),)) for a, e in bare]
        return named

    def _named_federation(self, doc: Doc, pre: int, end: int, places: Sequence[PlaceHit] = ()) -> Mention | None:
        """``中山市货车司机工会联合会``, ``港九勞工社團聯會``: a federation named by its words before
        工会联合会; one that opens with a place of the table is that place's (its hierarchy follows)."""
        start = self._left_name(doc.match, pre, limit=16)
        name = doc.match[start:pre]
        if _NOT_FEDERATION.search(name) or (start == pre - 16 and not self._bare_start(doc.match, start)) or _LIST_JOIN.search(name):
            return None  # no word ends before it within reach (…工作组正式进驻白酒产业园区), or a list (劳联及工联会)
        if len(name) < 2 or name in _GENERIC_PREFIX or any(name.endswith(g) for g in ("楼宇", "园区", "行业")) and len(name) <= 4:
            return None
        place, at = None, start  # the last place of the chain it opens with (广州市海珠区琶洲… → 海珠区)
        while (h := next((h for h in places if h.start == at and h.code and h.end < pre), None)) is not None:
            place, at = h.code, h.end
        return Mention(Label.UNION_BODY, doc.text[start:end], start, end, "body.federation.v1",
                       canonical=doc.text[start:end],
                       attrs=(("level", self.divs.get(place).level), ("place", place)) if place else (("level", "grassroots"),))


def _unit_committees(doc: Doc, units: list[Mention]) -> list[Mention]:
    """``广州医科大学团委``: the league committee of a company or institution named with it
    (共青团广州医科大学委员会; rule ``org.unit_committee.v1``). Not its party committee: the gold names the
    company for ``某公司党委副书记`` (realdev 107; 147 names the 党委: a convention not settled)."""
    m, t = doc.match, doc.text
    out = []
    for u in units:
        if m.startswith("团委", u.end):
            out.append(Mention(Label.ORGANIZATION, t[u.start:u.end + 2], u.start, u.end + 2, "org.unit_committee.v1",
                               canonical="共青团" + u.name + "委员会", attrs=(("kind", "other"),)))
    return out


def _short_of_named(found: list[Mention]) -> list[Mention]:
    """``沙河街道工会联合会…街道工会联合会主席``: a town's body written short (no place resolved it) is the one
    body of the article whose name ends with it, where there is one (named so, at the short form's span)."""
    out = list(found)
    for i, x in enumerate(out):
        if not x.attr("unresolved") or x.label is Label.PLACE or not to_match_text(x.text).startswith(_TOWN_WORDS):
            continue
        short = to_match_text(x.text)
        longer = {y.name: y for y in found if y.label is x.label and not y.attr("unresolved")
                  and len(y.text) > len(x.text) and to_match_text(y.text).endswith(short)}
        if len(longer) == 1:
            y = next(iter(longer.values()))
            out[i] = replace(y, text=x.text, start=x.start, end=x.end, rule=x.rule)
    return out


def _unlisted_zone_short_forms(doc: Doc, found: list[Mention], stop: Positions) -> list[Mention]:
    """``长沙经济技术开发区总工会…。开发区总工会主席甲``: a zone's union written short (its zone word and
    总工会) is the one unlisted zone's union the article names in full (body.unlisted_place.v1)."""
    zones = {x.name for x in found if x.rule == "body.unlisted_place.v1" and x.label is Label.UNION_BODY
             and x.attr("level") == "district"}
    if len(zones) != 1:
        return []
    union = next(iter(zones))
    taken = [(x.start, x.end) for x in found]
    out = []
    for x in _ZONE_UNION_SHORT.finditer(doc.match):
        a, e = x.start(), x.end()
        if a in stop or any(s <= a < t for s, t in taken) or x.group(1) not in union:
            continue
        out.append(Mention(Label.UNION_BODY, doc.text[a:e], a, e, "body.unlisted_place.v1", canonical=union,
                           attrs=(("level", "district"),)))
    return out


def _bracketed(m: str, a: int, b: int) -> bool:
    """Is ``m[a:b]`` written in brackets inside a name (``(集团)``)?"""
    return m[a - 1:a] == "(" and m[b:b + 1] == ")"


def _level_word(m: str, pre: int) -> str:
    """The level word ending at ``pre`` (``自治区``, ``街道``, ``市`` …), ``""`` if none."""
    for w in _LONG_LEVEL_WORDS:
        if m.startswith(w, pre - len(w)) and pre >= len(w):
            return w
    return m[pre - 1] if pre >= 1 and m[pre - 1] in "省市州盟区县旗镇乡" else ""


def _outermost(hits: list[PlaceHit]) -> list[PlaceHit]:
    """The hits in text order, without those inside a longer one."""
    hits.sort(key=lambda h: (h.start, h.start - h.end))
    kept: list[PlaceHit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


#: a discipline team posted to a body, and the commission that posts it (省纪委监委驻…纪检监察组)
_DISCIPLINE_TEAM = re.compile(r"纪检监察组")
_DISCIPLINE_ISSUER = re.compile(r"(?P<central>中央纪委国家监委)|(?P<level>省|自治区|市|州|县|区|旗|盟)?纪委"
                                r"(?:(?:省|自治区|市|州|县|区|旗|盟)?监委)?$")


class Positions:
    """The positions inside some spans, for ``in`` tests (a byte per character: cheap to build)."""

    __slots__ = ("_spans", "_mask")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = spans if type(spans) is list else list(spans)  # a fresh list (``_positions``): kept as is
        self._mask: bytearray | None = None  # made on the first test: many rules find nothing to test

    @property
    def mask(self) -> bytearray:
        return self._mask if self._mask is not None else self._make()

    def _make(self) -> bytearray:
        spans = self._spans
        size = 0
        for _, b in spans:  # (a loop, not max() over a generator: most lists hold a few spans)
            if b > size:
                size = b
        mask = self._mask = bytearray(size)
        for a, b in spans:
            if b > a:
                mask[a:b] = b"\x01" * (b - a)
        return mask

    def __contains__(self, i: object) -> bool:
        mask = self._mask
        if mask is None:
            mask = self._make()
        return isinstance(i, int) and 0 <= i < len(mask) and mask[i] == 1

    def add(self, a: int, b: int) -> None:
        """Take ``a..b`` in too."""
        if b > len(self.mask):
            self.mask.extend(bytes(b - len(self.mask)))
        if b > a:
            self.mask[a:b] = b"\x01" * (b - a)


def _positions(spans: list[tuple[int, int]]) -> Positions:
    """The positions inside any of ``spans``."""
    return Positions(spans)
