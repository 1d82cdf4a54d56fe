"""A flight source file as read (name, SHA-256 of the bytes as given, gunzipped content), what
the user adds to it (`ImportOverrides`), and telling its format from its content."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputRejected

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
