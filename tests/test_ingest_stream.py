"""Ingest of big and odd inputs: text streamed page by page, skipped files and duplicate articles
counted, decoding hints that fit the file, JSON errors worded right (issue 15, items 6 and 7)."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from unionkg.cli import cli
from unionkg.errors import InputError
from unionkg.ingest import iter_articles, readers, split_page
from unionkg.ingest.readers import IngestReport, RawRecord, parse_record
from unionkg.ingest.split import _Page, split_lines
from unionkg.types import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PAGE_1 = """责任编辑: 甲一 校对: 甲二
南方工报 2024年4月9日 星期二 第3版

佛山市总工会召开全委会

本报讯 4月8日,佛山市总工会召开第十五届全委会,主席张建国主持会议。

南海区总工会开展普法宣传

本报讯 4月8日,南海区总工会开展劳动法律监督普法宣传活动。
"""
PAGE_2 = """责任编辑: 乙一 校对: 乙二
南方工报 2024年4月10日 星期三 第4版

广州市总工会召开党组会议

本报讯 4月9日,广州市总工会召开党组会议,传达学习会议精神。
"""


def test_each_page_of_a_text_has_its_own_editors_number_and_date() -> None:
    arts = split_page(PAGE_1 + "\n" + PAGE_2)
    assert [a.title for a in arts] == ["佛山市总工会召开全委会", "南海区总工会开展普法宣传", "广州市总工会召开党组会议"]
    assert [a.page for a in arts] == ["3", "3", "4"]
    assert [a.published for a in arts] == ["2024-04-09", "2024-04-09", "2024-04-10"]
    assert [n for n, _ in arts[0].editors] == ["甲一", "甲二"]
    assert [n for n, _ in arts[2].editors] == ["乙一", "乙二"]
    for a in arts:  # offsets still lead back into the article's own page
        assert [a.raw[a.offsets[k]] for k in range(6)] == list(a.text[:6])


def test_lines_after_the_last_article_stay_with_its_page() -> None:
    text = "佛山市总工会召开全委会\n\n本报讯 4月8日,佛山市总工会召开全委会。\n\n编辑:黄倩雯\n\n责任编辑:罗嘉琪\n\n阅读原文\n"
    [art] = list(split_lines(text.splitlines(keepends=True)))
    assert art.title == "佛山市总工会召开全委会" and [n for n, _ in art.editors] == ["罗嘉琪"]
    assert art.raw == text  # the trailing lines were taken back into the page


class _Counting:
    """Lines handed out one at a time, counting how many have been read."""

    def __init__(self, lines: list[str]) -> None:
        self.lines, self.read = lines, 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.read += 1
            yield line


def test_articles_come_out_before_the_input_is_read_whole() -> None:
    pages = _Counting(((PAGE_1 + "\n") * 50).splitlines(keepends=True))
    it = split_lines(pages)
    first = next(it)
    assert first.title == "佛山市总工会召开全委会"
    assert pages.read < len(pages.lines) // 10  # a page or two, not the 50 pages
    assert sum(1 for _ in it) == 50 * 2 - 1


def test_a_page_without_breaks_is_cut_at_a_headline_and_keeps_its_metadata() -> None:
    body = "".join(f"第{i}条消息\n\n本报讯 4月8日,佛山市总工会召开第{i}次会议。\n\n" for i in range(200))
    text = "责任编辑: 甲一\n南方工报 2024年4月9日 星期二 第3版\n\n" + body
    lines = _Counting(text.splitlines(keepends=True))
    it = split_lines(lines, max_page_chars=500)
    first = next(it)
    assert lines.read < len(lines.lines) // 4
    arts = [first]
    for art in it:  # however many cuts, only the page being read and the one before stay alive
        arts.append(art)
        if len(arts) % 25 == 0:
            assert sum(isinstance(o, _Page) for o in gc.get_objects()) <= 3
    assert [a.title for a in arts] == [f"第{i}条消息" for i in range(200)]
    assert {a.page for a in arts} == {"3"} and {a.published for a in arts} == {"2024-04-09"}
    assert {tuple(n for n, _ in a.editors) for a in arts} == {("甲一",)}
    uncut = split_lines(text.splitlines(keepends=True), max_page_chars=10**9)
    assert [(a.id, a.text, a.date, a.authors) for a in uncut] == [(a.id, a.text, a.date, a.authors) for a in arts]


def _articles(paths: list[str]) -> list[Article | InputError]:
    return list(iter_articles(paths))


def test_a_file_read_in_small_chunks_gives_the_same_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "pages.txt"
    src.write_text((PAGE_1 + "\r\n" + PAGE_2) * 3, encoding="utf-8")
    whole = _articles([str(src)])
    monkeypatch.setattr(readers, "HEAD_BYTES", 64)
    monkeypatch.setattr(readers, "_CHUNK", 7)  # cuts characters and \r\n pairs
    chunked = _articles([str(src)])
    assert len(whole) == 9 and [a.id for a in whole if isinstance(a, Article)] == [
        a.id for a in chunked if isinstance(a, Article)]
    assert all(isinstance(a, Article) for a in chunked)


def test_a_bad_byte_deep_in_a_big_file_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "HEAD_BYTES", 256)
    monkeypatch.setattr(readers, "_CHUNK", 64)
    src = tmp_path / "big.txt"
    good = (PAGE_1 + "\n") * 4
    src.write_bytes(good.encode("utf-8") + b"\xff\xfe broken\n" + PAGE_2.encode("utf-8"))
    items = _articles([str(src)])
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and errors[0].line == good.count("\n") + 1
    assert f"big.txt:{good.count(chr(10)) + 1}" in str(errors[0])
    assert sum(isinstance(i, Article) for i in items) == 8  # the pages before it were read


def test_stdin_json_lines_and_empty_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import io
    import sys

    lines = [json.dumps({"title": f"标题{i}", "text": f"本报讯 3月{i}日,广州市总工会召开会议。"}, ensure_ascii=False)
             for i in range(1, 4)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("\n".join(lines) + "\n").encode())))
    recs = list(readers.iter_records(["-"]))
    assert [r.line for r in recs if isinstance(r, RawRecord)] == [1, 2, 3]
    (tmp_path / "blank.txt").write_text("\n  \n", encoding="utf-8")
    [err] = _articles([str(tmp_path / "blank.txt")])
    assert isinstance(err, InputError) and "empty file" in str(err)


@pytest.mark.parametrize(("data", "says", "hint"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document", "pdftotext"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), "a ZIP archive", "plain text"),
    ("佛山市总工会召开会议\n本报讯 佛山市总工会召开会议。\n".encode("utf-16-le"), "UTF-16 text without a byte-order mark",
     "iconv -f UTF-16LE"),
    (bytes(range(256)) * 4, "binary data", "plain text (.txt, UTF-8 or GB18030)"),
    (bytes(range(128, 256)) * 4, "cannot decode as UTF-8 or GB18030", "file -i FILE"),
])
def test_a_file_that_is_not_text_gets_a_hint_that_fits(tmp_path: Path, data: bytes, says: str, hint: str) -> None:
    src = tmp_path / "input.txt"
    src.write_bytes(data)
    [err] = _articles([str(src)])
    assert isinstance(err, InputError) and says in str(err) and hint in (err.hint or "")
    assert "-f GBK" not in (err.hint or "")  # GB18030 (a superset of GBK) was tried already


def test_malformed_json_is_worded_once() -> None:
    err = parse_record(RawRecord("a.jsonl", 3, '{"title": "断行", "text": "本报讯'))
    assert isinstance(err, InputError)
    assert "Unterminated string starting at column 25" in str(err) and "at at" not in str(err)


def test_build_reports_skipped_files_and_duplicate_articles(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "pages.txt").write_text((PAGE_1 + "\n") * 5, encoding="utf-8")
    (src / "notes.md").write_text("# notes\n", encoding="utf-8")
    (src / "meta.json").write_text("{}", encoding="utf-8")
    (src / "old.json").write_text("{}", encoding="utf-8")
    (src / ".hidden").write_text("x", encoding="utf-8")
    report = IngestReport()
    assert sum(1 for _ in iter_articles([str(src)], report=report)) == 10
    assert report.line() == "3 files skipped (not .txt/.jsonl: 2 .json, 1 .md)"
    res = CliRunner().invoke(cli, ["build", str(src), str(src / "pages.txt"), "-o", str(tmp_path / "out"),
                                   "--no-html", "--quiet"])
    assert res.exit_code == 0, res.output
    assert "2 articles" in res.stdout
    assert "18 duplicate articles skipped" in res.stdout  # 5 copies of 2 articles, read twice
    assert "3 files skipped (not .txt/.jsonl: 2 .json, 1 .md)" in res.stdout


def test_the_example_page_repeated_streams_to_its_own_articles(tmp_path: Path) -> None:
    page = (EXAMPLES / "sample_page.txt").read_text(encoding="utf-8")
    once = split_page(page)
    many = split_page((page.rstrip("\n") + "\n\n") * 30)
    assert len(many) == 30 * len(once)
    assert {a.id for a in many} == {a.id for a in once}
