"""Which cameras and programs write these quantization tables: lookups by digest.

The reference (`annotator/resources/history/quant_signatures.csv`, sources and licences in
`SOURCES.md` beside it) holds two public lists, each keyed by its own digest, which we
reproduce exactly so that every entry can be looked up:

- ExifTool's JPEGDigest: MD5 of the DQT segments' payloads as stored (one per first table
  index 0–3, in index order, joined by a zero byte), looked up alone and then with
  ":" + the frame's sampling factors in hex ("221111").
- JPEGsnoop's signatures: "01" + the last 30 hex digits of the MD5 of
  "JPEGsnoop*DQT0,016,011,…,*DQT1,…,*END" (each defined table, natural order, three
  digits), also computed on the transposed tables (a portrait photo); a camera entry
  holds only when its chroma subsampling ("2x1", "2x2"; swapped for portrait) matches too.

Platform profiles (`platforms.json`) are not digests: a platform re-encodes with libjpeg's
standard tables, so its match is never `exact`; it is a sign, given only with the others
(`signs.py`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from annotator.core.history.jpeg_structure import JpegStructure

_ROTATE = tuple(8 * (i % 8) + i // 8 for i in range(64))  # transpose of an 8x8 table


@dataclass(frozen=True)
class Signature:
    scheme: str  # "exiftool" | "jpegsnoop"
    digest: str
    digest_rotated: str
    subsampling: str
    kind: str  # "camera" | "software"
    make: str
    model: str
    quality: str
    name: str


@dataclass(frozen=True)
class TableMatch:
    """One reference entry whose tables are this file's (`exact`: by digest)."""

    kind: str  # camera | software | platform
    name: str
    exact: bool
    make: str = ""
    source: str = ""

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "exact": self.exact}


@dataclass(frozen=True)
class Digests:
    exiftool: str | None
    exiftool_subsampling: str
    jpegsnoop: str | None
    jpegsnoop_rotated: str | None
    jpegsnoop_css: str


def _data_file(name: str) -> str:
    return resources.files("annotator.resources").joinpath("history", name).read_text(
        encoding="utf-8")


@cache
def reference() -> tuple[Signature, ...]:
    """Every entry of the reference table (read once per process)."""
    text = _data_file("quant_signatures.csv")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple(Signature(**row) for row in csv.DictReader(io.StringIO("\n".join(lines))))


@cache
def _index() -> dict[str, list[Signature]]:
    index: dict[str, list[Signature]] = defaultdict(list)
    for sig in reference():
        key = f"{sig.scheme}:{sig.digest}" + (f":{sig.subsampling}"
                                              if sig.scheme == "exiftool" and sig.subsampling
                                              else "")
        index[key].append(sig)
        if sig.digest_rotated and sig.digest_rotated != sig.digest:
            index[f"{sig.scheme}:{sig.digest_rotated}"].append(sig)
    return dict(index)


@cache
def platforms() -> tuple[dict, ...]:
    """Sharing platforms' usual re-encoding (long-side caps, quality range)."""
    return tuple(json.loads(_data_file("platforms.json"))["platforms"])


