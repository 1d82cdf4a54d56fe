"""Error text stays readable when the system theme is dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from annotator.gui.theme import error_colour, error_style, is_dark


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _label(qtbot, window: str) -> QLabel:
    label = QLabel("x")
    qtbot.addWidget(label)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    label.setPalette(palette)
    return label


def test_error_text_reads_on_dark_and_light_windows(qtbot):
    for window in ("#2d2d2d", "#353535", "#efefef", "#ffffff"):
        label = _label(qtbot, window)
        colour = error_colour(label)
        assert is_dark(label.palette()) == (QColor(window).lightness() < 128)
        assert _contrast(colour, QColor(window)) >= 4.5, window
        assert error_style(label) == f"color: {colour.name()};"
    assert "border: 1px solid" in error_style(_label(qtbot, "#ffffff"), border=True)
