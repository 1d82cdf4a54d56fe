"""The Annotations panel: the current photo's boxes (a list model) and an editor for the
selected box's fields.

Selection follows the canvas both ways. Each field commits when it is finished (Enter, focus
leaving, a combo choice) as one undo command, saved at once; a field still being typed is
committed before the box or photo changes, so switching photos quickly loses nothing. The
registration is normalized by the core (`5umbh` → `5U-MBH`); a flagged mark shows in red
with the reason. Read registration (the button, or R on the canvas) suggests what the box
shows (`panels.registration_reader`). The boxes and lists are read in a worker
(`session.reads`), and a field committed but not yet saved keeps its text until its save is
done.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core import boxes as core
from annotator.core.boxes import CONFIDENCES, BoxInfo
from annotator.gui.background.workers import LatestOnly
from annotator.gui.i18n.core_text import tr_registration_problem
from annotator.gui.panels.registration_reader import RegistrationReader
from annotator.gui.theme import error_colour, error_style
from annotator.gui.undo.box_commands import EditBoxesCommand, LabelListCommand

BOX_ID_ROLE = Qt.ItemDataRole.UserRole


class BoxListModel(QAbstractListModel):
    """The boxes of one photo, in drawing order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BoxInfo] = []

    def set_boxes(self, rows: list[BoxInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def row_of(self, box_id: int | None) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == box_id:
                return i
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        box = self.rows[index.row()]
        v = box.values
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [f"#{box.id}", v.registration or "—", v.label]
            if v.aircraft_type:
                parts.append(v.aircraft_type)
            if v.confidence:
                # The panel's combo extracts these words (context AnnotationsPanel).
                parts.append(f"({QCoreApplication.translate('AnnotationsPanel', v.confidence)})")
            return "  ".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole and box.registration_problem:
            return error_colour()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr_registration_problem(v.registration, box.registration_problem) or None
        if role == BOX_ID_ROLE:
            return box.id
        return None


class _FocusOutFilter(QObject):
    """Calls `callback` when the watched widget loses focus (QPlainTextEdit has no
    editingFinished)."""

    def __init__(self, callback, parent: QObject) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self.callback()
        return False


class AnnotationsPanel(QWidget):
    """List of the current photo's boxes and the selected box's editor."""

    def __init__(self, session, canvas, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.canvas = canvas
        self.photo_id: int | None = None
        self.box: BoxInfo | None = None
        self._loading = False
        self._committing: str | None = None
        # (box id, field) → the value committed and not yet saved (its save is queued).
        self._unsaved: dict[tuple[int, str], Any] = {}
        self._read = LatestOnly(session.reads)

        self.model = BoxListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for action in (canvas.delete_action, canvas.duplicate_action):
            self.list.addAction(action)  # Delete / Ctrl+D also act from the list
        self.list.selectionModel().selectionChanged.connect(self._on_list_selection)

        self.label_combo = QComboBox(self)
        self.label_button = QToolButton(self)
        self.label_button.setText("…")
        self.label_button.setToolTip(self.tr("Edit the case's label list"))
        self.label_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.label_button)
        menu.addAction(self.tr("Add label…"), self._ask_add_label)
        menu.addAction(self.tr("Rename label…"), self._ask_rename_label)
        menu.addAction(self.tr("Remove label"), self._ask_remove_label)
        self.label_button.setMenu(menu)
        label_row = QHBoxLayout()
        label_row.setContentsMargins(0, 0, 0, 0)
        label_row.addWidget(self.label_combo, 1)
        label_row.addWidget(self.label_button)

        self.registration_edit = QLineEdit(self)
        self.registration_edit.setPlaceholderText(self.tr("e.g. 5U-MBH"))
        self.completion_model = QStringListModel(self)
        completer = QCompleter(self.completion_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.registration_edit.setCompleter(completer)
        self.reader = RegistrationReader(session, self)
        registration_row = QHBoxLayout()
        registration_row.setContentsMargins(0, 0, 0, 0)
        registration_row.addWidget(self.registration_edit, 1)
        registration_row.addWidget(self.reader.read_button)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(error_style(self))
        self.problem_label.setVisible(False)
        self.type_edit = QLineEdit(self)
        self.operator_edit = QLineEdit(self)
        self.confidence_combo = QComboBox(self)
        self.confidence_combo.addItem("", None)
        names = {"confirmed": self.tr("confirmed"), "probable": self.tr("probable"),
                 "possible": self.tr("possible")}
        for value in CONFIDENCES:
            self.confidence_combo.addItem(names[value], value)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setMaximumHeight(80)

        self.editor = QGroupBox(self.tr("Selected box"), self)
        form = QFormLayout(self.editor)
        form.addRow(self.tr("Label"), label_row)
        form.addRow(self.tr("Registration"), registration_row)
        form.addRow("", self.problem_label)
        form.addRow("", self.reader)
        form.addRow(self.tr("Type"), self.type_edit)
        form.addRow(self.tr("Operator"), self.operator_edit)
        form.addRow(self.tr("Confidence"), self.confidence_combo)
        form.addRow(self.tr("Note"), self.note_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)

        self.label_combo.activated.connect(
            lambda _i: self._commit("label", self.label_combo.currentText(), self.tr("Set label")))
        self.registration_edit.editingFinished.connect(self._commit_registration)
        self.type_edit.editingFinished.connect(
            lambda: self._commit("aircraft_type", self.type_edit.text(), self.tr("Set type")))
        self.operator_edit.editingFinished.connect(
            lambda: self._commit("operator", self.operator_edit.text(), self.tr("Set operator")))
        self.confidence_combo.activated.connect(
            lambda _i: self._commit("confidence", self.confidence_combo.currentData(),
                                    self.tr("Set confidence")))
        self.note_edit.installEventFilter(_FocusOutFilter(self._commit_note, self))

        session.photo_selected.connect(self._on_photo_selected)
        session.boxes_changed.connect(self._on_boxes_changed)
        canvas.box_selection_changed.connect(self._on_canvas_selection)
        canvas.read_registration_requested.connect(self.read_registration)
        self._show_box(None)
        self._on_photo_selected(session.current_photo_id)

    # -- loading -------------------------------------------------------------------------

    def _on_photo_selected(self, photo_id: int | None) -> None:
        self.commit_pending()
        self.photo_id = photo_id
        self._reload()

    def _on_boxes_changed(self, photo_id: int) -> None:
        if photo_id == self.photo_id:
            self._reload()

    def _reload(self) -> None:
        """Re-read the photo's boxes, the case's labels and registrations (in a worker)."""
        case, photo_id = self.session.case, self.photo_id

        def read() -> tuple[list[BoxInfo], list[str], list[str]]:
            with case.reading() as s:
                rows = core.list_boxes(s, photo_id) if photo_id is not None else []
                return rows, core.list_labels(s), core.registrations_in_case(s)

        self._read.load(read, lambda result: self._loaded(photo_id, *result))

    def _loaded(self, photo_id: int | None, rows: list[BoxInfo], labels: list[str],
                registrations: list[str]) -> None:
        if photo_id != self.photo_id:
            return
        keep = self.box.id if self.box is not None else None
        self._loading = True
        try:
            self.model.set_boxes(rows)
            self.completion_model.setStringList(registrations)
            self.label_combo.clear()
            self.label_combo.addItems(labels)
        finally:
            self._loading = False
        selected = self.canvas.selected_box_ids()
        target = selected[0] if selected else keep
        self._select_row(target if self.model.row_of(target) is not None else None)

    def _select_row(self, box_id: int | None) -> None:
        row = self.model.row_of(box_id)
        self._loading = True
        try:
            selection = self.list.selectionModel()
            if row is None:
                selection.clearSelection()
            else:
                index = self.model.index(row)
                selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list.setCurrentIndex(index)
        finally:
            self._loading = False
        self._show_box(self.model.rows[row] if row is not None else None)

    def read_registration(self, box_id: int | None = None) -> None:
        """R on the canvas: suggest registrations for its selected box (`box_id`), else for
        the box shown."""
        if box_id is not None and (self.box is None or self.box.id != box_id):
            self._on_canvas_selection(box_id)
        self.reader.read()

    def _typing(self, box: BoxInfo | None) -> dict[str, str]:
        """Text the user is typing into a field of this same box and has not committed yet:
        a reload (another edit, an undo from the menu) must not wipe it."""
        previous = self.box
        if box is None or previous is None or previous.id != box.id:
            return {}
        fields = {"registration": self.registration_edit.text(),
                  "aircraft_type": self.type_edit.text(), "operator": self.operator_edit.text(),
                  "note": self.note_edit.toPlainText()}
        widgets = {"registration": self.registration_edit, "aircraft_type": self.type_edit,
                   "operator": self.operator_edit, "note": self.note_edit}
        unsaved = {name: text for name, text in fields.items()
                   if (box.id, name) in self._unsaved
                   and (text.strip() or None) == self._unsaved[(box.id, name)]}
        return unsaved | {name: text for name, text in fields.items()
                          if name != self._committing and widgets[name].hasFocus()
                          and text != (getattr(previous.values, name) or "")}

    def _show_box(self, box: BoxInfo | None) -> None:
        typing = self._typing(box)
        self.box = box
        self.reader.set_box(box)
        self.editor.setEnabled(box is not None
                               and not getattr(self.session.case, "read_only", False))
        v = box.values if box is not None else None
        widgets = (self.label_combo, self.registration_edit, self.type_edit, self.operator_edit,
                   self.confidence_combo, self.note_edit)
        for w in widgets:
            w.blockSignals(True)
        try:
            if v is not None and self.label_combo.findText(v.label) < 0:
                self.label_combo.addItem(v.label)
            self.label_combo.setCurrentIndex(self.label_combo.findText(v.label) if v else -1)
            def shown(name: str) -> str:
                return typing.get(name, (getattr(v, name) or "") if v else "")

            self.registration_edit.setText(shown("registration"))
            self.type_edit.setText(shown("aircraft_type"))
            self.operator_edit.setText(shown("operator"))
            self.confidence_combo.setCurrentIndex(
                max(0, self.confidence_combo.findData(v.confidence)) if v else 0)
            if "note" not in typing:
                self.note_edit.setPlainText(shown("note"))
        finally:
            for w in widgets:
                w.blockSignals(False)
        problem = (tr_registration_problem(box.values.registration, box.registration_problem)
                   if box is not None else "")
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.registration_edit.setStyleSheet(
            f"QLineEdit {{ {error_style(self, border=True)} }}" if problem else "")
        self.registration_edit.setToolTip(problem or "")

    # -- selection sync ------------------------------------------------------------------

    def _on_canvas_selection(self, box_id: int | None) -> None:
        if self.box is not None and self.box.id != box_id:
            self.commit_pending()
        if box_id is not None and self.model.row_of(box_id) is None:
            self._reload()
            return
        self._select_row(box_id)

    def _on_list_selection(self, *_args: object) -> None:
        if self._loading:
            return
        indexes = self.list.selectionModel().selectedIndexes()
        box_id = indexes[0].data(BOX_ID_ROLE) if indexes else None
        if self.box is not None and self.box.id != box_id:
            self.commit_pending()
        self.canvas.select_box(box_id)
        row = self.model.row_of(box_id)
        self._show_box(self.model.rows[row] if row is not None else None)

    # -- committing fields ---------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save whatever is typed but not yet committed (before the box or photo changes)."""
        if self.box is None:
            return
        self._commit_registration()
        self._commit("aircraft_type", self.type_edit.text(), self.tr("Set type"))
        self._commit("operator", self.operator_edit.text(), self.tr("Set operator"))
        self._commit_note()

    def _commit_registration(self) -> None:
        self._commit("registration", self.registration_edit.text(), self.tr("Set registration"))

    def _commit_note(self) -> None:
        self._commit("note", self.note_edit.toPlainText(), self.tr("Set note"))

    def _commit(self, field: str, value: Any, text: str) -> None:
        box = self.box
        if box is None or self._loading:
            return
        if isinstance(value, str):
            value = value.strip() or None
        current = self._unsaved.get((box.id, field), getattr(box.values, field))
        if value == current or (field == "label" and value is None):
            return
        self._committing = field  # the reload that follows shows this field as stored
        key = (box.id, field)
        command = EditBoxesCommand(self.session, box.photo_id, {box.id: {field: value}}, text,
                                   versions={box.id: box.version})

        def done() -> None:  # saved or failed: the reload that follows shows what is stored
            if self._unsaved.get(key) == value:
                del self._unsaved[key]

        command.when_done(done)
        self._unsaved[key] = value
        try:
            self.session.undo_stack.push(command)
            if self.box is box:  # the command's reload did not reach us (another photo)
                self._show_box(self.box)
        finally:
            self._committing = None

    # -- the case's label list -----------------------------------------------------------

    def add_label(self, name: str) -> None:
        self.session.undo_stack.push(LabelListCommand(self.session, "add", name))
        self._reload()

    def rename_label(self, old: str, new: str) -> None:
        self.session.undo_stack.push(LabelListCommand(self.session, "rename", old, new))
        self._reload()

    def remove_label(self, name: str) -> None:
        self.session.undo_stack.push(LabelListCommand(self.session, "remove", name))
        self._reload()

    def _ask_add_label(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add label"), self.tr("New label:"))
        if ok and name.strip():
            self.add_label(name.strip())

    def _ask_rename_label(self) -> None:
        old = self.label_combo.currentText()
        if not old:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename label"),
                                       self.tr("Rename {0} to:").format(old), text=old)
        if ok and new.strip() and new.strip() != old:
            self.rename_label(old, new.strip())

    def _ask_remove_label(self) -> None:
        name = self.label_combo.currentText()
        if name:
            self.remove_label(name)
