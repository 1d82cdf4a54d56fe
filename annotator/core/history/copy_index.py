"""The groups of copies of a case, kept up to date as photos are added (no SQL here).

`similar.group` groups a list of photos in one pass; a case grows one photo at a time, and
the capture-date check of each new photo asks for its group. `CopyIndex` holds the case's
hashes as arrays and the groups as a union-find, so adding a photo costs one comparison
against the case (a vectorized XOR and population count, then the exact rules of
`similar.pairs_with` on the few photos the prefilter keeps) and reading a group costs its
size. The groups are exactly `similar.group`'s: the connected sets of the same relation
(tested against it).

Postings change, hashes never do (an original is never rewritten): postings are given to
`group_of` by the caller, fresh, and never kept here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime

import numpy as np

from annotator.core.history.similar import (
    DHASH_THRESHOLD,
    DPREFILTER,
    FULL_THRESHOLD,
    MIN_DETAIL,
    PREFILTER,
    WINDOW_THRESHOLD,
    CopyGroup,
    PictureHashes,
    describe,
    hex_to_u64,
    identical_pictures,
    pairs_of_arrays,
)

Postings = dict[int, tuple[datetime | None, str | None]]


class CopyIndex:
    """The photos' hashes and their groups of copies; photos are only ever added."""

    def __init__(self, items: Iterable[PictureHashes] = ()) -> None:
        self._items: list[PictureHashes] = []
        self._pos: dict[int, int] = {}
        # Hashes parsed once, as rows of arrays with room to grow: pHash, dHash, whether
        # the picture has detail enough to compare, and the window hashes (`_width` each).
        self._width = 0
        self._full = np.zeros(0, dtype=np.uint64)
        self._dfull = np.zeros(0, dtype=np.uint64)
        self._usable = np.zeros(0, dtype=bool)
        self._pw = np.zeros((0, 0), dtype=np.uint64)
        self._dw = np.zeros((0, 0), dtype=np.uint64)
        self._has = np.zeros(0, dtype=bool)
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}  # root → indexes of its group
        # (best id, member id) → (distance, relation): hashes never change
        self._relations: dict[tuple[int, int], tuple[int, str]] = {}
        items = list(items)
        if items:
            self._build(items)

    def __contains__(self, photo_id: int) -> bool:
        return photo_id in self._pos

    def __len__(self) -> int:
        return len(self._items)

    def sha256_of(self, photo_id: int) -> str:
        return self._items[self._pos[photo_id]].sha256

    def ids(self) -> list[int]:
        return [it.id for it in self._items]

    def _build(self, items: list[PictureHashes]) -> None:
        """All photos at once: every hash parsed in one go, all pairs in blocks."""
        n = len(items)
        self._items = list(items)
        self._pos = {it.id: k for k, it in enumerate(self._items)}
        self._width = next((len(it.windows) for it in items
                            if len(it.windows) and len(it.dwindows) == len(it.windows)), 0)
        width = self._width
        self._full = hex_to_u64([it.phash for it in items])
        self._dfull = hex_to_u64([it.dhash for it in items])
        self._usable = np.array([bool(it.phash) and (it.detail is None
                                                     or it.detail >= MIN_DETAIL)
                                 for it in items], dtype=bool)
        self._has = np.array([bool(width) and len(it.windows) == len(it.dwindows) == width
                              for it in items], dtype=bool)
        blank = (None,) * width
        self._pw = hex_to_u64([h for it, ok in zip(items, self._has.tolist(), strict=True)
                               for h in (it.windows if ok else blank)]).reshape(n, width)
        self._dw = hex_to_u64([h for it, ok in zip(items, self._has.tolist(), strict=True)
                               for h in (it.dwindows if ok else blank)]).reshape(n, width)
        self._parent = list(range(n))
        self._members = {k: [k] for k in range(n)}
        edges = set(pairs_of_arrays(self._full, self._dfull, self._usable, self._pw, self._dw,
                                    self._has))
        edges.update(identical_pictures(self._items))
        for a, b in edges:
            self._union(a, b)

    def _append(self, item: PictureHashes) -> int:
        k = len(self._items)
        if not self._width and len(item.windows) and len(item.dwindows) == len(item.windows):
            self._width = len(item.windows)
            self._pw = np.zeros((self._full.size, self._width), dtype=np.uint64)
            self._dw = np.zeros((self._full.size, self._width), dtype=np.uint64)
        if k == self._full.size:  # room for twice as many
            size = max(64, 2 * k)
            self._full = _grown(self._full, size)
            self._dfull = _grown(self._dfull, size)
            self._usable = _grown(self._usable, size)
            self._has = _grown(self._has, size)
            self._pw = _grown(self._pw, size)
            self._dw = _grown(self._dw, size)
        self._items.append(item)
        self._pos[item.id] = k
        self._full[k] = hex_to_u64([item.phash])[0]
        self._dfull[k] = hex_to_u64([item.dhash])[0]
        self._usable[k] = bool(item.phash) and (item.detail is None or item.detail >= MIN_DETAIL)
        has = bool(self._width) and len(item.windows) == len(item.dwindows) == self._width
        self._has[k] = has
        if has:
            self._pw[k] = hex_to_u64(list(item.windows))
            self._dw[k] = hex_to_u64(list(item.dwindows))
        self._parent.append(k)
        self._members[k] = [k]
        return k

    def _find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))

    def neighbours(self, item: PictureHashes) -> list[int]:
        """Ids of the photos of the index `item` is directly judged a copy of: the rules
        of `similar.pairs_with`, on the arrays (no hash parsed again)."""
        n = len(self._items)
        if not item.phash or not n:
            return []
        mp, md = hex_to_u64([item.phash, item.dhash])
        d = np.bitwise_count(self._full[:n] ^ mp)
        near = np.nonzero(d <= PREFILTER)[0]
        key = (item.phash, item.dhash, item.width, item.height, item.tables_sha256)
        out = {int(k) for k in near[d[near] == 0]
               if (it := self._items[k]).id != item.id
               and (it.phash, it.dhash, it.width, it.height, it.tables_sha256) == key}
        if item.detail is not None and item.detail < MIN_DETAIL:
            return sorted(self._items[k].id for k in out)
        near = near[self._usable[near]]
        dd = np.bitwise_count(self._dfull[near] ^ md)
        direct = (d[near] <= FULL_THRESHOLD) & (dd <= DHASH_THRESHOLD)
        out.update(near[direct].tolist())
        rest = near[~direct & (dd <= DPREFILTER)]
        width = len(item.windows)
        if rest.size and width and width == self._width and len(item.dwindows) == width:
            d1 = (np.bitwise_count(self._pw[rest] ^ mp)
                  + np.bitwise_count(self._dw[rest] ^ md)).min(axis=1)
            d1[~self._has[rest]] = 128
            mine_p = hex_to_u64(list(item.windows))
            mine_d = hex_to_u64(list(item.dwindows))
            d2 = (np.bitwise_count(self._full[rest, None] ^ mine_p)
                  + np.bitwise_count(self._dfull[rest, None] ^ mine_d)).min(axis=1)
            out.update(rest[np.minimum(d1, d2) <= WINDOW_THRESHOLD].tolist())
        me = self._pos.get(item.id)
        return sorted(self._items[k].id for k in out if k != me)

    def members_of(self, photo_id: int) -> list[int]:
        """Ids of the photo's group (itself alone when it has no copies), in id order."""
        if photo_id not in self._pos:
            return []
        root = self._find(self._pos[photo_id])
        return sorted(self._items[k].id for k in self._members[root])

    def add(self, item: PictureHashes, neighbours: list[int] | None = None) -> None:
        """Add a photo (`neighbours`: its `neighbours(item)`, when the caller has them)."""
        if item.id in self._pos:
            raise ValueError(f"photo {item.id} is already indexed")
        near = self.neighbours(item) if neighbours is None else neighbours
        k = self._append(item)
        for pid in near:
            self._union(k, self._pos[pid])

    def group_of(self, photo_id: int, postings: Postings) -> CopyGroup | None:
        """The photo's group, described as `similar.group` does (None: no copies)."""
        if photo_id not in self._pos:
            return None
        root = self._find(self._pos[photo_id])
        return self._describe(self._members[root], postings)

    def groups(self, postings: Postings) -> list[CopyGroup]:
        """Every group of two or more copies, largest first (`similar.group`'s order)."""
        out = [g for idx in self._members.values() if len(idx) > 1
               if (g := self._describe(idx, postings)) is not None]
        out.sort(key=lambda g: (-len(g.members), g.members[0].id))
        return out

    def _describe(self, idx: list[int], postings: Postings) -> CopyGroup | None:
        if len(idx) < 2:
            return None
        items = [self._items[k] for k in idx]
        items = [dataclasses.replace(it, posted_utc=postings[it.id][0],
                                     source=postings[it.id][1]) if it.id in postings else it
                 for it in items]
        return describe(items, list(range(len(items))), self._relations)


def _grown(values: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros((size, *values.shape[1:]), dtype=values.dtype)
    out[:values.shape[0]] = values
    return out
