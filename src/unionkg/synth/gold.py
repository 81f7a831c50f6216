"""The gold of one synthetic article, in the format of the hand gold (``shared/gold/*.gold.json``)."""

from __future__ import annotations

from typing import Any


class GoldArticle:
    """Entities and relations of one article, deduplicated; an item stays ``opt`` only if every
    mention of it was optional."""

    __slots__ = ("id", "title", "subtitle", "date", "_ents", "_rels", "places", "bodies")

    def __init__(self, aid: str, title: str = "", subtitle: str | None = None, date: str | None = None):
        self.id = aid
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self._ents: dict[tuple[str, str], dict[str, Any]] = {}
        self._rels: dict[tuple[str, str, str], dict[str, Any]] = {}
        #: unit codes whose place / whose 总工会 the article names (for the hierarchy edges)
        self.places: set[str] = set()
        self.bodies: set[str] = set()

    def entity(self, type_: str, name: str, aka: tuple[str, ...] = (), opt: bool = False) -> str:
        key = (type_, name)
        e = self._ents.get(key)
        if e is None:
            e = {"type": type_, "name": name}
            if aka:
                e["aka"] = list(aka)
            if opt:
                e["opt"] = True
            self._ents[key] = e
        elif not opt and e.get("opt"):
            del e["opt"]
        return name

    def relation(self, type_: str, head: str, tail: str, opt: bool = False, **props: Any) -> None:
        key = (type_, head, tail)
        r = self._rels.get(key)
        if r is None:
            r = {"type": type_, "head": head, "tail": tail, **props}
            if opt:
                r["opt"] = True
            self._rels[key] = r
        elif not opt and r.get("opt"):
            del r["opt"]

    def has_entity(self, type_: str, name: str) -> bool:
        return (type_, name) in self._ents

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.subtitle:
            out["subtitle"] = self.subtitle
        out["date"] = self.date
        out["entities"] = list(self._ents.values())
        out["relations"] = list(self._rels.values())
        return out
