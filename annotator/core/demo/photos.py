"""The demo case's photos, drawn in code: a grey C-130-like aircraft marked 5U-MBH on an apron.

Every picture is captioned "ILLUSTRATIVE — generated demo data" so nobody mistakes it for
evidence. The EXIF of each file tells the seed story (Bamako-Sénou on 27 October 2023, then
Gao, Tessalit and Niamey) and carries the quirks the app must handle: a phone photo stored
sideways with Orientation 6, one with no EXIF at all, one re-saved by an editor.

`DEMO_PHOTOS` also records where the aircraft is in each *displayed* image, so the demo can
pre-draw boxes that sit on the aircraft (the rotated photo included).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REGISTRATION = "5U-MBH"
CAPTION = "ILLUSTRATIVE \u2014 generated demo data"
SIZE = (1600, 1067)
QUALITY = 85

# EXIF tag numbers (TIFF/EXIF 2.32)
_ORIENTATION, _MAKE, _MODEL, _SOFTWARE, _MODIFY_DATE = 0x0112, 0x010F, 0x0110, 0x0131, 0x0132
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_TIME, _OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9010, 0x9011, 0x9012


@dataclass(frozen=True)
class DemoPhoto:
    """One generated file: its name, what its EXIF says, and where the aircraft is drawn."""

    name: str
    place: str
    taken: datetime | None  # local wall-clock time written to DateTimeOriginal
    offset: str | None  # OffsetTimeOriginal
    gps: tuple[float, float] | None
    make: str | None = "Canon"
    model: str | None = "Canon EOS 7D Mark II"
    orientation: int | None = None  # 6: stored sideways, displayed upright
    software: str | None = None
    modified: datetime | None = None
    strip_exif: bool = False
    portrait: bool = False  # displayed portrait (the phone photo)
    aircraft_x: float = 0.12  # left edge of the aircraft, fraction of displayed width
    aircraft_y: float = 0.58  # fuselage centre line, fraction of displayed height
    aircraft_len: float = 0.72  # aircraft length, fraction of displayed width

    def displayed_size(self) -> tuple[int, int]:
        return (SIZE[1], SIZE[0]) if self.portrait else SIZE

    def aircraft_box(self) -> tuple[float, float, float, float]:
        """The aircraft's bounding box (x, y, w, h) in displayed pixels."""
        width, height = self.displayed_size()
        length = self.aircraft_len * width
        x0, yc = self.aircraft_x * width, self.aircraft_y * height
        top, bottom = yc - 0.25 * length, yc + 0.10 * length
        return (round(x0), round(top), round(length), round(bottom - top))


BAMAKO = (12.5335, -7.9499)
GAO = (16.2484, -0.0050)
TESSALIT = (20.2430, 0.9810)
NIAMEY = (13.4815, 2.1836)

