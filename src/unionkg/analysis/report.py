"""``unionkg trace`` as one call: read a build, trace a campaign, render it, write the page; or say
why the campaign's names are one campaign (``explain_build``, from the build's campaign_merges.jsonl)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import UnionKGError
from ..model import load_build
from ..outputs import check_output_file
from ..resolve.campaigns import explain
from .lookup import find_campaign
from .trace import trace
from .trace_html import write_trace_html
from .trace_render import render_csv, render_json, render_table

FORMATS = ("table", "json", "csv")


def report_build(
    build_dir: str | os.PathLike[str], campaign: str, *, fmt: str = "table", html: str | Path | None = None,
    excel: bool = False,
) -> str:
    """The trace of ``campaign`` in the build at ``build_dir`` as ``fmt``; also writes ``html``.
    ``excel``: CSV with a byte-order mark and CRLF line ends. The page's path is checked first."""
    if fmt not in FORMATS:
        raise UnionKGError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if html is not None:
        check_output_file(html, "--html")
    t = trace(load_build(build_dir), campaign)
    if html is not None:
        write_trace_html(t, html)
    if fmt == "csv":
        return render_csv(t, excel=excel)
    return render_json(t) if fmt == "json" else render_table(t)


def explain_build(build_dir: str | os.PathLike[str], campaign: str) -> str:
    """Why each name of ``campaign`` (any of its names, or a near one) is that campaign, step by
    step, as the build decided it (its ``campaign_merges.jsonl``)."""
    path = Path(build_dir) / "campaign_merges.jsonl"
    if not path.exists():
        raise UnionKGError(f"{build_dir}: no campaign_merges.jsonl here",
                           hint="the build predates it: rebuild with `unionkg build INPUT -o DIR`")
    G = load_build(build_dir)
    name = str(G.nodes[find_campaign(G, campaign)].get("name"))
    with open(path, encoding="utf-8") as fh:
        decisions = [json.loads(line) for line in fh if line.strip()]
    lines = explain(decisions, name)
    return "\n".join([f"Campaign {name}: {sum(1 for d in decisions if d.get('campaign') == name)} name(s)", *lines]) + "\n"
