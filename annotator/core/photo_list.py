"""The list of photos the browser shows: which photos match a filter, in which order, and the
few fields each row shows. Qt-free, so it is tested and benchmarked without a display; the
GUI calls the case-level functions (`photo_ids`, `photo_rows`, `photo_filters`,
`photo_copies`, `photo_count`) and never runs a query itself.

The browser keeps only the ordered list of ids (an int each: 10 000 photos are ~80 kB) and
asks for row data a page at a time, as the view scrolls. Filters run in SQL because they
reach into other tables (boxes for registration and label, flight links), which a Qt filter
proxy over the loaded rows could not see without loading every row first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Table, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from annotator.core.bulk_read import all_scalars
from annotator.core.history.case_copies import all_copies
from annotator.core.models import Base, Box, CaseRow, Photo
from annotator.core.timeutil import as_utc

if TYPE_CHECKING:
    from annotator.core.case import Case

SORT_CAPTURE = "capture"
SORT_IMPORT = "import"
NO_VERDICT = "(none)"


@dataclass(frozen=True)
class PhotoFilter:
    """What the investigator asked to see. Empty fields do not filter."""

    registration: str = ""  # substring of a box registration, case- and dash-insensitive
    label: str = ""  # exact box label
    capture_date: date | None = None  # local capture date (DateTimeOriginal)
    verdict: str = ""  # photo.date_verdict, or NO_VERDICT for photos without one
    flight: str = ""  # linked flight's id or callsign (only when flight links exist)
    sort: str = SORT_CAPTURE
    only: tuple[int, ...] = ()  # only these photos (the copies of one picture)

    def is_empty(self) -> bool:
        return not (self.registration or self.label or self.capture_date or self.verdict
                    or self.flight or self.only)


@dataclass(frozen=True)
class PhotoRow:
    """What one browser row shows."""

    id: int
    sha256: str
    name: str
    capture_local: str | None
    verdict: str | None
    has_thumbnail: bool
    registrations: tuple[str, ...] = field(default_factory=tuple)
    capture_utc: datetime | None = None  # None: the camera's clock only, its zone unknown


@dataclass(frozen=True)
class CopyBadge:
    """A photo that has copies in the case, as the browser marks it (`annotator similar`'s
    groups: `case_copies.copies_json`)."""

    group: tuple[int, ...]  # the ids of the photos of its group, itself included
    best: bool  # it is the best copy available (the most pixels, the least re-encoded)
    best_id: int


def _compact(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def flight_link_table() -> tuple[Table, Table] | None:
    """The (photo ↔ flight link, flight) tables when the flights schema is present."""
    tables = Base.metadata.tables
    flight = tables.get("flight")
    if flight is None:
        return None
    for table in tables.values():
        targets = {fk.column.table.name for fk in table.foreign_keys}
        if {"photo", "flight"} <= targets and table.name not in ("photo", "flight"):
            return table, flight
    return None


def _link_column(link: Table, target: str):  # type: ignore[no-untyped-def]
    for fk in link.foreign_keys:
        if fk.column.table.name == target:
            return fk.parent
    raise LookupError(target)


def matching_ids(session: Session, flt: PhotoFilter) -> list[int]:
    """Ids of the photos that pass `flt`, in its order."""
    stmt = select(Photo.id)
    if flt.only:
        stmt = stmt.where(Photo.id.in_(flt.only))
    if flt.registration.strip():
        needle = _compact(flt.registration)
        compact_reg = func.upper(func.replace(func.replace(Box.registration, "-", ""), " ", ""))
        stmt = stmt.where(Photo.id.in_(
            select(Box.photo_id).where(compact_reg.contains(needle, autoescape=True))))
    if flt.label:
        stmt = stmt.where(Photo.id.in_(select(Box.photo_id).where(Box.label == flt.label)))
    if flt.capture_date is not None:
        stmt = stmt.where(Photo.capture_local.startswith(flt.capture_date.isoformat()))
    if flt.verdict == NO_VERDICT:
        stmt = stmt.where(Photo.date_verdict.is_(None))
    elif flt.verdict:
        stmt = stmt.where(Photo.date_verdict == flt.verdict)
    if flt.flight.strip():
        tables = flight_link_table()
        if tables is not None:
            link, flight = tables
            wanted = flt.flight.strip()
            conditions = [flight.c.id == int(wanted)] if wanted.isdigit() else []
            if "callsign" in flight.c:
                conditions.append(func.upper(flight.c.callsign) == wanted.upper())
            flight_ids = select(flight.c.id).where(or_(false(), *conditions))
            stmt = stmt.where(Photo.id.in_(
                select(_link_column(link, "photo")).where(
                    _link_column(link, "flight").in_(flight_ids))))
    if flt.sort == SORT_IMPORT:
        stmt = stmt.order_by(Photo.id)
    else:
        # Photos with a UTC capture time first (in that order), then those with only a local
        # time, then those with no date at all: NULLs never jump to the top.
        no_utc = case((Photo.capture_utc.is_(None), 1), else_=0)
        no_local = case((Photo.capture_local.is_(None), 1), else_=0)
        stmt = stmt.order_by(no_utc, Photo.capture_utc, no_local, Photo.capture_local, Photo.id)
    return all_scalars(session, stmt)


def rows_for(session: Session, ids: list[int]) -> dict[int, PhotoRow]:
    """Row data for `ids` (one page), with each photo's distinct box registrations."""
    if not ids:
        return {}
    photos = session.execute(
        select(Photo.id, Photo.sha256, Photo.original_name, Photo.capture_local,
               Photo.date_verdict, Photo.has_thumbnail, Photo.capture_utc)
        .where(Photo.id.in_(ids))
    ).all()
    regs: dict[int, list[str]] = {}
    for photo_id, reg in session.execute(
        select(Box.photo_id, Box.registration)
        .where(and_(Box.photo_id.in_(ids), Box.registration.is_not(None)))
        .distinct().order_by(Box.photo_id, Box.registration)
    ):
        if reg:
            regs.setdefault(photo_id, []).append(reg)
    return {
        pid: PhotoRow(pid, sha, name, local, verdict, bool(thumb), tuple(regs.get(pid, ())),
                      as_utc(utc))
        for pid, sha, name, local, verdict, thumb, utc in photos
    }


