"""Capture-date verification: when was this photo really taken, and can the date be trusted?

`check_capture_date(DatingInput) -> CaptureVerdict` is pure: it reads the photo's metadata
and what the investigator entered (claim, acquisition, flights, linked airport) and returns
the best estimate of the capture instant in UTC, how it was derived, and findings. Finding
codes and `params` are stable, so the GUI can translate by code; `message` is English.

Capture UTC, in order (`capture_utc_source`):
  exif_offset    DateTimeOriginal (+ sub-seconds) read with OffsetTimeOriginal;
  gps_time       no offset: the camera's local time against the GPS clock gives the offset
                 (rounded to the quarter hour; the GPS fix itself may be minutes old, so the
                 capture instant stays the camera's);
  gps_timezone   the time zone at the GPS position (timezonefinder);
  claimed_place  the time zone of the place the investigator claims;
  linked_airport the time zone of the airport of a linked flight;
  None           no usable capture date: the verdict is `unverifiable`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from annotator.core.editors import editor_named
from annotator.core.metadata import PhotoMetadata
from annotator.core.sun import SunPosition, sun_position
from annotator.core.timeutil import as_utc, iso_z
from annotator.core.timezones import format_offset, offset_at_local, zone, zone_at

INFO, WARNING, ERROR = "info", "warning", "error"
CONSISTENT, QUESTIONABLE, INCONSISTENT, UNVERIFIABLE = (
    "consistent", "questionable", "inconsistent", "unverifiable")
VERDICTS = (CONSISTENT, QUESTIONABLE, INCONSISTENT, UNVERIFIABLE)
SOURCES = ("exif_offset", "gps_time", "gps_timezone", "claimed_place", "linked_airport")

GPS_CLOCK_LIMIT = timedelta(minutes=2)
CLAIM_TIME_LIMIT = timedelta(hours=1)
FLIGHT_GROUND_MARGIN = timedelta(minutes=10)  # take-off and landing shots are near the airport
ELSEWHERE_KM = 25.0
MAX_OFFSET = timedelta(hours=14)
EXIF_GROUPS = ("Image ", "EXIF ", "GPS ", "Thumbnail ", "Interoperability ", "MakerNote ")


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


@dataclass(frozen=True)
class DatingInput:
    """Everything the check looks at. `reference_utc` is the import time (or now for a file
    outside a case); nothing may be captured after it."""

    meta: PhotoMetadata
    reference_utc: datetime
    reference_is_import: bool = False
    path: Path | None = None  # the original, for the thumbnail comparison
    claim: Claim | None = None
    posted_utc: datetime | None = None
    flights: tuple[FlightFact, ...] = ()
    linked_airport: Place | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "params": self.params}


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
        }


# -- small parsers ---------------------------------------------------------------------------

def parse_local(text: str | None) -> datetime | None:
    """An ISO local date-time (`2023-10-27T10:15:00.25`) as a naive datetime, or None."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        return None
    return value.replace(tzinfo=None) if value.tzinfo else value


def parse_offset(text: str | None) -> timedelta | None:
    """`+01:00` / `-05:30` / `Z` → timedelta, or None."""
    if not text:
        return None
    t = text.strip()
    if t in ("Z", "z", "+00:00", "-00:00"):
        return timedelta(0)
    try:
        sign = -1 if t[0] == "-" else 1
        hh, mm = t.lstrip("+-").split(":")[:2]
        value = sign * timedelta(hours=int(hh), minutes=int(mm))
    except (ValueError, IndexError):
        return None
    return value if abs(value) <= MAX_OFFSET else None


