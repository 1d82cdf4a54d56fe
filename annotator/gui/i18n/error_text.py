"""The English template of every error and refusal reason the core gives a code to.

The core (annotator/core/errors.py, decode.py, ingest_*.py) writes its sentences in English
and names each with a stable code and the values it interpolates. Each template here reads
exactly like the core's sentence with `{name}` for those values, so lupdate puts it in the
.ts file (context "CoreErrors") and `core_text.tr_error` formats the translation with the
error's params. tests/gui/i18n/test_error_translation.py fails when a code has no template.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

ERRORS: dict[str, str] = {
    # registration.RegistrationCheck problems (inside REGISTRATION_INVALID and
    # FLIGHT_BAD_REGISTRATION as `problem`).
    "REG_EMPTY": QT_TRANSLATE_NOOP("CoreErrors", "The registration is empty."),
    "REG_MILITARY_EMPTY": QT_TRANSLATE_NOOP("CoreErrors", "The military serial is empty."),
    "REG_BAD_CHARACTERS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{typed} has characters a registration cannot have."),
    "REG_UNKNOWN_MARK": QT_TRANSLATE_NOOP(
        "CoreErrors", "{mark} is not an ICAO nationality mark."),
    "REG_NO_SUFFIX": QT_TRANSLATE_NOOP("CoreErrors", "{written} has no letters after the mark."),
    "REG_BAD_SUFFIX": QT_TRANSLATE_NOOP(
        "CoreErrors", "{suffix} cannot follow the nationality mark {mark}."),
    "REG_NO_KNOWN_MARK": QT_TRANSLATE_NOOP(
        "CoreErrors", "{compact} does not begin with a known ICAO nationality mark followed by "
        "a valid registration; type the hyphen after the mark if it is unusual."),
    "ACQUISITION_BAD_URL": QT_TRANSLATE_NOOP(
        "CoreErrors", "the {what} {text} is not a web address: give an http:// or https:// URL"),
    "ACQUISITION_TIME_FUTURE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the {what} {when} is in the future (now is {now})"),
    "ACQUISITION_UNKNOWN_FIELD": QT_TRANSLATE_NOOP(
        "CoreErrors", "unknown acquisition field(s): {fields}"),
    "AIRCRAFT_BAD_ICAO24": QT_TRANSLATE_NOOP(
        "CoreErrors", "{icao24} is not an ICAO 24-bit address."),
    "AIRCRAFT_NOT_FOUND": QT_TRANSLATE_NOOP("CoreErrors", "no aircraft {aircraft_id} in this case"),
    "AIRCRAFT_UNKNOWN_FIELD": QT_TRANSLATE_NOOP(
        "CoreErrors", "cannot edit {fields} of an aircraft."),
    "AIRPORT_UNKNOWN": QT_TRANSLATE_NOOP(
        "CoreErrors", "{text} is not a known airport (give its ICAO or IATA code)."),
    "ANNOTATIONS_BAD_BOX": QT_TRANSLATE_NOOP("CoreErrors", "{name}, box {number}: {exc}"),
    "ANNOTATIONS_COCO_BAD_ANNOTATION": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: annotation {number} has no valid image, category or bbox"),
    "ANNOTATIONS_COCO_NO_FILE_NAME": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: an image has no file_name"),
    "ANNOTATIONS_COCO_UNREADABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not a readable COCO JSON file"),
    "ANNOTATIONS_NAME_AMBIGUOUS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} names {n_shas} photos of the case; rename it to the photo's "
        "SHA-256 or import from the packet"),
    "ANNOTATIONS_NOT_COCO": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not a COCO file (no \"images\" list)"),
    "ANNOTATIONS_NOT_VOC": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not a Pascal VOC annotation (no filename)"),
    "ANNOTATIONS_PATH_MISSING": QT_TRANSLATE_NOOP("CoreErrors", "{path}: no such file or folder"),
    "ANNOTATIONS_PHOTO_UNKNOWN": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: no photo of this case has that name or hash"),
    "ANNOTATIONS_SIZE_MISMATCH": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: the annotations are for a {width}×{height} picture but the photo "
        "is {width2}×{height2}"),
    "ANNOTATIONS_UNKNOWN_FORMAT": QT_TRANSLATE_NOOP(
        "CoreErrors", "unknown format {fmt}; use one of {formats}"),
    "ANNOTATIONS_UNROTATED": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: the annotations are for the unrotated picture "
        "({width}×{height}); this photo is shown upright as {width2}×{height2}, "
        "so its boxes would land in the wrong place"),
    "ANNOTATIONS_VOC_BAD_BNDBOX": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: object {number} has no valid bndbox"),
    "ANNOTATIONS_VOC_NO_NAME": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: object {number} has no name"),
    "ANNOTATIONS_VOC_UNREADABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not a readable Pascal VOC XML file"),
    "ANNOTATIONS_YOLO_BAD_LINE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} line {number}: not `class cx cy w h` with a known class"),
    "ANNOTATIONS_YOLO_NO_CLASSES": QT_TRANSLATE_NOOP(
        "CoreErrors", "YOLO labels carry class numbers only: put classes.txt (one name per "
        "line) or data.yaml (names:) beside the label files"),
    "BOX_BAD_CONFIDENCE": QT_TRANSLATE_NOOP(
        "CoreErrors", "confidence must be one of {confidences}, not {confidence}"),
    "BOX_COPY_SAME_PHOTO": QT_TRANSLATE_NOOP(
        "CoreErrors", "a photo's boxes cannot be copied onto the same photo"),
    "BOX_EMPTY_SIZE": QT_TRANSLATE_NOOP("CoreErrors", "a box needs a positive width and height"),
    "BOX_EXISTS": QT_TRANSLATE_NOOP("CoreErrors", "box {box_id} already exists"),
    "BOX_NOT_FINITE": QT_TRANSLATE_NOOP("CoreErrors", "box coordinates must be finite numbers"),
    "BOX_NOT_FOUND": QT_TRANSLATE_NOOP("CoreErrors", "no box {box_id} in this case"),
    "BOX_NO_LABEL": QT_TRANSLATE_NOOP("CoreErrors", "a box needs a label"),
    "BOX_OUTSIDE_PHOTO": QT_TRANSLATE_NOOP(
        "CoreErrors", "the box lies outside the {width}×{height} photo"),
    "BOX_REGISTRATION_TOO_LONG": QT_TRANSLATE_NOOP(
        "CoreErrors", "the registration is longer than 40 characters"),
    "BOX_TEXT_TOO_LONG": QT_TRANSLATE_NOOP(
        "CoreErrors", "the {field} is longer than {limit} characters"),
    "BOX_UNKNOWN_FIELD": QT_TRANSLATE_NOOP("CoreErrors", "a box has no field {fields}"),
    "CASE_DATABASE_EMPTY": QT_TRANSLATE_NOOP("CoreErrors", "{root}: the database holds no case"),
    "CASE_DATABASE_FAILED": QT_TRANSLATE_NOOP(
        "CoreErrors", "{root}: cannot {doing} the case database: {detail}"),
    "CASE_DATABASE_TAKEN": QT_TRANSLATE_NOOP("CoreErrors", "that database already holds a case"),
    "CASE_EXISTS": QT_TRANSLATE_NOOP("CoreErrors", "{root}: a case already exists here"),
    "CASE_FILE_UNREADABLE": QT_TRANSLATE_NOOP("CoreErrors", "{case_file}: unreadable case file"),
    "CASE_FOLDER_CREATE_FAILED": QT_TRANSLATE_NOOP(
        "CoreErrors", "{root}: cannot create the case folder ({strerror})"),
    "CASE_FOLDER_MISSING": QT_TRANSLATE_NOOP("CoreErrors", "{root}: no such case folder"),
    "CASE_FOLDER_NOT_A_CASE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{root}: not a case folder (no {case_file})"),
    "CASE_READ_ONLY_MEDIA": QT_TRANSLATE_NOOP(
        "CoreErrors", "this case is read-only: its folder {root} cannot be written (read-only "
        "disc, share or write-blocked drive); nothing was changed"),
    "CASE_READ_ONLY_OLD_SCHEMA": QT_TRANSLATE_NOOP(
        "CoreErrors", "{root}: this case was made by an older annotator (schema {revision}) and "
        "is read-only here, so it cannot be upgraded; copy the case folder to a writable disk "
        "and open the copy"),
    "CASE_READ_ONLY_OPENED": QT_TRANSLATE_NOOP(
        "CoreErrors", "this case is read-only: it was opened read-only; nothing was changed"),
    "CASE_READ_ONLY_UNCLEAN": QT_TRANSLATE_NOOP(
        "CoreErrors", "{root}: the case was not closed cleanly ({wal} holds changes not yet in "
        "{db}) and cannot be read where it is; copy the case folder to a writable disk and "
        "open the copy"),
    "CASE_SCHEMA_NEWER": QT_TRANSLATE_NOOP(
        "CoreErrors", "this case was written by a newer version of annotator (schema "
        "{revision}); upgrade annotator to open it — nothing was changed"),
    "CLAIM_BAD_DATE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{text} is not a claimed date: give 2023-10-27 or 2023-10-27T10:00 (local "
        "time of the place, no offset)."),
    "CLAIM_BAD_GRADE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{text} is not an Admiralty grade: give the source's reliability A–F and "
        "the information's credibility 1–6, e.g. B2."),
    "CLAIM_BAD_POSITION": QT_TRANSLATE_NOOP(
        "CoreErrors", "{raw} is not a position: give LAT,LON in decimal degrees, e.g. "
        "12.5335,-7.9499."),
    "CLAIM_POSITION_OFF_GLOBE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{raw} is outside the globe: latitude −90…90, longitude −180…180."),
    "DB_PASSWORD": QT_TRANSLATE_NOOP(
        "CoreErrors", "{root}: the database asks for a password; set {password_env} or type it "
        "when asked"),
    "DB_URL_HAS_PASSWORD": QT_TRANSLATE_NOOP(
        "CoreErrors", "the database URL must not contain a password; set {password_env} or type "
        "it when asked"),
    "DB_URL_INVALID": QT_TRANSLATE_NOOP("CoreErrors", "{url} is not a database URL"),
    "DEMO_PHOTO_REJECTED": QT_TRANSLATE_NOOP(
        "CoreErrors", "the demo photo {name} was rejected: {reason}"),
    "DEMO_TARGET_NOT_CASE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{target}: exists but holds no case; move it away first"),
    "EDIT_CONFLICT": QT_TRANSLATE_NOOP(
        "CoreErrors", "{object_type} {object_id} was changed by someone else meanwhile (version "
        "{current_version}, you edited version {expected_version}); nothing was "
        "overwritten"),
    "EXPORT_FILE_CHANGED": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} differs from what the export recorded; the export was stopped"),
    "EXPORT_FILE_FAILED": QT_TRANSLATE_NOOP("CoreErrors", "{name}: {exc}"),
    "MAP_FOLDER_MISSING": QT_TRANSLATE_NOOP("CoreErrors", "the folder {parent} does not exist"),
    "MAP_PERIOD_REVERSED": QT_TRANSLATE_NOOP(
        "CoreErrors", "the period ends ({end}) before it begins ({start})."),
    "MAP_UNKNOWN_FORMAT": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: give a file ending in .geojson, .kml, .png or .svg"),
    "EXPORT_FOLDER_MISSING": QT_TRANSLATE_NOOP("CoreErrors", "the folder {parent} does not exist"),
    "EXPORT_FOLDER_UNCREATABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "cannot create the folder {parent}: {reason}"),
    "EXPORT_ORIGINAL_MISSING": QT_TRANSLATE_NOOP(
        "CoreErrors", "the case's copy of {photo} is missing from originals/"),
    "EXPORT_TARGET_EXISTS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{out} already exists; choose another name"),
    "EXPORT_TARGET_IS_FOLDER": QT_TRANSLATE_NOOP(
        "CoreErrors", "{out} is a folder; give a file name such as packet.zip"),
    "FLIGHTS_CSV_BAD_BOOLEAN": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: {name} {value} is not true or false."),
    "FLIGHTS_CSV_BAD_TIME": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: {name} {text} is not an ISO 8601 time."),
    "FLIGHTS_CSV_NO_TIME_ZONE": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: {name} {text} has no time zone; end it with Z."),
    "FLIGHTS_CSV_UNKNOWN_COLUMNS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: unknown column(s) {unknown}; the columns are {columns}."),
    "FLIGHT_ARRIVAL_BEFORE_DEPARTURE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}the arrival ({arr}) is before the departure ({dep})."),
    "FLIGHT_BAD_GRADE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}grade {grade} is not an Admiralty grade (source A–F, information "
        "1–6, e.g. B2)."),
    "FLIGHT_BAD_ICAO24": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}{icao} is not an ICAO 24-bit address (six hex digits)."),
    "FLIGHT_BAD_REGISTRATION": QT_TRANSLATE_NOOP("CoreErrors", "{where}{problem}"),
    "FLIGHT_BAD_SOURCE_KIND": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}source kind {kind} is not one of {source_kinds}."),
    "FLIGHT_FILE_BAD_GZIP": QT_TRANSLATE_NOOP("CoreErrors", "{name} is a damaged gzip file."),
    "FLIGHT_FILE_DUPLICATE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} was imported already (flight {seen} has the same SHA-256)."),
    "FLIGHT_FILE_NOT_UTF8": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not UTF-8 text (byte {start})."),
    "FLIGHT_FILE_NO_FLIGHT": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} holds no flight (a track only on the ground shows none)."),
    "FLIGHT_FILE_UNREADABLE": QT_TRANSLATE_NOOP("CoreErrors", "cannot read {path}: {strerror}."),
    "FLIGHT_FORMAT_UNDETECTED": QT_TRANSLATE_NOOP(
        "CoreErrors", "cannot tell the format of {name}; give --format."),
    "FLIGHT_FORMAT_UNKNOWN": QT_TRANSLATE_NOOP(
        "CoreErrors", "unknown format {fmt}; use one of auto, {formats}."),
    "FLIGHT_NO_IDENTITY_NO_TIME": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}a flight needs an aircraft (registration, ICAO address or "
        "callsign) or a time (departure or arrival); it has neither"),
    "FLIGHT_NOT_FOUND": QT_TRANSLATE_NOOP("CoreErrors", "no flight {flight_id} in this case"),
    "FLIGHT_TIME_NAIVE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}the {name} time has no time zone; give it in UTC."),
    "FLIGHT_UNKNOWN_AIRPORT": QT_TRANSLATE_NOOP(
        "CoreErrors", "{where}{what} {text} is not a known airport (give its ICAO code)."),
    "FLIGHT_UNKNOWN_FIELD": QT_TRANSLATE_NOOP("CoreErrors", "cannot edit {fields} of a flight."),
    "FR24_BAD_ALTITUDE": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: Altitude {row} is not a number."),
    "FR24_BAD_POSITION": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: Position is not \"lat,lon\"."),
    "FR24_MISSING_COLUMNS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} lacks the Flightradar24 column(s) {missing}."),
    "FR24_NO_POINTS": QT_TRANSLATE_NOOP("CoreErrors", "{name} has no track points."),
    "FR24_NO_TIME": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: no readable Timestamp or UTC time."),
    "FR24_POSITION_OFF_GLOBE": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: Position is not a position on the globe."),
    "HEIF_UNAVAILABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "HEIF support (pillow-heif) is not installed"),
    "IMAGE_BOMB": QT_TRANSLATE_NOOP(
        "CoreErrors", "decompression bomb: {pixels} pixels exceeds the limit of {limit}"),
    "IMAGE_CORRUPT": QT_TRANSLATE_NOOP("CoreErrors", "truncated or corrupt image data"),
    "IMAGE_EMPTY": QT_TRANSLATE_NOOP("CoreErrors", "empty file"),
    "IMAGE_IS_DIRECTORY": QT_TRANSLATE_NOOP("CoreErrors", "unreadable: is a directory"),
    # IMAGE_IS_FOLDER: the import's old code for IMAGE_IS_DIRECTORY (reports saved before
    # issue 13 may still carry it)
    "IMAGE_IS_FOLDER": QT_TRANSLATE_NOOP("CoreErrors", "unreadable: is a folder"),
    "IMAGE_NOT_IMAGE": QT_TRANSLATE_NOOP("CoreErrors", "not an image file"),
    "IMAGE_NO_SUCH_FILE": QT_TRANSLATE_NOOP("CoreErrors", "unreadable: no such file"),
    "IMAGE_PERMISSION_DENIED": QT_TRANSLATE_NOOP("CoreErrors", "unreadable: permission denied"),
    "IMAGE_READ_FAILED": QT_TRANSLATE_NOOP("CoreErrors", "cannot be read: {kind}: {detail}"),
    "IMAGE_TOO_LARGE": QT_TRANSLATE_NOOP("CoreErrors", "image too large to decode in memory"),
    "IMAGE_UNREADABLE": QT_TRANSLATE_NOOP("CoreErrors", "unreadable: {detail}"),
    "IMPORT_BAD_JOBS": QT_TRANSLATE_NOOP("CoreErrors", "--jobs must be at least 1"),
    "IMPORT_BAD_MAX_PIXELS": QT_TRANSLATE_NOOP(
        "CoreErrors", "--max-pixels must be a positive number of pixels"),
    "IMPORT_BROKEN_LINK": QT_TRANSLATE_NOOP("CoreErrors", "unreadable: a broken symbolic link"),
    "IMPORT_DEVICE": QT_TRANSLATE_NOOP("CoreErrors", "not a regular file (a device)"),
    "IMPORT_FOLDER_UNLISTABLE": QT_TRANSLATE_NOOP("CoreErrors", "cannot list folder: {reason}"),
    "IMPORT_INSIDE_CASE": QT_TRANSLATE_NOOP("CoreErrors", "inside the case folder: not imported"),
    "IMPORT_INTERNAL_ERROR": QT_TRANSLATE_NOOP("CoreErrors", "internal error: {kind}: {detail}"),
    "IMPORT_NAMED_PIPE": QT_TRANSLATE_NOOP("CoreErrors", "not a regular file (a named pipe)"),
    "IMPORT_NOT_REGULAR": QT_TRANSLATE_NOOP("CoreErrors", "not a regular file"),
    "IMPORT_NO_SUCH_PATH": QT_TRANSLATE_NOOP("CoreErrors", "no such file or folder"),
    "IMPORT_RECORD_FAILED": QT_TRANSLATE_NOOP(
        "CoreErrors", "could not be recorded in the case: {detail}"),
    "IMPORT_SOCKET": QT_TRANSLATE_NOOP("CoreErrors", "not a regular file (a socket)"),
    "JSON_INVALID": QT_TRANSLATE_NOOP("CoreErrors", "{name} is not valid JSON (line {lineno})."),
    "KEY_EXISTS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} already exists; refusing to overwrite a key"),
    "KEY_NOT_ED25519": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} is not an Ed25519 key (make one with `annotator keygen`)"),
    "KEY_NOT_PEM": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} is not an unencrypted PEM private key (make one with `annotator "
        "keygen`)"),
    "KEY_READ_FAILED": QT_TRANSLATE_NOOP(
        "CoreErrors", "cannot read the key file {path}: {strerror}"),
    "KEY_WRITE_FAILED": QT_TRANSLATE_NOOP(
        "CoreErrors", "cannot write the key to {out}: {strerror}"),
    "KML_BAD_COORDINATES": QT_TRANSLATE_NOOP(
        "CoreErrors", "KML point {number}: {coordinates} is not lon,lat[,alt]."),
    "KML_BAD_TIME": QT_TRANSLATE_NOOP(
        "CoreErrors", "KML point {number}: {when} is not an ISO time."),
    "KML_MALFORMED": QT_TRANSLATE_NOOP("CoreErrors", "{name} is not well-formed KML ({exc})."),
    "KML_NO_TRACK": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} holds no timed track points (gx:Track or Placemarks with "
        "TimeStamp and Point)."),
    "KML_POINT_INCOMPLETE": QT_TRANSLATE_NOOP(
        "CoreErrors", "KML point {number} lacks a time or coordinates."),
    "KML_TRACK_MISMATCH": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name}: a gx:Track has {n_whens} times for {n_coords} positions."),
    "LABEL_EMPTY": QT_TRANSLATE_NOOP("CoreErrors", "a label cannot be empty"),
    "LABEL_EXISTS": QT_TRANSLATE_NOOP("CoreErrors", "the label {name} is already in the list"),
    "LABEL_IN_USE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the label {label} is on {used} box(es); relabel them first"),
    "LABEL_LAST": QT_TRANSLATE_NOOP("CoreErrors", "the case needs at least one label"),
    "LABEL_NOT_FOUND": QT_TRANSLATE_NOOP("CoreErrors", "no label {label} in this case"),
    "LABEL_UNKNOWN": QT_TRANSLATE_NOOP("CoreErrors", "no label {old} in this case"),
    "LINK_BAD_RELATION": QT_TRANSLATE_NOOP(
        "CoreErrors", "relation {relation} is not one of {relations}."),
    "LINK_EXISTS": QT_TRANSLATE_NOOP(
        "CoreErrors", "photo {photo} is already linked to flight {flight_id}."),
    "LINK_NOT_FOUND": QT_TRANSLATE_NOOP(
        "CoreErrors", "photo {photo} is not linked to flight {flight_id}."),
    "LINK_PHOTO_NOT_FOUND": QT_TRANSLATE_NOOP("CoreErrors", "no photo {photo} in this case"),
    "OPENSKY_BAD_TIME": QT_TRANSLATE_NOOP(
        "CoreErrors", "record {number}: {name} {value} is not a Unix time."),
    "OPENSKY_NOT_FLIGHT_LIST": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not a list of OpenSky flight records."),
    "OPENSKY_NO_ICAO24": QT_TRANSLATE_NOOP(
        "CoreErrors", "record {number} is not an OpenSky flight (no icao24)."),
    "OPENSKY_STATES_BAD_NUMBER": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: {name} {value} is not a number."),
    "OPENSKY_STATES_BAD_TIME": QT_TRANSLATE_NOOP(
        "CoreErrors", "line {line}: time {value} is not a Unix time."),
    "OPENSKY_STATES_MISSING_COLUMNS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} lacks the OpenSky column(s) {missing}."),
    "OPENSKY_STATES_NO_ICAO24": QT_TRANSLATE_NOOP("CoreErrors", "line {line}: no icao24."),
    "OCR_BAD_BOX": QT_TRANSLATE_NOOP(
        "CoreErrors", "--box must be X,Y,W,H (four numbers), not {text}"),
    "OCR_MODELS_MISSING": QT_TRANSLATE_NOOP(
        "CoreErrors", "the OCR models are missing from {folder}: {missing}"),
    "OCR_UNAVAILABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the OCR engine is not installed ({name}); install annotator's "
        "dependencies again"),
    "PACKET_MISSING": QT_TRANSLATE_NOOP("CoreErrors", "{path}: no such file"),
    "PACKET_NOT_ZIP": QT_TRANSLATE_NOOP("CoreErrors", "{path} is not a readable zip file"),
    "PACKET_NO_SUMS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} has no SHA256SUMS: not an evidence packet"),
    "PACKET_ALREADY_STAMPED": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} is already stamped (SHA256SUMS.tsr exists)"),
    "PACKET_NO_STAMP_REQUEST": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} has no SHA256SUMS.tsq (exported before time stamps): stamp it "
        "with --tsa URL, which makes the request too"),
    "STAMP_REQUEST_UNREADABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "SHA256SUMS.tsq is not a time-stamp request ({reason})"),
    "STAMP_NO_REPLY": QT_TRANSLATE_NOOP("CoreErrors", "give --tsa URL or --reply FILE.tsr"),
    "STAMP_REPLY_REJECTED": QT_TRANSLATE_NOOP(
        "CoreErrors", "the reply does not stamp this packet: {problem}"),
    "STAMP_REPLY_UNREADABLE": QT_TRANSLATE_NOOP("CoreErrors", "{path}: cannot read ({strerror})"),
    "TSA_CERT_UNREADABLE": QT_TRANSLATE_NOOP("CoreErrors", "{path}: cannot read ({strerror})"),
    "TSA_CERT_INVALID": QT_TRANSLATE_NOOP(
        "CoreErrors", "{path} is not a certificate (PEM or DER)"),
    "TSA_URL_INVALID": QT_TRANSLATE_NOOP(
        "CoreErrors", "{url}: a time-stamp authority's address starts with http:// or https://"),
    "TSA_UNREACHABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the time-stamp authority {url} could not be reached ({reason})"),
    "TSA_REPLY_INVALID": QT_TRANSLATE_NOOP(
        "CoreErrors", "{url} answered with more than 1 MB: not a time-stamp reply"),
    "PHOTO_ID_NOT_FOUND": QT_TRANSLATE_NOOP(
        "CoreErrors", "no photo with id {photo_id} in this case"),
    "PHOTO_NOT_IN_CASE": QT_TRANSLATE_NOOP("CoreErrors", "photo {photo_id} is not in this case"),
    "PHOTO_REF_AMBIGUOUS": QT_TRANSLATE_NOOP(
        "CoreErrors", "{ref} names {n_candidates} photos: {shown}; give its id or more of the "
        "SHA-256"),
    "PHOTO_REF_EMPTY": QT_TRANSLATE_NOOP("CoreErrors", "no photo named: the reference is empty"),
    "PHOTO_REF_NO_MATCH": QT_TRANSLATE_NOOP(
        "CoreErrors", "no photo in this case matches {ref} (give its id, a SHA-256 prefix of at "
        "least {min_chars} characters or its file name)"),
    "PHOTO_REF_PREFIX_SHORT": QT_TRANSLATE_NOOP(
        "CoreErrors", "no photo in this case matches {ref} (a SHA-256 prefix needs at least "
        "{min_chars} characters)"),
    "PUBLIC_KEY_NOT_ED25519": QT_TRANSLATE_NOOP(
        "CoreErrors", "{origin} is not an Ed25519 public key"),
    "PUBLIC_KEY_NOT_PEM": QT_TRANSLATE_NOOP("CoreErrors", "{origin} is not a PEM public key"),
    "PUBLIC_KEY_READ_FAILED": QT_TRANSLATE_NOOP(
        "CoreErrors", "cannot read the public key {path}: {strerror}"),
    "AIRCRAFT_TYPE_UNKNOWN": QT_TRANSLATE_NOOP(
        "CoreErrors", "{text} is not an aircraft type of the heights table (known: {known}); "
        "type the height instead"),
    "SHADOW_NOT_A_NUMBER": QT_TRANSLATE_NOOP(
        "CoreErrors", "every point, size, bearing and height must be a finite number"),
    "SHADOW_BAD_SIZE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the ground rectangle's size must be positive (got {length} × {width} m)"),
    "SHADOW_BAD_HEIGHT": QT_TRANSLATE_NOOP(
        "CoreErrors", "the object's height must be positive (got {height} m)"),
    "SHADOW_BAD_PIXEL_ERROR": QT_TRANSLATE_NOOP(
        "CoreErrors", "the pixel error must be between 0 and 50 pixels (got {pixel_error})"),
    "SHADOW_POINT_OUTSIDE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the {what} ({x},{y}) lies outside the {width}×{height} photo "
        "(displayed pixels, after EXIF orientation)"),
    "SHADOW_GROUND_NOT_CONVEX": QT_TRANSLATE_NOOP(
        "CoreErrors", "the four ground corners do not go round a convex quadrilateral: mark "
        "them in order around the rectangle (either way round)"),
    "SHADOW_GROUND_EDGE_ON": QT_TRANSLATE_NOOP(
        "CoreErrors", "the ground rectangle is seen nearly edge-on ({thin_text} px across, "
        "less than {limit_text} px): its corners cannot rectify the ground; mark a rectangle "
        "seen more from above"),
    "SHADOW_TOO_SHORT": QT_TRANSLATE_NOOP(
        "CoreErrors", "the shadow is {px_text} px long, too short for a marking precision of "
        "{pixel_error} px (at least {min_text} px)"),
    "SHADOW_BEYOND_HORIZON": QT_TRANSLATE_NOOP(
        "CoreErrors", "the foot or the shadow's tip lies at or beyond the ground's horizon "
        "line (as the rectangle fixes it): it cannot be on the ground; check the marks"),
    "SHADOW_NEAR_DEGENERATE": QT_TRANSLATE_NOOP(
        "CoreErrors", "the marks are too near a degenerate case: a marking error of "
        "{pixel_error} px turns {share} % of plausible markings into impossible ones "
        "(rectangle edge-on, tip past the horizon); mark a larger rectangle or a shadow "
        "nearer the camera"),
    "SHADOW_TOO_UNCERTAIN": QT_TRANSLATE_NOOP(
        "CoreErrors", "the shadow's direction is known only within ±{err_text}° at a marking "
        "precision of {pixel_error} px: too uncertain to date anything"),
    "SHADOW_BAD_DATE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{text} is not a date: give YYYY-MM-DD, e.g. 2023-10-27"),
    "SHADOW_NO_PLACE": QT_TRANSLATE_NOOP(
        "CoreErrors", "no place to read the shadow at: the photo has no GPS position, claimed "
        "place or linked airport; give --place ICAO or LAT,LON"),
    "SHADOW_NO_DATE": QT_TRANSLATE_NOOP(
        "CoreErrors", "no date to read the shadow on: the photo has no capture time in UTC; "
        "give --date YYYY-MM-DD"),
    "RAW_UNREADABLE": QT_TRANSLATE_NOOP(
        "CoreErrors", "RAW format Pillow cannot decode ({kind}), and no metadata could be read "
        "({detail})"),
    "RAW_UNSUPPORTED": QT_TRANSLATE_NOOP(
        "CoreErrors", "unsupported RAW format ({kind}): its pixels cannot be decoded"),
    "READSB_BAD_ALTITUDE": QT_TRANSLATE_NOOP(
        "CoreErrors", "trace point {number} has an unreadable altitude {alt_raw}."),
    "READSB_BAD_POINT": QT_TRANSLATE_NOOP(
        "CoreErrors", "trace point {number} is not a list of at least 4 values."),
    "READSB_MALFORMED": QT_TRANSLATE_NOOP("CoreErrors", "{name}: timestamp or trace is malformed."),
    "READSB_NOT_TRACE": QT_TRANSLATE_NOOP(
        "CoreErrors", "{name} is not a readsb trace (no trace or timestamp)."),
    "READSB_POINT_NO_TIME": QT_TRANSLATE_NOOP("CoreErrors", "trace point {number} has no time."),
    "READSB_POINT_OFF_GLOBE": QT_TRANSLATE_NOOP(
        "CoreErrors", "trace point {number} has a position off the globe."),
    "REGISTRATION_ENDS_BEFORE_START": QT_TRANSLATE_NOOP(
        "CoreErrors", "the registration ends before it begins."),
    "REGISTRATION_INVALID": QT_TRANSLATE_NOOP("CoreErrors", "{problem}"),
    "SELECTION_EMPTY_TAG": QT_TRANSLATE_NOOP("CoreErrors", "the registration tag is empty"),
    "SELECTION_NO_PHOTOS": QT_TRANSLATE_NOOP("CoreErrors", "the case has no photos to export"),
    "SELECTION_PHOTO_NOT_FOUND": QT_TRANSLATE_NOOP(
        "CoreErrors", "no photo with id {pid} in this case"),
    "SELECTION_TAG_NOT_FOUND": QT_TRANSLATE_NOOP(
        "CoreErrors", "no box in this case is tagged {tag}"),
    "STORE_ALTERED": QT_TRANSLATE_NOOP(
        "CoreErrors", "the case's copy of {name} no longer matches its recorded SHA-256 (the "
        "store was altered); the export was stopped"),
    "TIME_NOT_ISO": QT_TRANSLATE_NOOP(
        "CoreErrors", "the {what} {text} is not an ISO 8601 time (e.g. 2023-10-27T10:40Z)"),
    "TIME_ZONE_MISSING": QT_TRANSLATE_NOOP(
        "CoreErrors", "the {what} {text} has no time zone: add Z or an offset (e.g. "
        "2023-10-29T14:00Z or 2023-10-29T14:00+01:00)"),
    "WORKER_CRASHED": QT_TRANSLATE_NOOP(
        "CoreErrors", "the worker process died while reading this file (a decoder crash or out "
        "of memory)"),
    "WORKER_TIMEOUT": QT_TRANSLATE_NOOP(
        "CoreErrors", "reading this file took more than {seconds} s; its worker was stopped"),
}

# Words the core passes as values (which time, which airport, what was edited), shown
# translated inside the sentence; WORD_PARAMS names the parameters that carry them.
WORD_PARAMS = frozenset({"what", "object_type", "field", "doing"})
WORDS: dict[str, str] = {
    "origin": QT_TRANSLATE_NOOP("CoreErrors", "origin"),
    "destination": QT_TRANSLATE_NOOP("CoreErrors", "destination"),
    "departure": QT_TRANSLATE_NOOP("CoreErrors", "departure"),
    "arrival": QT_TRANSLATE_NOOP("CoreErrors", "arrival"),
    "time": QT_TRANSLATE_NOOP("CoreErrors", "time"),
    "post time": QT_TRANSLATE_NOOP("CoreErrors", "post time"),
    "departure time": QT_TRANSLATE_NOOP("CoreErrors", "departure time"),
    "arrival time": QT_TRANSLATE_NOOP("CoreErrors", "arrival time"),
    "acquisition time": QT_TRANSLATE_NOOP("CoreErrors", "acquisition time"),
    "URL": QT_TRANSLATE_NOOP("CoreErrors", "URL"),
    "archive URL": QT_TRANSLATE_NOOP("CoreErrors", "archive URL"),
    "box": QT_TRANSLATE_NOOP("CoreErrors", "box"),
    "flight": QT_TRANSLATE_NOOP("CoreErrors", "flight"),
    "claim": QT_TRANSLATE_NOOP("CoreErrors", "claim"),
    "acquisition": QT_TRANSLATE_NOOP("CoreErrors", "acquisition"),
    "label": QT_TRANSLATE_NOOP("CoreErrors", "label"),
    "aircraft type": QT_TRANSLATE_NOOP("CoreErrors", "aircraft type"),
    "operator": QT_TRANSLATE_NOOP("CoreErrors", "operator"),
    "registration": QT_TRANSLATE_NOOP("CoreErrors", "registration"),
    # What failed on the case database ("cannot {doing} the case database"): the French
    # carries its own preposition ("d'ouvrir", "de créer").
    "open": QT_TRANSLATE_NOOP("CoreErrors", "open"),
    "create": QT_TRANSLATE_NOOP("CoreErrors", "create"),
}
