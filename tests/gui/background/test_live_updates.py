"""Team cases (issue 7): another investigator's changes reach this window's views through
PostgreSQL LISTEN/NOTIFY, without reopening the case."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.core.ingest.importer import import_paths
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import make_session
from tests.fixtures.factory import make_exif, make_jpeg

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(pg_url: str, tmp_path: Path, qtbot):
    ana = Case.create(tmp_path / "team", db_url=pg_url, examiner="Ana")
    session = make_session(ana)
    with qtbot.waitSignal(session.live.connection_changed, timeout=10000) as up:
        pass
    assert up.args == [True]
    ben = Case.open(tmp_path / "team", examiner="Ben")
    yield session, ben
    ben.close()
    session.close()


def test_a_box_drawn_by_another_investigator_refreshes_that_photo(team, tmp_path, qtbot):
    session, ben = team
    photo = add_jpeg(ben, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    with qtbot.waitSignal(session.boxes_changed, timeout=10000,
                          check_params_cb=lambda pid: pid == photo):
        boxes.create_box(ben, photo, BoxValues(x=1, y=1, w=9, h=9))


def test_an_import_by_another_investigator_refreshes_the_photo_list(team, tmp_path, qtbot):
    session, ben = team
    make_jpeg(tmp_path / "in" / "p.jpg", 80, 60, exif=make_exif(), seed=3)
    with qtbot.waitSignal(session.photos_changed, timeout=10000):
        import_paths(ben, [tmp_path / "in"], jobs=1)


def test_this_windows_own_changes_are_not_echoed(team, tmp_path, qtbot):
    session, ben = team
    photo = add_jpeg(ben, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    with qtbot.waitSignal(session.boxes_changed, timeout=10000):  # Ben's box, announced
        boxes.create_box(ben, photo, BoxValues(x=1, y=1, w=9, h=9))
    echoed: list[int] = []
    session.boxes_changed.connect(echoed.append)
    boxes.create_box(session.case, photo, BoxValues(x=5, y=5, w=9, h=9))  # our own
    with qtbot.waitSignal(session.boxes_changed, timeout=10000):  # then Ben's again
        boxes.create_box(ben, photo, BoxValues(x=9, y=9, w=9, h=9))
    assert echoed == [photo]  # only Ben's second box, never our own
