"""QUndoCommands for flights and photo ↔ flight links; each applies and reverts through the
core (`annotator.core.flights`), so an undo is saved and audited like any edit.

As with box commands: values are recorded, never widget state; a refused or failed call is
reported on `session.status_message`, the command marks itself obsolete (the stack drops it
rather than show an edit that was not saved), and the views reload from the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import EditConflict
from annotator.core.flights import links, records
from annotator.core.flights.records import FlightDraft
from annotator.gui.undo.saving import SavingCommand


class FlightCommand(SavingCommand):
    """An edit of flights or photo links: after it, the flight views (and the photo) reload."""

    def __init__(self, session: Any, text: str, photo_id: int | None = None) -> None:
        super().__init__(session, text)
        self.photo_id = photo_id

    def tell_views(self) -> None:
        self.session.flights_changed.emit()
        if self.photo_id is not None:
            self.session.photo_changed.emit(self.photo_id)


class AddFlightsCommand(FlightCommand):
    """Add flights (typed, or imported: then `flight_ids` are already stored and the first
    redo does nothing). Undo deletes them; redo stores them again."""

    def __init__(self, session: Any, drafts: list[FlightDraft], text: str,
                 flight_ids: list[int] | None = None) -> None:
        super().__init__(session, text)
        self.drafts = list(drafts)
        self.flight_ids = list(flight_ids or [])
        self._stored = bool(flight_ids)
        self.links: list[tuple[int, int, str, str | None]] = []

    def apply(self) -> None:
        if self._stored:
            self._stored = False
            return
        self.flight_ids = records.add_flights(self.session.case, self.drafts,
                                              strict_registration=False)
        # Links made after the flights were added come back with them.
        for index, photo_id, relation, note in self.links:
            links.link_photo(self.session.case, photo_id, self.flight_ids[index], relation, note)

    def revert(self) -> None:
        self.links = []
        with self.session.case.reading() as s:
            for index, flight_id in enumerate(self.flight_ids):
                for photo in links.photos_for_flight(s, flight_id):
                    link = next(item for item in links.links_for_photo(s, photo.id)
                                if item.flight.id == flight_id)
                    self.links.append((index, photo.id, link.relation, link.note))
        self.drafts = [records.delete_flight(self.session.case, i) for i in self.flight_ids]


class EditFlightCommand(FlightCommand):
    """Change fields of one flight; undo puts back what the core says was stored before.

    `version` is the version the investigator edited: if someone else saved the flight
    meanwhile, the core refuses and the user sees both values (nothing is overwritten unseen).
    """

    def __init__(self, session: Any, flight_id: int, changes: dict[str, Any],
                 version: int | None = None) -> None:
        super().__init__(session, QCoreApplication.translate(
            "FlightCommands", "Edit flight {0}").format(flight_id))
        self.flight_id = flight_id
        self.changes = dict(changes)
        self.before: dict[str, Any] = {}
        self.expected = version  # what the next apply/revert must find stored

    def take_fresh_version(self, conflict: EditConflict) -> None:
        self.expected = conflict.current_version

    def _stored_version(self) -> int:
        with self.session.case.reading() as s:
            return records.get_flight(s, self.flight_id).version

    def apply(self) -> None:
        self.before = records.edit_flight(self.session.case, self.flight_id, self.changes,
                                          expected_version=self.expected)
        self.expected = self._stored_version()

    def revert(self) -> None:
        if self.before:
            records.edit_flight(self.session.case, self.flight_id, self.before,
                                expected_version=self.expected)
            self.expected = self._stored_version()


class LinkCommand(FlightCommand):
    """Link a photo to a flight; undo unlinks."""

    def __init__(self, session: Any, photo_id: int, flight_id: int, relation: str,
                 note: str | None = None) -> None:
        super().__init__(session, QCoreApplication.translate(
            "FlightCommands", "Link photo to flight {0}").format(flight_id), photo_id)
        self.flight_id, self.relation, self.note = flight_id, relation, note

    def apply(self) -> None:
        assert self.photo_id is not None
        links.link_photo(self.session.case, self.photo_id, self.flight_id, self.relation,
                         self.note)

    def revert(self) -> None:
        assert self.photo_id is not None
        links.unlink_photo(self.session.case, self.photo_id, self.flight_id)


class UnlinkCommand(FlightCommand):
    """Remove a link; undo restores it with its relation and note."""

    def __init__(self, session: Any, photo_id: int, flight_id: int) -> None:
        super().__init__(session, QCoreApplication.translate(
            "FlightCommands", "Unlink photo from flight {0}").format(flight_id), photo_id)
        self.flight_id = flight_id
        self.removed: links.LinkValue | None = None

    def apply(self) -> None:
        assert self.photo_id is not None
        self.removed = links.unlink_photo(self.session.case, self.photo_id, self.flight_id)

    def revert(self) -> None:
        assert self.photo_id is not None and self.removed is not None
        links.link_photo(self.session.case, self.photo_id, self.flight_id,
                         self.removed.relation, self.removed.note)


class DeleteFlightsCommand(AddFlightsCommand):
    """Delete flights; undo stores them again (new ids) with the photo links they had."""

    def __init__(self, session: Any, flight_ids: list[int]) -> None:
        super().__init__(session, [], QCoreApplication.translate("FlightCommands", "Delete flight")
                         if len(flight_ids) == 1
                         else QCoreApplication.translate("FlightCommands", "Delete flights"))
        self.flight_ids = list(flight_ids)

    def apply(self) -> None:
        AddFlightsCommand.revert(self)

    def revert(self) -> None:
        AddFlightsCommand.apply(self)
