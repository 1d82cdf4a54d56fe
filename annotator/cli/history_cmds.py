"""`annotator analyze` (a file's JPEG history) and `annotator similar` (copies in a case).

`analyze FILE_OR_PHOTO... [--case CASE] [--json]`: one object per file (see
`annotator.core.history.analyze.FileHistory.to_json`); a file that cannot be read gives one
line on stderr, its object says why in `error`, the others are still analysed; exit 1 when
any failed. `similar CASE [PHOTO] [--json]`: the groups of copies.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli.common import add_examiner, open_case, print_json


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add this module's commands to the parser."""
    p = sub.add_parser(
        "analyze", help="a JPEG's history: quality, table matches, double compression, signs",
        description="What a file's compression says about its history: IJG quality, "
        "quantization tables matched against cameras, editors and platforms, double "
        "compression, signs of re-encoding, perceptual hashes. Exit 1 when any file could "
        "not be read.")
    p.add_argument("targets", metavar="FILE_OR_PHOTO", nargs="+",
                   help="files; with --case, photos (SHA-256, prefix or file name)")
    p.add_argument("--case", type=Path, help="the case folder holding the photos")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per file")
    p.add_argument("--no-double", action="store_true",
                   help="skip the double-compression check (the slowest step)")
    add_examiner(p)
    p.set_defaults(handler=run_analyze)

    p = sub.add_parser("similar", help="groups of copies of the same picture in a case",
                       description="Group the case's photos that show the same picture "
                       "(re-encoded, resized, cropped, captioned) and name the earliest "
                       "posting of each group.")
    p.add_argument("case", metavar="CASE", type=Path, help="the case folder")
    p.add_argument("photo", metavar="PHOTO", nargs="?",
                   help="only the group of this photo (SHA-256, prefix or file name)")
    p.add_argument("--json", action="store_true", help="print {groups: [...]} as JSON")
    add_examiner(p)
    p.set_defaults(handler=run_similar)


def _targets(args: argparse.Namespace) -> list[tuple[Path, str]]:
    """(file to read, path to show) for each target."""
    if args.case is None:
        return [(Path(t), t) for t in args.targets]
    from annotator.core.photos import find_photo

    with open_case(args) as case, case.reading() as session:
        out = []
        for ref in args.targets:
            photo = find_photo(session, ref)
            out.append((case.store.path_for(photo.sha256), photo.original_path))
        return out


def run_analyze(args: argparse.Namespace) -> int:
    from annotator.core.history import analyze_file

    results = []
    for path, shown in _targets(args):
        result = analyze_file(path, double_compression=not args.no_double, display_path=shown)
        if result.error:
            sys.stderr.write(f"annotator: {shown}: {result.error}\n")
        results.append(result)
    if args.json:
        print_json([r.to_json() for r in results])
    else:
        for index, result in enumerate(results):
            if index:
                sys.stdout.write("\n")
            sys.stdout.write(format_history(result.to_json()))
    return 1 if any(r.error for r in results) else 0


def format_history(data: dict[str, Any]) -> str:
    """A readable listing of one `analyze` object."""
    from annotator.core.history.summary import quality_text

    out = [f"{data['path']}\n"]
    if data.get("error"):
        out.append(f"  error                  {data['error']}\n")
        return "".join(out)
    jpeg = data.get("jpeg")
    if jpeg is None:
        out.append("  not a JPEG\n")
    else:
        out.append(f"  quality                {quality_text(jpeg)}\n")
        restart = jpeg["restart_interval"]
        out.append(f"  subsampling            {jpeg['subsampling']}"
                   f"{', progressive' if jpeg['progressive'] else ''}"
                   f"{', optimized Huffman' if jpeg['optimized_huffman'] else ''}"
                   f"{', restart ' + str(restart) if restart else ''}\n")
        for match in jpeg["table_matches"]:
            out.append(f"  tables match           {match['kind']}: {match['name']}"
                       f"{'' if match['exact'] else ' (not exact)'}\n")
        dc = jpeg.get("double_compressed")
        if dc:
            text = (f"yes, first at about quality {dc['primary_quality']}" if dc["detected"]
                    else "not detected")
            out.append(f"  double compression     {text} (confidence {dc['confidence']})\n")
        out.append(f"  markers                {' '.join(jpeg['markers'])}\n")
    for sign in data.get("signs") or []:
        out.append(f"  {sign['severity']:<8} {sign['code']}: {sign['message']}\n")
    out.append(f"  pHash {data.get('phash')}  dHash {data.get('dhash')}\n")
    return "".join(out)


def run_similar(args: argparse.Namespace) -> int:
    from annotator.core.history.case_copies import similar_groups
    from annotator.core.photos import find_photo

    with open_case(args) as case, case.reading() as session:
        photo_id = find_photo(session, args.photo).id if args.photo else None
        groups = similar_groups(session, photo_id)
        names = {}
        if not args.json:
            from sqlalchemy import select

            from annotator.core.models import Photo

            ids = [m.id for g in groups for m in g.members]
            names = dict(session.execute(select(Photo.id, Photo.original_name)
                                         .where(Photo.id.in_(ids))).all()) if ids else {}
    data = {"groups": [g.to_json() for g in groups]}
    if args.json:
        print_json(data)
        return 0
    if not groups:
        sys.stdout.write("no copies found\n")
    for n, grp in enumerate(data["groups"], start=1):
        sys.stdout.write(f"group {n}\n")
        for m in grp["photos"]:
            best = "  (best copy)" if m["best"] else ""
            sys.stdout.write(f"  {m['id']:>6}  {names.get(m['id'], '')}  {m['relation']}"
                             f"  distance {m['distance']}{best}\n")
        if grp["earliest"]:
            e = grp["earliest"]
            sys.stdout.write(f"  earliest posting: photo {e['photo']} at {e['posted_utc']}"
                             f"{' (' + e['source'] + ')' if e.get('source') else ''}\n")
    return 0
