"""Reading the registration in a box with the offline engine: rendered marks under skew,
small text, blur and JPEG 60 (a sample; the full sweep is tests/bench/bench_ocr.py), the
demo photos from their files (the rotated phone photo included), the CLI, and an accepted
reading stored as an audited box edit with its source."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.audit import verify_chain
from annotator.core.demo.photos import DEMO_PHOTOS, REGISTRATION, write_demo_photos
from annotator.core.errors import InputRejected
from annotator.core.images import full_upright
from annotator.core.models import AuditEvent
from annotator.core.ocr import (
    Candidate,
    Engine,
    OcrResult,
    accept_candidate,
    engine_versions,
    read_file,
    read_registration,
)
from annotator.core.ocr.engine import models_dir
from tests.fixtures.boxes import add_photo
from tests.fixtures.ocr_marks import FONTS, render_mark

TARGET = 0.90


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_demo_photos(tmp_path_factory.mktemp("demo"))


def _samples():
    """Twelve drawn at random (every distortion mixed), and eight of the hardest kind: text
    20 px high, skewed 15° either way, blurred, JPEG 60, in both fonts."""
    mixed = [render_mark(seed) for seed in range(500, 512)]
    hardest = [render_mark(900 + i, height=20, angle=15.0 if i % 2 else -15.0, blur=1.0,
                           font=FONTS[i // 2 % 2]) for i in range(8)]
    return mixed + hardest


def test_rendered_registrations_read_top1_at_least_90_percent():
    samples = _samples()
    misses = []
    for sample in samples:
        result = read_registration(sample.image(), sample.box)
        best = result.best
        if best is None or best.registration != sample.registration:
            misses.append((sample.registration, best and best.registration))
        else:
            assert best.valid and best.country
    accuracy = 1 - len(misses) / len(samples)
    assert accuracy >= TARGET, misses


def test_every_demo_photo_reads_its_registration_from_the_aircraft_box(demo_files):
    for photo, path in zip(DEMO_PHOTOS, demo_files, strict=True):
        result = read_file(path, photo.aircraft_box())  # displayed pixels, EXIF applied
        assert result.best is not None, photo.name
        assert result.best.registration == REGISTRATION, (photo.name, result.candidates)
        assert result.best.country == "Niger" and result.best.confidence > 0.8


def test_a_box_without_text_offers_no_registration(demo_files):
    sky = read_file(demo_files[0], (20, 20, 200, 120))
    assert not any(c.valid for c in sky.candidates)


def test_a_box_outside_the_picture_is_refused(demo_files):
    with pytest.raises(InputRejected) as caught:
        read_file(demo_files[0], (5000, 5000, 10, 10))
    assert caught.value.code == "BOX_OUTSIDE_PHOTO"


def test_the_engine_reads_offline_with_the_models_of_its_wheel(monkeypatch, demo_files):
    def no_network(*_args, **_kw):
        raise AssertionError("the OCR engine tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    engine = Engine()  # a fresh load, not the shared one
    photo = DEMO_PHOTOS[0]
    result = read_registration(full_upright(demo_files[0]), photo.aircraft_box(), engine)
    assert result.best is not None and result.best.registration == REGISTRATION
    versions = engine_versions()
    assert versions["engine"].startswith("rapidocr ")
    assert versions["runtime"].startswith("onnxruntime ")
    for model in versions["models"].values():
        assert (models_dir() / model["file"]).is_file() and len(model["sha256"]) == 64


def test_cli_ocr_on_a_file_prints_the_candidates(demo_files, capsys):
    photo, path = DEMO_PHOTOS[6], demo_files[6]  # the phone photo stored sideways
    assert photo.orientation == 6
    x, y, w, h = photo.aircraft_box()
    assert main(["ocr", str(path), "--box", f"{x},{y},{w},{h}", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["candidates"][0]
    assert first == {"text": first["text"], "registration": "5U-MBH", "valid": True,
                     "country": "Niger", "confidence": first["confidence"]}
    assert 0 < first["confidence"] <= 1
    assert main(["ocr", str(path), "--box", f"{x},{y},{w},{h}"]) == 0
    assert "5U-MBH" in capsys.readouterr().out.splitlines()[0]


def test_cli_ocr_refuses_a_bad_box_in_one_line(demo_files, capsys):
    assert main(["ocr", str(demo_files[0]), "--box", "1,2,3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "X,Y,W,H" in err
    assert main(["ocr", str(demo_files[0]), "--box=-900,-900,10,10"]) == 1


def test_cli_ocr_on_a_case_photo(case, demo_files, capsys):
    add_photo(case, demo_files[1])
    x, y, w, h = DEMO_PHOTOS[1].aircraft_box()
    code = main(["ocr", demo_files[1].name, "--case", str(case.root), "--box",
                 f"{x},{y},{w},{h}", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["candidates"][0]["registration"] == "5U-MBH"


def test_an_accepted_reading_is_an_audited_box_edit_with_its_source(case, demo_files):
    photo_id = add_photo(case, demo_files[0])
    info = boxes.create_box(case, photo_id, BoxValues(x=100, y=100, w=300, h=200))
    chosen = Candidate(text="5U-M8H", registration="5U-MBH", valid=True, country="Niger",
                       confidence=0.84, substitutions=1)
    result = OcrResult(box=(100, 100, 300, 200), candidates=[chosen], readings=[],
                       engine=engine_versions(), seconds=0.2)
    edit = accept_candidate(case, info.id, chosen, result, expected_version=info.version)
    assert edit.after.registration == "5U-MBH" and edit.before.registration is None
    with case.reading() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "box.update")
                          .order_by(AuditEvent.id.desc())).scalars().first()
        details = json.loads(event.details)
    assert details["after"] == {"registration": "5U-MBH"}
    assert details["source"] == "ocr"
    ocr = details["ocr"]
    assert ocr["confidence"] == 0.84
    assert ocr["engine"].startswith("rapidocr ") and ocr["runtime"].startswith("onnxruntime ")
    assert set(ocr["models"]) == {"det", "rec", "cls"}
    assert ocr["read"] == "5U-M8H"
    with case.reading() as s:
        assert verify_chain(s).ok
