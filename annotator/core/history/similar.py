"""The same picture across the files of a case: groups of copies, and which came first.

Which pairs of photos are copies is decided in `copy_rules` (same framing: pHash and dHash
close, confirmed by PDQ; a crop or a caption bar: a whole picture close to a window of the
other); identical pictures (same pixels and tables, flat ones included) always are. Groups
are the connected sets of that relation. `copy_index.CopyIndex` keeps the same groups for a
case as photos are added (tested against `group`).

Each member's `relation` is to the group's best copy (the most pixels, then the highest
JPEG quality, then the first imported): `identical` (same pixels and tables: only the
metadata differs), `reencoded` (same size, other encoding), `resized` (same framing,
fewer pixels), `cropped` (a part of the best copy), `similar` (anything else: a caption
added, a different framing). Its `distance` is in pHash bits (of 64): between the whole
pictures, or, for a crop, between one whole picture and the other's closest window; PDQ
confirms pairs but is not reported as the distance (its 256 bits would not compare with
the other members' figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from annotator.core.history.copy_rules import (
    DHASH_THRESHOLD,
    DPREFILTER,
    FULL_THRESHOLD,
    MIN_DETAIL,
    PDQ_THRESHOLD,
    PREFILTER,
    WINDOW_THRESHOLD,
    HashArrays,
    PictureHashes,
    all_pairs,
    hex_to_u64,
    near,
)
from annotator.core.history.copy_split import Edge, apart, keep_edge, partition
from annotator.core.timeutil import iso_z

__all__ = [
    "DHASH_THRESHOLD", "DPREFILTER", "FULL_THRESHOLD", "MIN_DETAIL", "PDQ_THRESHOLD",
    "PREFILTER", "WINDOW_THRESHOLD", "CopyGroup", "Member", "PictureHashes", "candidate_pairs",
    "describe", "group", "grouped_indexes", "hex_to_u64", "identical_pictures", "pairs_with",
    "relation",
]


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


def candidate_pairs(items: list[PictureHashes]) -> dict[tuple[int, int], tuple[int, bool]]:
    """{(i, j): (distance, by_window)} for every pair of indexes i < j judged copies
    (`copy_rules`; identical pictures aside)."""
    i, j, dist, by_window = all_pairs(HashArrays.of(items))
    return {(a, b): (d, w) for a, b, d, w in zip(i.tolist(), j.tolist(), dist.tolist(),
                                                  by_window.tolist(), strict=True)}


def pairs_with(items: list[PictureHashes], index: int) -> list[int]:
    """Indexes of the items judged copies of `items[index]` (the rules of
    `candidate_pairs`, one against all, and identical pictures)."""
    me = items[index]
    if not me.phash:
        return []
    key = (me.phash, me.dhash, me.width, me.height, me.tables_sha256)
    out = {k for k, it in enumerate(items) if k != index and it.phash and (
        it.phash, it.dhash, it.width, it.height, it.tables_sha256) == key}
    arr = HashArrays.of(items)
    out.update(k for k in near(arr, arr, index)[0].tolist() if k != index)
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
    """The groups of two or more copies, largest first: the connected sets of the copies
    relation, each split where it would hold two different photos of one scene
    (`copy_split.partition`)."""
    return [describe(items, idx) for idx in grouped_indexes(items)]


def grouped_indexes(items: list[PictureHashes]) -> list[list[int]]:
    """The indexes of each group of two or more copies, largest first (then by first id)."""
    arr = HashArrays.of(items)
    i, j, dist, by_window = all_pairs(arr)
    pairs = {(a, b): (d, w) for a, b, d, w in zip(i.tolist(), j.tolist(), dist.tolist(),
                                                   by_window.tolist(), strict=True)}
    for a, b in identical_pictures(items):
        pairs.setdefault((a, b), (0, False))
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    sets: dict[int, list[int]] = {}
    for k in range(len(items)):
        sets.setdefault(find(k), []).append(k)
    out = []
    best: dict[int, list[Edge]] | None = None
    for idx in sets.values():
        if len(idx) < 2:
            continue
        split = apart(arr, idx)
        if not split:
            out.append(idx)
            continue
        if best is None:  # each photo's closest edges (`copy_split.keep_edge`)
            best = {}
            for (a, b), (d, w) in pairs.items():
                ia, ib = items[a].id, items[b].id
                edge = (w, d, min(ia, ib), max(ia, ib), a, b)
                keep_edge(best.setdefault(a, []), edge)
                keep_edge(best.setdefault(b, []), edge)
        edges = sorted({e for k in idx for e in best.get(k, ())})
        out += [g for g in partition(idx, edges, split) if len(g) > 1]
    out.sort(key=lambda g: (-len(g), min(items[k].id for k in g)))
    return out


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
