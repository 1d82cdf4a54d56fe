"""Reading the registration painted in a box (OCR), as a suggestion only.

An offline engine (RapidOCR: PP-OCRv6 models run by ONNX Runtime, shipped in its wheel)
reads the text in the box after the crop is prepared (scaled, padded, contrast stretched,
turned level when skewed); what it read is cleaned, corrected through the usual confusions
(0/O, 1/I, 5/S, 8/B, 2/Z), checked against the ICAO nationality marks and ranked. Nothing is
stored until the examiner accepts a candidate (`accept_candidate`), which is a box edit
audited with its source (`ocr`, engine and model versions, confidence).

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.ocr.candidates import Candidate, Reading, rank
from annotator.core.ocr.engine import Engine, engine_versions, load_engine
from annotator.core.ocr.reading import (
    SOURCE_KIND,
    OcrResult,
    OcrTarget,
    accept_candidate,
    box_target,
    parse_box,
    photo_target,
    read_file,
    read_registration,
    read_target,
    source_of,
)

__all__ = [
    "SOURCE_KIND",
    "Candidate",
    "Engine",
    "OcrResult",
    "OcrTarget",
    "Reading",
    "accept_candidate",
    "box_target",
    "engine_versions",
    "load_engine",
    "parse_box",
    "photo_target",
    "rank",
    "read_file",
    "read_registration",
    "read_target",
    "source_of",
]
