"""The canvas: one photo, upright at its displayed size, with its boxes.

Zoom with the wheel around the cursor, pan with the middle button or Space + drag, F fits,
1 shows 1:1. W arms drawing: a drag draws one box (one undo command on release). A tool
may take the left clicks for a while (`set_point_picker`: the Sun & shadows tool's marks). Boxes are
moved and resized with the mouse (one command on release), nudged with the arrows (Shift:
10 px; successive nudges merge into one command), deleted with Delete, duplicated with
Ctrl+D; Ctrl+Shift+D copies the previous photo's boxes onto this one. R asks for the selected
box's registration to be read (`read_registration_requested`; the Annotations panel does it).

The canvas never writes the database itself: it pushes commands (annotator.gui.undo.box_commands) on
the session's undo stack and redraws from the database whenever `boxes_changed` says so, so
what is on screen is what is stored. Decoding runs in workers (canvas.image_loader), and so
do the reads of the photo and its boxes (`session.reads`): the GUI thread never waits on
the database server.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView, QWidget

from annotator.core import boxes as core
from annotator.core.boxes import BoxInfo
from annotator.core.photos import PhotoToShow, photo_to_show
from annotator.gui.background.workers import LatestOnly
from annotator.gui.canvas.box_item import BoxItem
from annotator.gui.canvas.editing import BoxEditing
from annotator.gui.canvas.image_loader import PhotoImageLoader
from annotator.gui.canvas.photo_item import PhotoItem

ZOOM_STEP = 1.25
MAX_ZOOM = 32.0
MIN_DRAWN_SIDE = 2.0


class PhotoCanvas(BoxEditing, QGraphicsView):
    """Shows `session`'s selected photo and edits its boxes through undo commands."""

    box_selection_changed = Signal(object)  # box id, or None
    draw_mode_changed = Signal(bool)
    zoom_changed = Signal(float)  # screen pixels per displayed photo pixel
    read_registration_requested = Signal(object)  # R: read this box's registration (id or None)

    def __init__(self, session, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.photo_id: int | None = None
        self.photo_item: PhotoItem | None = None
        self.items_by_id: dict[int, BoxItem] = {}
        self._bounds = QRectF()
        self._draw_mode = False
        self._drawing: tuple[QPointF, QGraphicsRectItem] | None = None
        self._panning: QPoint | None = None
        self._space_held = False
        self._fit_mode = True
        self._syncing = False
        # (on_click, on_move) of a tool taking the left clicks, in photo pixels; None: boxes.
        self._picker: tuple[Callable[[QPointF], None], Callable[[QPointF], None] | None] | None \
            = None

        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(QColor(40, 40, 40)))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._scene.selectionChanged.connect(self._on_selection_changed)

        self.loader = PhotoImageLoader(session.jobs, self)
        self._photo_read = LatestOnly(session.reads)
        self._boxes_read = LatestOnly(session.reads)
        self._loading_photo: int | None = None  # read in flight for this photo
        self._boxes_stale = False  # its boxes changed while it was read
        self._select_when_shown: int | None = None
        self._unsaved_rects: dict[int, QRectF] = {}  # box id → where an unsaved edit put it
        # Boxes drawn and not yet read back (saving, or pending while the server is away):
        # a dashed outline each, keyed by the box id once the save gave one.
        self._unsaved_outlines: dict[int, QGraphicsRectItem] = {}
        self.unsaved_drawn: list[QGraphicsRectItem] = []  # every such outline shown now
        self._make_actions()
        session.photo_selected.connect(self.show_photo)
        session.boxes_changed.connect(self._on_boxes_changed)

    def set_draw_mode(self, on: bool) -> None:
        """Arm (or disarm) drawing: the next left drag on the photo draws one box."""
        on = bool(on) and self.photo_item is not None
        if on == self._draw_mode:
            self.draw_action.setChecked(on)
            return
        self._draw_mode = on
        self.draw_action.setChecked(on)
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on
                         else QGraphicsView.DragMode.RubberBandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        if not on:
            self._cancel_drawing()
        self.draw_mode_changed.emit(on)

    def draw_mode(self) -> bool:
        return self._draw_mode

    def set_point_picker(self, on_click: Callable[[QPointF], None] | None,
                         on_move: Callable[[QPointF], None] | None = None) -> None:
        """Give the left clicks on the photo to a tool (`on_click(point)`, displayed photo
        pixels, kept inside the photo) and the pointer's moves (`on_move`) until called with
        None. Boxes are neither drawn nor selected meanwhile; panning and zoom still work."""
        if on_click is not None:
            self.set_draw_mode(False)
            self._picker = (on_click, on_move)
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        elif self._picker is not None:
            self._picker = None
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)

    def picking_points(self) -> bool:
        return self._picker is not None

    # -- showing a photo -----------------------------------------------------------------

    def show_photo(self, photo_id: int | None) -> None:
        """Show `photo_id` (or nothing): its boxes once a worker has read them, the image
        when a worker decodes it."""
        self.loader.cancel()
        self._photo_read.cancel()
        self._boxes_read.cancel()
        self._select_when_shown = None
        self._finish_gestures()
        if self.photo_item is not None:
            self.photo_item.release_images()  # even if a stray reference keeps the item
        self._syncing = True
        self._scene.clear()
        self._unsaved_outlines, self.unsaved_drawn = {}, []
        self._syncing = False
        self.items_by_id = {}
        self.photo_item = None
        self.photo_id = None
        self._loading_photo = photo_id
        if photo_id is None:
            self.set_draw_mode(False)
            self.box_selection_changed.emit(None)
            return
        self._boxes_stale = False
        case = self.session.case

        def read() -> tuple[PhotoToShow, list[BoxInfo]] | None:
            shown = photo_to_show(case, photo_id)
            if shown is None:
                return None
            with case.reading() as s:
                return shown, core.list_boxes(s, photo_id)

        self._photo_read.load(read, lambda result: self._photo_read_done(photo_id, result),
                              lambda text: self._photo_read_failed(photo_id, text))

    def _photo_read_failed(self, photo_id: int, text: str) -> None:
        if photo_id == self._loading_photo:
            self._loading_photo = None
            self.session.status_message.emit(self.tr("Cannot show this photo: {0}").format(text))

    def _photo_read_done(self, photo_id: int,
                         result: tuple[PhotoToShow, list[BoxInfo]] | None) -> None:
        if photo_id != self._loading_photo:
            return
        self._loading_photo = None
        if result is None:
            self.box_selection_changed.emit(None)
            return
        shown, stored = result
        sha256, width, height, orientation = (shown.sha256, shown.width, shown.height,
                                              shown.orientation)
        self.photo_id = photo_id
        self._bounds = QRectF(0, 0, width, height)
        self.photo_item = PhotoItem(width, height)
        self._scene.addItem(self.photo_item)
        margin = max(width, height) * 0.25
        self._scene.setSceneRect(self._bounds.adjusted(-margin, -margin, margin, margin))
        self._apply_boxes(photo_id, stored)
        if self._boxes_stale:
            self._sync_boxes()
        self.fit_to_window()
        self.box_selection_changed.emit(None)
        item = self.photo_item
        self.loader.load(
            self.session.case.store.path_for(sha256), orientation, (width, height),
            on_preview=lambda image: self._set_image(item, image, full=False),
            on_full=lambda image: self._set_image(item, image, full=True),
            on_error=lambda text: self.session.status_message.emit(
                self.tr("Cannot show this photo: {0}").format(text)),
            thumbnail=self.session.case.thumb_path(sha256),  # checked in the worker
        )

    def set_overlay(self, photo_id: int, image: QImage | None) -> bool:
        """Draw `image` over the photo (None removes it); False when `photo_id` is no longer
        the photo shown (a map computed for the previous photo is dropped)."""
        if self.photo_item is None or photo_id != self.photo_id:
            return False
        self.photo_item.set_overlay(image)
        return True

    def _set_image(self, item: PhotoItem, image: QImage, *, full: bool) -> None:
        if item is not self.photo_item:
            return
        (item.set_full if full else item.set_preview)(image)

    def _on_boxes_changed(self, photo_id: int) -> None:
        if photo_id == self.photo_id:
            self._sync_boxes()
        elif photo_id == self._loading_photo:
            self._boxes_stale = True  # read again once the photo is shown

    def select_box_when_shown(self, box_id: int | None) -> None:
        """Select `box_id` now if it is shown, else once a reload of the boxes brings it
        (a box just drawn: its save and the reload run in workers)."""
        if box_id is None:
            return
        if box_id in self.items_by_id and not self._boxes_read.busy():
            self._select_when_shown = None
            self.select_box(box_id)
        else:
            self._select_when_shown = box_id

    def _sync_boxes(self) -> None:
        """Read the boxes again (in a worker), then make the items match them."""
        if self.photo_id is None:
            return
        photo_id, case = self.photo_id, self.session.case

        def read() -> list[BoxInfo]:
            with case.reading() as s:
                return core.list_boxes(s, photo_id)

        self._boxes_read.load(read, lambda stored: self._apply_boxes(photo_id, stored))

    def _apply_boxes(self, photo_id: int, boxes: list[BoxInfo]) -> None:
        """Make the box items match `boxes` as read (add, update, remove), keeping the
        selection."""
        if photo_id != self.photo_id:
            return
        stored = {b.id: b for b in boxes}
        selected = self.selected_box_ids()
        self._syncing = True
        try:
            for box_id in list(self.items_by_id):
                if box_id not in stored:
                    self._scene.removeItem(self.items_by_id.pop(box_id))
            for box_id, info in stored.items():
                item = self.items_by_id.get(box_id)
                if item is None:
                    item = BoxItem(info, self._bounds, self._on_item_edited)
                    self.items_by_id[box_id] = item
                    self._scene.addItem(item)
                elif item.info != info or item.rect() != item.stored_rect():
                    item.set_info(info)
                unsaved = self._unsaved_rects.get(box_id)
                if unsaved is not None and item.rect() != unsaved:
                    item.set_box_rect(unsaved)  # an edit on its way: shown where it goes
        finally:
            self._syncing = False
        for box_id in [i for i in self._unsaved_outlines if i in self.items_by_id]:
            self._drop_unsaved_outline(self._unsaved_outlines.pop(box_id))
        wanted = self._select_when_shown  # not in this read: maybe in the next one
        if wanted is not None and wanted in self.items_by_id:
            self._select_when_shown = None
            self.select_box(wanted)
        elif selected != self.selected_box_ids():
            self._on_selection_changed()

    # -- selection -----------------------------------------------------------------------

    def selected_box_ids(self) -> list[int]:
        return sorted(i.box_id for i in self._scene.selectedItems() if isinstance(i, BoxItem))

    def select_box(self, box_id: int | None) -> None:
        """Select exactly this box (None clears); used by the Annotations list."""
        if self.selected_box_ids() == ([box_id] if box_id is not None else []):
            return
        self._syncing = True
        try:
            self._scene.clearSelection()
            item = self.items_by_id.get(box_id) if box_id is not None else None
            if item is not None:
                item.setSelected(True)
                self.ensureVisible(item, 20, 20)
        finally:
            self._syncing = False
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        if self._syncing:
            return
        ids = self.selected_box_ids()
        self.box_selection_changed.emit(ids[0] if ids else None)

    # -- zoom and pan --------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def fit_to_window(self) -> None:
        if self.photo_item is None:
            return
        self._fit_mode = True
        self._show_scrollbars(False)  # the margin around the photo would add scrollbars
        self.fitInView(self._bounds, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def _show_scrollbars(self, shown: bool) -> None:
        policy = (Qt.ScrollBarPolicy.ScrollBarAsNeeded if shown
                  else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def actual_size(self) -> None:
        self._fit_mode = False
        self._show_scrollbars(True)
        center = self.mapToScene(self.viewport().rect().center())
        self.resetTransform()
        self.centerOn(center)
        self.zoom_changed.emit(self.zoom())

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by `factor`, keeping the photo point under viewport point `anchor` (default:
        the centre) where it is."""
        current = self.zoom()
        fit = min(self.viewport().width() / max(1.0, self._bounds.width()),
                  self.viewport().height() / max(1.0, self._bounds.height()))
        target = min(max(current * factor, min(fit, 1.0) / 4), MAX_ZOOM)
        if current <= 0 or target == current:
            return
        self._show_scrollbars(True)
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        self._fit_mode = False
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        moved_to = self.mapFromScene(fixed)
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + moved_to.x() - anchor.x())
        v.setValue(v.value() + moved_to.y() - anchor.y())
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, event.position().toPoint())
        event.accept()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        # Box captions stay whole in the viewport whatever the zoom, scroll or box position;
        # placing them here covers every way the view can change.
        for item in self.items_by_id.values():
            item.caption.keep_inside(self)
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit_to_window()

    # -- mouse: pan, draw, else the items ------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
                button == Qt.MouseButton.LeftButton and self._space_held):
            self._panning = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and self._picker is not None and self.photo_item:
            self._picker[0](self._clamp(self.mapToScene(event.position().toPoint())))
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and self._draw_mode and self.photo_item:
            start = self._clamp(self.mapToScene(event.position().toPoint()))
            rubber = QGraphicsRectItem(QRectF(start, start))
            pen = QPen(QColor(255, 200, 0), 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            rubber.setPen(pen)
            rubber.setZValue(10)
            self._scene.addItem(rubber)
            self._drawing = (start, rubber)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._panning is not None:
            pos = event.position().toPoint()
            delta = pos - self._panning
            self._panning = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._drawing is not None:
            start, rubber = self._drawing
            end = self._clamp(self.mapToScene(event.position().toPoint()))
            rubber.setRect(QRectF(start, end).normalized())
            event.accept()
            return
        if self._picker is not None and self._picker[1] is not None:
            self._picker[1](self.mapToScene(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._panning is not None and event.button() in (Qt.MouseButton.MiddleButton,
                                                             Qt.MouseButton.LeftButton):
            self._panning = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space_held
                else Qt.CursorShape.CrossCursor if self._picker is not None
                else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        if self._picker is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            return
        if self._drawing is not None and event.button() == Qt.MouseButton.LeftButton:
            start, _rubber = self._drawing
            end = self._clamp(self.mapToScene(event.position().toPoint()))
            self._cancel_drawing()
            rect = QRectF(start, end).normalized()
            if rect.width() >= MIN_DRAWN_SIDE and rect.height() >= MIN_DRAWN_SIDE:
                self._create_box(rect)
            self.set_draw_mode(False)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._draw_mode:
            self.set_draw_mode(False)
            event.accept()
            return
        if (self.read_action.isEnabled() and not event.isAutoRepeat()
                and QKeySequence(event.keyCombination()) in self.read_action.shortcuts()):
            # The shortcut map did not take the key (the window is not the active one, as
            # under a bare X server or in a test): the canvas still answers its own R.
            self.read_action.trigger()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().setCursor(Qt.CursorShape.CrossCursor
                                      if self._draw_mode or self._picker is not None
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _clamp(self, p: QPointF) -> QPointF:
        b = self._bounds
        return QPointF(min(max(p.x(), b.left()), b.right()), min(max(p.y(), b.top()), b.bottom()))

    def _finish_gestures(self) -> None:
        """Save a box being drawn, moved or resized when the photo changes mid-gesture, so a
        quick switch loses nothing that was on screen."""
        if self._drawing is not None:
            start, rubber = self._drawing
            rect = rubber.rect()
            self._cancel_drawing()
            if rect.width() >= MIN_DRAWN_SIDE and rect.height() >= MIN_DRAWN_SIDE:
                self._create_box(rect)
        for item in list(self.items_by_id.values()):
            item.finish_pending_edit()
        grabber = self._scene.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()

    def _add_unsaved_outline(self, rect: QRectF) -> QGraphicsRectItem:
        outline = QGraphicsRectItem(rect)
        pen = QPen(QColor(255, 200, 0), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        outline.setPen(pen)
        outline.setZValue(5)
        self._scene.addItem(outline)
        self.unsaved_drawn.append(outline)
        return outline

    def _keep_unsaved_outline(self, box_id: int, outline: QGraphicsRectItem) -> None:
        """The drawn box got its id: its outline goes when the box is read back."""
        if outline in self.unsaved_drawn:  # not cleared with the photo meanwhile
            self._unsaved_outlines[box_id] = outline

    def _drop_unsaved_outline(self, outline: QGraphicsRectItem) -> None:
        if outline in self.unsaved_drawn:  # not cleared with the photo meanwhile
            self.unsaved_drawn.remove(outline)
            self._scene.removeItem(outline)

    def _cancel_drawing(self) -> None:
        if self._drawing is not None:
            _start, rubber = self._drawing
            self._drawing = None
            if rubber.scene() is self._scene:
                self._scene.removeItem(rubber)
