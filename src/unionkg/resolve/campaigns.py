"""Campaign variants across articles: ``"一函两书"``, ``"一函两书"工作制度`` and
``劳动法律监督"一函两书"制度`` are one policy; ``中国工会十七大精神`` and ``十八大精神`` are two."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.extractor import campaign_key, same_campaign


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_campaigns(names: dict[str, set[str]], counts: Counter[str]) -> dict[str, str]:
    """Map every campaign name to the canonical name of its group.

    ``names``: article-level canonical name → its surface variants; ``counts``: how many
    articles use each name. The group's name is the most used one (then the shortest).
    """
    uf = _UnionFind()
    by_key: dict[str, str] = {}
    for name in sorted(names):
        uf.find(name)
        for v in sorted(names[name] | {name}):
            k = campaign_key(v)
            if k in by_key:
                uf.union(name, by_key[k])
            else:
                by_key[k] = name
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        buckets[campaign_key(name)[-4:]].append(name)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if same_campaign(a, b):
                    uf.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[uf.find(name)].append(name)
    out: dict[str, str] = {}
    for members in groups.values():
        best = sorted(members, key=lambda n: (-counts[n], len(n), n))[0]
        for m in members:
            out[m] = best
    return out
