"""Every registered rule fires on its example, asserted by rule id and exact output; a rule
switched off makes nothing; the registry and what the code emits agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unionkg.extract import Extractor
from unionkg.extract.extractor import ArticleFacts
from unionkg.extract.rules import RULES, STAGES, Rule, registry
from unionkg.ingest.split import finish_article

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def ner_extractor() -> Extractor:
    return Extractor(ner=True)


def _for(rule: Rule, plain: Extractor, request: pytest.FixtureRequest) -> Extractor:
    """The optional NER's rules fire with the NER (the extra is in the test dependencies)."""
    return request.getfixturevalue("ner_extractor") if rule.id.startswith("person.ner") else plain


def _extract(extractor: Extractor, example: str) -> ArticleFacts:
    """The facts of an example (``标题‖正文``; ``\\n`` in the data file breaks a paragraph)."""
    title, _, text = example.replace("\\n", "\n").rpartition("‖")
    return extractor.extract(finish_article(text, list(range(len(text))), text, title=title or "标题"))


def _outputs(facts: ArticleFacts, rule: str) -> set[str]:
    """What ``rule`` made, in the registry's notation."""
    out = {f"{m.label.value}:{m.name}" for m in facts.mentions if m.rule == rule}
    out |= {f"{e.label.value}:{e.name}" for e in facts.entities if rule in (e.prop("rule"),)}
    out |= {f"{r.type.value}:{r.head}>{r.tail}" for r in facts.relations if r.evidence.rule == rule}
    out |= {f"REPORTED:{r.head}" for r in facts.relations if r.evidence.rule == rule and r.type.value == "REPORTED"}
    out |= {f"HELD_BY:{ev.organiser}" for ev in facts.events if ev.evidence and ev.evidence.rule == rule}
    return out


def _named(facts: ArticleFacts) -> dict[str, str]:
    """Mention name → the name the facts give it (short forms are shown by their place)."""
    return {m.name: m.name for m in facts.mentions}


@pytest.mark.parametrize("rule", [r for r in registry() if r.stage != "model"], ids=lambda r: r.id)
def test_each_rule_fires_on_its_example(extractor: Extractor, rule: Rule, request: pytest.FixtureRequest) -> None:
    facts = _extract(_for(rule, extractor, request), rule.example)
    got = _outputs(facts, rule.id)
    assert rule.expected in got, (rule.id, got)


def test_the_hierarchy_rule_fires_in_the_model(extractor: Extractor) -> None:
    from unionkg.extract.facts import fact_line
    from unionkg.model import build_graph

    rule = next(r for r in registry() if r.id == "hierarchy.divisions.v1")
    g = build_graph([fact_line(_extract(extractor, rule.example))])
    kind, _, ends = rule.expected.partition(":")
    head, tail = ends.split(">")
    assert any(d.get("type") == kind and d.get("rule") == rule.id and g.nodes[u]["name"] == head
               and g.nodes[v]["name"] == tail for u, v, d in g.edges(data=True)), rule.expected


@pytest.mark.parametrize("rule", [r for r in registry() if r.stage != "model" and r.id != "event.lead.v1"],
                         ids=lambda r: r.id)
def test_a_rule_switched_off_makes_nothing(extractor: Extractor, rule: Rule, request: pytest.FixtureRequest) -> None:
    """(``event.lead.v1`` names an event no organiser rule found: it stays, holding nothing.)"""
    facts = _extract(_for(rule, extractor, request).without(frozenset({rule.id})), rule.example)
    assert not _outputs(facts, rule.id), rule.id


def test_registry_is_ordered_by_stage_and_ids_are_unique() -> None:
    rules = registry()
    assert len({r.id for r in rules}) == len(rules)
    stages = [STAGES.index(r.stage) for r in rules]
    assert stages == sorted(stages)
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_0-9]+\.v\d+", r.id) for r in rules)


def test_every_rule_id_the_code_names_is_registered() -> None:
    """No rule fires that the registry does not list, and none listed is dead code."""
    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "unionkg").rglob("*.py"))
    named = set(re.findall(r'"([a-z_]+\.[a-z_0-9]+\.v1)"', src))
    named |= {f"implements.{m}.v1" for m in ("study", "implement", "publicize")} if 'f"implements.{' in src else set()
    named = {n for n in named if not n.startswith("role.")} | {r.id for r in registry() if r.id.startswith("role.")}
    named |= {n for n in re.findall(r'"(role\.[a-z_]+\.v1)"', src)}
    assert named == set(RULES), (named - set(RULES), set(RULES) - named)


def test_the_rules_command_lists_them() -> None:
    from click.testing import CliRunner

    from unionkg.cli import cli

    res = CliRunner().invoke(cli, ["rules", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert {r["id"] for r in rows} == set(RULES)
