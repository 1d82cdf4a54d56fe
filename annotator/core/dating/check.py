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

from datetime import UTC, datetime, timedelta
from typing import Any

from annotator.core.dating.checks import (
    check_bounds,
    check_claim,
    check_credentials,
    check_flights,
    check_other_clocks,
    check_place,
    check_shadow,
    check_software,
)
from annotator.core.dating.clocks import (
    MAX_OFFSET,
    CaptureTime,
    derive_capture,
    fmt_utc,
    human_delta,
    parse_local,
    parse_offset,
    photo_place,
)
from annotator.core.dating.model import (
    CONSISTENT,
    ERROR,
    INCONSISTENT,
    INFO,
    QUESTIONABLE,
    SOURCES,
    UNVERIFIABLE,
    VERDICTS,
    WARNING,
    CaptureVerdict,
    Claim,
    DatingInput,
    Finding,
    FlightFact,
    Place,
    ShadowFact,
    verdict_for,
)
from annotator.core.dating.sun import sun_position
from annotator.core.metadata.model import PhotoMetadata, has_exif
from annotator.core.reference.timezones import format_offset
from annotator.core.timeutil import as_utc

__all__ = [
    "CONSISTENT", "ERROR", "INCONSISTENT", "INFO", "QUESTIONABLE", "SOURCES", "UNVERIFIABLE",
    "VERDICTS", "WARNING", "CaptureVerdict", "Claim", "DatingInput", "Finding", "FlightFact",
    "Place", "ShadowFact", "check_capture_date", "parse_local", "parse_offset", "verdict_for",
]

GPS_CLOCK_LIMIT = timedelta(minutes=2)


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

    cap = derive_capture(inp)
    if cap.local is not None and parse_offset(meta.offset_original) is None:
        offset_text = format_offset(cap.offset) if cap.offset is not None else ""
        how = {
            "gps_time": ("info", "the GPS clock (the camera's time compared with GPS time gives "
                         f"the offset {offset_text})"),
            "gps_timezone": ("info", f"the time zone at the GPS position ({cap.zone})"),
            "claimed_place": ("warning", f"the time zone of the claimed place ({cap.zone}), "
                              "which is the claim's, not the photo's"),
            "linked_airport": ("warning", f"the time zone of the linked flight's airport "
                               f"({cap.zone})"),
        }.get(cap.source or "", ("warning", "nothing: without GPS or a place, the capture "
                                 "time cannot be placed in UTC"))
        note = ""
        if cap.gps_zone_offset is not None and cap.gps_zone_offset != cap.offset:
            note = (f" The time zone at the GPS position ({cap.zone}, "
                    f"{format_offset(cap.gps_zone_offset)}) disagrees: the camera clock may be "
                    "set to another zone, or the GPS fix may be old.")
        add("OFFSET_MISSING", INFO if how[0] == "info" else WARNING,
            f"The photo has no OffsetTimeOriginal; its UTC time comes from {how[1]}.{note}",
            derived_from=cap.source, zone=cap.zone,
            offset=offset_text or None,
            gps_zone_offset=(format_offset(cap.gps_zone_offset)
                             if note and cap.gps_zone_offset is not None else None))

    if cap.gps_residual is not None and abs(cap.gps_residual) > GPS_CLOCK_LIMIT:
        gps_utc = as_utc(meta.gps.utc) if meta.gps else None
        add("GPS_CLOCK_MISMATCH", ERROR,
            f"The camera clock ({fmt_utc(cap.utc)}) and the GPS clock ({fmt_utc(gps_utc)}) "
            f"differ by {human_delta(abs(cap.gps_residual))}, more than 2 minutes.",
            camera_utc=fmt_utc(cap.utc), gps_utc=fmt_utc(gps_utc),
            difference_s=round(cap.gps_residual.total_seconds(), 1))

    check_other_clocks(meta, cap, add)
    check_software(meta, cap, add, inp.path, known=(inp.thumbnail_known, inp.thumbnail))
    check_credentials(meta, add)
    check_claim(inp, cap, add)
    check_place(inp, add)
    check_bounds(inp, cap, add)
    check_flights(inp, cap, add)
    for found in inp.history_findings:  # copies in the case, JPEG signs (issue 16)
        add(found["code"], found["severity"], found["message"], **found.get("params", {}))

    place = photo_place(inp)
    sun = None
    if cap.utc is not None and place is not None:
        sun = sun_position(cap.utc, place.lat, place.lon)
        add("SUN_POSITION", INFO,
            f"At {fmt_utc(cap.utc)} the sun stood {sun.elevation:.1f}° above the horizon at "
            f"azimuth {sun.azimuth:.0f}° (clockwise from north), seen from {place.label}.",
            elevation=round(sun.elevation, 2), azimuth=round(sun.azimuth, 2), place=place.label)
        if sun.is_night:
            add("NIGHT", WARNING,
                f"The sun was {-sun.elevation:.1f}° below the horizon at the capture time and "
                "place: it was night, so a photo showing daylight contradicts this time or place.",
                elevation=round(sun.elevation, 2), place=place.label)

    check_shadow(inp, cap, add)

    return CaptureVerdict(
        verdict=verdict_for(cap.utc is not None or cap.local is not None, findings),
        capture_utc=cap.utc,
        capture_utc_source=cap.source if cap.utc is not None else None,
        findings=tuple(findings),
        sun=sun,
        sun_place=place.label if sun and place else None,
        capture_local=meta.datetime_original,
        offset=format_offset(cap.offset) if cap.offset is not None else None,
        zone=cap.zone,
        capture_bounds=capture_bounds(cap, meta),
    )


EARLIEST_OFFSET = timedelta(hours=12)  # the most negative UTC offset in use (UTC−12)


def capture_bounds(cap: CaptureTime, meta: PhotoMetadata
                   ) -> tuple[datetime | None, datetime | None] | None:
    """The interval the capture instant lies in, as far as the evidence bounds it."""
    if cap.utc is not None:
        gps_utc = as_utc(meta.gps.utc) if meta.gps and meta.gps.utc else None
        if cap.source == "gps_time" and gps_utc is not None:
            # A drifting camera clock, set right by GPS time to the quarter hour: the true
            # instant lies between what the camera and the GPS receiver each recorded.
            return min(cap.utc, gps_utc), max(cap.utc, gps_utc)
        return cap.utc, cap.utc
    if cap.local is not None:
        local = cap.local.replace(tzinfo=UTC)
        return local - MAX_OFFSET, local + EARLIEST_OFFSET
    return None
