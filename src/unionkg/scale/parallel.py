"""Map a per-item function over a process pool, in order, with bounded memory.

``multiprocessing.Pool.imap`` drains its input iterator as fast as it can, so a 10-million-line
corpus would sit in memory; here at most ``workers * prefetch`` chunks are in flight, and results
come back in input order, the same as ``map(func, items)``.

The function is handed to each worker once, when the pool starts (with ``fork``, the worker
inherits it as it is, loaded tables and all), not pickled with every chunk.
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

#: In a worker process of ``imap_ordered``: the function it maps (set once by the pool's initializer).
_WORK: Callable[[Any], Any] | None = None


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _install(func: Callable[[Any], Any]) -> None:
    global _WORK
    _WORK = func


def _run_chunk(batch: list[Any]) -> list[Any]:
    func = _WORK
    assert func is not None, "worker started without its function"
    return [func(x) for x in batch]


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's loaded tables and dictionaries copy-on-write; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def imap_ordered(func: Callable[[T], R], items: Iterable[T], workers: int, chunksize: int = 32,
                 prefetch: int = 2) -> Iterator[R]:
    """``map(func, items)`` on ``workers`` processes, lazily, in order, with bounded memory.

    ``func`` must be picklable where processes are spawned, not forked. At most
    ``workers * prefetch`` chunks of ``chunksize`` items are read ahead of the consumer.
    """
    if workers <= 1:
        yield from map(func, items)
        return
    limit = max(1, workers * prefetch)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_install, initargs=(func,))
    pending: deque[Future[list[R]]] = deque()
    try:
        for batch in chunks(items, chunksize):
            pending.append(pool.submit(_run_chunk, batch))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def imap_facts(articles: Iterable[Any], func: Callable[[Any], dict[str, Any]], workers: int = 2,
               chunksize: int = 32) -> Iterator[dict[str, Any]]:
    """``func`` (the facts line of an article, e.g. ``unionkg.pipeline.Extraction().facts``) of
    ``articles`` on ``workers`` processes, in input order.

    >>> from unionkg.ingest import iter_articles
    >>> from unionkg.pipeline import Extraction
    >>> work = Extraction()
    >>> lines = list(imap_facts(iter_articles(["corpus.jsonl"]), work.facts, workers=2))   # doctest: +SKIP
    """
    return imap_ordered(func, articles, workers, chunksize)
