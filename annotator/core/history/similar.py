"""The same picture across the files of a case: groups of copies, and which came first.

Two photos are copies when

- their whole-picture pHashes differ by at most `FULL_THRESHOLD` bits (re-encodings and
  resizings land at 0–4), or
- one's whole picture is within `WINDOW_THRESHOLD` bits of one of the other's window
  pHashes (`perceptual.WINDOWS`: a crop of up to about 20 %, a caption bar), checked only
  for pairs whose whole pictures are within `PREFILTER` bits;

and their pictures have detail enough to tell (`MIN_DETAIL`); flat pictures (a blank sky,
a grey card) hash alike whatever they show, so they are grouped only when identical.
Groups are the connected sets of that relation. The thresholds were measured on copies
made from the corpus photos (README, "File history").

Speed: all pairs' whole-picture distances are computed in blocks with numpy (XOR and a
population count over uint64), which for 10 000 photos is 5·10^7 pairs in about 0.3 s;
the window test then runs only on the few pairs the prefilter keeps
(`tests/bench/bench_similar.py`).

Each member's `relation` is to the group's best copy (the most pixels, then the highest
JPEG quality, then the first imported): `identical` (same pixels and tables: only the
metadata differs), `reencoded` (same size, other encoding), `resized` (same framing,
fewer pixels), `cropped` (a part of the best copy), `similar` (anything else: a caption
added, a different framing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from annotator.core.timeutil import iso_z

FULL_THRESHOLD = 10
DHASH_THRESHOLD = 16
WINDOW_THRESHOLD = 20  # pHash + dHash bits, whole picture against the best window
PREFILTER = 24  # whole-picture pHash bits under which the windows are compared
DPREFILTER = 28  # and whole-picture dHash bits
MIN_DETAIL = 8.0
BLOCK = 512


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


@dataclass(frozen=True)
class Member:
    id: int
    sha256: str
    relation: str
    distance: int
    best: bool = False

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "sha256": self.sha256, "relation": self.relation,
                "distance": self.distance, "best": self.best}


@dataclass(frozen=True)
class CopyGroup:
    members: list[Member]
    earliest: dict[str, object] | None = None
    links: dict[tuple[int, int], tuple[int, bool]] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict[str, object]:
        return {"photos": [m.to_json() for m in self.members], "earliest": self.earliest}


def _u64(hexes: list[str | None]) -> np.ndarray:
    """16-digit hex strings as uint64 (None, or a string of another length, as 0), parsed
    in one go."""
    text = "".join(hexes) if None not in hexes else ""  # type: ignore[arg-type]
    if len(text) != 16 * len(hexes):  # (stored hashes are all 16 digits: this is rare)
        text = "".join(h if h and len(h) == 16 else "0" * 16 for h in hexes)
    return np.frombuffer(bytes.fromhex(text), dtype=">u8").astype(np.uint64)


hex_to_u64 = _u64


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x)


def _windows(items: list[PictureHashes], attr: str, width: int) -> tuple[np.ndarray, np.ndarray]:
    has = np.array([len(getattr(it, attr)) == width for it in items], dtype=bool)
    flat = [h for it in items for h in (getattr(it, attr) if len(getattr(it, attr)) == width
                                        else (None,) * width)]
    return _u64(flat).reshape(len(items), width), has


def _window_distance(pf: np.ndarray, df: np.ndarray, pw: np.ndarray, dw: np.ndarray
                     ) -> np.ndarray:
    """Per row: min over windows of pHash + dHash distance (whole picture vs window)."""
    return (_popcount(pf[:, None] ^ pw) + _popcount(df[:, None] ^ dw)).min(axis=1)


def candidate_pairs(items: list[PictureHashes]) -> dict[tuple[int, int], tuple[int, bool]]:
    """{(i, j): (distance, by_window)} for every pair of indexes i < j judged copies."""
    usable = np.array([bool(it.phash) and (it.detail is None or it.detail >= MIN_DETAIL)
                       for it in items], dtype=bool)
    width = max((len(it.windows) for it in items), default=0)
    pw, has_p = _windows(items, "windows", width)
    dw, has_d = _windows(items, "dwindows", width)
    return pairs_of_arrays(_u64([it.phash for it in items]), _u64([it.dhash for it in items]),
                           usable, pw, dw, has_p & has_d)


def pairs_of_arrays(full: np.ndarray, dfull: np.ndarray, usable: np.ndarray, pw: np.ndarray,
                    dw: np.ndarray, has: np.ndarray
                    ) -> dict[tuple[int, int], tuple[int, bool]]:
    """`candidate_pairs` on hashes already parsed: whole-picture pHashes and dHashes, which
    pictures have detail enough, the window hashes (one row each) and which rows have them."""
    n = full.size
    edges: dict[tuple[int, int], tuple[int, bool]] = {}
    close_i: list[np.ndarray] = []
    close_j: list[np.ndarray] = []
    close_d: list[np.ndarray] = []
    for start in range(0, n, BLOCK):
        stop = min(n, start + BLOCK)
        # only the upper triangle: columns from this block's first row on
        d = _popcount(full[start:stop, None] ^ full[None, start:])
        i, j = np.nonzero(d <= PREFILTER)
        dist = d[i, j]
        i, j = i + start, j + start
        keep = (j > i) & usable[i] & usable[j]
        close_i.append(i[keep])
        close_j.append(j[keep])
        close_d.append(dist[keep])
    if not close_i:
        return edges
    ci, cj, cd = np.concatenate(close_i), np.concatenate(close_j), np.concatenate(close_d)
    dd = _popcount(dfull[ci] ^ dfull[cj])
    direct = (cd <= FULL_THRESHOLD) & (dd <= DHASH_THRESHOLD)
    for a, b, dist in zip(ci[direct].tolist(), cj[direct].tolist(), cd[direct].tolist(),
                          strict=True):
        edges[(a, b)] = (int(dist), False)
    rest = ~direct & (dd <= DPREFILTER)
    if rest.any() and pw.shape[1]:
        all_i, all_j = ci[rest], cj[rest]
        for start in range(0, all_i.size, 50_000):  # bounded memory
            ri, rj = all_i[start:start + 50_000], all_j[start:start + 50_000]
            d1 = _window_distance(full[ri], dfull[ri], pw[rj], dw[rj])
            d2 = _window_distance(full[rj], dfull[rj], pw[ri], dw[ri])
            d1[~has[rj]] = 128
            d2[~has[ri]] = 128
            both = np.minimum(d1, d2)
            ok = both <= WINDOW_THRESHOLD
            for a, b, dist in zip(ri[ok].tolist(), rj[ok].tolist(), both[ok].tolist(),
                                  strict=True):
                edges[(a, b)] = (int(dist), True)
    return edges


def pairs_with(items: list[PictureHashes], index: int) -> list[int]:
    """Indexes of the items judged copies of `items[index]` (the rules of
    `candidate_pairs`, one against all, vectorized)."""
    me = items[index]
    if not me.phash:
        return []
    key = (me.phash, me.dhash, me.width, me.height, me.tables_sha256)
    out = {k for k, it in enumerate(items) if k != index and it.phash and (
        it.phash, it.dhash, it.width, it.height, it.tables_sha256) == key}
    if me.detail is not None and me.detail < MIN_DETAIL:
        return sorted(out)
    others = [k for k, it in enumerate(items) if k != index and it.phash and (
        it.detail is None or it.detail >= MIN_DETAIL)]
    if not others:
        return sorted(out)
    idx = np.array(others)
    full = _u64([items[k].phash for k in others])
    dfull = _u64([items[k].dhash for k in others])
    mp, md = _u64([me.phash])[0], _u64([me.dhash])[0]
    d = _popcount(full ^ mp)
    dd = _popcount(dfull ^ md)
    direct = (d <= FULL_THRESHOLD) & (dd <= DHASH_THRESHOLD)
    out.update(idx[direct].tolist())
    rest = np.nonzero(~direct & (d <= PREFILTER) & (dd <= DPREFILTER))[0]
    width = len(me.windows)
    if rest.size and width and len(me.dwindows) == width:
        sub = [items[k] for k in idx[rest].tolist()]
        pw, has_p = _windows(sub, "windows", width)
        dw, has_d = _windows(sub, "dwindows", width)
        n = len(sub)
        d1 = _window_distance(np.full(n, mp), np.full(n, md), pw, dw)
        d1[~(has_p & has_d)] = 128
        mine_p = np.broadcast_to(_u64(list(me.windows)), (n, width))
        mine_d = np.broadcast_to(_u64(list(me.dwindows)), (n, width))
        d2 = _window_distance(full[rest], dfull[rest], mine_p, mine_d)
        ok = np.minimum(d1, d2) <= WINDOW_THRESHOLD
        out.update(idx[rest][ok].tolist())
    return sorted(out)


def identical_pictures(items: list[PictureHashes]) -> list[tuple[int, int]]:
    """Pairs with the same pixels and tables (flat pictures included)."""
    seen: dict[tuple, int] = {}
    pairs = []
    for k, it in enumerate(items):
        if not it.phash:
            continue
        key = (it.phash, it.dhash, it.width, it.height, it.tables_sha256)
        if key in seen:
            pairs.append((seen[key], k))
        else:
            seen[key] = k
    return pairs


def group(items: list[PictureHashes]) -> list[CopyGroup]:
    """The groups of two or more copies, largest first."""
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = candidate_pairs(items)
    for a, b in identical_pictures(items):
        edges.setdefault((a, b), (0, False))
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    sets: dict[int, list[int]] = {}
    for k in range(len(items)):
        sets.setdefault(find(k), []).append(k)
    groups = [describe(items, idx) for idx in sets.values() if len(idx) > 1]
    groups.sort(key=lambda g: (-len(g.members), g.members[0].id))
    return groups


def _best(items: list[PictureHashes], idx: list[int]) -> int:
    return max(idx, key=lambda k: (items[k].width * items[k].height, items[k].quality or 0,
                                   -items[k].id))


def describe(items: list[PictureHashes], idx: list[int],
             known: dict[tuple[int, int], tuple[int, str]] | None = None) -> CopyGroup:
    """The group of `items[idx]`: the best copy, each member's relation to it, the earliest
    posting. `known` (keyed by best id, member id: distance, relation) keeps what was
    worked out between calls (`CopyIndex`: a group described again after each photo)."""
    best = _best(items, idx)
    ref = items[best]
    members = []
    for k in sorted(idx, key=lambda k: items[k].id):
        it = items[k]
        found = None if known is None else known.get((ref.id, it.id))
        if found is None:
            dist, by_window = _distance_to(ref, it)
            found = (dist, "identical" if k == best else relation(ref, it, by_window))
            if known is not None:
                known[(ref.id, it.id)] = found
        members.append(Member(it.id, it.sha256, found[1], found[0], k == best))
    posted = [items[k] for k in idx if items[k].posted_utc is not None]
    earliest: dict[str, object] | None = None
    if posted:
        first = min(posted, key=lambda it: (it.posted_utc, it.id))
        earliest = {"photo": first.id, "posted_utc": _iso(first.posted_utc),
                    "source": first.source}
    return CopyGroup(members, earliest)


def _distance_to(ref: PictureHashes, it: PictureHashes) -> tuple[int, bool]:
    if ref.id == it.id or not ref.phash or not it.phash:
        return 0, False
    a, b = int(ref.phash, 16), int(it.phash, 16)
    full = (a ^ b).bit_count()
    windowed = min([(a ^ int(w, 16)).bit_count() for w in it.windows]
                   + [(b ^ int(w, 16)).bit_count() for w in ref.windows] + [64])
    # (reported in pHash bits alone, as the whole-picture distance is)
    if full <= FULL_THRESHOLD or full <= windowed:
        return full, False
    return windowed, True


def relation(ref: PictureHashes, it: PictureHashes, by_window: bool) -> str:
    """How `it` stands to the group's best copy `ref`."""
    same_size = (it.width, it.height) == (ref.width, ref.height)
    if same_size and it.phash == ref.phash and it.dhash == ref.dhash \
            and it.tables_sha256 == ref.tables_sha256:
        return "identical"
    if same_size and not by_window:
        return "reencoded"
    if ref.width and ref.height and it.width and it.height:
        aspect = (it.width / it.height) / (ref.width / ref.height)
        smaller = it.width <= ref.width and it.height <= ref.height
        if not by_window and abs(aspect - 1) <= 0.02 and smaller:
            return "resized"
        if smaller:
            return "cropped"
    return "similar"


def _iso(value: datetime | None) -> str | None:
    return iso_z(value)
