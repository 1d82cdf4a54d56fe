"""The rendered map's key lists only what the map draws, and a country the frame cuts is
named on the part it shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from annotator.core.maps.basemap import base_map, level_for
from annotator.core.maps.geometry import (
    COVERAGE_GAP_S,
    LegArc,
    MapData,
    PhotoPoint,
    TrackFix,
    TrackLine,
)
from annotator.core.maps.projection import Projection
from annotator.core.maps.render import Label, compose, legend_entries

T0 = datetime(2023, 10, 27, 9, 0, tzinfo=UTC)


def _leg(estimated: bool, tracked: bool = False) -> LegArc:
    return LegArc(flight_id=1, label="5U-MBH", origin="GABS", destination="GAGO",
                  departure=T0, arrival=T0 + timedelta(hours=2), estimated=estimated,
                  parts=[[(-7.95, 12.53), (-0.05, 16.25)]], tracked=tracked)


def _photo(placed: str) -> PhotoPoint:
    return PhotoPoint(photo_id=1, sha256="0" * 64, name="a.jpg", lon=-7.95, lat=12.53,
                      placed=placed, capture_utc=T0)


def test_the_key_names_only_what_is_drawn():
    only = MapData(photos=[_photo("gps")], legs=[_leg(estimated=False)])
    assert legend_entries(only) == ["leg (great circle)", "photo (GPS)"]

    gap = COVERAGE_GAP_S + 60
    fixes = [TrackFix(T0 + timedelta(seconds=s), -7.9 + s / 10_000, 12.6, 9000.0)
             for s in (0, 30, 60, 60 + gap, 90 + gap)]
    full = MapData(photos=[_photo("gps"), _photo("claimed")],
                   legs=[_leg(estimated=True), _leg(estimated=False, tracked=True)],
                   tracks=[TrackLine(1, "5U-MBH", fixes)])
    assert legend_entries(full) == ["leg, a time estimated", "track", "coverage gap",
                                    "photo (GPS)", "photo (claimed place)"]
    assert legend_entries(MapData()) == []
    scene = compose(only, 800, 500)
    texts = {item.text for item in scene.items if isinstance(item, Label)}
    assert "leg (great circle)" in texts and "coverage gap" not in texts


def test_a_country_whose_label_point_is_off_the_frame_is_named_on_the_part_shown():
    # West Africa, cut at 4° E: Niger's label point (about 9.5° E) is off the frame, but its
    # west shows, as on the demo case's map.
    proj = Projection.fit((-12.0, 11.0, 4.0, 21.0), 1600, 1000)
    scene = compose(MapData(), 1600, 1000, projection=proj)
    names = {item.text: (item.x, item.y) for item in scene.items
             if isinstance(item, Label) and item.text.isupper()}
    assert "MALI" in names and "NIGER" in names
    niger = next(c for c in base_map(level_for(1 / proj.scale)).countries
                 if c.name.upper() == "NIGER")
    label_x, _ = proj.xy(*niger.label)
    assert label_x > 1600  # the usual place is off the frame
    x, y = names["NIGER"]
    assert 0 < x < 1600 and 0 < y < 1000
    lon, lat = proj.lonlat(x, y)
    assert niger.bbox[0] <= lon <= niger.bbox[2] and niger.bbox[1] <= lat <= niger.bbox[3]
    # Togo barely enters the frame's corner: too little of it shows to be named there.
    assert "TOGO" not in names
