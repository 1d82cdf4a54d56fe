"""A box on the canvas: selectable, moved by dragging its inside, resized by 8 handles.

The item edits its own rectangle while the mouse is down (clamped inside the photo) and
reports once on release through `on_edited(item, old_rect)`; the canvas turns that into one
undo command. It never writes to the database itself. Handles and the caption ignore the
view's zoom, so they stay the same size on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from annotator.core.boxes import BoxInfo
from annotator.gui.i18n.core_text import tr_registration_problem

HANDLE_SIZE = 9.0
MIN_SIDE = 2.0
BOX_COLOUR = QColor(255, 200, 0)
SELECTED_COLOUR = QColor(0, 220, 255)
FLAGGED_COLOUR = QColor(230, 30, 30)

# handle role → (x factor, y factor) on the rectangle, and its cursor
HANDLES = {
    "tl": (0.0, 0.0, Qt.CursorShape.SizeFDiagCursor),
    "t": (0.5, 0.0, Qt.CursorShape.SizeVerCursor),
    "tr": (1.0, 0.0, Qt.CursorShape.SizeBDiagCursor),
    "r": (1.0, 0.5, Qt.CursorShape.SizeHorCursor),
    "br": (1.0, 1.0, Qt.CursorShape.SizeFDiagCursor),
    "b": (0.5, 1.0, Qt.CursorShape.SizeVerCursor),
    "bl": (0.0, 1.0, Qt.CursorShape.SizeBDiagCursor),
    "l": (0.0, 0.5, Qt.CursorShape.SizeHorCursor),
}


def resized(start: QRectF, role: str, pos: QPointF, bounds: QRectF) -> QRectF:
    """`start` with the edges named by `role` dragged to `pos` (inside `bounds`), normalized."""
    x = min(max(pos.x(), bounds.left()), bounds.right())
    y = min(max(pos.y(), bounds.top()), bounds.bottom())
    left, top, right, bottom = start.left(), start.top(), start.right(), start.bottom()
    if "l" in role:
        left = x
    if "r" in role:
        right = x
    if role.startswith("t"):
        top = y
    if role.startswith("b"):
        bottom = y
    rect = QRectF(QPointF(min(left, right), min(top, bottom)),
                  QPointF(max(left, right), max(top, bottom)))
    if rect.width() < MIN_SIDE:
        rect.setWidth(MIN_SIDE)
    if rect.height() < MIN_SIDE:
        rect.setHeight(MIN_SIDE)
    return rect


def moved(start: QRectF, dx: float, dy: float, bounds: QRectF) -> QRectF:
    """`start` shifted by (dx, dy) but kept wholly inside `bounds`."""
    x = min(max(start.x() + dx, bounds.left()), bounds.right() - start.width())
    y = min(max(start.y() + dy, bounds.top()), bounds.bottom() - start.height())
    return QRectF(x, y, start.width(), start.height())


class HandleItem(QGraphicsRectItem):
    """One resize handle; forwards its drag to the box."""

    def __init__(self, box: BoxItem, role: str) -> None:
        half = HANDLE_SIZE / 2
        super().__init__(-half, -half, HANDLE_SIZE, HANDLE_SIZE, box)
        self.role = role
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(HANDLES[role][2])
        self.setBrush(QBrush(SELECTED_COLOUR))
        self.setPen(QPen(Qt.GlobalColor.black, 1))
        self.setVisible(False)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.parentItem().begin_edit("resize")

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        box = self.parentItem()
        box.set_box_rect(resized(box.edit_start, self.role, event.scenePos(), box.bounds))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.parentItem().end_edit("resize")


class CaptionItem(QGraphicsItem):
    """The registration (or label) above the box's top-left corner, at screen size."""

    def __init__(self, box: BoxItem) -> None:
        super().__init__(box)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.text = ""
        self.flagged = False
        self.font = QFont()
        self.font.setPointSizeF(9)
        self.font.setBold(True)
        self._rect = QRectF()

    def set_text(self, text: str, flagged: bool) -> None:
        if (text, flagged) == (self.text, self.flagged) and (self._rect.isValid() or not text):
            return
        self.prepareGeometryChange()
        self.text, self.flagged = text, flagged
        metrics = QFontMetricsF(self.font)
        w = metrics.horizontalAdvance(text) + 6
        h = metrics.height() + 2
        self._rect = QRectF(0, -h, w, h) if text else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def keep_inside(self, view: QGraphicsView) -> None:
        """Shift the caption so it stays whole inside `view`'s viewport: left of a box at the
        photo's right edge, below the top of one at its top edge ("5U-MBH", not "5U-").

        The caption ignores the view's transformations, so its coordinates are screen
        pixels from the box's top-left corner."""
        if not self.text:
            return
        w, h = self._rect.width(), self._rect.height()
        anchor = view.mapFromScene(self.scenePos())
        area = view.viewport().rect()
        x = min(0.0, area.right() + 1 - anchor.x() - w)  # off the right: slide left
        x = max(x, float(area.left() - anchor.x()))  # but never off the left
        y = max(-h, float(area.top() - anchor.y()))  # off the top: slide down
        y = min(y, area.bottom() + 1 - anchor.y() - h)
        wanted = QRectF(x, y, w, h)
        if wanted != self._rect:
            self.prepareGeometryChange()
            self._rect = wanted
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self.text:
            return
        painter.fillRect(self._rect, FLAGGED_COLOUR if self.flagged else QColor(0, 0, 0, 170))
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(self.font)
        painter.drawText(self._rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter,
                         self.text)


