"""Where the aircraft went: routes, airports and trips over a period (`routes`), the map's
geometry read from the case (`geometry`: photo positions, airports, tracks, great-circle legs),
its exports (`geojson`, `kml`), the offline Natural Earth base map (`basemap`), the
projection shared with the GUI (`projection`) and a Qt-free renderer to SVG and PNG
(`render`). Qt-free like the rest of the core.

Its public modules are named in `__all__` (import them as `annotator.core.maps.<module>`;
the package imports none of them itself, so a caller loads only what it draws).
"""

__all__ = [
    "period",
    "routes",
]
