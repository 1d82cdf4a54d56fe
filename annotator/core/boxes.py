"""Boxes on photos and the case's label list: one function per user intent.

Every change runs in one `case.writing()` transaction that also appends its audit event
(`box.create`, `box.update`, `box.delete`, `labels.*`), so the GUI's undo stack and the CLI
write exactly the same records. Geometry is in displayed pixel space (after EXIF
Orientation) and is clamped inside the photo; a box of no size is refused.

Box ids are never reused, even after a delete (SQLite would hand out the id of a deleted
last row again): an audit entry "box 7" must always mean one box, and undoing a delete
restores the box under its old id without colliding with a box made since.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, cast, delete, func, select, text
from sqlalchemy.orm import Session

from annotator.core.case import lock_chain
from annotator.core.conflicts import conflicts_recorded
from annotator.core.errors import EditConflict, InputRejected, NotFound
from annotator.core.models import AuditEvent, Box, CaseRow, Photo
from annotator.core.reference.registration import normalize_registration
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import utc_now

if TYPE_CHECKING:
    from annotator.core.case import Case

CONFIDENCES = ("confirmed", "probable", "possible")
DEFAULT_LABEL = "aircraft"
DUPLICATE_OFFSET = 10.0
MIN_SIDE = 1.0
_TEXT_LIMITS = {"label": 100, "aircraft_type": 100, "operator": 200, "registration": 40}


@dataclass(frozen=True)
class BoxValues:
    """What the investigator says about one box, and where it is (displayed pixels)."""

    label: str = DEFAULT_LABEL
    registration: str | None = None
    aircraft_type: str | None = None
    operator: str | None = None
    confidence: str | None = None
    note: str | None = None
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


FIELD_NAMES = tuple(f.name for f in fields(BoxValues))


@dataclass(frozen=True)
class BoxInfo:
    """A stored box as read back: its id, photo, values, and why its registration is flagged."""

    id: int
    photo_id: int
    photo_sha256: str
    values: BoxValues
    registration_problem: str | None
    version: int
    # When the rectangle asked for reached outside the photo: what was asked and what was
    # kept (`clip_note`), so the caller can say so; the audit event records it too.
    clipped: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The `annotator boxes --json` object (keys are a contract)."""
        v = self.values
        return {"id": self.id, "label": v.label, "registration": v.registration,
                "type": v.aircraft_type, "operator": v.operator, "confidence": v.confidence,
                "note": v.note, "x": v.x, "y": v.y, "w": v.w, "h": v.h,
                "registration_problem": self.registration_problem}


# -- validation --------------------------------------------------------------------------


def clamp_rect(x: float, y: float, w: float, h: float,
               width: float, height: float) -> tuple[float, float, float, float]:
    """The part of the rectangle inside a `width` × `height` image, rounded to 1/100 px.

    Refuses a rectangle that is not finite, has no size, or lies outside the image.
    """
    for v in (x, y, w, h):
        if not math.isfinite(v):
            raise InputRejected("box coordinates must be finite numbers", code="BOX_NOT_FINITE")
    if w <= 0 or h <= 0:
        raise InputRejected("a box needs a positive width and height", code="BOX_EMPTY_SIZE")
    left, top = max(0.0, x), max(0.0, y)
    right, bottom = min(float(width), x + w), min(float(height), y + h)
    if right - left < MIN_SIDE or bottom - top < MIN_SIDE:
        raise InputRejected(f"the box lies outside the {width}×{height} photo",
                            code="BOX_OUTSIDE_PHOTO", width=width, height=height)
    return (round(left, 2), round(top, 2), round(right - left, 2), round(bottom - top, 2))


def clip_note(asked: BoxValues, kept: BoxValues) -> dict[str, Any] | None:
    """`{"asked": [x, y, w, h], "kept": [x, y, w, h]}` when the rectangle asked for reached
    outside the photo and only its part inside was kept; None when it was kept whole."""
    given = [round(float(getattr(asked, n)), 2) for n in ("x", "y", "w", "h")]
    stored = [kept.x, kept.y, kept.w, kept.h]
    if given == stored:
        return None
    return {"asked": given, "kept": stored}


