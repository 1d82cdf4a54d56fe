"""Illustrative flight records of 5U-MBH for the demo case (not real movements).

Niamey → Bamako, Bamako → Gao, Gao → Tessalit, Tessalit → Niamey, placed around the demo
photos' capture times (26–30 Oct 2023) so suggestions have something to rank; every record is
source kind `manual` with the note "illustrative".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from annotator.core.flights.links import link_photo
from annotator.core.flights.records import FlightDraft, add_flights

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

NOTE = "illustrative: demo record, not a real movement"
LEGS = (
    ("DRRN", "GABS", datetime(2023, 10, 26, 13, 30, tzinfo=UTC),
     datetime(2023, 10, 26, 16, 5, tzinfo=UTC)),
    ("GABS", "GAGO", datetime(2023, 10, 27, 10, 40, tzinfo=UTC),
     datetime(2023, 10, 27, 12, 45, tzinfo=UTC)),
    ("GAGO", "GATS", datetime(2023, 10, 28, 15, 0, tzinfo=UTC),
     datetime(2023, 10, 28, 16, 20, tzinfo=UTC)),
    ("GATS", "DRRN", datetime(2023, 10, 30, 12, 50, tzinfo=UTC),
     datetime(2023, 10, 30, 15, 10, tzinfo=UTC)),
)


def demo_flights(case: Case, photo_ids: dict[str, int] | None = None) -> list[int]:
    """Add the demo flights (and link the first Bamako photo to its departure); return ids."""
    drafts = [FlightDraft(registration="5U-MBH", icao24="062a1b", callsign="5UMBH",
                          origin=origin, destination=dest, departure_utc=dep, arrival_utc=arr,
                          source_kind="manual", source_ref="demo", notes=NOTE,
                          aircraft_type="C130")
              for origin, dest, dep, arr in LEGS]
    ids = add_flights(case, drafts)
    if photo_ids and "bamako-01.jpg" in photo_ids:
        link_photo(case, photo_ids["bamako-01.jpg"], ids[1], "before_departure",
                   "illustrative: the aircraft on the ramp before its departure to Gao")
    return ids
