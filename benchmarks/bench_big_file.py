"""Peak memory and time of ``unionkg build`` on one huge text file.

Writes a file of at least ``--mb`` MB by repeating our own example page (``examples/sample_page.txt``)
and builds it in a fresh process, printing the file's size, the build's summary line (articles,
duplicates skipped), its wall time and the peak RSS of the build process. Ingest streams a text
file page by page, so the peak should not grow with the file.

``--layout pages`` repeats the whole page, editor line included (a new page at every copy);
``--layout run`` leaves the editor line out after the first copy, so the file is one endless page
that ingest has to cut at headlines (``split.MAX_PAGE_CHARS``).

usage: python benchmarks/bench_big_file.py [--mb 200] [--layout pages|run] [--workers 1]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "sample_page.txt"


def write_file(path: Path, mb: float, layout: str) -> int:
    """Repeat the example page into ``path`` until it holds ``mb`` MB; return its size in bytes."""
    page = PAGE.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    body = page
    if layout == "run":
        lines = page.splitlines(keepends=True)
        body = "".join(line for line in lines if "责任编辑" not in line)
    block = (body * 500).encode("utf-8")
    size = 0
    with open(path, "wb") as fh:
        fh.write(page.encode("utf-8"))
        size += len(page.encode("utf-8"))
        while size < mb * 1_000_000:
            fh.write(block)
            size += len(block)
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--layout", choices=("pages", "run"), default="pages")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="unionkg-bigfile-") as tmp:
        src = Path(tmp) / "big.txt"
        size = write_file(src, args.mb, args.layout)
        cmd = [sys.executable, "-c", "from unionkg.cli import cli; cli()", "build", str(src), "-o",
               str(Path(tmp) / "out"), "--no-html", "--quiet", "--workers", str(args.workers)]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"file: {size / 1e6:.0f} MB ({args.layout}), exit {proc.returncode}")
    print(f"summary: {proc.stdout.strip() or proc.stderr.strip()[-500:]}")
    print(f"wall: {seconds:.1f} s, peak RSS of the build: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
