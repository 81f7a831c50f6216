"""The ontology (labels, relationship types) and the plain data passed between stages.

The contract is ``ONTOLOGY.md`` of the project: every label and relationship type the graph,
the facts export and the sinks use is defined here, once. Nothing here imports the package.

Offsets are half-open character offsets into the *cleaned* article text (``Article.text``),
as in spaCy's ``Span.start_char``/``end_char``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Label(StrEnum):
    """Node labels of the graph."""

    PERSON = "Person"
    UNION_BODY = "UnionBody"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    CAMPAIGN = "Campaign"
    LAW = "Law"
    EVENT = "Event"
    ARTICLE = "Article"


#: The six entity labels that the facts export lists under ``entities`` and the scorer reads.
ENTITY_LABELS: tuple[Label, ...] = (
    Label.PERSON,
    Label.UNION_BODY,
    Label.ORGANIZATION,
    Label.PLACE,
    Label.CAMPAIGN,
    Label.LAW,
)


class RelType(StrEnum):
    """Relationship types of the graph."""

    CHAIRED = "CHAIRED"
    LED = "LED"
    ATTENDED = "ATTENDED"
    SPOKE = "SPOKE"
    INVITED = "INVITED"
    HELD_BY = "HELD_BY"
    IMPLEMENTS = "IMPLEMENTS"
    VISITED = "VISITED"
    HOLDS_POSITION = "HOLDS_POSITION"
    LOCATED_IN = "LOCATED_IN"
    SUBORDINATE_TO = "SUBORDINATE_TO"
    REPORTED = "REPORTED"
    MENTIONS = "MENTIONS"


#: Person → Event roles; written flat (Person → organiser) in the facts export.
ROLE_TYPES: frozenset[RelType] = frozenset(
    {RelType.CHAIRED, RelType.LED, RelType.ATTENDED, RelType.SPOKE}
)
#: Relations scored once for the whole corpus rather than per article.
HIERARCHY_TYPES: frozenset[RelType] = frozenset({RelType.LOCATED_IN, RelType.SUBORDINATE_TO})


class Mode(StrEnum):
    """How a body took up a campaign (property ``mode`` of IMPLEMENTS)."""

    STUDY = "study"
    IMPLEMENT = "implement"
    PUBLICIZE = "publicize"


class PlaceLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    TOWN = "town"
    VENUE = "venue"


class BodyLevel(StrEnum):
    """Administrative level of a union body; ``national`` for 中华全国总工会."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    TOWN = "town"
    GRASSROOTS = "grassroots"


class EventKind(StrEnum):
    MEETING = "meeting"
    STUDY = "study"
    VISIT = "visit"
    PUBLICITY = "publicity"
    OTHER = "other"


@dataclass(frozen=True)
class Article:
    """One news item after ingest: metadata and its cleaned text.

    ``offsets[i]`` is the index in ``raw`` of the character ``text[i]`` (the offset map back to
    the raw input); ``raw`` is the slice of the input the article came from.
    """

    id: str
    title: str
    text: str
    subtitle: str | None = None
    date: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    page: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[tuple[str, str], ...] = ()
    origin: str = ""
    raw: str = ""
    offsets: tuple[int, ...] = ()
    year: int | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` to the raw input (``raw[a:b]``)."""
        if not self.offsets:
            return start, end
        if start >= end:
            a = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return a, a
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Mention:
    """A stretch of article text naming an entity or an event."""

    label: Label
    text: str
    start: int
    end: int
    rule: str
    canonical: str = ""
    attrs: tuple[tuple[str, Any], ...] = ()

    @property
    def name(self) -> str:
        return self.canonical or self.text

    def attr(self, key: str, default: Any = None) -> Any:
        for k, v in self.attrs:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class Evidence:
    """Where a relation comes from: sentence, offsets into the cleaned article text, rule id."""

    article: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Entity:
    """An entity of one article, after in-article resolution (short forms expanded)."""

    label: Label
    name: str
    aliases: tuple[str, ...] = ()
    props: tuple[tuple[str, Any], ...] = ()

    def prop(self, key: str, default: Any = None) -> Any:
        for k, v in self.props:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class Event:
    """A meeting, study session, visit or activity reported by an article."""

    id: str
    kind: EventKind
    title: str
    date: str | None
    organiser: str | None
    organiser_label: Label | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Relation:
    """A typed edge between two entity names (or an event), with its evidence.

    ``head``/``tail`` are entity names; for roles the graph end is ``event`` and the flat
    export puts the event's organiser in its place.
    """

    type: RelType
    head: str
    tail: str
    head_label: Label
    tail_label: Label
    evidence: Evidence
    event: str | None = None
    props: tuple[tuple[str, Any], ...] = field(default=())

    def prop(self, key: str, default: Any = None) -> Any:
        for k, v in self.props:
            if k == key:
                return v
        return default
