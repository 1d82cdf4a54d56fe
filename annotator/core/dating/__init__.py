"""When a photo was really taken: the capture-date check (`check_capture_date`) over the
file's clocks, GPS time, time zones, edits, the investigator's claim, where it was posted,
the sun and the flights of the aircraft it shows; claims and acquisition records; and its
use inside a case (stored verdicts, refreshed when the evidence changes).

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.dating.acquisition import get_acquisition, set_acquisition
from annotator.core.dating.check import Claim, DatingInput, check_capture_date
from annotator.core.dating.claims import (
    ClaimRecord,
    claim_row,
    get_claim,
    normalize_claimed,
    normalize_grade,
    record_of,
    resolve_place,
    set_claim,
)
from annotator.core.dating.photo_dating import (
    capture_date_view,
    refresh_photo_date,
    refresh_photos,
    stored_date,
)

__all__ = [
    "capture_date_view",
    "Claim",
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
