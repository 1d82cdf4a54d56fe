"""Reading the registration inside a box: from a picture, a file, or a case's photo.

One call per user intent: `read_registration(image, box)` for pixels already upright,
`read_file(path, box)` for a file (its EXIF orientation applied, as boxes are everywhere),
`box_target`/`photo_target` + `read_target` for a photo of a case (the database read apart
from the reading, so the GUI does the first on its thread and the second in a worker), and
`accept_candidate` to store the examiner's choice on the box, audited with its source.

The result is a suggestion only: nothing here writes a registration unless the examiner
chose a candidate (`accept_candidate`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from annotator.core.boxes import BoxEdit, clamp_rect, edit_boxes, get_box
from annotator.core.errors import InputRejected
from annotator.core.images import full_upright
from annotator.core.models import Photo
from annotator.core.ocr.candidates import Candidate, Reading, rank
from annotator.core.ocr.engine import Engine, engine_versions, load_engine
from annotator.core.ocr.preprocess import (
    FIRST_SEARCH_SIDE,
    TRIAL_ANGLES,
    as_array,
    crop_box,
    line_angle,
    prepare,
    reduced,
    turn,
)
from annotator.core.photos import find_photo

if TYPE_CHECKING:
    from annotator.core.case import Case

SOURCE_KIND = "ocr"
SURE = 0.8  # a valid best candidate at least this sure: no trial turns needed
MIN_SKEW = 2.0  # degrees: a detected line flatter than this is read as it is


@dataclass(frozen=True)
class OcrResult:
    """What the engine read in a box and the candidates offered, best first."""

    box: tuple[float, float, float, float]
    candidates: list[Candidate]
    readings: list[Reading]
    engine: dict[str, Any]
    seconds: float

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def to_json(self) -> dict[str, Any]:
        """The `annotator ocr --json` object: `candidates` is the contract; `box` (as read,
        clamped to the picture), `engine` (versions) and `seconds` say how."""
        return {"candidates": [c.to_json() for c in self.candidates],
                "box": list(self.box), "engine": self.engine,
                "seconds": round(self.seconds, 3)}


@dataclass(frozen=True)
class OcrTarget:
    """Where to read: a file, the orientation it is shown with, and the box (displayed
    pixels). From a case, also the photo and box it came from."""

    path: Path
    box: tuple[float, float, float, float]
    orientation: int | None = None
    photo_id: int | None = None
    box_id: int | None = None
    box_version: int | None = None


def parse_box(text: str) -> tuple[float, float, float, float]:
    """`X,Y,W,H` as four numbers (the CLI's `--box`)."""
    parts = [p.strip() for p in (text or "").split(",")]
    try:
        x, y, w, h = (float(p) for p in parts)
    except ValueError as exc:
        raise InputRejected(f"--box must be X,Y,W,H (four numbers), not {text!r}",
                            code="OCR_BAD_BOX", text=f"{text!r}") from exc
    return (x, y, w, h)


def _sure(candidates: Sequence[Candidate]) -> bool:
    return bool(candidates) and candidates[0].valid and candidates[0].confidence >= SURE


def read_registration(image: Image.Image, box: Sequence[float],
                      engine: Engine | None = None) -> OcrResult:
    """Read the registration inside `box` (x, y, w, h) of an upright picture.

    The prepared crop (reduced to `FIRST_SEARCH_SIDE`) is searched for text lines; until a
    sure registration is found (a valid one at `SURE` or more), it is searched again at full
    size, read whole as one line, then turned level by the angle of the lines found (or by a
    few trial angles when none was) and read again. Raises InputRejected when the box lies
    outside the picture.
    """
    started = time.perf_counter()
    bx, by, bw, bh = (float(v) for v in box)
    x, y, w, h = clamp_rect(bx, by, bw, bh, image.width, image.height)
    engine = engine or load_engine()
    prepared = prepare(crop_box(image, (x, y, w, h)))
    first = reduced(prepared, FIRST_SEARCH_SIDE)
    lines = engine.lines(as_array(first))
    readings = [Reading(line.text, line.score) for line in lines]
    candidates = rank(readings)
    if not _sure(candidates) and first is not prepared:  # small text in a large box
        lines = engine.lines(as_array(prepared))
        readings += [Reading(line.text, line.score) for line in lines]
        candidates = rank(readings)
    if not _sure(candidates):
        whole = engine.read(as_array(prepared))  # a tight box: the crop is the line
        readings.append(Reading(whole.text, whole.score))
        candidates = rank(readings)
    if not _sure(candidates):
        angles = sorted({round(line_angle(line.quad), 1) for line in lines
                         if line.quad is not None and abs(line_angle(line.quad)) >= MIN_SKEW})
        for angle in angles or TRIAL_ANGLES:
            turned = engine.read(as_array(turn(prepared, -angle if angles else angle)))
            readings.append(Reading(turned.text, turned.score))
        if angles:  # the levelled crop searched again: a line the detector cut short
            found = engine.lines(as_array(turn(prepared, -angles[0])))
            readings += [Reading(line.text, line.score) for line in found]
        candidates = rank(readings)
    return OcrResult(box=(x, y, w, h), candidates=candidates, readings=readings,
                     engine=engine_versions(), seconds=time.perf_counter() - started)


def read_file(path: Path | str, box: Sequence[float], *,
              orientation: int | None = None) -> OcrResult:
    """Read the registration in `box` (displayed pixels, after EXIF orientation) of a file."""
    image = full_upright(Path(path), orientation=orientation)
    return read_registration(image, box)


def read_target(target: OcrTarget) -> OcrResult:
    """Read a target made by `box_target` or `photo_target` (no database access: safe in a
    worker thread)."""
    return read_file(target.path, target.box, orientation=target.orientation)


def photo_target(case: Case, reference: str, box: Sequence[float]) -> OcrTarget:
    """Where to read `box` on the photo `reference` names (id, SHA-256 prefix or name)."""
    with case.reading() as session:
        photo = find_photo(session, reference)
        return OcrTarget(path=case.store.path_for(photo.sha256),
                         box=tuple(float(v) for v in box),  # type: ignore[arg-type]
                         orientation=photo.orientation, photo_id=photo.id)


def box_target(case: Case, box_id: int) -> OcrTarget:
    """Where to read a stored box: its photo's original and its rectangle."""
    with case.reading() as session:
        info = get_box(session, box_id)
        photo = session.get_one(Photo, info.photo_id)
        v = info.values
        return OcrTarget(path=case.store.path_for(photo.sha256), box=(v.x, v.y, v.w, v.h),
                         orientation=photo.orientation, photo_id=photo.id, box_id=box_id,
                         box_version=info.version)


def source_of(result: OcrResult, candidate: Candidate) -> dict[str, Any]:
    """What the audit event of an accepted reading adds to the edit: `source: "ocr"` and
    `ocr: {engine, runtime, models: {det, rec, cls: {file, sha256}}, confidence, read,
    substitutions, box}`."""
    return {"source": SOURCE_KIND,
            SOURCE_KIND: {**result.engine, "confidence": round(candidate.confidence, 3),
                          "read": candidate.text, "substitutions": candidate.substitutions,
                          "box": list(result.box)}}


def accept_candidate(case: Case, box_id: int, candidate: Candidate, result: OcrResult, *,
                     expected_version: int | None = None) -> BoxEdit:
    """Store the examiner's chosen reading as the box's registration, audited
    (`box.update` with `source: "ocr"` and `ocr`: engine and model versions, confidence)."""
    expected = {box_id: expected_version} if expected_version is not None else {}
    return edit_boxes(case, {box_id: {"registration": candidate.registration}}, expected,
                      source=source_of(result, candidate))[box_id]
