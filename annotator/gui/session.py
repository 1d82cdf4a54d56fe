"""The open case as the GUI sees it: the core `Case`, one undo stack, the job runner, and
signals that tell every view what changed.

Widgets never talk to each other about data; they call the core (usually through a
QUndoCommand) and then emit one of these signals, and every view that shows that data
refreshes itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.case.folder import Case
from annotator.gui.background.workers import ImmediatePool, JobRunner


class CaseSession(QObject):
    """One open case in the window."""

    photos_changed = Signal()  # photos were added or their metadata/verdict changed
    photo_selected = Signal(object)  # int photo id, or None
    boxes_changed = Signal(int)  # photo id whose boxes changed
    flights_changed = Signal()
    photo_changed = Signal(int)  # anything else about one photo (claim, source, links)
    status_message = Signal(str)
    flight_selected = Signal(object)  # int flight id, or None (map, flights table, timeline)
    timeline_range = Signal(object, object)  # the timeline's visible (start, end), UTC

    def __init__(self, case: Case, pool: object | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.case = case
        self.undo_stack = QUndoStack(self)
        self.jobs = JobRunner(pool if not isinstance(pool, ImmediatePool) else pool, self)
        # Reads of the database for the views (a photo's boxes, panels): a pool of their own,
        # so a read waiting on an unreachable server holds up neither the GUI thread nor the
        # decoding of pictures. A test's stand-in pool is used as it is.
        self._reads_pool: QThreadPool | None = None
        if pool is not None and not isinstance(pool, QThreadPool):
            self.reads = JobRunner(pool, self)  # type: ignore[arg-type]
        else:
            self._reads_pool = QThreadPool(self)
            self._reads_pool.setMaxThreadCount(2)
            self.reads = JobRunner(self._reads_pool, self)
        self.current_photo_id: int | None = None
        self.current_flight_id: int | None = None
        self.timeline_span: tuple[object, object] | None = None  # (start, end) in view
        # Set by the main window: the photo next to `photo_id` in the browser's order.
        self.neighbour = lambda photo_id, step: None
        # An edit met someone else's newer save: show both values, return "mine" or
        # "theirs" (tests swap in their own answer or drive the dialog).
        self.resolve_conflict = self._ask_conflict
        # (kind, id) → the version our own last save left ("box", box id; "claim", photo id):
        # what an undo/redo must still find stored, or someone else changed it meanwhile.
        self.known_versions: dict[tuple[str, int], int] = {}
        # The one writer: every edit is saved there, in order, off the GUI thread (at once on
        # the calling thread with a test's ImmediatePool); edits the server cannot take yet
        # wait there, shown as pending, and are retried.
        from annotator.gui.undo.pending import PendingEdits

        immediate = isinstance(pool, ImmediatePool)
        self.pending = PendingEdits(self, threaded=not immediate)
        # Packet pictures rendered in the background after edits, so exports only pack them.
        from annotator.gui.background.picture_preparer import PicturePreparer

        self.pictures = PicturePreparer(self)
        # A team case (PostgreSQL): the team's changes refresh the views as they happen.
        self.live = None
        if getattr(case, "is_postgresql", False):
            from annotator.gui.background.live_updates import LiveUpdates

            self.live = LiveUpdates(self)
            self.live.start()

    def _ask_conflict(self, conflict: object) -> str:
        from PySide6.QtWidgets import QApplication

        from annotator.gui.dialogs import conflict_dialog

        return conflict_dialog.ask(conflict, QApplication.activeWindow())  # type: ignore[arg-type]

    def select_photo(self, photo_id: int | None) -> None:
        self.current_photo_id = photo_id
        self.photo_selected.emit(photo_id)

    def select_flight(self, flight_id: int | None) -> None:
        """Make `flight_id` the selected flight everywhere (the map, the flights table, the
        timeline); said once, so views that answer by selecting it too do not loop."""
        if flight_id == self.current_flight_id:
            return
        self.current_flight_id = flight_id
        self.flight_selected.emit(flight_id)

    def set_timeline_range(self, start: object, end: object) -> None:
        """The timeline shows `start`…`end` now (the map can follow it)."""
        if self.timeline_span == (start, end):
            return
        self.timeline_span = (start, end)
        self.timeline_range.emit(start, end)

    def close(self) -> None:
        self.pending.stop()
        self.pictures.stop()
        if self.live is not None:
            self.live.stop()
        self.jobs.wait(5000)
        if self._reads_pool is not None:
            self._reads_pool.clear()  # reads not started are not needed any more
        self.reads.wait(8000)
        self.undo_stack.clear()
        self.case.close()
