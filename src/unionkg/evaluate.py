"""Score a facts file against gold (ONTOLOGY.md's scoring rules): P/R/F1 per type.

Articles are matched by title; names compare after NFKC with white space and quote marks
removed, against the gold name or its ``aka``; ``opt`` gold items are neither missed nor false;
LOCATED_IN and SUBORDINATE_TO are scored once for the corpus, and only where both ends are
named somewhere in the gold.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from .errors import InputError

ENTITY_TYPES = ("Person", "UnionBody", "Organization", "Place", "Campaign", "Law")
ARTICLE_RELATIONS = ("CHAIRED", "LED", "ATTENDED", "INVITED", "SPOKE", "IMPLEMENTS", "HOLDS_POSITION", "VISITED",
                     "REPORTED")
CORPUS_RELATIONS = ("LOCATED_IN", "SUBORDINATE_TO")
QUOTES = "\"'“”‘’「」『』《》〈〉〔〕【】"


def norm(s: Any) -> str:
    if isinstance(s, dict):
        s = s.get("name", "")
    s = unicodedata.normalize("NFKC", str(s or ""))
    return "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES)


def title_key(s: str) -> str:
    return "".join(ch for ch in norm(s) if ch.isalnum())


@dataclass
class Score:
    """tp/fp/fn per type for entities and relations, plus articles and dates."""

    entities: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    relations: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    articles: tuple[int, int, int] = (0, 0, 0)  # gold, predicted, matched
    dates: tuple[int, int] = (0, 0)  # correct, gold
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def total(self, which: str) -> tuple[float, float, float]:
        t = getattr(self, which)
        return self.prf(*(sum(v[i] for v in t.values()) for i in range(3)))

    def report(self) -> str:
        lines = []
        for name in ("entities", "relations"):
            lines.append(f"{name}:")
            t = getattr(self, name)
            for kind in sorted(t):
                tp, fp, fn = t[kind]
                p, r, f = self.prf(tp, fp, fn)
                lines.append(f"  {kind:15s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn})")
            p, r, f = self.total(name)
            tp, fp, fn = (sum(v[i] for v in t.values()) for i in range(3))
            lines.append(f"  {'ALL':15s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn})")
        g, pr, m = self.articles
        lines.append(f"articles: gold={g} predicted={pr} matched={m}")
        lines.append(f"dates: {self.dates[0]}/{self.dates[1]} correct")
        lines.append(self.summary())
        return "\n".join(lines)

    def summary(self) -> str:
        return (f"entity_f1={self.total('entities')[2]:.3f} relation_f1={self.total('relations')[2]:.3f} "
                f"articles={self.articles[2]}/{self.articles[0]} dates={self.dates[0]}/{self.dates[1]}")


def _greedy(cands: list[tuple[int, str, int]], used_g: set[str], used_s: set[int], out: dict[str, int]) -> None:
    cands.sort(reverse=True)
    for _, gid, i in cands:
        if gid not in used_g and i not in used_s:
            used_g.add(gid)
            used_s.add(i)
            out[gid] = i


def _match_articles(gold_arts: list[dict[str, Any]], sys_arts: list[dict[str, Any]]) -> dict[str, int]:
    """Greedy best-title match, as the shared scorer does: exact keys (score 1000 + length) first,
    through a dict; then containment of keys of at least 6 characters among what is left. Exact
    scores beat every containment score, so the two rounds give the scorer's result in near-linear
    time on big corpora."""
    gkeys = {g["id"]: [title_key(t) for t in [g["title"], g.get("subtitle"), *g.get("aka_titles", [])] if t]
             for g in gold_arts}
    skeys = []
    for s in sys_arts:
        a = s["article"]
        skeys.append([title_key(t) for t in (a.get("title"), a.get("subtitle"),
                                             (a.get("title") or "") + (a.get("subtitle") or "")) if t])
    by_key: dict[str, list[int]] = {}
    for i, keys in enumerate(skeys):
        for k in set(keys):
            if k:
                by_key.setdefault(k, []).append(i)
    exact: list[tuple[int, str, int]] = []
    for gid, keys in gkeys.items():
        best: dict[int, int] = {}
        for gk in keys:
            for i in by_key.get(gk, ()):
                best[i] = max(best.get(i, 0), 1000 + len(gk))
        exact.extend((score, gid, i) for i, score in best.items())
    used_g: set[str] = set()
    used_s: set[int] = set()
    out: dict[str, int] = {}
    _greedy(exact, used_g, used_s, out)
    rest: list[tuple[int, str, int]] = []
    left = [i for i in range(len(sys_arts)) if i not in used_s]
    for gid, keys in gkeys.items():
        if gid in used_g:
            continue
        for i in left:
            best_c = 0
            for gk in keys:
                for sk in skeys[i]:
                    if gk and sk and gk != sk and (gk in sk or sk in gk) and min(len(gk), len(sk)) >= 6:
                        best_c = max(best_c, min(len(gk), len(sk)))
            if best_c:
                rest.append((best_c, gid, i))
    _greedy(rest, used_g, used_s, out)
    return out


def _index(gold_article: dict[str, Any]) -> dict[str, set[str]]:
    idx: dict[str, set[str]] = {}
    for e in gold_article["entities"]:
        keys = {norm(e["name"])} | {norm(x) for x in e.get("aka", [])}
        for k in keys:
            idx.setdefault(k, set()).update(keys)
    return idx


#: (type, key sets of the ends (one set for an entity, two for a relation), optional, label)
GoldItem = tuple[str, tuple[frozenset[str], ...], bool, str]


def _score(gold: list[GoldItem], preds: Any, tally: dict[str, list[int]], errors: list[str], label: str) -> None:
    """The shared scorer's greedy matching, with gold items indexed by their keys so that big
    corpora score in near-linear time: a prediction takes the first unmatched required gold item
    it matches, else the last unmatched optional one."""
    index: dict[tuple[str, ...], list[int]] = {}
    for gi, (gk, keysets, _, _) in enumerate(gold):
        for combo in product(*keysets):
            index.setdefault((gk, *combo), []).append(gi)
    matched: set[int] = set()
    for pk in sorted(preds):
        hit = None
        for gi in sorted(set(index.get(tuple(pk), ()))):
            if gi in matched:
                continue
            hit = gi
            if not gold[gi][2]:
                break
        if hit is None:
            tally[pk[0]][1] += 1
            errors.append(f"{label} FP {pk}")
        else:
            matched.add(hit)
            if not gold[hit][2]:
                tally[pk[0]][0] += 1
    for gi, (gk, _, opt, name) in enumerate(gold):
        if gi not in matched and not opt:
            tally[gk][2] += 1
            errors.append(f"{label} FN {gk} {name}")


def _rel_key(r: dict[str, Any]) -> tuple[str, str, str]:
    return (str(r.get("type")), norm(r.get("head")), norm(r.get("tail")))


def read_facts(path: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    arts, extra = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{n}: not JSON ({err.msg})", source=path, line=n) from None
            if "article" in obj:
                arts.append(obj)
            else:
                extra.extend(obj.get("relations", []))
    return arts, extra


def evaluate(gold: dict[str, Any], sys_arts: list[dict[str, Any]], extra_rel: list[dict[str, Any]]) -> Score:
    """Score system facts (article lines and extra hierarchy relations) against a gold document."""
    sc = Score()
    gold_arts = gold["articles"]
    amap = _match_articles(gold_arts, sys_arts)
    for g in gold_arts:
        si = amap.get(g["id"])
        s = sys_arts[si] if si is not None else {"article": {}, "entities": [], "relations": []}
        idx = _index(g)
        gitems: list[GoldItem] = []
        for e in g["entities"]:
            keys = frozenset({norm(e["name"])} | {norm(x) for x in e.get("aka", [])})
            gitems.append((e["type"], (keys,), bool(e.get("opt")), e["name"]))
        epreds = {(str(e.get("type")), norm(e.get("name"))) for e in s.get("entities", []) if e.get("type") in ENTITY_TYPES}
        _score(gitems, epreds, sc.entities, sc.errors, f"[{g['id']}] entity")
        gitems = []
        for r in g["relations"]:
            if r["type"] not in ARTICLE_RELATIONS:
                continue
            hk = frozenset(idx.get(norm(r["head"]), {norm(r["head"])}))
            tk = frozenset(idx.get(norm(r["tail"]), {norm(r["tail"])}))
            gitems.append((r["type"], (hk, tk), bool(r.get("opt")),
                           f"{r['head']} -> {r['tail']}"))
        rpreds = {_rel_key(r) for r in s.get("relations", [])
                  if r.get("type") in ARTICLE_RELATIONS and r.get("type") != "REPORTED"}
        for a in s.get("article", {}).get("authors", []) or []:
            rpreds.add(("REPORTED", norm(a), "@article"))
        for r in s.get("relations", []):
            if r.get("type") == "REPORTED":
                rpreds.add(("REPORTED", norm(r.get("head")), "@article"))
        _score(gitems, rpreds, sc.relations, sc.errors, f"[{g['id']}] relation")
    matched = set(amap.values())
    for i, s in enumerate(sys_arts):
        if i in matched:
            continue
        t = s["article"].get("title")
        for ek in {(e.get("type"), norm(e.get("name"))) for e in s.get("entities", []) if e.get("type") in ENTITY_TYPES}:
            sc.entities[str(ek[0])][1] += 1
            sc.errors.append(f"[unmatched article {t!r}] entity FP {ek}")
        for rk in {_rel_key(r) for r in s.get("relations", []) if r.get("type") in ARTICLE_RELATIONS}:
            sc.relations[rk[0]][1] += 1
            sc.errors.append(f"[unmatched article {t!r}] relation FP {rk}")
    all_idx: dict[str, set[str]] = {}
    for g in gold_arts:
        for k, v in _index(g).items():
            all_idx.setdefault(k, set()).update(v)
    seen: dict[tuple[str, str, str], bool] = {}
    for g in gold_arts:
        for r in g["relations"]:
            if r["type"] in CORPUS_RELATIONS:
                key = (r["type"], norm(r["head"]), norm(r["tail"]))
                seen[key] = seen.get(key, True) and bool(r.get("opt"))
    citems: list[GoldItem] = []
    for (rt, h, tl), opt in seen.items():
        hk = frozenset(all_idx.get(h, {h}))
        tk = frozenset(all_idx.get(tl, {tl}))
        citems.append((rt, (hk, tk), opt, f"{h} -> {tl}"))
    cpreds: set[tuple[str, str, str]] = set()
    for r in [r for s in sys_arts for r in s.get("relations", [])] + extra_rel:
        if r.get("type") in CORPUS_RELATIONS:
            ck = _rel_key(r)
            if ck[1] in all_idx and ck[2] in all_idx:
                cpreds.add(ck)
    _score(citems, cpreds, sc.relations, sc.errors, "[corpus] relation")
    ok = n = 0
    for g in gold_arts:
        if not g.get("date"):
            continue
        n += 1
        si = amap.get(g["id"])
        if si is not None and str(sys_arts[si]["article"].get("date") or "").endswith(g["date"]):
            ok += 1
    sc.articles = (len(gold_arts), len(sys_arts), len(amap))
    sc.dates = (ok, n)
    return sc


def evaluate_files(gold_path: str, facts_path: str) -> Score:
    try:
        with open(gold_path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"{gold_path}: cannot read gold ({err})", source=gold_path) from None
    arts, extra = read_facts(facts_path)
    return evaluate(gold, arts, extra)
