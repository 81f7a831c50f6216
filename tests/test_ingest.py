"""Ingest: the seed page splits into its 7 articles; offsets map back; bad input is reported."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionkg.errors import InputError
from unionkg.ingest import iter_articles, split_page
from unionkg.ingest.clean import clean_line
from unionkg.ingest.dates import event_date, url_date
from unionkg.ingest.readers import read_jsonl_text
from unionkg.ingest.split import stamp_date
from unionkg.types import Article

from shared_paths import SEED, need

SEED_TITLES = [
    ("广州市总工会召开党组(扩大)会议", "把思想和行动统一到全国两会精神上来", None, "03-18", ("许接英", "穗工宣")),
    ("佛山市总工会召开党组理论学习中心组(扩大)会议", "切实将贯彻全国两会精神落到实处", None, "03-19", ("黄细英", "霍嘉琪")),
    ("珠海市总工会调研基层工会工作", None, None, "03-17", ("罗琪",)),
    ("东莞市大岭山镇总工会:让更多职工了解医疗互助保障计划", None, None, "03-16", ("大岭山工",)),
    ("汕头市潮南区总工会:服务经济社会发展大局", None, "传达学习贯彻广东省工会第十五次代表大会精神", "03-17", ("张伟",)),
    ("韶关市浈江区总工会:让更多职工参与工会工作", None, "传达学习贯彻广东省工会第十五次代表大会精神", None, ("浈江工",)),
    ('揭阳市榕城区总工会:推动工会向"新"延伸', None, "传达学习贯彻广东省工会第十五次代表大会精神", None, ("榕城工",)),
]


def test_seed_page_splits_into_its_seven_articles() -> None:
    raw = need(SEED).read_text(encoding="utf-8")
    arts = split_page(raw)
    got = [(a.title, a.subtitle, a.section, a.date, a.authors) for a in arts]
    assert got == SEED_TITLES
    assert arts[0].editors == (("蒋灵茜", "责任编辑"), ("张珂清", "组版编辑"), ("戴小玲", "校对"))
    # captions stay with their article; column breaks are joined
    assert "单位供图" in arts[3].text and "单位供图" not in arts[4].text
    assert "等方面取得的成效" in arts[2].text
    assert "维权服务体系更加健全" in arts[0].text


def test_offsets_round_trip_on_the_seed() -> None:
    raw = need(SEED).read_text(encoding="utf-8")
    for a in split_page(raw):
        for i, ch in enumerate(a.text):
            if ch != "\n":
                assert raw[a.offsets[i]] == ch
        for word in ("召开", "通讯员", "总工会"):
            pos = a.text.find(word)
            if pos >= 0:
                s, e = a.raw_span(pos, pos + len(word))
                assert "".join(raw[s:e].split()) == word


@pytest.mark.parametrize("raw,clean", [
    ("通讯 员穗工宣", "通讯员穗工宣"),
    ("珠江 啤酒有限公司", "珠江啤酒有限公司"),
    ("召 开 会议", "召开会议"),
    ("深人推进 | 工作", "深入推进工作"),
    ("本报讯 3月17日", "本报讯3月17日"),
    ("要围绕 \"百千万工程\"", "要围绕\"百千万工程\""),
    ("Hello world 工会 2024 年", "Hello world工会2024年"),
])
def test_clean_line(raw: str, clean: str) -> None:
    ct = clean_line(raw)
    assert ct.text == clean
    assert len(ct.offsets) == len(ct.text)


@pytest.mark.parametrize("lead,year,expected", [
    ("3月18日,广州市总工会召开", None, "03-18"),
    ("12月8日上午,区总工会", 2024, "2024-12-08"),
    ("3月18日至19日,省总工会", None, "03-18"),
    ("2024年5月1日,劳动节", None, "2024-05-01"),
    ("近日,韶关市浈江区总工会", 2025, None),
    ("日前,某镇总工会", None, None),
    ("连日来,各级工会", None, None),
    ("7月26-27日,在某街道户外劳动者驿站", 2021, "2021-07-26"),
    ("澳門某工會於二月廿二日舉辦新春聯歡晚會", None, "02-22"),
    ("512日,某县集体协商推进会在县经济开发区举行", None, "05-12"),
    ('"有了工会,心里踏实了。"快递员小李说。11月10日,某区总工会举办集中入会仪式。', None, "11-10"),
])
def test_event_dates(lead: str, year: int | None, expected: str | None) -> None:
    assert event_date(lead, year=year) == expected


def test_relative_and_day_only_dates() -> None:
    assert event_date("昨日,某市集体协商现场活动举行", dated=date(2024, 3, 11)) == "2024-03-10"
    assert event_date("今天,某区总工会召开会议", dated=date(2024, 3, 11)) == "2024-03-11"
    assert event_date("21日,某市迎来首场大雪", published=date(2016, 1, 25)) == "2016-01-21"
    assert event_date("28日,某区总工会召开会议", published=date(2016, 2, 3)) == "2016-01-28"


@pytest.mark.parametrize("line,expected", [
    ("发布时间:2018-07-23 13:42:00", date(2018, 7, 23)),
    ("【發布時間:2018-07-23】", date(2018, 7, 23)),
    ("25.01.2016  08:52", date(2016, 1, 25)),
    ("更新时间:12年05月04日", date(2012, 5, 4)),
    ("来源: 某市人民政府 ┆ 时间: 2021-12-30 21:06:13", date(2021, 12, 30)),
    ("http://www.example.com.cn 2006年12月30日03:15 某某青年报", date(2006, 12, 30)),
    ("《 某某日报 》( 2023年10月13日 04 版)", date(2023, 10, 13)),
    ("2024年5月1日,某市总工会在劳动公园举办庆祝活动,传达学习全国劳模表彰大会精神", None),
    ("某区总工会召开全委会", None),
])
def test_stamp_lines(line: str, expected: date | None) -> None:
    assert stamp_date(line) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://epaper.example.com/html/2023-09/29/content_2838184.htm", date(2023, 9, 29)),
    ("http://example.gov.cn/szdt/202410/t20241030_2054671.shtml", date(2024, 10, 30)),
    ("http://example.people.com.cn/n1/2019/0419/c81942-31038450.html", date(2019, 4, 19)),
    ("http://zx.example.gov.cn/art/2025/3/12/art_1606450_58971365.html", date(2025, 3, 12)),
    ("https://example.com/news/detail/1052.html", None),
    ("https://example.com/2024/02/page/2", None),
])
def test_url_dates(url: str, expected: date | None) -> None:
    assert url_date(url) == expected


def test_a_web_record_sets_its_header_apart() -> None:
    """A record whose text repeats its headline, carries a stamp (label and value on lines of their
    own) and a photo caption before the body: the body starts at the lead, the stamp gives the
    publication date and the year, the photographer reported."""
    text = ("某镇总工会成立大会召开\n发布时间:\n2019-04-12\n来源:\n某镇人民政府\n"
            "大会会场。本报记者 林小雨 摄\n"
            "4月10日上午,某镇总工会成立大会在镇政府礼堂召开。县总工会主席王大明出席会议并讲话。\n")
    rec = json.dumps({"title": "某镇总工会成立大会召开", "text": text}, ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert a.text.startswith("4月10日上午,某镇总工会成立大会")
    assert "发布时间" not in a.text and "某镇总工会成立大会召开\n" not in a.text
    assert a.published == "2019-04-12"
    assert a.date == "2019-04-10"
    assert "林小雨" in a.authors
    for i, ch in enumerate(a.text):  # offsets still map every character back to the record's text
        if ch != "\n":
            assert text[a.offsets[i]] == ch


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("江南网讯(记者 陈小路)4月2日,某区总工会开展活动。\n活动取得实效。", {"陈小路"}, set()),
    ("工人网—某市工人报讯(记者 林小雨)8月4日,某市总工会举办仪式。", {"林小雨"}, set()),
    ("本报讯 记者王小川报道 9月2日,省总工会召开会议。", {"王小川"}, set()),
    ("通讯员 郑一帆 1月8日,某市总工会主席为职工书屋授牌。", {"郑一帆"}, set()),
    ("3月1日,某区总工会召开会议。(记者 李小国 通讯员 赵大鹏)\n会议还部署了工作。(责编:钱小多)",
     {"李小国", "赵大鹏"}, {"钱小多"}),
    ("3月1日,某区总工会召开会议。(江南日报记者孙小陵、通讯员姚小超)", {"孙小陵", "姚小超"}, {"江南日报"}),
    ("3月1日,某区总工会召开会议。(来源:某市总工会)", set(), {"来源", "某市总工会"}),
    ("3月1日,某区总工会召开会议,提高职工能力。文字:金小玉 图片:袁小辉 审核:卢小飞", {"金小玉"}, set()),
    ("3月1日,某区总工会召开会议。(市总全媒体中心 潘小婷)", {"潘小婷"}, {"市总全媒体中心"}),
])
def test_bylines_where_web_pages_put_them(text: str, expected: set[str], absent: set[str]) -> None:
    rec = json.dumps({"title": "某区总工会召开会议", "text": text}, ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert expected <= set(a.authors), a.authors
    assert not (absent & set(a.authors)), a.authors


def test_a_caption_above_the_dateline_is_no_lead() -> None:
    text = "王主席慰问一线职工。\n本报讯 3月2日,某市总工会开展送温暖活动,走访慰问困难职工。\n"
    rec = json.dumps({"title": "送温暖", "text": text, "url": "https://example.com/html/2024-03/04/c_1.htm"},
                     ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert a.text.startswith("本报讯 3月2日") or a.text.startswith("本报讯3月2日")
    assert a.date == "2024-03-02"  # the year from the web address's date
    assert a.published == "2024-03-04"


_cjk = st.text(alphabet=st.sampled_from(list("工会召开会议职工广州市总主席。，,| \u3000abc12")), max_size=200)


@settings(max_examples=150, deadline=None)
@given(_cjk)
def test_clean_never_loses_text(raw: str) -> None:
    ct = clean_line(raw)
    kept = [c for c in raw if not c.isspace() and c != "|"]
    assert "".join(ct.text.split()) == "".join(kept)
    for i, ch in enumerate(ct.text):
        if not ch.isspace():
            assert raw[ct.offsets[i]] == ch


_para = st.text(alphabet=st.sampled_from(list("工会召开会议职工广州市总主席要求推进学习贯彻精神")), min_size=1, max_size=60)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_para, st.booleans()), min_size=1, max_size=8))
def test_split_loses_and_duplicates_no_body_text(paras: list[tuple[str, bool]]) -> None:
    lines = []
    for text, is_body in paras:
        lines.append("本报讯 " + text + "。" if is_body else text[:20])
    raw = "\n\n".join(lines)
    arts = split_page(raw)
    body_chars = "".join("".join(a.text.split()) for a in arts)
    for text, is_body in paras:
        if is_body:
            assert text in body_chars
    assert len(body_chars) <= len("".join(raw.split()))


def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("某市总工会召开会议\n\n本报讯 3月1日,广州市总工会召开会议。\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes(bytes(range(128, 256)) * 4)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("佛山市总工会召开会议\n\n本报讯 3月2日,佛山市总工会召开会议。\n".encode("gb18030"))
    lines = [json.dumps({"title": f"标题{i}", "text": f"本报讯 3月{i}日,广州市总工会召开会议。"}, ensure_ascii=False)
             for i in range(1, 6)]
    lines[2] = '{"title": "坏行", "text": '
    (tmp_path / "arts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    errors = [i for i in items if isinstance(i, InputError)]
    arts = [i for i in items if not isinstance(i, InputError)]
    msgs = "\n".join(str(e) for e in errors)
    assert "arts.jsonl:3" in msgs and "malformed JSON" in msgs
    assert "binary.txt" in msgs and "empty.txt" in msgs and "latin.txt" in msgs and "missing.txt" in msgs
    assert len(errors) == 5
    assert len(arts) == 4 + 2  # 4 good JSON lines, the UTF-8 file and the GB18030 file
    assert any(a.title == "佛山市总工会召开会议" for a in arts)


def test_every_mention_maps_back_to_the_raw_page() -> None:
    from unionkg.extract import Extractor

    raw = need(SEED).read_text(encoding="utf-8")
    ex = Extractor()
    n = 0
    for a in split_page(raw):
        for mention in ex.extract(a).mentions:
            assert a.text[mention.start:mention.end] == mention.text
            s, e = a.raw_span(mention.start, mention.end)
            assert "".join(raw[s:e].split()) == "".join(mention.text.split())
            n += 1
    assert n > 80


def test_dateline_date_when_the_lead_has_none() -> None:
    arts = split_page("某区总工会召开会议\n\n本报3月18日讯 区总工会召开全委会,传达学习会议精神。\n")
    assert arts[0].date == "03-18"
    arts = split_page("某区总工会召开会议\n\n本报3月18日讯 近日,区总工会召开全委会。\n")
    assert arts[0].date is None


def test_page_header_title_with_exclamation_and_standalone_byline() -> None:
    raw = ("南方工报 2025年3月20日 星期四 第3版\n\n奋斗正当时!\n\n"
           "——记全国劳动模范甲某\n\n本报记者 林小雨 通讯员 黄大川\n\n"
           "3月19日,广州市总工会召开劳模座谈会,传达学习全国两会精神。\n")
    arts = split_page(raw)
    assert len(arts) == 1
    a = arts[0]
    assert a.title == "奋斗正当时!" and a.subtitle == "——记全国劳动模范甲某"
    assert a.page == "3"
    assert a.authors == ("林小雨", "黄大川")
    assert a.date == "2025-03-19"  # the page header's date gives the year (ONTOLOGY: "a date line")
    assert a.published == "2025-03-20"


@pytest.mark.parametrize("text,match", [
    ("廣州市總工會「一函兩書」", '广州市总工会"一函两书"'),
    ("乾元镇覆盖面著名", "乾元镇覆盖面著名"),  # simplified text that the table must leave alone
])
def test_match_text_is_one_to_one(text: str, match: str) -> None:
    from unionkg.ingest.normalize import to_match_text

    assert to_match_text(text) == match


def test_pinyin_printed_after_characters_is_cleaned_out_with_offsets_kept() -> None:
    """``表態(tài)講話``: some sites print a character's pinyin after it; it goes like an OCR gap, and
    every kept character still points at its raw one. Plain parentheses stay."""
    from unionkg.ingest.clean import clean_line

    raw = "趙紀文作了表態(tài)講話,曹玉梅同志為經(jīng)審主任(兼)。"
    c = clean_line(raw)
    assert c.text == "趙紀文作了表態講話,曹玉梅同志為經審主任(兼)。"
    assert all(raw[o] == ch for ch, o in zip(c.text, c.offsets, strict=True))


@pytest.mark.parametrize(("text", "authors"), [
    ("5月1日,市总工会举行全市劳模表彰大会,100名劳模受表彰。\n来源:宁波日报 作者:赵磊\n编辑:钱静", ("赵磊",)),
    ("5月1日,市总工会举行全市劳模表彰大会,100名劳模受表彰。\n作者:赵磊 王芳", ("赵磊", "王芳")),
])
def test_an_author_line_closing_a_record_names_its_reporters(text: str, authors: tuple[str, ...]) -> None:
    """``来源:宁波日报 作者:赵磊`` after the body (a footer some sites print): its author reported the
    article, and the line is no part of the text."""
    from unionkg.ingest.readers import RawRecord, parse_record

    a = parse_record(RawRecord("x.jsonl", 1, json.dumps({"title": "劳模表彰", "text": text}, ensure_ascii=False)))
    assert isinstance(a, type(a)) and not isinstance(a, InputError)
    assert a.authors == authors and "作者" not in a.text


@pytest.mark.parametrize(("stamp", "source"), [
    ("2023-11-20 09:00  南平日报", None),
    ("2023年11月20日 來源:南平日報", "南平日報"),
    ("日期:2023-11-20  浏览次数:125", None),
    ("【时间:2023年11月20日】【来源:本站】", "本站"),
])
def test_a_page_s_stamp_line_gives_the_lead_its_year(stamp: str, source: str | None) -> None:
    """A text file of one article: the stamp under the headline (with or without a label, in
    either script) is its publication date, whose year the lead's date takes."""
    arts = split_page(f"南平市总工会召开全委会议\n{stamp}\n11月17日,南平市总工会召开十五届五次全委会议。\n")
    assert len(arts) == 1
    assert arts[0].date == "2023-11-17" and arts[0].published == "2023-11-20"
    assert arts[0].source == source


