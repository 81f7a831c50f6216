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
The families themselves, cores and documents are ``unionkg.families`` (extraction reads them too).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..families import MIN_SHARED_CORE as _MIN_SHARED_CORE
from ..families import Families, Family, slogan_key
from ..ingest.normalize import campaign_key, same_campaign

__all__ = ["Family", "Families", "CampaignMerge", "CampaignGroups", "group_campaigns", "slogan_key"]


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
