"""Translate the core's sentences by their stable code and parameters.

The core is Qt-free and speaks English: each capture-date finding (annotator/core/dating/check.py,
dating_checks.py) carries a `code` and `params` beside its English sentence. Here the GUI
rebuilds the sentence in the user's language from the code and the params, through Qt's
translator (context "CoreText", so the templates are in the .ts file with the rest of the
GUI). User errors (annotator/core/errors.py) and import refusal reasons carry the same
`code`/`params`; their English templates are in annotator/gui/i18n/error_text.py (context
"CoreErrors") and `tr_error` / `tr_reason` say them in the user's language.

A code we do not know, or params that do not fit the template (an older stored finding),
fall back to the English sentence: a translation never hides what the core said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

Params = dict[str, Any]


# XMP edit-history actions (stEvt:action), named in the finding; lupdate extracts them here.
ACTIONS = {
    "saved": QT_TRANSLATE_NOOP("CoreText", "saved"),
    "edited": QT_TRANSLATE_NOOP("CoreText", "edited"),
    "converted": QT_TRANSLATE_NOOP("CoreText", "converted"),
    "derived": QT_TRANSLATE_NOOP("CoreText", "derived"),
    "cropped": QT_TRANSLATE_NOOP("CoreText", "cropped"),
    "filtered": QT_TRANSLATE_NOOP("CoreText", "filtered"),
    "produced": QT_TRANSLATE_NOOP("CoreText", "produced"),
    "printed": QT_TRANSLATE_NOOP("CoreText", "printed"),
    "managed": QT_TRANSLATE_NOOP("CoreText", "managed"),
    "copied": QT_TRANSLATE_NOOP("CoreText", "copied"),
    "published": QT_TRANSLATE_NOOP("CoreText", "published"),
}


def _action(action: Any) -> str:
    text = str(action or "")
    key = text.lower()
    return QCoreApplication.translate("CoreText", ACTIONS[key]) if key in ACTIONS else text


def duration(seconds: float | int | None) -> str:
    """A duration as the core's `human_delta` writes it, in the user's language."""
    s = int(round(abs(float(seconds or 0))))
    if s < 120:
        return QCoreApplication.translate("CoreText", "{0} s").format(s)
    if s < 2 * 3600:
        return QCoreApplication.translate("CoreText", "{0} min {1:02d} s").format(
            s // 60, s % 60)
    if s < 3 * 86400:
        return QCoreApplication.translate("CoreText", "{0} h {1:02d} min").format(
            s // 3600, s % 3600 // 60)
    return QCoreApplication.translate("CoreText", "{0} days").format(s // 86400)


def number(value: float, decimals: int) -> str:
    """A figure in the interface language's notation (`44,1` in French), no float noise."""
    return QLocale().toString(float(value), "f", decimals)


def decimal(value: float, most: int = 7) -> str:
    """A figure to the precision it has, at most `most` decimals, in the interface language's
    notation: `-7,9502` in French, not `-7.950200000000001`."""
    text = QLocale().toString(float(value), "f", most)
    point = QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return "0" if text in ("-0", "") else text


def as_sentence(text: str) -> str:
    """A core message shown alone (a form's problem line) as a sentence: its first letter a
    capital. The core writes them lower-case to be embedded ("import: the file …")."""
    return text[:1].upper() + text[1:]


def integer(value: int) -> str:
    """A whole number grouped as the interface language groups them (`87 864` in French)."""
    return QLocale().toString(int(value))


SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÀ-Ý«\"']|\s*$)")


def sentence_count(text: str) -> int:
    """How many sentences `text` has (a full stop followed by more text, or ending it)."""
    return len(SENTENCE_END.findall(text.strip()))


def _zone(p: Params) -> str:
    zone = p.get("zone")
    if not zone or zone == "the camera's clock":
        return QCoreApplication.translate("CoreText", "the camera's clock")
    return str(zone)


