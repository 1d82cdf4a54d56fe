"""The demo case: generated, clearly labelled illustrative photos of a C-130 with flights.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.demo.case import build_demo_case

__all__ = [
    "build_demo_case",
]
