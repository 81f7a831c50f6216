"""The facts export: one JSON object per article, as ONTOLOGY.md specifies (plus extra keys).

Relations whose graph end is an Event are written flat with the event's organiser in its place;
``event`` names the event and ``events`` lists them with their organiser (HELD_BY).
"""

from __future__ import annotations

from typing import Any

import orjson

from ..types import Article, Entity, Relation
from .extractor import ArticleFacts


def facts_json(obj: dict[str, Any]) -> str:
    """One line of facts.jsonl (compact UTF-8 JSON, no newline)."""
    return orjson.dumps(obj).decode()


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "subtitle": a.subtitle, "date": a.date, "published": a.published,
        "source": a.source, "url": a.url, "page": a.page, "section": a.section, "authors": list(a.authors),
        "editors": [{"name": n, "role": r} for n, r in a.editors], "origin": a.origin,
    }


def entity_dict(e: Entity) -> dict[str, Any]:
    """An entity's object; enum members stand for their values (they are ``str``, and orjson writes
    them so) to spare the enum look-ups."""
    d: dict[str, Any] = {"type": e.label, "name": e.name}
    if e.aliases:
        d["aliases"] = list(e.aliases)
    for k, v in e.props:
        d[k] = v
    return d


def relation_dict(r: Relation) -> dict[str, Any]:
    d: dict[str, Any] = {"type": r.type, "head": r.head, "tail": r.tail,
                         "head_type": r.head_label, "tail_type": r.tail_label}
    if r.event:
        d["event"] = r.event
    for k, v in r.props:
        d[k] = v
    d["evidence"] = r.evidence.to_dict()
    return d


def fact_line(f: ArticleFacts) -> dict[str, Any]:
    """The JSON object written to ``facts.jsonl`` for one article."""
    return {
        "article": article_dict(f.article),
        "entities": [entity_dict(e) for e in f.entities],
        "events": [
            {"id": ev.id, "kind": ev.kind.value, "title": ev.title, "date": ev.date, "organiser": ev.organiser,
             "organiser_type": ev.organiser_label.value if ev.organiser_label else None,
             "sentence": {"start": ev.evidence.start if ev.evidence else 0,
                          "end": ev.evidence.end if ev.evidence else 0}}
            for ev in f.events
        ],
        "relations": [relation_dict(r) for r in f.relations],
        "text": f.article.text,
    }
