"""Reading flight sources: one module per file format, one entry point (`import_file`).

Every importer turns bytes into `FlightDraft`s (tracks go through leg derivation first) and
raises InputRejected naming the line or point that is broken; `import_file` then stores all
drafts in one transaction, so a broken file leaves nothing behind. The source reference is
the file name plus the SHA-256 of the file exactly as given (before any gunzip).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.registry import READERS
from annotator.core.flights.importers.source import (
    FORMATS,
    ImportOverrides,
    ImportReport,
    SourceFile,
    detect_format,
    read_source,
)
from annotator.core.flights.records import FlightDraft, checked, store_flight
from annotator.core.models import Flight

if TYPE_CHECKING:
    from annotator.core.case import Case

__all__ = ["FORMATS", "ImportOverrides", "ImportReport", "SourceFile", "detect_format",
           "import_file", "parse_file", "read_source"]


def parse_file(
    path: Path, fmt: str = "auto", overrides: ImportOverrides | None = None
) -> tuple[str, SourceFile, list[FlightDraft]]:
    """Read and check a file without storing anything: (format, source, drafts)."""
    if fmt != "auto" and fmt not in FORMATS:
        raise InputRejected(f"unknown format {fmt!r}; use one of auto, {', '.join(FORMATS)}.",
                            code="FLIGHT_FORMAT_UNKNOWN", fmt=f"{fmt!r}",
                            formats=', '.join(FORMATS))
    overrides = overrides or ImportOverrides()
    source = read_source(path)
    fmt = detect_format(source) if fmt == "auto" else fmt
    drafts = READERS[fmt](source, overrides)
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
