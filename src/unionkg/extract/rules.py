"""The rule registry: every rule the extractor and the model can put on a mention or a relation,
with its stage, what it emits and an example that fires it (``data/rules.tsv``; the role verbs'
rules are the rows of ``data/role_verbs.tsv``). Stages run in the order of ``STAGES``.

>>> next(r for r in registry() if r.id == "role.zhuchi.v1").emits
'CHAIRED'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_rows
from ..types import RelType
from .roles import role_rows

#: the stages, in the order the extractor (and then the model) runs them
STAGES = ("ingest", "campaigns", "places", "bodies", "people", "organiser", "roles", "positions", "implements",
          "visits", "model")
#: the sentence a role verb's example follows
ROLE_EXAMPLE = "5月6日,绵阳市总工会召开会议。市总工会主席王立强{}。"


@dataclass(frozen=True)
class Rule:
    """One unit: ``id`` travels on every output it makes; ``example`` fires it, giving ``expected``
    (``Label:name``, ``TYPE:head>tail``, ``HELD_BY:body`` or ``REPORTED:name``)."""

    id: str
    stage: str
    emits: str
    example: str
    expected: str


@lru_cache(maxsize=1)
def registry() -> tuple[Rule, ...]:
    """Every registered rule, in stage order."""
    rules = [Rule(*r[:5]) for r in read_rows("rules.tsv") if len(r) >= 5]
    for _verb, rtype, rid, _who, example in _role_rows_full():
        rules.append(Rule(f"role.{rid}.v1", "roles", rtype.value, ROLE_EXAMPLE.format(example),
                          f"{rtype.value}:王立强>绵阳市总工会"))
    order = {s: i for i, s in enumerate(STAGES)}
    return tuple(sorted(rules, key=lambda r: order[r.stage]))


def _role_rows_full() -> list[tuple[str, RelType, str, str, str]]:
    examples = {r[0]: r[4] for r in read_rows("role_verbs.tsv") if len(r) > 4}
    return [(v, t, i, w, examples.get(v, "")) for v, t, i, w in role_rows()]


#: every rule id (the registry's)
RULES: frozenset[str] = frozenset(r.id for r in registry())
