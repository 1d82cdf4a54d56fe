"""What the compression says about the file's history, as signs with their evidence.

Each sign has a stable `code`, a `severity` (info, warning), an English `message` and the
`params` it rests on, like the capture-date findings. They are signs, not proof: a table
match says which encoders write these tables, not who wrote this file.

- `TABLES_NOT_CAMERA`: EXIF names a camera the reference knows, and the file's quantization
  tables are none of those recorded for it. A warning when the tables are those of some
  software or another maker's camera (the picture was probably saved again by other
  software); info when they match nothing at all (the camera may have variants the
  reference lacks).
- `CAMERA_NOT_IN_TABLE` (info): EXIF names a camera the reference does not know; nothing
  can be said either way.
- `REENCODED` (info): signs that a sharing service or an editor re-encoded the picture
  (no camera metadata, libjpeg's standard tables, a long side at a platform's usual cap, no
  EXIF thumbnail), each listed in `params.evidence`; this is probably not the original file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.findings import Finding
from annotator.core.history.table_matches import (
    TableMatch,
    camera_entries,
    normalize_make,
    platforms,
)

INFO, WARNING = "info", "warning"
# Long sides sharing services commonly cap pictures to (see platforms.json).
USUAL_CAPS = (4096, 2560, 2048, 1920, 1600, 1280, 1200, 1080, 1024, 960, 800, 720)
# The signs the capture-date check reports as findings: REENCODED explains an
# `unverifiable` verdict ("this is not the original file"), TABLES_NOT_CAMERA joins the
# edit evidence.
DATING_SIGNS = ("REENCODED", "TABLES_NOT_CAMERA")


# A sign is a finding about the file's history: the one statement type (core.findings).
Sign = Finding


@dataclass(frozen=True)
class FileFacts:
    """What the signs look at besides the tables (from the metadata reader)."""

    make: str | None = None
    model: str | None = None
    software: str | None = None
    has_exif: bool = False
    has_thumbnail: bool = False
    width: int = 0
    height: int = 0


def camera_label(make: str | None, model: str | None) -> str:
    """"Canon EOS 40D" (not "Canon Canon EOS 40D")."""
    model = (model or "").strip()
    make = (make or "").strip()
    if make and model.lower().startswith(make.split()[0].lower()):
        return model
    return f"{make} {model}".strip()


def camera_signs(facts: FileFacts, matches: list[TableMatch]) -> list[Sign]:
    """TABLES_NOT_CAMERA / CAMERA_NOT_IN_TABLE for the camera EXIF names (if any)."""
    if not facts.model:
        return []
    camera = camera_label(facts.make, facts.model)
    known = camera_entries(facts.make, facts.model)
    if not known:
        return [Sign("CAMERA_NOT_IN_TABLE", INFO,
                     f"The reference of quantization tables has no entry for the {camera} "
                     "named in EXIF; nothing can be said about whether the tables are its own.",
                     {"make": facts.make, "model": facts.model})]
    names = {sig.name for sig in known}
    if any(m.kind == "camera" and m.name in names for m in matches):
        return []
    want = normalize_make(facts.make)
    if any(m.kind == "camera" and want and normalize_make(m.make) == want for m in matches):
        return []  # another model of the same maker writes these tables: no contradiction
    matched = [m.name for m in matches if m.kind != "platform"]
    if matched:
        return [Sign("TABLES_NOT_CAMERA", WARNING,
                     f"The quantization tables are none of the {len(names)} the reference "
                     f"records for the {camera} named in EXIF, and are those of: "
                     f"{'; '.join(matched[:3])}: the picture was probably saved again by "
                     "other software after the camera.",
                     {"make": facts.make, "model": facts.model, "known_tables": len(names),
                      "matched": matched[:5]})]
    # Tables nobody in the reference writes: the camera may have variants the reference
    # lacks (quality modes, firmware), so this is not evidence of an edit by itself.
    return [Sign("TABLES_NOT_CAMERA", INFO,
                 f"The quantization tables are none of the {len(names)} the reference records "
                 f"for the {camera} named in EXIF, and match no other entry either: the "
                 "camera may use tables the reference lacks, or other software saved it.",
                 {"make": facts.make, "model": facts.model, "known_tables": len(names),
                  "matched": []})]


def platform_matches(facts: FileFacts, standard: bool, quality: int | None) -> list[TableMatch]:
    """Platforms whose usual re-encoding fits: standard tables at their usual quality, a
    long side at one of their caps, no camera metadata. Never exact."""
    if not standard or quality is None or facts.has_exif:
        return []
    long_side = max(facts.width, facts.height)
    out = []
    for p in platforms():
        lo, hi = p["quality"]
        if lo <= quality <= hi and long_side in p["long_side"]:
            out.append(TableMatch("platform", f"{p['name']} (usual re-encoding)", False))
    return out


def reencoded_sign(facts: FileFacts, *, is_jpeg: bool, standard: bool, quality: int | None,
                   platform_names: list[str]) -> Sign | None:
    """REENCODED with its evidence, when metadata is gone and the encoding looks generic."""
    evidence: list[dict[str, Any]] = []
    if not facts.has_exif:
        evidence.append({"sign": "metadata_stripped",
                         "text": "no EXIF (camera, date) in the file"})
    if is_jpeg and standard and quality is not None:
        evidence.append({"sign": "standard_tables", "quality": quality,
                         "text": f"libjpeg's standard tables at quality {quality}, as "
                                 "sharing services and most software write them"})
    long_side = max(facts.width, facts.height)
    if long_side in USUAL_CAPS:
        evidence.append({"sign": "size_cap", "long_side": long_side,
                         "text": f"long side of {long_side} px, a size sharing services "
                                 "cap pictures to"})
    if not facts.has_thumbnail:
        evidence.append({"sign": "no_exif_thumbnail", "text": "no EXIF thumbnail"})
    strong = {e["sign"] for e in evidence} & {"standard_tables", "size_cap"}
    if facts.has_exif or not strong:
        return None
    likely = (f" Consistent with: {', '.join(platform_names)}." if platform_names else "")
    return Sign("REENCODED", INFO,
                "Signs of re-encoding by a sharing service or an editor: "
                + "; ".join(e["text"] for e in evidence)
                + ". This is probably not the original file: the original may exist "
                  "elsewhere." + likely,
                {"evidence": evidence, "platforms": platform_names})


def sign_findings(record: Any) -> list[dict[str, Any]]:
    """The capture-date findings among a history record's signs (`DATING_SIGNS`): the same
    for a case photo, from the record kept at import, and for a file outside a case."""
    signs = record.get("signs") if isinstance(record, dict) else None
    return [dict(s) for s in signs or [] if s.get("code") in DATING_SIGNS]
