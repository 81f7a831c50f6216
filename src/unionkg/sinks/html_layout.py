"""A precomputed force layout for the HTML page, so the browser draws with physics off.

Fruchterman–Reingold with gravity, vectorised with numpy (repulsion in row blocks to bound memory);
deterministic for a given graph and seed.

>>> pos = spring_positions(3, [(0, 1), (1, 2)])
>>> len(pos)
3
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Pairwise work per layout (node pairs x iterations) that keeps generation to a few seconds.
PAIR_BUDGET = 4e8
#: Pixels per unit of the layout's ideal edge length.
SCALE = 90.0


def spring_positions(
    n: int, edges: Sequence[tuple[int, int]], *, seed: int = 7, iterations: int | None = None
) -> list[tuple[float, float]]:
    """Positions (x, y in pixels) for nodes ``0..n-1`` joined by undirected ``edges``."""
    if n == 0:
        return []
    if n == 1:
        return [(0.0, 0.0)]
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
    pos -= pos.mean(axis=0)
    return [(round(float(x) * SCALE, 1), round(float(y) * SCALE, 1)) for x, y in pos]


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
