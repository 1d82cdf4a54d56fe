"""Reading flight sources: one module per file format, one entry point (`import_file`).

Every importer turns bytes into `FlightDraft`s (tracks go through leg derivation first) and
raises InputRejected naming the line or point that is broken; `import_file` then stores all
drafts in one transaction, so a broken file leaves nothing behind. The source reference is
the file name plus the SHA-256 of the file exactly as given (before any gunzip).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import InputRejected

if TYPE_CHECKING:
    from annotator.core.case import Case
    from annotator.core.flights.records import FlightDraft

FORMATS = ("csv", "readsb", "fr24", "kml", "opensky", "opensky-states")


@dataclass(frozen=True)
class SourceFile:
    """An input file: its name, its SHA-256 as given, and its text (gunzipped if needed)."""

    name: str
    sha256: str
    data: bytes

    def text(self) -> str:
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputRejected(f"{self.name} is not UTF-8 text (byte {exc.start}).",
                                code="FLIGHT_FILE_NOT_UTF8", name=self.name,
                                start=exc.start) from exc

    def json(self) -> Any:
        """The file parsed as JSON; a syntax error names the line."""
        try:
            return json.loads(self.text())
        except json.JSONDecodeError as exc:
            raise InputRejected(f"{self.name} is not valid JSON (line {exc.lineno}).",
                                code="JSON_INVALID", name=self.name, lineno=exc.lineno) from exc


@dataclass(frozen=True)
class ImportOverrides:
    """What the user knows that a file may not say (KML tracks rarely name the aircraft)."""

    registration: str | None = None
    icao24: str | None = None
    callsign: str | None = None
    grade: str | None = None


@dataclass
class ImportReport:
    format: str
    source: SourceFile
    flight_ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_source(path: Path) -> SourceFile:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputRejected(f"cannot read {path}: {exc.strerror}.",
                            code="FLIGHT_FILE_UNREADABLE", path=path,
                            strerror=exc.strerror) from exc
    data = raw
    if raw[:2] == b"\x1f\x8b":  # gzip whatever the file is called (readsb traces often are)
        try:
            data = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputRejected(f"{Path(path).name} is a damaged gzip file.",
                                code="FLIGHT_FILE_BAD_GZIP", name=Path(path).name) from exc
    return SourceFile(Path(path).name, hashlib.sha256(raw).hexdigest(), data)


def detect_format(source: SourceFile) -> str:
    """Tell the format from the content (the name is not trusted)."""
    head = source.data[:4096].lstrip().decode("utf-8-sig", errors="replace").lstrip("\ufeff")
    if head.startswith("{"):
        return "readsb"
    if head.startswith("["):
        return "opensky"
    if head.startswith("<"):
        return "kml"
    first = head.splitlines()[0].lower() if head else ""
    columns = {c.strip().strip('"') for c in first.split(",")}
    if {"timestamp", "position"} <= columns:
        return "fr24"
    if {"time", "icao24", "lat", "lon"} <= columns:
        return "opensky-states"
    if columns & {"registration", "departure_utc", "icao24", "callsign"}:
        return "csv"
    raise InputRejected(f"cannot tell the format of {source.name}; give --format.",
                        code="FLIGHT_FORMAT_UNDETECTED", name=source.name)


def _reader(fmt: str) -> Callable[[SourceFile, ImportOverrides], list[FlightDraft]]:
    from annotator.core.flights.importers import (
        flights_csv,
        fr24,
        kml,
        opensky,
        opensky_states,
        readsb,
    )

    return {
        "csv": flights_csv.read,
        "readsb": readsb.read,
        "fr24": fr24.read,
        "kml": kml.read,
        "opensky": opensky.read,
        "opensky-states": opensky_states.read,
    }[fmt]


def parse_file(
    path: Path, fmt: str = "auto", overrides: ImportOverrides | None = None
) -> tuple[str, SourceFile, list[FlightDraft]]:
    """Read and check a file without storing anything: (format, source, drafts)."""
    from dataclasses import replace

    from annotator.core.flights.records import checked

    if fmt != "auto" and fmt not in FORMATS:
        raise InputRejected(f"unknown format {fmt!r}; use one of auto, {', '.join(FORMATS)}.",
                            code="FLIGHT_FORMAT_UNKNOWN", fmt=f"{fmt!r}",
                            formats=', '.join(FORMATS))
    overrides = overrides or ImportOverrides()
    source = read_source(path)
    fmt = detect_format(source) if fmt == "auto" else fmt
    drafts = _reader(fmt)(source, overrides)
    ready = []
    for number, draft in enumerate(drafts, 1):
        draft = replace(draft, source_ref=draft.source_ref or source.name,
                        source_sha256=source.sha256,
                        source_grade=overrides.grade or draft.source_grade)
        ready.append(checked(draft, where=f"{source.name} flight {number}: ",
                             strict_registration=False))
    return fmt, source, ready


def import_file(case: Case, path: Path, fmt: str = "auto",
                overrides: ImportOverrides | None = None,
                progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Import every flight in a file, all or nothing; refuse a file imported before."""
    from sqlalchemy import select

    from annotator.core.flights.records import store_flight
    from annotator.core.models import Flight

    fmt, source, drafts = parse_file(path, fmt, overrides)
    report = ImportReport(fmt, source)
    if not drafts:
        raise InputRejected(f"{source.name} holds no flight (a track only on the ground shows "
                            "none).", code="FLIGHT_FILE_NO_FLIGHT", name=source.name)
    with case.writing() as session:
        seen = session.execute(
            select(Flight.id).where(Flight.source_sha256 == source.sha256).limit(1)
        ).first()
        if seen is not None:
            raise InputRejected(f"{source.name} was imported already (flight {seen[0]} has the "
                                "same SHA-256).",
                                code="FLIGHT_FILE_DUPLICATE", name=source.name, seen=seen[0])
        for i, draft in enumerate(drafts, 1):
            flight = store_flight(case, session, draft, action="flight.import",
                                  details={"format": fmt, "file": source.name})
            report.flight_ids.append(flight.id)
            if progress:
                progress(i, len(drafts))
    return report
