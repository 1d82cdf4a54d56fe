"""The main window: menus, docks and wiring around one open case. Little logic of its own.

Browser on the left, the canvas in the middle, the Annotations, Metadata, Provenance and
Undo history docks on the right; the Map and Routes docks at the bottom (View → Map). Files
and folders dropped on the window are imported.
Case-level actions (new, open, demo, close) are asked of the app controller through signals,
so this window never opens another window itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QTabBar,
    QUndoView,
    QWidget,
)

from annotator.gui.browser.view import PhotoBrowser
from annotator.gui.gui_settings import gui_settings
from annotator.gui.i18n import integer
from annotator.gui.panels.history import HistoryPanel
from annotator.gui.panels.map_panel import MapPanel, RoutesPanel
from annotator.gui.panels.metadata import MetadataPanel
from annotator.gui.panels.provenance import ProvenancePanel
from annotator.gui.session import CaseSession
from annotator.gui.shortcuts import name_action
from annotator.gui.windows.field_undo import FieldUndoFilter

STATE_VERSION = 1
MAP_SHARE = 0.38  # of the window's height, for a map dock shown from View → Map


def _canvas_classes():  # type: ignore[no-untyped-def]
    """The canvas and Annotations panel (issue 3, canvas side). Missing ones fail loudly."""
    from annotator.gui.canvas import PhotoCanvas
    from annotator.gui.panels.annotations import AnnotationsPanel

    return PhotoCanvas, AnnotationsPanel


class MainWindow(QMainWindow):
    """One case open for annotation."""

    new_case_requested = Signal()
    open_case_requested = Signal()
    open_path_requested = Signal(object)  # Path
    demo_requested = Signal()
    close_case_requested = Signal()
    closed = Signal()

    def __init__(self, session: CaseSession, recent: list[str] | None = None,
                 import_jobs: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.import_jobs = import_jobs
        self.import_dialog = None
        self._closing_for_case = False
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("{name} — annotator").format(name=session.case.name))
        self.setAcceptDrops(True)

        photo_canvas, annotations_panel = _canvas_classes()
        self.canvas = photo_canvas(session, self)
        self.setCentralWidget(self.canvas)
        self.browser = PhotoBrowser(session)
        self.annotations = annotations_panel(session, self.canvas)
        self.metadata = MetadataPanel(session)
        self.provenance = ProvenancePanel(session)
        self.undo_view = QUndoView(session.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("<opened case>"))

        area = Qt.DockWidgetArea
        self.browser_dock = self._dock("browser", self.tr("Photos"), self.browser,
                                       area.LeftDockWidgetArea)
        self.annotations_dock = self._dock("annotations", self.tr("Annotations"),
                                           self.annotations, area.RightDockWidgetArea)
        self.metadata_dock = self._dock("metadata", self.tr("Metadata"), self.metadata,
                                        area.RightDockWidgetArea)
        self.provenance_dock = self._dock("provenance", self.tr("Provenance"), self.provenance,
                                          area.RightDockWidgetArea)
        from annotator.gui.panels.capture_date import CaptureDatePanel

        self.capture_date = CaptureDatePanel(session)
        self.capture_date_dock = self._dock("capture-date", self.tr("Capture date"),
                                            self.capture_date, area.RightDockWidgetArea)
        self.tabify(self.metadata_dock, self.capture_date_dock)
        self.history = HistoryPanel(session, self.canvas)
        self.history_dock = self._dock("history", self.tr("History"), self.history,
                                       area.RightDockWidgetArea)
        self.tabify(self.capture_date_dock, self.history_dock)
        self.undo_dock = self._dock("undo", self.tr("Undo history"), self.undo_view,
                                    area.RightDockWidgetArea)
        self.tabify(self.metadata_dock, self.provenance_dock)
        # Beside Annotations (and Flights): five tabs under Metadata do not fit the dock's
        # width, and a tab scrolled out of sight is as hidden as a cut one.
        self.tabify(self.annotations_dock, self.undo_dock)
        self.metadata_dock.raise_()
        self.annotations_dock.raise_()
        # The map and its routes table: shown from View → Map (hidden until then).
        self.map_panel = MapPanel(session)
        self.map_dock = self._dock("map", self.tr("Map"), self.map_panel,
                                   area.BottomDockWidgetArea)
        self.routes_panel = RoutesPanel(self.map_panel.routes_model)
        self.routes_dock = self._dock("routes", self.tr("Routes"), self.routes_panel,
                                      area.BottomDockWidgetArea)
        self.tabify(self.map_dock, self.routes_dock)
        self.map_dock.hide()
        self.routes_dock.hide()
        self._initial_size()
        self._tabs_fitted = False
        self.resizeDocks([self.browser_dock, self.annotations_dock], [340, 440],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.annotations_dock, self.metadata_dock], [370, 430],
                         Qt.Orientation.Vertical)

        self.canvas.viewport().installEventFilter(self)
        session.neighbour = self.browser.neighbour
        self._build_menus(recent or [])
        self.field_undo = FieldUndoFilter(self)  # Ctrl+Z in a field, then the case's edits
        from annotator.gui.panels.flights import install_flights  # the Flights dock and menu

        install_flights(self)
        from annotator.gui.windows.window_tools import (
            install_tools,  # packets, settings, help, toolbar
        )

        install_tools(self)
        self._build_status_bar()
        session.photo_selected.connect(self._photo_selected)
        session.status_message.connect(self._status)
        self.browser.model.count_changed.connect(self._count_changed)
        self._count_changed(self.browser.model.rowCount(), self.browser.model.total)
        self._photo_selected(session.current_photo_id)
        self._restore_state()
        from annotator.gui.read_only import apply_to_window  # title, banner, edits off

        apply_to_window(self)

    def _initial_size(self) -> None:
        """Most of the screen on a first start (a saved layout replaces it)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 800:
            self.resize(1500, 920)
        else:
            self.resize(int(screen.width() * 0.94), int(screen.height() * 0.92))

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        if not isinstance(widget, QAbstractScrollArea):
            # A tall panel scrolls inside its dock rather than making the window taller
            # than the screen (docks stacked on one side add up their minimum heights).
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(widget)
            dock.setWidget(scroller)
        else:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.dockLocationChanged.connect(lambda _area: QTimer.singleShot(0, self._whole_tabs))
        return dock

    def tabify(self, first: QDockWidget, second: QDockWidget) -> None:
        """`second` as a tab beside `first`, with no stray tab bar left behind.

        Qt (6.11) leaks a tab bar when a second tab group is made: making the group's bar
        lays the window out first, which makes a bar for the half-made group, then makes
        another; the first is forgotten, never moved or hidden again, and shows at its old
        place over the other docks (a loose "Map | Routes" over the Photos list). With the
        layout switched off meanwhile, the group gets one bar.
        """
        layout = self.layout()
        layout.setEnabled(False)
        try:
            self.tabifyDockWidget(first, second)
        finally:
            layout.setEnabled(True)

    def _whole_tabs(self) -> None:
        """Dock tabs show their whole title ("Capture date", not "Capture d…"): Qt elides
        them to fit; they scroll instead. Tab bars are made as docks are tabbed together."""
        for bar in self.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._whole_tabs()
        if not self._tabs_fitted:
            self._tabs_fitted = True
            QTimer.singleShot(0, self._fit_tabs)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._tabs_fitted:  # a larger window leaves room for the tabs a small one cut
            QTimer.singleShot(0, self._fit_tabs)

    def _fit_tabs(self) -> None:
        """Widen the right-hand docks (up to 45 % of the window) so that every tab of their
        tab bars shows: a tab behind the bar's scroll arrows is as hidden as a cut one."""
        needed = 0
        for bar in self.findChildren(QTabBar):
            if bar.count() > 1 and bar.isVisible() and bar.parent() is self:
                width = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
                needed = max(needed, width + 16)
        width = self.annotations_dock.width()
        if needed > width:
            self.resizeDocks([self.annotations_dock], [min(needed, int(self.width() * 0.45))],
                             Qt.Orientation.Horizontal)

    def _map_toggled(self, shown: bool) -> None:
        if shown:
            QTimer.singleShot(0, self._give_map_room)

    def _give_map_room(self) -> None:
        """A map shown from View → Map gets a useful height (Qt gives a new bottom dock its
        smallest, a strip where the map is a thumbnail); a map made taller is left so."""
        want = int(self.height() * MAP_SHARE)
        if self.map_dock.isVisible() and not self.map_dock.isFloating() \
                and self.map_dock.height() < want:
            self.resizeDocks([self.map_dock], [want], Qt.Orientation.Vertical)

    # -- menus ---------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcuts=(), menu: QMenu | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self, recent: list[str]) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(self.tr("&New case…"), lambda: self.new_case_requested.emit(), (), file_menu)
        self._action(self.tr("&Open case…"), lambda: self.open_case_requested.emit(),
                     (QKeySequence.StandardKey.Open,), file_menu)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.set_recent(recent)
        self._action(self.tr("Open &demo case"), lambda: self.demo_requested.emit(), (), file_menu)
        file_menu.addSeparator()
        self.import_action = self._action(self.tr("&Import photos…"), self.choose_import,
                                          ("Ctrl+I",), file_menu)
        self.import_folder_action = self._action(self.tr("Import a &folder…"),
                                                 self.choose_import_folder, (), file_menu)
        file_menu.addSeparator()
        self._action(self.tr("&Close case"), self.close_case, (QKeySequence.StandardKey.Close,),
                     file_menu)
        self._action(self.tr("&Quit"), lambda: self.close(), (QKeySequence.StandardKey.Quit,),
                     file_menu)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        name_action(self.undo_action, self.tr("Undo"))  # shortcut lists: not "Undo Link…"
        name_action(self.redo_action, self.tr("Redo"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        canvas_actions = list(self.canvas.actions())
        view_actions = [a for a in (getattr(self.canvas, "fit_action", None),
                                    getattr(self.canvas, "actual_size_action", None)) if a]
        # The eight nudge keys work from the keyboard (and are listed in the shortcut sheet);
        # the menu leaves them out.
        nudges = list(getattr(self.canvas, "nudge_actions", []))
        edit_actions = [a for a in canvas_actions if a not in view_actions and a not in nudges]
        if edit_actions:
            edit.addSeparator()
            for action in edit_actions:
                edit.addAction(action)

        view = bar.addMenu(self.tr("&View"))
        if len(view_actions) == 2:
            for action in view_actions:
                view.addAction(action)
        else:
            self._action(self.tr("&Fit to window"), self.canvas.fit_to_window, (), view)
            self._action(self.tr("&Actual size (1:1)"), self.canvas.actual_size, (), view)
        view.addSeparator()
        for dock in (self.browser_dock, self.annotations_dock, self.metadata_dock,
                     self.provenance_dock, self.undo_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.map_action = self.map_dock.toggleViewAction()
        self.map_action.setText(self.tr("&Map"))
        self.map_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.map_action.toggled.connect(self._map_toggled)
        view.addAction(self.map_action)
        view.addAction(self.routes_dock.toggleViewAction())
        self.map_window = None
        self.map_window_action = self._action(self.tr("Map in a &window"),
                                              self.open_map_window, (), view)
        self.map_window_action.setObjectName("window.map_window")
        self.map_window_action.setToolTip(self.tr(
            "Open the map in a window of its own (for a second screen)"))

        photo = bar.addMenu(self.tr("&Photo"))
        self.next_action = self._action(self.tr("&Next photo"), lambda: self.go(1),
                                        ("D", QKeySequence(Qt.Key.Key_PageDown)), photo)
        self.previous_action = self._action(self.tr("&Previous photo"), lambda: self.go(-1),
                                            ("A", QKeySequence(Qt.Key.Key_PageUp)), photo)
        photo.addSeparator()
        self.shadow_action = self._action(self.tr("&Sun and shadows…"), self.open_shadow_tool,
                                          ("Ctrl+Shift+S",), photo)
        self.shadow_action.setToolTip(self.tr(
            "Measure the sun's position from a shadow on the photo, and when it stood there"))
        self.shadow_dialog = None

    def set_recent(self, recent: list[str]) -> None:
        self.recent_menu.clear()
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path_requested.emit(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.photo_label = QLabel()
        self.statusBar().addPermanentWidget(self.photo_label)
        self.statusBar().addPermanentWidget(self.count_label)

    # -- behaviour ----------------------------------------------------------------------

    def go(self, step: int) -> None:
        if not self.browser.go(step):
            self._status(self.tr("Last photo.") if step > 0 else self.tr("First photo."))

    def _photo_selected(self, photo_id: int | None) -> None:
        row = self.browser.model.row_of(photo_id)
        if row is None:
            self.photo_label.setText("")
            return
        name = str(self.browser.model.index(row).data() or "").split("\n")[0]
        self.photo_label.setText(self.tr("{name} ({n} of {total})").format(
            name=name, n=row + 1, total=self.browser.model.rowCount()))

    def open_map_window(self):  # type: ignore[no-untyped-def]
        """The map in a window of its own, sharing the selection; returns the window."""
        from annotator.gui.windows.map_window import open_map_window

        return open_map_window(self)

    def open_shadow_tool(self):  # type: ignore[no-untyped-def]
        """The Sun & shadows tool on the shown photo (one dialog, kept); returns it."""
        if self.shadow_dialog is None:
            from annotator.gui.shadows import ShadowDialog

            self.shadow_dialog = ShadowDialog(self.session, self.canvas, self)
        self.shadow_dialog.start()
        return self.shadow_dialog

    def _count_changed(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("1 photo in case") if total == 1
                                 else self.tr("{n} photos in case").format(n=integer(total)))
        self._photo_selected(self.session.current_photo_id)

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # -- import --------------------------------------------------------------------------

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import photos"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.webp);;All files (*)"))
        if files:
            self.import_paths(files)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str | Path]):  # type: ignore[no-untyped-def]
        """Open the import dialog on `paths` and start it; returns the dialog."""
        from annotator.gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.session, paths, self, jobs=self.import_jobs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The canvas (a QGraphicsView) accepts drags for its scene and would swallow a drop
        # of files; files dropped on it are imported like anywhere else on the window.
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if event.type() in kinds and any(u.isLocalFile() for u in event.mimeData().urls()):
            if event.type() == QEvent.Type.Drop:
                self.dropEvent(event)
            else:
                event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- state ---------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = gui_settings()
        geometry = settings.value("main/geometry")
        state = settings.value("main/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)

    def save_state(self) -> None:
        settings = gui_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState(STATE_VERSION))
        settings.sync()

    def close_case(self) -> None:
        """Close this case and go back to the welcome screen."""
        self._closing_for_case = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._pending_may_close():
            self._closing_for_case = False
            event.ignore()
            return
        if self.import_dialog is not None and self._dialog_running():
            self.import_dialog.cancel()
        self.save_state()
        if self.map_window is not None:
            self.map_window.close()
        self.browser.shutdown()
        self.session.close()
        event.accept()
        if self._closing_for_case:
            self.close_case_requested.emit()
        self.closed.emit()

    def _pending_may_close(self) -> bool:
        """Edits still waiting for the database (team case, server unreachable): try once
        more, then closing loses them only if the user says so."""
        pending = getattr(self.session, "pending", None)
        if pending is None or pending.idle():
            return True
        pending.flush()  # the saves on their way, and a last try of those waiting
        if pending.idle():
            return True
        answer = QMessageBox.question(
            self, self.tr("Edits not saved"),
            self.tr("{0} edit(s) could not reach the database yet and are not saved. Close "
                    "anyway and lose them?").format(pending.unsaved()))
        return answer == QMessageBox.StandardButton.Yes

    def _dialog_running(self) -> bool:
        try:
            return bool(self.import_dialog.running)  # type: ignore[union-attr]
        except RuntimeError:  # the dialog was closed and deleted by Qt
            return False
