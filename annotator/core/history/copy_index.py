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
from annotator.core.history.copy_split import (
    Edge,
    apart,
    apart_across,
    keep_edge,
    partition,
)
from annotator.core.history.similar import CopyGroup, describe, identical_pictures

Postings = dict[int, tuple[datetime | None, str | None]]


class CopyIndex:
    """The photos' hashes and their groups of copies; photos are only ever added.

    Two levels: the connected sets of the copies relation (a union-find, with the edges
    that joined each set), and each set's groups (`copy_split.partition`: a set holding two
    different photos of one scene is split). A photo added joins sets, and only the set
    it ends in is partitioned again, so the groups stay `similar.group`'s."""

    def __init__(self, items: Iterable[PictureHashes] = ()) -> None:
        self._items: list[PictureHashes] = []
        self._pos: dict[int, int] = {}
        self._arrays = HashArrays()
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}  # root → indexes of its connected set
        self._best: list[list[Edge]] = []  # index → its closest edges (`keep_edge`)
        self._banned: dict[int, set[int]] = {}  # index → the indexes it is `apart` from
        self._split: set[int] = set()  # roots of the sets that hold pairs `apart`
        self._group: list[int] = []  # index → the first index of its group
        self._groups: dict[int, list[int]] = {}  # first index → indexes of its group
        # the last `neighbours` asked: (photo id, [(neighbour index, distance, by_window)])
        self._asked: tuple[int, list[tuple[int, int, bool]]] | None = None
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

    def _edge(self, a: int, b: int, dist: int, by_window: bool) -> Edge:
        ia, ib = self._items[a].id, self._items[b].id
        return (by_window, dist, min(ia, ib), max(ia, ib), a, b)

    def _build(self, items: list[PictureHashes]) -> None:
        """All photos at once: every hash parsed in one go, all pairs in blocks."""
        n = len(items)
        self._items = list(items)
        self._pos = {it.id: k for k, it in enumerate(self._items)}
        self._arrays = HashArrays.of(self._items)
        self._parent = list(range(n))
        self._members = {k: [k] for k in range(n)}
        self._best = [[] for _ in range(n)]
        self._banned = {}
        self._split = set()
        self._group = list(range(n))
        self._groups = {k: [k] for k in range(n)}
        i, j, dist, by_window = all_pairs(self._arrays)
        pairs = {(a, b): (d, w) for a, b, d, w in zip(i.tolist(), j.tolist(), dist.tolist(),
                                                       by_window.tolist(), strict=True)}
        for a, b in identical_pictures(self._items):
            pairs.setdefault((a, b), (0, False))
        for (a, b), (d, w) in pairs.items():
            self._union(a, b)
            edge = self._edge(a, b, d, w)
            keep_edge(self._best[a], edge)
            keep_edge(self._best[b], edge)
        for root, idx in self._members.items():
            if len(idx) > 1:
                self._ban(root, apart(self._arrays, idx))
                self._partition(root)

    def _append(self, item: PictureHashes) -> int:
        k = self._arrays.append(item)
        self._items.append(item)
        self._pos[item.id] = k
        self._parent.append(k)
        self._members[k] = [k]
        self._best.append([])
        self._group.append(k)
        self._groups[k] = [k]
        return k

    def _find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _union(self, a: int, b: int) -> int:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return ra
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        if rb in self._split:
            self._split.discard(rb)
            self._split.add(ra)
        return ra

    def _ban(self, root: int, pairs: set[tuple[int, int]]) -> None:
        for x, y in pairs:
            self._banned.setdefault(x, set()).add(y)
            self._banned.setdefault(y, set()).add(x)
        if pairs:
            self._split.add(root)

    def _partition(self, root: int) -> None:
        """The groups of the connected set `root`, worked out again."""
        idx = self._members[root]
        for k in idx:
            self._groups.pop(self._group[k], None)
        if root not in self._split:
            groups = [sorted(idx)]
        else:
            groups = partition(idx, sorted({e for k in idx for e in self._best[k]}),
                               self._banned)
        for grp in groups:
            first = min(grp)
            for k in grp:
                self._group[k] = first
            self._groups[first] = grp

    def _near(self, item: PictureHashes) -> list[tuple[int, int, bool]]:
        """(index, distance, by_window) of the photos `item` is directly a copy of."""
        if self._asked is not None and self._asked[0] == item.id:
            return self._asked[1]
        if not item.phash or not self._items:
            return []
        query = HashArrays.of([item], self._arrays.width)
        rows, dist, by_window = near(self._arrays, query)
        found = {k: (d, w) for k, d, w in zip(rows.tolist(), dist.tolist(),
                                              by_window.tolist(), strict=True)}
        full = self._arrays.full[:self._arrays.n]
        key = (item.phash, item.dhash, item.width, item.height, item.tables_sha256)
        for k in (full == query.full[0]).nonzero()[0].tolist():
            it = self._items[k]
            if (it.phash, it.dhash, it.width, it.height, it.tables_sha256) == key:
                found.setdefault(k, (0, False))
        me = self._pos.get(item.id)
        out = [(k, d, w) for k, (d, w) in sorted(found.items()) if k != me]
        self._asked = (item.id, out)
        return out

    def neighbours(self, item: PictureHashes) -> list[int]:
        """Ids of the photos of the index `item` is directly judged a copy of: the rules
        of `copy_rules.judge` and identical pictures, on the arrays (no hash parsed
        again)."""
        return sorted(self._items[k].id for k, _, _ in self._near(item))

    def related(self, photo_ids: Iterable[int]) -> list[int]:
        """Ids of the photos connected to these (their groups, and the groups a new photo
        joining them may re-partition), in id order."""
        roots = {self._find(self._pos[p]) for p in photo_ids if p in self._pos}
        return sorted(self._items[k].id for r in roots for k in self._members[r])

    def members_of(self, photo_id: int) -> list[int]:
        """Ids of the photo's group (itself alone when it has no copies), in id order."""
        if photo_id not in self._pos:
            return []
        first = self._group[self._pos[photo_id]]
        return sorted(self._items[k].id for k in self._groups[first])

    def add(self, item: PictureHashes, neighbours: list[int] | None = None) -> None:
        """Add a photo. `neighbours` is accepted for callers that asked `neighbours(item)`
        first: what that call found is kept and used here (not worked out twice)."""
        if item.id in self._pos:
            raise ValueError(f"photo {item.id} is already indexed")
        found = self._near(item)
        self._asked = None
        k = self._append(item)
        if not found:
            return
        # the pairs `apart` the merged set gains: the new photo against every member, and
        # the sets it joins against each other (each set's own pairs are kept)
        sets = list({self._find(j): None for j, _, _ in found})
        split = apart_across(self._arrays, [k], [m for r in sets for m in self._members[r]])
        for n, r in enumerate(sets):
            for other in sets[n + 1:]:
                split |= apart_across(self._arrays, self._members[r], self._members[other])
        for j, d, w in found:
            self._union(k, j)
            edge = self._edge(j, k, d, w)
            keep_edge(self._best[j], edge)
            keep_edge(self._best[k], edge)
        root = self._find(k)
        self._ban(root, split)
        self._partition(root)

    def group_of(self, photo_id: int, postings: Postings) -> CopyGroup | None:
        """The photo's group, described as `similar.group` does (None: no copies)."""
        if photo_id not in self._pos:
            return None
        return self._describe(self._groups[self._group[self._pos[photo_id]]], postings)

    def groups(self, postings: Postings) -> list[CopyGroup]:
        """Every group of two or more copies, largest first (`similar.group`'s order)."""
        out = [g for idx in self._groups.values() if len(idx) > 1
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

