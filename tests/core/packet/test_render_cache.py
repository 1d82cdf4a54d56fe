"""Packet pictures rendered ahead: a second export reuses them and gives the same bytes; any
change of what a picture shows is a miss; a picture altered in the cache is never packed."""

from __future__ import annotations

import json
import os
import stat

import pytest
from sqlalchemy import select

from annotator.core.boxes import list_boxes, update_box
from annotator.core.case.settings import config_dir
from annotator.core.packet import render
from annotator.core.packet.export import export_packet
from annotator.core.packet.pictures import photos_with_boxes, prepare_pictures
from annotator.core.packet.render_cache import INDEX, KEY_FILE, RenderCache
from tests.fixtures.packets import make_case_with_photos, read_zip

# Files that carry the creation time or the custody log's newer events.
VARYING = {"manifest.json", "README.txt", "custody.jsonl", "report.pdf", "SHA256SUMS",
           "SHA256SUMS.tsq"}


@pytest.fixture
def sample(case, tmp_path):
    return make_case_with_photos(case, tmp_path)


def _pictures(files: dict[str, bytes]) -> dict[str, bytes]:
    return {n: b for n, b in files.items() if n.startswith(("annotated/", "datasets/images/"))}


def _entries(case, sha256: str) -> list:
    """The cache entries of one photo, of every user."""
    return sorted(p for p in (case.root / "renders").glob(f"*/{sha256[:2]}/{sha256}/*")
                  if p.is_dir() and not p.name.startswith("."))


def test_second_export_reuses_every_picture_and_packs_the_same_bytes(case, sample, tmp_path):
    first = export_packet(case, tmp_path / "a.zip")
    second = export_packet(case, tmp_path / "b.zip")
    assert first.pictures_reused == 0 and second.pictures_reused == 3
    a, b = read_zip(first.path), read_zip(second.path)
    assert sorted(a) == sorted(b)
    assert {n: v for n, v in a.items() if n not in VARYING} == \
           {n: v for n, v in b.items() if n not in VARYING}


def test_the_key_file_is_private_and_the_cache_lives_in_the_case(case, sample, tmp_path):
    export_packet(case, tmp_path / "a.zip")
    key = config_dir() / KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_text().strip()) == 64
    assert len(_entries(case, sample.shas["apron.jpg"])) == 1


def test_a_picture_altered_in_the_cache_is_rendered_again(case, sample, tmp_path):
    clean = read_zip(export_packet(case, tmp_path / "a.zip").path)
    (entry,) = _entries(case, sample.shas["apron.jpg"])
    target = entry / render.crop_file(1)
    target.chmod(0o644)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))

    again = export_packet(case, tmp_path / "b.zip")
    files = read_zip(again.path)
    assert files["annotated/crops/apron/box-01.jpg"] == clean["annotated/crops/apron/box-01.jpg"]
    assert again.pictures_reused == 2  # apron was rendered again, the other two reused
    assert _pictures(files) == _pictures(clean)


def test_an_index_rewritten_without_the_key_is_not_trusted(case, sample, tmp_path):
    """Whoever alters a picture and its recorded hash, but lacks the user's key, gets a miss."""
    clean = read_zip(export_packet(case, tmp_path / "a.zip").path)
    (entry,) = _entries(case, sample.shas["apron.jpg"])
    forged = b"\xff\xd8 not the render \xff\xd9"
    (entry / render.ANNOTATED).write_bytes(forged)
    index = json.loads((entry / INDEX).read_text())
    import hashlib

    index["files"][render.ANNOTATED] = hashlib.sha256(forged).hexdigest()
    (entry / INDEX).write_text(json.dumps(index))

    again = export_packet(case, tmp_path / "b.zip")
    files = read_zip(again.path)
    assert files["annotated/apron.jpg"] == clean["annotated/apron.jpg"] != forged
    assert again.pictures_reused == 2


def test_another_users_cache_is_a_miss_and_left_alone(case, sample, tmp_path, monkeypatch):
    """Team members share the case folder: each has a key, and entries, of their own."""
    export_packet(case, tmp_path / "a.zip")
    mine = _entries(case, sample.shas["apron.jpg"])
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "someone-else"))
    assert export_packet(case, tmp_path / "b.zip").pictures_reused == 0
    assert export_packet(case, tmp_path / "c.zip").pictures_reused == 3
    both = _entries(case, sample.shas["apron.jpg"])
    assert len(both) == 2 and set(mine) < set(both)
    assert all((p / "index.json").is_file() for p in both)


def test_the_cache_may_change_while_the_report_is_written(case, sample, tmp_path,
                                                          monkeypatch):
    """Background rendering can prune an entry mid-export: the report keeps its own links."""
    import shutil

    from annotator.core.packet import export

    export_packet(case, tmp_path / "a.zip")
    real = export._Export.record_export

    def record_then_clear(self, man, evidence):  # type: ignore[no-untyped-def]
        shutil.rmtree(case.root / "renders")
        return real(self, man, evidence)

    monkeypatch.setattr(export._Export, "record_export", record_then_clear)
    result = export_packet(case, tmp_path / "b.zip")
    assert result.pictures_reused == 3
    assert read_zip(result.path)["report.pdf"].startswith(b"%PDF")


