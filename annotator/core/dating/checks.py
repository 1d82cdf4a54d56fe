"""The findings that compare the photo's clocks with each other, with what the file says
about editing, with the claim, with the import and post times, and with flights.

Each `check_*` calls `add(code, severity, message, **params)` once per finding.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from annotator.core.dating.clocks import (
    MAX_OFFSET,
    CaptureTime,
    aware,
    edit_history,
    fmt_utc,
    haversine_km,
    human_delta,
    parse_local,
    parse_when,
    photo_place,
)
from annotator.core.dating.model import (
    ERROR,
    INFO,
    WARNING,
    DatingInput,
    FlightFact,
    Place,
)
from annotator.core.dating.sun_day import SunBand, Window, compare_with_capture
from annotator.core.flights.times import AIRBORNE, state_at
from annotator.core.images.thumbnail_check import ThumbnailComparison, compare_thumbnail
from annotator.core.metadata.credentials import INVALID, TRUSTED
from annotator.core.metadata.editors import editor_named
from annotator.core.metadata.model import PhotoMetadata, gps_error_m
from annotator.core.reference.timezones import format_offset, zone
from annotator.core.timeutil import as_utc

Add = Callable[..., None]

CLAIM_TIME_LIMIT = timedelta(hours=1)
FLIGHT_GROUND_MARGIN = timedelta(minutes=10)  # take-off and landing shots are near the airport
ELSEWHERE_KM = 25.0


def check_credentials(meta: PhotoMetadata, add: Add) -> None:
    """The file's content credentials (C2PA): who signed it, whether the manifest still
    matches the picture, and the edits it records after capture. A file without credentials
    says nothing here (most photos have none)."""
    cred = meta.c2pa
    if cred is None:
        return
    codes = list(cred.codes)
    if cred.validation_state == INVALID:
        if cred.error or "general.error" in codes:
            problem = "unreadable"
            why = (f"the manifest store is damaged and cannot be read ({cred.error or codes[0]})")
        elif any(c.endswith(".mismatch") for c in codes):
            problem = "picture_changed"
            why = ("the picture's bytes are no longer those that were signed "
                   f"({', '.join(c for c in codes if c.endswith('.mismatch'))})")
        else:
            problem = "failed"
            why = f"the manifest fails validation ({', '.join(codes) or 'no code given'})"
        add("C2PA_INVALID", ERROR,
            f"The content credentials (C2PA manifest) do not match the picture: {why}. The "
            "file was changed after it was signed, or the credentials were damaged or forged.",
            problem=problem, codes=codes, signer=cred.signer, error=cred.error)
        return
    signer = cred.signer or cred.organization or "an unnamed signer"
    trusted = cred.validation_state == TRUSTED
    standing = ("on the C2PA trust list" if trusted
                else "intact, but the signer is not on the C2PA trust list")
    made = f" with {cred.claim_generator}" if cred.claim_generator else ""
    signed = f" at {cred.signed_utc} (trusted time stamp)" if cred.signed_utc else ""
    add("C2PA_VALID", INFO,
        f"The photo carries content credentials signed by {signer}{signed}{made}: "
        f"{standing}.",
        signer=signer, organization=cred.organization,
        validation_state=cred.validation_state, claim_generator=cred.claim_generator,
        signed_utc=cred.signed_utc)
    edits = cred.edits()
    if edits:
        listed = "; ".join(
            f"{a.action} {a.when or '(undated)'}"
            + (f" with {a.software_agent}" if a.software_agent else "") for a in edits)
        add("C2PA_EDITED", WARNING,
            f"The content credentials record {len(edits)} action(s) after capture that change "
            f"the picture: {listed}.", actions=[a.to_json() for a in edits])


def check_other_clocks(meta: PhotoMetadata, cap: CaptureTime, add: Add) -> None:
    original = cap.local
    if original is None:
        return
    digitized = parse_local(meta.datetime_digitized)
    if digitized is not None:
        a, b = aware(original, meta.offset_original), aware(digitized, meta.offset_digitized)
        delta = (b - a) if a and b else digitized - original
        if abs(delta) >= timedelta(seconds=1):
            add("DIGITIZED_MISMATCH", WARNING,
                f"DateTimeOriginal ({meta.datetime_original}) and DateTimeDigitized "
                f"({meta.datetime_digitized}) differ by {human_delta(delta)}.",
                original=meta.datetime_original, digitized=meta.datetime_digitized,
                difference_s=round(delta.total_seconds(), 1))
    modified = parse_local(meta.datetime_modified)
    if modified is not None:
        a, b = aware(original, meta.offset_original), aware(modified, meta.offset_modified)
        delta = (b - a) if a and b else modified - original.replace(microsecond=0)
        if delta >= timedelta(seconds=1):
            add("MODIFIED_AFTER_CAPTURE", WARNING,
                f"The file was modified ({meta.datetime_modified}) {human_delta(delta)} after "
                f"it was captured ({meta.datetime_original}).",
                modified=meta.datetime_modified, original=meta.datetime_original,
                difference_s=round(delta.total_seconds(), 1))


def check_software(meta: PhotoMetadata, cap: CaptureTime, add: Add, path: Path | None,
                   known: tuple[bool, ThumbnailComparison | None] = (False, None)) -> None:
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
        when = parse_when(event["when"])
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

    thumbnail_known, stored_comparison = known  # compared at import: reuse, don't re-read
    if thumbnail_known or path is not None:  # exifread is the authority on IFD1
        comparison: ThumbnailComparison | None = (
            stored_comparison if thumbnail_known or path is None
            else compare_thumbnail(path))
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


def _claim_zone(inp: DatingInput, cap: CaptureTime):  # type: ignore[no-untyped-def]
    """The zone the claim's local date is read in: the claimed place's, else the photo's."""
    if inp.claim and inp.claim.place and inp.claim.place.tz:
        return zone(inp.claim.place.tz), inp.claim.place.tz
    if cap.zone:
        return zone(cap.zone), cap.zone
    if cap.offset is not None:
        return timezone(cap.offset), format_offset(cap.offset)
    return None, None


