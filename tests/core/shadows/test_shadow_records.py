"""A shadow measurement kept on a case photo: saved, replaced, cleared (audited, versioned),
refreshing the capture-date check each time, and read back as the day's chart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from annotator.core.errors import EditConflict, InputRejected
from annotator.core.ingest.importer import import_paths
from annotator.core.models import AuditEvent, Photo
from annotator.core.shadows import clear_shadow, get_shadow, photo_day_chart, set_shadow
from tests.fixtures.shadow_scenes import WHEN, bamako_scene, photo_file


def _photo(case, tmp_path, when=WHEN) -> int:
    report = import_paths(case, [photo_file(tmp_path, when=when)], jobs=1)
    return report.imported[0].photo_id


def _verdict_codes(case, photo_id):
    from annotator.core.dating import stored_date

    with case.reading() as s:
        date = stored_date(s, photo_id)
        return s.get(Photo, photo_id).date_verdict, [f["code"] for f in date["findings"]]


def test_saving_replacing_and_clearing_refresh_the_check(case, tmp_path):
    scene = bamako_scene()
    photo_id = _photo(case, tmp_path)
    result, stored = set_shadow(case, photo_id, scene.marks)
    assert stored.version == 1 and result.check is not None and result.check.consistent
    verdict, codes = _verdict_codes(case, photo_id)
    assert verdict == "consistent" and "SHADOW_CONSISTENT" in codes

    # The same marks read against another date: the capture is not in those windows, but
    # the check compares with the capture's own day, so it stays consistent.
    _, stored = set_shadow(case, photo_id, scene.marks, day="2023-06-01")
    assert stored.version == 2 and stored.day == "2023-06-01"
    with pytest.raises(EditConflict):
        set_shadow(case, photo_id, scene.marks, expected_version=1)

    assert clear_shadow(case, photo_id, expected_version=2) is not None
    verdict, codes = _verdict_codes(case, photo_id)
    assert not any(c.startswith("SHADOW_") for c in codes)
    with case.reading() as s:
        assert get_shadow(s, photo_id) is None
        actions = list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())
    assert actions.count("shadow.set") == 2 and "shadow.update_conflict" in actions
    assert "shadow.delete" in actions


def test_a_refused_measurement_saves_nothing(case, tmp_path):
    scene = bamako_scene()
    photo_id = _photo(case, tmp_path)
    bad = scene.marks.__class__(**{**scene.marks.__dict__, "tip": (5000.0, 10.0)})
    with pytest.raises(InputRejected) as info:
        set_shadow(case, photo_id, bad)
    assert info.value.code == "SHADOW_POINT_OUTSIDE"
    with case.reading() as s:
        assert get_shadow(s, photo_id) is None


def test_the_day_chart_marks_the_capture_and_the_band(case, tmp_path):
    scene = bamako_scene()
    photo_id = _photo(case, tmp_path, when=WHEN - timedelta(hours=3))
    set_shadow(case, photo_id, scene.marks)
    with case.reading() as s:
        chart = photo_day_chart(s, photo_id)
    assert chart is not None
    assert chart.capture_utc == WHEN - timedelta(hours=3)
    assert chart.day.band is not None and chart.day.windows
    assert any(w.contains(WHEN) for w in chart.day.windows)
    data = chart.to_json()
    assert data["capture_utc"] == "2023-10-27T12:05:00Z" and len(data["path"]) == 144