class BoxItem(QGraphicsRectItem):
    """One stored box. `info` is what the database holds; `rect()` is what is on screen."""

    def __init__(self, info: BoxInfo, bounds: QRectF,
                 on_edited: Callable[[BoxItem, QRectF, str], None]) -> None:
        super().__init__()
        self.bounds = bounds
        self.on_edited = on_edited
        self.edit_start = QRectF()
        self.editing: str | None = None
        self._press_pos: QPointF | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(1)
        self.handles = {role: HandleItem(self, role) for role in HANDLES}
        self.caption = CaptionItem(self)
        self.info = info
        self.set_info(info)

    @property
    def box_id(self) -> int:
        return self.info.id

    def stored_rect(self) -> QRectF:
        v = self.info.values
        return QRectF(v.x, v.y, v.w, v.h)

    def set_info(self, info: BoxInfo) -> None:
        """Show what is stored (called after every reload)."""
        self.info = info
        self.set_box_rect(self.stored_rect())
        v = info.values
        self.caption.set_text(v.registration or v.label, bool(info.registration_problem))
        self.setToolTip(tr_registration_problem(v.registration, info.registration_problem))
        self._update_pen()

    def set_box_rect(self, rect: QRectF) -> None:
        self.setRect(rect)
        for role, handle in self.handles.items():
            fx, fy, _cursor = HANDLES[role]
            handle.setPos(rect.x() + fx * rect.width(), rect.y() + fy * rect.height())
        self.caption.setPos(rect.topLeft())

    def _update_pen(self) -> None:
        colour = SELECTED_COLOUR if self.isSelected() else BOX_COLOUR
        if self.info.registration_problem and not self.isSelected():
            colour = FLAGGED_COLOUR
        pen = QPen(colour, 2)
        pen.setCosmetic(True)
        self.setPen(pen)

    def itemChange(self, change, value):  # type: ignore[no-untyped-def] # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            for handle in self.handles.values():
                handle.setVisible(bool(value))
            self._update_pen()
        return super().itemChange(change, value)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Our own selected colour and handles replace Qt's dashed selection outline.
        option.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, option, widget)

    # -- editing by mouse ----------------------------------------------------------------

    def begin_edit(self, kind: str = "move") -> None:
        self.edit_start = QRectF(self.rect())
        self.editing = kind

    def end_edit(self, kind: str) -> None:
        if self.editing is None:
            return
        self.editing = None
        self._press_pos = None
        if self.rect() != self.edit_start:
            self.on_edited(self, self.edit_start, kind)

    def finish_pending_edit(self) -> None:
        """Commit a drag still in progress (the photo is changing under the mouse)."""
        if self.editing is not None:
            self.end_edit(self.editing)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.scenePos()
            self.begin_edit("move")
            event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._press_pos is None:
            return
        delta = event.scenePos() - self._press_pos
        self.set_box_rect(moved(self.edit_start, delta.x(), delta.y(), self.bounds))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._press_pos is not None and event.button() == Qt.MouseButton.LeftButton:
            self.end_edit("move")