def _offset_missing(p: Params) -> str:
    source = p.get("derived_from")
    zone, offset = p.get("zone") or "?", p.get("offset") or "?"
    how = {
        "gps_time": QCoreApplication.translate(
            "CoreText", "the GPS clock (the camera's time compared with GPS time gives the "
            "offset {offset})"),
        "gps_timezone": QCoreApplication.translate(
            "CoreText", "the time zone at the GPS position ({zone})"),
        "claimed_place": QCoreApplication.translate(
            "CoreText", "the time zone of the claimed place ({zone}), which is the claim's, "
            "not the photo's"),
        "linked_airport": QCoreApplication.translate(
            "CoreText", "the time zone of the linked flight's airport ({zone})"),
    }.get(source or "", QCoreApplication.translate(
        "CoreText", "nothing: without GPS or a place, the capture time cannot be placed in UTC"))
    text = QCoreApplication.translate(
        "CoreText", "The photo has no OffsetTimeOriginal; its UTC time comes from {how}.").format(
        how=how.format(zone=zone, offset=offset))
    if p.get("gps_zone_offset"):
        text += " " + QCoreApplication.translate(
            "CoreText", "The time zone at the GPS position ({zone}, {offset}) disagrees: the "
            "camera clock may be set to another zone, or the GPS fix may be old.").format(
            zone=zone, offset=p["gps_zone_offset"])
    return text


def _edit_history(p: Params) -> str:
    events = p.get("events") or []
    parts = []
    for e in events:
        when = e.get("when") or QCoreApplication.translate("CoreText", "(undated)")
        part = f"{_action(e.get('action'))} {when}"
        if e.get("software"):
            part += QCoreApplication.translate("CoreText", " with {0}").format(e["software"])
        parts.append(part)
    return QCoreApplication.translate(
        "CoreText", "The XMP edit history records {n} save(s) or edit(s) after the capture: "
        "{listed}.").format(n=len(events), listed="; ".join(parts))


def _thumbnail(p: Params) -> str:
    if p.get("reason") == "shape":
        what = QCoreApplication.translate(
            "CoreText", "has a different shape (width/height {thumb} against {main}: a crop)"
        ).format(thumb=p["thumb_aspect"], main=p["main_aspect"])
    else:
        what = QCoreApplication.translate(
            "CoreText", "shows different content (a difference of {mean} standard deviations "
            "on average, {max} at most)").format(mean=p["mean_difference"],
                                                 max=p["max_cell_difference"])
    return QCoreApplication.translate(
        "CoreText", "The embedded EXIF thumbnail does not show the same picture as the main "
        "image: it {what}. The main image was probably cropped or edited after capture."
    ).format(what=what)


def _claimed(p: Params) -> str:
    local = str(p["capture_local"]).replace("T", " ")
    claimed = str(p["claimed"]).replace("T", " ")
    if p.get("difference_s") is not None:
        return QCoreApplication.translate(
            "CoreText", "The photo was captured at {local} local time ({zone}), {delta} from "
            "the claimed {claimed}; a claimed time holds within one hour.").format(
            local=local[:16], zone=_zone(p), delta=duration(p["difference_s"]),
            claimed=claimed[:16])
    return QCoreApplication.translate(
        "CoreText", "The photo was captured on {local} local time ({zone}), not on the claimed "
        "date {claimed}.").format(local=local[:10], zone=_zone(p), claimed=claimed[:10])


def _future(p: Params) -> str:
    what = (QCoreApplication.translate("CoreText", "it was imported")
            if p.get("reference") == "import" else QCoreApplication.translate("CoreText", "now"))
    return QCoreApplication.translate(
        "CoreText", "The capture time ({capture}) is after {what} ({reference}): the camera "
        "clock was wrong or the date was altered.").format(
        capture=p["capture_utc"], what=what, reference=p["reference_utc"])


def _aircraft(p: Params) -> str:
    return p.get("registration") or QCoreApplication.translate("CoreText", "the tagged aircraft")


def _flight_conflict(p: Params) -> str:
    if p.get("kind") == "airborne":
        return QCoreApplication.translate(
            "CoreText", "{who} was airborne on flight {flight} (departure {dep}, arrival {arr}) "
            "at the capture time.").format(who=_aircraft(p), flight=p["flight"],
                                           dep=p["departure_utc"], arr=p["arrival_utc"])
    return QCoreApplication.translate(
        "CoreText", "According to flight {flight}, {who} was at {where} at the capture time, "
        "{km} km from where the photo was taken ({place}).").format(
        flight=p["flight"], who=_aircraft(p), where=p["aircraft_at"],
        km=number(float(p["distance_km"]), 0), place=p["photo_place"])


