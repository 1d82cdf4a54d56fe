"""Where the PDQ threshold of `copy_rules` comes from: run by hand, never collected by pytest.

    PYTHONPATH=. python tests/bench/measure_pdq.py [--corpus ../shared/corpus]

Makes the copies `tests/core/history/test_similar.py` makes of the corpus photos (same
seed: re-encoded, resized, cropped, captioned) and prints PDQ distances (bits of 256):

- each kind of copy to its source, and whole copies (re-encoded, resized, the source) to
  each other: what a threshold must keep;
- pairs of files of different photos that pHash and dHash alone call alike (within 10 and
  16 bits): what it must reject (the corpus's NEF burst and its copies), and the same for
  different photos of one generated apron scene (`history_fixtures.apron`);
- crops and captioned copies against their source's closest window (PDQ of the window
  cut from the same 256 px thumbnail): why PDQ cannot confirm a crop;
- how many proportional crops (the aspect ratio kept, 3–10 % and 10–20 % off each side)
  `similar.group` puts with their source, among all the corpus photos.

Exits 1 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
import pdqhash
from PIL import Image, ImageOps

from annotator.core.history.analyze import THUMB_SIDE
from annotator.core.history.copy_rules import DHASH_THRESHOLD, FULL_THRESHOLD, PDQ_THRESHOLD
from annotator.core.history.perceptual import WINDOWS, _bits_to_hex, distance
from annotator.core.history.similar import group
from annotator.core.images import decode
from tests.core.history.history_fixtures import apron, jpeg
from tests.core.history.test_similar import BURST, _series, copies, picture_hashes

WHOLE = ("source", "reencoded", "resized")


def window_pdqs(path: Path) -> list[str]:
    """PDQ of each window (but the whole picture) of the file's 256 px thumbnail."""
    thumb = decode.reduced_upright(path, THUMB_SIDE).convert("RGB")
    w, h = thumb.size
    out = []
    for fx, fy, fw, fh in WINDOWS[1:]:
        part = thumb.crop((round(fx * w), round(fy * h), round((fx + fw) * w),
                           round((fy + fh) * h)))
        bits, quality = pdqhash.compute(np.ascontiguousarray(np.asarray(part)))
        if quality > 0:
            out.append(_bits_to_hex(np.asarray(bits)))
    return out


def spread(values: list[int]) -> str:
    if not values:
        return "none"
    v = sorted(values)
    return f"{len(v)} pairs: median {v[len(v) // 2]}, 95 % ≤ {v[int(0.95 * (len(v) - 1))]}, " \
           f"max {v[-1]}, min {v[0]}"


