"""A precomputed force layout for the HTML page, so the browser draws with physics off.

Each connected component gets a Fruchterman–Reingold layout with gravity, vectorised with numpy
(repulsion in row blocks to bound memory); components are then packed in rows, largest first, and
isolated nodes set out on a grid below them. Deterministic for a given graph and seed.

>>> pos = layout_positions(4, [(0, 1), (1, 2)])
>>> len(pos)
4
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

#: Pairwise work per layout (node pairs x iterations) that keeps generation to a few seconds.
PAIR_BUDGET = 4e8
#: Pixels per unit of the layout's ideal edge length.
SCALE = 90.0
#: Gap between packed components, in layout units.
GAP = 2.0
#: Rows of the pairwise (float32) matrices computed at once, per thread.
ROWS = 128
#: Threads for the pairwise part of big components.
THREADS = min(2, os.cpu_count() or 1)


def layout_positions(n: int, edges: Sequence[tuple[int, int]], *, seed: int = 7) -> list[tuple[float, float]]:
    """Positions (x, y in pixels) for nodes ``0..n-1``: components laid out apart, then packed."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        if a != b:
            parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    comps = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0]))
    singles = sorted(i for g in groups.values() if len(g) == 1 for i in g)
    boxes: list[tuple[list[int], np.ndarray]] = []
    for comp in comps:
        local = {node: j for j, node in enumerate(comp)}
        sub = [(local[a], local[b]) for a, b in edges if a in local and b in local]
        boxes.append((comp, _spring(len(comp), sub, seed)))
    if singles:
        side = math.ceil(math.sqrt(len(singles)))
        grid = np.array([(j % side, j // side) for j in range(len(singles))], dtype=np.float64)
        boxes.append((singles, grid))
    return _pack(n, boxes)


def _pack(n: int, boxes: list[tuple[list[int], np.ndarray]]) -> list[tuple[float, float]]:
    """Shelf packing: rows of components, no wider than the largest one (or a square)."""
    out = [(0.0, 0.0)] * n
    sizes = [(p.max(axis=0) - p.min(axis=0)) if len(p) else np.zeros(2) for _, p in boxes]
    area = sum(float((w + GAP) * (h + GAP)) for w, h in sizes)
    width = max(max((float(w) for w, _ in sizes), default=0.0), math.sqrt(area) * 1.2)
    x = y = row_h = 0.0
    for (nodes, p), (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + GAP, 0.0
        q = p - p.min(axis=0) + np.array([x, y])
        for node, (px, py) in zip(nodes, q, strict=True):
            out[node] = (round(float(px) * SCALE, 1), round(float(py) * SCALE, 1))
        x += float(w) + GAP
        row_h = max(row_h, float(h))
    return out


def _spring(n: int, edges: Sequence[tuple[int, int]], seed: int, iterations: int | None = None) -> np.ndarray:
    """FR positions (layout units, ideal edge length 1) of one connected component."""
    if n == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2), dtype=np.float64) - 0.5) * np.sqrt(n) * 2.0
    if iterations is None:
        iterations = int(min(150, max(25, PAIR_BUDGET / (n * n))))
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    degree = np.bincount(e.ravel(), minlength=n).astype(np.float64) if len(e) else np.zeros(n)
    gravity = 0.02 * (degree + 1.0)
    src, dst = e[:, 0].copy(), e[:, 1].copy()
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    temperature = np.sqrt(n) * 0.5
    with _Repulsion(n) as repulsion:
        for step in range(iterations):
            dx, dy = repulsion(x, y)
            if len(e):
                _attract(x, y, src, dst, dx, dy)
            dx -= x * gravity
            dy -= y * gravity
            length = np.sqrt(dx * dx + dy * dy) + 1e-9
            move = np.minimum(length, temperature * (1.0 - step / iterations) + 0.05)
            x += dx / length * move
            y += dy / length * move
    pos = np.column_stack((x, y))
    return pos - pos.mean(axis=0)


def _attract(x: np.ndarray, y: np.ndarray, src: np.ndarray, dst: np.ndarray, dx: np.ndarray, dy: np.ndarray) -> None:
    """Add the springs' pull (d^2 along each edge, k = 1) to the displacements ``dx``, ``dy``."""
    ex = x[src] - x[dst]
    ey = y[src] - y[dst]
    dist = np.sqrt(ex * ex + ey * ey) + 1e-9
    ex *= dist
    ey *= dist
    np.subtract.at(dx, src, ex)
    np.subtract.at(dy, src, ey)
    np.add.at(dx, dst, ex)
    np.add.at(dy, dst, ey)


class _Repulsion:
    """Sum over all other nodes of delta / d^2 (FR repulsion k^2/d along the unit vector), in float32.

    ``ROWS`` rows of the pairwise matrices at a time, in buffers kept across iterations (so they stay
    in the CPU cache); big components split their rows between ``THREADS`` threads (numpy lets go
    of the GIL). Each row is summed whole, so the sums depend on neither.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.rows = max(1, min(n, ROWS))
        threads = THREADS if n >= 4 * ROWS else 1
        share = -(-n // threads)
        self.parts = [(lo, min(n, lo + share)) for lo in range(0, n, share)]
        self.buffers = [np.empty(5 * self.rows * n, dtype=np.float32) for _ in self.parts]
        self.pool = ThreadPoolExecutor(len(self.parts) - 1) if len(self.parts) > 1 else None
        self.out = np.empty((2, n), dtype=np.float32)

    def __enter__(self) -> _Repulsion:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown()

    def __call__(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        fx, fy = x.astype(np.float32), y.astype(np.float32)
        jobs = [
            self.pool.submit(self._part, fx, fy, part, buf)
            for part, buf in zip(self.parts[1:], self.buffers[1:], strict=True)
            if self.pool is not None
        ]
        self._part(fx, fy, self.parts[0], self.buffers[0])
        for job in jobs:
            job.result()
        return self.out[0].astype(np.float64), self.out[1].astype(np.float64)

    def _part(self, x: np.ndarray, y: np.ndarray, part: tuple[int, int], buf: np.ndarray) -> None:
        start, stop = part
        for lo in range(start, stop, self.rows):
            self._rows(x, y, lo, min(stop, lo + self.rows), buf)

    def _rows(self, x: np.ndarray, y: np.ndarray, lo: int, hi: int, buf: np.ndarray) -> None:
        k, n = hi - lo, self.n
        dx, dy, inv, px, py = buf[: 5 * k * n].reshape(5, k, n)
        np.subtract(x[lo:hi, None], x, out=dx)
        np.subtract(y[lo:hi, None], y, out=dy)
        np.multiply(dx, dx, out=inv)
        np.multiply(dy, dy, out=px)
        inv += px
        inv += np.float32(1e-2)
        np.divide(np.float32(1.0), inv, out=inv)
        np.multiply(dx, inv, out=px)
        np.multiply(dy, inv, out=py)
        buf[3 * k * n: 5 * k * n].reshape(2, k, n).sum(axis=2, out=self.out[:, lo:hi])
