"""Different photos of one scene kept apart: where a connected set of copies is split.

The copies relation (`copy_rules`) joins photos pair by pair, and its crop rule cannot be
confirmed by PDQ: a crop of one frame of a burst may be as close to the next frame as to its
own, and the connected set would hold both frames. Two photos of the same pixel size whose
whole pictures look alike but whose PDQs differ are different photos (`apart`); a set that
holds such a pair is split by `partition`. `similar.group` and `copy_index.CopyIndex` both
call these, with the same edges, so their groups stay the same.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

import numpy as np

from annotator.core.history.copy_rules import PDQ_THRESHOLD, PREFILTER, HashArrays

AMBIGUOUS_MARGIN = 4  # bits: a crop this close to two photos that differ joins neither
KEPT_EDGES = 8  # per photo, its closest copies: what a split weighs (bounded work)

# An edge between rows a and b: (by_window, distance, first id, second id), the sort key
# that decides which edges are taken first (same framing before crops, closest first, then
# the photos' ids: the same order whichever way the photos came in).
Edge = tuple[bool, int, int, int, int, int]


def apart(a: HashArrays, rows: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs of `rows` (a < b) that are different photos of one scene: the same pixel size,
    whole pictures alike (pHash within `PREFILTER`), and PDQs more than `PDQ_THRESHOLD`
    bits apart. Frames of a burst and a scene shot twice from a tripod come out so; a copy
    of a photo almost never has its exact size and another PDQ (a re-encoding moves PDQ by
    8 bits at most)."""
    idx = np.asarray(rows, dtype=np.int64)
    idx = idx[a.has_pdq[idx] & (a.size[idx] != 0)]
    out: set[tuple[int, int]] = set()
    if idx.size < 2:
        return out
    idx = idx[np.argsort(a.size[idx], kind="stable")]
    sizes = a.size[idx]
    bounds = np.flatnonzero(np.diff(sizes)) + 1
    for same in np.split(idx, bounds):  # only photos of one size can be apart
        for start in range(0, same.size, 512):  # (bounded memory on a large set)
            ri = same[start:start + 512]
            rj = same[start:]
            near = ((np.bitwise_count(a.full[ri, None] ^ a.full[None, rj]) <= PREFILTER)
                    & (np.arange(start, same.size)[None, :]
                       > np.arange(start, start + ri.size)[:, None]))
            i, j = np.nonzero(near)
            if not i.size:
                continue
            x, y = ri[i], rj[j]
            far = np.bitwise_count(a.pdq[x] ^ a.pdq[y]).sum(axis=1) > PDQ_THRESHOLD
            out.update((min(p, q), max(p, q)) for p, q in zip(x[far].tolist(),
                                                              y[far].tolist(), strict=True))
    return out


def apart_across(a: HashArrays, left: Sequence[int], right: Sequence[int]
                 ) -> set[tuple[int, int]]:
    """The pairs of `apart` with one row in `left` and the other in `right` (disjoint):
    what a photo joining connected sets adds to theirs."""
    x = np.asarray(left, dtype=np.int64)
    y = np.asarray(right, dtype=np.int64)
    x = x[a.has_pdq[x] & (a.size[x] != 0)]
    y = y[a.has_pdq[y] & (a.size[y] != 0)]
    out: set[tuple[int, int]] = set()
    for start in range(0, x.size, 512):
        rx = x[start:start + 512]
        near = ((a.size[rx, None] == a.size[None, y])
                & (np.bitwise_count(a.full[rx, None] ^ a.full[None, y]) <= PREFILTER))
        i, j = np.nonzero(near)
        if not i.size:
            continue
        p, q = rx[i], y[j]
        far = np.bitwise_count(a.pdq[p] ^ a.pdq[q]).sum(axis=1) > PDQ_THRESHOLD
        out.update((min(u, v), max(u, v)) for u, v in zip(p[far].tolist(), q[far].tolist(),
                                                          strict=True))
    return out


def keep_edge(best: list[Edge], edge: Edge) -> None:
    """Put `edge` in one photo's list of its `KEPT_EDGES` first edges (sorted)."""
    if len(best) < KEPT_EDGES or edge < best[-1]:
        bisect.insort(best, edge)
        del best[KEPT_EDGES:]


_NONE: frozenset[int] = frozenset()


def banned_by(split: set[tuple[int, int]]) -> dict[int, set[int]]:
    """`split` as each row's set of the rows it cannot share a group with."""
    banned: dict[int, set[int]] = {}
    for x, y in split:
        banned.setdefault(x, set()).add(y)
        banned.setdefault(y, set()).add(x)
    return banned


def partition(rows: Sequence[int], edges: Sequence[Edge],
              split: set[tuple[int, int]] | Mapping[int, set[int]]) -> list[list[int]]:
    """The groups of one connected set of photos (`rows`, joined by `edges`: (by_window,
    distance, id, id, row, row)) when some of its pairs are different photos (`split`).

    `edges` are each photo's `KEPT_EDGES` first (`keep_edge`), so that splitting a large
    set of copies costs its size, not its square (two clusters of a set joined only by
    edges neither keeps come out as two groups). Edges are taken in order (same framing
    first, then the closest crop); one that would put two different photos in one group is
    refused. A photo that joined a group through a crop edge while another crop edge, less
    than `AMBIGUOUS_MARGIN` bits worse, led to a group it cannot share is ambiguous (as
    MusicBrainz Picard says when its two best matches are too close): its crop edges are
    dropped, and it stays with its same-framing copies only. Without `split`, one group."""
    if not split:
        return [sorted(rows)]
    banned = split if isinstance(split, Mapping) else banned_by(split)
    order = sorted(edges)
    dropped: set[int] = set()
    while True:
        members, joined, refused = _greedy(rows, order, banned, dropped)
        ambiguous = {r for r, d in joined.items()
                     if any(d2 < d + AMBIGUOUS_MARGIN for d2 in refused.get(r, ()))}
        if not ambiguous - dropped:
            return [sorted(m) for m in members.values()]
        dropped |= ambiguous


def _greedy(rows: Sequence[int], order: Sequence[Edge], banned: Mapping[int, set[int]],
            dropped: set[int]) -> tuple[dict[int, set[int]], dict[int, int],
                                        dict[int, list[int]]]:
    """One pass of `partition`: the groups, the rows that joined a group by a crop edge
    (the smaller side of the merge) with its distance, and each row's refused crop
    edges' distances."""
    group_of = {r: r for r in rows}
    members = {r: {r} for r in rows}
    joined: dict[int, int] = {}
    refused: dict[int, list[int]] = {}
    for by_window, dist, _, _, a, b in order:
        if by_window and (a in dropped or b in dropped):
            continue
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        if len(members[ga]) < len(members[gb]) or (
                len(members[ga]) == len(members[gb]) and min(members[ga]) > min(members[gb])):
            ga, gb, a, b = gb, ga, b, a
        if any(not banned.get(r, _NONE).isdisjoint(members[ga]) for r in members[gb]):
            if by_window:
                refused.setdefault(a, []).append(dist)
                refused.setdefault(b, []).append(dist)
            continue
        if by_window:
            joined.setdefault(b, dist)  # b's side, the smaller, joined a's group
        for r in members[gb]:
            group_of[r] = ga
        members[ga] |= members.pop(gb)
    return members, joined, refused
