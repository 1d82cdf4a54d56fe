"""When two photos are copies of one picture: the rule, on hashes parsed into arrays.

`similar.group` (all photos at once) and `copy_index.CopyIndex` (a case's photos, one at a
time) both judge pairs and split groups here, so they cannot disagree. Two photos with
detail enough to tell (`MIN_DETAIL`) are copies when

- **same framing**: their whole-picture pHashes differ by at most `FULL_THRESHOLD` bits and
  their dHashes by at most `DHASH_THRESHOLD` (re-encodings and resizings land at 0–4), and,
  when both have a PDQ hash, their PDQs differ by at most `PDQ_THRESHOLD` of 256 bits.
  pHash and dHash see only the coarse layout: different photos of one composition (the
  same sky and horizon, an aircraft a little further along; two frames of a burst) come
  out 2–10 bits apart, while PDQ, finer, puts them 54 bits apart and more; a copy is at
  most 20 bits from its source, 32 from another copy (corpus copies, README);
- **a crop or a caption bar**: one's whole picture is within `WINDOW_THRESHOLD` bits (pHash
  + dHash) of one of the other's windows (`perceptual.WINDOWS`), and that window matches
  about as well as the other's whole picture or better (`WINDOW_SLACK`: a crop is better
  explained by the part it keeps; two frames of one scene match best whole). PDQ cannot
  confirm this relation: a crop of 5–20 % moves a copy 90–150 PDQ bits from its source,
  as far as another photo, and PDQ of the window itself does no better (it moves with the
  window's misalignment).
  Two photos of exactly the same pixel size that both have a PDQ are judged by the first
  rule alone: a crop keeps fewer pixels, and frames of a burst share the camera's size.

Groups are the connected sets of that relation, split where they would hold two different
photos of one scene (`copy_split`): a crop of one burst frame may be as close to the next
frame as to its own, and would otherwise join the two.

Flat pictures (a blank sky, a grey card) hash alike whatever they show: they are copies
only when identical (`similar.identical_pictures`). The thresholds were measured on copies
made from the corpus photos and on different photos of one scene (README, "File history";
`tests/core/history/test_similar.py`).

Speed: the candidates are the pairs whose whole-picture pHashes are within `PREFILTER` bits
and dHashes within `DPREFILTER`, found by comparing all pairs in cache-sized tiles with
numpy (XOR and a population count over uint64: 10 000 photos are 5·10^7 pairs, about
0.15 s); every rule above then runs, vectorized, on those few, and the split only on the
connected sets that hold two photos of the same size (`tests/bench/bench_similar.py`).
Multi-index hashing does not pay here: a 24-bit radius over 64 bits leaves no substring
selective enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

FULL_THRESHOLD = 10
DHASH_THRESHOLD = 16
PDQ_THRESHOLD = 36  # of 256 bits; copies ≤ 20 from their source, ≤ 32 from each other
WINDOW_THRESHOLD = 20  # pHash + dHash bits, whole picture against the best window
WINDOW_SLACK = 2  # bits the best window may match worse than the whole picture
PREFILTER = 24  # whole-picture pHash bits under which a pair is judged at all
DPREFILTER = 28  # and whole-picture dHash bits, for the window rule
MIN_DETAIL = 8.0
BLOCK = 256  # rows per block of the all-pairs comparison (a block's columns fit in cache)
COLUMNS = 4096
PDQ_WORDS = 4


@dataclass(frozen=True)
class PictureHashes:
    """What grouping needs of one photo (from its stored history)."""

    id: int
    sha256: str
    phash: str | None
    dhash: str | None = None
    windows: tuple[str, ...] = ()
    dwindows: tuple[str, ...] = ()
    width: int = 0
    height: int = 0
    quality: int | None = None
    tables_sha256: str | None = None
    detail: float | None = None
    posted_utc: datetime | None = None
    source: str | None = None
    pdq: str | None = None


def hex_to_u64(hexes: Sequence[str | None], digits: int = 16) -> np.ndarray:
    """Hex strings of `digits` digits as rows of uint64 (None, or a string of another
    length, as zeros), parsed in one go: (n,) for 16 digits, (n, digits // 16) else."""
    words = digits // 16
    text = "".join(hexes) if None not in hexes else ""  # type: ignore[arg-type]
    if len(text) != digits * len(hexes):  # (stored hashes all have their length: rare)
        text = "".join(h if h and len(h) == digits else "0" * digits for h in hexes)
    values = np.frombuffer(bytes.fromhex(text), dtype=">u8").astype(np.uint64)
    return values if words == 1 else values.reshape(len(hexes), words)


def _usable(item: PictureHashes) -> bool:
    return bool(item.phash) and (item.detail is None or item.detail >= MIN_DETAIL)


def _has_windows(item: PictureHashes, width: int) -> bool:
    return bool(width) and len(item.windows) == len(item.dwindows) == width


def window_width(items: Sequence[PictureHashes]) -> int:
    """The number of window hashes of the first photo that has them (0: none has)."""
    return next((len(it.windows) for it in items
                 if it.windows and len(it.dwindows) == len(it.windows)), 0)


class HashArrays:
    """The photos' hashes as rows of arrays, with room to grow: whole-picture pHash and
    dHash, whether the picture has detail enough to compare, the window hashes (`width`
    each; `has`: this row has them), PDQ (four uint64; `has_pdq`) and the pixel size."""

    def __init__(self, width: int = 0, capacity: int = 0) -> None:
        self.n = 0
        self.width = width
        self.full = np.zeros(capacity, dtype=np.uint64)
        self.dfull = np.zeros(capacity, dtype=np.uint64)
        self.usable = np.zeros(capacity, dtype=bool)
        self.pw = np.zeros((capacity, width), dtype=np.uint64)
        self.dw = np.zeros((capacity, width), dtype=np.uint64)
        self.has = np.zeros(capacity, dtype=bool)
        self.pdq = np.zeros((capacity, PDQ_WORDS), dtype=np.uint64)
        self.has_pdq = np.zeros(capacity, dtype=bool)
        self.size = np.zeros(capacity, dtype=np.int64)  # width << 32 | height; 0: unknown

    @classmethod
    def of(cls, items: Sequence[PictureHashes], width: int | None = None) -> HashArrays:
        """All photos at once, every kind of hash parsed in one go."""
        n = len(items)
        width = window_width(items) if width is None else width
        arr = cls(width, 0)
        arr.n = n
        arr.full = hex_to_u64([it.phash for it in items])
        arr.dfull = hex_to_u64([it.dhash for it in items])
        arr.usable = np.fromiter((_usable(it) for it in items), dtype=bool, count=n)
        arr.has = np.fromiter((_has_windows(it, width) for it in items), dtype=bool, count=n)
        if width:
            blank = "0" * (16 * width)
            ok = arr.has.tolist()
            arr.pw = hex_to_u64(["".join(it.windows) if h else blank
                                 for it, h in zip(items, ok, strict=True)],
                                16 * width).reshape(n, width)
            arr.dw = hex_to_u64(["".join(it.dwindows) if h else blank
                                 for it, h in zip(items, ok, strict=True)],
                                16 * width).reshape(n, width)
        else:
            arr.pw = np.zeros((n, 0), dtype=np.uint64)
            arr.dw = np.zeros((n, 0), dtype=np.uint64)
        pdqs = [it.pdq for it in items]
        arr.pdq = hex_to_u64(pdqs, 16 * PDQ_WORDS).reshape(n, PDQ_WORDS)
        arr.has_pdq = np.fromiter((p is not None and len(p) == 16 * PDQ_WORDS for p in pdqs),
                                  dtype=bool, count=n)
        arr.size = np.fromiter(((it.width << 32) | it.height if it.width and it.height else 0
                                for it in items), dtype=np.int64, count=n)
        return arr

    def append(self, item: PictureHashes) -> int:
        """Add one photo's row (its index); the window width is set by the first photo
        that has windows."""
        k = self.n
        if not self.width and item.windows and len(item.dwindows) == len(item.windows):
            self.width = len(item.windows)
            self.pw = np.zeros((self.full.size, self.width), dtype=np.uint64)
            self.dw = np.zeros((self.full.size, self.width), dtype=np.uint64)
        if k == self.full.size:  # room for twice as many
            size = max(64, 2 * k)
            for name in ("full", "dfull", "usable", "pw", "dw", "has", "pdq", "has_pdq",
                         "size"):
                setattr(self, name, _grown(getattr(self, name), size))
        row = HashArrays.of([item], self.width)
        for name in ("full", "dfull", "usable", "pw", "dw", "has", "pdq", "has_pdq", "size"):
            getattr(self, name)[k] = getattr(row, name)[0]
        self.n = k + 1
        return k


def _grown(values: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros((size, *values.shape[1:]), dtype=values.dtype)
    out[:values.shape[0]] = values
    return out


def _window_distance(full: np.ndarray, dfull: np.ndarray, other: HashArrays,
                     rows: np.ndarray) -> np.ndarray:
    """Per pair k: min over the windows of `other`'s row rows[k] of pHash + dHash bits
    against the whole picture (full[k], dfull[k]); 128 when that row has no windows or none
    is within `WINDOW_THRESHOLD` pHash bits alone (the dHash part is counted only for the
    rest: most candidates are far from every window)."""
    bits = np.bitwise_count(full[:, None] ^ other.pw[rows])
    out = np.full(full.size, 128, dtype=np.int64)
    close = np.flatnonzero((bits.min(axis=1) <= WINDOW_THRESHOLD) & other.has[rows])
    if close.size:
        out[close] = (bits[close] + np.bitwise_count(dfull[close, None]
                                                     ^ other.dw[rows[close]])).min(axis=1)
    return out


def judge(a: HashArrays, ia: np.ndarray, b: HashArrays, ib: np.ndarray, cd: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The module's rule on candidate pairs (row ia[k] of `a`, row ib[k] of `b`, both
    usable, their whole pHashes `cd` ≤ `PREFILTER` bits apart): (k, distance, by_window)
    for each pair k judged copies. The distance is pHash bits for a same-framing pair,
    pHash + dHash bits against the best window for a crop."""
    dd = np.bitwise_count(a.dfull[ia] ^ b.dfull[ib])
    pos = np.flatnonzero(dd <= DPREFILTER)  # (either rule needs it: the rest are out)
    ia, ib, cd, dd = ia[pos], ib[pos], cd[pos].astype(np.int64), dd[pos].astype(np.int64)
    known = a.has_pdq[ia] & b.has_pdq[ib]
    direct = (cd <= FULL_THRESHOLD) & (dd <= DHASH_THRESHOLD)
    check = np.flatnonzero(direct & known)
    if check.size:
        pq = np.bitwise_count(a.pdq[ia[check]] ^ b.pdq[ib[check]]).sum(axis=1)
        direct[check[pq > PDQ_THRESHOLD]] = False
    dist = cd.copy()
    by_window = np.zeros(cd.size, dtype=bool)
    ok = direct.copy()
    if a.width and a.width == b.width:
        same_size = (a.size[ia] == b.size[ib]) & (a.size[ia] != 0)
        rest = np.flatnonzero(~direct & (a.has[ia] | b.has[ib]) & ~(known & same_size))
        for start in range(0, rest.size, 16_384):  # bounded memory (about 4 MB a table)
            r = rest[start:start + 16_384]
            ra, rb = ia[r], ib[r]
            wd = np.minimum(_window_distance(a.full[ra], a.dfull[ra], b, rb),
                            _window_distance(b.full[rb], b.dfull[rb], a, ra))
            fits = (wd <= WINDOW_THRESHOLD) & (wd <= cd[r] + dd[r] + WINDOW_SLACK)
            win = r[fits]
            ok[win] = True
            by_window[win] = True
            dist[win] = wd[fits]
    keep = np.flatnonzero(ok)
    return pos[keep], dist[keep], by_window[keep]


def all_pairs(a: HashArrays) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of rows i < j of `a` judged copies: (i, j, distance, by_window)."""
    rows = np.flatnonzero(a.usable[:a.n])
    full, dfull = a.full[rows], a.dfull[rows]
    m = rows.size
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    found_d: list[np.ndarray] = []
    xor = np.empty(BLOCK * COLUMNS, dtype=np.uint64)
    bits = np.empty(BLOCK * COLUMNS, dtype=np.uint8)
    near = np.empty(BLOCK * COLUMNS, dtype=bool)
    upper = np.arange(COLUMNS)[None, :] > np.arange(BLOCK)[:, None]
    for start in range(0, m, BLOCK):
        stop = min(m, start + BLOCK)
        h = stop - start
        for col in range(start, m, COLUMNS):  # the upper triangle only
            w = min(m, col + COLUMNS) - col
            x = xor[:h * w].reshape(h, w)
            c = bits[:h * w].reshape(h, w)
            k = near[:h * w].reshape(h, w)
            np.bitwise_xor(full[start:stop, None], full[None, col:col + w], out=x)
            np.bitwise_count(x, out=c)
            np.less_equal(c, PREFILTER, out=k)
            if col == start:  # the diagonal tile: only j > i
                k &= upper[:h, :w]
            flat = np.flatnonzero(k)
            if flat.size:
                i, j = np.divmod(flat, w)
                i += start
                j += col
                # (either rule needs the dHashes within DPREFILTER: cut here, while the
                # block's rows are in cache, and keep a fifth of the candidates)
                keep = np.flatnonzero(np.bitwise_count(dfull[i] ^ dfull[j]) <= DPREFILTER)
                found_i.append(i[keep].astype(np.int32))
                found_j.append(j[keep].astype(np.int32))
                found_d.append(c.ravel()[flat[keep]])
    del xor, bits, near  # (the judge's tables take their place)
    if not found_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros(0, dtype=bool)
    ci = rows[np.concatenate(found_i)]
    cj = rows[np.concatenate(found_j)]
    pos, dist, by_window = judge(a, ci, a, cj, np.concatenate(found_d))
    return ci[pos], cj[pos], dist, by_window


def near(a: HashArrays, b: HashArrays, k: int = 0
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of `a` judged copies of row `k` of `b` (identical pictures aside), with the
    distance and whether by a window."""
    if not b.usable[k] or not a.n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, bool)
    d = np.bitwise_count(a.full[:a.n] ^ b.full[k])
    rows = np.flatnonzero((d <= PREFILTER) & a.usable[:a.n])
    pos, dist, by_window = judge(a, rows, b, np.full(rows.size, k), d[rows])
    return rows[pos], dist, by_window
