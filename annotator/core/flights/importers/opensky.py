"""OpenSky flight records: a JSON list of `{icao24, firstSeen, lastSeen, estDepartureAirport,
estArrivalAirport, callsign, …}`.

firstSeen/lastSeen are when OpenSky first and last heard the aircraft, not the take-off and
landing: the times are stored as estimated. An airport code we do not know is left unknown and
said in the notes rather than guessed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.importers.tracks import finite, registration_from_callsign
from annotator.core.flights.records import FlightDraft
from annotator.core.reference.airports import find_airport


def _time(value: object, name: str, number: int) -> datetime | None:
    if value is None:
        return None
    seconds = finite(value)
    if seconds is None:
        raise InputRejected(f"record {number}: {name} {value!r} is not a Unix time.",
                            code="OPENSKY_BAD_TIME", number=number, name=name, value=f"{value!r}")
    return datetime.fromtimestamp(seconds, UTC)


def read(source: SourceFile, overrides: ImportOverrides) -> list[FlightDraft]:
    doc = source.json()
    if isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list):
        raise InputRejected(f"{source.name} is not a list of OpenSky flight records.",
                            code="OPENSKY_NOT_FLIGHT_LIST", name=source.name)
    drafts = []
    for number, item in enumerate(doc, 1):
        if not isinstance(item, dict) or "icao24" not in item:
            raise InputRejected(f"record {number} is not an OpenSky flight (no icao24).",
                                code="OPENSKY_NO_ICAO24", number=number)
        notes = ["OpenSky firstSeen/lastSeen: times when first and last heard"]
        airports = []
        for key in ("estDepartureAirport", "estArrivalAirport"):
            code = (item.get(key) or "").strip() or None
            if code and find_airport(code) is None:
                notes.append(f"{key} {code} is not a known airport; left unknown")
                code = None
            airports.append(code)
        callsign = (item.get("callsign") or "").strip() or None
        drafts.append(FlightDraft(
            registration=overrides.registration or registration_from_callsign(callsign),
            icao24=overrides.icao24 or str(item["icao24"]).strip(),
            callsign=overrides.callsign or callsign,
            origin=airports[0],
            destination=airports[1],
            departure_utc=_time(item.get("firstSeen"), "firstSeen", number),
            departure_estimated=True,
            arrival_utc=_time(item.get("lastSeen"), "lastSeen", number),
            arrival_estimated=True,
            source_kind="adsb",
            notes="; ".join(notes),
        ))
    return drafts
