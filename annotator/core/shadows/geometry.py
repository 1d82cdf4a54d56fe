"""The ground plane rectified: from four marked corners of a rectangle of known size and
orientation to metres east and north on the ground.

Pixels are displayed pixels (x right, y down, after EXIF Orientation). The rectangle's
corners are marked in order around it, either way round; its first side (1→2) is LENGTH
metres long along BEARING (degrees true), the second (2→3) WIDTH metres long. Which side of
1→2 the rectangle lies on follows from the picture: a camera above the ground sees the ground
from above, unmirrored, so the corners turn the same way in the picture (y flipped up) as on
a map.

Everything here works on numpy arrays with a leading batch axis, so the Monte Carlo of
`measure` solves its thousands of perturbed homographies at once.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def signed_area(quad: Array) -> Array:
    """Shoelace area of (…, 4, 2) pixel quads with y turned up (positive: anticlockwise as
    seen on a map)."""
    x, y = quad[..., 0], -quad[..., 1]
    return 0.5 * np.sum(x * np.roll(y, -1, axis=-1) - np.roll(x, -1, axis=-1) * y, axis=-1)


def is_convex(quad: Array) -> Array:
    """(…, 4, 2) → (…) bool: the corners go round a convex quadrilateral, sides not crossing."""
    edges = np.roll(quad, -1, axis=-2) - quad
    nxt = np.roll(edges, -1, axis=-2)
    cross = edges[..., 0] * nxt[..., 1] - edges[..., 1] * nxt[..., 0]
    return np.all(cross > 0, axis=-1) | np.all(cross < 0, axis=-1)


def thickness(quad: np.ndarray) -> float:
    """The quad's smallest extent across any of its sides, in pixels: for each side, the
    farthest other corner from that side's line; the least of those. A rectangle seen
    edge-on is thin."""
    best = math.inf
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        side = b - a
        norm = float(np.hypot(*side))
        if norm == 0.0:
            return 0.0
        others = [quad[(i + k) % 4] for k in (2, 3)]
        far = max(abs(float(side[0] * (p[1] - a[1]) - side[1] * (p[0] - a[0]))) / norm
                  for p in others)
        best = min(best, far)
    return best


def ground_corners(length: float, width: float, bearing_deg: float,
                   rectangle_on_right: bool) -> Array:
    """The rectangle's corners in metres (east, north) from corner 1."""
    b = math.radians(bearing_deg)
    along = np.array([math.sin(b), math.cos(b)])
    right = np.array([math.cos(b), -math.sin(b)])  # bearing + 90°, seen from above
    across = right if rectangle_on_right else -right
    p1 = np.zeros(2)
    p2 = p1 + length * along
    return np.array([p1, p2, p2 + width * across, p1 + width * across])


def _normaliser(points: Array) -> Array:
    """Hartley's similarity per batch: centroid to the origin, mean distance √2."""
    centre = points.mean(axis=-2)
    spread = np.linalg.norm(points - centre[..., None, :], axis=-1).mean(axis=-1)
    scale = math.sqrt(2.0) / np.where(spread > 0, spread, 1.0)
    t = np.zeros(points.shape[:-2] + (3, 3))
    t[..., 0, 0] = t[..., 1, 1] = scale
    t[..., 0, 2] = -scale * centre[..., 0]
    t[..., 1, 2] = -scale * centre[..., 1]
    t[..., 2, 2] = 1.0
    return t


def _apply(h: Array, points: Array) -> tuple[Array, Array]:
    """Map (…, n, 2) points by (…, 3, 3) homographies: (mapped points, their w)."""
    ones = np.ones(points.shape[:-1] + (1,))
    homo = np.concatenate([points, ones], axis=-1) @ np.swapaxes(h, -1, -2)
    w = homo[..., 2]
    return homo[..., :2] / w[..., None], w


def homography(image: Array, ground: Array) -> tuple[Array, Array]:
    """The homographies taking (…, 4, 2) image corners to the (4, 2) ground corners, solved
    in Hartley-normalised coordinates (where the centroid maps to a finite point, so the
    last entry may be fixed to 1), and the condition number of each normalised system."""
    ti = _normaliser(image)
    tg = _normaliser(ground[None])[0]
    xi, _ = _apply(ti, image)
    xg, _ = _apply(tg, ground)
    batch = image.shape[:-2]
    a = np.zeros(batch + (8, 8))
    rhs = np.zeros(batch + (8,))
    for k in range(4):
        x, y = xi[..., k, 0], xi[..., k, 1]
        gx, gy = xg[k]
        a[..., 2 * k, 0], a[..., 2 * k, 1], a[..., 2 * k, 2] = x, y, 1.0
        a[..., 2 * k, 6], a[..., 2 * k, 7] = -gx * x, -gx * y
        a[..., 2 * k + 1, 3], a[..., 2 * k + 1, 4], a[..., 2 * k + 1, 5] = x, y, 1.0
        a[..., 2 * k + 1, 6], a[..., 2 * k + 1, 7] = -gy * x, -gy * y
        rhs[..., 2 * k], rhs[..., 2 * k + 1] = gx, gy
    cond = np.linalg.cond(a)
    ok = np.isfinite(cond) & (cond < 1e12)
    safe = np.where(ok[..., None, None], a, np.eye(8))
    h8 = np.linalg.solve(safe, np.where(ok[..., None], rhs, 0.0)[..., None])[..., 0]
    hn = np.concatenate([h8, np.ones(batch + (1,))], axis=-1).reshape(batch + (3, 3))
    h = np.linalg.inv(tg) @ hn @ ti
    return h, np.where(ok, cond, np.inf)


def to_ground(h: Array, points: Array) -> tuple[Array, Array]:
    """Image points (…, n, 2) on the ground plane (east, north metres), and their w: a point
    whose w has not the sign of the corners' lies at or beyond the ground's horizon line."""
    return _apply(h, points)


def bearing_and_length(foot: Array, tip: Array) -> tuple[Array, Array]:
    """Degrees true and metres of the ground vector foot → tip (east, north)."""
    d = tip - foot
    return np.degrees(np.arctan2(d[..., 0], d[..., 1])) % 360.0, np.hypot(d[..., 0], d[..., 1])
