"""Campaign variants across articles, and why: ``"一函两书"``, ``"一函两书"工作制度`` and
``劳动法律监督"一函两书"制度`` are one policy; ``春季要约行动``, ``集中要约季``, ``要约行动月`` and
``2016年要约行动`` are the family ``集体协商要约行动``; ``中国工会十七大精神`` and ``十八大精神`` are two.

A name's *core* is its comparison key (simplified script, no quotes, spaces or 的; separators of a
slogan made one) without its year, its leading place and the generic affixes of
``data/campaign_affixes.tsv``. Names are one campaign when their keys are equal, when one ends the
other (``送清凉`` ⊂ ``夏送清凉``), when their cores are equal (three characters or more), or when
their cores (or a half of a slogan) are cores of one family of ``data/campaign_families.tsv``. Two
families are never joined. Every decision is kept (``CampaignGroups.decisions``) and written to the
store's ``campaign_merges`` table.

>>> fam = Families.load()
>>> fam.core("2024年集体协商“春季要约行动”")
'要约'
>>> fam.family_of("集中要约季").canonical
'集体协商要约行动'
>>> fam.family_of("情系职工·夏送清凉").canonical
'夏送清凉'
>>> fam.family_of("双要约") is None
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..ingest.normalize import campaign_key, same_campaign
from ..resources import read_rows

__all__ = ["Family", "Families", "CampaignMerge", "CampaignGroups", "group_campaigns", "slogan_key"]

_SEPARATORS = re.compile(r"[、,，·•・;；/]+")
#: what divides a slogan into halves as written (a space too: “冬日送温暖 情暖职工心”)
_HALVES = re.compile(r"[、,，·•・;；/\s]+")
#: what joins a theme to the programme it names: "协商共赢新征程·和谐同行新时代"为主题的集中要约专项活动
_THEME_OF = re.compile(r"为主题的?|主题的")
_MIN_CORE = 2  # affixes come off only while this much is left
_MIN_SHARED_CORE = 3  # cores this long or longer join names outside any family


def slogan_key(name: str) -> str:
    """``campaign_key`` without slogan separators (、 , · …): dotted, comma and spaced slogans
    compare equal.

    >>> slogan_key("尊法守法,携手筑梦") == slogan_key("“尊法守法·携手筑梦”") == slogan_key("尊法守法 携手筑梦")
    True
    """
    return _SEPARATORS.sub("", campaign_key(name))


def slogan_halves(name: str) -> list[str]:
    """The keys of a slogan's parts as written (``情系职工·夏送清凉`` → 情系职工, 夏送清凉); [] for one part."""
    parts = [campaign_key(p) for p in _HALVES.split(name.strip()) if p]
    return [p for p in parts if len(p) >= 2] if len(parts) > 1 else []


@dataclass(frozen=True)
class Family:
    """A policy and the cores its local names share."""

    canonical: str
    cores: re.Pattern[str]
    recurs: str  # "annual" or "once"
    documents: re.Pattern[str] | None = None  # titles of documents that carry it (its parts named)

    @property
    def annual(self) -> bool:
        return self.recurs == "annual"