def shift_inside(x: float, y: float, w: float, h: float,
                 width: float, height: float) -> tuple[float, float, float, float]:
    """Move (not crop) a rectangle so it lies inside the image; shrink only if it is larger."""
    w, h = min(w, float(width)), min(h, float(height))
    return (min(max(0.0, x), width - w), min(max(0.0, y), height - h), w, h)


def _clean_text(name: str, value: object) -> str | None:
    if value is None:
        return None
    text_ = " ".join(str(value).split()) if name != "note" else str(value).strip()
    if not text_:
        return None
    limit = _TEXT_LIMITS.get(name)
    if limit and len(text_) > limit:
        raise InputRejected(f"the {name.replace('_', ' ')} is longer than {limit} characters",
                            code="BOX_TEXT_TOO_LONG", field=name.replace('_', ' '), limit=limit)
    return text_


def _normalize_values(values: BoxValues, photo: PhotoFrame | Photo) -> tuple[BoxValues, str | None]:
    """Validated values for `photo` and the registration's problem (None when it checks out)."""
    label = _clean_text("label", values.label)
    if label is None:
        raise InputRejected("a box needs a label", code="BOX_NO_LABEL")
    confidence = _clean_text("confidence", values.confidence)
    if confidence is not None:
        confidence = confidence.lower()
        if confidence not in CONFIDENCES:
            raise InputRejected(
                f"confidence must be one of {', '.join(CONFIDENCES)}, not {values.confidence!r}",
                code="BOX_BAD_CONFIDENCE", confidences=', '.join(CONFIDENCES),
                confidence=f"{values.confidence!r}")
    registration, problem = _check_registration(values.registration)
    x, y, w, h = clamp_rect(float(values.x), float(values.y), float(values.w), float(values.h),
                            photo.width, photo.height)
    clean = BoxValues(
        label=label,
        registration=registration,
        aircraft_type=_clean_text("aircraft_type", values.aircraft_type),
        operator=_clean_text("operator", values.operator),
        confidence=confidence,
        note=_clean_text("note", values.note),
        x=x, y=y, w=w, h=h,
    )
    return clean, problem


def _check_registration(raw: str | None) -> tuple[str | None, str | None]:
    """(normalized mark, problem): an invalid mark is kept as typed (normalized) and flagged."""
    cleaned = _clean_text("registration", raw)
    if cleaned is None:
        return None, None
    check = normalize_registration(cleaned)
    normalized = check.normalized or cleaned.upper()
    if len(normalized) > _TEXT_LIMITS["registration"]:
        raise InputRejected("the registration is longer than 40 characters",
                            code="BOX_REGISTRATION_TOO_LONG")
    if check.valid:
        return normalized, None
    return normalized, check.problem or "not a valid registration"


# -- reading -----------------------------------------------------------------------------


def _info(box: Box, sha256: str) -> BoxInfo:
    return BoxInfo(id=box.id, photo_id=box.photo_id, photo_sha256=sha256,
                   values=_values_of(box), registration_problem=box.registration_problem,
                   version=box.version)


def _values_of(box: Box) -> BoxValues:
    return BoxValues(label=box.label, registration=box.registration,
                     aircraft_type=box.aircraft_type, operator=box.operator,
                     confidence=box.confidence, note=box.note,
                     x=box.x, y=box.y, w=box.w, h=box.h)


def list_boxes(session: Session, photo_id: int) -> list[BoxInfo]:
    """The photo's boxes in drawing order (oldest first)."""
    photo = _photo(session, photo_id)
    rows = session.execute(select(Box).where(Box.photo_id == photo_id).order_by(Box.id)).scalars()
    return [_info(b, photo.sha256) for b in rows]


