"""`annotator map CASE --out FILE`: the map of a case written as GeoJSON, KML, SVG or PNG,
chosen by the file's suffix; the one core call behind the command."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import InputRejected
from annotator.core.maps.colours import SINGLE
from annotator.core.maps.geojson import geojson_bytes
from annotator.core.maps.geometry import MapData, load_map
from annotator.core.maps.kml import kml_bytes
from annotator.core.maps.period import MapFilter
from annotator.core.maps.render import png_bytes, svg_bytes

if TYPE_CHECKING:
    from annotator.core.case import Case

FORMATS = {".geojson": "geojson", ".json": "geojson", ".kml": "kml", ".svg": "svg",
           ".png": "png"}


def map_format(out: Path) -> str:
    kind = FORMATS.get(out.suffix.lower())
    if kind is None:
        raise InputRejected(f"{out.name}: give a file ending in .geojson, .kml, .png or .svg",
                            code="MAP_UNKNOWN_FORMAT", name=out.name)
    return kind


def map_bytes(data: MapData, kind: str, title: str = "annotator map",
              colour_by: str = SINGLE) -> bytes:
    """The file's bytes; `colour_by` (`colours`) colours the tracks of a PNG or SVG."""
    if kind == "geojson":
        return geojson_bytes(data)
    if kind == "kml":
        return kml_bytes(data, title)
    if kind == "svg":
        return svg_bytes(data, title=title, colour_by=colour_by)
    return png_bytes(data, title=title, colour_by=colour_by)


def write_map(case: Case, out: Path, what: MapFilter | None = None,
              colour_by: str = SINGLE) -> MapData:
    """Write the map of the flights and photos `what` selects to `out` (replaced whole, never
    left half-written); return what was drawn."""
    out = Path(out)
    kind = map_format(out)
    if not out.parent.is_dir():
        raise InputRejected(f"the folder {out.parent} does not exist",
                            code="MAP_FOLDER_MISSING", parent=out.parent)
    data = load_map(case, what)
    blob = map_bytes(data, kind, title=case_title(case, what or MapFilter()),
                     colour_by=colour_by)
    fd, tmp = tempfile.mkstemp(prefix=".map-", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 is for the half-written file only
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return data


def case_title(case: Case, what: MapFilter) -> str:
    parts = [what.registration or "all aircraft"]
    period = what.describe()
    if period["from_utc"] or period["to_utc"]:
        parts.append(f"{(period['from_utc'] or '…')[:10]} – {(period['to_utc'] or '…')[:10]}")
    return " · ".join(parts)
