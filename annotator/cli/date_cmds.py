"""`annotator check-date` (capture-date verification) and `annotator source` (acquisition).

`check-date` exits 0 whenever the check ran, whatever the verdict: the verdict is the output
(read it from `--json`); 1 only when an input is rejected, 2 for usage or an unopenable case.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import PHOTO_HELP, add_case, add_examiner, open_case, print_json


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("check-date", help="verify when a photo was taken (verdict, findings)")
    p.add_argument("target", metavar="FILE_OR_PHOTO",
                   help="a file path; with --case, a photo: its id as `annotator photos` "
                   "prints it, a SHA-256 prefix of at least 8 characters, or its file name")
    p.add_argument("--case", type=Path, help="the case folder holding the photo; the claim "
                   "given is then saved on the photo (audited)")
    p.add_argument("--claimed", metavar="DATE[THH:MM]",
                   help="the claimed date, or date-time in the local time of the place")
    p.add_argument("--place", metavar="ICAO|LAT,LON", help="the claimed place")
    p.add_argument("--source", metavar="TEXT", help="where the claim comes from")
    p.add_argument("--grade", metavar="A1-F6", help="the claim source's Admiralty grade")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_examiner(p)
    p.set_defaults(handler=_check_date)

    p = sub.add_parser("source", help="show or set where a photo was found (acquisition)")
    add_case(p)
    p.add_argument("photo", metavar="PHOTO", help=PHOTO_HELP)
    p.add_argument("--url", help="where the photo was found")
    p.add_argument("--platform", help="e.g. X, Telegram, Facebook")
    p.add_argument("--account", help="the posting account")
    p.add_argument("--posted", metavar="UTC", help="first post time, e.g. 2023-10-27T15:02Z")
    p.add_argument("--archive", metavar="URL", help="an archived copy")
    p.add_argument("--acquired", metavar="UTC", help="when it was acquired (default: first save)")
    p.add_argument("--acquired-by", metavar="NAME",
                   help="who acquired it (default: the examiner of the first save)")
    p.add_argument("--grade", metavar="A1-F6", help="the source's Admiralty grade")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_source)


def _print_result(data: dict, header: str) -> None:
    print(header)
    claim = data.get("claim") or {}
    if claim.get("claimed") or claim.get("place"):
        said = " at ".join(v for v in (claim.get("claimed"), claim.get("place")) if v)
        source = f" — {claim['source_text']}" if claim.get("source_text") else ""
        grade = (f" [{claim['grade']}: {claim['grade_meaning']}]" if claim.get("grade")
                 else " [ungraded]")
        print(f"claim: {said}{source}{grade}")
    print(f"verdict: {data['verdict']}")
    source = data["capture_utc_source"]
    print(f"capture (UTC): {data['capture_utc'] or 'unknown'}"
          + (f"  [from {source}]" if source else ""))
    if data["sun"]:
        print(f"sun: elevation {data['sun']['elevation']:.1f}°, "
              f"azimuth {data['sun']['azimuth']:.1f}°")
    for f in data["findings"]:
        print(f"  {f['severity']:<8} {f['code']:<22} {f['message']}")


def _check_date(args: argparse.Namespace) -> int:
    from annotator.core.errors import NotFound

    if args.case is None:
        from annotator.core.dating.check import Claim, DatingInput, check_capture_date
        from annotator.core.dating.claims import (
            ClaimRecord,
            normalize_claimed,
            normalize_grade,
            resolve_place,
        )
        from annotator.core.history import file_dating_findings
        from annotator.core.metadata import read_metadata
        from annotator.core.timeutil import utc_now

        path = Path(args.target)
        if not path.is_file():
            raise NotFound(f"{path}: no such file (give --case CASE to name a photo in a case)")
        claim = Claim(normalize_claimed(args.claimed), resolve_place(args.place),
                      (args.source or "").strip() or None, normalize_grade(args.grade))
        meta = read_metadata(path)
        # the file's history as the import would record it (REENCODED, TABLES_NOT_CAMERA)
        history = tuple(file_dating_findings(path, meta))
        result = check_capture_date(DatingInput(meta=meta, reference_utc=utc_now(), path=path,
                                                claim=claim, history_findings=history))
        data, header = result.to_json(), str(path)
        data["claim"] = ClaimRecord(0, claim.claimed, claim.place.label if claim.place else None,
                                    claim.source_text, claim.grade).to_json()
        del data["claim"]["version"]
    else:
        from annotator.core.dating.claims import get_claim, set_claim
        from annotator.core.dating.photo_dating import refresh_photo_date
        from annotator.core.photos import find_photo

        with open_case(argparse.Namespace(case=args.case, examiner=args.examiner)) as case:
            with case.reading() as session:
                photo = find_photo(session, args.target)
                photo_id, name = photo.id, photo.original_name
            if any(v is not None for v in (args.claimed, args.place, args.source, args.grade)):
                set_claim(case, photo_id, claimed=args.claimed, place=args.place,
                          source_text=args.source, grade=args.grade)
            from annotator.core.models import Photo

            if case.read_only:  # the check runs; its result cannot be kept on the photo
                from annotator.core.dating.photo_dating import check_photo

                with case.reading() as session:
                    result = check_photo(case, session, session.get(Photo, photo_id))
                    claim_json = get_claim(session, photo_id).to_json()
            else:
                with case.writing() as session:
                    result = refresh_photo_date(case, session, session.get(Photo, photo_id))
                    claim_json = get_claim(session, photo_id).to_json()
            data, header = result.to_json(), f"{name} ({photo.sha256[:12]})"
            data["claim"] = claim_json
    if args.json:
        print_json(data)
    else:
        _print_result(data, header)
    return 0


def _source(args: argparse.Namespace) -> int:
    from annotator.core.dating.acquisition import get_acquisition, set_acquisition
    from annotator.core.photos import find_photo

    fields = {"url": args.url, "platform": args.platform, "account": args.account,
              "posted_utc": args.posted, "archive_url": args.archive,
              "acquired_utc": args.acquired, "acquired_by": args.acquired_by,
              "grade": args.grade}
    with open_case(args) as case:
        with case.reading() as session:
            photo = find_photo(session, args.photo)
            photo_id, name = photo.id, photo.original_name
        if any(v is not None for v in fields.values()):
            record = set_acquisition(case, photo_id, **fields)
        else:
            with case.reading() as session:
                record = get_acquisition(session, photo_id)
    data = record.to_json()
    if args.json:
        print_json(data)
    elif record.is_empty:
        print(f"{name}: no source recorded")
    else:
        print(name)
        for key, value in data.items():
            if value is not None and key != "version":
                print(f"  {key}: {value}")
    return 0