def proportional_crops(rows: list, tmp: Path) -> None:
    """Two crops of each corpus photo keeping its aspect ratio, grouped with all sources."""
    rng = random.Random(5)
    items = [item for _, kind, item, _ in rows if kind == "source"]
    source_of: dict[int, tuple[int, bool]] = {}
    for _, kind, item, path in rows:
        if kind != "source":
            continue
        with Image.open(path) as im:
            image = ImageOps.exif_transpose(im).convert("RGB")
        w, h = image.size
        for share in (rng.uniform(0.03, 0.1), rng.uniform(0.1, 0.2)):
            cw, ch = w * (1 - share), h * (1 - share)
            left, top = rng.uniform(0, w - cw), rng.uniform(0, h - ch)
            out = tmp / f"crop{len(source_of)}.jpg"
            jpeg(image.crop((int(left), int(top), int(left + cw), int(top + ch))),
                 rng.randint(70, 95), out)
            crop = picture_hashes(100_000 + len(source_of), out)
            items.append(crop)
            source_of[crop.id] = (item.id, share < 0.1)
    group_of = {m.id: n for n, g in enumerate(group(items)) for m in g.members}
    for small, label in ((True, "3-10 %"), (False, "10-20 %")):
        ids = [c for c, (_, s) in source_of.items() if s == small]
        joined = sum(1 for c in ids
                     if c in group_of and group_of.get(source_of[c][0]) == group_of[c])
        print(f"  proportional crops {label}: {joined}/{len(ids)} join their source")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    args = ap.parse_args()
    if not (args.corpus / "exiftool-truth.json").exists():
        print("FAILED: no corpus at", args.corpus)
        return 1
    truth = json.loads((args.corpus / "exiftool-truth.json").read_text())
    names = sorted(k for k, v in truth.items() if v.get("File:FileType") == "JPEG"
                   and not k.startswith("Pillow/") and (v.get("File:ImageWidth") or 0) >= 320
                   and (v.get("File:ImageHeight") or 0) >= 240)
    rng = random.Random(16)
    rows = []  # (photo name, kind, hashes, path)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = args.corpus / "files" / name
            try:
                item = picture_hashes(len(rows) + 1, path, name)
                with Image.open(path) as im:
                    image = ImageOps.exif_transpose(im).convert("RGB")
            except Exception:  # noqa: BLE001, S112 - broken corpus files are not sources
                continue
            rows.append((name, "source", item, path))
            for kind, picture, quality in copies(image, rng):
                out = Path(tmp) / f"{len(rows) + 1}.jpg"
                jpeg(picture, quality, out)
                rows.append((name, kind, picture_hashes(len(rows) + 1, out), out))
        source = {name: item for name, kind, item, _ in rows if kind == "source"}
        to_source: dict[str, list[int]] = defaultdict(list)
        for name, kind, item, _ in rows:
            if kind != "source" and item.pdq and source[name].pdq:
                to_source[kind].append(distance(item.pdq, source[name].pdq))
        whole_pairs, alike = [], []
        for n, (name_a, kind_a, a, _) in enumerate(rows):
            for name_b, kind_b, b, _ in rows[n + 1:]:
                if not (a.pdq and b.pdq):
                    continue
                if _series(name_a) == _series(name_b):
                    if name_a == name_b and kind_a in WHOLE and kind_b in WHOLE:
                        whole_pairs.append(distance(a.pdq, b.pdq))
                elif distance(a.phash, b.phash) <= FULL_THRESHOLD \
                        and distance(a.dhash, b.dhash) <= DHASH_THRESHOLD:
                    alike.append(distance(a.pdq, b.pdq))
        print(f"PDQ threshold now {PDQ_THRESHOLD} of 256 bits; {len(source)} corpus photos")
        for kind in ("reencoded", "resized", "cropped", "captioned"):
            print(f"  {kind} copy to its source: {spread(to_source[kind])}")
        print(f"  whole copies (source, re-encoded, resized) to each other: "
              f"{spread(whole_pairs)}")
        print(f"  files of different photos alike in pHash and dHash: {spread(alike)} "
              f"(the burst {BURST}* and its copies)")
        best_window: dict[str, list[int]] = defaultdict(list)
        for name, kind, item, path in rows:
            if kind not in ("cropped", "captioned") or not item.pdq:
                continue
            src_path = args.corpus / "files" / name
            src = source[name]
            # a crop's whole against its source's windows; a caption's windows against
            # its source's whole (the picture part of the captioned copy)
            cands = ([distance(item.pdq, w) for w in window_pdqs(src_path)]
                     + ([distance(src.pdq, w) for w in window_pdqs(path)] if src.pdq else []))
            if cands:
                best_window[kind].append(min(cands))
        for kind, values in best_window.items():
            print(f"  {kind} copy, closest window PDQ: {spread(values)}")
        proportional_crops(rows, Path(tmp))
    scene = apron()
    others = {"moved": apron(aircraft=(0.20, 0.62, 0.62)),
              "burst": apron(aircraft=(0.15, 0.58, 0.72), grain=1),
              "burst-next": apron(aircraft=(0.18, 0.58, 0.72), grain=2)}
    with tempfile.TemporaryDirectory() as tmp:
        jpeg(scene, 90, Path(tmp) / "scene.jpg")
        first = picture_hashes(1, Path(tmp) / "scene.jpg")
        for k, (name, picture) in enumerate(others.items(), 2):
            jpeg(picture, 90, Path(tmp) / f"{name}.jpg")
            other = picture_hashes(k, Path(tmp) / f"{name}.jpg")
            print(f"  apron scene, {name}: pHash {distance(first.phash, other.phash)}, dHash "
                  f"{distance(first.dhash, other.dhash)}, PDQ {distance(first.pdq, other.pdq)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