def _place_mismatch(p: Params) -> str:
    if p.get("source") == "linked_flight":
        where = QCoreApplication.translate(
            "CoreText", "the airport of linked flight {flight} ({place})").format(
            flight=p.get("flight"), place=p["place"])
    else:
        where = QCoreApplication.translate("CoreText", "the claimed place ({place})").format(
            place=p["place"])
    return QCoreApplication.translate(
        "CoreText", "The photo's GPS position ({gps}) is {km} km from {where}; more than the "
        "{limit} km its position error allows.").format(
        gps=p["gps"], km=number(float(p["distance_km"]), 1), where=where,
        limit=number(float(p["limit_km"]), 1))


def _c2pa_valid(p: Params) -> str:
    standing = (QCoreApplication.translate("CoreText", "on the C2PA trust list")
                if p.get("validation_state") == "Trusted" else QCoreApplication.translate(
                    "CoreText", "intact, but the signer is not on the C2PA trust list"))
    signed = (QCoreApplication.translate("CoreText", " at {0} (trusted time stamp)").format(
        p["signed_utc"]) if p.get("signed_utc") else "")
    made = (QCoreApplication.translate("CoreText", " with {0}").format(p["claim_generator"])
            if p.get("claim_generator") else "")
    return QCoreApplication.translate(
        "CoreText", "The photo carries content credentials signed by {signer}{signed}{made}: "
        "{standing}.").format(signer=p["signer"], signed=signed, made=made, standing=standing)


def _c2pa_edited(p: Params) -> str:
    actions = list(p["actions"])
    listed = "; ".join(
        f"{a['action']} {a.get('when') or QCoreApplication.translate('CoreText', '(undated)')}"
        + (QCoreApplication.translate("CoreText", " with {0}").format(a["software_agent"])
           if a.get("software_agent") else "") for a in actions)
    return QCoreApplication.translate(
        "CoreText", "The content credentials record {n} action(s) after capture that change "
        "the picture: {listed}.").format(n=len(actions), listed=listed)


def _c2pa_invalid(p: Params) -> str:
    codes = [str(c) for c in p.get("codes") or []]
    problem = p["problem"]
    if problem == "unreadable":
        why = QCoreApplication.translate(
            "CoreText", "the manifest store is damaged and cannot be read ({0})").format(
            p.get("error") or (codes[0] if codes else "?"))
    elif problem == "picture_changed":
        why = QCoreApplication.translate(
            "CoreText", "the picture's bytes are no longer those that were signed ({0})").format(
            ", ".join(c for c in codes if c.endswith(".mismatch")))
    else:
        why = QCoreApplication.translate(
            "CoreText", "the manifest fails validation ({0})").format(", ".join(codes) or "?")
    return QCoreApplication.translate(
        "CoreText", "The content credentials (C2PA manifest) do not match the picture: {why}. "
        "The file was changed after it was signed, or the credentials were damaged or "
        "forged.").format(why=why)


# How a copy stands to the best copy (annotator.core.history.similar.relation).
RELATIONS = {
    "identical": QT_TRANSLATE_NOOP("CoreText", "identical"),
    "reencoded": QT_TRANSLATE_NOOP("CoreText", "reencoded"),
    "resized": QT_TRANSLATE_NOOP("CoreText", "resized"),
    "cropped": QT_TRANSLATE_NOOP("CoreText", "cropped"),
    "similar": QT_TRANSLATE_NOOP("CoreText", "similar"),
}