def check_claim(inp: DatingInput, cap: CaptureTime, add: Add) -> None:
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
        delta = (cap.utc - claimed_utc) if claimed_utc and cap.utc else (
            local_capture - claimed if local_capture else timedelta(0))
        if abs(delta) > CLAIM_TIME_LIMIT:
            add("CLAIMED_DATE_MISMATCH", ERROR,
                f"The photo was captured at {local_capture:%Y-%m-%d %H:%M} local time "
                f"({tz_name}), {human_delta(delta)} from the claimed {claimed:%Y-%m-%d %H:%M}; "
                "a claimed time holds within one hour.",
                claimed=claim.claimed, capture_local=local_capture.isoformat(timespec="seconds"),
                zone=tz_name, place=where, difference_s=round(delta.total_seconds()))
    elif local_capture.date() != claimed.date():
        add("CLAIMED_DATE_MISMATCH", ERROR,
            f"The photo was captured on {local_capture:%Y-%m-%d} local time ({tz_name}), "
            f"not on the claimed date {claimed:%Y-%m-%d}.",
            claimed=claim.claimed, capture_local=local_capture.isoformat(timespec="seconds"),
            zone=tz_name, place=where)


def _earliest_utc(cap: CaptureTime) -> datetime | None:
    """The capture instant, or without a zone the earliest it can be (local − 14 h)."""
    if cap.utc is not None:
        return cap.utc
    if cap.local is not None:
        return (cap.local - MAX_OFFSET).replace(tzinfo=UTC)
    return None