def _parse_when(text: str | None) -> datetime | None:
    """An XMP date (`2023-10-27T12:00:00+01:00`, maybe naive or date-only)."""
    if not text:
        return None
    t = text.strip()
    if t.endswith(("Z", "z")):
        t = t[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(t)
    except ValueError:
        return None


def haversine_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def has_exif(meta: PhotoMetadata) -> bool:
    """Whether the file carries any EXIF (not just XMP/IPTC or nothing)."""
    if any(key.startswith(EXIF_GROUPS) for key in meta.tags):
        return True
    return any(v is not None for v in (meta.make, meta.model, meta.datetime_original,
                                       meta.datetime_digitized, meta.datetime_modified,
                                       meta.gps, meta.orientation)) or meta.has_thumbnail


def edit_history(meta: PhotoMetadata) -> list[dict[str, Any]]:
    """XMP `xmpMM:History` events as dicts with `action`, `when`, `software` (any may be None)."""
    xmp = meta.xmp or {}
    raw = xmp.get("history") or xmp.get("xmpMM:History") or xmp.get("History") or []
    if isinstance(raw, dict):
        raw = [raw]
    events = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue

        def pick(*keys: str, item: dict = item) -> Any:
            for k in keys:
                for variant in (k, f"stEvt:{k}"):
                    if item.get(variant):
                        return item[variant]
            return None

        events.append({"action": pick("action"), "when": pick("when"),
                       "software": pick("softwareAgent", "software_agent", "software"),
                       "changed": pick("changed")})
    return events


# -- the check -------------------------------------------------------------------------------

@dataclass
class _Capture:
    local: datetime | None = None
    utc: datetime | None = None
    source: str | None = None
    offset: timedelta | None = None
    zone: str | None = None  # IANA zone behind the offset, when one is known
    gps_residual: timedelta | None = None  # camera (with offset) minus GPS clock


def _derive_capture(inp: DatingInput) -> _Capture:
    meta = inp.meta
    cap = _Capture(local=parse_local(meta.datetime_original))
    if cap.local is None:
        return cap
    local = cap.local
    gps = meta.gps
    gps_utc = as_utc(gps.utc) if gps and gps.utc else None
    offset = parse_offset(meta.offset_original)
    if offset is not None:
        cap.offset, cap.source = offset, "exif_offset"
    elif gps_utc is not None:
        quarter = timedelta(minutes=15)
        diff = local - gps_utc.replace(tzinfo=None)
        guessed = round(diff / quarter) * quarter
        if abs(guessed) <= MAX_OFFSET:
            cap.offset, cap.source = guessed, "gps_time"
    if cap.offset is None and gps is not None:
        name = zone_at(gps.lat, gps.lon)
        off = offset_at_local(name, local) if name else None
        if off is not None:
            cap.offset, cap.source, cap.zone = off, "gps_timezone", name
    claim_place = inp.claim.place if inp.claim else None
    for source, place in (("claimed_place", claim_place), ("linked_airport", inp.linked_airport)):
        if cap.offset is None and place is not None and place.tz:
            off = offset_at_local(place.tz, local)
            if off is not None:
                cap.offset, cap.source, cap.zone = off, source, place.tz
    if cap.offset is None:
        cap.source = None
        return cap
    cap.utc = (local - cap.offset).replace(tzinfo=UTC)
    if gps_utc is not None:
        cap.gps_residual = cap.utc - gps_utc
    if cap.zone is None and gps is not None:
        cap.zone = zone_at(gps.lat, gps.lon)
    return cap


def _photo_place(inp: DatingInput) -> Place | None:
    """Where the photo was taken, best first: GPS, the claimed place, the linked airport."""
    gps = inp.meta.gps
    if gps is not None:
        return Place(f"{gps.lat:.5f},{gps.lon:.5f}", gps.lat, gps.lon, zone_at(gps.lat, gps.lon))
    if inp.claim and inp.claim.place:
        return inp.claim.place
    return inp.linked_airport


def _fmt(value: datetime | None) -> str | None:
    return iso_z(value.replace(microsecond=0)) if value else None


def check_capture_date(inp: DatingInput) -> CaptureVerdict:
    """Run every check on one photo; see the module docstring for the derivation order."""
    meta = inp.meta
    findings: list[Finding] = []

    def add(code: str, severity: str, message: str, **params: Any) -> None:
        findings.append(Finding(code, severity, message, params))

    exif = has_exif(meta)
    if not exif:
        add("NO_EXIF", WARNING, "The file carries no EXIF metadata at all, as is typical of "
            "photos saved from social media; its date cannot be read from the file.")
    elif not meta.datetime_original:
        add("NO_DATETIME", WARNING, "The EXIF metadata holds no capture date "
            "(DateTimeOriginal).")

    cap = _derive_capture(inp)
    if cap.local is not None and parse_offset(meta.offset_original) is None:
        how = {
            "gps_time": ("info", "the GPS clock (the camera's time compared with GPS time gives "
                         f"the offset {format_offset(cap.offset) if cap.offset else ''})"),
            "gps_timezone": ("info", f"the time zone at the GPS position ({cap.zone})"),
            "claimed_place": ("warning", f"the time zone of the claimed place ({cap.zone}), "
                              "which is the claim's, not the photo's"),
            "linked_airport": ("warning", f"the time zone of the linked flight's airport "
                               f"({cap.zone})"),
        }.get(cap.source or "", ("warning", "nothing: without GPS or a place, the capture "
                                 "time cannot be placed in UTC"))
        add("OFFSET_MISSING", INFO if how[0] == "info" else WARNING,
            f"The photo has no OffsetTimeOriginal; its UTC time comes from {how[1]}.",
            derived_from=cap.source, zone=cap.zone)

    if cap.gps_residual is not None and abs(cap.gps_residual) > GPS_CLOCK_LIMIT:
        gps_utc = as_utc(meta.gps.utc) if meta.gps else None
        add("GPS_CLOCK_MISMATCH", ERROR,
            f"The camera clock ({_fmt(cap.utc)}) and the GPS clock ({_fmt(gps_utc)}) differ by "
            f"{_human(abs(cap.gps_residual))}, more than 2 minutes.",
            camera_utc=_fmt(cap.utc), gps_utc=_fmt(gps_utc),
            difference_s=round(cap.gps_residual.total_seconds(), 1))

    _check_other_clocks(meta, cap, add)
    _check_software(meta, cap, add, inp.path)
    _check_claim(inp, cap, add)
    _check_bounds(inp, cap, add)
    _check_flights(inp, cap, add)

    place = _photo_place(inp)
    sun = None
    if cap.utc is not None and place is not None:
        sun = sun_position(cap.utc, place.lat, place.lon)
        add("SUN_POSITION", INFO,
            f"At {_fmt(cap.utc)} the sun stood {sun.elevation:.1f}° above the horizon at azimuth "
            f"{sun.azimuth:.0f}° (clockwise from north), seen from {place.label}.",
            elevation=round(sun.elevation, 2), azimuth=round(sun.azimuth, 2), place=place.label)
        if sun.is_night:
            add("NIGHT", WARNING,
                f"The sun was {-sun.elevation:.1f}° below the horizon at the capture time and "
                "place: it was night, which a daylight photo contradicts.",
                elevation=round(sun.elevation, 2), place=place.label)

    return CaptureVerdict(
        verdict=verdict_for(cap.utc is not None, findings),
        capture_utc=cap.utc,
        capture_utc_source=cap.source if cap.utc is not None else None,
        findings=tuple(findings),
        sun=sun,
        sun_place=place.label if sun and place else None,
        capture_local=meta.datetime_original,
        offset=format_offset(cap.offset) if cap.offset is not None else None,
        zone=cap.zone,
    )


def verdict_for(has_capture: bool, findings: list[Finding]) -> str:
    """unverifiable without a usable capture date; else the worst severity decides."""
    if not has_capture:
        return UNVERIFIABLE
    severities = {f.severity for f in findings}
    if ERROR in severities:
        return INCONSISTENT
    if WARNING in severities:
        return QUESTIONABLE
    return CONSISTENT


def _human(delta: timedelta) -> str:
    seconds = int(round(abs(delta.total_seconds())))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    if seconds < 3 * 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    return f"{seconds // 86400} days"


def _aware(local: datetime | None, offset_text: str | None) -> datetime | None:
    off = parse_offset(offset_text)
    if local is None or off is None:
        return None
    return local.replace(tzinfo=timezone(off))


def _check_other_clocks(meta: PhotoMetadata, cap: _Capture, add) -> None:  # type: ignore[no-untyped-def]
    original = cap.local
    if original is None:
        return
    digitized = parse_local(meta.datetime_digitized)
    if digitized is not None:
        a, b = _aware(original, meta.offset_original), _aware(digitized, meta.offset_digitized)
        delta = (b - a) if a and b else digitized - original
        if abs(delta) >= timedelta(seconds=1):
            add("DIGITIZED_MISMATCH", WARNING,
                f"DateTimeOriginal ({meta.datetime_original}) and DateTimeDigitized "
                f"({meta.datetime_digitized}) differ by {_human(delta)}.",
                original=meta.datetime_original, digitized=meta.datetime_digitized,
                difference_s=round(delta.total_seconds(), 1))
    modified = parse_local(meta.datetime_modified)
    if modified is not None:
        a, b = _aware(original, meta.offset_original), _aware(modified, meta.offset_modified)
        delta = (b - a) if a and b else modified - original.replace(microsecond=0)
        if delta >= timedelta(seconds=1):
            add("MODIFIED_AFTER_CAPTURE", WARNING,
                f"The file was modified ({meta.datetime_modified}) {_human(delta)} after it was "
                f"captured ({meta.datetime_original}).",
                modified=meta.datetime_modified, original=meta.datetime_original,
                difference_s=round(delta.total_seconds(), 1))


def _check_software(meta: PhotoMetadata, cap: _Capture, add, path: Path | None) -> None:  # type: ignore[no-untyped-def]
    names = [("Software", meta.software or meta.tags.get("Image Software")),
             ("ProcessingSoftware", meta.tags.get("Image ProcessingSoftware"))]
    for tag, value in names:
        editor = editor_named(value)
        if editor:
            add("SOFTWARE_EDITED", WARNING,
                f"The {tag} tag names an image editor ({value!r}, {editor}), not camera "
                "firmware: the file was saved by that program.",
                tag=tag, software=value, editor=editor)
            break

    after = []
    for event in edit_history(meta):
        action = str(event["action"] or "").lower()
        if action not in ("saved", "edited", "converted", "derived", "cropped", "filtered",
                          "produced", "printed", "managed", "copied", "published"):
            continue
        when = _parse_when(event["when"])
        if when is not None and cap.local is not None:
            if when.tzinfo is not None and cap.utc is not None:
                if when <= cap.utc:
                    continue
            elif when.replace(tzinfo=None) <= cap.local:
                continue
        after.append(event)
    if after:
        listed = "; ".join(
            f"{e['action']} {e['when'] or '(undated)'}"
            + (f" with {e['software']}" if e["software"] else "") for e in after)
        add("EDIT_HISTORY", WARNING,
            f"The XMP edit history records {len(after)} save(s) or edit(s) after the capture: "
            f"{listed}.", events=after)

    if path is not None:  # exifread, not has_thumbnail, is the authority on IFD1
        from annotator.core.thumbnail_check import compare_thumbnail

        comparison = compare_thumbnail(path)
        if comparison is not None and not comparison.same:
            what = ("has a different shape (width/height "
                    f"{comparison.thumb_aspect} against {comparison.main_aspect}: a crop)"
                    if comparison.reason == "shape" else
                    "shows different content (a difference of "
                    f"{comparison.mean_difference} standard deviations on average, "
                    f"{comparison.max_cell_difference} at most)")
            add("THUMBNAIL_MISMATCH", ERROR,
                f"The embedded EXIF thumbnail does not show the same picture as the main image: "
                f"it {what}. The main image was probably cropped or edited after capture.",
                reason=comparison.reason, main_aspect=comparison.main_aspect,
                thumb_aspect=comparison.thumb_aspect,
                mean_difference=comparison.mean_difference,
                max_cell_difference=comparison.max_cell_difference)


def _claim_zone(inp: DatingInput, cap: _Capture):  # type: ignore[no-untyped-def]
    """The zone the claim's local date is read in: the claimed place's, else the photo's."""
    if inp.claim and inp.claim.place and inp.claim.place.tz:
        return zone(inp.claim.place.tz), inp.claim.place.tz
    if cap.zone:
        return zone(cap.zone), cap.zone
    if cap.offset is not None:
        return timezone(cap.offset), format_offset(cap.offset)
    return None, None


def _check_claim(inp: DatingInput, cap: _Capture, add) -> None:  # type: ignore[no-untyped-def]
    claim = inp.claim
    if claim is None or not claim.claimed or cap.local is None:
        return
    claimed = parse_local(claim.claimed)
    if claimed is None:
        return
    has_time = "T" in claim.claimed
    tz, tz_name = _claim_zone(inp, cap)
    if tz is not None and cap.utc is not None:
        local_capture = cap.utc.astimezone(tz).replace(tzinfo=None)
    else:
        local_capture, tz_name = cap.local, "the camera's clock"
    where = claim.place.label if claim.place else None
    if has_time:
        claimed_utc = claimed.replace(tzinfo=tz).astimezone(UTC) if tz and cap.utc else None
        delta = (cap.utc - claimed_utc) if claimed_utc else (local_capture - claimed)
        if abs(delta) > CLAIM_TIME_LIMIT:
            add("CLAIMED_DATE_MISMATCH", ERROR,
                f"The photo was captured at {local_capture:%Y-%m-%d %H:%M} local time "
                f"({tz_name}), {_human(delta)} from the claimed {claimed:%Y-%m-%d %H:%M}; "
                "a claimed time holds within one hour.",
                claimed=claim.claimed, capture_local=local_capture.isoformat(timespec="seconds"),
                zone=tz_name, place=where, difference_s=round(delta.total_seconds()))
    elif local_capture.date() != claimed.date():
        add("CLAIMED_DATE_MISMATCH", ERROR,
            f"The photo was captured on {local_capture:%Y-%m-%d} local time ({tz_name}), "
            f"not on the claimed date {claimed:%Y-%m-%d}.",
            claimed=claim.claimed, capture_local=local_capture.isoformat(timespec="seconds"),
            zone=tz_name, place=where)


def _earliest_utc(cap: _Capture) -> datetime | None:
    """The capture instant, or without a zone the earliest it can be (local − 14 h)."""
    if cap.utc is not None:
        return cap.utc
    if cap.local is not None:
        return (cap.local - MAX_OFFSET).replace(tzinfo=UTC)
    return None


def _check_bounds(inp: DatingInput, cap: _Capture, add) -> None:  # type: ignore[no-untyped-def]
    earliest = _earliest_utc(cap)
    if earliest is None:
        return
    reference = as_utc(inp.reference_utc)
    if reference is not None and earliest > reference:
        what = "it was imported" if inp.reference_is_import else "now"
        add("FUTURE_DATE", ERROR,
            f"The capture time ({_fmt(earliest)}) is after {what} ({_fmt(reference)}): the "
            "camera clock was wrong or the date was altered.",
            capture_utc=_fmt(earliest), reference_utc=_fmt(reference),
            reference="import" if inp.reference_is_import else "now")
    posted = as_utc(inp.posted_utc)
    if posted is not None and earliest > posted:
        add("POSTED_BEFORE_CAPTURE", ERROR,
            f"The photo was first posted at {_fmt(posted)}, {_human(earliest - posted)} before "
            f"its capture time ({_fmt(earliest)}).",
            posted_utc=_fmt(posted), capture_utc=_fmt(earliest))


def _check_flights(inp: DatingInput, cap: _Capture, add) -> None:  # type: ignore[no-untyped-def]
    t = cap.utc
    if t is None or not inp.flights:
        return
    reported: set[str] = set()
    for f in inp.flights:
        dep, arr = as_utc(f.departure_utc), as_utc(f.arrival_utc)
        if dep and arr and dep + FLIGHT_GROUND_MARGIN < t < arr - FLIGHT_GROUND_MARGIN:
            who = f.registration or "the tagged aircraft"
            add("FLIGHT_CONFLICT", ERROR,
                f"{who} was airborne on flight {f.label} "
                f"({_place_label(f.origin)} {_fmt(dep)} → {_place_label(f.destination)} "
                f"{_fmt(arr)}) at the capture time {_fmt(t)}.",
                kind="airborne", flight=f.label, registration=f.registration,
                departure_utc=_fmt(dep), arrival_utc=_fmt(arr))
            reported.add(f.registration or "")
    place = _photo_place(inp)
    if place is None:
        return
    by_reg: dict[str, list[FlightFact]] = {}
    for f in inp.flights:
        by_reg.setdefault(f.registration or "", []).append(f)
    for reg, flights in by_reg.items():
        if reg in reported:
            continue
        before = [f for f in flights if f.arrival_utc and as_utc(f.arrival_utc) <= t]
        after = [f for f in flights if f.departure_utc and as_utc(f.departure_utc) >= t]
        where: Place | None = None
        basis = None
        if before:
            last = max(before, key=lambda f: as_utc(f.arrival_utc))  # type: ignore[arg-type, return-value]
            where, basis = last.destination, last
        elif after:
            nxt = min(after, key=lambda f: as_utc(f.departure_utc))  # type: ignore[arg-type, return-value]
            where, basis = nxt.origin, nxt
        if where is None or basis is None:
            continue
        km = haversine_km(place.lat, place.lon, where.lat, where.lon)
        if km > ELSEWHERE_KM:
            add("FLIGHT_CONFLICT", ERROR,
                f"According to flight {basis.label}, {reg or 'the tagged aircraft'} was at "
                f"{where.label} at the capture time, {km:.0f} km from where the photo was "
                f"taken ({place.label}).",
                kind="elsewhere", flight=basis.label, registration=reg or None,
                aircraft_at=where.label, photo_place=place.label, distance_km=round(km, 1))


def _place_label(place: Place | None) -> str:
    return place.label if place else "?"
