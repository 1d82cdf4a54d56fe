"""The History panel: what the selected photo's JPEG encoding says of where the file has been
(quality, whose quantization tables, double compression, signs of re-encoding), and two
views of it drawn over the photo on the canvas: error level analysis and a JPEG ghost at a
chosen quality.

Everything shown comes from the core (`annotator.core.history`): the history stored at
import, and on demand the double-compression estimate and the overlay maps, computed in a
worker; a result for a photo no longer shown is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.history.case_views import (
    double_compression_for_photo,
    history_for_photo,
    overlay_for_photo,
)
from annotator.gui.background.workers import LatestOnly
from annotator.gui.canvas.image_loader import to_qimage
from annotator.gui.i18n import number
from annotator.gui.session import CaseSession


class HistoryPanel(QWidget):
    """The selected photo's file history, with the canvas overlays it can toggle."""

    def __init__(self, session: CaseSession, canvas: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.canvas = canvas
        self.photo_id: int | None = None
        self.history: dict[str, Any] | None = None
        self._overlay_request = 0

        self.empty = QLabel(self.tr("No photo selected."))
        self.quality = QLabel()
        self.tables = QLabel()
        self.tables.setWordWrap(True)
        self.encoding = QLabel()
        self.encoding.setWordWrap(True)
        self.double = QLabel()
        self.double.setWordWrap(True)
        self.signs = QLabel()
        self.signs.setWordWrap(True)
        self.signs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.quality, self.tables, self.encoding, self.double):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.double_button = QPushButton(self.tr("Look for a double compression"))
        self.double_button.clicked.connect(self.analyse_double_compression)

        self.ela_button = QPushButton(self.tr("Error level"))
        self.ela_button.setCheckable(True)
        self.ela_button.setToolTip(self.tr("Differences between the photo and itself re-saved "
                                           "at the chosen quality, drawn over it"))
        self.ghost_button = QPushButton(self.tr("JPEG ghost"))
        self.ghost_button.setCheckable(True)
        self.ghost_button.setToolTip(self.tr("Where the photo matches a re-save at the chosen "
                                             "quality (a region saved before at that quality "
                                             "shows dark)"))
        self.overlay_quality = QSpinBox()
        self.overlay_quality.setRange(50, 100)
        self.overlay_quality.setValue(90)
        self.overlay_quality.setSuffix(self.tr(" quality"))
        self.overlay_status = QLabel()
        self.ela_button.toggled.connect(lambda on: self._toggle("error_level", on))
        self.ghost_button.toggled.connect(lambda on: self._toggle("ghost", on))
        self.overlay_quality.valueChanged.connect(self._quality_changed)

        form = QFormLayout()
        form.addRow(self.tr("Quality"), self.quality)
        form.addRow(self.tr("Tables of"), self.tables)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Compressed twice"), self.double)
        form.addRow("", self.double_button)
        form.addRow(self.tr("Signs"), self.signs)
        overlays = QHBoxLayout()
        overlays.addWidget(self.ela_button)
        overlays.addWidget(self.ghost_button)
        overlays.addWidget(self.overlay_quality)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addLayout(overlays)
        layout.addWidget(self.overlay_status)
        layout.addStretch(1)

        self._read = LatestOnly(session.reads)
        session.photo_selected.connect(self.show_photo)
        self.show_photo(session.current_photo_id)

    # -- the stored history --------------------------------------------------------------

    def show_photo(self, photo_id: int | None) -> None:
        self.photo_id = photo_id
        self._overlay_request += 1  # a map on its way is for the previous photo
        for button in (self.ela_button, self.ghost_button):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.overlay_status.clear()
        self.history = None
        self.empty.setVisible(photo_id is None)
        if photo_id is None:
            self._read.cancel()
            self._fill()
            return
        for widget in (self.double_button, self.ela_button, self.ghost_button,
                       self.overlay_quality):
            widget.setEnabled(False)  # until the history is read (in a worker)
        for label in (self.quality, self.tables, self.encoding, self.double, self.signs):
            label.clear()
        case = self.session.case
        self._read.load(lambda: history_for_photo(case, photo_id),
                        lambda history: self._loaded(photo_id, history))

    def _loaded(self, photo_id: int, history: dict[str, Any] | None) -> None:
        if photo_id == self.photo_id:
            self.history = history
            self._fill()

    def _fill(self) -> None:
        history = self.history or {}
        jpeg = history.get("jpeg")
        is_jpeg = jpeg is not None
        for widget in (self.double_button, self.ela_button, self.ghost_button,
                       self.overlay_quality):
            widget.setEnabled(is_jpeg and self.photo_id is not None)
        if self.photo_id is None:
            for label in (self.quality, self.tables, self.encoding, self.double, self.signs):
                label.clear()
            return
        if not history:
            self.quality.setText(self.tr("not recorded (imported before file histories "
                                         "were kept)"))
            for label in (self.tables, self.encoding, self.double, self.signs):
                label.clear()
            return
        if jpeg is None:
            self.quality.setText(self.tr("not a JPEG"))
            for label in (self.tables, self.encoding, self.double):
                label.clear()
        else:
            self.quality.setText(self._quality_text(jpeg))
            matches = jpeg.get("table_matches") or []
            self.tables.setText("\n".join(
                (self.tr("{name} (exact)") if m.get("exact") else self.tr("{name} (close)"))
                .format(name=m["name"]) for m in matches[:5])
                or self.tr("no camera, editor or platform in the reference"))
            self.encoding.setText(self.tr("{scan}, chroma {subsampling}{optimized}").format(
                scan=self.tr("progressive") if jpeg.get("progressive") else self.tr("baseline"),
                subsampling=jpeg.get("subsampling") or "?",
                optimized=self.tr(", optimized Huffman tables")
                if jpeg.get("optimized_huffman") else ""))
            self._show_double(jpeg.get("double_compressed"))
        signs = history.get("signs") or []
        self.signs.setText("\n".join(f"{s['code']}: {s['message']}" for s in signs)
                           or self.tr("none"))

    def _quality_text(self, jpeg: dict[str, Any]) -> str:
        quality = jpeg.get("quality") or {}
        luma = quality.get("luma")
        if luma is None:
            return self.tr("unknown")
        if jpeg.get("standard_tables"):
            return self.tr("{q} (IJG's standard tables)").format(q=luma)
        return self.tr("about {q} (not IJG's tables)").format(q=luma)

    def _show_double(self, result: dict[str, Any] | None) -> None:
        if not result:
            self.double.setText(self.tr("not looked for yet"))
        elif result.get("detected"):
            self.double.setText(self.tr("probably: first at about quality {q} (confidence "
                                        "{c})").format(q=result.get("primary_quality"),
                                                       c=number(float(result['confidence']), 2)))
        else:
            self.double.setText(self.tr("no sign of it (confidence {c})").format(
                c=number(float(result.get('confidence') or 0), 2)))

    # -- on demand ----------------------------------------------------------------------

    def analyse_double_compression(self) -> None:
        photo_id, case = self.photo_id, self.session.case
        if photo_id is None:
            return
        self.double.setText(self.tr("looking…"))
        self.double_button.setEnabled(False)

        def done(result: dict[str, Any]) -> None:
            if photo_id == self.photo_id:
                self.double_button.setEnabled(True)
                self._show_double(result)

        def failed(text: str) -> None:
            if photo_id == self.photo_id:
                self.double_button.setEnabled(True)
                self.double.setText(self.tr("could not be read: {0}").format(text))

        self.session.jobs.submit(lambda _job: double_compression_for_photo(case, photo_id),
                                 done, failed)

    def _toggle(self, kind: str, on: bool) -> None:
        other = self.ghost_button if kind == "error_level" else self.ela_button
        if on and other.isChecked():
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
        self._overlay_request += 1
        if not on:
            if self.photo_id is not None:
                self.canvas.set_overlay(self.photo_id, None)
            self.overlay_status.clear()
            return
        self._compute(kind)

    def _quality_changed(self, _value: int) -> None:
        for kind, button in (("error_level", self.ela_button), ("ghost", self.ghost_button)):
            if button.isChecked():
                self._overlay_request += 1
                self._compute(kind)

    def _compute(self, kind: str) -> None:
        photo_id, case = self.photo_id, self.session.case
        if photo_id is None:
            return
        request = self._overlay_request
        quality = self.overlay_quality.value()
        self.overlay_status.setText(self.tr("computing…"))

        def work(_job: Any) -> Any:
            return to_qimage(overlay_for_photo(case, photo_id, kind, quality))

        def done(image: Any) -> None:
            if request != self._overlay_request or photo_id != self.photo_id:
                return  # another photo, or the overlay was switched off meanwhile
            shown = self.canvas.set_overlay(photo_id, image)
            self.overlay_status.setText(
                self.tr("{kind} at quality {q} drawn over the photo").format(
                    kind=self.tr("Error level") if kind == "error_level"
                    else self.tr("JPEG ghost"), q=quality) if shown else "")

        def failed(text: str) -> None:
            if request == self._overlay_request:
                self.overlay_status.setText(self.tr("Not computed: {0}").format(text))

        self.session.jobs.submit(work, done, failed)
