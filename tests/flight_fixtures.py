"""Generated flight sources (each format the importers read) and photos for suggestion tests.

Positions are real airports: GABS Bamako-Sénou, DRRN Niamey, GAGO Gao.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.core.models import Box, Photo
from annotator.core.timeutil import iso_z, parse_iso_utc, utc_now

GABS = (12.5335, -7.94994)
DRRN = (13.4815, 2.18361)
GAGO = (16.2484, -0.00546)
T0 = datetime(2023, 10, 27, 10, 30, tzinfo=UTC)


def lerp(a: tuple[float, float], b: tuple[float, float], f: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def flight_points(start: datetime, a: tuple[float, float], b: tuple[float, float], *,
                  minutes: int = 120, step_s: int = 30, taxi: bool = True,
                  gaps: tuple[tuple[int, int], ...] = ()) -> list[dict]:
    """Points of one flight a→b: taxi at a, climb, cruise, descent, taxi at b.

    `gaps` are (from_minute, to_minute) stretches with no reports. Dicts carry t, lat, lon,
    alt (ft or "ground"), gs (kt), vrate (fpm).
    """
    pts = []
    if taxi:
        for i in range(10):
            pts.append({"t": start + timedelta(seconds=i * step_s), "lat": a[0] + 0.001 * i,
                        "lon": a[1], "alt": "ground", "gs": 12.0, "vrate": 0})
    airborne = start + timedelta(seconds=10 * step_s if taxi else 0)
    total = minutes * 60
    for s in range(0, total + 1, step_s):
        minute = s / 60
        if any(lo <= minute < hi for lo, hi in gaps):
            continue
        f = s / total
        lat, lon = lerp(a, b, f)
        climb = min(1.0, s / 900)
        descend = min(1.0, (total - s) / 900)
        alt = 200 + 19800 * min(climb, descend)
        vrate = 1300 if s < 900 else (-1300 if total - s < 900 else 0)
        pts.append({"t": airborne + timedelta(seconds=s), "lat": lat, "lon": lon, "alt": alt,
                    "gs": 280.0, "vrate": vrate})
    landed = airborne + timedelta(seconds=total + step_s)
    if taxi:
        for i in range(10):
            pts.append({"t": landed + timedelta(seconds=i * step_s), "lat": b[0] - 0.001 * i,
                        "lon": b[1], "alt": "ground", "gs": 12.0, "vrate": 0})
    return pts


def write_readsb(path: Path, pts: list[dict], *, icao: str = "062abc", reg: str | None = "5U-MBH",
                 gz: bool = False, type_: str = "C130") -> Path:
    base = pts[0]["t"].timestamp()
    trace = [[round(p["t"].timestamp() - base, 1), p["lat"], p["lon"], p["alt"], p["gs"], 90.0,
              0, p["vrate"], {"flight": "MBH01"} if i == 0 else None, "adsb_icao",
              None if p["alt"] == "ground" else p["alt"] + 100]
             for i, p in enumerate(pts)]
    doc = {"icao": icao, "r": reg, "t": type_, "timestamp": base, "trace": trace}
    data = json.dumps(doc).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_fr24(path: Path, pts: list[dict], callsign: str = "5UMBH") -> Path:
    lines = ["Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction"]
    for p in pts:
        alt = 0 if p["alt"] == "ground" else int(p["alt"])
        lines.append(f'{int(p["t"].timestamp())},{iso_z(p["t"])},{callsign},'
                     f'"{p["lat"]:.5f},{p["lon"]:.5f}",{alt},{int(p["gs"])},90')
    path.write_text("\n".join(lines) + "\n")
    return path


def write_kml_track(path: Path, pts: list[dict], name: str = "5UMBH") -> Path:
    body = []
    for p in pts:
        body.append(f"<when>{iso_z(p['t'])}</when>")
    for p in pts:
        alt_m = 0 if p["alt"] == "ground" else p["alt"] / 3.28084
        body.append(f"<gx:coord>{p['lon']} {p['lat']} {alt_m:.0f}</gx:coord>")
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" '
        'xmlns:gx="http://www.google.com/kml/ext/2.2"><Document><name>' + name + '</name>'
        "<Placemark><gx:Track>" + "".join(body) + "</gx:Track></Placemark></Document></kml>")
    return path


def write_kml_placemarks(path: Path, pts: list[dict]) -> Path:
    marks = []
    for p in pts:
        alt_m = 0 if p["alt"] == "ground" else p["alt"] / 3.28084
        marks.append(f"<Placemark><TimeStamp><when>{iso_z(p['t'])}</when></TimeStamp>"
                     f"<Point><coordinates>{p['lon']},{p['lat']},{alt_m:.0f}</coordinates>"
                     "</Point></Placemark>")
    path.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                    "<Document>" + "".join(marks) + "</Document></kml>")
    return path


def write_opensky_states(path: Path, pts: list[dict], icao: str = "062abc") -> Path:
    lines = ["time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
             "baroaltitude,geoaltitude,lastposupdate,lastcontact"]
    for p in pts:
        ground = p["alt"] == "ground"
        alt_m = "" if ground else f"{p['alt'] / 3.28084:.1f}"
        lines.append(f"{int(p['t'].timestamp())},{icao},{p['lat']},{p['lon']},"
                     f"{p['gs'] / 1.94384:.2f},90,{p['vrate'] / 196.85:.2f},MBH01   ,"
                     f"{'true' if ground else 'false'},false,false,1000,{alt_m},{alt_m},"
                     f"{int(p['t'].timestamp())},{int(p['t'].timestamp())}")
    path.write_text("\n".join(lines) + "\n")
    return path


def add_photo(case, name: str, capture_utc: datetime | None, *, gps=None,
              registrations: tuple[str, ...] = (), meta: dict | None = None) -> Photo:
    """A photo row (no file needed for flight tests) with boxes carrying registrations."""
    sha = hashlib.sha256(name.encode()).hexdigest()
    now = utc_now()
    meta = dict(meta or {})
    if gps:
        meta["gps"] = {"lat": gps[0], "lon": gps[1], "alt": None, "utc": None}
    with case.writing() as s:
        photo = Photo(case_id=case.case_id, sha256=sha, md5="0" * 32, size=1,
                      original_name=name, original_path=f"/x/{name}", imported_utc=now,
                      importer="test", format="JPEG", stored_width=100, stored_height=80,
                      width=100, height=80, capture_utc=capture_utc, meta=meta, raw_tags={})
        s.add(photo)
        s.flush()
        for reg in registrations:
            s.add(Box(photo_id=photo.id, x=1, y=1, w=10, h=10, registration=reg,
                      created_utc=now, created_by="t", updated_utc=now))
    return photo


def gap_at_take_off() -> list[dict]:
    """On the ground at 07:22:55Z, next heard at 07:27:38Z climbing through 550 ft."""
    start = parse_iso_utc("2023-10-27T07:18:25Z")
    pts = [{"t": start + timedelta(seconds=30 * i), "lat": GABS[0], "lon": GABS[1],
            "alt": "ground", "gs": 10.0, "vrate": 0} for i in range(10)]
    assert pts[-1]["t"] == parse_iso_utc("2023-10-27T07:22:55Z")
    heard = parse_iso_utc("2023-10-27T07:27:38Z")
    for i in range(60):
        pts.append({"t": heard + timedelta(seconds=30 * i), "lat": GABS[0] + 0.02 * i,
                    "lon": GABS[1] + 0.02 * i, "alt": 550 + 750 * i, "gs": 200.0,
                    "vrate": 1500})
    return pts
