"""The demo case: what it holds, that it is built once, and that `annotator demo` opens it."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps
from PySide6.QtCore import Qt
from sqlalchemy import select

from annotator.core.case.folder import Case
from annotator.core.case.settings import data_dir
from annotator.core.demo.case import build_demo_case
from annotator.core.demo.photos import CAPTION, DEMO_PHOTOS, write_demo_photos
from annotator.core.models import Box, Photo
from tests.fixtures.workspace import open_controller


def test_demo_photos_carry_the_story_and_its_quirks(tmp_path: Path):
    paths = {p.name: p for p in write_demo_photos(tmp_path)}
    assert len(paths) == len(DEMO_PHOTOS) == 9
    with Image.open(paths["phone-rotated.jpg"]) as im:
        assert im.getexif()[0x0112] == 6
        assert im.size == (1600, 1067)  # stored sideways…
        assert ImageOps.exif_transpose(im).size == (1067, 1600)  # …displayed upright
    with Image.open(paths["no-exif.jpg"]) as im:
        assert len(im.getexif()) == 0
    with Image.open(paths["edited.jpg"]) as im:
        exif = im.getexif()
        assert exif[0x0131] == "Adobe Photoshop 24.0"
        assert exif[0x0132] > exif.get_ifd(0x8769)[0x9003]  # modified after it was taken
    with Image.open(paths["niamey.jpg"]) as im:
        assert im.getexif().get_ifd(0x8769)[0x9011] == "+01:00"
    assert all(p.stat().st_size < 300_000 for p in paths.values())
    assert "ILLUSTRATIVE" in CAPTION


def test_demo_case_is_built_once_in_the_data_folder_with_boxes_on_the_aircraft():
    path = build_demo_case()
    assert path == data_dir() / "demo-case"
    with Case.open(path) as case, case.reading() as s:
        photos = {p.original_name: p for p in s.execute(select(Photo)).scalars()}
        boxes = list(s.execute(select(Box)).scalars())
    assert set(photos) == {d.name for d in DEMO_PHOTOS}
    rotated = photos["phone-rotated.jpg"]
    assert (rotated.width, rotated.height) == (1067, 1600)
    assert photos["bamako-01.jpg"].capture_local.startswith("2023-10-27T09:41")
    assert photos["no-exif.jpg"].capture_local is None
    assert boxes and all(b.registration == "5U-MBH" for b in boxes)
    on_rotated = [b for b in boxes if b.photo_id == rotated.id]
    assert len(on_rotated) == 1
    box = on_rotated[0]
    assert box.x + box.w <= rotated.width and box.y + box.h <= rotated.height
    stamp = (path / "case.sqlite").stat().st_mtime_ns
    assert build_demo_case() == path  # second call: the existing case, untouched
    assert (path / "case.sqlite").stat().st_mtime_ns == stamp
    assert not (path.parent / "demo-case.building").exists()


def test_open_demo_from_the_welcome_screen(qtbot):
    controller = open_controller(qtbot)
    welcome = controller.show_welcome()
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=30000)
    window = controller.window
    qtbot.addWidget(window)
    assert window.browser.model.rowCount() == 9
    assert "Demo" in window.windowTitle()
    window.close()


def test_annotator_demo_self_test_exits_zero(capsys):
    from annotator.cli import main

    assert main(["demo", "--self-test"]) == 0
    assert "self-test ok: 9 photos" in capsys.readouterr().out
