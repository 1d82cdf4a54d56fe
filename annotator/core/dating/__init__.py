"""When a photo was really taken: the capture-date check (`check_capture_date`) over the
file's clocks, GPS time, time zones, edits, the investigator's claim, where it was posted,
the sun and the flights of the aircraft it shows; claims and acquisition records; and its
use inside a case (stored verdicts, refreshed when the evidence changes); the sun's day at a
place (sunrise, sunset, its path, and the windows when it stood where a shadow says).

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.dating.acquisition import get_acquisition, set_acquisition
from annotator.core.dating.check import (
    CaptureVerdict,
    Claim,
    DatingInput,
    Place,
    ShadowFact,
    check_capture_date,
    parse_local,
)
from annotator.core.dating.checks import shadow_place
from annotator.core.dating.claims import (
    ClaimRecord,
    claim_row,
    get_claim,
    normalize_claimed,
    normalize_grade,
    record_of,
    resolve_place,
    set_claim,
    stored_place,
)
from annotator.core.dating.photo_dating import (
    capture_date_view,
    check_photo,
    dating_input,
    meta_from_photo,
    refresh_photo_date,
    refresh_photos,
    stored_date,
)
from annotator.core.dating.sun import SunPosition, sun_position
from annotator.core.dating.sun_day import (
    SunBand,
    SunComparison,
    SunDay,
    Window,
    compare_with_capture,
    local_date_of,
    sun_day,
    sun_windows,
)

__all__ = [
    "capture_date_view",
    "check_photo",
    "dating_input",
    "shadow_place",
    "compare_with_capture",
    "local_date_of",
    "parse_local",
    "stored_place",
    "meta_from_photo",
    "Place",
    "SunBand",
    "SunComparison",
    "SunDay",
    "SunPosition",
    "sun_day",
    "sun_position",
    "sun_windows",
    "Window",
    "CaptureVerdict",
    "Claim",
    "ShadowFact",
    "ClaimRecord",
    "DatingInput",
    "check_capture_date",
    "claim_row",
    "get_acquisition",
    "get_claim",
    "normalize_claimed",
    "normalize_grade",
    "record_of",
    "refresh_photo_date",
    "refresh_photos",
    "resolve_place",
    "set_acquisition",
    "set_claim",
    "stored_date",
]
