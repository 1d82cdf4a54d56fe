"""A case with generated photos, a CaseSession on ImmediatePool, and mouse helpers."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from sqlalchemy import select

from annotator.core import boxes
from annotator.core.models import Box
from annotator.gui.background.workers import ImmediatePool


def make_session(case):  # type: ignore[no-untyped-def]
    from annotator.gui.session import CaseSession

    session = CaseSession(case, pool=ImmediatePool())
    session.jobs.pool = ImmediatePool()
    return session


def stored(case, photo_id: int):  # type: ignore[no-untyped-def]
    with case.reading() as s:
        return boxes.list_boxes(s, photo_id)


def box_ids(case) -> list[int]:  # type: ignore[no-untyped-def]
    with case.reading() as s:
        return list(s.execute(select(Box.id).order_by(Box.id)).scalars())


def vp(canvas, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    """The viewport point showing displayed-photo pixel (x, y)."""
    return canvas.mapFromScene(QPointF(x, y))


def drag(qtbot, canvas, start: QPoint, end: QPoint, steps: int = 4,  # type: ignore[no-untyped-def]
         button=Qt.MouseButton.LeftButton) -> None:
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, button, pos=start)
    for i in range(1, steps + 1):
        qtbot.mouseMove(viewport, start + (end - start) * (i / steps))
    qtbot.mouseRelease(viewport, button, pos=end)


def shown_canvas(qtbot, session, size: tuple[int, int] = (800, 600)):  # type: ignore[no-untyped-def]
    """A PhotoCanvas on its own, shown and exposed."""
    from annotator.gui.canvas import PhotoCanvas

    canvas = PhotoCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(*size)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def annotation_window(qtbot, session, size: tuple[int, int] = (1100, 600)):  # type: ignore[no-untyped-def]
    """The canvas and the Annotations panel in one shown window, as in the app (so the
    canvas's window-wide keys W, F, 1 are live). Returns (window, canvas, panel): keep the
    window referenced, or Python frees it with its children."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from annotator.gui.canvas import PhotoCanvas
    from annotator.gui.panels.annotations import AnnotationsPanel

    window = QWidget()
    qtbot.addWidget(window)
    canvas = PhotoCanvas(session, window)
    panel = AnnotationsPanel(session, canvas, window)
    layout = QHBoxLayout(window)
    layout.addWidget(canvas, 3)
    layout.addWidget(panel, 1)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window, canvas, panel
