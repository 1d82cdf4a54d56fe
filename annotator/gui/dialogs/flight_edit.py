"""The add/edit flight dialog: each field checked as typed by the core's own rules.

OK is enabled only when every field is acceptable; the message under the form says which field
is wrong and why (the core's sentence). The dialog gathers values only: the caller pushes the
QUndoCommand that stores them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.flights.records import SOURCE_KINDS, FlightDraft, checked
from annotator.core.timeutil import iso_z, parse_given_utc
from annotator.gui.dialogs.sizing import grow_to_contents
from annotator.gui.i18n.core_text import as_sentence, tr_error
from annotator.gui.theme import error_style

TEXT_FIELDS = ("registration", "icao24", "callsign", "origin", "destination", "source_ref",
               "source_grade")


class FlightEditDialog(QDialog):
    """Add a flight (no `initial`) or edit one (`initial` = its `flights list` JSON object)."""

    def __init__(self, initial: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.initial = initial or {}
        self.setWindowTitle(self.tr("Edit flight {0}").format(self.initial["id"]) if initial
                            else self.tr("Add flight"))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "registration": self.tr("Registration"), "icao24": self.tr("ICAO address (hex)"),
            "callsign": self.tr("Callsign"), "origin": self.tr("Origin airport"),
            "destination": self.tr("Destination airport"),
            "source_ref": self.tr("Source reference"),
            "source_grade": self.tr("Grade (A–F, 1–6)"),
        }
        source = self.initial.get("source") or {}
        values = {**self.initial, "source_ref": source.get("ref"),
                  "source_grade": source.get("grade")}
        for name in TEXT_FIELDS:
            edit = QLineEdit(values.get(name) or "")
            edit.setObjectName(name)
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            form.addRow(labels[name], edit)
            if name == "destination":
                for when in ("departure_utc", "arrival_utc"):
                    t = QLineEdit(values.get(when) or "")
                    t.setObjectName(when)
                    t.setPlaceholderText("2023-10-27T10:40Z")
                    # Room for a whole time with its offset beside the "estimated" box.
                    t.setMinimumWidth(t.fontMetrics().horizontalAdvance(
                        "2023-10-27T10:40:00+01:00") + 16)
                    t.textChanged.connect(self.validate)
                    self.edits[when] = t
                    est = QCheckBox(self.tr("estimated"))
                    est.setObjectName(when.replace("_utc", "_estimated"))
                    est.setChecked(bool(values.get(est.objectName())))
                    est.toggled.connect(self.validate)
                    setattr(self, est.objectName(), est)
                    row = QWidget()
                    row_layout = QHBoxLayout(row)
                    row_layout.setContentsMargins(0, 0, 0, 0)
                    row_layout.addWidget(t, 1)
                    row_layout.addWidget(est)
                    form.addRow(self.tr("Departure (UTC)") if when == "departure_utc"
                                else self.tr("Arrival (UTC)"), row)
        self.kind = QComboBox()
        self.kind.addItems(list(SOURCE_KINDS))
        self.kind.setCurrentText(source.get("kind") or "manual")
        self.kind.currentTextChanged.connect(self.validate)
        form.addRow(self.tr("Source kind"), self.kind)
        self.notes = QPlainTextEdit(self.initial.get("notes") or "")
        self.notes.setFixedHeight(60)
        self.notes.textChanged.connect(self.validate)
        form.addRow(self.tr("Notes"), self.notes)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(error_style(self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.draft: FlightDraft | None = None
        self.validate()

    def _time(self, name: str) -> datetime | None:
        """The core's parse of a typed time (the CLI's): with Z or an offset, or refused."""
        text = self.edits[name].text().strip()
        if not text:
            return None
        return parse_given_utc(text, name.replace("_utc", " time"))

    def validate(self) -> bool:
        """Check the form with the core's rules; show the first problem; enable OK or not."""
        try:
            draft = FlightDraft(
                **{n: self.edits[n].text().strip() or None for n in TEXT_FIELDS},
                departure_utc=self._time("departure_utc"),
                arrival_utc=self._time("arrival_utc"),
                departure_estimated=self.departure_estimated.isChecked(),
                arrival_estimated=self.arrival_estimated.isChecked(),
                source_kind=self.kind.currentText(),
                notes=self.notes.toPlainText().strip() or None,
            )
            self.draft = checked(draft)
        except (AnnotatorError, ValueError) as exc:
            self.draft = None
            self.problem.setText(as_sentence(tr_error(exc)))
        else:
            self.problem.setText("")
        grow_to_contents(self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.draft is not None)
        return self.draft is not None

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def changes(self) -> dict[str, Any]:
        """For an edit: the fields whose value differs from the initial flight."""
        assert self.draft is not None
        draft = replace(self.draft)
        before = self.initial
        source = before.get("source") or {}
        old = {**before, "source_ref": source.get("ref"), "source_grade": source.get("grade"),
               "source_kind": source.get("kind")}
        out: dict[str, Any] = {}
        for name in (*TEXT_FIELDS, "departure_estimated", "arrival_estimated", "source_kind",
                     "notes", "departure_utc", "arrival_utc"):
            new = getattr(draft, name)
            shown = iso_z(new) if isinstance(new, datetime) else new
            if shown != old.get(name) and not (shown in (None, False) and not old.get(name)):
                out[name] = new
        return out