def _earlier_copy(p: Params) -> str:
    if p.get("reason") == "better_copy":
        relation = str(p.get("relation") or "")
        if relation in RELATIONS:
            relation = QCoreApplication.translate("CoreText", RELATIONS[relation])
        return QCoreApplication.translate(
            "CoreText", "Photo {photo} of the case is a larger or less re-encoded copy of this "
            "picture (this one is {relation}): it is the best copy available.").format(
            photo=p["photo"], relation=relation)
    posted = str(p["posted_utc"]) + (f", {p['source']}" if p.get("source") else "")
    return QCoreApplication.translate(
        "CoreText", "Photo {photo} of the case is a copy of this picture posted earlier "
        "({posted}): the picture existed by then, and its capture time is bounded by that "
        "posting.").format(photo=p["photo"], posted=posted)


def _camera(p: Params) -> str:
    make, model = str(p.get("make") or "").strip(), str(p.get("model") or "").strip()
    if make and model.lower().startswith(make.split()[0].lower()):
        return model
    return f"{make} {model}".strip()


def _tables_not_camera(p: Params) -> str:
    matched = list(p.get("matched") or [])
    if matched:
        return QCoreApplication.translate(
            "CoreText", "The quantization tables are none of the {n} the reference records for "
            "the {camera} named in EXIF, and are those of: {matched}: the picture was probably "
            "saved again by other software after the camera.").format(
            n=integer(p["known_tables"]), camera=_camera(p), matched="; ".join(matched[:3]))
    return QCoreApplication.translate(
        "CoreText", "The quantization tables are none of the {n} the reference records for the "
        "{camera} named in EXIF, and match no other entry either: the camera may use tables "
        "the reference lacks, or other software saved it.").format(
        n=integer(p["known_tables"]), camera=_camera(p))


def _reencoded(p: Params) -> str:
    parts = []
    for e in p.get("evidence") or []:
        sign = e.get("sign")
        if sign == "metadata_stripped":
            parts.append(QCoreApplication.translate(
                "CoreText", "no EXIF (camera, date) in the file"))
        elif sign == "standard_tables":
            parts.append(QCoreApplication.translate(
                "CoreText", "libjpeg's standard tables at quality {q}, as sharing services and "
                "most software write them").format(q=e["quality"]))
        elif sign == "size_cap":
            parts.append(QCoreApplication.translate(
                "CoreText", "long side of {n} px, a size sharing services cap pictures to"
            ).format(n=integer(e["long_side"])))
        elif sign == "no_exif_thumbnail":
            parts.append(QCoreApplication.translate("CoreText", "no EXIF thumbnail"))
        else:
            parts.append(str(e.get("text") or sign))
    text = QCoreApplication.translate(
        "CoreText", "Signs of re-encoding by a sharing service or an editor: {signs}. This is "
        "probably not the original file: the original may exist elsewhere.").format(
        signs="; ".join(parts))
    if p.get("platforms"):
        text += " " + QCoreApplication.translate("CoreText", "Consistent with: {0}.").format(
            ", ".join(p["platforms"]))
    return text


def _windows(p: Params) -> str:
    windows = p.get("windows") or []
    if not windows:
        return QCoreApplication.translate("CoreText", "never")
    return ", ".join(f"{str(w['from_utc'])[11:19]}–{str(w['to_utc'])[11:19]} UTC"
                     for w in windows)


def _measured(p: Params) -> str:
    text = QCoreApplication.translate("CoreText", "azimuth {az}° ± {err}°").format(
        az=number(p["azimuth"], 1), err=number(p["azimuth_error"], 1))
    if p.get("elevation") is not None:
        text += QCoreApplication.translate("CoreText", ", elevation {el}° ± {err}°").format(
            el=number(p["elevation"], 1), err=number(p.get("elevation_error") or 0, 1))
    return text


def _shadow_consistent(p: Params) -> str:
    return QCoreApplication.translate(
        "CoreText", "The shadow measured on the photo puts the sun at {measured}; seen from "
        "{place} it stood there on the capture's day {windows}, which holds the capture time "
        "{capture}.").format(measured=_measured(p), place=p["place"], windows=_windows(p),
                             capture=p["capture_utc"])