def check_bounds(inp: DatingInput, cap: CaptureTime, add: Add) -> None:
    earliest = _earliest_utc(cap)
    if earliest is None:
        return
    reference = as_utc(inp.reference_utc)
    if reference is not None and earliest > reference:
        what = "it was imported" if inp.reference_is_import else "now"
        add("FUTURE_DATE", ERROR,
            f"The capture time ({fmt_utc(earliest)}) is after {what} ({fmt_utc(reference)}): the "
            "camera clock was wrong or the date was altered.",
            capture_utc=fmt_utc(earliest), reference_utc=fmt_utc(reference),
            reference="import" if inp.reference_is_import else "now")
    posted = as_utc(inp.posted_utc)
    if posted is not None and earliest > posted:
        add("POSTED_BEFORE_CAPTURE", ERROR,
            f"The photo was first posted at {fmt_utc(posted)}, "
            f"{human_delta(earliest - posted)} before its capture time ({fmt_utc(earliest)}).",
            posted_utc=fmt_utc(posted), capture_utc=fmt_utc(earliest))


def check_flights(inp: DatingInput, cap: CaptureTime, add: Add) -> None:
    """FLIGHT_CONFLICT: the aircraft was certainly airborne at the capture time (its take-off
    and landing bounds say so, `flights.times.state_at`), or a flight puts it at an airport
    too far from where the photo was taken."""
    t = cap.utc
    if t is None or not inp.flights:
        return
    reported: set[str] = set()
    for f in inp.flights:
        times = f.bounded()
        if state_at(times, t, FLIGHT_GROUND_MARGIN) == AIRBORNE:
            who = f.registration or "the tagged aircraft"
            dep, arr = times.departure, times.arrival
            add("FLIGHT_CONFLICT", ERROR,
                f"{who} was airborne on flight {f.label} "
                f"({_place_label(f.origin)} {dep.describe()} → {_place_label(f.destination)} "
                f"{arr.describe()}) at the capture time {fmt_utc(t)}.",
                kind="airborne", flight=f.label, registration=f.registration,
                departure_utc=fmt_utc(dep.best or dep.latest),
                arrival_utc=fmt_utc(arr.best or arr.earliest),
                departure_bounds=dep.to_json(), arrival_bounds=arr.to_json())
            reported.add(f.registration or "")
    place = photo_place(inp)
    if place is None:
        return
    by_reg: dict[str, list[FlightFact]] = {}
    for f in inp.flights:
        by_reg.setdefault(f.registration or "", []).append(f)
    for reg, flights in by_reg.items():
        if reg in reported:
            continue
        # Landed for certain before the capture / took off for certain after it.
        landed = [(f, f.bounded().arrival.latest) for f in flights]
        before = [(f, at) for f, at in landed if at is not None and at <= t]
        leaving = [(f, f.bounded().departure.earliest) for f in flights]
        after = [(f, at) for f, at in leaving if at is not None and at >= t]
        where: Place | None = None
        basis = None
        if before:
            last = max(before, key=lambda pair: pair[1])[0]
            where, basis = last.destination, last
        elif after:
            nxt = min(after, key=lambda pair: pair[1])[0]
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


PLACE_MIN_KM = 5.0  # GPS farther than this (or 3× its stated error) from a place contradicts it
def check_place(inp: DatingInput, add: Add) -> None:
    """PLACE_MISMATCH: the GPS position is farther from a place the photo is said to be at
    (the claimed place; a linked flight's origin for `before_departure`, destination for
    `after_arrival`) than the larger of 5 km and three times the GPS error the file states."""
    gps = inp.meta.gps
    if gps is None:
        return
    error = gps_error_m(inp.meta)
    limit = max(PLACE_MIN_KM, 3 * error / 1000) if error is not None else PLACE_MIN_KM
    said: list[tuple[Place, str, dict[str, object]]] = []
    if inp.claim and inp.claim.place:
        said.append((inp.claim.place, "the claimed place", {"source": "claim"}))
    for label, relation, airport in inp.linked_ground:
        end = "origin" if relation == "before_departure" else "destination"
        said.append((airport, f"the {end} of linked flight {label}",
                     {"source": "linked_flight", "flight": label, "relation": relation}))
    gps_label = f"{gps.lat:.5f},{gps.lon:.5f}"
    for place, what, extra in said:
        km = haversine_km(gps.lat, gps.lon, place.lat, place.lon)
        if km > limit:
            add("PLACE_MISMATCH", ERROR,
                f"The photo's GPS position ({gps_label}) is {km:.1f} km from {what} "
                f"({place.label}); more than the {limit:.1f} km its position error allows.",
                place=place.label, gps=gps_label, distance_km=round(km, 1),
                limit_km=round(limit, 1),
                gps_error_m=round(error, 1) if error is not None else None, **extra)


