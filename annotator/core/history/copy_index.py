"""The groups of copies of a case, kept up to date as photos are added (no SQL here).

`similar.group` groups a list of photos in one pass; a case grows one photo at a time, and
the capture-date check of each new photo asks for its group. `CopyIndex` holds the case's
hashes as arrays (`copy_rules.HashArrays`) and the groups as a union-find, so adding a photo
costs one comparison against the case (a vectorized XOR and population count, then the
rules of `copy_rules.judge` on the few photos the prefilter keeps) and reading a group
costs its size. The groups are exactly `similar.group`'s: the connected sets of the same
relation, judged by the same function (tested against it).

Postings change, hashes never do (an original is never rewritten): postings are given to
`group_of` by the caller, fresh, and never kept here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime

from annotator.core.history.copy_rules import HashArrays, PictureHashes, all_pairs, near
from annotator.core.history.similar import CopyGroup, describe, identical_pictures

Postings = dict[int, tuple[datetime | None, str | None]]


class CopyIndex:
    """The photos' hashes and their groups of copies; photos are only ever added."""

    def __init__(self, items: Iterable[PictureHashes] = ()) -> None:
        self._items: list[PictureHashes] = []
        self._pos: dict[int, int] = {}
        self._arrays = HashArrays()
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
        self._arrays = HashArrays.of(self._items)
        self._parent = list(range(n))
        self._members = {k: [k] for k in range(n)}
        i, j, _, _ = all_pairs(self._arrays)
        edges = set(zip(i.tolist(), j.tolist(), strict=True))
        edges.update(identical_pictures(self._items))
        for a, b in edges:
            self._union(a, b)

    def _append(self, item: PictureHashes) -> int:
        k = self._arrays.append(item)
        self._items.append(item)
        self._pos[item.id] = k
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
        of `copy_rules.judge` and identical pictures, on the arrays (no hash parsed
        again)."""
        if not item.phash or not self._items:
            return []
        query = HashArrays.of([item], self._arrays.width)
        d0 = near(self._arrays, query)
        full = self._arrays.full[:self._arrays.n]
        key = (item.phash, item.dhash, item.width, item.height, item.tables_sha256)
        out = set(d0.tolist())
        out.update(int(k) for k in (full == query.full[0]).nonzero()[0]
                   if ((it := self._items[k]).phash, it.dhash, it.width, it.height,
                       it.tables_sha256) == key)
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

