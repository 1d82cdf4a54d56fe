"""The timeline: one row per aircraft, its legs as bars, coverage gaps hatched, photos as
marks at their capture time. Clicking a mark selects that photo in the window.

A real time axis: the wheel zooms *time* around the cursor (pixels per hour change and the
items move; the view is never scaled, so circles stay round and text sharp), from years
down to minutes, with ticks that fit the scale; a drag pans; the row labels and the axis
stay put while the picture scrolls under them. Photos closer than a mark's width spread
onto two lanes, or become a count bubble (a click on it zooms in); the tooltip lists every
photo under the cursor.

The scene is rebuilt from the database (`TimelineData.load`, Qt-free reads through the core)
whenever flights or photos change, keeping the scale and the time in view; it holds no
state of its own. An unknown departure or arrival is drawn as a faded stub from the known
end, never as a guessed time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QToolTip, QWidget

from annotator.core.flights.timeline import UNPLACED, PhotoMark, TimelineData
from annotator.gui.i18n.timefmt import local_display, show_instant
from annotator.gui.windows.timeline_axis import (
    CONTEXT,
    DAY,
    HOUR,
    MINUTE,
    MONTH,
    Step,
    choose_step,
    ticks,
)
from annotator.gui.windows.timeline_items import (
    MARK_D,
    MARK_Y,
    ROW_H,
    CountBubble,
    LegGroup,
    LegItem,
    PhotoMarkItem,
)

LABEL_W = 120.0  # the row labels' column, kept at the left
HEADER_H = 38.0  # the axis: the larger unit's band over the ticks, kept at the top
PAD = 16.0
PX_PER_HOUR = 24.0  # the scale before the first fit
MIN_PX_PER_HOUR = 0.02  # about five years across 1000 px
MAX_PX_PER_HOUR = 3600.0  # a minute is 60 px
ZOOM_STEP = 1.25  # one notch of the wheel
TOOLTIP_LINES = 20


class _Row:
    """A row's marks in time order, their hours from the origin, and its place on screen;
    `placed` is the slice of marks laid out for the part of time around the view."""

    def __init__(self, key: str, top: float, height: float) -> None:
        self.key, self.top, self.height = key, top, height
        self.marks: list[PhotoMark] = []
        self.hours: list[float] = []
        self.items: list[PhotoMarkItem] = []
        self.bubbles: list[CountBubble] = []
        self.placed = (0, 0)
        self.shown: list[PhotoMarkItem] = []  # the marks now visible


class MarkItems(dict[int, PhotoMarkItem]):
    """Photo id → its mark. Only the marks around the view are laid out on each zoom or
    scroll (10 000 moves per wheel notch would stall the window); a mark asked for here is
    put at its time first, so `centerOn(mark_items[id])` goes to the right place."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self.view = view

    def __getitem__(self, photo_id: int) -> PhotoMarkItem:
        item = super().__getitem__(photo_id)
        if not item.isVisible():
            item.setPos(self.view.x_of(item.mark.when), item.row_top + MARK_Y)
        return item


