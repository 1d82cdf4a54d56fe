"""The Provenance panel: what proves this photo is the file that was received, and what was
done with it since — hashes, size, every path it was imported from, when and by whom, the
file's content credentials (its C2PA manifest: who signed it, whether it still matches the
picture, the actions it records), and the photo's own events from the hash-chained audit log.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.core.case.audit import photo_events
from annotator.core.metadata import ContentCredentials
from annotator.core.photos import photo_record
from annotator.gui.background.workers import LatestOnly
from annotator.gui.i18n import integer
from annotator.gui.panels.copy_tree import CopyableTree
from annotator.gui.session import CaseSession


def _details_text(details: str) -> str:
    """The event's details as `key=value` pairs (the canonical JSON is kept for copying)."""
    try:
        value = json.loads(details)
    except ValueError:
        return details
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return details


class ProvenancePanel(QWidget):
    """Identity and history of the selected photo; refreshes on every change to it."""

    def __init__(self, session: CaseSession, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.facts = QStandardItemModel(0, 2, self)
        self.facts.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.facts_view = CopyableTree()
        self.facts_view.setRootIsDecorated(False)
        self.facts_view.setModel(self.facts)
        self.facts_view.setColumnWidth(0, 150)
        self.history = QStandardItemModel(0, 4, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time (UTC)"), self.tr("Examiner"), self.tr("Action"), self.tr("Details")])
        self.history_view = CopyableTree()
        self.history_view.setRootIsDecorated(False)
        self.history_view.setModel(self.history)
        self.history_view.setColumnWidth(0, 170)
        self.credentials = QStandardItemModel(0, 2, self)
        self.credentials.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.credentials_view = CopyableTree()
        self.credentials_view.setRootIsDecorated(False)
        self.credentials_view.setModel(self.credentials)
        self.credentials_view.setColumnWidth(0, 150)
        self.credentials_state = QLabel()
        self.credentials_state.setWordWrap(True)
        self.credentials_state.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        credentials_box = QWidget()
        credentials_layout = QVBoxLayout(credentials_box)
        credentials_layout.setContentsMargins(0, 0, 0, 0)
        credentials_layout.addWidget(QLabel(self.tr("Content credentials (C2PA)")))
        credentials_layout.addWidget(self.credentials_state)
        credentials_layout.addWidget(self.credentials_view)
        self.empty = QLabel(self.tr("No photo selected."))
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel(self.tr("Audit history of this photo")))
        history_layout.addWidget(self.history_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.facts_view)
        split.addWidget(credentials_box)
        split.addWidget(history_box)
        split.setSizes([200, 300, 150])  # the credentials' actions are what needs the room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self._read = LatestOnly(session.reads)
        self.photo_id: int | None = None
        session.photo_selected.connect(self.show_photo)
        session.photo_changed.connect(self._refresh_if_current)
        session.boxes_changed.connect(self._refresh_if_current)
        self.show_photo(session.current_photo_id)

    def _refresh_if_current(self, photo_id: int) -> None:
        if photo_id == self.session.current_photo_id:
            self.show_photo(photo_id)

    def show_photo(self, photo_id: int | None) -> None:
        """Show `photo_id`'s facts and audit events once a worker has read them."""
        self.photo_id = photo_id
        if photo_id is None:
            self._read.cancel()
            self._show(None, (None, [], []))
            return
        case = self.session.case

        def read() -> tuple[Any, list[Any], list[Any]]:
            photo = photo_record(case, photo_id)
            if photo is None:
                return None, [], []
            return photo, list(photo.sources), photo_events(case, photo.sha256)

        self._read.load(read, lambda result: self._show(photo_id, result))

    def _show(self, photo_id: int | None, result: tuple[Any, list[Any], list[Any]]) -> None:
        from annotator.gui.i18n.timefmt import show_instant

        if photo_id != self.photo_id:
            return
        photo, sources, events = result
        self.facts.removeRows(0, self.facts.rowCount())
        self.credentials.removeRows(0, self.credentials.rowCount())
        self.credentials_state.clear()
        self.credentials_state.setStyleSheet("")
        self.credentials_view.setVisible(False)  # shown again when there are credentials
        self.history.removeRows(0, self.history.rowCount())
        self.empty.setVisible(photo is None)
        if photo is None:
            return
        rows = [
            (self.tr("SHA-256"), photo.sha256),
            (self.tr("MD5"), photo.md5),
            (self.tr("Size"), self.tr("{n} bytes").format(n=integer(photo.size))),
            (self.tr("Original name"), photo.original_name),
            (self.tr("Original path"), photo.original_path),
            (self.tr("File modified"), show_instant(photo.file_mtime_utc)),
            (self.tr("Imported"), show_instant(photo.imported_utc)),
            (self.tr("Importer"), photo.importer),
            (self.tr("Format"), photo.format),
            (self.tr("Stored copy"), str(self.session.case.store.path_for(photo.sha256))),
        ]
        for source in sources:
            if source.path != photo.original_path:
                rows.append((self.tr("Also imported from"),
                             f"{source.path}  ({show_instant(source.recorded_utc)}, "
                             f"{source.examiner})"))
        for name, value in rows:
            self.facts.appendRow([QStandardItem(name), QStandardItem(value)])
        self._show_credentials(photo.meta or {})
        for event in events:
            items = [QStandardItem(show_instant(event.time_utc)), QStandardItem(event.examiner),
                     QStandardItem(event.action), QStandardItem(_details_text(event.details))]
            items[3].setToolTip(self.tr("event {id}, hash {hash}").format(
                id=event.id, hash=event.hash))
            self.history.appendRow(items)

    def _show_credentials(self, meta: dict[str, Any]) -> None:
        """The C2PA summary stored at import: its state in one sentence, then each field."""
        if "c2pa" not in meta:
            self.credentials_state.setText(self.tr(
                "Not read: the photo was imported before annotator read content credentials."))
            return
        cred = ContentCredentials.from_json(meta.get("c2pa"), meta.get("c2pa_detail"))
        if cred is None:
            self.credentials_state.setText(self.tr("None in this file."))
            return
        signer = cred.signer or cred.organization or self.tr("an unnamed signer")
        if cred.validation_state == "Trusted":
            text = self.tr("Trusted: signed by {signer}, whose certificate is on the C2PA "
                           "trust list; the picture is the one that was signed.")
        elif cred.validation_state == "Valid":
            text = self.tr("Valid: signed by {signer} and the picture is the one that was "
                           "signed, but the signer is not on the C2PA trust list.")
        elif cred.error:
            text = self.tr("Invalid: the manifest store is damaged and cannot be read.")
        else:
            text = self.tr("Invalid: the credentials do not match the picture: the file was "
                           "changed after it was signed, or the credentials were damaged.")
        self.credentials_state.setText(text.format(signer=signer))
        self.credentials_state.setStyleSheet(
            "color: #b00020; font-weight: bold;" if cred.validation_state == "Invalid" else "")
        rows = [
            (self.tr("State"), cred.validation_state),
            (self.tr("Signer"), cred.signer or ""),
            (self.tr("Organization"), cred.organization or ""),
            (self.tr("Signed (time stamp)"), cred.signed_utc or self.tr("no time stamp")),
            (self.tr("Claim generator"), cred.claim_generator or ""),
        ]
        for action in cred.actions:
            parts = [action.action, action.when or self.tr("(undated)")]
            if action.software_agent:
                parts.append(action.software_agent)
            name = self.tr("Edit") if action.is_edit() else self.tr("Action")
            rows.append((name, "  ".join(parts)))
        for ingredient in cred.ingredients:
            digest = (f"  sha256 {ingredient.sha256} ({ingredient.sha256_of})"
                      if ingredient.sha256 else "")
            rows.append((self.tr("Ingredient"), f"{ingredient.title or '?'}{digest}"))
        if cred.codes:
            rows.append((self.tr("Codes"), ", ".join(cred.codes)))
        if cred.error:
            rows.append((self.tr("Error"), cred.error))
        if cred.trust_list:
            rows.append((self.tr("Trust list"), cred.trust_list))
        for name, value in rows:
            item = QStandardItem(value)
            item.setToolTip(value)
            self.credentials.appendRow([QStandardItem(name), item])
        self.credentials_view.setVisible(True)

    def credential_rows(self) -> list[tuple[str, str]]:
        """The content-credential rows shown (for tests)."""
        return [(self.credentials.item(r, 0).text(), self.credentials.item(r, 1).text())
                for r in range(self.credentials.rowCount())]

    def fact(self, name: str) -> str | None:
        """The value shown for a field (for tests)."""
        for row in range(self.facts.rowCount()):
            if self.facts.item(row, 0).text() == name:
                return self.facts.item(row, 1).text()
        return None

    def actions_shown(self) -> list[str]:
        return [self.history.item(r, 2).text() for r in range(self.history.rowCount())]
