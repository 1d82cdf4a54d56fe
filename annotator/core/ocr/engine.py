"""The OCR engine: RapidOCR (PaddleOCR's PP-OCRv6 models run by ONNX Runtime), loaded on
first use and shared.

Why a loader: importing RapidOCR pulls in ONNX Runtime, OpenCV and OmegaConf (about a second
and a few hundred MB of address space), which the app and every other command must not pay
at start-up. This module is the one place that imports it, by name through
`importlib.import_module` when a box is first read (the core keeps its own imports at the top
of its modules; a third-party engine is the exception, and it is kept here).

Offline by construction: the detection, recognition and direction models ship inside the
`rapidocr` wheel (`rapidocr/models/*.onnx`) and are passed to it by path, so the engine's
download code is never reached; the recogniser's character list is inside its ONNX file.
`engine_versions()` names the engine, the runtime and each model file with its SHA-256, for
the audit trail of an accepted reading.

Callers may rely on: `load_engine()` returns the same engine every time (thread-safe), or
raises `InputRejected` (code `OCR_UNAVAILABLE` or `OCR_MODELS_MISSING`) with a sentence
when the engine or its models are missing; the engine's calls are serialized (RapidOCR
keeps per-call settings on the object).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import threading
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from annotator.core.errors import InputRejected

ENGINE_PACKAGE = "rapidocr"
RUNTIME_PACKAGE = "onnxruntime"
# The models this reader was tuned with; all three ship in the rapidocr 3.x wheel.
MODEL_FILES = {
    "det": "PP-OCRv6_det_small.onnx",
    "rec": "PP-OCRv6_rec_small.onnx",
    "cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
# The detector's input: long side at most this many pixels (the crop is prepared, and reduced
# for a first search, by annotator.core.ocr.preprocess, which decides the size).
DET_LIMIT_SIDE = 1280
THREADS = 2


@dataclass(frozen=True)
class TextLine:
    """One line of text the engine found: what it read, how sure it is, and its quadrilateral
    in the pixels of the image given to it (None for a recognition of the whole image)."""

    text: str
    score: float
    quad: tuple[tuple[float, float], ...] | None = None


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise InputRejected(
            f"the OCR engine is not installed ({name}); install annotator's dependencies "
            "again", code="OCR_UNAVAILABLE", name=name) from exc


def models_dir() -> Path:
    """The folder of the models shipped in the engine's wheel."""
    spec = importlib.util.find_spec(ENGINE_PACKAGE)
    if spec is None or spec.origin is None:
        raise InputRejected(
            f"the OCR engine is not installed ({ENGINE_PACKAGE}); install annotator's "
            "dependencies again", code="OCR_UNAVAILABLE", name=ENGINE_PACKAGE)
    return Path(spec.origin).parent / "models"


def _model_paths() -> dict[str, Path]:
    folder = models_dir()
    paths = {task: folder / name for task, name in MODEL_FILES.items()}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise InputRejected(f"the OCR models are missing from {folder}: {', '.join(missing)}",
                             code="OCR_MODELS_MISSING", folder=folder,
                             missing=", ".join(missing))
    return paths


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        module = _import(package)
        return str(getattr(module, "__version__", "unknown"))


@cache
def engine_versions() -> dict[str, Any]:
    """`{"engine": "rapidocr 3.10.0", "runtime": "onnxruntime 1.32.0", "models": {task:
    {"file", "sha256"}}}`: what an accepted reading's audit event records."""
    models = {}
    for task, path in _model_paths().items():
        models[task] = {"file": path.name,
                        "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    return {"engine": f"{ENGINE_PACKAGE} {_version(ENGINE_PACKAGE)}",
            "runtime": f"{RUNTIME_PACKAGE} {_version(RUNTIME_PACKAGE)}",
            "models": models}


class Engine:
    """The loaded engine: `lines()` finds and reads text lines, `read()` reads one line."""

    def __init__(self) -> None:
        paths = _model_paths()
        module = _import(ENGINE_PACKAGE)
        params = {
            "Global.log_level": "error",
            "Global.use_cls": False,  # painted marks are never upside down
            "Det.model_path": str(paths["det"]),
            "Rec.model_path": str(paths["rec"]),
            "Cls.model_path": str(paths["cls"]),
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_LIMIT_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        self._ocr = module.RapidOCR(params=params)
        self._lock = threading.Lock()

    def lines(self, image: np.ndarray) -> list[TextLine]:
        """Detect the text lines of an RGB image and read each one."""
        with self._lock:
            out = self._ocr(image[:, :, ::-1].copy(), use_det=True, use_cls=False,
                            use_rec=True)
        txts, scores, boxes = out.txts or (), out.scores or (), out.boxes
        found = []
        for i, (text, score) in enumerate(zip(txts, scores, strict=False)):
            quad = None
            if boxes is not None and i < len(boxes):
                quad = tuple((float(x), float(y)) for x, y in boxes[i])
            found.append(TextLine(str(text), float(score), quad))
        return found

    def read(self, image: np.ndarray) -> TextLine:
        """Read an RGB image that holds one line of text (no detection)."""
        with self._lock:
            out = self._ocr(image[:, :, ::-1].copy(), use_det=False, use_cls=False,
                            use_rec=True)
        txts, scores = out.txts or ("",), out.scores or (0.0,)
        return TextLine(str(txts[0]), float(scores[0]))


_loaded: Engine | None = None
_loading = threading.Lock()


def load_engine() -> Engine:
    """The shared engine, loaded on first call (about a second)."""
    global _loaded
    with _loading:
        if _loaded is None:
            _loaded = Engine()
        return _loaded
