"""The extractor's fast paths for regexes find what the plain forms find: each is checked against
the pattern it stands for, on texts drawn from the characters those patterns use."""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.extract import bodies, campaigns, people
from unionkg.extract.lexicon import alternation
from unionkg.ingest import split
from unionkg.scanning import first_chars, first_pair_class, scanner

#: the characters the patterns below read, punctuation and a few others
ALPHABET = "。;；,，\n:：会上随后由同志代表作做主持出席致辞贺词了报告讲话发言宣读领学当选为担任增补甲乙丙丁、等 a1"


def test_first_chars() -> None:
    assert first_chars(r"(?:同志)?(?:主持|出席)") == frozenset("同主出")
    assert first_chars("[甲乙]丙") == frozenset("甲乙")
    assert first_chars(r"(?<=同志)任|当选") == frozenset("任当")  # a lookbehind reads before the match
    assert first_chars("a?") is None  # can match nothing
    assert first_chars(r"[\u4e00-\u9fff]{2}") is None and first_chars(r"\d月") is None  # a range, a category
    assert first_chars("[^甲]会") is None and first_chars(".会") is None  # any character
    assert first_chars("甲", re.IGNORECASE) is None


def test_clause_opens_at_the_start() -> None:
    assert [x.end() for x in people._CLAUSE_OPEN.finditer("由甲主持,乙")] == [0, 1, 5]  # empty, then 由 at 0
    assert list(people._clause_opens("由甲主持,乙")) == [0, 1, 5]
    assert list(people._clause_opens("")) == [0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_clause_opens_as_the_pattern(text: str) -> None:
    assert list(people._clause_opens(text)) == [x.end() for x in people._CLAUSE_OPEN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_role_next_starts_with_its_first_chars(text: str) -> None:
    first = people._ROLE_NEXT_FIRST
    assert first is not None
    for pos in range(len(text) + 1):
        if people._ROLE_NEXT.match(text, pos):
            assert text[pos] in first


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_elected_verb_as_written(text: str) -> None:
    plain = re.compile(people._ELECTED_VERBS).search(text)
    fast = people._ELECTED_VERB.search(text)
    assert (plain and plain.span()) == (fast and fast.span())


def test_first_pair_class() -> None:
    assert first_pair_class("副?(?:主席|书记)") == ("[主书副]", "[主书席记]")
    assert first_pair_class("(?:常务)?副?(?:主席|书记)(?:候选人)?") == ("[主书副常]", "[主书务席记]")
    assert first_pair_class("[甲乙]{1,3}丙") == ("[乙甲]", "[丙乙甲]")
    assert first_pair_class("(?<=同志)任职") == ("[任]", "[职]")  # a lookaround reads no character of the match
    assert first_pair_class("a?b") is None and first_pair_class("甲乙|丙") is None  # a match of one character
    assert first_pair_class(r"[\u4e00-\u9fff]{2}") is None and first_pair_class(".甲") is None  # too many
    assert first_pair_class("(甲)\\1") is None  # a back reference
    assert scanner("主席|书记", pairs=True).pattern == "(?=[主书][席记])(?:主席|书记)"
    assert scanner("主席|书记").pattern == "主席|书记"  # without pairs: the engine's own skip


#: tries and prefixed tries of the forms the extractor scans with pairs (titles, short place names)
PAIR_PATTERNS = [
    alternation(["主席", "副主席", "书记", "副书记", "主任", "会长", "工会主席"]),
    "(?:" + alternation(["常务", "专职", "原"]) + ")?(?:" + alternation(["主席", "副主席", "书记", "主任"]) + ")(?:候选人)?",
    alternation(["北京", "南京", "京山", "山东", "东莞", "莞城", "克州/克孜勒苏"]),
    r"(?<!团)(省|市|区)(纪委|党委|委)(?=书记|常委)",
    r"[甲乙]{1,3}(?:丙|丁丁)?戊",
]
PAIR_ALPHABET = "主席副书记任会长工常务专职原候选人北南京山东莞城克州/孜勒苏团省市区纪委党甲乙丙丁戊 ,。"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=PAIR_ALPHABET, max_size=60), st.sampled_from(PAIR_PATTERNS))
def test_pairs_same_matches_as_written(text: str, pattern: str) -> None:
    plain, fast = re.compile(pattern), scanner(pattern, pairs=True)
    assert fast.pattern.startswith("(?=[")
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
    for pos in range(0, len(text) + 1, 5):
        a, b = fast.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span())
        a, b = fast.search(text, pos), plain.search(text, pos)
        assert (a and a.span()) == (b and b.span())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="省市区县镇乡街道纪委监党工团常书记副、,和领导的主要负责 甲", max_size=40))
def test_party_and_league_committees_hold_their_character(text: str) -> None:
    """``_party_and_league`` scans for them only in texts holding 委 and 团."""
    assert "委" in text or not list(bodies._BARE_PARTY.finditer(text))
    assert "团" in text or not list(bodies._LEAGUE_COMMITTEE.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙丙丁戊己庚辛12ab,。 、“”_-", max_size=80), st.integers(0, 30))
def test_title_key_upto(text: str, most: int) -> None:
    key = split._title_key(text)
    assert split._title_key_upto(text, most) == (key if len(key) <= most else "")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="甲乙丙丁戊、、、等等 ,。a", max_size=60))
def test_bare_lists_as_the_pattern(text: str) -> None:
    assert [x.span() for x in people._bare_lists(text)] == [x.span() for x in people._BARE_LIST.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="甲乙丙丁戊己庚辛··宣传活动, a", max_size=60))
