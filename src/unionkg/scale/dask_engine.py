"""Extraction on a Dask cluster: a map over input partitions, partitioned facts, one ordered file.

``dask_facts`` sends partitions of articles to the cluster (at most a few per worker in flight),
writes each partition's facts to ``DIR/facts/part-NNNNN.jsonl`` as it comes back, then concatenates
the parts in input order into ``DIR/facts.jsonl`` and streams its lines back to the caller.

With no scheduler address a ``LocalCluster`` of worker processes is started for the run; with one
(``tcp://host:8786``) the work goes to a cluster started with ``dask scheduler`` / ``dask worker``
on machines where unionkg is installed.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from ..errors import BuildError
from .parallel import chunks

PART_DIR = "facts"
FACTS = "facts.jsonl"


def _extract_partition(func: Callable[[Any], dict[str, Any]], batch: list[Any]) -> list[dict[str, Any]]:
    return [func(a) for a in batch]


def part_path(out_dir: Path, i: int) -> Path:
    return out_dir / PART_DIR / f"part-{i:05d}.jsonl"


@contextmanager
def open_client(scheduler: str | None, workers: int = 2) -> Iterator[Any]:
    """A ``dask.distributed.Client`` on ``scheduler``, or on a LocalCluster of ``workers`` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise BuildError("the dask engine needs dask[distributed]",
                         hint="pip install 'unionkg[dask]' (or: pip install 'dask[distributed]')") from err
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as err:
            raise BuildError(f"cannot reach the Dask scheduler at {scheduler}: {err}",
                             hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`") from err
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def dask_facts(articles: Iterable[Any], out_dir: str | os.PathLike[str], func: Callable[[Any], dict[str, Any]], *,
               scheduler: str | None = None, partition_size: int = 256, workers: int = 2,
               inflight_per_worker: int = 2) -> Iterator[dict[str, Any]]:
    """``func`` (the facts line of an article: ``unionkg.pipeline.Extraction().facts``) of
    ``articles``, on a Dask cluster, in input order.

    Writes ``out_dir/facts/part-00000.jsonl`` … and ``out_dir/facts.jsonl``; returns an iterator
    over the lines of the latter.
    """
    from dask.distributed import as_completed

    out = Path(out_dir)
    parts = out / PART_DIR
    if parts.exists():
        shutil.rmtree(parts)
    parts.mkdir(parents=True)
    n_parts = 0
    with open_client(scheduler, workers) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        limit = n_workers * inflight_per_worker
        batches = enumerate(chunks(articles, partition_size))
        running = as_completed()
        index: dict[str, int] = {}
        token = uuid.uuid4().hex

        def submit() -> bool:
            nonlocal n_parts
            nxt = next(batches, None)
            if nxt is None:
                return False
            i, batch = nxt
            fut = client.submit(_extract_partition, func, batch, key=f"unionkg-extract-{token}-{i}",
                                pure=False)
            index[fut.key] = i
            running.add(fut)
            n_parts = max(n_parts, i + 1)
            return True

        for _ in range(limit):
            if not submit():
                break
        for fut in running:
            lines = fut.result()
            i = index.pop(fut.key)
            tmp = part_path(out, i).with_suffix(".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                for ln in lines:
                    fh.write(orjson.dumps(ln).decode() + "\n")
            tmp.replace(part_path(out, i))
            fut.release()
            submit()
    concatenate_parts(out, n_parts)
    return _read_lines(out / FACTS)


def concatenate_parts(out: Path, n_parts: int) -> Path:
    """Join ``facts/part-*.jsonl`` in partition order into ``facts.jsonl``."""
    target = out / FACTS
    tmp = target.with_suffix(".jsonl.tmp")
    with open(tmp, "wb") as dst:
        for i in range(n_parts):
            p = part_path(out, i)
            if not p.exists():
                raise BuildError(f"{p}: partition missing", hint="re-run the build")
            with open(p, "rb") as src:
                shutil.copyfileobj(src, dst)
    tmp.replace(target)
    return target


def _read_lines(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield orjson.loads(line)
