"""`annotator annotate`, `boxes`, `box-edit`, `box-delete`: boxes from scripts and batch work.

Coordinates are displayed pixels (after EXIF Orientation), `X,Y,W,H`. A bad value is a
rejected input (exit 1, one line), like any value the core refuses.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from annotator.cli.common import PHOTO_HELP, add_case, open_case, print_json

# (option, BoxValues field, help)
_FIELD_OPTIONS = (
    ("--label", "label", "what is boxed (default: aircraft)"),
    ("--registration", "registration",
     "the registration painted on it (normalized: 5umbh → 5U-MBH)"),
    ("--type", "aircraft_type", "aircraft type, e.g. C-130H"),
    ("--operator", "operator", "operator or air force"),
    ("--confidence", "confidence", "confirmed, probable or possible"),
    ("--note", "note", "free note"),
)


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("annotate", help="draw a box on a photo; prints the new box's id")
    add_case(p)
    p.add_argument("photo", metavar="PHOTO", help=PHOTO_HELP)
    p.add_argument("--box", metavar="X,Y,W,H", required=True, help="displayed-pixel rectangle")
    _add_fields(p)
    p.set_defaults(handler=_annotate)

    p = sub.add_parser("boxes", help="list a photo's boxes")
    add_case(p)
    p.add_argument("photo", metavar="PHOTO", help=PHOTO_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_boxes)

    p = sub.add_parser("box-edit", help="change a box (an empty value clears a field)")
    add_case(p)
    p.add_argument("box_id", metavar="BOX_ID")
    p.add_argument("--box", metavar="X,Y,W,H", help="new displayed-pixel rectangle")
    _add_fields(p)
    p.set_defaults(handler=_box_edit)

    p = sub.add_parser("box-delete", help="delete a box")
    add_case(p)
    p.add_argument("box_id", metavar="BOX_ID")
    p.set_defaults(handler=_box_delete)


def _add_fields(p: argparse.ArgumentParser) -> None:
    for option, _field, help_text in _FIELD_OPTIONS:
        p.add_argument(option, help=help_text)


def _parse_rect(text: str) -> dict[str, float]:
    from annotator.core.errors import InputRejected

    parts = [part.strip() for part in text.split(",")]
    try:
        if len(parts) != 4:
            raise ValueError
        x, y, w, h = (float(part) for part in parts)
    except ValueError:
        raise InputRejected(f"--box wants four numbers X,Y,W,H, not {text!r}") from None
    return {"x": x, "y": y, "w": w, "h": h}


def _parse_box_id(text: str) -> int:
    from annotator.core.errors import InputRejected

    try:
        return int(text)
    except ValueError:
        raise InputRejected(f"a box id is a number, not {text!r}") from None


def _given_fields(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for option, field, _help in _FIELD_OPTIONS:
        value = getattr(args, option[2:].replace("-", "_"))
        if value is not None:
            values[field] = value if value.strip() else None
    return values


def _warn_flagged(info: Any) -> None:
    if info.registration_problem:
        sys.stderr.write(f"annotator: registration flagged: {info.registration_problem}\n")


def _note_clipped(clipped: dict[str, Any] | None) -> None:
    """A box partly outside the photo is kept clipped to it: say so (the audit event does)."""
    if clipped:
        asked, kept = (",".join(f"{v:g}" for v in clipped[k]) for k in ("asked", "kept"))
        sys.stderr.write(f"annotator: note: the box {asked} reached outside the photo; "
                         f"saved clipped to {kept}\n")


def _annotate(args: argparse.Namespace) -> int:
    from annotator.core import boxes
    from annotator.core.photos import find_photo

    fields = _given_fields(args) | _parse_rect(args.box)
    if fields.get("label") is None:
        fields.pop("label", None)
    with open_case(args) as case:
        with case.reading() as s:
            photo_id = find_photo(s, args.photo).id
        info = boxes.create_box(case, photo_id, boxes.BoxValues(**fields))
    print(info.id)
    _note_clipped(info.clipped)
    _warn_flagged(info)
    return 0


def _boxes(args: argparse.Namespace) -> int:
    from annotator.core import boxes
    from annotator.core.photos import find_photo

    with open_case(args) as case, case.reading() as s:
        photo = find_photo(s, args.photo)
        rows = boxes.list_boxes(s, photo.id)
    if args.json:
        print_json([b.to_json() for b in rows])
        return 0
    for b in rows:
        v = b.values
        parts = [f"{b.id:>6}", f"{v.x:g},{v.y:g},{v.w:g},{v.h:g}", v.label,
                 v.registration or "-", v.aircraft_type, v.operator, v.confidence, v.note]
        if b.registration_problem:
            parts.append(f"[flagged: {b.registration_problem}]")
        print("  ".join(p for p in parts if p))
    return 0


def _box_edit(args: argparse.Namespace) -> int:
    from annotator.core import boxes
    from annotator.core.errors import InputRejected

    box_id = _parse_box_id(args.box_id)
    changes = _given_fields(args)
    if args.box is not None:
        changes |= _parse_rect(args.box)
    if not changes:
        raise InputRejected("nothing to change: give --box or a field such as --registration")
    with open_case(args) as case:
        before, after = boxes.update_box(case, box_id, **changes)
        with case.reading() as s:
            info = boxes.get_box(s, box_id)
    if args.box is not None:
        from dataclasses import replace

        _note_clipped(boxes.clip_note(replace(before, **_parse_rect(args.box)), after))
    _warn_flagged(info)
    return 0


def _box_delete(args: argparse.Namespace) -> int:
    from annotator.core import boxes

    box_id = _parse_box_id(args.box_id)
    with open_case(args) as case:
        boxes.delete_box(case, box_id)
    return 0
