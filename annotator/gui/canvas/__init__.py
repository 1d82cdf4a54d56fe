"""The photo canvas: view, box items with handles, drawing, and off-thread image loading."""

from annotator.gui.canvas.view import PhotoCanvas

__all__ = ["PhotoCanvas"]