def filter_choices(session: Session) -> tuple[list[str], list[str]]:
    """The labels used on boxes (plus the case's label list) and the verdicts present."""
    labels = set(session.execute(select(Box.label).distinct()).scalars())
    for record_labels in session.execute(select(CaseRow.labels)).scalars():
        labels.update(str(label) for label in (record_labels or []))
    verdicts = [str(v) for v in session.execute(
        select(Photo.date_verdict).distinct().where(Photo.date_verdict.is_not(None))
        .order_by(Photo.date_verdict)).scalars()]
    return sorted(labels), verdicts


# -- what the GUI calls: one read transaction each ---------------------------------------

def photo_ids(case: Case, flt: PhotoFilter) -> tuple[list[int], int]:
    """The ids of the photos passing `flt`, in its order, and how many the case holds."""
    with case.reading() as session:
        return matching_ids(session, flt), photo_count_in(session)


def photo_rows(case: Case, ids: list[int]) -> dict[int, PhotoRow]:
    with case.reading() as session:
        return rows_for(session, ids)


def photo_filters(case: Case) -> tuple[list[str], list[str]]:
    """The labels and verdicts present in the case (the filter bar's choices)."""
    with case.reading() as session:
        return filter_choices(session)


def photo_copies(case: Case) -> dict[int, CopyBadge]:
    """Every photo that has copies in the case, with its group (for a worker thread: the
    first call in a process reads every photo's stored hashes)."""
    with case.reading() as session:
        return {pid: CopyBadge(tuple(m["id"] for m in c["photos"]), c["best"],
                               c["best_copy"]["id"])
                for pid, c in all_copies(session).items()}


def photo_count_in(session: Session) -> int:
    return session.execute(select(func.count(Photo.id))).scalar_one()


def photo_count(case: Case) -> int:
    with case.reading() as session:
        return photo_count_in(session)
