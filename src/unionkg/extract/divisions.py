"""The administrative-division table (``data/divisions.tsv``): lookup by name, chains, ancestors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import division_rows, read_rows

LEVEL_CHARS = "省市区县镇乡道州旗盟"
#: Division names that are also common words; never matched on their own.
GENERIC = frozenset({"城区", "矿区", "郊区", "新区", "林区", "社区", "园区", "开发区", "高新区", "工业区",
                     "示范区", "风景区", "保税区", "市区", "县城", "街道", "中心区", "经济开发区",
                     "自治区", "特区", "城市", "农场", "林场", "渔场", "原种场", "园艺场", "工业园"})


#: town-level units named like zones (物流园区, 经济开发区) read as common words on their own
ZONE_ENDINGS = ("园区", "开发区", "工业区", "产业园", "新区", "工业园", "示范区", "保税区", "物流园")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # province | city | district | town
    parent: str
    province: str


#: the endings of autonomous divisions, which the genre names by their short name and level (恩施州)
_AUTONOMOUS = ("自治州", "自治县", "自治旗")


class Divisions:
    """Index over the division table. ``Divisions.load()`` reads the package data once per process."""

    def __init__(self, rows: list[Division], other_names: dict[str, str] | None = None) -> None:
        self.by_code: dict[str, Division] = {d.code: d for d in rows}
        by_name: dict[str, list[str]] = {}
        by_short: dict[str, list[str]] = {}
        generic: dict[str, list[str]] = {}  # 郊区, 矿区, 城区: names only after their city
        for d in rows:
            if d.name not in GENERIC and not (d.level == "town" and d.name.endswith(ZONE_ENDINGS)):
                by_name.setdefault(d.name, []).append(d.code)
            else:
                generic.setdefault(d.name, []).append(d.code)
            if d.short and len(d.short) >= 2 and d.level != "town" and d.short != d.name:
                by_short.setdefault(d.short, []).append(d.code)
        for name, code in (other_names or {}).items():  # 东湖高新区: another name of a zone
            by_name.setdefault(name, []).append(code)
        for d in rows:  # 恩施州, 五峰县: an autonomous prefecture, county or banner by its short name and level
            if d.name.endswith(_AUTONOMOUS) and d.short and d.short != d.name and d.short + d.name[-1] not in by_name:
                by_name[d.short + d.name[-1]] = [d.code]
        # codes as tuples: tens of thousands of lists would be containers the garbage collector walks
        self.by_name: dict[str, tuple[str, ...]] = _frozen(by_name)
        self.by_short: dict[str, tuple[str, ...]] = _frozen(by_short)
        self.generic: dict[str, tuple[str, ...]] = _frozen(generic)
        self.max_len = max(len(n) for n in self.by_name)
        self.name_lens = _lengths_by_ending(self.by_name)
        self._ancestors: dict[str, tuple[Division, ...]] = {}
        self._ancestor_codes: dict[str, frozenset[str]] = {}
        self._full_names: dict[str, str] = {}

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> Divisions:
        rows = [Division(*r) for r in division_rows()]
        other: dict[str, str] = {}
        for code, name, names, parent, province in (r[:5] for r in read_rows("zones.tsv") if len(r) >= 5):
            rows.append(Division(code, name, "", "district", parent, province))
            other.update({n: code for n in names.split(",") if n})
        return Divisions(rows, other)

    def get(self, code: str) -> Division:
        return self.by_code[code]

    def ancestors(self, code: str) -> tuple[Division, ...]:
        """Parents from the nearest up to the province (memoised per code)."""
        out = self._ancestors.get(code)
        if out is None:
            out = self._ancestors[code] = self._walk_up(code)
        return out

    def _walk_up(self, code: str) -> tuple[Division, ...]:
        out = []
        d = self.by_code.get(code)
        while d is not None and d.parent:
            d = self.by_code.get(d.parent)
            if d is not None:
                out.append(d)
        return tuple(out)

    def ancestor_codes(self, code: str) -> frozenset[str]:
        """The codes of ``ancestors(code)`` (memoised per code)."""
        out = self._ancestor_codes.get(code)
        if out is None:
            out = self._ancestor_codes[code] = frozenset(a.code for a in self.ancestors(code))
        return out

    def is_ancestor(self, anc: str, code: str) -> bool:
        return anc in self.ancestor_codes(code)

    def full_name(self, code: str) -> str:
        """Name with the city (and district) in front, without the province: ``汕头市潮南区``,
        ``东莞市大岭山镇``, ``北京市通州区``; provinces, cities, counties and county-level cities are
        their own name and head their towns' (``肥西县``, ``昆山市张浦镇``)."""
        out = self._full_names.get(code)
        if out is None:
            out = self._full_names[code] = self._full_name(code)
        return out

    def own_name(self, code: str) -> str:
        """The name a short form is resolved to in the facts (区总工会 → 兴山区总工会): the division's
        own name, with its city for names that need one (晋城市城区, 某市高新区)."""
        d = self.by_code[code]
        if d.name in GENERIC or d.name.endswith(ZONE_ENDINGS) or len(d.name) < 3 and d.level == "town":
            return self.full_name(code)
        return d.name

    def _full_name(self, code: str) -> str:
        d = self.by_code[code]
        if d.level in ("province", "city"):
            return d.name
        if d.level == "district" and not d.name.endswith("区"):
            return d.name  # 昆山市, 肥西县: a county or county-level city stands without its city
        parts = [d.name]
        for a in self.ancestors(code):
            if a.level == "district" and not a.name.endswith("区"):
                parts.append(a.name)  # 昆山市张浦镇
                break
            if a.level == "province":
                if a.name.endswith("市"):  # 北京市通州区: municipalities keep their name in front
                    parts.append(a.name)
                break
            if a.short and parts[-1].startswith(a.short):
                continue  # 中山火炬高技术产业开发区: a zone named after its city carries the city already
            parts.append(a.name)
        return "".join(reversed(parts))


def _frozen(index: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in index.items()}


def _lengths_by_ending(names: dict[str, tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """For each two-character ending, the lengths of the names ending so, longest first."""
    lens: dict[str, set[int]] = {}
    for name in names:
        lens.setdefault(name[-2:], set()).add(len(name))
    return {end: tuple(sorted(ks, reverse=True)) for end, ks in lens.items()}
