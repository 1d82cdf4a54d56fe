"""Read registration: the OCR suggestions for the selected box, in the Annotations panel.

The button (or R on the canvas) reads the box's pixels in a worker (the JobRunner: the
engine takes a fraction of a second, its first load about a second) and lists the
candidates best first, each with its country and confidence. Nothing is filled in until the
examiner clicks one: that click is one undo command (`EditBoxesCommand`) whose audit event
records the reading's source (`ocr`, engine and model versions, confidence).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.boxes import BoxInfo
from annotator.core.errors import AnnotatorError
from annotator.core.ocr import Candidate, OcrResult, box_target, read_target, source_of
from annotator.gui.i18n.core_text import tr_error
from annotator.gui.undo.box_commands import EditBoxesCommand


class CandidateListModel(QAbstractListModel):
    """The candidates of one reading, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Candidate] = []

    def set_candidates(self, rows: list[Candidate]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        cand = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = cand.country if cand.valid else self.tr("not a valid registration")
            # Floored: an OCR score of 0.996 is not "100 %".
            return f"{cand.registration}   {where}   {math.floor(cand.confidence * 100)} %"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Read as “{0}”; click to use {1}").format(cand.text,
                                                                   cand.registration)
        if role == Qt.ItemDataRole.UserRole:
            return cand.registration
        return None


class RegistrationReader(QWidget):
    """The Read registration button, what the reading found, and the examiner's choice."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.box: BoxInfo | None = None
        self.result: OcrResult | None = None
        self._reading: int | None = None  # the box being read

        self.read_button = QPushButton(self.tr("Read registration"), self)
        self.read_button.setObjectName("readRegistrationButton")
        self.read_button.setToolTip(self.tr(
            "Read the text in the box (R on the canvas) and suggest registrations; nothing "
            "is filled in until you click one"))
        self.read_button.clicked.connect(self.read)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)
        self.model = CandidateListModel(self)
        self.candidate_view = QListView(self)
        self.candidate_view.setObjectName("ocrCandidates")
        self.candidate_view.setModel(self.model)
        self.candidate_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidate_view.setMaximumHeight(110)
        self.candidate_view.setVisible(False)
        self.candidate_view.clicked.connect(lambda index: self.accept_row(index.row()))
        self.candidate_view.activated.connect(lambda index: self.accept_row(index.row()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.candidate_view)

    # -- the box shown -------------------------------------------------------------------

    def set_box(self, box: BoxInfo | None) -> None:
        """The panel shows `box`: a reading of another box is put away."""
        if box is None or self.box is None or box.id != self.box.id:
            self._clear()
        self.box = box
        self.read_button.setEnabled(box is not None and self._reading is None)

    def _clear(self) -> None:
        self.result = None
        self._reading = None
        self.model.set_candidates([])
        self.candidate_view.setVisible(False)
        self._say("")

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # -- reading -------------------------------------------------------------------------

    def read(self) -> None:
        """Read the shown box in a worker; the candidates are listed when it is done."""
        box = self.box
        if box is None:
            self._say(self.tr("Draw or select a box first."))
            return
        if self._reading is not None:
            return
        try:
            target = box_target(self.session.case, box.id)
        except AnnotatorError as exc:
            self._say(tr_error(exc))
            return
        self._clear()
        self._reading = box.id
        self.read_button.setEnabled(False)
        self._say(self.tr("Reading the registration…"))
        self.session.jobs.submit(lambda _job: read_target(target),
                                 on_result=lambda result: self._on_result(box.id, result),
                                 on_error=lambda text: self._on_error(box.id, text))

    def _finished(self, box_id: int) -> bool:
        """Whether the reading that finished is still wanted (its box is still shown)."""
        if self._reading != box_id:
            return False
        self._reading = None
        self.read_button.setEnabled(self.box is not None)
        return self.box is not None and self.box.id == box_id

    def _on_result(self, box_id: int, result: OcrResult) -> None:
        if not self._finished(box_id):
            return
        self.result = result
        self.model.set_candidates(result.candidates)
        self.candidate_view.setVisible(bool(result.candidates))
        if not result.candidates:
            self._say(self.tr("No text was read in the box."))
        elif not any(c.valid for c in result.candidates):
            self._say(self.tr("No registration was read; what was read is listed below."))
        else:
            self._say(self.tr("Click a reading to use it as the registration."))

    def _on_error(self, box_id: int, text: str) -> None:
        if self._finished(box_id):
            self._say(self.tr("The registration could not be read: {0}").format(text))

    # -- the examiner's choice -----------------------------------------------------------

    def accept_row(self, row: int) -> bool:
        """Store candidate `row` as the box's registration (one undo command, audited with
        the reading's source). Returns whether it was saved."""
        box, result = self.box, self.result
        if box is None or result is None or not 0 <= row < len(self.model.rows):
            return False
        cand = self.model.rows[row]
        command = EditBoxesCommand(
            self.session, box.photo_id, {box.id: {"registration": cand.registration}},
            self.tr("Read registration"), versions={box.id: box.version},
            source=source_of(result, cand))
        said = self.tr("Registration set to {0} from the reading (Ctrl+Z undoes it).")

        def done() -> None:  # the save runs on the session's writer: said once it is stored
            if not command.failed:
                self._say(said.format(cand.registration))

        command.when_done(done)
        self.session.undo_stack.push(command)
        return not command.failed
