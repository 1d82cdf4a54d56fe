"""Test isolation: no display, no user settings, no user data touched.

Every test gets its own config and data folders and a fixed examiner, and Qt runs
offscreen (set here, before any Qt import).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


def pytest_configure(config: pytest.Config) -> None:
    """The process set up as the CLI and the app set it up at start-up (Pillow's limit,
    quiet libraries): importing the core changes nothing by itself."""
    from annotator.core.startup import configure_libraries

    configure_libraries()


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
    if importlib.util.find_spec("PySide6") is not None:
        # Rendering packet pictures ahead is background work on timers; a window left open
        # by one test must not render during the next. Its own tests set short delays.
        from annotator.gui.background import picture_preparer

        monkeypatch.setattr(picture_preparer, "SETTLE_MS", 3_600_000)
        monkeypatch.setattr(picture_preparer, "OPEN_DELAY_MS", 3_600_000)
    yield


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Core tests that make cases run on SQLite and on PostgreSQL (marked `postgres`)."""
    if "db_backend" in metafunc.fixturenames and "tests/core/" in metafunc.definition.nodeid:
        metafunc.parametrize(
            "db_backend",
            ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
            indirect=True,
        )


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """"sqlite", or "postgresql" for the PostgreSQL run of a core test."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def make_case(tmp_path: Path, db_backend: str):
    """`make_case(path=None, **kw)`: a new, empty case on the test's backend, closed (and its
    PostgreSQL schema dropped) after the test."""
    from annotator.core.case.folder import Case

    opened: list[Case] = []
    scratch = None
    if db_backend == "postgresql":
        from tests.fixtures.pg import ScratchSchemas

        scratch = ScratchSchemas()

    def make(path: Path | None = None, **kw: object) -> Case:
        kw.setdefault("name", "Test case")
        kw.setdefault("examiner", "test-examiner")
        if scratch is not None:
            kw.setdefault("db_url", scratch.new_url())
        made = Case.create(path or tmp_path / "case", **kw)  # type: ignore[arg-type]
        opened.append(made)
        return made

    yield make
    for made in opened:
        made.close()
    if scratch is not None:
        scratch.drop_all()


@pytest.fixture
def case(make_case):
    """A new, empty case (SQLite; core tests also run it on PostgreSQL), closed after the test."""
    return make_case()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL schema's URL for tests that need PostgreSQL itself."""
    from tests.fixtures.pg import ScratchSchemas

    scratch = ScratchSchemas()
    yield scratch.new_url()
    scratch.drop_all()


@pytest.fixture
def corpus() -> Path:
    """The shared real-image corpus; skips the test when it is absent."""
    if not (CORPUS / "exiftool-truth.json").is_file():
        pytest.skip("../shared/corpus is absent on this machine")
    return CORPUS