@pytest.mark.parametrize(("text", "opening", "day"), [
    # the lead cut by a column break after its date: the pieces join again
    ("驻马店市总工会调研观摩组到西平县\n12月28日,市总工会主席张怀德一行莅临西平县观摩\n\n指导工会工作。县委书记李全喜陪同。\n",
     "12月28日,市总工会主席张怀德一行莅临西平县观摩指导工会工作。", "12-28"),
    ("政协主席会议召开\n云上荆州报道:今天(1月4日)下午,市政协主席王守\n\n卫主持召开市政协主席会议。\n",
     "云上荆州报道:今天(1月4日)下午,市政协主席王守卫主持", "01-04"),
    # cut before its date: a long clause whose continuation opens no lead
    ("两地团干交流\n为贯彻落实《粤港澳大湾区发展规划纲要》要求,进一步促进深圳、台山两地\n\n的交流,5月18日,两地团干部交流活动在我市举行。\n",
     "为贯彻落实《粤港澳大湾区发展规划纲要》要求,进一步促进深圳、台山两地的交流,5月18日", "05-18"),
    # a kicker with a comma above a lead that opens with its date stays a heading
    ("职工迎春座谈会举行\n凝心聚力谋发展,砥砺奋进新征程再出发再建功\n3月2日,某市总工会召开职工迎春座谈会。\n",
     "3月2日,某市总工会召开", "03-02"),
])
def test_a_lead_cut_by_a_column_break_is_one_paragraph(text: str, opening: str, day: str) -> None:
    """E-paper and PDF text cuts paragraphs where its columns end; the lead's first piece (short,
    unfinished) is no heading: the lead keeps its date and its sentences (realdev with column breaks
    put in at random kept its 66/66 dates only with this)."""
    rec = json.dumps({"title": text.split("\n", 1)[0], "text": text}, ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert a.text.startswith(opening), a.text
    assert a.date is not None and a.date.endswith(day)


def test_a_paragraph_cut_by_a_column_break_on_a_page_opens_no_article() -> None:
    """On an e-paper page a paragraph's first piece, cut off by a column break, is a clause (a comma,
    a list's 、, 了) over a piece that opens no lead: it goes on the article before, no new article;
    a headline with a comma over a dateline still opens one."""
    raw = ("某镇总工会启动安康杯竞赛\n\n本报讯 6月3日,某镇总工会举行安康杯竞赛启动仪式。\n\n"
           "启动仪式上,镇总工会主席俞建新宣读了本年度\n\n竞赛活动实施方案,6家企业工会代表递交了承诺书。\n\n"
           "调研组一行参观了区总工会职工服务中心各功\n\n能室。调研组要求做好服务。\n\n"
           "守护劳动者权益,工会在行动\n\n本报讯 6月4日,某区总工会开展普法活动。\n")
    arts = list(split_page(raw, "page.txt"))
    assert [a.title for a in arts] == ["某镇总工会启动安康杯竞赛", "守护劳动者权益,工会在行动"]
    assert "俞建新宣读了本年度竞赛活动实施方案" in arts[0].text and "各功能室" in arts[0].text


def test_a_traditional_record_sets_its_caption_and_byline_apart() -> None:
    """``王嬌萍慰問企業職工。`` over ``本報訊 記者金鈞胤攝影報道 …``: the caption above a traditional
    dateline is no part of the lead, and the reporter is read."""
    text = "王嬌萍慰問企業職工。\n本報訊 記者金鈞胤攝影報道 寒冬送溫暖。1月18日,全總慰問團來浙江開展送溫暖活動。\n"
    rec = json.dumps({"title": "全總慰問團赴浙江開展送溫暖活動", "text": text}, ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert a.text.startswith("本報訊") and "金鈞胤" in a.authors


@pytest.mark.parametrize(("text", "opening", "day"), [
    ("兴山区召开妇女代表大会\n【发布时间:2018-07-23 13:42:00】7月20日上午,兴山区召开第六次妇女代表大会。区委书记孙立新出席大会。\n",
     "7月20日上午,兴山区召开", "2018-07-20"),
    ("司机集中入会仪式举行\n来源:工人日报客户端 日期:2024-11-11“加入工会大家庭,让我们有了温暖的家。”11月8日,某市总工会举办集中入会仪式。\n",
     "“加入工会大家庭", "2024-11-08"),
])
def test_a_lead_glued_to_its_stamp_is_read(text: str, opening: str, day: str) -> None:
    """A scraper that loses line breaks glues the lead to the publication stamp: the stamp is meta
    (it gives the year), the rest the lead."""
    rec = json.dumps({"title": text.split("\n", 1)[0], "text": text}, ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert a.text.startswith(opening), a.text
    assert a.date == day


def test_a_one_sentence_lead_that_says_the_headline_is_the_lead() -> None:
    """``沛县总工会召开会议`` over ``5月11日,沛县总工会召开会议。``: a sentence that holds the headline is
    the lead (with its date), not the headline repeated."""
    rec = json.dumps({"title": "沛县总工会召开会议", "text": "沛县总工会召开会议\n发布时间:2024-05-15\n5月11日,沛县总工会召开会议。"},
                     ensure_ascii=False)
    [a] = list(read_jsonl_text(rec + "\n", "web.jsonl"))
    assert isinstance(a, Article)
    assert a.text == "5月11日,沛县总工会召开会议。" and a.date == "2024-05-11"


def test_a_lone_surrogate_in_a_json_line_is_replaced_not_fatal() -> None:
    """``"\\ud800"`` escaped alone in a JSON line is no character (no UTF-8 can hold it): it reads as
    U+FFFD and the article is built; a pair reads as the one character it codes."""
    lines = ('{"title":"a","text":"3月2日,某市总工会召开会议\\ud800。"}\n'
             '{"title":"b","text":"3月3日,某市总工会召开会议\\ud83d\\ude00。"}\n')
    a, b = list(read_jsonl_text(lines, "web.jsonl"))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.text == "3月2日,某市总工会召开会议\ufffd。" and a.id.encode("utf-8")
    assert b.text == "3月3日,某市总工会召开会议\U0001f600。"
