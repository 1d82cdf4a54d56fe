"""manifest.json: what the packet holds, in one machine-readable file.

The manifest is the packet's contract with other tools: its keys are documented in README.txt
and only ever added to (`schema_version` goes up when a key changes meaning). The report is
rendered from the manifest, so the two never disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from annotator import __version__
from annotator.core.boxes import BoxInfo
from annotator.core.history.records import public as public_history
from annotator.core.packet.collect import CaseInfo, PhotoRecord, json_value
from annotator.core.packet.naming import PhotoPaths
from annotator.core.timeutil import iso_z

SCHEMA = "annotator/evidence-packet"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class SigningInfo:
    """The public half of the key that signs SHA256SUMS."""

    public_key_pem: str
    fingerprint: str


def exhibit(number: int) -> str:
    """The exhibit label of the n-th photo (`P-001`), used in the report and the manifest."""
    return f"P-{number:03d}"


def box_json(box: BoxInfo, number: int, width: int, height: int, crop: str) -> dict[str, Any]:
    """A box in displayed pixels (as `annotator boxes --json` gives it) and normalized 0–1."""
    data = box.to_json()
    v = box.values
    data["number"] = number
    data["normalized"] = {"x": v.x / width, "y": v.y / height, "w": v.w / width,
                          "h": v.h / height}
    data["crop"] = crop
    return data


def capture_json(photo: PhotoRecord) -> dict[str, Any]:
    """The capture-date check as `check-date --json` gives it, plus the local EXIF time.

    When the case holds no check for the photo, the photo's own columns are used and
    `checked_utc` is null, so a reader can tell "not checked" from "checked, consistent".
    """
    if photo.dating is not None:
        data = dict(photo.dating)
    else:
        data = {"verdict": photo.date_verdict, "capture_utc": iso_z(photo.capture_utc),
                "capture_utc_source": None, "sun": None, "findings": [], "checked_utc": None}
    data.setdefault("findings", [])
    return {"capture_local": photo.capture_local, **data}


def credentials_json(photo: PhotoRecord, files: dict[str, str | None] | None
                     ) -> dict[str, Any] | None:
    """The photo's content credentials as read at import (`summary`, the `exif --json`
    `c2pa` object, and `detail`: the signer's organization, the reader's error, the trust
    list judged against) and the packet's files: the raw manifest store (`store`, a `.c2pa`
    file) and the SDK's full reading of it (`report`); null for a photo without any."""
    summary = (photo.meta or {}).get("c2pa")
    if not summary:
        return None
    files = files or {}
    return {"summary": summary, "detail": (photo.meta or {}).get("c2pa_detail"),
            "store": files.get("store"), "report": files.get("report")}


def photo_json(number: int, photo: PhotoRecord, paths: PhotoPaths,
               c2pa_files: dict[str, str | None] | None = None) -> dict[str, Any]:
    return {
        "exhibit": exhibit(number),
        "sha256": photo.sha256,
        "md5": photo.md5,
        "size": photo.size,
        "original_name": photo.original_name,
        "original_path": photo.original_path,
        "sources": list(photo.sources),
        "paths": {
            "original": paths.original,
            "annotated": paths.annotated,
            "crops": list(paths.crops),
            "dataset_image": paths.dataset_image,
            "voc": paths.voc,
            "yolo": paths.yolo,
        },
        "format": photo.format,
        "file_mtime_utc": iso_z(photo.file_mtime_utc),
        "imported_utc": iso_z(photo.imported_utc),
        "importer": photo.importer,
        "stored_width": photo.stored_width,
        "stored_height": photo.stored_height,
        "width": photo.width,
        "height": photo.height,
        "orientation": photo.orientation,
        "metadata": photo.meta,
        "history": public_history((photo.meta or {}).get("history")),
        "c2pa": credentials_json(photo, c2pa_files),
        "raw_tags": photo.raw_tags,
        "raw_tag_count": raw_tag_count(photo.raw_tags),
        "boxes": [box_json(b, i, photo.width, photo.height, crop)
                  for i, (b, crop) in enumerate(zip(photo.boxes, paths.crops, strict=True),
                                                start=1)],
        "capture": capture_json(photo),
        "claim": photo.claim,
        "acquisition": photo.acquisition,
        "flights": list(photo.flights),
        # The sun measured from a shadow on the photo (issue 18): the marks, the result as
        # `annotator shadow --json` gives it (plus place and date), and the chart of that day.
        "shadow": photo.shadow,
    }


def build_manifest(
    *,
    case: CaseInfo,
    photos: list[PhotoRecord],
    paths: dict[str, PhotoPaths],
    examiner: str,
    created: datetime,
    selection: dict[str, Any],
    signing: SigningInfo | None,
    class_names: list[str],
    case_read_only: bool = False,
    c2pa_files: dict[str, dict[str, str | None]] | None = None,
) -> dict[str, Any]:
    flights = {f["flight"]["id"] for p in photos for f in p.flights}
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "annotator", "version": __version__},
        "created_utc": iso_z(created),
        "exported_by": examiner,
        # Made from a case on read-only media: its own audit log could not record the export,
        # which the custody log's last event (in the packet only) records instead.
        "case_read_only": case_read_only,
        "case": {"name": case.name, "lead_examiner": case.lead_examiner,
                 "created_utc": json_value(case.created_utc), "labels": list(case.labels)},
        "selection": selection,
        "counts": {"photos": len(photos), "boxes": sum(len(p.boxes) for p in photos),
                   "flights": len(flights)},
        "signature": None if signing is None else {
            "algorithm": "Ed25519",
            "signed_file": "SHA256SUMS",
            "signature_file": "SHA256SUMS.sig",
            "public_key_pem": signing.public_key_pem,
            "public_key_sha256": signing.fingerprint,
        },
        "files": {
            "report": "report.pdf",
            "custody": "custody.jsonl",
            "checksums": "SHA256SUMS",
            "readme": "README.txt",
            "coco": "datasets/coco.json",
            "yolo_classes": "datasets/yolo/classes.txt",
            "yolo_data": "datasets/yolo/data.yaml",
        },
        "classes": class_names,
        "photos": [photo_json(i, p, paths[p.sha256], (c2pa_files or {}).get(p.sha256))
                   for i, p in enumerate(photos, start=1)],
    }


def dumps(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n").encode()


def raw_tag_count(raw_tags: dict[str, Any] | None) -> int:
    """How many tags `raw_tags` holds: each EXIF tag, XMP property and IPTC dataset once.

    Import keeps them grouped (`{"tags": {...}, "xmp": {...}, "iptc": {...}}`); an older case
    keeps the EXIF tags alone, flat. The report prints this figure, so it is the manifest's."""
    if not raw_tags:
        return 0
    if not any(key in raw_tags for key in ("tags", "xmp", "iptc")):
        return len(raw_tags)
    return sum(len(group) for key in ("tags", "xmp", "iptc")
               if isinstance(group := raw_tags.get(key), dict))
