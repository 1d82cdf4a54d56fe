"""`annotator shadow` (the sun's position measured from a shadow on a photo, and the times it
stood there) and `annotator sun` (the sun's day at a place, with the windows of a position
measured elsewhere).

Points are displayed pixels (the photo as shown, after EXIF Orientation) written `X,Y`;
the ground rectangle's corners in order around it, either way round. Times are ISO 8601 UTC
with `Z`, as everywhere in the CLI. Exit 0 when the measurement ran, 1 when an input is
refused (the reason in one line), 2 for usage or a case that cannot be opened.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from annotator.cli.common import add_examiner, open_case, print_json

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_BAND = re.compile(rf"^\s*({_NUMBER})\s*(?:±|\+-|\+/-)\s*({_NUMBER})\s*$")


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("shadow", help="the sun's position from a shadow on a photo, and the "
                       "times of day it stood there")
    p.add_argument("target", metavar="FILE_OR_PHOTO",
                   help="a file path; with --case, a photo: its id as `annotator photos` "
                   "prints it, a SHA-256 prefix of at least 8 characters, or its file name")
    p.add_argument("--case", type=Path, help="the case folder holding the photo; the "
                   "measurement is then saved on the photo (audited, undoable)")
    p.add_argument("--ground", required=True, metavar='"X1,Y1 X2,Y2 X3,Y3 X4,Y4"',
                   help="four corners of a rectangle on the ground, in order around it "
                   "(displayed pixels)")
    p.add_argument("--ground-size", required=True, metavar="LENGTH,WIDTH",
                   help="metres: side 1→2, then side 2→3")
    p.add_argument("--ground-bearing", required=True, type=float, metavar="DEG",
                   help="true bearing of side 1→2 (from corner 1 towards corner 2), degrees")
    p.add_argument("--foot", required=True, metavar="X,Y",
                   help="the foot of the vertical object (on the ground, under its top)")
    p.add_argument("--tip", required=True, metavar="X,Y", help="the tip of its shadow")
    p.add_argument("--height", type=float, metavar="M",
                   help="the object's height in metres (gives the sun's elevation)")
    p.add_argument("--type", "--aircraft-type", dest="aircraft_type", metavar="TYPE",
                   help="an aircraft type whose fin casts the shadow (its height from the "
                   "table, e.g. C-130H), when --height is not given")
    p.add_argument("--pixel-error", type=float, metavar="PX",
                   help="how precisely the points are marked, one standard deviation in "
                   "pixels (default 2)")
    p.add_argument("--place", metavar="ICAO|LAT,LON",
                   help="where the photo was taken, when it has no GPS position or claimed place")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the local date to find the windows on (default: the capture's)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_examiner(p)
    p.set_defaults(handler=_shadow)

    p = sub.add_parser("sun", help="the sun's day at a place: sunrise, sunset, its path, and "
                       "when it stood at a measured position")
    p.add_argument("--place", required=True, metavar="ICAO|LAT,LON", help="the place")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the local date")
    p.add_argument("--azimuth", metavar="DEG±ERR",
                   help="the measured azimuth and its error, degrees true (e.g. 231±2)")
    p.add_argument("--elevation", metavar="DEG±ERR",
                   help="the measured elevation and its error, degrees (e.g. 41±1.5)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=_sun)


def _point(text: str, what: str) -> tuple[float, float]:
    from annotator.core.errors import InputRejected

    parts = text.strip().split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        return float(parts[0]), float(parts[1])
    except ValueError:
        raise InputRejected(f"the {what} {text!r} is not a point: give X,Y in displayed "
                            "pixels, e.g. 1520,980", code="SHADOW_BAD_POINT", what=what,
                            text=f"{text!r}") from None


def _pair(text: str, what: str) -> tuple[float, float]:
    from annotator.core.errors import InputRejected

    try:
        return _point(text, what)
    except InputRejected:
        raise InputRejected(f"the {what} {text!r} is not LENGTH,WIDTH in metres, e.g. 30,3",
                            code="SHADOW_BAD_SIZE_TEXT", what=what, text=f"{text!r}") from None


def _marks(args: argparse.Namespace) -> Any:
    from annotator.core.errors import InputRejected
    from annotator.core.reference import require_aircraft_height
    from annotator.core.shadows import DEFAULT_PIXEL_ERROR, ShadowMarks

    corners = [c for c in re.split(r"[\s;]+", args.ground.strip()) if c]
    if len(corners) != 4:
        raise InputRejected(f"--ground needs four corners X,Y separated by spaces, got "
                            f"{len(corners)}", code="SHADOW_GROUND_COUNT", count=len(corners))
    points = [_point(c, f"ground corner {i + 1}") for i, c in enumerate(corners)]
    height, source, height_error = args.height, None, 0.0
    if height is not None:
        source = "typed"
    elif args.aircraft_type:
        entry = require_aircraft_height(args.aircraft_type)
        height, source, height_error = entry.height_m, entry.label, entry.height_error_m
    return ShadowMarks(
        ground=(points[0], points[1], points[2], points[3]),
        ground_size=_pair(args.ground_size, "ground size"),
        ground_bearing=args.ground_bearing,
        foot=_point(args.foot, "foot"), tip=_point(args.tip, "tip"),
        height=height, height_source=source, height_error=height_error,
        pixel_error=args.pixel_error if args.pixel_error is not None else DEFAULT_PIXEL_ERROR)


def _shadow(args: argparse.Namespace) -> int:
    from annotator.core.errors import NotFound

    marks = _marks(args)
    saved = None
    if args.case is None:
        from annotator.core.dating import (
            Claim,
            DatingInput,
            check_capture_date,
            resolve_place,
            shadow_place,
        )
        from annotator.core.metadata import read_metadata
        from annotator.core.shadows import analyse, measure_shadow, parse_day
        from annotator.core.timeutil import utc_now

        path = Path(args.target)
        if not path.is_file():
            raise NotFound(f"{path}: no such file (give --case CASE to name a photo in a case)")
        day = parse_day(args.date)
        named = resolve_place(args.place)
        meta = read_metadata(path)
        size = (meta.width, meta.height) if meta.width and meta.height else None
        measurement = measure_shadow(marks, size)
        inp = DatingInput(meta=meta, reference_utc=utc_now(), path=path,
                          claim=Claim(place=named) if named else None)
        result = analyse(measurement, shadow_place(inp, named), day,
                         check_capture_date(inp).capture_utc)
        header = str(path)
    else:
        from annotator.core.photos import find_photo
        from annotator.core.shadows import measure_photo_shadow, set_shadow

        with open_case(argparse.Namespace(case=args.case, examiner=args.examiner)) as case:
            with case.reading() as session:
                photo = find_photo(session, args.target)
                photo_id, header = photo.id, f"{photo.original_name} ({photo.sha256[:12]})"
            if case.read_only:  # measured and printed; a read-only case keeps nothing
                result = measure_photo_shadow(case, photo_id, marks, place=args.place,
                                              day=args.date)
            else:
                result, saved = set_shadow(case, photo_id, marks, place=args.place,
                                           day=args.date)
    data = result.to_json()
    if args.json:
        print_json(data)
    else:
        _print_shadow(header, result, data, saved)
    return 0


def _print_shadow(header: str, result: Any, data: dict[str, Any], saved: Any) -> None:
    m = result.measurement
    print(header)
    print(f"shadow: bearing {m.bearing:.1f}° true, {m.length_m:.2f} m ± {m.length_error_m:.2f} m "
          "on the ground")
    sun = f"sun: azimuth {m.azimuth:.1f}° ± {m.azimuth_error:.1f}°"
    if m.elevation is not None:
        sun += (f", elevation {m.elevation:.1f}° ± {m.elevation_error:.1f}° "
                f"(height {m.marks.height:g} m, {m.marks.height_source})")
    else:
        sun += ", elevation unknown (no height given)"
    print(sun)
    print(f"read at {result.place.label} on {result.day.isoformat()} "
          f"({result.place.tz or 'UTC day: no time zone'}); errors are 95 %, from a marking "
          f"precision of {m.marks.pixel_error:g} px")
    windows = data["windows"]
    if windows:
        print("the sun stood there (UTC): " + ", ".join(
            f"{w['from_utc']} – {w['to_utc']}" for w in windows))
    else:
        print("the sun never stood there that day")
    check = data["check"]
    if check is None:
        print("capture time: unknown (no comparison)")
    else:
        at = check["sun_at_capture"]
        print(f"capture {check['capture_utc']}: sun at azimuth {at['azimuth']:.1f}°, elevation "
              f"{at['elevation']:.1f}°, {check['difference_deg']:.1f}° from the measurement "
              f"→ {check['finding']}")
    if saved is not None:
        print(f"saved on the photo (version {saved.version})")


def _band_value(text: str | None, what: str) -> tuple[float, float] | None:
    from annotator.core.errors import InputRejected

    if text is None:
        return None
    match = _BAND.match(text)
    if not match:
        raise InputRejected(f"the {what} {text!r} is not DEG±ERR: give the value and its error "
                            "in degrees, e.g. 231±2 (or 231+-2)", code="SUN_BAD_BAND",
                            what=what, text=f"{text!r}")
    value, error = float(match.group(1)), abs(float(match.group(2)))
    return value, error


def _sun(args: argparse.Namespace) -> int:
    from annotator.core.dating import SunBand, resolve_place, sun_day
    from annotator.core.shadows import parse_day

    place = resolve_place(args.place)
    day = parse_day(args.date)
    assert place is not None and day is not None  # both required by the parser
    azimuth = _band_value(args.azimuth, "azimuth")
    elevation = _band_value(args.elevation, "elevation")
    band = None
    if azimuth is not None or elevation is not None:
        az, az_err = azimuth if azimuth is not None else (0.0, 180.0)  # any azimuth
        band = SunBand(az % 360.0, az_err, elevation[0] if elevation else None,
                       elevation[1] if elevation else None)
    result = sun_day(place, day, band)
    data = result.to_json()
    if args.json:
        print_json(data)
        return 0
    print(f"{data['place']} on {data['date']} ({data['zone'] or 'UTC day: no time zone'})")
    print(f"sunrise {data['sunrise_utc'] or 'none'}, sunset {data['sunset_utc'] or 'none'}")
    for row in data["path"]:
        if row["elevation"] > -6:
            print(f"  {row['utc']}  azimuth {row['azimuth']:6.1f}°  "
                  f"elevation {row['elevation']:5.1f}°")
    if band is not None:
        if data["windows"]:
            print("the sun stood there (UTC): " + ", ".join(
                f"{w['from_utc']} – {w['to_utc']}" for w in data["windows"]))
        else:
            print("the sun never stood there that day")
    return 0