def get_box(session: Session, box_id: int) -> BoxInfo:
    box = session.get(Box, box_id)
    if box is None:
        raise NotFound(f"no box {box_id} in this case", code="BOX_NOT_FOUND", box_id=box_id)
    return _info(box, _photo(session, box.photo_id).sha256)


def registrations_in_case(session: Session) -> list[str]:
    """Every registration already on a box, sorted (the registration field's completer)."""
    stmt = select(Box.registration).where(Box.registration.is_not(None)).distinct()
    return sorted(r for r in session.execute(stmt).scalars() if r)


def case_registrations(case: Case) -> list[str]:
    """`registrations_in_case`, in a read transaction of its own (for the GUI)."""
    with case.reading() as session:
        return registrations_in_case(session)


def list_labels(session: Session) -> list[str]:
    record = session.execute(select(CaseRow).limit(1)).scalar_one()
    return [str(label) for label in (record.labels or [])]


# -- writing boxes -----------------------------------------------------------------------


def _lock_for_ids(session: Session) -> None:
    """The audit chain's lock also guards box id allocation (`lock_chain`)."""
    lock_chain(session)


def _next_box_id(session: Session) -> int:
    """One more than any box id ever used in this case (live or audited as created)."""
    _lock_for_ids(session)
    live = session.execute(select(func.max(Box.id))).scalar() or 0
    audited = session.execute(
        select(func.max(cast(AuditEvent.object_id, Integer)))
        .where(AuditEvent.action == "box.create")
    ).scalar() or 0
    return max(int(live), int(audited)) + 1


def _sequence_past(session: Session, box_id: int) -> None:
    """Keep PostgreSQL's id sequence ahead of an explicitly chosen id, so an insert that
    relies on the column default (another tool, a future code path) cannot collide."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(
            "SELECT setval(seq, GREATEST(:id, COALESCE(pg_sequence_last_value(seq::regclass), 0)))"
            " FROM pg_get_serial_sequence('box', 'id') AS seq"), {"id": box_id})


@dataclass(frozen=True)
class PhotoFrame:
    """The little of a photo that boxes need (loading a Photo row would also read its
    metadata JSON, which is large and makes every nudge slow)."""

    id: int
    sha256: str
    width: int
    height: int


def _photo(session: Session, photo_id: int) -> PhotoFrame:
    row = session.execute(select(Photo.id, Photo.sha256, Photo.width, Photo.height)
                          .where(Photo.id == photo_id)).one_or_none()
    if row is None:
        raise NotFound(f"no photo with id {photo_id} in this case",
                       code="PHOTO_ID_NOT_FOUND", photo_id=photo_id)
    return PhotoFrame(*row)


def _ensure_label(case: Case, session: Session, label: str) -> None:
    """A label used on a box joins the case's list (audited), so the list stays complete."""
    record = session.execute(select(CaseRow).limit(1)).scalar_one()
    labels = list(record.labels or [])
    if label not in labels:
        record.labels = [*labels, label]
        case.audit(session, "labels.add", "case", record.id, details={"label": label})


def _refresh_date(case: Case, session: Session, photo_id: int) -> None:
    """Tagged registrations decide which flights can conflict with the capture time."""
    mark_dating_stale(session, [photo_id])


