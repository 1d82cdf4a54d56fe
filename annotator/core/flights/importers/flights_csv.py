"""Our own flight CSV: one flight per row, columns named as in README ("Flight CSV").

Columns (header required, any order, unknown columns refused so a typo is not ignored):
registration, icao24, callsign, origin, destination, departure_utc, arrival_utc,
departure_estimated, arrival_estimated, source_kind, source_ref, source_grade, aircraft_type,
notes. Times are ISO 8601 in UTC (`2023-10-27T10:40Z`); empty means unknown.
"""

from __future__ import annotations

import csv
from datetime import datetime

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.records import FlightDraft, checked
from annotator.core.timeutil import parse_iso_utc

COLUMNS = (
    "registration", "icao24", "callsign", "origin", "destination", "departure_utc",
    "arrival_utc", "departure_estimated", "arrival_estimated", "source_kind", "source_ref",
    "source_grade", "aircraft_type", "notes",
)
_BOOL = {"": False, "0": False, "false": False, "no": False, "1": True, "true": True,
         "yes": True, "estimated": True}


def _time(value: str | None, name: str, line: int) -> datetime | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError as exc:
        raise InputRejected(f"line {line}: {name} {text!r} is not an ISO 8601 time.",
                            code="FLIGHTS_CSV_BAD_TIME", line=line, name=name,
                            text=f"{text!r}") from exc
    if parsed.tzinfo is None:
        raise InputRejected(f"line {line}: {name} {text!r} has no time zone; end it with Z.",
                            code="FLIGHTS_CSV_NO_TIME_ZONE", line=line, name=name, text=f"{text!r}")
    return parse_iso_utc(text)


def _flag(value: str | None, name: str, line: int) -> bool:
    key = (value or "").strip().lower()
    if key not in _BOOL:
        raise InputRejected(f"line {line}: {name} {value!r} is not true or false.",
                            code="FLIGHTS_CSV_BAD_BOOLEAN", line=line, name=name,
                            value=f"{value!r}")
    return _BOOL[key]


def read(source: SourceFile, overrides: ImportOverrides) -> list[FlightDraft]:
    reader = csv.DictReader(source.text().splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise InputRejected(f"{source.name}: unknown column(s) {', '.join(unknown)}; "
                            f"the columns are {', '.join(COLUMNS)}.",
                            code="FLIGHTS_CSV_UNKNOWN_COLUMNS", name=source.name,
                            unknown=', '.join(unknown), columns=', '.join(COLUMNS))
    reader.fieldnames = header
    drafts = []
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values()):
            continue
        draft = FlightDraft(
            registration=overrides.registration or row.get("registration"),
            icao24=overrides.icao24 or row.get("icao24"),
            callsign=overrides.callsign or row.get("callsign"),
            origin=row.get("origin"),
            destination=row.get("destination"),
            departure_utc=_time(row.get("departure_utc"), "departure_utc", line),
            arrival_utc=_time(row.get("arrival_utc"), "arrival_utc", line),
            departure_estimated=_flag(row.get("departure_estimated"), "departure_estimated",
                                      line),
            arrival_estimated=_flag(row.get("arrival_estimated"), "arrival_estimated", line),
            source_kind=row.get("source_kind") or "manual",
            source_ref=row.get("source_ref"),
            source_grade=row.get("source_grade"),
            aircraft_type=row.get("aircraft_type"),
            notes=row.get("notes"),
        )
        # Rows are typed by people: check each now so the error names its line.
        drafts.append(checked(draft, where=f"line {line}: "))
    return drafts
