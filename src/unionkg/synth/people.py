"""Invented people: names from surname and given-name lists, and the leaders of each union."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..types import BodyLevel
from .hierarchy import Unit
from .lexicon import Lexicon


def person_name(rng: random.Random, lex: Lexicon) -> str:
    """A plausible invented name: a surname and one or (mostly) two given-name characters."""
    given = lex["given"]
    name = rng.choice(lex["surname"]) + rng.choice(given)
    if rng.random() < 0.78:
        name += rng.choice(given)
    return name


@dataclass(frozen=True)
class Roster:
    """The leaders of one union and the positions they hold, as the genre writes them."""

    chair: str
    chair_title: str
    chair_npc: bool
    executive: str
    executive_title: str
    vices: tuple[str, ...]
    correspondents: tuple[str, ...]
    pen_name: str


def make_roster(unit: Unit, seed: int, lex: Lexicon) -> Roster:
    """Leaders of ``unit``, the same for the same seed whatever the order of generation."""
    rng = random.Random(f"{seed}:{unit.code}")
    names: list[str] = []
    while len(names) < 7:
        n = person_name(rng, lex)
        if n not in names:
            names.append(n)
    party = rng.random() < 0.6
    npc = unit.level in (BodyLevel.CITY, BodyLevel.DISTRICT, BodyLevel.PROVINCE) and rng.random() < 0.5
    chair_title = "党组书记、主席" if party else "主席"
    exec_title = "党组副书记、常务副主席" if party else "党组书记、常务副主席"
    if unit.level is BodyLevel.TOWN:
        chair_title, exec_title = "主席", "常务副主席"
    pen = unit.short_place[:3] + ("工宣" if unit.level in (BodyLevel.PROVINCE, BodyLevel.CITY) else "工")
    return Roster(names[0], chair_title, npc, names[1], exec_title, tuple(names[2:5]), tuple(names[5:7]), pen)
