"""The offline timeline page of a ``Trace``: the campaign's cumulative adoptions per level on a
date axis, its cascade drawn as a tree down the hierarchy with dates and lags, and each adoption's
evidence around the campaign's mention. The explorer's trace view (``sinks.explorer``), for one
campaign, in one file; every string travels as JSON and is shown as text.

>>> from unionkg.analysis.trace import Trace
>>> "ukg-data" in render_html(Trace("Campaign:c", "c", (), (), (), (), (), (), None))
True
"""

from __future__ import annotations

from pathlib import Path

from ..analysis.trace import Trace
from ..outputs import writing


def write_trace_html(t: Trace, path: str | Path) -> Path:
    """Write the timeline page of ``t`` to ``path`` (an unwritable path: ``UnionKGError``)."""
    out = Path(path)
    html = render_html(t)
    with writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    return out


def render_html(t: Trace) -> str:
    """The page as a string."""
    from .explore import trace_payload
    from .explorer import render_trace_page

    return render_trace_page(trace_payload(t), f"{t.name} · unionkg trace")
