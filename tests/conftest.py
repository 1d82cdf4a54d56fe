"""Test isolation: no display, no user settings, no user data touched.

Every test gets its own config and data folders and a fixed examiner, and Qt runs
offscreen (set here, before any Qt import).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

def _find_corpus() -> Path:
    """../shared/corpus beside the checkout, else ANNOTATOR_CORPUS, else /work/shared/corpus."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "shared" / "corpus",
        Path(os.environ.get("ANNOTATOR_CORPUS", "/nonexistent")),
        Path("/work/shared/corpus"),
    ):
        if (candidate / "exiftool-truth.json").is_file():
            return candidate
    return Path(__file__).resolve().parents[2] / "shared" / "corpus"


CORPUS = _find_corpus()


@pytest.fixture(autouse=True)
def _isolated_user(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ANNOTATOR_EXAMINER", "test-examiner")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    yield


@pytest.fixture
def case(tmp_path: Path):
    """A new, empty SQLite case, closed after the test."""
    from annotator.core.case import Case

    opened = Case.create(tmp_path / "case", name="Test case", examiner="test-examiner")
    yield opened
    opened.close()


@pytest.fixture
def corpus() -> Path:
    """The shared real-image corpus; skips the test when it is absent."""
    if not (CORPUS / "exiftool-truth.json").is_file():
        pytest.skip("../shared/corpus is absent on this machine")
    return CORPUS