def _place_label(place: Place | None) -> str:
    return place.label if place else "?"


def _windows_text(windows: tuple[Window, ...]) -> str:
    return ", ".join(w.label() for w in windows) if windows else "never"


def _measured_text(band: SunBand) -> str:
    text = f"azimuth {band.azimuth:.1f}° ± {band.azimuth_error:.1f}°"
    if band.elevation is not None:
        text += f", elevation {band.elevation:.1f}° ± {band.elevation_error or 0:.1f}°"
    return text


def shadow_place(inp: DatingInput, named: Place | None) -> Place | None:
    """Where a shadow is read from: the photo's GPS position, else its claimed place, else
    the place the measurement named, else a linked flight's airport."""
    if inp.meta.gps is not None or (inp.claim and inp.claim.place):
        return photo_place(inp)
    return named or photo_place(inp)


def check_shadow(inp: DatingInput, cap: CaptureTime, add: Add) -> None:
    """SHADOW_TIME_MISMATCH (error) when the capture time falls outside every window of the
    capture's local day in which the sun stood where the measured shadow puts it;
    SHADOW_CONSISTENT (info) naming the windows otherwise. Needs a capture time and a place
    (`shadow_place`)."""
    shadow = inp.shadow
    if shadow is None:
        return
    place = shadow_place(inp, shadow.place)
    if cap.utc is None or place is None:
        return
    band = SunBand(shadow.azimuth, shadow.azimuth_error, shadow.elevation,
                   shadow.elevation_error)
    seen = compare_with_capture(band, place, cap.utc)
    params = {
        "capture_utc": fmt_utc(cap.utc), "place": place.label,
        "azimuth": round(band.azimuth, 2), "azimuth_error": round(band.azimuth_error, 2),
        "elevation": None if band.elevation is None else round(band.elevation, 2),
        "elevation_error": (None if band.elevation_error is None
                            else round(band.elevation_error, 2)),
        "sun_azimuth": round(seen.sun_at_capture.azimuth, 2),
        "sun_elevation": round(seen.sun_at_capture.elevation, 2),
        "difference_deg": round(seen.difference_deg, 2),
        "windows": [w.to_json() for w in seen.windows],
    }
    measured, windows = _measured_text(band), _windows_text(seen.windows)
    if seen.consistent:
        add("SHADOW_CONSISTENT", INFO,
            f"The shadow measured on the photo puts the sun at {measured}; seen from "
            f"{place.label} it stood there on the capture's day {windows}, which holds the "
            f"capture time {fmt_utc(cap.utc)}.", **params)
    else:
        add("SHADOW_TIME_MISMATCH", ERROR,
            f"The shadow measured on the photo puts the sun at {measured}, but at the capture "
            f"time {fmt_utc(cap.utc)} it stood at azimuth {seen.sun_at_capture.azimuth:.1f}°, "
            f"elevation {seen.sun_at_capture.elevation:.1f}° seen from {place.label} "
            f"({seen.difference_deg:.1f}° away); that day it stood where the shadow says "
            f"{windows}.", **params)
