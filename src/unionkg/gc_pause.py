"""``gc_paused``: the cyclic garbage collector off while a stage or a read command runs.

A build's graph stage, a trace or a page makes tens of thousands of records and no reference
cycles (reference counting frees them); each collection would walk every long-lived object again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off inside the block; on again afterwards, as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
