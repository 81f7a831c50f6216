"""The union hierarchy the generator writes about, read from the real division table.

Every division (province, city, district/county, town/street) gets one 总工会 whose full name,
short forms and place chain follow the genre: 广东省总工会 (省总工会), 广州市总工会 (市总工会),
汕头市潮南区总工会 (潮南区总工会, 区总工会), 东莞市大岭山镇总工会 (大岭山镇总工会, 镇总工会).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import division_rows
from ..types import BodyLevel

MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})
SKIPPED_PROVINCES = frozenset({"香港特别行政区", "澳门特别行政区", "台湾省"})
TOWN_SUFFIXES = ("镇", "街道", "乡")
DISTRICT_SUFFIXES = ("区", "县", "市", "旗")
CITY_SUFFIXES = ("市", "州", "盟", "地区")


@dataclass(frozen=True)
class Unit:
    """One division and its 总工会.

    ``place_aka``: other accepted names of the place; ``body_aka``: of the body; ``short``: the
    in-text short form after first mention (市总工会); ``prefix``: the names of the ancestors that
    the full body name carries (汕头市 for 潮南区).
    """

    code: str
    name: str
    level: BodyLevel
    parent: str | None
    province: str
    body: str
    body_aka: tuple[str, ...]
    short: str
    place_aka: tuple[str, ...]
    prefix: str
    short_place: str


@dataclass(frozen=True)
class Hierarchy:
    units: dict[str, Unit]
    children: dict[str, tuple[str, ...]]
    provinces: tuple[str, ...]
    by_level: dict[BodyLevel, tuple[str, ...]]

    def chain(self, code: str) -> list[Unit]:
        """The unit and its ancestors, nearest first."""
        out = []
        cur: str | None = code
        while cur is not None:
            u = self.units[cur]
            out.append(u)
            cur = u.parent
        return out


def _short_body(level: BodyLevel, name: str) -> str:
    if level is BodyLevel.PROVINCE:
        return "市总工会" if name in MUNICIPALITIES else "省总工会"
    if level is BodyLevel.CITY:
        return ("州" if name.endswith("州") and not name.endswith("市") else "市") + "总工会"
    if level is BodyLevel.DISTRICT:
        return name + "总工会" if name.endswith("市") else name[-1] + "总工会"
    for suf in TOWN_SUFFIXES:
        if name.endswith(suf):
            return suf + "总工会"
    return name + "总工会"


def _usable(level: str, name: str) -> bool:
    if level == "town":
        return name.endswith(TOWN_SUFFIXES) and 2 < len(name) <= 6 and "市" not in name[:-2]
    if level == "district":
        return name.endswith(DISTRICT_SUFFIXES) and 1 < len(name) <= 6
    if level == "city":
        return name.endswith(CITY_SUFFIXES) and len(name) <= 8
    return True


@lru_cache(maxsize=1)
def load_hierarchy() -> Hierarchy:
    """Units for every usable division of ``data/divisions.tsv``."""
    rows = division_rows()
    units: dict[str, Unit] = {}
    levels = {"province": BodyLevel.PROVINCE, "city": BodyLevel.CITY,
              "district": BodyLevel.DISTRICT, "town": BodyLevel.TOWN}
    order = {"province": 0, "city": 1, "district": 2, "town": 3}
    for r in sorted(rows, key=lambda r: (order.get(r[3], 9), r[0])):
        code, name, short, level, parent, province = r[:6]
        if level not in levels or province in SKIPPED_PROVINCES or not _usable(level, name):
            continue
        if level != "province" and parent not in units:
            continue
        lv = levels[level]
        pu = units.get(parent)
        if lv is BodyLevel.PROVINCE or lv is BodyLevel.CITY:
            prefix = ""
        elif pu is not None and pu.level is BodyLevel.PROVINCE:
            prefix = pu.name if pu.name in MUNICIPALITIES else ""
        else:
            assert pu is not None
            prefix = pu.prefix + pu.name
        body = prefix + name + "总工会"
        body_aka = tuple(dict.fromkeys(a for a in (name + "总工会",) if a != body))
        if lv is BodyLevel.TOWN and pu is not None and pu.level is BodyLevel.DISTRICT:
            body_aka += (pu.name + name + "总工会",)
        place_aka: tuple[str, ...] = ()
        if prefix:
            place_aka += (prefix + name,)
        if pu is not None and pu.level is BodyLevel.DISTRICT:
            place_aka += (pu.name + name,)
        stem = short or next((name[: -len(s)] for s in TOWN_SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), "")
        if stem and stem != name:
            place_aka += (stem,)
        units[code] = Unit(code, name, lv, parent or None, province, body, body_aka,
                           _short_body(lv, name), tuple(dict.fromkeys(place_aka)), prefix,
                           stem or name)
    children: dict[str, list[str]] = {}
    for u in units.values():
        if u.parent is not None:
            children.setdefault(u.parent, []).append(u.code)
    by_level: dict[BodyLevel, list[str]] = {}
    for u in units.values():
        by_level.setdefault(u.level, []).append(u.code)
    return Hierarchy(
        units=units,
        children={k: tuple(v) for k, v in children.items()},
        provinces=tuple(by_level[BodyLevel.PROVINCE]),
        by_level={k: tuple(v) for k, v in by_level.items()},
    )
