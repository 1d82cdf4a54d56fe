"""`annotator flights import|add|edit|list|routes`, `annotator link`, `unlink` and `suggest`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from annotator.cli.common import PHOTO_HELP, add_case, open_case, print_json

FORMATS = ("auto", "csv", "readsb", "fr24", "kml", "opensky", "opensky-states")


def _flight_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--registration", help="e.g. 5U-MBH (prefix mil: for a military serial)")
    p.add_argument("--icao24", help="ICAO 24-bit address, six hex digits")
    p.add_argument("--callsign")
    p.add_argument("--origin", help="departure airport: ICAO, IATA or a known name")
    p.add_argument("--destination", help="arrival airport: ICAO, IATA or a known name")
    p.add_argument("--departure", metavar="UTC", help="ISO 8601 UTC, e.g. 2023-10-27T10:40Z")
    p.add_argument("--arrival", metavar="UTC", help="ISO 8601 UTC")
    p.add_argument("--departure-estimated", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--arrival-estimated", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--source-kind", choices=("adsb", "tracker", "witness", "official", "manual"))
    p.add_argument("--source-ref", help="URL or document the record comes from")
    p.add_argument("--grade", help="Admiralty grade: source A-F and information 1-6, e.g. B2")
    p.add_argument("--notes")


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    flights = sub.add_parser("flights", help="flight records: import, add, edit, list")
    fsub = flights.add_subparsers(dest="flights_command", metavar="ACTION",
                                  parser_class=type(flights))
    flights.set_defaults(handler=lambda args: flights.print_help() or 2)

    p = fsub.add_parser("import", help="import flights from a track or flight-record file")
    add_case(p)
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--format", choices=FORMATS, default="auto")
    p.add_argument("--registration", help="the aircraft's registration, if the file lacks it")
    p.add_argument("--icao24", help="the aircraft's ICAO address, if the file lacks it")
    p.add_argument("--callsign", help="the callsign, if the file lacks it")
    p.add_argument("--grade", help="Admiralty grade of this source, e.g. B2")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import)

    p = fsub.add_parser("add", help="add a flight typed by hand")
    add_case(p)
    _flight_fields(p)
    p.add_argument("--type", dest="aircraft_type", help="ICAO type designator, e.g. C130")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_add)

    p = fsub.add_parser("edit", help="change fields of a flight")
    add_case(p)
    p.add_argument("flight", metavar="FLIGHT", type=int)
    _flight_fields(p)
    p.set_defaults(handler=_edit)

    p = fsub.add_parser("delete", help="delete a flight (and its photo links)")
    add_case(p)
    p.add_argument("flight", metavar="FLIGHT", type=int)
    p.set_defaults(handler=_delete)

    p = fsub.add_parser("list", help="list the case's flights")
    add_case(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = fsub.add_parser("routes", help="routes flown, airports visited and trips from a base")
    add_case(p)
    p.add_argument("--registration", help="one aircraft (an airframe re-registered counts once)")
    p.add_argument("--from", dest="start", metavar="DATE", help="from this date or UTC time")
    p.add_argument("--to", dest="end", metavar="DATE", help="to this date (inclusive) or time")
    p.add_argument("--base", metavar="ICAO",
                   help="the airport trips start from (default: where the aircraft spends "
                   "most time)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_routes)

    p = fsub.add_parser("aircraft", help="list airframes with their registrations over time")
    add_case(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_aircraft)

    p = fsub.add_parser("aircraft-edit", help="change an airframe's details or add a "
                        "registration it carried")
    add_case(p)
    p.add_argument("aircraft", metavar="AIRCRAFT", type=int)
    p.add_argument("--icao24")
    p.add_argument("--type", dest="type_designator", help="ICAO type designator, e.g. C130")
    p.add_argument("--model")
    p.add_argument("--msn", help="manufacturer serial number")
    p.add_argument("--operator")
    p.add_argument("--military", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--notes")
    p.add_argument("--add-registration", metavar="REG")
    p.add_argument("--from", dest="valid_from", metavar="UTC", help="first day carried")
    p.add_argument("--to", dest="valid_to", metavar="UTC", help="last day carried")
    p.set_defaults(handler=_aircraft_edit)

    p = sub.add_parser("link", help="link a photo to a flight")
    add_case(p)
    p.add_argument("photo", metavar="PHOTO", help=PHOTO_HELP)
    p.add_argument("flight", metavar="FLIGHT", type=int)
    p.add_argument("--relation", default="unknown",
                   choices=("before_departure", "after_arrival", "in_flight", "unknown"))
    p.add_argument("--note")
    p.set_defaults(handler=_link)

    p = sub.add_parser("unlink", help="remove a photo-flight link")
    add_case(p)
    p.add_argument("photo", metavar="PHOTO", help=PHOTO_HELP)
    p.add_argument("flight", metavar="FLIGHT", type=int)
    p.set_defaults(handler=_unlink)

    p = sub.add_parser("suggest", help="rank the flights a photo may document")
    add_case(p)
    p.add_argument("photo", metavar="PHOTO", help=PHOTO_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_suggest)


def _time(value: str | None, name: str) -> Any:
    """An option's time: ISO 8601 with Z or an offset; a time with no zone is refused."""
    from annotator.core.timeutil import parse_given_utc

    if value is None or value == "":
        return None
    return parse_given_utc(value, f"--{name} time")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """Only the options the user gave ('' clears a field)."""
    mapping = {
        "registration": args.registration, "icao24": args.icao24, "callsign": args.callsign,
        "origin": args.origin, "destination": args.destination,
        "departure_estimated": args.departure_estimated,
        "arrival_estimated": args.arrival_estimated, "source_kind": args.source_kind,
        "source_ref": args.source_ref, "source_grade": args.grade, "notes": args.notes,
    }
    changes = {k: (v if v != "" else None) for k, v in mapping.items() if v is not None}
    if args.departure is not None:
        changes["departure_utc"] = _time(args.departure, "departure")
    if args.arrival is not None:
        changes["arrival_utc"] = _time(args.arrival, "arrival")
    return changes


