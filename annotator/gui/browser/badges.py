"""The browser's copies badge: a photo that has copies in the case is marked on its
thumbnail ("⧉ 3": three photos of the case are this picture; "⧉ 3 ★" on the best copy
available), from the model's `COPIES_ROLE` (a `CopyBadge` from the core, or None)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from annotator.core.photo_list import CopyBadge

COPIES_ROLE = Qt.ItemDataRole.UserRole + 2  # a CopyBadge, or None: no copies in the case


class CopyBadgeDelegate(QStyledItemDelegate):
    """Draws the row as usual, plus a small "⧉ 3" badge on the thumbnail of a photo that has
    copies in the case (3 photos of one picture); "⧉ 3 ★" on the best copy available."""

    MARGIN = 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        badge = index.data(COPIES_ROLE)
        if not isinstance(badge, CopyBadge):
            return
        painter.save()
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        painter.setFont(font)
        rect = self.badge_rect(option, badge, painter.fontMetrics().horizontalAdvance(
            self.badge_text(badge)), painter.fontMetrics().height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 110, 60, 230) if badge.best else QColor(40, 40, 40, 210))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.badge_text(badge))
        painter.restore()

    @staticmethod
    def badge_text(badge: CopyBadge) -> str:
        return f"⧉ {len(badge.group)}" + (" ★" if badge.best else "")

    def badge_rect(self, option: QStyleOptionViewItem, _badge: CopyBadge, text_w: int,
                   text_h: int) -> QRect:
        """Top-left corner of the row, over the thumbnail."""
        r = option.rect  # type: ignore[attr-defined]
        return QRect(r.left() + self.MARGIN, r.top() + self.MARGIN, text_w + 8, text_h + 2)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt's name
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        badge = index.data(COPIES_ROLE)
        if isinstance(badge, CopyBadge):
            metrics = view.fontMetrics()
            rect = self.badge_rect(option, badge,
                                   metrics.horizontalAdvance(self.badge_text(badge)) + 4,
                                   metrics.height())
            if rect.contains(event.pos()):
                QToolTip.showText(event.globalPos(), self.badge_tooltip(badge), view)
                return True
        return super().helpEvent(event, view, option, index)

    def badge_tooltip(self, badge: CopyBadge) -> str:
        text = self.tr("{n} photos of the case are copies of this picture "
                       "(right-click: Show copies).").format(n=len(badge.group))
        if badge.best:
            text += "\n" + self.tr("★ This is the best copy available (the most pixels, "
                                   "the least re-encoded).")
        return text