def digests(js: JpegStructure) -> Digests:
    """Both references' digests of this file's tables."""
    et = None
    sampling = ""
    if len(js.components) == 3:
        sampling = "".join(f"{c.h:x}{c.v:x}" for c in js.components)
    if js.dqt_segments:
        blob = b"\0".join(js.dqt_segments[i] for i in sorted(js.dqt_segments))
        et = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    snoop = snoop_rot = None
    if js.tables:
        snoop = _snoop(js, rotate=False)
        snoop_rot = _snoop(js, rotate=True)
    css = ""
    if len(js.components) == 3:
        y, cb = js.components[0], js.components[1]
        fh, fv = max(y.h // max(cb.h, 1), 1), max(y.v // max(cb.v, 1), 1)
        css = f"{fh}x{fv}" if js.width >= js.height else f"{fv}x{fh}"
    return Digests(et, sampling, snoop, snoop_rot, css)


def _snoop(js: JpegStructure, *, rotate: bool) -> str:
    text = "JPEGsnoop"
    for n in range(4):
        table = js.tables.get(n)
        if table is None:
            continue
        values = [table[_ROTATE[i]] if rotate else table[i] for i in range(64)]
        text += f"*DQT{n}," + "".join(f"{v:03d}," for v in values)
    text += "*END"
    return "01" + hashlib.md5(text.encode("ascii"), usedforsecurity=False).hexdigest()[2:]


def exiftool_digest(js: JpegStructure) -> str | None:
    """ExifTool's JPEGDigest value for this file (with ':sampling' unless the bare digest
    is known), as `exiftool -JPEGDigest -n` prints it; None without DQT or 3 components."""
    d = digests(js)
    if d.exiftool is None or not d.exiftool_subsampling:
        return None
    if f"exiftool:{d.exiftool}" in _index():
        return d.exiftool
    return f"{d.exiftool}:{d.exiftool_subsampling}"


def lookup(js: JpegStructure) -> list[Signature]:
    """Every reference entry whose digest is this file's (cameras only with their sampling)."""
    d = digests(js)
    index = _index()
    found: list[Signature] = []
    if d.exiftool:
        found += index.get(f"exiftool:{d.exiftool}", [])
        if d.exiftool_subsampling:
            found += index.get(f"exiftool:{d.exiftool}:{d.exiftool_subsampling}", [])
    for key in {d.jpegsnoop, d.jpegsnoop_rotated} - {None}:
        for sig in index.get(f"jpegsnoop:{key}", []):
            if sig.kind == "camera" and sig.subsampling and sig.subsampling != d.jpegsnoop_css:
                continue
            found.append(sig)
    unique: dict[tuple, Signature] = {}
    for sig in found:
        unique.setdefault((sig.scheme, sig.kind, sig.name), sig)
    return list(unique.values())


def matches(js: JpegStructure) -> list[TableMatch]:
    """This file's table matches, one per distinct (kind, name), cameras first."""
    out: dict[tuple[str, str], TableMatch] = {}
    for sig in lookup(js):
        key = (sig.kind, sig.name)
        out.setdefault(key, TableMatch(sig.kind, sig.name, True, _make_of(sig), sig.scheme))
    order = {"camera": 0, "software": 1, "platform": 2}
    return sorted(out.values(), key=lambda m: (order[m.kind], m.name))


def _make_of(sig: Signature) -> str:
    if sig.make:
        return sig.make
    return sig.name.split(",")[0].split()[0] if sig.name else ""


def normalize_make(make: str | None) -> str:
    """A maker's name as a comparable word: "NIKON CORPORATION" → "nikon"."""
    if not make:
        return ""
    word = re.sub(r"[^a-z0-9 ]", " ", make.lower()).split()
    aliases = {"olympus": "olympus", "konica": "minolta", "asahi": "pentax", "ricoh": "pentax",
               "eastman": "kodak", "hewlett": "hp", "research": "blackberry", "rim": "blackberry"}
    first = word[0] if word else ""
    return aliases.get(first, first)


def _norm_model(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@cache
def _camera_index() -> dict[str, list[tuple[str, Signature]]]:
    """Camera entries by normalized model name, with their normalized maker."""
    index: dict[str, list[tuple[str, Signature]]] = defaultdict(list)
    for sig in reference():
        if sig.kind != "camera":
            continue
        if sig.scheme == "jpegsnoop":
            index[_norm_model(sig.model)].append((normalize_make(sig.make), sig))
        else:
            for model in _exiftool_models(sig.name.split(",")[0], sig.make):
                index[model].append((normalize_make(sig.make), sig))
    return dict(index)


def camera_entries(make: str | None, model: str | None) -> list[Signature]:
    """The reference's entries for this camera (EXIF Make and Model), from either list."""
    if not model:
        return []
    want_make, want_model = normalize_make(make), _norm_model(model)
    if not want_model:
        return []
    keys = {want_model, _norm_model(model.replace(make or "", "", 1)) if make else want_model}
    out: dict[int, Signature] = {}
    for key in keys:
        for sig_make, sig in _camera_index().get(key, []):
            if sig.scheme == "jpegsnoop" and (not want_make or sig_make in (want_make, "")):
                out[id(sig)] = sig
            elif sig.scheme == "exiftool" and want_make and sig_make == want_make:
                out[id(sig)] = sig
    return list(out.values())


def _exiftool_models(label: str, make: str) -> set[str]:
    words = label.split()
    if words and normalize_make(words[0]) == normalize_make(make):
        words = words[1:]
    family = ""
    if len(words) >= 2 and not any(ch.isdigit() for ch in words[0]):
        family, words = words[0], words[1:]
    models = set()
    for part in " ".join(words).split("/"):
        part = part.strip().split("(")[0].strip()
        if not part:
            continue
        models.add(_norm_model(f"{family}{part}"))
        models.add(_norm_model(f"{make}{family}{part}"))
    return models
