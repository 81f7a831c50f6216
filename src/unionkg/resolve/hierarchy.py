"""The union hierarchy and the place hierarchy from the administrative-division table.

``SUBORDINATE_TO``: town/street → district/county → city → province → 中华全国总工会.
"""

from __future__ import annotations

from ..extract.divisions import Divisions

NATIONAL_UNION = "中华全国总工会"
_NEXT_LEVEL = {"town": ("district", "city"), "district": ("city", "province"), "city": ("province",),
               "province": ()}


def union_name(divs: Divisions, code: str) -> str:
    """``汕头市潮南区`` + 总工会."""
    return divs.full_name(code) + "总工会"


def parent_union(divs: Divisions, code: str | None, level: str | None) -> tuple[str, str | None, str] | None:
    """(parent union name, its place code, its level) for a local 总工会 at ``code``."""
    if level == "national":
        return None
    if not code or code not in divs.by_code:
        return None
    d = divs.get(code)
    if d.level == "province":
        return NATIONAL_UNION, None, "national"
    for a in divs.ancestors(code):
        if a.level in _NEXT_LEVEL.get(d.level, ()):
            return union_name(divs, a.code), a.code, a.level
    return None
