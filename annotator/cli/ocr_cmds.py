"""`annotator ocr`: read the registration painted inside a box (a suggestion only).

`ocr FILE_OR_PHOTO --box X,Y,W,H [--case CASE] [--json]`: the box is in displayed pixels
(after EXIF orientation), as everywhere; with `--case`, FILE_OR_PHOTO names a photo of the
case. Prints the candidates best first (`--json`: `{candidates: [{text, registration, valid,
country, confidence}], box, engine, seconds}`). Nothing is written: an examiner stores a
reading with `box-edit --registration` or the app's Read registration.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from annotator.cli.common import PHOTO_HELP, add_examiner, open_case, print_json


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this module's command to the parser."""
    p = sub.add_parser(
        "ocr", help="read the registration inside a box (OCR; a suggestion only)",
        description="Read the text inside a box with the offline OCR engine and offer the "
        "registrations it can be (nationality marks checked, 0/O 1/I 5/S 8/B 2/Z "
        "confusions tried), best first. Nothing is stored.")
    p.add_argument("target", metavar="FILE_OR_PHOTO",
                   help=f"a picture file; with --case, {PHOTO_HELP}")
    p.add_argument("--box", required=True, metavar="X,Y,W,H",
                   help="the box in displayed pixels (after EXIF orientation); write a "
                   "negative coordinate as --box=-10,400,50,100")
    p.add_argument("--case", type=Path, help="the case folder holding the photo")
    p.add_argument("--json", action="store_true",
                   help="print {candidates: [{text, registration, valid, country, "
                   "confidence}]} as JSON")
    add_examiner(p)
    p.set_defaults(handler=run_ocr)


def run_ocr(args: argparse.Namespace) -> int:
    from annotator.core.ocr import parse_box, photo_target, read_file, read_target

    box = parse_box(args.box)
    if args.case is not None:
        with open_case(args) as case:
            target = photo_target(case, args.target, box)
        result = read_target(target)
    else:
        result = read_file(Path(args.target), box)
    if args.json:
        print_json(result.to_json())
        return 0
    if not result.candidates:
        sys.stdout.write("no text read in the box\n")
        return 0
    for n, cand in enumerate(result.candidates, start=1):
        verdict = cand.country if cand.valid else "not a valid registration"
        percent = math.floor(cand.confidence * 100)  # 0.996 is not "100 %"
        sys.stdout.write(f"{n}. {cand.registration:<12} {percent:>3} %  {verdict}"
                         f"  (read {cand.text!r})\n")
    return 0
