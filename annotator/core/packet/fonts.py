"""TrueType fonts for the rendered images and the PDF report.

The report must embed its fonts (reportlab's base-14 fonts are not embedded, so a viewer
would substitute its own), so only TTF files are used: DejaVu where the system has it,
else the Bitstream Vera fonts reportlab itself ships, so a packet renders on any machine.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

_DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True)
class FontFiles:
    """Paths of the regular, bold and monospace TTFs to use, and the family they belong to."""

    family: str
    regular: Path
    bold: Path
    mono: Path


def _reportlab_fonts_dir() -> Path:
    import reportlab

    return Path(reportlab.__file__).with_name("fonts")


@functools.cache
def font_files() -> FontFiles:
    """DejaVu Sans (with DejaVu Sans Mono) if installed, else reportlab's Vera."""
    for folder in _DEJAVU_DIRS:
        regular = folder / "DejaVuSans.ttf"
        bold = folder / "DejaVuSans-Bold.ttf"
        mono = folder / "DejaVuSansMono.ttf"
        if regular.is_file() and bold.is_file():
            return FontFiles("DejaVu", regular, bold, mono if mono.is_file() else regular)
    vera = _reportlab_fonts_dir()
    return FontFiles("Vera", vera / "Vera.ttf", vera / "VeraBd.ttf", vera / "Vera.ttf")
