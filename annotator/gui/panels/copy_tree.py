"""A read-only tree view whose rows can be copied: Ctrl+C and a context menu.

Investigators paste tag values and hashes into reports; every value shown in the Metadata
and Provenance panels must be copyable exactly as shown.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView


class CopyableTree(QTreeView):
    """Tree of (name, value…) rows. Ctrl+C copies the selected rows, tab-separated."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.copy_rows_action = QAction(self.tr("Copy row"), self)
        self.copy_rows_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_rows_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_rows_action.triggered.connect(self.copy_rows)
        self.addAction(self.copy_rows_action)
        self.copy_value_action = QAction(self.tr("Copy value"), self)
        self.copy_value_action.triggered.connect(self.copy_values)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _selected_rows(self) -> list[QModelIndex]:
        rows = self.selectionModel().selectedRows(0) if self.selectionModel() else []
        return sorted(rows, key=lambda i: (self._depth_path(i)))

    def _depth_path(self, index: QModelIndex) -> tuple[int, ...]:
        path: list[int] = []
        while index.isValid():
            path.insert(0, index.row())
            index = index.parent()
        return tuple(path)

    def _cells(self, index: QModelIndex) -> list[str]:
        model = self.model()
        columns = model.columnCount(index.parent())
        return [str(model.index(index.row(), c, index.parent()).data() or "")
                for c in range(columns)]

    def selected_text(self, values_only: bool = False) -> str:
        lines = []
        for index in self._selected_rows():
            cells = self._cells(index)
            lines.append(cells[-1] if values_only else "\t".join(c for c in cells if c))
        return "\n".join(lines)

    def copy_rows(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_values(self) -> None:
        text = self.selected_text(values_only=True)
        if text:
            QGuiApplication.clipboard().setText(text)

    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if not self._selected_rows():
            return
        menu = QMenu(self)
        menu.addAction(self.copy_value_action)
        menu.addAction(self.copy_rows_action)
        menu.exec(self.viewport().mapToGlobal(pos))