def _import(args: argparse.Namespace) -> int:
    from annotator.core.flights.importers import ImportOverrides, import_file

    overrides = ImportOverrides(registration=args.registration, icao24=args.icao24,
                                callsign=args.callsign, grade=args.grade)
    with open_case(args) as case:
        report = import_file(case, args.file, args.format, overrides)
    if args.json:
        print_json({"format": report.format, "file": report.source.name,
                    "sha256": report.source.sha256, "flight_ids": report.flight_ids})
    else:
        print(f"imported {len(report.flight_ids)} flight(s) from {report.source.name} "
              f"({report.format}, SHA-256 {report.source.sha256[:16]}…): "
              f"{', '.join(map(str, report.flight_ids))}")
    return 0


def _add(args: argparse.Namespace) -> int:
    from annotator.core.flights.records import FlightDraft, add_flight

    changes = _changes(args)
    draft = FlightDraft(aircraft_type=args.aircraft_type, **changes)
    with open_case(args) as case:
        flight_id = add_flight(case, draft)
    if args.json:
        print_json({"id": flight_id})
    else:
        print(flight_id)
    return 0


def _edit(args: argparse.Namespace) -> int:
    from annotator.core.errors import UsageError
    from annotator.core.flights.records import edit_flight

    changes = _changes(args)
    if not changes:
        raise UsageError("nothing to change: give at least one field option.")
    with open_case(args) as case:
        before = edit_flight(case, args.flight, changes)
    print(f"flight {args.flight}: changed {', '.join(before) or 'nothing'}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from annotator.core.flights.records import flights_json

    with open_case(args) as case, case.reading() as session:
        rows = flights_json(session)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']:>5}  {r['registration'] or '?':<10} {r['callsign'] or '':<8} "
              f"{r['origin'] or '????'} {r['departure_utc'] or '?':<20} → "
              f"{r['destination'] or '????'} {r['arrival_utc'] or '?':<20} "
              f"{r['source']['kind']}")
    return 0


