"""``unionkg trace`` as one call: read a build, trace a campaign, render it, write the page."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UnionKGError
from ..model import load_build
from .trace import trace
from .trace_html import write_trace_html
from .trace_render import render_csv, render_json, render_table

RENDERERS = {"table": render_table, "json": render_json, "csv": render_csv}


def report_build(
    build_dir: str | os.PathLike[str], campaign: str, *, fmt: str = "table", html: str | Path | None = None
) -> str:
    """The trace of ``campaign`` in the build at ``build_dir`` as ``fmt``; also writes ``html``."""
    if fmt not in RENDERERS:
        raise UnionKGError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(RENDERERS)}")
    t = trace(load_build(build_dir), campaign)
    if html is not None:
        write_trace_html(t, html)
    return RENDERERS[fmt](t)
