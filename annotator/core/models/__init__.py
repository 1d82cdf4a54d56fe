"""The case schema as SQLAlchemy 2 typed ORM classes.

One module per area; each is imported here so `Base.metadata` knows every table.
A change to any table needs an Alembic migration in `annotator/core/migrations/versions`.
"""

from annotator.core.models.base import Base, UTCDateTime
from annotator.core.models.boxes import Box
from annotator.core.models.case import AuditEvent, CaseRow, Photo, PhotoSource
from annotator.core.models.dating import Acquisition, DateCheck, PhotoClaim
from annotator.core.models.flights import Aircraft, AircraftRegistration, Flight, PhotoFlightLink
from annotator.core.models.shadows import PhotoShadow

__all__ = [
    "Aircraft", "AircraftRegistration", "Flight", "PhotoFlightLink",
    "Acquisition", "DateCheck", "PhotoClaim", "PhotoShadow",
    "AuditEvent", "Base", "Box", "CaseRow", "Photo", "PhotoSource", "UTCDateTime"]
