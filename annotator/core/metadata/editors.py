"""Which Software / ProcessingSoftware values name an image editor rather than a camera.

Camera firmware writes values like `Ver.1.0.2`, `HDR+ 1.0.520`, `17.1` (iPhone) or
`ILCE-7M3 v2.00`; editors write their own names. A match is a hint of editing, never proof
(some phones' stock gallery apps are editors too). Patterns are matched case-insensitively
on word boundaries, so `GIMP 2.10` matches and `Gimpel camera` does not.
"""

from __future__ import annotations

import re

# (display name, regular expression). Order: the more specific first.
EDITORS: tuple[tuple[str, str], ...] = (
    ("Adobe Photoshop Lightroom", r"lightroom"),
    ("Adobe Photoshop Express", r"photoshop\s+express"),
    ("Adobe Photoshop", r"photoshop"),
    ("Adobe Camera Raw", r"camera\s+raw"),
    ("Adobe Express", r"adobe\s+express"),
    ("GIMP", r"gimp"),
    ("Snapseed", r"snapseed"),
    ("Affinity Photo", r"affinity"),
    ("Pixelmator", r"pixelmator"),
    ("Paint.NET", r"paint\.net"),
    ("Capture One", r"capture\s*one"),
    ("darktable", r"darktable"),
    ("RawTherapee", r"rawtherapee"),
    ("Luminar", r"luminar"),
    ("DxO PhotoLab", r"dxo"),
    ("ON1 Photo", r"on1\s+photo"),
    ("Picasa", r"picasa"),
    ("Google Photos editor", r"google\s+photos"),
    ("Microsoft Photos", r"microsoft\s+photos|windows\s+photo\s+(editor|viewer)"),
    ("Apple Photos", r"apple\s+photos|photos\s+\d+(\.\d+)*\s*$"),
    ("Preview (macOS)", r"^preview\b"),
    ("ACDSee", r"acdsee"),
    ("PhotoScape", r"photoscape"),
    ("Corel PaintShop", r"paintshop|paint\s+shop\s+pro|corel"),
    ("Fotor", r"fotor"),
    ("Photopea", r"photopea"),
    ("PicsArt", r"picsart"),
    ("VSCO", r"vsco"),
    ("Facetune", r"facetune"),
    ("Canva", r"canva"),
    ("Instagram", r"instagram"),
    ("Polarr", r"polarr"),
    ("Meitu", r"meitu"),
    ("ImageMagick", r"imagemagick"),
    ("GraphicsMagick", r"graphicsmagick"),
    ("XnView", r"xnview|xnconvert"),
    ("IrfanView", r"irfanview"),
    ("FastStone", r"faststone"),
    ("Photo Editor (generic)", r"photo\s*editor"),
)

_COMPILED = tuple((name, re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z])", re.IGNORECASE))
                  for name, pattern in EDITORS)


def editor_named(software: str | None) -> str | None:
    """The editor `software` names (its display name), or None for firmware / unknown."""
    if not software:
        return None
    text = software.strip()
    for name, regex in _COMPILED:
        if regex.search(text):
            return name
    return None