def test_moving_a_box_is_a_miss_and_old_entries_are_pruned(case, sample, tmp_path):
    apron = sample.ids["apron.jpg"]
    export_packet(case, tmp_path / "a.zip")
    with case.reading() as s:
        box_id = list_boxes(s, apron)[0].id
    for n, x in enumerate((520, 540, 560)):
        update_box(case, box_id, x=x)
        result = export_packet(case, tmp_path / f"moved-{n}.zip")
        assert result.pictures_reused == 2  # only apron changed
    # Kept: the current render and the one before it (an undo away).
    assert len(_entries(case, sample.shas["apron.jpg"])) == 2
    fresh = tmp_path / "fresh-case-pictures.zip"
    import shutil

    shutil.rmtree(case.root / "renders")
    cold = read_zip(export_packet(case, fresh).path)
    warm = read_zip(tmp_path.joinpath("moved-2.zip"))
    assert _pictures(cold) == _pictures(warm)


def test_a_new_verdict_changes_the_caption_and_so_the_key(case, sample, tmp_path):
    """The caption strip shows the date verdict: a cached picture with the old one is stale."""
    from annotator.core.models import Photo

    export_packet(case, tmp_path / "a.zip")
    with case.writing() as s:
        photo = s.execute(select(Photo).where(Photo.id == sample.ids["plain.jpg"])).scalar_one()
        photo.date_verdict = "inconsistent"
    assert export_packet(case, tmp_path / "b.zip").pictures_reused == 2


def test_prepare_pictures_renders_ahead_so_the_export_only_packs(case, sample, tmp_path):
    ids = photos_with_boxes(case)
    assert sorted(ids) == sorted([sample.ids["apron.jpg"], sample.ids["phone.jpg"]])
    first = prepare_pictures(case, ids)
    assert (first.rendered, first.ready, first.failed) == (2, 0, 0)
    again = prepare_pictures(case, ids)
    assert (again.rendered, again.ready) == (0, 2)
    assert export_packet(case, tmp_path / "a.zip").pictures_reused == 2  # plain had no boxes


def test_without_a_usable_cache_the_export_renders_in_its_staging_folder(
        case, sample, tmp_path, monkeypatch):
    (case.root / "renders").write_text("a file where the cache folder would be")
    result = export_packet(case, tmp_path / "a.zip")
    assert result.pictures_reused == 0 and result.photos == 3
    assert "annotated/crops/apron/box-01.jpg" in read_zip(result.path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".packet-")]


def test_a_read_only_config_folder_means_no_cache_not_a_failure(case, sample, tmp_path,
                                                                  monkeypatch):
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(locked / "config"))
    assert RenderCache.for_case(case.root) is None
    assert export_packet(case, tmp_path / "a.zip").photos == 3


def test_a_full_case_disk_falls_back_to_rendering_for_the_export(case, sample, tmp_path,
                                                                 monkeypatch):
    import errno

    def disk_full(self, job, key):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(RenderCache, "_render", disk_full)
    result = export_packet(case, tmp_path / "a.zip")
    assert result.photos == 3 and result.pictures_reused == 0
    assert "annotated/crops/apron/box-01.jpg" in read_zip(result.path)


def test_two_threads_rendering_the_same_photo_agree_on_one_entry(case, sample, tmp_path):
    """The app's background rendering and an export may meet on the same photo."""
    import threading

    from annotator.core.packet.collect import read_photos
    from annotator.core.packet.pictures import _case_paths, render_job

    with case.reading() as s:
        (photo,) = read_photos(s, [sample.ids["apron.jpg"]])
    job = render_job(photo, _case_paths(case)[photo.sha256], case.store.path_for(photo.sha256))
    cache = RenderCache.for_case(case.root)
    results = []
    barrier = threading.Barrier(3)

    def worker() -> None:
        barrier.wait()
        results.append(cache.ensure(job))

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3
    (entry,) = _entries(case, photo.sha256)
    for r in results:
        assert r.folder == entry
        for name in render.picture_files(job):
            r.read_verified(name)  # every caller sees complete, checked files
    assert cache.lookup(job) is not None


def test_pictures_are_never_drawn_from_an_altered_original(case, sample, tmp_path):
    """Alter the store's copy, let rendering ahead run, put the copy back: no picture of the
    altered bytes may survive into a packet."""
    from PIL import Image

    sha = sample.shas["apron.jpg"]
    stored_copy = case.store.path_for(sha)
    genuine = stored_copy.read_bytes()
    stored_copy.chmod(0o644)
    Image.new("RGB", (1600, 1200), "red").save(stored_copy, "JPEG")  # a doctored picture
    result = prepare_pictures(case, [sample.ids["apron.jpg"]])
    assert (result.rendered, result.failed) == (0, 1)
    assert _entries(case, sha) == []
    with pytest.raises(Exception, match="no longer matches its recorded SHA-256"):
        export_packet(case, tmp_path / "a.zip")
    assert not (tmp_path / "a.zip").exists()
    stored_copy.write_bytes(genuine)
    stored_copy.chmod(0o444)
    files = read_zip(export_packet(case, tmp_path / "b.zip").path)
    with Image.open(__import__("io").BytesIO(files["annotated/crops/apron/box-01.jpg"])) as im:
        r, g, b = im.convert("RGB").resize((1, 1)).getpixel((0, 0))
    assert not (r > 200 and g < 60 and b < 60), "the crop shows the doctored red picture"