def _link(args: argparse.Namespace) -> int:
    from annotator.core.flights.links import link_photo

    with open_case(args) as case:
        value = link_photo(case, args.photo, args.flight, args.relation, args.note)
    print(f"linked {value.photo_sha256[:12]} to flight {value.flight_id} ({value.relation})")
    return 0


def _unlink(args: argparse.Namespace) -> int:
    from annotator.core.flights.links import unlink_photo

    with open_case(args) as case:
        value = unlink_photo(case, args.photo, args.flight)
    print(f"unlinked {value.photo_sha256[:12]} from flight {value.flight_id}")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    from annotator.core.flights.suggest import suggest_for_photo
    from annotator.core.photos import find_photo

    with open_case(args) as case, case.reading() as session:
        photo = find_photo(session, args.photo)
        result = suggest_for_photo(session, photo)
        data = result.to_json()
    if args.json:
        print_json(data)
        return 0
    print(f"status: {data['status']}")
    for s in data["suggestions"]:
        f = s["flight"]
        print(f"  {s['score']:.2f}  flight {f['id']} {f['registration'] or '?'} "
              f"{f['origin'] or '????'}→{f['destination'] or '????'} {s['relation']}")
        for reason in s["reasons"]:
            print(f"        - {reason}")
    return 0


def _aircraft(args: argparse.Namespace) -> int:
    from annotator.core.flights.aircraft import aircraft_json

    with open_case(args) as case, case.reading() as session:
        rows = aircraft_json(session)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        regs = ", ".join(x["registration"] for x in r["registrations"]) or "?"
        print(f"{r['id']:>5}  {r['icao24'] or '------'}  {r['type_designator'] or '':<6} "
              f"{regs}  ({r['flights']} flights)")
        for problem in r["problems"]:
            print(f"       ! {problem}")
    return 0


def _aircraft_edit(args: argparse.Namespace) -> int:
    from annotator.core.errors import UsageError
    from annotator.core.flights.aircraft import EDITABLE, add_registration, edit_aircraft

    changes = {k: getattr(args, k) for k in EDITABLE if getattr(args, k) is not None}
    changes = {k: (None if v == "" else v) for k, v in changes.items()}
    if not changes and not args.add_registration:
        raise UsageError("nothing to change: give at least one option.")
    with open_case(args) as case:
        if changes:
            edit_aircraft(case, args.aircraft, changes)
        if args.add_registration:
            add_registration(case, args.aircraft, args.add_registration,
                             _time(args.valid_from, "from"), _time(args.valid_to, "to"))
    print(f"aircraft {args.aircraft} updated")
    return 0


def _delete(args: argparse.Namespace) -> int:
    from annotator.core.flights.records import delete_flight

    with open_case(args) as case:
        delete_flight(case, args.flight)
    print(f"deleted flight {args.flight}")
    return 0


def _routes(args: argparse.Namespace) -> int:
    from annotator.core.maps.period import map_filter
    from annotator.core.maps.routes import case_routes

    what = map_filter(args.registration, args.start, args.end)
    with open_case(args) as case:
        summary = case_routes(case, what, args.base)
    data = summary.to_json()
    if args.json:
        print_json(data)
        return 0
    print("routes:")
    for r in data["routes"]:
        print(f"  {r['origin'] or '????'} → {r['destination'] or '????'}  {r['count']:>3}×  "
              f"{r['first_utc'] or '?'} … {r['last_utc'] or '?'}  "
              f"flights {', '.join(map(str, r['flights']))}"
              + (f"  photos {', '.join(map(str, r['photos']))}" if r["photos"] else ""))
    print("airports:")
    for a in data["airports"]:
        print(f"  {a['icao']}  {a['visits']:>3} visit(s)  {a['first_utc'] or '?'} … "
              f"{a['last_utc'] or '?'}  {a['name'] or ''}")
    for b in data["bases"]:
        print(f"base of {b['aircraft']}: {b['base'] or 'unknown'}")
    print(f"trips: {len(data['trips'])}")
    for t in data["trips"]:
        print(f"  {' → '.join(t['airports'])}  {t['start_utc'] or '?'} … {t['end_utc'] or '?'}"
              f"  flights {', '.join(map(str, t['flights']))}")
    return 0
