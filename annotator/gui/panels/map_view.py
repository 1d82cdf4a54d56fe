"""The map as a QGraphicsView: the same geometry `annotator map` draws (core `maps`), in
the plane of `maps.projection` (x = lon·cos φ0, y = −lat, times `UNITS` scene units).

The base map is vector paths (crisp at any zoom); lines use cosmetic pens (their width in
screen pixels whatever the zoom); airports, labels and photo points ignore the zoom too.
Photo points are one layer item (`PhotoLayer`) that paints only the points on screen, once
per pixel; a click picks the nearest point within a few pixels, else the nearest flight line.
Level of detail: the base map and every track are kept as paths at a few simplifications,
and the view shows the one whose step is under a pixel at the current zoom, so a
100,000-point track is not drawn point by point when zoomed out.

The paths are prepared in a worker (`map_scene`); `show_prepared` only makes the items, a
few milliseconds' worth per turn of the event loop (`BUDGET_S`), so loading a big map never
freezes the window. `building` is true until every item is in.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from annotator.core.maps import render as style
from annotator.core.maps.basemap import LEVELS
from annotator.core.maps.colours import SINGLE
from annotator.core.maps.geometry import MapData
from annotator.core.maps.projection import Plane
from annotator.core.maps.sun_mark import SunMark, toward
from annotator.gui.panels.map_items import BasePath, FlightLine, Layer, LodPath, PhotoLayer, pen
from annotator.gui.panels.map_scene import (
    TRACK_LEVELS,
    UNITS,
    FlightDrawing,
    PreparedMap,
    prepare_map,
)
from annotator.gui.panels.map_scene import xy as plane_xy
from annotator.gui.panels.map_sun import AltitudeLegend, SunItem

BUDGET_S = 0.012  # GUI-thread time spent adding items per turn of the event loop


class MapView(QGraphicsView):
    """Draws a `MapData`; emits `photo_clicked(photo_id)` when a photo point is clicked and
    `flight_clicked(flight_id)` when a leg or a track is."""

    photo_clicked = Signal(int)
    flight_clicked = Signal(int)
    built = Signal()  # every item of the map is in the scene

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor(style.SEA))
        self.plane = Plane()
        self.data: MapData | None = None
        self.prepared: PreparedMap | None = None
        self.colour_by = SINGLE
        self.photos: PhotoLayer | None = None
        self.leg_items: list[tuple[Any, FlightLine]] = []  # (LegArc, item)
        self.track_items: list[tuple[Any, LodPath]] = []  # (TrackLine, item)
        self.base_items: list[QGraphicsItem] = []  # one layer per LEVELS entry (land)
        self.border_items: list[QGraphicsItem] = []
        self.current_photo: int | None = None
        self.selected_flight: int | None = None
        self.sun: SunMark | None = None
        self.sun_item: SunItem | None = None
        self.until: datetime | None = None
        self.since: datetime | None = None
        self.home: QRectF | None = None
        self.building = False
        self.moved_by_user = False  # zoomed or panned since the map was fitted
        self._steps: Iterator[None] | None = None
        self._track_level = 0
        self.budget_s = BUDGET_S
        # A child of the view, over the viewport: a child of the viewport would be moved
        # with the picture at every scroll (QWidget.scroll moves the children too).
        self.legend = AltitudeLegend(self)
        self.legend.hide()

    # -- building ----------------------------------------------------------------------

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return plane_xy(self.plane, lon, lat)

    def set_data(self, data: MapData) -> None:
        """Draw `data` now, on this thread (tests, benchmarks; the panel prepares in a
        worker and calls `show_prepared`)."""
        self.show_prepared(prepare_map(data, self.colour_by), budget_s=math.inf)

    def show_prepared(self, prepared: PreparedMap, budget_s: float | None = None) -> None:
        """Draw a prepared map (replacing what was drawn) and fit it in the view. The items
        are added `budget_s` (default `self.budget_s`) at a time; `built` is emitted when the
        last is in."""
        scene = self.scene()
        self._steps = None
        # Painting a half-built map costs as much as painting the whole (tens of ms zoomed
        # out): the viewport keeps its last picture until every item is in, then paints once.
        self.viewport().setUpdatesEnabled(False)
        scene.clear()
        self.photos, self.leg_items, self.track_items = None, [], []
        self.base_items, self.border_items = [], []
        self.sun_item = None
        self.prepared, self.data, self.plane = prepared, prepared.data, prepared.plane
        self.colour_by = prepared.flights.colour_by
        scene.setSceneRect(QRectF(*prepared.scene_rect))
        self.home = QRectF(*prepared.home)
        self.photos = PhotoLayer(scene.sceneRect())
        self.fit()
        self.building = True
        self._steps = self._add_items(prepared)
        self._show_legend()
        self._continue(budget_s if budget_s is not None else self.budget_s)

    def clear(self) -> None:
        """Stop building and remove every item (the view is going away)."""
        self._steps = None
        self.building = False
        self.scene().clear()
        self.photos, self.leg_items, self.track_items = None, [], []
        self.base_items, self.border_items = [], []
        self.sun_item = None
        self.viewport().setUpdatesEnabled(True)

    def _continue(self, budget_s: float | None = None) -> None:
        steps = self._steps
        if steps is None:
            return
        deadline = time.perf_counter() + (budget_s if budget_s is not None else self.budget_s)
        for _ in steps:
            if time.perf_counter() >= deadline:
                QTimer.singleShot(0, lambda s=steps: s is self._steps and self._continue())
                return
        self._steps = None
        self.building = False
        self.viewport().setUpdatesEnabled(True)
        self._level_of_detail()
        self.apply_filter(self.until, self.since)
        self.set_current_photo(self.current_photo)
        self.built.emit()

    def _add_items(self, prepared: PreparedMap) -> Iterator[None]:
        """Add the scene's items one by one (a generator: `_continue` stops it between
        two items when its time is up, and picks it up on the next turn of the loop)."""
        scene = self.scene()
        assert self.photos is not None
        photos = prepared.photos
        self.photos.set_points(photos.ids, photos.xs, photos.ys, photos.gps, photos.when,
                               photos.direction)
        self.photos.apply_filter(self.until, self.since)
        self.photos.set_current(self.current_photo)
        scene.addItem(self.photos)
        self._show_sun()
        yield
        yield from self._add_flights(prepared.flights)
        self._airports(prepared.data)
        yield
        land_brush = QBrush(QColor(style.LAND))
        coast, border_pen = pen(style.COAST, 1.0), pen(style.BORDER, 0.8)
        for _level in prepared.land:
            land_layer, border_layer = Layer(0), Layer(1)
            scene.addItem(land_layer)
            scene.addItem(border_layer)
            self.base_items.append(land_layer)
            self.border_items.append(border_layer)
        self._level_of_detail()
        for i, (land, borders) in enumerate(zip(prepared.land, prepared.borders, strict=True)):
            for path in land:
                item = BasePath(path, self.base_items[i])
                item.setPen(coast)
                item.setBrush(land_brush)
                yield
            for path in borders:
                BasePath(path, self.border_items[i]).setPen(border_pen)
                yield
        for name, x, y in prepared.labels:
            text = scene.addSimpleText(name)
            text.setBrush(QColor(style.COUNTRY_TEXT))
            text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            text.setPos(x, y)
            text.setZValue(2)
        grid = BasePath(prepared.graticule)
        grid.setPen(pen(style.GRID, 0.6, dash=True))
        grid.setZValue(3)
        scene.addItem(grid)

    def _add_flights(self, drawing: FlightDrawing) -> Iterator[None]:
        scene = self.scene()
        for leg in drawing.legs:
            item = FlightLine(leg.path, pen(leg.colour, leg.width, dash=leg.leg.estimated),
                              leg.leg.flight_id, leg.leg.departure or leg.leg.arrival,
                              leg.leg.arrival or leg.leg.departure)
            item.setZValue(10)
            item.setToolTip(f"{leg.leg.label} {leg.leg.origin}→{leg.leg.destination} "
                            f"#{leg.leg.flight_id}")
            item.setVisible(self._shown(item.first, item.last))
            item.set_selected(item.flight_id == self.selected_flight)
            scene.addItem(item)
            self.leg_items.append((leg.leg, item))
            yield
        for chunk in drawing.tracks:
            line = pen(chunk.colour, 1.5, dash=True) if chunk.gap else pen(chunk.colour, 2.2)
            titem = LodPath(chunk.paths, line, chunk.track.flight_id, chunk.first, chunk.last)
            titem.setZValue(11)
            titem.setToolTip(f"{chunk.track.label} #{chunk.track.flight_id}")
            titem.show_level(self._track_level)
            titem.setVisible(self._shown(chunk.first, chunk.last))
            titem.set_selected(titem.flight_id == self.selected_flight)
            scene.addItem(titem)
            self.track_items.append((chunk.track, titem))
            yield

    def show_flights(self, drawing: FlightDrawing) -> None:
        """Replace the legs and tracks (coloured another way) and nothing else."""
        if self.prepared is None:
            return
        if self.building:  # the map being built: start again with the new flights
            self.prepared.flights = drawing
            self.show_prepared(self.prepared)
            return
        for _, item in [*self.leg_items, *self.track_items]:
            self.scene().removeItem(item)
        self.leg_items, self.track_items = [], []
        self.prepared.flights = drawing
        self.colour_by = drawing.colour_by
        for _ in self._add_flights(drawing):
            pass
        self._show_legend()

    def _show_legend(self) -> None:
        scale = self.prepared.flights.altitude if self.prepared is not None else None
        self.legend.set_scale(scale)
        self._place_legend()

    def _place_legend(self) -> None:
        self.legend.adjustSize()
        area = self.viewport().geometry()
        self.legend.move(area.left() + 8, area.bottom() + 1 - self.legend.height() - 8)
        self.legend.raise_()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:  # the viewport, not the view: scroll bars
            self._place_legend()                # coming and going resize it alone
        return super().viewportEvent(event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self.moved_by_user:  # a dock resized before anyone zoomed: still all shown
            self.fit()

    def _airports(self, data: MapData) -> None:
        font = QFont()
        font.setBold(True)
        for a in data.airports:
            x, y = self.xy(a.lon, a.lat)
            mark = QGraphicsRectItem(-5, -5, 10, 10)
            mark.setBrush(QColor(style.AIRPORT))
            mark.setPen(QPen(QColor("#ffffff"), 1.2))
            mark.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            mark.setPos(x, y)
            mark.setZValue(20)
            mark.setToolTip(f"{a.icao} — {a.name}")
            self.scene().addItem(mark)
            label = QGraphicsSimpleTextItem(f"{a.icao} ({a.iata})" if a.iata else a.icao)
            label.setFont(font)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            label.setPos(x, y)
            label.setTransform(label.transform().translate(8, -18))
            label.setZValue(21)
            self.scene().addItem(label)

    def photo_ids(self) -> set[int]:
        return set(self.photos.ids) if self.photos else set()

    def photo_shown(self, photo_id: int) -> bool:
        return self.photos is not None and self.photos.is_shown(photo_id)

    def photo_view_pos(self, photo_id: int) -> QPoint:
        """Where a photo's point is in the viewport (for clicks)."""
        assert self.photos is not None
        return self.mapFromScene(self.photos.scene_pos(photo_id))

    def flight_items(self, flight_id: int) -> list[FlightLine]:
        return [item for _, item in [*self.leg_items, *self.track_items]
                if item.flight_id == flight_id]

    # -- showing -----------------------------------------------------------------------

    def fit(self) -> None:
        self.moved_by_user = False
        if self.home is not None:
            self.fitInView(self.home, Qt.AspectRatioMode.KeepAspectRatio)
        self._level_of_detail()

    def _shown(self, first: datetime | None, last: datetime | None) -> bool:
        """Whether something spanning first…last (None: unknown) meets the filter: it began
        by `until` and had not ended before `since`."""
        first, last = first or last, last or first
        if first is None or last is None:
            return True
        return ((self.until is None or first <= self.until)
                and (self.since is None or last >= self.since))

    def apply_filter(self, until: datetime | None, since: datetime | None = None) -> None:
        """Show only what began by `until` and ended after `since` (None: no limit); a
        track is shown piece by piece, so only its part inside the period is drawn."""
        self.until, self.since = until, since
        for _, item in [*self.leg_items, *self.track_items]:
            item.setVisible(self._shown(item.first, item.last))
        if self.photos is not None:
            self.photos.apply_filter(self.until, self.since)
        self._show_sun()

    def set_current_photo(self, photo_id: int | None) -> None:
        self.current_photo = photo_id
        if self.photos is not None:
            self.photos.set_current(photo_id)
        self._show_sun()

    def set_selected_flight(self, flight_id: int | None) -> None:
        """Draw `flight_id`'s leg or track as selected (None: no flight selected)."""
        previous, self.selected_flight = self.selected_flight, flight_id
        for fid in {previous, flight_id} - {None}:
            for item in self.flight_items(fid):  # type: ignore[arg-type]
                item.set_selected(fid == flight_id)

    def set_sun(self, mark: SunMark | None) -> None:
        """The sun at the current photo's place and time (None: none to draw)."""
        self.sun = mark
        self._show_sun()

    def _show_sun(self) -> None:
        mark = self.sun
        show = (mark is not None and self.photos is not None
                and mark.photo_id == self.current_photo
                and mark.photo_id in self.photos.index and self.photos.is_shown(mark.photo_id))
        if not show:
            if self.sun_item is not None:
                self.sun_item.setVisible(False)
            return
        assert mark is not None
        if self.sun_item is None:
            self.sun_item = SunItem()
            self.scene().addItem(self.sun_item)
        x, y = self.xy(mark.lon, mark.lat)
        self.sun_item.setPos(x, y)
        self.sun_item.set_mark(mark, self.screen_direction, sun_text(mark))
        self.sun_item.setVisible(True)

    def screen_direction(self, lon: float, lat: float, azimuth: float) -> QPointF:
        """The unit vector, in view pixels (y down), of `azimuth` at (lon, lat) on this
        map's projection (exact for it: a point 1 km along the great circle, projected)."""
        x0, y0 = self.xy(lon, lat)
        x1, y1 = self.xy(*toward(lon, lat, azimuth, 1.0))
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        return QPointF((x1 - x0) / length, (y1 - y0) / length)

    def visible_legs(self) -> list[int]:
        return [leg.flight_id for leg, item in self.leg_items if item.isVisible()]

    def visible_track_items(self) -> list[LodPath]:
        return [item for _, item in self.track_items if item.isVisible()]

    def _level_of_detail(self) -> None:
        px_per_deg = self.transform().m11() * UNITS
        deg_per_px = 1 / px_per_deg if px_per_deg > 0 else 1.0
        base = max(i for i, level in enumerate(LEVELS) if level <= deg_per_px or i == 0)
        for i, (land, border) in enumerate(zip(self.base_items, self.border_items,
                                               strict=True)):
            land.setVisible(i == base)
            border.setVisible(i == base)
        # A track's points kept at least 3 px apart: a 2.2 px line looks the same, and a
        # zoomed-out 100,000-point track is drawn with a few thousand.
        self._track_level = max(i for i, level in enumerate(TRACK_LEVELS)
                                if level <= deg_per_px * 3 or i == 0)
        for _, item in self.track_items:
            item.show_level(self._track_level)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.moved_by_user = True
        self.scale(factor, factor)
        self._level_of_detail()
        event.accept()

    def flight_near(self, x: float, y: float, reach: float = 6.0) -> int | None:
        """The shown leg or track nearest to view position (x, y), within `reach` pixels."""
        to_view = self.viewportTransform()
        area = to_view.inverted()[0].mapRect(QRectF(x - reach, y - reach, 2 * reach,
                                                    2 * reach))
        best, best_d = None, reach
        for item in self.scene().items(area):
            if isinstance(item, FlightLine) and item.isVisible():
                d = item.view_distance(to_view, x, y)
                if d <= best_d:
                    best, best_d = item.flight_id, d
        return best

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.photos is not None:
            x, y = event.position().x(), event.position().y()
            photo_id = self.photos.photo_near(self.viewportTransform(), x, y)
            if photo_id is not None:
                self.photo_clicked.emit(photo_id)
                event.accept()
                return
            self.moved_by_user = True  # the press starts a drag that pans
            flight_id = self.flight_near(x, y)
            if flight_id is not None:
                self.flight_clicked.emit(flight_id)  # the press still pans, as on the map
        super().mousePressEvent(event)


def sun_text(mark: SunMark) -> str:
    """The label beside the sun's ray or fan, in the user's language."""
    translate = QCoreApplication.translate

    def deg(value: float) -> str:
        return f"{value:.0f}°"

    if mark.whole_day:
        return translate("MapView", "Sun: the capture time spans a day or more (any azimuth)")
    if mark.is_interval:
        if not mark.fan:
            return translate("MapView", "Sun below the horizon all through the capture interval")
        return translate("MapView", "Sun: azimuth {0} to {1} over the capture interval").format(
            deg(mark.fan[0]), deg(mark.fan[-1]))
    sun = mark.best
    if sun is None:
        return ""
    if not mark.up:
        return translate("MapView", "Sun below the horizon (elevation {0})").format(
            deg(sun.elevation))
    return translate("MapView", "Sun: azimuth {0}, elevation {1}").format(
        deg(sun.azimuth), deg(sun.elevation))
