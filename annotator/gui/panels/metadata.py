"""The Metadata panel: every tag of the selected photo, raw, grouped by IFD, with XMP and IPTC
beside, and the normalized summary the core derived from them on top.

Like ExifTool, it shows every tag rather than a curated few: an investigator checking a
date claim needs to see `OffsetTimeOriginal` and `Software` as the file wrote them.
A search box filters tag names and values; Ctrl+C and the context menu copy.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.photos import photo_record
from annotator.gui.background.workers import LatestOnly
from annotator.gui.i18n import decimal, integer
from annotator.gui.panels.copy_tree import CopyableTree
from annotator.gui.session import CaseSession

# exifread's group prefixes, in the order a reader expects them, with the IFD they come from.
GROUP_TITLES = {
    "Image": "IFD0 (Image)",
    "EXIF": "EXIF",
    "GPS": "GPS",
    "Interoperability": "Interoperability",
    "Thumbnail": "IFD1 (Thumbnail)",
    "MakerNote": "MakerNote",
}
SUMMARY_KEYS = (
    "format", "width", "height", "orientation", "make", "model", "lens", "serial", "software",
    "datetime_original", "offset_original", "datetime_digitized", "offset_digitized",
    "datetime_modified", "offset_modified", "gps", "has_thumbnail", "error",
)


def _text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def group_tags(raw_tags: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """exifread names (`GPS GPSLatitude`, `EXIF:DateTimeOriginal`) grouped by their prefix."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for key in sorted(raw_tags):
        sep = ":" if ":" in key.split(" ")[0] else " "
        group, _, name = key.partition(sep)
        if not name:
            group, name = "Other", key
        groups.setdefault(group, []).append((name, _text(raw_tags[key])))
    order = list(GROUP_TITLES)
    return dict(sorted(groups.items(), key=lambda kv: (
        order.index(kv[0]) if kv[0] in order else len(order), kv[0])))


def _figure(value: Any) -> str:
    """A normalized value as the interface language writes numbers (`4 000`, `-7,9502`),
    to the precision it has (at most 7 decimals: no `-7.950200000000001`)."""
    if isinstance(value, bool):
        return (QCoreApplication.translate("MetadataPanel", "yes") if value
                else QCoreApplication.translate("MetadataPanel", "no"))
    if isinstance(value, int):
        return integer(value)
    if isinstance(value, float):
        return decimal(value, 7)
    return _text(value)


def _flatten(prefix: str, value: Any, out: list[tuple[str, str]],
             shown: Callable[[Any], str] = _text) -> None:
    if isinstance(value, dict):
        for key in sorted(value):
            _flatten(f"{prefix}{'.' if prefix else ''}{key}", value[key], out, shown)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value):
            _flatten(f"{prefix}[{i}]", item, out, shown)
    elif value is not None:
        out.append((prefix, shown(value)))


class MetadataPanel(QWidget):
    """Shows the selected photo's metadata; refreshes when the selection changes."""

    def __init__(self, session: CaseSession, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit(placeholderText=self.tr("Search tags and values"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Value")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = CopyableTree()
        self.tree.setModel(self.proxy)
        self.tree.setColumnWidth(0, 200)
        self.empty = QLabel(self.tr("No photo selected."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self.search.textChanged.connect(self._filter)
        self._read = LatestOnly(session.reads)
        self.photo_id: int | None = None
        session.photo_selected.connect(self.show_photo)
        session.photo_changed.connect(self._photo_changed)
        self.show_photo(session.current_photo_id)

    def _photo_changed(self, photo_id: int) -> None:
        if photo_id == self.session.current_photo_id:
            self.show_photo(photo_id)

    def show_photo(self, photo_id: int | None) -> None:
        """Show `photo_id`'s tags once a worker has read them."""
        self.photo_id = photo_id
        if photo_id is None:
            self._read.cancel()
            self._show(None, None)
            return
        case = self.session.case
        self._read.load(lambda: photo_record(case, photo_id),
                        lambda photo: self._show(photo_id, photo))

    def _show(self, photo_id: int | None, photo: Any) -> None:
        if photo_id != self.photo_id:
            return
        self.model.removeRows(0, self.model.rowCount())
        self.empty.setVisible(photo is None)
        if photo is None:
            return
        meta = dict(photo.meta or {})
        summary: list[tuple[str, str]] = []
        for key in SUMMARY_KEYS:
            if meta.get(key) not in (None, "", {}):
                _flatten(key, meta[key], summary, _figure)  # raw tags below stay raw
        self._add_group(self.tr("Summary (normalized)"), summary)
        raw = dict(photo.raw_tags or {})
        # Import stores {"tags": {...}, "xmp": {...}, "iptc": {...}}; older rows may be flat.
        tags = raw.get("tags") if isinstance(raw.get("tags"), dict) else raw
        for group, rows in group_tags(tags).items():
            self._add_group(GROUP_TITLES.get(group, group), rows)
        for key, title in (("xmp", "XMP"), ("iptc", "IPTC")):
            rows: list[tuple[str, str]] = []
            value = raw.get(key) if tags is not raw else None
            value = value or meta.get(key)
            if value:
                _flatten("", value, rows)
            self._add_group(title, rows or [(self.tr("(none in this file)"), "")])
        self._filter(self.search.text())

    def _add_group(self, title: str, rows: list[tuple[str, str]]) -> None:
        group = QStandardItem(title)
        group.setEditable(False)
        font = group.font()
        font.setBold(True)
        group.setFont(font)
        for name, value in rows:
            tag_item, value_item = QStandardItem(name), QStandardItem(value)
            value_item.setToolTip(value if len(value) < 2000 else value[:2000] + "…")
            group.appendRow([tag_item, value_item])
        count = QStandardItem(self.tr("1 tag") if len(rows) == 1
                              else self.tr("{n} tags").format(n=integer(len(rows))))
        count.setEnabled(False)
        self.model.appendRow([group, count])

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def visible_tags(self) -> list[str]:
        """Tag names currently shown (for tests and the status bar)."""
        names = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            for r in range(self.proxy.rowCount(group)):
                names.append(str(self.proxy.index(r, 0, group).data()))
        return names
