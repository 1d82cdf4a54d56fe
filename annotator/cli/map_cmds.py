"""`annotator map`: the case's map as GeoJSON, KML, PNG or SVG (no display needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.common import add_case, open_case


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    p = sub.add_parser("map", help="write the map of photos, airports, tracks and legs "
                       "(.geojson, .kml, .png or .svg)")
    add_case(p)
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="FILE.geojson, FILE.kml, FILE.png or FILE.svg")
    p.add_argument("--registration", help="one aircraft")
    p.add_argument("--from", dest="start", metavar="DATE", help="from this date or UTC time")
    p.add_argument("--to", dest="end", metavar="DATE", help="to this date (inclusive) or time")
    p.add_argument("--colour-tracks", dest="colour_by", default="single",
                   choices=("single", "altitude", "flight"),
                   help="PNG/SVG: one colour for every track (default), a colour per flight, "
                   "or the received altitude (with its ramp in the legend)")
    p.set_defaults(handler=_map)


def _map(args: argparse.Namespace) -> int:
    from annotator.core.maps.files import map_format, write_map
    from annotator.core.maps.period import map_filter

    map_format(args.out)  # a wrong suffix is refused before the case is opened
    what = map_filter(args.registration, args.start, args.end)
    with open_case(args) as case:
        data = write_map(case, args.out, what, colour_by=args.colour_by)
    print(f"wrote {args.out}: {len(data.photos)} photo(s), {len(data.airports)} airport(s), "
          f"{len(data.tracks)} track(s), {len(data.legs)} leg(s)")
    return 0
