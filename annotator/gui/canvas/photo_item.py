"""The photo on the canvas: one item whose scene rectangle is the displayed pixel size.

Whatever resolution is loaded (a reduced preview or the full decode), the item maps it onto
(0, 0, width, height), so scene coordinates are always displayed-pixel coordinates and
boxes never move when the full image replaces the preview. Painting draws only the exposed
part, from the preview when it has enough pixels for the current zoom, else from the full
image (drawing a 100-MP image scaled down on every repaint would be slow).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget


class PhotoItem(QGraphicsItem):
    """Displayed-size photo; `set_preview` / `set_full` swap in decoded images."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._rect = QRectF(0, 0, width, height)
        self.preview: QImage | None = None
        self.full: QImage | None = None
        # A map computed from the photo (error level, JPEG ghost), drawn over it when set.
        self.overlay: QImage | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def set_preview(self, image: QImage) -> None:
        self.preview = image
        self.update()

    def set_full(self, image: QImage) -> None:
        self.full = image
        self.update()

    def release_images(self) -> None:
        """Let go of the decoded images (the item is leaving the scene)."""
        self.preview = None
        self.full = None
        self.overlay = None

    def set_overlay(self, image: QImage | None) -> None:
        self.overlay = image
        self.update()

    def _image_for(self, lod: float) -> QImage | None:
        preview, full = self.preview, self.full
        if full is not None and (preview is None
                                 or preview.width() < lod * self._rect.width() - 0.5):
            return full
        return preview or full

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = option.exposedRect.intersected(self._rect)
        if exposed.isEmpty():
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        image = self._image_for(lod)
        if image is None:
            painter.fillRect(exposed, QColor(60, 60, 60))
            return
        sx = image.width() / self._rect.width()
        sy = image.height() / self._rect.height()
        source = QRectF(exposed.x() * sx, exposed.y() * sy,
                        exposed.width() * sx, exposed.height() * sy)
        # Smooth when reducing; when zoomed in, show the real pixels (forensic detail).
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, lod * sx < 1.0)
        painter.drawImage(exposed, image, source, Qt.ImageConversionFlag.AutoColor)
        overlay = self.overlay
        if overlay is not None:
            ox = overlay.width() / self._rect.width()
            oy = overlay.height() / self._rect.height()
            painter.drawImage(exposed, overlay, QRectF(exposed.x() * ox, exposed.y() * oy,
                                                       exposed.width() * ox,
                                                       exposed.height() * oy))