def insert_box(case: Case, session: Session, photo: PhotoFrame | Photo, values: BoxValues,
               box_id: int | None, extra: dict[str, Any] | None = None) -> BoxInfo:
    """Insert one box inside the caller's write transaction (batch imports use this), with
    its audit event; `extra` adds details to that event (e.g. the file it came from)."""
    clean, problem = _normalize_values(values, photo)
    restored = box_id is not None
    if box_id is None:
        box_id = _next_box_id(session)
    elif session.get(Box, box_id) is not None:
        raise InputRejected(f"box {box_id} already exists", code="BOX_EXISTS", box_id=box_id)
    now = utc_now()
    box = Box(id=box_id, photo_id=photo.id, label=clean.label, registration=clean.registration,
              registration_problem=problem, aircraft_type=clean.aircraft_type,
              operator=clean.operator, confidence=clean.confidence, note=clean.note,
              x=clean.x, y=clean.y, w=clean.w, h=clean.h, created_utc=now,
              created_by=case.examiner, updated_utc=now, version=1)
    session.add(box)
    session.flush()
    _sequence_past(session, box_id)
    _ensure_label(case, session, clean.label)
    details: dict[str, Any] = {"after": asdict(clean), "photo_id": photo.id}
    clipped = clip_note(values, clean)
    if clipped:
        details["clipped"] = clipped  # part of the rectangle asked for was outside the photo
    if problem:
        details["registration_problem"] = problem
    if restored:
        details["restored"] = True  # an undone delete: the same box back under its old id
    details.update(extra or {})
    case.audit(session, "box.create", "box", box.id, photo_sha256=photo.sha256, details=details)
    if clean.registration:
        _refresh_date(case, session, photo.id)
    return replace(_info(box, photo.sha256), clipped=clipped)


def create_box(case: Case, photo_id: int, values: BoxValues, box_id: int | None = None) -> BoxInfo:
    """Store a new box on the photo; `box_id` restores a deleted box under its old id."""
    with case.writing() as s:
        return insert_box(case, s, _photo(s, photo_id), values, box_id)


def restore_boxes(case: Case, photo_id: int, boxes: list[tuple[int, BoxValues]]) -> list[BoxInfo]:
    """Put back several deleted boxes under their old ids, in one transaction."""
    with case.writing() as s:
        photo = _photo(s, photo_id)
        return [insert_box(case, s, photo, values, box_id) for box_id, values in boxes]


def _update(case: Case, s: Session, box_id: int, changes: dict[str, Any],
            expected_version: int | None = None, resolution: str | None = None,
            source: dict[str, Any] | None = None) -> tuple[BoxValues, BoxValues]:
    unknown = set(changes) - set(FIELD_NAMES)
    if unknown:
        raise InputRejected(f"a box has no field {sorted(unknown)[0]!r}",
                            code="BOX_UNKNOWN_FIELD", fields=f"{sorted(unknown)[0]!r}")
    # The row lock (PostgreSQL; SQLite's write transaction is exclusive already) makes the
    # version compared below the one this update replaces: no lost update between the two.
    box = s.get(Box, box_id, with_for_update=True, populate_existing=True)
    if box is None:
        raise NotFound(f"no box {box_id} in this case", code="BOX_NOT_FOUND", box_id=box_id)
    photo = _photo(s, box.photo_id)
    before = _values_of(box)
    if expected_version is not None and box.version != expected_version:
        raise EditConflict("box", box_id, mine=dict(changes),
                           theirs={n: getattr(before, n) for n in changes},
                           expected_version=expected_version, current_version=box.version,
                           photo_id=photo.id, photo_sha256=photo.sha256)
    asked = replace(before, **changes)
    clean, problem = _normalize_values(asked, photo)
    if clean == before and problem == box.registration_problem:
        return before, before
    for name in FIELD_NAMES:
        setattr(box, name, getattr(clean, name))
    box.registration_problem = problem
    box.updated_utc = utc_now()
    box.version = (box.version or 1) + 1
    if clean.label != before.label:
        _ensure_label(case, s, clean.label)
    changed = [n for n in FIELD_NAMES if getattr(before, n) != getattr(clean, n)]
    details: dict[str, Any] = {
        "before": {n: getattr(before, n) for n in changed},
        "after": {n: getattr(clean, n) for n in changed},
        "version": box.version,
    }
    if {"x", "y", "w", "h"} & changes.keys() and (clipped := clip_note(asked, clean)):
        details["clipped"] = clipped  # part of the rectangle asked for was outside the photo
    if problem:
        details["registration_problem"] = problem
    if resolution:
        details["resolution"] = resolution  # e.g. "mine": applied over a conflict, by choice
    if source:
        details.update(source)  # where the new values came from, e.g. an accepted OCR reading
    case.audit(s, "box.update", "box", box.id, photo_sha256=photo.sha256, details=details)
    if clean.registration != before.registration:
        _refresh_date(case, s, photo.id)
    return before, clean