def _shadow_mismatch(p: Params) -> str:
    return QCoreApplication.translate(
        "CoreText", "The shadow measured on the photo puts the sun at {measured}, but at the "
        "capture time {capture} it stood at azimuth {az}°, elevation {el}° seen from {place} "
        "({diff}° away); that day it stood where the shadow says {windows}.").format(
        measured=_measured(p), capture=p["capture_utc"], az=number(p["sun_azimuth"], 1),
        el=number(p["sun_elevation"], 1), place=p["place"], diff=number(p["difference_deg"], 1),
        windows=_windows(p))


TABLE: dict[str, Callable[[Params], str]] = {
    "NO_EXIF": lambda p: QCoreApplication.translate(
        "CoreText", "The file carries no EXIF metadata at all, as is typical of photos saved "
        "from social media; its date cannot be read from the file."),
    "NO_DATETIME": lambda p: QCoreApplication.translate(
        "CoreText", "The EXIF metadata holds no capture date (DateTimeOriginal)."),
    "OFFSET_MISSING": _offset_missing,
    "GPS_CLOCK_MISMATCH": lambda p: QCoreApplication.translate(
        "CoreText", "The camera clock ({camera}) and the GPS clock ({gps}) differ by {delta}, "
        "more than 2 minutes.").format(camera=p["camera_utc"], gps=p["gps_utc"],
                                       delta=duration(p["difference_s"])),
    "DIGITIZED_MISMATCH": lambda p: QCoreApplication.translate(
        "CoreText", "DateTimeOriginal ({original}) and DateTimeDigitized ({digitized}) differ "
        "by {delta}.").format(original=p["original"], digitized=p["digitized"],
                              delta=duration(p["difference_s"])),
    "MODIFIED_AFTER_CAPTURE": lambda p: QCoreApplication.translate(
        "CoreText", "The file was modified ({modified}) {delta} after it was captured "
        "({original}).").format(modified=p["modified"], original=p["original"],
                                delta=duration(p["difference_s"])),
    "SOFTWARE_EDITED": lambda p: QCoreApplication.translate(
        "CoreText", "The {tag} tag names an image editor ({software!r}, {editor}), not camera "
        "firmware: the file was saved by that program.").format(
        tag=p["tag"], software=p["software"], editor=p["editor"]),
    "EDIT_HISTORY": _edit_history,
    "THUMBNAIL_MISMATCH": _thumbnail,
    "C2PA_VALID": _c2pa_valid,
    "C2PA_EDITED": _c2pa_edited,
    "C2PA_INVALID": _c2pa_invalid,
    "CLAIMED_DATE_MISMATCH": _claimed,
    "FUTURE_DATE": _future,
    "PLACE_MISMATCH": _place_mismatch,
    "POSTED_BEFORE_CAPTURE": lambda p: QCoreApplication.translate(
        "CoreText", "The photo was first posted at {posted}, before its capture time "
        "({capture}).").format(posted=p["posted_utc"], capture=p["capture_utc"]),
    "FLIGHT_CONFLICT": _flight_conflict,
    "SUN_POSITION": lambda p: QCoreApplication.translate(
        "CoreText", "At the capture time the sun stood {elevation}° above the horizon at "
        "azimuth {azimuth}° (clockwise from north), seen from {place}.").format(
        elevation=number(float(p["elevation"]), 1), azimuth=number(float(p["azimuth"]), 0),
        place=p["place"]),
    "SHADOW_CONSISTENT": _shadow_consistent,
    "SHADOW_TIME_MISMATCH": _shadow_mismatch,
    "NIGHT": lambda p: QCoreApplication.translate(
        "CoreText", "The sun was {depth}° below the horizon at the capture time and place: "
        "it was night, so a photo showing daylight contradicts this time or place.").format(
        depth=number(-float(p["elevation"]), 1), place=p.get("place")),
    "EARLIER_COPY": _earlier_copy,
    "CAMERA_NOT_IN_TABLE": lambda p: QCoreApplication.translate(
        "CoreText", "The reference of quantization tables has no entry for the {camera} named "
        "in EXIF; nothing can be said about whether the tables are its own.").format(
        camera=_camera(p)),
    "TABLES_NOT_CAMERA": _tables_not_camera,
    "REENCODED": _reencoded,
    "DOUBLE_COMPRESSED": lambda p: QCoreApplication.translate(
        "CoreText", "The DCT coefficients show a first JPEG compression at about quality "
        "{quality} before the present one (confidence {confidence}): the picture was saved "
        "at least twice.").format(quality=p["primary_quality"],
                                  confidence=number(float(p["confidence"]), 2)),
}


