"""Extraction rules, one pattern a row (sentences written for these tests, names invented)."""

from __future__ import annotations

import pytest

from unionkg.extract import Extractor
from unionkg.extract.extractor import ArticleFacts
from unionkg.ingest.split import finish_article
from unionkg.types import Label


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _facts(extractor: Extractor, text: str, title: str = "标题") -> ArticleFacts:
    a = finish_article(text, list(range(len(text))), text, title=title)
    return extractor.extract(a)


def _names(facts: ArticleFacts, label: Label) -> set[str]:
    return {e.name for e in facts.entities if e.label is label}


@pytest.mark.parametrize(("text", "found", "not_found"), [
    # quoted programmes and brands are campaigns
    ("3月5日,衢州市总工会召开会议,要求深化\"衢工有礼\"服务品牌。", {"衢工有礼"}, set()),
    # speech and figures of speech are not
    ("骑手老周说:\"有了驿站,我们下雨天也有地方歇脚。\"", set(), {"有了驿站,我们下雨天也有地方歇脚"}),
    ("让新就业形态劳动者\"渴了有水喝、累了有地方歇\"。", set(), {"渴了有水喝、累了有地方歇"}),
    ("推动职工在企业发展中有\"话语权\"。", set(), {"话语权"}),
    ("律师为职工提供\"一对一\"咨询。", set(), {"一对一"}),
    ("当天为\"职工法律服务志愿队\"授旗。", set(), {"职工法律服务志愿队"}),
    # a slogan of several clauses is a campaign where a verb puts it to work
    ("会议要求紧扣\"稳就业、保民生\"目标。", {"稳就业、保民生"}, set()),
    # a relaying body is not part of the spirit's name
    ("邀请浙江省总工会中国工会十八大精神宣讲团成员作辅导。", {"中国工会十八大精神"},
     {"浙江省总工会中国工会十八大精神"}),
    # meetings listed before one 精神 each get their spirit
    ("传达学习省委十五届五次全会、市委十三届七次全会精神。",
     {"省委十五届五次全会精神", "市委十三届七次全会精神"}, set()),
    # a count is not a campaign mention
    ("全市新就业形态劳动者入会人数突破3万。", set(), {"新就业形态劳动者入会"}),
])
def test_campaigns(extractor: Extractor, text: str, found: set[str], not_found: set[str]) -> None:
    names = _names(_facts(extractor, text), Label.CAMPAIGN)
    assert found <= names, names
    assert not (not_found & names), names