def update_box(case: Case, box_id: int, *, expected_version: int | None = None,
               **changes: Any) -> tuple[BoxValues, BoxValues]:
    """Change some of a box's values; returns (before, after). Unknown fields are refused.
    With `expected_version`, a box changed since the editor read it is a conflict (audited)."""
    if expected_version is None:
        with case.writing() as s:
            return _update(case, s, box_id, changes)
    edit = edit_boxes(case, {box_id: changes}, {box_id: expected_version})[box_id]
    return edit.before, edit.after


def update_boxes(case: Case, changes: dict[int, dict[str, Any]]
                 ) -> dict[int, tuple[BoxValues, BoxValues]]:
    """Change several boxes in one transaction (all or none): box id → (before, after)."""
    with case.writing() as s:
        return {box_id: _update(case, s, box_id, change) for box_id, change in changes.items()}


@dataclass(frozen=True)
class BoxEdit:
    """One box's checked update: values before and after, and the version now stored."""

    before: BoxValues
    after: BoxValues
    version: int


def edit_boxes(case: Case, changes: dict[int, dict[str, Any]], expected: dict[int, int],
               *, resolution: str | None = None,
               source: dict[str, Any] | None = None) -> dict[int, BoxEdit]:
    """Like `update_boxes`, but each box must still be at the version the editor saw
    (`expected`: box id → version): otherwise nothing is changed, the conflict is audited
    (`box.update_conflict`, both values) and `EditConflict` is raised for the first one.
    `source`, fields naming where the new values came from (an accepted OCR reading:
    `{"source": "ocr", "ocr": {…}}`), is added to each `box.update` event."""
    with conflicts_recorded(case), case.writing() as s:
        out = {}
        for box_id, change in changes.items():
            before, after = _update(case, s, box_id, change, expected.get(box_id), resolution,
                                    source)
            out[box_id] = BoxEdit(before, after, s.get_one(Box, box_id).version)
        return out


def _delete(case: Case, s: Session, box_id: int) -> BoxInfo:
    box = s.get(Box, box_id)
    if box is None:
        raise NotFound(f"no box {box_id} in this case", code="BOX_NOT_FOUND", box_id=box_id)
    photo = _photo(s, box.photo_id)
    info = _info(box, photo.sha256)
    s.execute(delete(Box).where(Box.id == box_id))
    case.audit(s, "box.delete", "box", box_id, photo_sha256=photo.sha256,
               details={"before": asdict(info.values), "photo_id": photo.id})
    if info.values.registration:
        _refresh_date(case, s, photo.id)
    return info


def delete_box(case: Case, box_id: int) -> BoxInfo:
    """Delete a box; returns what it was (for undo, which restores it under the same id)."""
    with case.writing() as s:
        return _delete(case, s, box_id)


def delete_boxes(case: Case, box_ids: list[int]) -> list[BoxInfo]:
    """Delete several boxes in one transaction (all or none)."""
    with case.writing() as s:
        return [_delete(case, s, box_id) for box_id in box_ids]


def duplicate_box(case: Case, box_id: int, offset: float = DUPLICATE_OFFSET) -> BoxInfo:
    """A copy of the box, offset down-right by `offset` px and kept inside the photo."""
    with case.writing() as s:
        box = s.get(Box, box_id)
        if box is None:
            raise NotFound(f"no box {box_id} in this case", code="BOX_NOT_FOUND", box_id=box_id)
        photo = _photo(s, box.photo_id)
        v = _values_of(box)
        x, y, w, h = shift_inside(v.x + offset, v.y + offset, v.w, v.h, photo.width, photo.height)
        return insert_box(case, s, photo, replace(v, x=x, y=y, w=w, h=h), None,
                       {"duplicate_of": box_id})