def tr_core(code: str | None, params: Params | None, english: str) -> str:
    """The core's sentence for `code` in the GUI's language; `english` when the code is
    unknown, the params do not fit, or no translation is loaded (English stays verbatim)."""
    from annotator.gui.i18n.language import installed_language

    builder = TABLE.get(code or "")
    if builder is None or installed_language() == "en":  # English: the core's own words
        return english
    try:
        text = builder(dict(params or {}))
    except (KeyError, TypeError, ValueError, AttributeError):
        return english
    # A finding stored before its params carried every sentence's facts: say all of it.
    return english if sentence_count(text) < sentence_count(english) else text



# `where` prefixes of flight records ("line 4: ", "track.kml flight 2: "), see flights/records.
_LINE_WHERE = re.compile(r"^line (\d+): $")
_FLIGHT_WHERE = re.compile(r"^(.*) flight (\d+): $")


def _where(text: str) -> str:
    if m := _LINE_WHERE.match(text):
        return QCoreApplication.translate("CoreErrors", "line {0}: ").format(m.group(1))
    if m := _FLIGHT_WHERE.match(text):
        return QCoreApplication.translate("CoreErrors", "{0} flight {1}: ").format(
            m.group(1), m.group(2))
    return text


def tr_reason(code: str | None, params: Params | None, english: str) -> str:
    """A core sentence named by `code` (an error or an import refusal reason) in the GUI's
    language; `english` when the code has no template, the params do not fit it, or the GUI
    speaks English (then the core's own words are shown, verbatim)."""
    from annotator.gui.i18n.error_text import ERRORS, WORD_PARAMS, WORDS
    from annotator.gui.i18n.language import installed_language

    template = ERRORS.get(code or "")
    if template is None or installed_language() == "en":
        return english
    values = dict(params or {})
    for key in WORD_PARAMS & values.keys():
        word = values[key]
        if isinstance(word, str) and word in WORDS:
            values[key] = QCoreApplication.translate("CoreErrors", WORDS[word])
    if code == "FLIGHT_TIME_NAIVE" and values.get("name") in WORDS:
        values["name"] = QCoreApplication.translate("CoreErrors", WORDS[values["name"]])
    if isinstance(values.get("where"), str):
        values["where"] = _where(values["where"])
    if values.get("problem_code") and values.get("problem_code") != code:
        # A registration problem inside the error (registration.RegistrationCheck).
        values["problem"] = tr_reason(str(values["problem_code"]), values,
                                      str(values.get("problem") or ""))
    try:
        return QCoreApplication.translate("CoreErrors", template).format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return english


def tr_error(exc: BaseException) -> str:
    """What the GUI shows for an exception: an AnnotatorError (or anything carrying `code`
    and `params`) in the user's language, everything else as `str(exc)`. A parameter that
    is the text of the error's cause, itself a coded error, is translated too."""
    english = str(exc)
    code, params = getattr(exc, "code", None), getattr(exc, "params", None)
    if not isinstance(code, str) or not isinstance(params, dict):
        return english
    cause = exc.__cause__
    if cause is not None and getattr(cause, "code", None) and cause is not exc:
        text = str(cause)
        params = {k: tr_error(cause) if v == text else v for k, v in params.items()}
    return tr_reason(code, params, english)


def tr_registration_problem(registration: str | None, stored: str | None) -> str:
    """A box's registration problem in the GUI's language. The box stores the core's English
    sentence (about the mark as typed); checking the stored mark again gives its problem
    with a code, which is translated. When the check now passes (the rules changed since),
    the stored sentence is what was said, and it is shown as it is."""
    if not stored:
        return ""
    from annotator.core.reference.registration import normalize_registration

    check = normalize_registration(registration or "")
    if check.problem and check.problem_code:
        return tr_reason(check.problem_code, check.problem_params, stored)
    return stored