@dataclass(frozen=True)
class Families:
    """The families and affixes of the data files, and a place-prefix test (optional)."""

    families: tuple[Family, ...]
    prefixes: re.Pattern[str]
    suffixes: re.Pattern[str]
    place_prefix: Callable[[str], int] | None = None

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> Families:
        fams = tuple(Family(r[0], re.compile(f"(?:{r[1]})"), (r[2] if len(r) > 2 else "once").strip(),
                            re.compile(r[3]) if len(r) > 3 and r[3].strip() else None)
                     for r in read_rows("campaign_families.tsv") if len(r) >= 2)
        pre = [r[1] for r in read_rows("campaign_affixes.tsv") if len(r) >= 2 and r[0] == "prefix"]
        suf = [r[1] for r in read_rows("campaign_affixes.tsv") if len(r) >= 2 and r[0] == "suffix"]
        return Families(fams, re.compile(f"^(?:{'|'.join(pre)})"), re.compile(f"(?:{'|'.join(suf)})$"),
                        _leading_place)

    def carries(self, campaign_names: Iterable[str], family: Family | None, title: str) -> bool:
        """Does the document ``title`` carry the campaign: it names it (a name of four characters
        or more), or a part the family's documents column names?"""
        k = slogan_key(title)
        if any(len(n) >= 4 and n in k for n in (slogan_key(x) for x in campaign_names)):
            return True
        return bool(family and family.documents and family.documents.search(k))

    def by_name(self, canonical: str) -> Family | None:
        return next((f for f in self.families if f.canonical == canonical), None)

    def strip(self, key: str, places: bool = True) -> tuple[str, tuple[str, ...]]:
        """``key`` without its generic affixes and (``places``) its leading place, and what came off
        (in order)."""
        taken: list[str] = []
        changed = True
        while changed:
            changed = False
            n = self.place_prefix(key) if self.place_prefix and places else 0
            if n and len(key) - n >= _MIN_CORE + 1:
                taken.append(key[:n])
                key, changed = key[n:], True
            m = self.prefixes.match(key)
            if m and m.end() and len(key) - m.end() >= _MIN_CORE:
                taken.append(m.group(0))
                key, changed = key[m.end():], True
            m = self.suffixes.search(key)
            if m and m.end() > m.start() and m.start() >= _MIN_CORE:
                taken.append("…" + m.group(0))
                key, changed = key[:m.start()], True
        return key, tuple(taken)

    def core(self, name: str) -> str:
        return self.strip(slogan_key(name))[0]

    def family_of(self, name: str) -> Family | None:
        """The family ``name`` belongs to (by its core, a half of its slogan, or the programme a
        theme names), or None."""
        return self.explain_family(name)[0]

    def explain_family(self, name: str) -> tuple[Family | None, str]:
        """The family of ``name`` and why, in words."""
        key = slogan_key(name)
        tries: list[tuple[str, str]] = [(key, "")]
        tries += [(half, f"the slogan's half {half}, ") for half in slogan_halves(name)]
        theme = _THEME_OF.search(key)
        if theme:
            tail = key[theme.end():]
            tries.append((tail, f"the programme {tail} the theme names, "))
        for text, how in tries:
            core, taken = self.strip(text)
            for fam in self.families:
                if fam.cores.fullmatch(core):
                    shown = sorted(taken, key=lambda t: t.startswith("…"))  # prefixes, then suffixes
                    off = f" ({' '.join(shown)} set aside)" if taken else ""
                    return fam, f"{how}core {core}{off} is a core of {fam.canonical}"
        return None, ""


def _leading_place(key: str) -> int:
    """``_place_prefix()(key)``: the division table is read on the first name stripped, not when
    the families load (a trace only looks families up: it need not read the table)."""
    return _place_prefix()(key)


@lru_cache(maxsize=1)
def _place_prefix() -> Callable[[str], int]:
    """Length of the province or city name (full or short: 福建省, 山东, 厦门) a name opens with."""
    from ..resources import division_rows

    names: set[str] = set()  # the table's rows, not the extractor's index of it: a trace need not build that
    for _code, name, short, level, *_ in division_rows():
        if level in ("province", "city"):
            names.add(name)
            if short and len(short) >= 2:
                names.add(short)
    lens = sorted({len(n) for n in names}, reverse=True)

    def place_prefix(key: str) -> int:
        return next((n for n in lens if key[:n] in names), 0)

    return place_prefix


@dataclass(frozen=True)
class CampaignMerge:
    """Why ``name`` is the campaign ``campaign``: the steps from the name to the group's name."""

    name: str
    campaign: str
    steps: tuple[tuple[str, str, str], ...]  # (from, to, why)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "campaign": self.campaign,
                "steps": [{"from": a, "to": b, "why": w} for a, b, w in self.steps]}


class CampaignGroups(dict[str, str]):
    """name → its group's name (a plain dict), with ``decisions``: one ``CampaignMerge`` per name."""

    decisions: list[CampaignMerge]
    family: dict[str, str]  # group name → the family it is (when it is one)


