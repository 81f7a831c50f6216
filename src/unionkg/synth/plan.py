"""Plan a corpus: planted cascades down the union hierarchy, then background articles.

A cascade starts at a province or city union (the origin launches the campaign) and is adopted
by some of the unions one level down after a random lag, and so on down to town/street unions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from ..types import BodyLevel
from .hierarchy import Hierarchy
from .lexicon import Lexicon
from .render import Campaign, Spec

CASCADE_SHARE = 0.35
LEVEL_WEIGHTS = ((BodyLevel.PROVINCE, 0.08), (BodyLevel.CITY, 0.32), (BodyLevel.DISTRICT, 0.35), (BodyLevel.TOWN, 0.25))
KIND_WEIGHTS = (("meeting", 0.45), ("visit", 0.25), ("publicity", 0.30))
FANOUT = {BodyLevel.PROVINCE: (2, 7), BodyLevel.CITY: (1, 4), BodyLevel.DISTRICT: (0, 3)}


@dataclass(frozen=True)
class Adoption:
    code: str
    parent: str | None
    day: int
    origin: bool


@dataclass(frozen=True)
class Cascade:
    campaign: Campaign
    adoptions: tuple[Adoption, ...]


def campaign_names(rng: random.Random, lex: Lexicon) -> list[Campaign]:
    """Every invented campaign name in a seeded order: ``"安薪护航"行动``, ``"匠心·筑梦"``, ``"1+3+N"服务体系``."""
    heads, tails, nums, sufs = lex["campaign_head"], lex["campaign_tail"], lex["campaign_num"], lex["campaign_suffix"]
    cores = [h + t for h in heads for t in tails if h != t]
    cores += [a + "·" + b for a in heads for b in heads if a != b]
    cores += [n + t for n in nums for t in tails]
    rng.shuffle(cores)
    out = []
    for core in cores:
        k = rng.choice((1, 2, 2, 3))
        out.append(Campaign(core, tuple(rng.sample(sufs, k))))
    return out


def plan_cascade(rng: random.Random, h: Hierarchy, campaign: Campaign, year: int, budget: int) -> Cascade:
    level = BodyLevel.PROVINCE if rng.random() < 0.5 else BodyLevel.CITY
    pool = [c for c in h.by_level[level] if h.children.get(c)]
    origin = rng.choice(pool)
    start = date(year, 1, 10).toordinal() + rng.randrange(230)
    last = date(year, 12, 20).toordinal()
    found = [Adoption(origin, None, start, True)]
    frontier = [found[0]]
    while frontier:
        a = frontier.pop()
        u = h.units[a.code]
        lo, hi = FANOUT.get(u.level, (0, 0))
        kids = h.children.get(a.code, ())
        k = min(len(kids), rng.randint(lo, hi)) if hi else 0
        for kid in rng.sample(kids, k):
            day = a.day + rng.randint(2, 25)
            if day <= last:
                b = Adoption(kid, a.code, day, False)
                found.append(b)
                frontier.append(b)
    found.sort(key=lambda a: (a.day, a.code))
    return Cascade(campaign, tuple(found[:budget]))


def plan_corpus(n: int, seed: int, h: Hierarchy, lex: Lexicon, year: int = 2024) -> tuple[list[Spec], list[Cascade]]:
    """Specs of ``n`` articles in publication order, and the cascades they plant."""
    rng = random.Random(seed)
    names = campaign_names(rng, lex)
    budget = int(n * CASCADE_SHARE) if n >= 10 else min(n, 3)
    cascades: list[Cascade] = []
    while budget > 0 and len(cascades) < len(names):
        c = plan_cascade(rng, h, names[len(cascades)], year, budget)
        cascades.append(c)
        budget -= len(c.adoptions)
    specs: list[tuple[int, int, Spec]] = []
    for c in cascades:
        for a in c.adoptions:
            kind = "launch" if a.origin else rng.choice(("launch", "launch", "meeting", "meeting", "publicity"))
            spec = Spec(0, kind, a.code, a.day, rng.getrandbits(48), c.campaign, a.parent, a.origin)
            specs.append((a.day, len(specs), spec))
    levels = [lv for lv, _ in LEVEL_WEIGHTS]
    lw = [w for _, w in LEVEL_WEIGHTS]
    kinds = [k for k, _ in KIND_WEIGHTS]
    kw = [w for _, w in KIND_WEIGHTS]
    first = date(year, 1, 2).toordinal()
    span = date(year, 12, 28).toordinal() - first
    while len(specs) < n:
        level = rng.choices(levels, lw)[0]
        code = rng.choice(h.by_level[level])
        kind = rng.choices(kinds, kw)[0]
        day = first + rng.randrange(span)
        specs.append((day, len(specs), Spec(0, kind, code, day, rng.getrandbits(48))))
    specs.sort(key=lambda t: (t[0], t[1]))
    out = [Spec(i, s.kind, s.unit, s.day, s.seed, s.campaign, s.parent, s.origin, s.target)
           for i, (_, _, s) in enumerate(specs)]
    return out, cascades
