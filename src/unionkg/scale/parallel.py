"""Map the per-article extraction over a process pool, in order, with bounded memory.

``multiprocessing.Pool.imap`` drains its input iterator as fast as it can, so a 10-million-line
corpus would sit in memory; here at most ``workers * prefetch`` chunks are in flight, and results
come back in input order, the same as ``map(extract_facts, articles)``.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["imap_facts", "imap_ordered", "chunks"]


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _run_chunk(func: Callable[[Any], Any], batch: list[Any]) -> list[Any]:
    return [func(x) for x in batch]


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's loaded tables and dictionaries copy-on-write; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def imap_ordered(func: Callable[[T], R], items: Iterable[T], workers: int, chunksize: int = 32,
                 prefetch: int = 2, initializer: Callable[[], Any] | None = None) -> Iterator[R]:
    """``map(func, items)`` on ``workers`` processes, lazily, in order, with bounded memory.

    ``func`` must be picklable (a module-level function). At most ``workers * prefetch`` chunks of
    ``chunksize`` items are read ahead of the consumer.
    """
    if workers <= 1:
        if initializer is not None:
            initializer()
        yield from map(func, items)
        return
    limit = max(1, workers * prefetch)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=initializer)
    pending: deque[Future[list[R]]] = deque()
    try:
        for batch in chunks(items, chunksize):
            pending.append(pool.submit(_run_chunk, func, batch))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _warm() -> None:
    from ..pipeline import get_extractor

    get_extractor()


def imap_facts(articles: Iterable[Any], workers: int = 2, chunksize: int = 32,
               func: Callable[[Any], dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    """Facts lines of ``articles`` (``unionkg.pipeline.extract_facts`` by default) on ``workers``
    processes, in input order.

    >>> from unionkg.ingest import iter_articles
    >>> lines = list(imap_facts(iter_articles(["corpus.jsonl"]), workers=2))   # doctest: +SKIP
    """
    if func is None:
        from ..pipeline import extract_facts

        return imap_ordered(extract_facts, articles, workers, chunksize, initializer=_warm)
    return imap_ordered(func, articles, workers, chunksize)
