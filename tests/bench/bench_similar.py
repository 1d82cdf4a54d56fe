"""Grouping copies among 10 000 photos: run by hand, never collected by pytest.

    PYTHONPATH=. python tests/bench/bench_similar.py [--count 10000] [--families 500]
        [--scenes 250] [--repeat 5]

Makes COUNT photos' hashes the way a case stores them: most are unrelated pictures (random
pHash, dHash, window and PDQ hashes: unrelated photos are about 32 of 64 bits apart), FAMILIES
families of copies whose whole-picture hashes differ from their source by a few bits and
whose PDQ by a few of 256 (re-encoded at the source's size, resized to half), or whose whole
picture is close to one of the source's windows (cropped: fewer pixels, PDQ unrelated), and
SCENES pairs of different photos of one scene (the same size, pHash and dHash a few bits
apart, PDQ unrelated: frames of a burst), which must stay apart. Then it times
`similar.group` (REPEAT runs: best, median, worst) against a baseline in the same process:
the plain all-pairs comparison in Python (`int.bit_count` on every pair), timed on a sample
of rows and scaled to all pairs; measures the grouping's peak memory (tracemalloc, which
numpy reports its arrays to; a run of its own, as tracing slows Python down) and the
process's peak resident size; and times the case's index of copies (`copy_index.CopyIndex`,
what the dating check, `similar` and the browser read): built at once, and grown a photo at
a time as an import grows it.

Checks its own preconditions (count, the hash widths, exactly FAMILIES groups found, every
family whole, no unrelated photo or scene joined one, the index's groups the same) and exits
1 when one fails or the median grouping takes 1 s or more.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
import tracemalloc

from annotator.core.history.copy_index import CopyIndex
from annotator.core.history.perceptual import WINDOWS
from annotator.core.history.similar import PictureHashes, group


def _flip(value: int, bits: int, rng: random.Random) -> int:
    for b in rng.sample(range(64), bits):
        value ^= 1 << b
    return value


def _hex(v: int, digits: int = 16) -> str:
    return f"{v:0{digits}x}"


def _flip_pdq(value: int, bits: int, rng: random.Random) -> int:
    for b in rng.sample(range(256), bits):
        value ^= 1 << b
    return value


def make(count: int, families: int, scenes: int = 0, seed: int = 16
         ) -> tuple[list[PictureHashes], list[set[int]], list[set[int]]]:
    """(photos, families of copies, pairs of different photos of one scene)."""
    rng = random.Random(seed)
    n_windows = len(WINDOWS) - 1
    items: list[PictureHashes] = []
    fams: list[set[int]] = []
    pairs: list[set[int]] = []

    def picture(pid: int, ph: int, dh: int, wins: list[int], dwins: list[int], pdq: int,
                size: tuple[int, int] = (4000, 3000)) -> PictureHashes:
        return PictureHashes(id=pid, sha256=f"{pid:064x}", phash=_hex(ph), dhash=_hex(dh),
                             windows=tuple(map(_hex, wins)), dwindows=tuple(map(_hex, dwins)),
                             width=size[0], height=size[1], detail=40.0, pdq=_hex(pdq, 64))

    def rand() -> int:
        return rng.getrandbits(64)

    while len(items) < count:
        pid = len(items) + 1
        ph, dh, pdq = rand(), rand(), rng.getrandbits(256)
        wins = [rand() for _ in range(n_windows)]
        dwins = [rand() for _ in range(n_windows)]
        items.append(picture(pid, ph, dh, wins, dwins, pdq))
        if len(pairs) < scenes and len(items) + 2 <= count:
            # another photo of the same scene: its size, close hashes, another PDQ
            items.append(picture(len(items) + 1, _flip(ph, rng.randint(2, 8), rng),
                                 _flip(dh, rng.randint(2, 10), rng),
                                 [_flip(w, rng.randint(2, 8), rng) for w in wins],
                                 [_flip(w, rng.randint(2, 10), rng) for w in dwins],
                                 rng.getrandbits(256)))
            pairs.append({pid, len(items)})
            continue
        if len(fams) < families and len(items) + 3 <= count:
            fam = {pid}
            # re-encoded and resized: a few bits off the whole picture and its PDQ
            for size in ((4000, 3000), (2000, 1500)):
                items.append(picture(len(items) + 1, _flip(ph, rng.randint(0, 4), rng),
                                     _flip(dh, rng.randint(0, 4), rng),
                                     [_flip(w, 3, rng) for w in wins],
                                     [_flip(w, 3, rng) for w in dwins],
                                     _flip_pdq(pdq, rng.randint(0, 16), rng), size))
                fam.add(len(items))
            # cropped: its whole picture is near one of the source's windows, and (as on
            # real photos, where the crop keeps most of the picture) 12–22 bits from the
            # source's whole picture
            k = rng.randrange(n_windows)
            wins[k] = _flip(ph, rng.randint(10, 16), rng)
            dwins[k] = _flip(dh, rng.randint(8, 14), rng)
            items[pid - 1] = picture(pid, ph, dh, wins, dwins, pdq)
            items.append(picture(len(items) + 1, _flip(wins[k], rng.randint(2, 6), rng),
                                 _flip(dwins[k], rng.randint(2, 6), rng),
                                 [rand() for _ in range(n_windows)],
                                 [rand() for _ in range(n_windows)],
                                 rng.getrandbits(256), (3400, 2550)))
            fam.add(len(items))
            fams.append(fam)
    return items, fams, pairs


def baseline_seconds(items: list[PictureHashes], sample: int = 200) -> float:
    """All pairs in pure Python (whole-picture distance only), scaled from `sample` rows."""
    values = [int(it.phash, 16) for it in items]
    start = time.perf_counter()
    for i in range(min(sample, len(values))):
        a = values[i]
        for b in values[i + 1:]:
            (a ^ b).bit_count()
    spent = time.perf_counter() - start
    n = len(values)
    rows = min(sample, n)
    done = sum(n - 1 - i for i in range(rows))
    return spent * (n * (n - 1) / 2) / done


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--families", type=int, default=500)
    ap.add_argument("--scenes", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    items, fams, scenes = make(args.count, args.families, args.scenes)
    problems = []
    if len(items) != args.count:
        problems.append(f"made {len(items)} photos, not {args.count}")
    if any(len(it.windows) != len(WINDOWS) - 1 or not it.pdq for it in items):
        problems.append("window hashes or PDQ missing")
    if len(fams) != args.families or len(scenes) != args.scenes:
        problems.append(f"made {len(fams)} families and {len(scenes)} scenes")
    group(items[:100])  # warm up numpy
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        groups = group(items)
        times.append(time.perf_counter() - start)
    spent = statistics.median(times)
    tracemalloc.start()
    group(items)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    found = [{m.id for m in g.members} for g in groups]
    missed = [f for f in fams if f not in found]
    extra = [g for g in found if g not in fams]
    if len(groups) != len(fams):
        problems.append(f"{len(groups)} groups, not the {len(fams)} families")
    if missed:
        problems.append(f"{len(missed)} families not found whole")
    if extra:
        problems.append(f"{len(extra)} groups that are no family (unrelated photos joined)")
    in_group = {i for g in found for i in g}
    if any(p & in_group for p in scenes):
        problems.append("photos of one scene grouped")
    # The case's index (what the dating check, `similar` and the browser read): built at
    # once as a process first reads the case, then grown a photo at a time as an import
    # adds them (the last 200 photos added to an index of the others).
    start = time.perf_counter()
    index = CopyIndex(items)
    built = time.perf_counter() - start
    grown = CopyIndex(items[:-200])
    start = time.perf_counter()
    for item in items[-200:]:
        grown.add(item)
        grown.group_of(item.id, {})
    added = (time.perf_counter() - start) / 200
    canon = {frozenset(f) for f in found}
    for name, idx in (("built at once", index), ("grown", grown)):
        if {frozenset(m.id for m in g.members) for g in idx.groups({})} != canon:
            problems.append(f"the index ({name}) finds other groups than similar.group")
    base = baseline_seconds(items)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(items)} photos ({len(fams)} families of copies, {len(scenes)} pairs of "
          f"different photos of one scene): grouped in {spent:.3f} s (median of "
          f"{len(times)}: {', '.join(f'{t:.3f}' for t in sorted(times))}; {len(groups)} "
          f"groups); peak memory of the grouping {peak / 2**20:.1f} MB (tracemalloc), "
          f"process peak resident {rss:.0f} MB; baseline (all pairs in Python, whole "
          f"picture only) {base:.1f} s: {base / spent:.0f}x faster")
    print(f"case index: built in {built:.3f} s; one photo added and its group read: "
          f"{added * 1000:.2f} ms (an index of {len(items) - 200} photos and more)")
    if spent >= 1.0:
        problems.append(f"grouping took {spent:.2f} s (target < 1 s)")
    for p in problems:
        print("FAILED:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
