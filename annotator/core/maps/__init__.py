"""Where the aircraft went: what a map covers (`period`), routes, airports and trips
(`routes`), the map's geometry read from the case (`geometry`: photo positions, airports,
tracks, great-circle legs), its exports (`geojson`, `kml`, and `files` behind `annotator
map`), the offline Natural Earth base map (`basemap`), how tracks are coloured
(`colours`), the sun at a photo's place and time (`sun_mark`), the projection shared with the GUI
(`projection`) and a Qt-free renderer to SVG and PNG (`render`). Qt-free like the rest of
the core.

Its public modules are named in `__all__` (import them as `annotator.core.maps.<module>`;
the package imports none of them itself, so a caller loads only what it draws).
"""

__all__ = [
    "basemap",
    "colours",
    "files",
    "geojson",
    "geometry",
    "kml",
    "projection",
    "render",
    "period",
    "routes",
    "sun_mark",
]
