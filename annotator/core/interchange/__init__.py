"""Annotation datasets exchanged with other tools (COCO, Pascal VOC, YOLO): reading and
writing them side by side, from and to the case's boxes.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.interchange.formats import import_annotations

__all__ = [
    "import_annotations",
]
