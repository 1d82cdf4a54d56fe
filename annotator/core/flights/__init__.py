"""Flights and where the aircraft was: flight records and airframes (`records`, `aircraft`),
importers (one module per file format, behind `importers.import_file`), take-offs and
landings derived from tracks (`legs`), their times as bounded intervals and the one account
of where an aircraft was at an instant (`times`), photo ↔ flight links (`links`), ranked
suggestions (`suggest`) and what the timeline draws (`timeline`). Qt-free like the rest of the
core.

Its public modules are named in `__all__` (import them as `annotator.core.flights.<module>`;
the package imports none of them itself, so that the dating check can read `times` without
loading the records).
"""

__all__ = [
    "aircraft",
    "importers",
    "legs",
    "links",
    "records",
    "suggest",
    "timeline",
    "times",
]