class LegItems(dict[int, LegItem]):
    """Flight id → its bar, put at the current scale when asked for (like `MarkItems`)."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self.view = view

    def __getitem__(self, flight_id: int) -> LegItem:
        item = super().__getitem__(flight_id)
        self.view.place_leg(item.group)
        return item


class TimelineView(QGraphicsView):
    """The timeline widget. `photo_clicked(photo_id)` fires when a mark is clicked."""

    photo_clicked = Signal(int)
    flight_clicked = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        scene = QGraphicsScene(self)
        # Every item moves on each zoom step: a spatial index would be rebuilt each time.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The labels and the axis are painted over the scene at fixed places: a scroll must
        # repaint them, not shift the old pixels.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.data = TimelineData()
        self.origin: datetime | None = None
        self.end: datetime | None = None
        self.px_per_hour = PX_PER_HOUR
        self.mark_items = MarkItems(self)
        self._current: PhotoMarkItem | None = None
        self._marks_at = (0.0, 0.0, 0.0)  # scale, left and right scene x the marks fit
        self.leg_items = LegItems(self)
        self._legs: list[LegGroup] = []
        self._rows: list[_Row] = []
        self._fitted = False
        self.selected_flight_id: int | None = None
        self.photo_clicked.connect(session.select_photo)
        session.flights_changed.connect(self.reload)
        session.photos_changed.connect(self.reload)
        session.photo_changed.connect(lambda _id: self.reload())
        session.photo_selected.connect(self._show_current_photo)
        self._dirty = True
        self.fit_action = QAction(self.tr("Zoom to &fit"), self)
        self.fit_action.setToolTip(self.tr("Show the whole timeline (0)"))
        self.fit_action.setShortcut(QKeySequence("0"))
        self.fit_action.triggered.connect(self.zoom_to_fit)
        self.selection_action = QAction(self.tr("Zoom to &selection"), self)
        self.selection_action.setToolTip(self.tr(
            "Show the selected flight and the current photo (S)"))
        self.selection_action.setShortcut(QKeySequence("S"))
        self.selection_action.triggered.connect(self.zoom_to_selection)
        for action in (self.fit_action, self.selection_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # -- time ↔ pixels -------------------------------------------------------------------

    def x_of(self, when: datetime) -> float:
        assert self.origin is not None
        return LABEL_W + (when - self.origin).total_seconds() / 3600 * self.px_per_hour

    def time_at(self, x: float) -> datetime:
        """The instant at scene x."""
        assert self.origin is not None
        return self.origin + timedelta(hours=(x - LABEL_W) / self.px_per_hour)

    def seconds_per_pixel(self) -> float:
        return 3600.0 / self.px_per_hour

    def _hours(self, when: datetime) -> float:
        assert self.origin is not None
        return (when - self.origin).total_seconds() / 3600

    # -- building ------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        """Rebuild the scene now if shown, else when next shown (a hidden timeline of a big
        case should cost nothing on every edit). The scale and the time at the left edge
        are kept."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        keep = self.time_at(self._left_scene_x()) if self.origin is not None else None
        keep_y = self.verticalScrollBar().value()
        self.data = TimelineData.load(self.session.case)
        scene = self.scene()
        scene.clear()
        self.mark_items.clear()
        self.leg_items.clear()
        self._legs, self._rows = [], []
        span = self.data.span()
        if span is None:
            self.origin = self.end = None
            text = scene.addSimpleText(self.tr("No flights or dated photos yet."))
            text.setBrush(self.palette().text())
            text.setPos(PAD, PAD)
            scene.setSceneRect(0, 0, 300, 60)
            return
        self.origin, self.end = span
        y = HEADER_H
        ink = self.palette().text()
        for key in self.data.row_keys():
            row = _Row(key, y, ROW_H * self.data.lanes.get(key, 1))
            for bar in self.data.rows.get(key, []):
                if bar.start is None and bar.end is None:
                    continue
                group = LegGroup(scene, bar, y + bar.lane * ROW_H, ink)
                self._legs.append(group)
                dict.__setitem__(self.leg_items, bar.flight_id, group.item)
                group.item.set_current(bar.flight_id == self.selected_flight_id)
            for mark in sorted(self.data.marks.get(key, []), key=lambda m: m.when):
                item = PhotoMarkItem(mark, self)
                item.row_top = y
                item.setVisible(False)
                scene.addItem(item)
                row.marks.append(mark)
                row.hours.append(self._hours(mark.when))
                row.items.append(item)
                self.mark_items[mark.photo_id] = item
            self._rows.append(row)
            y += row.height
        self._measure_legs()
        self._current = None
        self._marks_at = (0.0, 0.0, 0.0)
        self._show_current_photo(self.session.current_photo_id)
        if not self._fitted and self.viewport().width() > LABEL_W + 2 * PAD:
            self._fitted = True
            self.zoom_to_fit()
            return
        self._place()
        if keep is not None:
            self._scroll_to(keep, LABEL_W)
        self.verticalScrollBar().setValue(keep_y)
        self._place_marks()

    def _measure_legs(self) -> None:
        """Each bar's extent in hours, and the room before the next bar of its lane."""
        lanes: dict[float, list[LegGroup]] = {}
        for group in self._legs:
            start, end = group.ends()
            group.first_h = self._hours(min(t for t in (start, *group.bar.extent()) if t))
            group.last_h = self._hours(max(t for t in (end, *group.bar.extent()) if t))
            group.start_h = self._hours(start)
            lanes.setdefault(group.y, []).append(group)
        for groups in lanes.values():
            groups.sort(key=lambda g: g.start_h)
            for group, following in zip(groups, [*groups[1:], None], strict=True):
                group.room_h = following.start_h - group.start_h if following else 1e9

    def _place(self) -> None:
        """Size the scene to the current scale; the items follow once scrolled there."""
        assert self.origin is not None and self.end is not None
        width = self.x_of(self.end) + PAD
        bottom = (self._rows[-1].top + self._rows[-1].height) if self._rows else HEADER_H
        self.scene().setSceneRect(0, 0, width, bottom + 8)
        self.viewport().update()

    def visible_range(self) -> tuple[datetime, datetime] | None:
        """The times at the left (right of the row labels) and right edges of the view."""
        if self.origin is None:
            return None
        left = self._left_scene_x()
        right = self.mapToScene(QPoint(self.viewport().width(), 0)).x()
        return self.time_at(left), self.time_at(max(left, right))

    def _publish_range(self) -> None:
        """Tell the session what time the view shows (the map may follow it)."""
        span = self.visible_range()
        if span is not None and self.isVisible():
            self.session.set_timeline_range(*span)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._publish_range()

    def _place_marks(self) -> None:
        """Lay out the marks from a view's width left of the view to one right of it, at
        the current scale, unless they already are; hide those laid out before elsewhere.
        Every zoom and scroll ends here: the visible range is published from here too."""
        if self.origin is None:
            return
        self._publish_range()
        left = self.mapToScene(QPoint(0, 0)).x()
        right = left + self.viewport().width()
        scale, done_left, done_right = self._marks_at
        if scale == self.px_per_hour and done_left <= left and right <= done_right:
            return
        width = right - left
        left, right = left - width, right + width
        low = (left - LABEL_W) / self.px_per_hour
        high = (right - LABEL_W) / self.px_per_hour
        for group in self._legs:
            if group.last_h >= low and group.first_h <= high:
                self.place_leg(group)
            elif group.shown:
                group.hide()
        for row in self._rows:
            first, last = bisect_left(row.hours, low), bisect_right(row.hours, high)
            previous = row.shown
            self._place_row(row, first, last)
            for item in previous:
                if not item.shown:
                    item.setVisible(False)
            row.placed = (first, last)
        self._marks_at = (self.px_per_hour, left, right)

    def place_leg(self, group: LegGroup) -> None:
        """Put a flight's bar at the current scale (its caption shown where there is room
        before the next bar of its lane)."""
        if group.placed_at != self.px_per_hour:
            group.place(self.x_of, group.room_h * self.px_per_hour)
            group.placed_at = self.px_per_hour

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        if dx:
            self._place_marks()

    def _place_row(self, row: _Row, first: int, last: int) -> None:
        """A mark alone stands at its time; two within a mark's width stand one above the
        other; more become one bubble with their number."""
        pph, y = self.px_per_hour, row.top + MARK_Y
        xs = [LABEL_W + h * pph for h in row.hours[first:last]]
        items, count = row.items[first:last], len(xs)
        marks = row.marks[first:last]
        shown: list[PhotoMarkItem] = []
        bubbles = 0
        i = 0
        while i < count:
            x0 = xs[i]
            j = bisect_left(xs, x0 + MARK_D, i + 1)  # the marks within a mark's width
            if j - i <= 2:
                offset = 0.0 if j - i == 1 else -MARK_D / 2
                for k in range(i, j):
                    item = items[k]
                    item.setPos(xs[k], y + offset)
                    shown.append(item)
                    offset = -offset
            else:  # the marks stay hidden (MarkItems puts one in place when asked)
                if bubbles == len(row.bubbles):
                    bubble = CountBubble(self)
                    self.scene().addItem(bubble)
                    row.bubbles.append(bubble)
                row.bubbles[bubbles].show_marks(marks[i:j], (x0 + xs[j - 1]) / 2, y)
                bubbles += 1
            i = j
        for bubble in row.bubbles[bubbles:]:
            bubble.setVisible(False)
        for item in row.shown:
            item.shown = False
        for item in shown:
            if not item.shown:
                item.shown = True
                item.setVisible(True)
        row.shown = shown

    # -- zooming and scrolling -----------------------------------------------------------

    def _left_scene_x(self) -> float:
        """Scene x just right of the row labels."""
        return self.mapToScene(QPoint(int(LABEL_W), 0)).x()

    def _scroll_to(self, when: datetime, viewport_x: float) -> None:
        """Scroll so that `when` is at `viewport_x`."""
        bar = self.horizontalScrollBar()
        bar.setValue(round(self.x_of(when) - viewport_x))

    def set_scale(self, px_per_hour: float, anchor_x: float | None = None) -> None:
        """Pixels per hour (clamped), keeping the time at viewport x `anchor_x` in place."""
        if self.origin is None:
            return
        if anchor_x is None:
            anchor_x = (LABEL_W + self.viewport().width()) / 2
        anchor = self.time_at(self.mapToScene(QPoint(round(anchor_x), 0)).x())
        self.px_per_hour = min(MAX_PX_PER_HOUR, max(self._min_scale(), px_per_hour))
        self._place()
        self._scroll_to(anchor, anchor_x)
        self._place_marks()

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        self.set_scale(self.px_per_hour * factor, anchor_x)

    def _min_scale(self) -> float:
        return min(MIN_PX_PER_HOUR * 10, self._fit_scale() / 2)

    def _fit_scale(self, start: datetime | None = None, end: datetime | None = None) -> float:
        if self.origin is None or self.end is None:
            return PX_PER_HOUR
        start, end = start or self.origin, end or self.end
        hours = max((end - start).total_seconds() / 3600, 1 / 60)
        room = max(50.0, self.viewport().width() - LABEL_W - 2 * PAD)
        return max(MIN_PX_PER_HOUR, min(MAX_PX_PER_HOUR, room / hours))

    def zoom_to_fit(self) -> None:
        """The whole timeline across the view."""
        if self.origin is None or self.end is None:
            return
        self.zoom_to_range(self.origin, self.end, pad=0)

    def zoom_to_range(self, start: datetime, end: datetime, *, pad: float = 0.1) -> None:
        """`start`…`end` (with `pad` of their span each side, at least a few minutes)."""
        if self.origin is None:
            return
        margin = max((end - start) * pad, timedelta(minutes=5) if pad else timedelta(0))
        start, end = start - margin, end + margin
        self.px_per_hour = self._fit_scale(start, end)
        self._place()
        self._scroll_to(start, LABEL_W + PAD)
        self._place_marks()

    def zoom_to_selection(self) -> bool:
        """The selected flight and the current photo; False when neither is on the timeline."""
        times: list[datetime] = []
        chosen = [g for g in self._legs if g.bar.flight_id == self.selected_flight_id]
        for group in chosen:
            times += [t for t in group.bar.extent() if t is not None]
            times += list(group.ends())
        mark = self.mark_items.get(self.session.current_photo_id or -1)
        if mark is not None:
            times.append(mark.mark.when)
        if not times:
            return False
        start, end = min(times), max(times)
        if end - start < timedelta(hours=1):
            middle = start + (end - start) / 2
            start, end = middle - timedelta(minutes=30), middle + timedelta(minutes=30)
        self.zoom_to_range(start, end)
        for group in chosen:
            self.place_leg(group)
            self.ensureVisible(group.item, 0, 20)
        if mark is not None:
            self.ensureVisible(self.mark_items[mark.mark.photo_id], 0, 20)
        return True

    def set_selected_flight(self, flight_id: int | None) -> None:
        if self.selected_flight_id in self.leg_items:
            self.leg_items[self.selected_flight_id].set_current(False)  # type: ignore[index]
        self.selected_flight_id = flight_id
        if flight_id in self.leg_items:
            self.leg_items[flight_id].set_current(True)  # type: ignore[index]

    def _show_current_photo(self, photo_id: object) -> None:
        if self._current is not None:
            self._current.set_current(False)
        self._current = self.mark_items.get(photo_id) if isinstance(photo_id, int) else None
        if self._current is not None:
            self._current.set_current(True)

    def wheelEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """The wheel (with or without Ctrl) zooms time around the cursor; Shift+wheel
        scrolls the rows; a sideways wheel or swipe pans time."""
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (delta.y() or delta.x()) // 2)
        elif abs(delta.x()) > abs(delta.y()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta.x() // 2)
        elif delta.y():
            self.zoom_by(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """A click on a bar selects its flight (in the table and on the map too); the press
        goes on to the view, so a drag from a bar still pans."""
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, LegItem):
                self.session.select_flight(item.bar.flight_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, LegItem):
            self.flight_clicked.emit(item.bar.flight_id)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        menu = QMenu(self)
        menu.addActions([self.fit_action, self.selection_action])
        menu.exec(event.globalPos())

    # -- tooltips ------------------------------------------------------------------------

    def photos_at(self, pos: QPoint) -> list[PhotoMark]:
        """Every photo whose mark (or bubble) is under viewport point `pos`."""
        scene_pos = self.mapToScene(pos)
        for item in self.items(pos):
            if isinstance(item, CountBubble):
                return list(item.marks)
        for row in self._rows:
            if row.top <= scene_pos.y() < row.top + ROW_H:
                hours = (scene_pos.x() - LABEL_W) / self.px_per_hour
                reach = (MARK_D / 2 + 1) / self.px_per_hour
                return row.marks[bisect_left(row.hours, hours - reach):
                                 bisect_right(row.hours, hours + reach)]
        return []

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and self.origin is not None:
            pos = event.pos()  # type: ignore[attr-defined]
            marks = self.photos_at(pos) if pos.x() > LABEL_W and pos.y() > HEADER_H else []
            if marks:
                QToolTip.showText(event.globalPos(), self._marks_text(marks),  # type: ignore[attr-defined]
                                  self.viewport())
                return True
        return super().viewportEvent(event)

    def _marks_text(self, marks: list[PhotoMark]) -> str:
        lines = [f"{m.name}   {show_instant(m.when)}" for m in marks[:TOOLTIP_LINES]]
        if len(marks) > TOOLTIP_LINES:
            lines.append(self.tr("… and {0} more").format(
                self.locale().toString(len(marks) - TOOLTIP_LINES)))
        if len(marks) > 1:
            lines.insert(0, self.tr("{0} photos").format(self.locale().toString(len(marks))))
        return "\n".join(lines)

    # -- painting: grid, axis and row labels ---------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, self.palette().base())
        if self.origin is None:
            return
        shade = QColor(self.palette().alternateBase().color())
        for i, row in enumerate(self._rows):
            if i % 2:
                painter.fillRect(QRectF(rect.left(), row.top, rect.width(), row.height), shade)
        rule = QPen(self.palette().mid().color(), 0)
        painter.setPen(rule)
        for row in self._rows:
            bottom = row.top + row.height
            painter.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))
        step = choose_step(self.px_per_hour)
        start, end = self.time_at(rect.left()), self.time_at(rect.right())
        painter.setPen(QPen(self.palette().mid().color(), 0, Qt.PenStyle.DotLine))
        for instant, _wall in ticks(start, end, step, local=local_display()):
            x = self.x_of(instant)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if self.origin is None:
            return
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        left, top = view.left(), view.top()
        base, ink = self.palette().base(), self.palette().text().color()
        mid = self.palette().mid().color()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # The axis band.
        painter.fillRect(QRectF(left, top, view.width(), HEADER_H), self.palette().window())
        local = local_display()
        step = choose_step(self.px_per_hour)
        start, end = self.time_at(left + LABEL_W), self.time_at(view.right())
        metrics = painter.fontMetrics()
        painter.setPen(QPen(mid, 0))
        painter.drawLine(QPointF(left, top + HEADER_H - 0.5),
                         QPointF(view.right(), top + HEADER_H - 0.5))
        context = CONTEXT[step.unit]
        for instant, wall in ticks(start, end, step, local=local):
            x = self.x_of(instant)
            painter.setPen(QPen(mid, 0))
            painter.drawLine(QPointF(x, top + HEADER_H - 6), QPointF(x, top + HEADER_H))
            painter.setPen(ink)
            painter.drawText(QPointF(x + 3, top + HEADER_H - 6), self._tick_label(wall, step.unit))
        if context is not None:
            marks = list(ticks(start, end, Step(context, 1), local=local))
            for i, (instant, wall) in enumerate(marks):
                x = self.x_of(instant)
                painter.setPen(QPen(mid, 0))
                painter.drawLine(QPointF(x, top), QPointF(x, top + HEADER_H))
                # The band's label stays in view while its day (month…) is; it never runs
                # into the next one: the long form, else the short one, else cut.
                x = max(x, left + LABEL_W)
                room = (self.x_of(marks[i + 1][0]) if i + 1 < len(marks) else view.right()) - x - 6
                text = self._tick_label(wall, context, long=True)
                if metrics.horizontalAdvance(text) > room:
                    text = metrics.elidedText(self._tick_label(wall, context),
                                              Qt.TextElideMode.ElideRight, max(0, int(room)))
                painter.setPen(ink)
                painter.drawText(QPointF(x + 3, top + metrics.ascent() + 2), text)
        # The row labels' column, and its corner saying which zone the axis is in.
        painter.fillRect(QRectF(left, top + HEADER_H, LABEL_W, view.height()), base)
        painter.fillRect(QRectF(left, top, LABEL_W, HEADER_H), self.palette().window())
        painter.setPen(QPen(mid, 0))
        painter.drawLine(QPointF(left + LABEL_W, top), QPointF(left + LABEL_W, view.bottom()))
        painter.setPen(ink)
        painter.drawText(QRectF(left + 4, top, LABEL_W - 8, HEADER_H),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self._zone_name())
        painter.setClipRect(QRectF(left, top + HEADER_H, LABEL_W, view.height()))
        for row in self._rows:
            if row.top + row.height < top + HEADER_H or row.top > view.bottom():
                continue
            label = self.tr("Unlinked photos") if row.key == UNPLACED else row.key
            painter.drawText(QRectF(left + 4, row.top, LABEL_W - 8, ROW_H),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                                int(LABEL_W - 8)))
        painter.setClipping(False)

    def _zone_name(self) -> str:
        if not local_display():
            return self.tr("UTC")
        offset = datetime.now().astimezone().strftime("%z")
        return f"{offset[:3]}:{offset[3:]}"

    def _tick_label(self, wall: datetime, unit: str, *, long: bool = False) -> str:
        locale = self.locale()
        date = QDate(wall.year, wall.month, wall.day)
        if unit in (MINUTE, HOUR):
            return locale.toString(QTime(wall.hour, wall.minute), "HH:mm")
        if unit == DAY:
            return locale.toString(date, "ddd d MMMM yyyy" if long else "d MMM")
        if unit == MONTH:
            return locale.toString(date, "MMMM yyyy" if long else "MMM")
        return str(wall.year)