def copy_boxes(case: Case, from_photo: int, to_photo: int) -> list[BoxInfo]:
    """Copy every box of one photo onto another, in one transaction.

    Boxes keep their pixel position; where the target is smaller they are cropped to it,
    and a box falling wholly outside the target is left out.
    """
    if from_photo == to_photo:
        raise InputRejected("a photo's boxes cannot be copied onto the same photo",
                            code="BOX_COPY_SAME_PHOTO")
    with case.writing() as s:
        source = _photo(s, from_photo)
        target = _photo(s, to_photo)
        rows = s.execute(select(Box).where(Box.photo_id == from_photo).order_by(Box.id)).scalars()
        made = []
        for box in list(rows):
            v = _values_of(box)
            if v.x >= target.width - MIN_SIDE or v.y >= target.height - MIN_SIDE:
                continue
            made.append(insert_box(case, s, target, v, None,
                                {"copied_from_box": box.id, "copied_from_photo": source.sha256}))
        return made


# -- the case's label list ---------------------------------------------------------------


def _record(s: Session) -> CaseRow:
    return s.execute(select(CaseRow).limit(1)).scalar_one()


def add_label(case: Case, label: str) -> list[str]:
    """Add a label to the case's list; returns the new list."""
    name = _clean_text("label", label)
    if name is None:
        raise InputRejected("a label cannot be empty", code="LABEL_EMPTY")
    with case.writing() as s:
        record = _record(s)
        labels = list(record.labels or [])
        if name in labels:
            raise InputRejected(f"the label {name!r} is already in the list",
                                code="LABEL_EXISTS", name=f"{name!r}")
        record.labels = [*labels, name]
        case.audit(s, "labels.add", "case", record.id, details={"label": name})
        return list(record.labels)


def rename_label(case: Case, old: str, new: str) -> list[str]:
    """Rename a label in the list and on every box that carries it (one audited change)."""
    name = _clean_text("label", new)
    if name is None:
        raise InputRejected("a label cannot be empty", code="LABEL_EMPTY")
    with case.writing() as s:
        record = _record(s)
        labels = list(record.labels or [])
        if old not in labels:
            raise NotFound(f"no label {old!r} in this case", code="LABEL_UNKNOWN", old=f"{old!r}")
        if name in labels and name != old:
            raise InputRejected(f"the label {name!r} is already in the list",
                                code="LABEL_EXISTS", name=f"{name!r}")
        record.labels = [name if lab == old else lab for lab in labels]
        rows = s.execute(select(Box, Photo.sha256).join(Photo, Photo.id == Box.photo_id)
                         .where(Box.label == old).order_by(Box.id)).all()
        case.audit(s, "labels.rename", "case", record.id,
                   details={"before": old, "after": name, "boxes": [b.id for b, _ in rows]})
        now = utc_now()
        for box, sha256 in rows:
            # Each relabelled box is also in its photo's own history.
            box.label = name
            box.updated_utc = now
            box.version = (box.version or 1) + 1
            case.audit(s, "box.update", "box", box.id, photo_sha256=sha256,
                       details={"before": {"label": old}, "after": {"label": name},
                                "version": box.version, "reason": "label renamed"})
        return list(record.labels)


def remove_label(case: Case, label: str) -> list[str]:
    """Remove an unused label from the list (a label still on a box is refused)."""
    with case.writing() as s:
        record = _record(s)
        labels = list(record.labels or [])
        if label not in labels:
            raise NotFound(f"no label {label!r} in this case",
                           code="LABEL_NOT_FOUND", label=f"{label!r}")
        used = s.execute(select(func.count()).select_from(Box).where(Box.label == label)).scalar()
        if used:
            raise InputRejected(f"the label {label!r} is on {used} box(es); relabel them first",
                                code="LABEL_IN_USE", label=f"{label!r}", used=used)
        if len(labels) == 1:
            raise InputRejected("the case needs at least one label", code="LABEL_LAST")
        record.labels = [lab for lab in labels if lab != label]
        case.audit(s, "labels.remove", "case", record.id, details={"label": label})
        return list(record.labels)