def test_dotted_as_the_pattern(text: str) -> None:
    assert [(x.span(), x.groups()) for x in campaigns._dotted(text)] == \
        [(x.span(), x.groups()) for x in campaigns._DOTTED.finditer(text)]


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_SPANS, _SPANS, st.integers(-2, 45))
def test_positions_as_the_spans_say(spans: list[tuple[int, int]], more: list[tuple[int, int]], probe: int) -> None:
    """``bodies.Positions`` (a byte mask made on the first test) holds the positions inside its spans,
    and those ``add`` takes in after."""
    inside = {i for a, b in spans for i in range(a, b)}
    pos = bodies._positions(list(spans))
    assert (probe in pos) == (probe in inside)
    assert [i for i in range(-2, 45) if i in pos] == sorted(inside)
    for a, b in more:
        pos.add(a, b)
        inside |= set(range(a, b))
    assert [i for i in range(-2, 45) if i in pos] == sorted(inside)
    assert "甲" not in pos


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="在和及与精神会议全委(扩大)\"·甲乙丙12,。", max_size=40), st.integers(0, 40), st.integers(1, 32))
def test_walk_back_asks_for_boundaries_only_where_one_ends(text: str, end: int, limit: int) -> None:
    """``CampaignFinder._walk_back`` skips ``boundary_before`` where the character is no boundary
    word's last: the same start as asking at every character."""
    from unionkg.extract.lexicon import Lexicon

    lex = Lexicon.load()
    finder = campaigns.CampaignFinder.__new__(campaigns.CampaignFinder)
    finder.lex = lex
    end = min(end, len(text))
    for keep in (frozenset(), campaigns._SPIRIT_INNER):
        fast = finder._walk_back(text, end, limit, keep)
        ends = lex.boundary_ends
        object.__setattr__(lex, "boundary_ends", frozenset(text) | ends)  # every character may end one
        try:
            plain = finder._walk_back(text, end, limit, keep)
        finally:
            object.__setattr__(lex, "boundary_ends", ends)
        assert fast == plain


@functools.cache
def _body_finder() -> bodies.BodyFinder:
    from unionkg.extract.divisions import Divisions
    from unionkg.extract.lexicon import Lexicon
    from unionkg.extract.segmenter import Segmenter

    return bodies.BodyFinder(Lexicon.load(), Divisions.load(), Segmenter())


#: the characters the body finder's cues and the patterns they stand for read
BODY_ALPHABET = "江苏浙广东、代表大会第一次妇女工会共青团委员党管市区县镇街道办事处公室局厅支队安人民法院中级高分甲乙,。 "


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=BODY_ALPHABET, max_size=40))
def test_body_rules_find_nothing_without_their_cue(text: str) -> None:
    """The sub-rules of ``BodyFinder.find`` return early where their cue is missing: wherever their
    patterns match, the cue is in the text."""
    finder = _body_finder()
    starts = range(len(text) + 1)
    assert "、" in text or not finder.province_list_re.search(text)  # _province_lists, _shared_union_head
    assert "代表大会" in text or not any(bodies._PLACE_CONGRESS.match(text, i) for i in starts)  # _place_congresses
    assert "共青团" in text or not bodies._LEAGUE_CONGRESS.search(text)  # _league_congresses
    # _party_and_league: a committee's ending holds 委, a league's plenary follows 团
    assert "委" in text or not any(bodies._PARTY_TAIL.match(text, i) or bodies._LEVEL_PARTY.match(text, i)
                                   for i in starts)
    assert "团" in text or not any(finder._league_before(text, i) for i in starts)
    # _departments: a department's ending, or a street's office
    assert finder.dept_end_re.search(text) or not any(finder.dept_re.match(text, i) for i in starts)
    assert "办" in text or not any(bodies._STREET_OFFICE.match(text, i) for i in starts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["香港", "台湾", "澳門", "台中市", "高雄市", "广州市", "海珠区", "公务员", "郵政局", "行业",
                                 "產業", "系统", "职业", "建筑业", "甲", "乙", "的", "、", ",", "全市", "工会", "总工会"]),
                max_size=14), st.booleans())
def test_trade_before_skipped_only_where_it_finds_none(words: list[str], federation: bool) -> None:
    """``_industry_before`` skips ``_trade_before`` where no trade ending ends at ``pre`` and no
    overseas place is in reach (``_overseas_near``): there it finds nothing."""
    finder = _body_finder()
    text = "".join(words)
    place_end = {h.end: h for h in finder.find_places(text)}
    for pre in range(1, len(text) + 1):
        if text[pre - 1:pre] not in finder.trade_end_last and not finder._overseas_near(text, pre, place_end):
            assert finder._trade_before(text, pre, place_end, federation) == ""


@functools.cache
def _finder() -> people.PeopleFinder:
    from unionkg.extract import Extractor

    return Extractor().people


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="王李明华刚强(、,\n:有a", max_size=30))
def test_names_before_brackets_as_the_pattern(text: str) -> None:
    """``_name_before_bracket`` finds the name the plain pattern (a run of two to four Han characters
    after a line or list start, right before a bracket) finds, where it is a plain name."""
    plain = re.compile(r"(?:^|(?<=[\n、;；,，:：]))([\u4e00-\u9fff]{2,4})(?=\()")
    finder = _finder()
    want = {x.start(1) for x in plain.finditer(text) if finder._plain_name(x.group(1))}
    got = {a for b in range(len(text)) if text[b] == "(" and (a := finder._name_before_bracket(text, b)) >= 0}
    assert got == want