@dataclass
class _Groups:
    parent: dict[str, str] = field(default_factory=dict)
    family: dict[str, str] = field(default_factory=dict)  # root → family canonical
    links: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, why: str) -> bool:
        """Join the groups of ``a`` and ``b`` unless they are two families; keep why."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        fa, fb = self.family.get(ra), self.family.get(rb)
        if fa and fb and fa != fb:
            return False
        root, other = min(ra, rb), max(ra, rb)
        self.parent[other] = root
        if fa or fb:
            self.family[root] = fa or fb or ""
        self.links[a].append((b, why))
        self.links[b].append((a, why))
        return True

    def path(self, start: str, goal: str) -> list[tuple[str, str, str]]:
        """The recorded links from ``start`` to ``goal`` (breadth first)."""
        if start == goal:
            return []
        prev: dict[str, tuple[str, str]] = {start: ("", "")}
        todo = deque([start])
        while todo:
            x = todo.popleft()
            for y, why in sorted(self.links.get(x, ())):
                if y not in prev:
                    prev[y] = (x, why)
                    if y == goal:
                        out = []
                        while y != start:
                            x2, w = prev[y]
                            out.append((x2, y, w))
                            y = x2
                        return out[::-1]
                    todo.append(y)
        return []


_FAMILY = "family:"


def group_campaigns(names: dict[str, set[str]], counts: Counter[str],
                    families: Families | None = None) -> CampaignGroups:
    """Map every campaign name to the name of its group, and record why.

    ``names``: article-level canonical name → its surface variants; ``counts``: how many articles
    use each name. A group that is a family takes the family's name; another takes its most used
    name (then the shortest).
    """
    fam = families or Families.load()
    g = _Groups()
    for f in fam.families:
        node = _FAMILY + f.canonical
        g.find(node)
        g.family[node] = f.canonical
    by_key: dict[str, tuple[str, str]] = {}
    cores: dict[str, str] = {}
    for name in sorted(names):
        g.find(name)
        for v in sorted(names[name] | {name}):
            k = slogan_key(v)
            if k not in by_key:
                by_key[k] = (name, v)
                continue
            other, ov = by_key[k]
            if v == ov:
                why = f"{name} and {other} are both written {v}"
            else:
                why = f"{v} reads as {ov} once quotes, spaces, script, 的 and slogan separators are set aside"
                if (v, ov) != (name, other):
                    why += f" ({v} names {name}, {ov} names {other})"
            g.union(name, other, why)
    for name in sorted(names):  # families first: they decide where a name shared by two goes
        for v in sorted(names[name] | {name}, key=lambda v: (v != name, v)):
            member, why = fam.explain_family(v)
            if member is not None:
                shown = "" if v == name else f" (written {v})"
                g.union(name, _FAMILY + member.canonical, f"family {member.canonical}: {why}{shown}")
                break
    for name in sorted(names):
        core, _ = fam.strip(slogan_key(name), places=False)  # 深圳工匠 and 广州工匠 stay two
        if len(core) < _MIN_SHARED_CORE:
            continue
        if core in cores and cores[core] != name:
            other = cores[core]
            g.union(name, other, f"{name} and {other} share the core {core} (affixes set aside)")
        else:
            cores.setdefault(core, name)
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        buckets[campaign_key(name)[-4:]].append(name)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if same_campaign(a, b):
                    short, long_ = sorted((a, b), key=lambda n: (len(campaign_key(n)), n))
                    g.union(a, b, f"{short} is {long_} written shorter (it ends it, or its characters "
                                  f"run through it in order)")
    # names that end another (送清凉 ⊂ 夏送清凉) across buckets of different endings
    ordered = sorted(names, key=lambda n: (len(campaign_key(n)), n))
    by_end: dict[str, list[str]] = defaultdict(list)
    for name in ordered:
        k = campaign_key(name)
        for n in range(3, len(k)):
            by_end[k[-n:]].append(name)
    for name in ordered:
        k = campaign_key(name)
        for longer in by_end.get(k, ()):
            if longer != name and same_campaign(name, longer):
                g.union(name, longer, f"{name} ends {longer}: the same campaign written shorter")
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[g.find(name)].append(name)
    out = CampaignGroups()
    out.decisions = []
    out.family = {}
    for root, members in groups.items():
        family = g.family.get(root)
        best = family or sorted(members, key=lambda n: (-counts[n], len(n), n))[0]
        if family:
            out.family[best] = family
        goal = _FAMILY + family if family else best
        for m in sorted(members):
            out[m] = best
            steps = tuple((a.removeprefix(_FAMILY), b.removeprefix(_FAMILY), w) for a, b, w in g.path(m, goal))
            out.decisions.append(CampaignMerge(m, best, steps))
    out.decisions.sort(key=lambda d: (d.campaign, d.name))
    return out


def explain(decisions: Iterable[dict[str, Any]], campaign: str) -> list[str]:
    """Lines saying why each name of ``campaign`` is that campaign (the store's ``campaign_merges`` rows)."""
    out = []
    for d in decisions:
        if d.get("campaign") != campaign:
            continue
        steps = d.get("steps") or []
        if not steps:
            out.append(f"{d['name']}: its own name" if d["name"] == campaign else f"{d['name']}: named so")
            continue
        out.append(f"{d['name']}:")
        out += [f"    → {s['to']}: {s['why']}" for s in steps]
    return out
