"""Other investigators' changes appear without reopening the case (PostgreSQL cases).

A thread listens (`annotator.core.case.live.ChangeListener`, its own connection) and hands each
batch of changes to the GUI thread by a queued signal; there they become the session's usual
signals (`photos_changed`, `boxes_changed`, `photo_changed`, `flights_changed`), so every
view refreshes exactly as after a local edit. This window's own changes are skipped (its
views were refreshed already). A lost connection is retried with backoff, and said on
`connection_changed(bool)`.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.case import DATABASE_ERRORS
from annotator.core.case.live import Change, ChangeListener
from annotator.core.photos import photo_ids_by_sha256

_WAIT_S = 0.5
_BACKOFF_S = (0.5, 1, 2, 5, 10)
_FLIGHT_TYPES = {"flight", "aircraft", "link", "photo_flight_link"}


class _ListenThread(QThread):
    batch = Signal(list, dict)  # the changes, and the photo ids of their photos' SHA-256
    connection_changed = Signal(bool)

    def __init__(self, case: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.listener = ChangeListener(case)
        self.stopping = threading.Event()

    def run(self) -> None:
        failures = 0
        online: bool | None = None
        while not self.stopping.is_set():
            try:
                changes = self.listener.wait(_WAIT_S)
            except Exception:  # noqa: BLE001 - any database failure: retry, never die
                self.listener.close()
                if online is not False:
                    online = False
                    self.connection_changed.emit(False)
                self.stopping.wait(_BACKOFF_S[min(failures, len(_BACKOFF_S) - 1)])
                failures += 1
                continue
            failures = 0
            if online is not True:
                online = True
                self.connection_changed.emit(True)
            if changes:
                self.batch.emit(changes, self._photo_ids(changes))
        self.listener.close()

    def _photo_ids(self, changes: list[Change]) -> dict[str, int]:
        """Read here, on the listening thread: the GUI thread never waits on the server."""
        shas = {c.photo_sha256 for c in changes if c.photo_sha256}
        if not shas:
            return {}
        try:
            return photo_ids_by_sha256(self.case, shas)
        except DATABASE_ERRORS:
            return {}  # the server went away meanwhile: refresh what needs no photo id


class LiveUpdates(QObject):
    """Turns the team's committed changes into the session's refresh signals."""

    connection_changed = Signal(bool)

    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self.session = session
        self._thread = _ListenThread(session.case, self)
        self._thread.batch.connect(self.apply)
        self._thread.connection_changed.connect(self.connection_changed)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped = True  # batches already queued for the GUI thread are dropped
        self._thread.stopping.set()
        self._thread.wait(5000)

    _stopped = False

    def apply(self, changes: list[Change], ids: dict[str, int]) -> None:
        """Emit one refresh per kind of data the batch touched (not one per change);
        `ids`: photo id by SHA-256, read by the listening thread."""
        if self._stopped:
            return
        own = self.session.case.instance_id
        theirs = [c for c in changes if c.origin != own]
        if not theirs:
            return
        box_photos: set[int] = set()
        changed_photos: set[int] = set()
        photos = flights = labels = False
        for c in theirs:
            photo_id = ids.get(c.photo_sha256 or "")
            if c.object_type == "box" and photo_id is not None:
                box_photos.add(photo_id)
            elif c.object_type in _FLIGHT_TYPES or c.action.startswith(("flight.", "link.")):
                flights = True
            elif c.object_type == "case":
                labels = True
            if c.object_type in ("photo", "claim", "acquisition") or c.action.startswith(
                    ("photo.", "claim.", "acquisition.")):
                photos = True
                if photo_id is not None:
                    changed_photos.add(photo_id)
        if photos:
            self.session.photos_changed.emit()
        for photo_id in sorted(changed_photos):
            self.session.photo_changed.emit(photo_id)
        current = self.session.current_photo_id
        if labels and current is not None:
            box_photos.add(current)  # the label list is shown with the current photo's boxes
        for photo_id in sorted(box_photos):
            self.session.boxes_changed.emit(photo_id)
        if flights:
            self.session.flights_changed.emit()
