"""`unionkg build` / `eval` / `export` through click's CliRunner: exit codes, messages, errors.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from unionkg.cli import cli

from shared_paths import SEED, SEED_GOLD, need


def test_thousand_articles_with_one_broken_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"x{i}", "title": f"某区总工会工作动态{i}", "date": "2024-05-01",
                         "text": f"本报讯 4月{i % 28 + 1}日,广州市天河区总工会召开第{i}次工作会议。"}, ensure_ascii=False)
             for i in range(1000)]
    lines[499] = '{"title": "断行", "text": "本报讯'
    src = tmp_path / "big.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--no-html", "--quiet"])
    assert res.exit_code == 1
    assert "big.jsonl:500" in res.output and "malformed JSON" in res.output
    facts = [json.loads(x) for x in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(1 for f in facts if "article" in f) == 999
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 1 and errors[0]["line"] == 500


def test_build_then_eval_and_export(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(need(SEED)), "-o", str(tmp_path / "b"), "--no-html", "--quiet"])
    assert res.exit_code == 0, res.output
    assert "7 articles" in res.output
    res = runner.invoke(cli, ["eval", str(need(SEED_GOLD)), str(tmp_path / "b" / "facts.jsonl")])
    assert res.exit_code == 0
    assert res.output.strip().splitlines()[-1].endswith("articles=7/7 dates=5/5")
    res = runner.invoke(cli, ["export", str(tmp_path / "b"), "--format", "graphml", "-o", str(tmp_path / "x")])
    assert res.exit_code == 0 and (tmp_path / "x" / "graph.graphml").exists()


def test_missing_input_and_missing_build(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o"), "--no-html"])
    assert res.exit_code == 1 and "no such file or directory" in res.output
    res = runner.invoke(cli, ["export", str(tmp_path)])
    assert res.exit_code == 1 and "no graph.sqlite" in res.output and "unionkg build" in res.output


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name, cmd in cli.commands.items():  # type: ignore[attr-defined]
        res = runner.invoke(cli, [name, "--help"])
        first = (cmd.help or "").split("\n")[0][:20]
        assert res.exit_code == 0 and len(first) >= 10 and first in res.output, name


def test_an_extractor_bug_costs_one_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from unionkg.pipeline import Extraction

    real = Extraction.facts

    def flaky(self, article):  # type: ignore[no-untyped-def]
        if "第3次" in article.text:
            raise ValueError("a rule's bug")
        return real(self, article)

    monkeypatch.setattr(Extraction, "facts", flaky)
    lines = [json.dumps({"id": f"y{i}", "title": f"某区总工会工作动态{i}",
                         "text": f"本报讯 4月{i + 1}日,广州市天河区总工会召开第{i}次工作会议。"}, ensure_ascii=False)
             for i in range(6)]
    src = tmp_path / "six.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--no-html", "--quiet"])
    assert res.exit_code == 1 and "the extractor failed" in res.output, res.output
    facts = [json.loads(x) for x in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(f["article"]["id"] for f in facts if "article" in f) == ["y0", "y1", "y2", "y4", "y5"]
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 1 and "y3" in errors[0]["error"] and "report" in errors[0]["hint"]


ARTICLE = {"id": "ner1", "title": "南湖区总工会召开全委会议", "date": "2024-05-06",
           "text": "5月6日,南湖区总工会召开全委会议。区总工会党组书记、主席仉立新主持会议并讲话。"
                   "区总工会副主席罗秋云出席会议。"}


def _people(out: Path) -> set[str]:
    facts = [json.loads(x) for x in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    return {e["name"] for f in facts if "article" in f for e in f["entities"] if e["type"] == "Person"}


def test_build_options_ner_and_disabled_rules(tmp_path: Path) -> None:
    """--ner adds the tagger's people (仉 is no surname of the rules' table), --disable-rule drops a
    rule's output; each option gets its own cache entries, and the process is left as it was."""
    import os

    from unionkg.pipeline import DISABLED_ENV, NER_ENV, extractor_fingerprint

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    base = extractor_fingerprint()
    res = runner.invoke(cli, ["build", str(src), "-o", str(out), "--no-html", "--quiet"])
    assert res.exit_code == 0, res.output
    assert _people(out) == {"罗秋云"}
    res = runner.invoke(cli, ["build", str(src), "-o", str(out), "--no-html", "--quiet", "--ner"])
    assert res.exit_code == 0, res.output
    assert "(0 from cache)" in res.output and _people(out) == {"罗秋云", "仉立新"}
    res = runner.invoke(cli, ["build", str(src), "-o", str(out), "--no-html", "--quiet",
                              "--disable-rule", "person.title_chain.v1"])
    assert res.exit_code == 0, res.output
    assert "(0 from cache)" in res.output and _people(out) == set()
    res = runner.invoke(cli, ["build", str(src), "-o", str(out), "--no-html", "--quiet", "--disable-rule", "no.such.v1"])
    assert res.exit_code == 1 and "unknown rule id no.such.v1" in res.output and "unionkg rules" in res.output
    assert NER_ENV not in os.environ and DISABLED_ENV not in os.environ and extractor_fingerprint() == base
def test_explain_merges_reads_the_store(tmp_path: Path) -> None:
    rows = [{"id": f"m{i}", "title": f"广州市总工会召开会议{i}", "date": "2024-03-0" + str(i + 1),
             "text": f"本报讯 3月{i + 1}日,广州市总工会召开会议。广州市总工会副主席张伟主持会议。"} for i in range(2)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "b"), "--no-html", "--quiet",
                                   "--explain-merges"])
    assert res.exit_code == 0, res.output
    lines = [x for x in res.output.splitlines() if " -> " in x]
    assert lines == [f"张伟 in m{i} -> Person:张伟@广州市总工会: holds a position in 广州市总工会" for i in range(2)]
