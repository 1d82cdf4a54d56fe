"""The Capture date panel: the investigator's claim (date, place, source, grade), the
verdict as a coloured badge, every finding with its sentence and severity, the sun's
position, and where the photo was found (acquisition).

Edits go through QUndoCommands that call the core. The check runs off the GUI thread
(`session.jobs`); it is recomputed when the claim, the source, the boxes or the flights
change, and `session.photos_changed` is emitted when the verdict changes so the browser
re-sorts and re-filters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from annotator.core.dating import capture_date_view as load_capture_date
from annotator.gui.i18n.core_text import number, tr_core
from annotator.gui.i18n.timefmt import show_instant
from annotator.gui.session import CaseSession
from annotator.gui.undo.capture_date_commands import SetAcquisitionCommand, SetClaimCommand

BADGE_COLOURS = {  # verdict → (background, text)
    "consistent": ("#2e7d32", "#ffffff"),
    "questionable": ("#f9a825", "#000000"),
    "inconsistent": ("#c62828", "#ffffff"),
    "unverifiable": ("#9e9e9e", "#000000"),
}
GRADES = [""] + [f"{s}{i}" for s in "ABCDEF" for i in range(1, 7)]
CLAIM_FIELDS = ("claimed", "place", "source_text")
SEVERITY_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ACQ_FIELDS = ("url", "platform", "account", "posted_utc", "archive_url")


class CaptureDatePanel(QWidget):
    """Claim, verdict and findings of the selected photo."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.photo_id: int | None = None
        self.verdict: str | None = None
        self._claim: dict[str, Any] = {}
        self._claim_version: int | None = None
        self._acq: dict[str, Any] = {}
        self._loading = False

        self.badge = QLabel()
        self.badge.setObjectName("verdictBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumHeight(28)
        self.capture_label = QLabel()
        self.capture_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sun_label = QLabel()

        self.claimed_edit = QLineEdit()
        self.claimed_edit.setPlaceholderText(self.tr("2023-10-27 or 2023-10-27T10:00 (local)"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("ICAO code or lat,lon"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("where the claim comes from"))
        self.grade_combo = QComboBox()
        self.grade_combo.addItems(GRADES)
        self.grade_combo.setToolTip(self.tr("Admiralty grade: source reliability A–F, "
                                            "information credibility 1–6"))
        claim_box = QGroupBox(self.tr("Claim"))
        claim_form = QFormLayout(claim_box)
        claim_form.addRow(self.tr("Claimed date"), self.claimed_edit)
        claim_form.addRow(self.tr("Place"), self.place_edit)
        claim_form.addRow(self.tr("Source"), self.source_edit)
        claim_form.addRow(self.tr("Grade"), self.grade_combo)
        self.grade_meaning_label = QLabel()
        self.grade_meaning_label.setWordWrap(True)
        claim_form.addRow("", self.grade_meaning_label)

        self.findings = QStandardItemModel(0, 1, self)
        self.findings_view = QListView()
        self.findings_view.setWordWrap(True)
        self.findings_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.findings_view.setSpacing(2)
        self.findings_view.setModel(self.findings)

        self.acq_edits: dict[str, QLineEdit] = {}
        acq_box = QGroupBox(self.tr("Where it was found"))
        acq_form = QFormLayout(acq_box)
        for key, label, hint in (
            ("url", self.tr("URL"), ""),
            ("platform", self.tr("Platform"), self.tr("X, Telegram, Facebook…")),
            ("account", self.tr("Account"), ""),
            ("posted_utc", self.tr("Posted (UTC)"), "2023-10-27T15:02Z"),
            ("archive_url", self.tr("Archive"), self.tr("archived copy URL")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(lambda k=key: self._acq_edited(k))
            self.acq_edits[key] = edit
            acq_form.addRow(label, edit)
        self.acq_grade_combo = QComboBox()
        self.acq_grade_combo.addItems(GRADES)
        acq_form.addRow(self.tr("Grade"), self.acq_grade_combo)
        self.acquired_label = QLabel()
        acq_form.addRow(self.tr("Acquired"), self.acquired_label)

        self.empty = QLabel(self.tr("No photo selected."))
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.badge)
        body.addWidget(self.capture_label)
        body.addWidget(self.sun_label)
        body.addWidget(claim_box)
        body.addWidget(QLabel(self.tr("Findings")))
        body.addWidget(self.findings_view, 1)
        body.addWidget(acq_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)

        self.claimed_edit.editingFinished.connect(lambda: self._claim_edited("claimed"))
        self.place_edit.editingFinished.connect(lambda: self._claim_edited("place"))
        self.source_edit.editingFinished.connect(lambda: self._claim_edited("source_text"))
        self.grade_combo.currentTextChanged.connect(lambda _t: self._claim_edited("grade"))
        self.acq_grade_combo.currentTextChanged.connect(lambda _t: self._acq_edited("grade"))
        session.photo_selected.connect(self.show_photo)
        session.photo_changed.connect(self._recompute_if_current)
        session.boxes_changed.connect(self._recompute_if_current)
        session.flights_changed.connect(lambda: self._recompute_if_current(self.photo_id))
        self.show_photo(session.current_photo_id)

    # -- loading -----------------------------------------------------------------------------

    def show_photo(self, photo_id: int | None) -> None:
        self.photo_id = photo_id
        self.verdict = None
        self.empty.setVisible(photo_id is None)
        self.body.setVisible(photo_id is not None)
        if photo_id is not None:
            self._load(photo_id, recompute=False)

    def _recompute_if_current(self, photo_id: int | None) -> None:
        if photo_id is not None and photo_id == self.photo_id:
            self._load(photo_id, recompute=True)

    def _load(self, photo_id: int, recompute: bool) -> None:
        case = self.session.case
        self.session.jobs.submit(lambda _job: load_capture_date(case, photo_id, recompute),
                                 self._loaded, self._failed)

    def _failed(self, message: str) -> None:
        self.session.status_message.emit(self.tr("Capture date check failed: {0}").format(message))

    def _loaded(self, data: dict[str, Any]) -> None:
        if data["photo_id"] != self.photo_id or data.get("missing"):
            return  # another photo was selected meanwhile, or this one is gone
        date = data["date"] or {}
        previous, self.verdict = self.verdict, date.get("verdict")
        self._show_date(date)
        self._show_claim(data["claim"])
        self._show_acquisition(data["acquisition"])
        if data["changed"] or (previous is not None and previous != self.verdict):
            self.session.photos_changed.emit()  # the browser filters and sorts by verdict

    # -- showing -----------------------------------------------------------------------------

    def _show_date(self, date: dict[str, Any]) -> None:
        verdict = date.get("verdict") or "unverifiable"
        names = {"consistent": self.tr("Consistent"), "questionable": self.tr("Questionable"),
                 "inconsistent": self.tr("Inconsistent"),
                 "unverifiable": self.tr("Unverifiable")}
        bg, fg = BADGE_COLOURS.get(verdict, BADGE_COLOURS["unverifiable"])
        self.badge.setText(names.get(verdict, verdict))
        self.badge.setProperty("verdict", verdict)
        self.badge.setStyleSheet(f"QLabel#verdictBadge {{ background: {bg}; color: {fg}; "
                                 "font-weight: bold; border-radius: 4px; padding: 4px; }")
        source = date.get("capture_utc_source")
        sources = {"exif_offset": self.tr("EXIF offset"), "gps_time": self.tr("GPS clock"),
                   "gps_timezone": self.tr("time zone at the GPS position"),
                   "claimed_place": self.tr("time zone of the claimed place"),
                   "linked_airport": self.tr("time zone of the linked airport")}
        if date.get("capture_utc"):
            self.capture_label.setText(self.tr("Captured {0} (from {1})").format(
                show_instant(date["capture_utc"]), sources.get(source, source)))
        else:
            self.capture_label.setText(self.tr("Capture time in UTC unknown"))
        sun = date.get("sun")
        self.sun_label.setText(
            self.tr("Sun: elevation {0}°, azimuth {1}° (clockwise from north)").format(
                number(sun["elevation"], 1), number(sun["azimuth"], 1))
            if sun else self.tr("Sun: unknown (no place)"))
        style = self.style()
        icons = {"info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                 "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)}
        severities = {"info": self.tr("info"), "warning": self.tr("warning"),
                      "error": self.tr("error")}
        self.findings.removeRows(0, self.findings.rowCount())
        for f in date.get("findings", []):
            sentence = QStandardItem(icons.get(f["severity"]),
                                     tr_core(f["code"], f.get("params"), f["message"]))
            sentence.setToolTip(f"{severities.get(f['severity'], f['severity'])} "
                                f"({f['code']})")
            sentence.setData(f["severity"], SEVERITY_ROLE)
            sentence.setData(f["code"], CODE_ROLE)
            sentence.setEditable(False)
            self.findings.appendRow(sentence)

    def finding_codes(self) -> list[str]:
        """The codes shown, in order (for tests and the report)."""
        return [self.findings.item(r).data(CODE_ROLE) for r in range(self.findings.rowCount())]

    def _show_claim(self, claim: Any) -> None:
        self._claim = claim.values()
        self._claim_version = claim.version
        self._loading = True
        try:
            self.claimed_edit.setText(claim.claimed or "")
            self.place_edit.setText(claim.place or "")
            self.source_edit.setText(claim.source_text or "")
            self.grade_combo.setCurrentText(claim.grade or "")
        finally:
            self._loading = False
        self.grade_meaning_label.setText(self._grade_words(claim.grade))

    def _grade_words(self, grade: str | None) -> str:
        """The Admiralty grade in words, so an unverified source reads as one."""
        if not grade:
            return self.tr("Ungraded source")
        source = {"A": self.tr("completely reliable"), "B": self.tr("usually reliable"),
                  "C": self.tr("fairly reliable"), "D": self.tr("not usually reliable"),
                  "E": self.tr("unreliable"), "F": self.tr("reliability cannot be judged")}
        info = {"1": self.tr("confirmed by other sources"), "2": self.tr("probably true"),
                "3": self.tr("possibly true"), "4": self.tr("doubtful"),
                "5": self.tr("improbable"), "6": self.tr("truth cannot be judged")}
        return self.tr("Source: {0}; information: {1}").format(
            source.get(grade[0], "?"), info.get(grade[1:], "?"))

    def _show_acquisition(self, acq: Any) -> None:
        data = acq.to_json()
        self._acq = {k: data[k] for k in (*ACQ_FIELDS, "grade")}
        self._loading = True
        try:
            for key, edit in self.acq_edits.items():
                edit.setText(data[key] or "")
            self.acq_grade_combo.setCurrentText(data["grade"] or "")
        finally:
            self._loading = False
        self.acquired_label.setText(
            self.tr("{0} by {1}").format(show_instant(acq.acquired_utc), data["acquired_by"])
            if data["acquired_utc"] else "")

    # -- editing -----------------------------------------------------------------------------

    def _claim_edited(self, key: str) -> None:
        if self._loading or self.photo_id is None:
            return
        widget_value = (self.grade_combo.currentText() if key == "grade" else
                        {"claimed": self.claimed_edit, "place": self.place_edit,
                         "source_text": self.source_edit}[key].text()).strip()
        old = self._claim.get(key) or ""
        if widget_value == old:
            return
        names = {"claimed": self.tr("claimed date"), "place": self.tr("claimed place"),
                 "source_text": self.tr("claim source"), "grade": self.tr("claim grade")}
        self._claim[key] = widget_value  # a second editingFinished must not push again
        command = SetClaimCommand(
            self.session, self.photo_id, {key: old}, {key: widget_value},
            self.tr("Set {0}").format(names[key]), version=self._claim_version)
        photo_id = self.photo_id

        def saved() -> None:  # before the reload (a worker) lands
            if not command.failed and command.version is not None and photo_id == self.photo_id:
                self._claim_version = command.version

        command.when_done(saved)
        self.session.undo_stack.push(command)

    def _acq_edited(self, key: str) -> None:
        if self._loading or self.photo_id is None:
            return
        widget_value = (self.acq_grade_combo.currentText() if key == "grade"
                        else self.acq_edits[key].text()).strip()
        old = self._acq.get(key) or ""
        if widget_value == old:
            return
        self._acq[key] = widget_value
        names = {"url": self.tr("URL"), "platform": self.tr("Platform"),
                 "account": self.tr("Account"), "posted_utc": self.tr("Posted (UTC)"),
                 "archive_url": self.tr("Archive"), "grade": self.tr("Grade")}
        self.session.undo_stack.push(SetAcquisitionCommand(
            self.session, self.photo_id, {key: old}, {key: widget_value},
            self.tr("Set source {0}").format(names.get(key, key))))
