"""File names inside a packet: each photo keeps its original name, made unique and safe.

Names must survive any unzip tool on any system: no path separators, no control characters,
none of the characters Windows refuses, and no two names (or stems, since the annotated
picture and the dataset files are named after the stem) that differ only in case. A clash
is resolved with the first characters of the photo's SHA-256, so a photo's name never
depends on which other photos are in the packet — except when even that clashes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from annotator.core.packet.render import dataset_copy_suffix, needs_dataset_copy

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class PhotoPaths:
    """Where one photo's files are in the packet (POSIX paths relative to its root)."""

    name: str
    stem: str
    original: str
    annotated: str
    crops: tuple[str, ...]
    dataset_image: str | None
    voc: str
    yolo: str


def safe_name(name: str) -> str:
    """The file name part of `name`, NFC-normalized, with unsafe characters replaced."""
    base = re.split(r"[/\\]", name)[-1]
    base = unicodedata.normalize("NFC", base)
    base = _UNSAFE.sub("_", base).strip().rstrip(".")
    base = base.lstrip(".") or "photo"
    stem = PurePosixPath(base).stem
    if stem.casefold() in _RESERVED:
        base = "_" + base
    return base[:180]


def _split(name: str) -> tuple[str, str]:
    path = PurePosixPath(name)
    return path.stem, path.suffix


@dataclass(frozen=True)
class PhotoFacts:
    """What naming needs to know of a photo."""

    sha256: str
    original_name: str
    box_count: int
    orientation: int | None
    format: str | None


def assign_paths(photos: list[PhotoFacts]) -> dict[str, PhotoPaths]:
    """Paths for each photo. Names are given in sorted order of (name, SHA-256), so the
    result depends only on the selection, never on the order photos were imported or listed.
    """
    used: set[str] = set()
    result: dict[str, PhotoPaths] = {}
    for facts in sorted(photos, key=lambda p: (safe_name(p.original_name).casefold(), p.sha256)):
        sha256, original, box_count = facts.sha256, facts.original_name, facts.box_count
        orientation, fmt = facts.orientation, facts.format
        stem, suffix = _split(safe_name(original))
        candidate = stem
        if candidate.casefold() in used:
            candidate = f"{stem}_{sha256[:8]}"
        n = 2
        while candidate.casefold() in used:
            candidate = f"{stem}_{sha256[:8]}_{n}"
            n += 1
        used.add(candidate.casefold())
        name = candidate + suffix
        dataset = None
        if needs_dataset_copy(orientation, fmt):
            dataset = f"datasets/images/{candidate}{dataset_copy_suffix(fmt)}"
        result[sha256] = PhotoPaths(
            name=name,
            stem=candidate,
            original=f"originals/{name}",
            annotated=f"annotated/{candidate}.jpg",
            crops=tuple(f"annotated/crops/{candidate}/box-{i:02d}.jpg"
                        for i in range(1, box_count + 1)),
            dataset_image=dataset,
            voc=f"datasets/voc/{candidate}.xml",
            yolo=f"datasets/yolo/labels/{candidate}.txt",
        )
    return result
