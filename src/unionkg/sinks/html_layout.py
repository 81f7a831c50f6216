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
from collections.abc import Sequence

import numpy as np

#: Pairwise work per layout (node pairs x iterations) that keeps generation to a few seconds.
PAIR_BUDGET = 4e8
#: Pixels per unit of the layout's ideal edge length.
SCALE = 90.0
#: Gap between packed components, in layout units.
GAP = 2.0


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
    temperature = np.sqrt(n) * 0.5
    block = max(1, int(2_000_000 // n))
    for step in range(iterations):
        disp = _repulsion(pos, block)
        if len(e):
            diff = pos[e[:, 0]] - pos[e[:, 1]]
            dist = np.sqrt((diff * diff).sum(axis=1))[:, None] + 1e-9
            pull = diff * dist  # d^2 along the edge (k = 1)
            np.add.at(disp, e[:, 0], -pull)
            np.add.at(disp, e[:, 1], pull)
        disp -= pos * (0.02 * (degree[:, None] + 1.0))
        length = np.sqrt((disp * disp).sum(axis=1))[:, None] + 1e-9
        cool = temperature * (1.0 - step / iterations) + 0.05
        pos += disp / length * np.minimum(length, cool)
    return pos - pos.mean(axis=0)


def _repulsion(pos: np.ndarray, block: int) -> np.ndarray:
    """Sum over all other nodes of delta / d^2 (FR repulsion k^2/d along the unit vector)."""
    x = pos[:, 0].astype(np.float32)
    y = pos[:, 1].astype(np.float32)
    out = np.empty_like(pos)
    for lo in range(0, len(x), block):
        dx = x[lo:lo + block, None] - x[None, :]
        dy = y[lo:lo + block, None] - y[None, :]
        inv = dx * dx
        inv += dy * dy
        inv += np.float32(1e-2)
        np.reciprocal(inv, out=inv)
        out[lo:lo + block, 0] = (dx * inv).sum(axis=1)
        out[lo:lo + block, 1] = (dy * inv).sum(axis=1)
    return out