DEMO_PHOTOS: tuple[DemoPhoto, ...] = (
    DemoPhoto("bamako-01.jpg", "Bamako-S\u00e9nou (GABS)", datetime(2023, 10, 27, 9, 41, 12),
              "+00:00", BAMAKO),
    DemoPhoto("bamako-02.jpg", "Bamako-S\u00e9nou (GABS)", datetime(2023, 10, 27, 9, 43, 55),
              "+00:00", BAMAKO, aircraft_x=0.20, aircraft_y=0.62, aircraft_len=0.62),
    DemoPhoto("bamako-03.jpg", "Bamako-S\u00e9nou (GABS)", datetime(2023, 10, 27, 10, 2, 31),
              "+00:00", BAMAKO, aircraft_x=0.06, aircraft_y=0.55, aircraft_len=0.85),
    DemoPhoto("gao.jpg", "Gao (GAGO)", datetime(2023, 10, 28, 14, 20, 5), "+00:00", GAO,
              aircraft_x=0.25, aircraft_y=0.60, aircraft_len=0.55),
    DemoPhoto("tessalit.jpg", "Tessalit (GATS)", datetime(2023, 10, 29, 11, 7, 48), "+00:00",
              TESSALIT, aircraft_x=0.15, aircraft_y=0.63, aircraft_len=0.66),
    DemoPhoto("niamey.jpg", "Niamey (DRRN)", datetime(2023, 10, 30, 16, 33, 20), "+01:00",
              NIAMEY, aircraft_x=0.10, aircraft_y=0.57, aircraft_len=0.75),
    DemoPhoto("phone-rotated.jpg", "Bamako-S\u00e9nou (GABS)", datetime(2023, 10, 27, 9, 58, 3),
              "+00:00", BAMAKO, make="Apple", model="iPhone 12", orientation=6, portrait=True,
              aircraft_x=0.06, aircraft_y=0.55, aircraft_len=0.88),
    DemoPhoto("no-exif.jpg", "Bamako-S\u00e9nou (GABS)", None, None, None, make=None,
              model=None, strip_exif=True, aircraft_x=0.18, aircraft_y=0.60, aircraft_len=0.65),
    DemoPhoto("edited.jpg", "Bamako-S\u00e9nou (GABS)", datetime(2023, 10, 27, 10, 15, 40),
              "+00:00", BAMAKO, software="Adobe Photoshop 24.0",
              modified=datetime(2023, 11, 3, 18, 22, 9), aircraft_x=0.14, aircraft_y=0.59,
              aircraft_len=0.70),
)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for candidate in (name, f"/usr/share/fonts/truetype/dejavu/{name}"):
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _draw_background(draw: ImageDraw.ImageDraw, width: int, height: int, seed: int) -> None:
    """Sky, apron and buildings that differ from photo to photo: each demo photo is a picture
    of its own (the horizon's height, the clouds, the light and the buildings change with
    `seed`), so the file-history search rightly finds no copies among them."""
    rng = random.Random(seed * 7919 + 17)
    horizon = int(height * rng.uniform(0.36, 0.56))
    light = rng.randint(-30, 30)  # morning haze to afternoon glare
    for y in range(horizon):  # a hazy Sahel sky, lighter towards the horizon
        t = y / max(1, horizon)
        draw.line([(0, y), (width, y)], fill=(int(140 + 80 * t) + light // 2,
                                              int(175 + 55 * t) + light // 3,
                                              int(215 + 25 * t) - seed % 3 * 4))
    for _ in range(rng.randint(2, 5)):  # dust clouds and haze banks
        cx, cy = rng.uniform(0, width), rng.uniform(0, horizon * 0.8)
        rx, ry = rng.uniform(0.08, 0.25) * width, rng.uniform(0.03, 0.09) * height
        grey = rng.randint(215, 245)
        draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=(grey, grey, grey - 6))
    apron = (176 + light // 3, 170 + light // 4, 160)
    draw.rectangle((0, horizon, width, height), fill=apron)  # concrete apron
    draw.rectangle((0, horizon, width, horizon + height // 40), fill=(196, 170, 120))  # sand
    for _ in range(rng.randint(1, 3)):  # darker patches of resurfaced concrete
        x0, y0 = rng.uniform(0, width * 0.8), rng.uniform(horizon, height * 0.9)
        shade = rng.randint(130, 160)
        draw.rectangle((x0, y0, x0 + rng.uniform(0.1, 0.4) * width,
                        y0 + rng.uniform(0.04, 0.12) * height), fill=(shade, shade - 4, shade - 10))
    # Terminals, hangars and a control tower on the horizon, laid out per photo.
    for _ in range(rng.randint(1, 3)):
        bx, bw = rng.uniform(0, 0.85) * width, rng.uniform(0.08, 0.3) * width
        bh, shade = rng.uniform(0.03, 0.12) * height, rng.randint(150, 220)
        draw.rectangle((bx, horizon - bh, bx + bw, horizon), fill=(shade, shade - 8, shade - 20))
    tx, tower_h = rng.uniform(0.1, 0.9) * width, rng.uniform(0.12, 0.24) * height
    draw.rectangle((tx - width / 30, horizon - tower_h, tx - width / 60, horizon),
                   fill=(200, 195, 185))
    draw.rectangle((tx - width / 24, horizon - tower_h - height / 30, tx - width / 100,
                    horizon - tower_h), fill=(90, 110, 120))
    # Expansion joints and a yellow taxi line on the apron.
    for i in range(1, 8):
        y = horizon + (height - horizon) * i * i // 64
        draw.line([(0, y), (width, y)], fill=(160, 155, 148), width=2)
    draw.line([(0, int(height * rng.uniform(0.8, 0.97))),
               (width, int(height * rng.uniform(0.72, 0.95)))], fill=(225, 190, 40),
              width=max(4, height // 120))


def _draw_aircraft(draw: ImageDraw.ImageDraw, x0: float, yc: float, length: float) -> None:
    """A side view of a four-engine high-wing transport, nose to the left."""

    def p(u: float, v: float) -> tuple[float, float]:
        return (x0 + u * length, yc + v * length)

    grey, dark, darker = (128, 133, 136), (95, 99, 102), (55, 58, 60)
    # Shadow on the apron.
    draw.ellipse([p(0.05, 0.085), p(1.0, 0.11)], fill=(140, 136, 128))
    # Tail fin and stabilizer.
    draw.polygon([p(0.78, -0.05), p(0.88, -0.25), p(0.97, -0.25), p(0.985, -0.04)], fill=grey,
                 outline=dark)
    # Fuselage: nose, body, upswept rear.
    draw.ellipse([p(0.0, -0.055), p(0.14, 0.055)], fill=grey, outline=dark)
    draw.rectangle([p(0.07, -0.055), p(0.74, 0.055)], fill=grey)
    draw.line([p(0.07, -0.055), p(0.74, -0.055)], fill=dark, width=2)
    draw.line([p(0.07, 0.055), p(0.74, 0.055)], fill=dark, width=2)
    draw.polygon([p(0.74, -0.055), p(0.99, -0.05), p(0.99, -0.022), p(0.74, 0.055)],
                 fill=grey, outline=dark)
    draw.polygon([p(0.86, -0.045), p(1.0, -0.05), p(1.0, -0.036), p(0.86, -0.033)], fill=dark)
    # Cockpit windows and cabin windows.
    draw.polygon([p(0.025, -0.03), p(0.05, -0.045), p(0.095, -0.045), p(0.095, -0.028)],
                 fill=darker)
    for i in range(7):
        u = 0.18 + i * 0.06
        draw.ellipse([p(u, -0.025), p(u + 0.012, -0.012)], fill=darker)
    # High wing seen edge-on, with two visible engines and propellers.
    draw.polygon([p(0.30, -0.07), p(0.56, -0.07), p(0.56, -0.055), p(0.30, -0.055)], fill=dark)
    for u, lift in ((0.26, 0.0), (0.36, -0.012)):
        draw.ellipse([p(u, -0.085 + lift), p(u + 0.11, -0.045 + lift)], fill=grey, outline=dark)
        draw.line([p(u - 0.005, -0.14 + lift), p(u - 0.005, 0.01 + lift)], fill=darker, width=3)
    # Landing-gear sponson and wheels.
    draw.rounded_rectangle([p(0.38, 0.03), p(0.60, 0.075)], radius=length * 0.015, fill=dark)
    for u in (0.43, 0.55):
        draw.ellipse([p(u - 0.02, 0.06), p(u + 0.02, 0.10)], fill=(25, 25, 25))
    draw.ellipse([p(0.07, 0.06), p(0.10, 0.09)], fill=(25, 25, 25))
    draw.line([p(0.085, 0.05), p(0.085, 0.07)], fill=darker, width=3)
    # The registration painted on the rear fuselage.
    font = _font(max(10, int(length * 0.045)), bold=True)
    draw.text(p(0.60, -0.03), REGISTRATION, font=font, fill=(20, 20, 20))


def _draw_caption(draw: ImageDraw.ImageDraw, width: int, height: int, photo: DemoPhoto) -> None:
    band = max(40, height // 16)
    draw.rectangle((0, height - band, width, height), fill=(20, 20, 20))
    big = _font(int(band * 0.45), bold=True)
    small = _font(int(band * 0.32))
    draw.text((band // 3, height - band + band * 0.12), CAPTION, font=big, fill=(255, 210, 60))
    when = photo.taken.strftime("%d %b %Y %H:%M") if photo.taken else "date unknown"
    draw.text((band // 3, height - band * 0.42), f"{photo.place} \u00b7 {when}", font=small,
              fill=(235, 235, 235))
    draw.text((width - band * 3.2, band * 0.3), "ILLUSTRATIVE", font=small, fill=(180, 30, 30))


def render(photo: DemoPhoto, seed: int = 0) -> Image.Image:
    """The photo as it should be *displayed* (upright)."""
    width, height = photo.displayed_size()
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    _draw_background(draw, width, height, seed)
    _draw_aircraft(draw, photo.aircraft_x * width, photo.aircraft_y * height,
                   photo.aircraft_len * width)
    _draw_caption(draw, width, height, photo)
    return image


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round(((value - deg) * 60 - minutes) * 60, 4)
    return (float(deg), float(minutes), seconds)


def exif_for(photo: DemoPhoto) -> Image.Exif:
    """The EXIF block that tells this photo's part of the story."""
    exif = Image.Exif()
    if photo.orientation is not None:
        exif[_ORIENTATION] = photo.orientation
    if photo.make:
        exif[_MAKE] = photo.make
    if photo.model:
        exif[_MODEL] = photo.model
    if photo.software:
        exif[_SOFTWARE] = photo.software
    stamp = "%Y:%m:%d %H:%M:%S"
    if photo.modified is not None:
        exif[_MODIFY_DATE] = photo.modified.strftime(stamp)
    elif photo.taken is not None:
        exif[_MODIFY_DATE] = photo.taken.strftime(stamp)
    ifd = exif.get_ifd(_EXIF_IFD)
    if photo.taken is not None:
        ifd[_DATETIME_ORIGINAL] = photo.taken.strftime(stamp)
        ifd[_DATETIME_DIGITIZED] = photo.taken.strftime(stamp)
    if photo.offset is not None:
        ifd[_OFFSET_ORIGINAL] = photo.offset
        ifd[_OFFSET_DIGITIZED] = photo.offset
        if photo.modified is None:
            ifd[_OFFSET_TIME] = photo.offset
    if photo.gps is not None:
        lat, lon = photo.gps
        gps = exif.get_ifd(_GPS_IFD)
        gps[0] = b"\x02\x02\x00\x00"
        gps[1] = "N" if lat >= 0 else "S"
        gps[2] = _dms(lat)
        gps[3] = "E" if lon >= 0 else "W"
        gps[4] = _dms(lon)
    return exif


def write_demo_photos(folder: Path) -> list[Path]:
    """Write every demo photo into `folder` (created if needed); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed, photo in enumerate(DEMO_PHOTOS):
        image = render(photo, seed)
        if photo.orientation == 6:
            # Stored as the sensor saw it: rotated 90° counter-clockwise from upright, so a
            # viewer that honours Orientation 6 (rotate 90° clockwise) shows it upright.
            image = image.transpose(Image.Transpose.ROTATE_90)
        path = folder / photo.name
        kwargs: dict[str, object] = {"quality": QUALITY}
        if not photo.strip_exif:
            kwargs["exif"] = exif_for(photo).tobytes()
        image.save(path, "JPEG", **kwargs)
        paths.append(path)
    return paths
