"""The values of the capture-date check: what goes in (`DatingInput`, with the claim, the
flights and places), what comes out (`CaptureVerdict`, `Finding`), and the verdict rule.

Severities, verdicts and `capture_utc_source` values are a contract (`check-date --json`,
`photos --json`, packets): never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from annotator.core.dating.sun import SunPosition
from annotator.core.findings import Finding
from annotator.core.flights.times import FlightTimes, bounds_of
from annotator.core.metadata.model import PhotoMetadata
from annotator.core.timeutil import iso_z

INFO, WARNING, ERROR = "info", "warning", "error"
CONSISTENT, QUESTIONABLE, INCONSISTENT, UNVERIFIABLE = (
    "consistent", "questionable", "inconsistent", "unverifiable")
VERDICTS = (CONSISTENT, QUESTIONABLE, INCONSISTENT, UNVERIFIABLE)
SOURCES = ("exif_offset", "gps_time", "gps_timezone", "claimed_place", "linked_airport")


@dataclass(frozen=True)
class Place:
    """A point with its time zone: a claimed place, an airport, or a GPS position."""

    label: str  # "GOBD", "12.5335,-7.9499"
    lat: float
    lon: float
    tz: str | None = None


@dataclass(frozen=True)
class Claim:
    """What the investigator was told: a date (`2023-10-27`) or a local date-time
    (`2023-10-27T10:00`, local to `place`), a place, where the claim came from, its grade."""

    claimed: str | None = None
    place: Place | None = None
    source_text: str | None = None
    grade: str | None = None


@dataclass(frozen=True)
class FlightFact:
    """A flight of an aircraft tagged on the photo (or linked to it), as far as known."""

    label: str
    registration: str | None
    departure_utc: datetime | None
    arrival_utc: datetime | None
    origin: Place | None = None
    destination: Place | None = None
    linked: bool = False
    # The bounded times (flights.times): the one account of where the aircraft was, shared
    # with the suggestions, the timeline and the report. None: the stated times alone.
    times: FlightTimes | None = None

    def bounded(self) -> FlightTimes:
        return self.times or FlightTimes(bounds_of(self.departure_utc, False, None, None),
                                         bounds_of(self.arrival_utc, False, None, None))


@dataclass(frozen=True)
class ShadowFact:
    """Where a shadow measured on the photo puts the sun (degrees, 95 % half-widths), and the
    place the measurement named (used when the photo has no place of its own)."""

    azimuth: float
    azimuth_error: float
    elevation: float | None = None
    elevation_error: float | None = None
    place: Place | None = None


@dataclass(frozen=True)
class DatingInput:
    """Everything the check looks at. `reference_utc` is the import time (or now for a file
    outside a case); nothing may be captured after it."""

    meta: PhotoMetadata
    reference_utc: datetime
    reference_is_import: bool = False
    path: Path | None = None  # the original, for the thumbnail comparison
    # A comparison made at import (`thumbnail_known`): used instead of reading `path` again.
    thumbnail: Any = None
    thumbnail_known: bool = False
    claim: Claim | None = None
    posted_utc: datetime | None = None
    flights: tuple[FlightFact, ...] = ()
    linked_airport: Place | None = None
    # Airports that linked flights put the photo at, by relation: (flight label, relation,
    # airport) for `before_departure` (the origin) and `after_arrival` (the destination).
    linked_ground: tuple[tuple[str, str, Place], ...] = ()
    # Findings from the file's history (annotator.core.history.case_copies.copy_facts):
    # dicts with code, severity, message, params.
    history_findings: tuple[dict[str, Any], ...] = ()
    # A shadow measured on the photo (annotator.core.shadows), compared with the capture time.
    shadow: ShadowFact | None = None


@dataclass(frozen=True)
class CaptureVerdict:
    """The result of one check (its `to_json()` is the `check-date --json` contract)."""

    verdict: str
    capture_utc: datetime | None
    capture_utc_source: str | None
    findings: tuple[Finding, ...]
    sun: SunPosition | None = None
    sun_place: str | None = None
    capture_local: str | None = None
    offset: str | None = None
    zone: str | None = None
    # [earliest, latest] the capture instant must lie in (None: no date at all). A point for
    # a time with its offset; the camera and GPS clocks' two readings for a clock corrected
    # by GPS time; local − 14 h to local + 12 h for a local time whose zone is unknown.
    capture_bounds: tuple[datetime | None, datetime | None] | None = None

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "capture_utc": iso_z(self.capture_utc),
            "capture_utc_source": self.capture_utc_source,
            "sun": self.sun.to_json() if self.sun else None,
            "findings": [f.to_json() for f in self.findings],
            "capture_local": self.capture_local,
            "offset": self.offset,
            "zone": self.zone,
            "sun_place": self.sun_place,
            "capture_bounds": ([iso_z(b) for b in self.capture_bounds]
                               if self.capture_bounds else None),
        }


def verdict_for(has_capture: bool, findings: list[Finding]) -> str:
    """`inconsistent` whenever an error stands (a date the evidence contradicts is not made
    "unverifiable" by a missing zone); `unverifiable` only with no capture date at all;
    else the worst severity decides."""
    severities = {f.severity for f in findings}
    if ERROR in severities:
        return INCONSISTENT
    if not has_capture:
        return UNVERIFIABLE
    if WARNING in severities:
        return QUESTIONABLE
    return CONSISTENT
