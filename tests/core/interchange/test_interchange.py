"""Boxes in and out through COCO, Pascal VOC and YOLO: export → import round-trips every
field each format carries, to its precision; names and hashes find the photos; files made on
the unrotated picture are refused."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.boxes import list_boxes
from annotator.core.case.folder import Case
from annotator.core.errors import InputRejected, NotFound
from annotator.core.interchange.formats import _yaml_names, import_annotations
from annotator.core.packet.export import export_packet
from tests.fixtures.packets import import_folder, make_case_with_photos, unzip, write_sample_photos


def _boxes(case: Case) -> dict[str, list]:
    from sqlalchemy import select

    from annotator.core.models import Photo

    out = {}
    with case.reading() as s:
        for p in s.execute(select(Photo)).scalars():
            out[p.original_name] = sorted(
                (b.values for b in list_boxes(s, p.id)), key=lambda v: (v.x, v.y))
    return out


@pytest.fixture
def exported(case, tmp_path):
    make_case_with_photos(case, tmp_path)
    packet = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "packet")
    return case, packet


@pytest.fixture
def fresh(tmp_path):
    """A second case holding the same photos, without boxes."""
    other = Case.create(tmp_path / "other", name="Recipient")
    import_folder(other, write_sample_photos(tmp_path / "again"))
    yield other
    other.close()


@pytest.mark.parametrize("fmt, target", [("coco", "datasets/coco.json"),
                                         ("voc", "datasets/voc")])
def test_coco_and_voc_round_trip_every_field(exported, fresh, fmt, target):
    case, packet = exported
    summary = import_annotations(fresh, packet / target, fmt)
    assert summary.created == 3 and summary.photos == 2
    assert _boxes(fresh) == _boxes(case)


def test_yolo_round_trips_class_and_box_to_its_precision(exported, fresh):
    case, packet = exported
    summary = import_annotations(fresh, packet / "datasets/yolo/labels", "yolo")
    assert summary.created == 3
    want, got = _boxes(case), _boxes(fresh)
    for name in want:
        assert len(got[name]) == len(want[name])
        for a, b in zip(want[name], got[name], strict=True):
            assert a.label == b.label
            assert (b.x, b.y, b.w, b.h) == pytest.approx((a.x, a.y, a.w, a.h), abs=0.01)


def test_importing_the_same_file_twice_adds_nothing(exported, fresh):
    _case, packet = exported
    import_annotations(fresh, packet / "datasets/coco.json", "coco")
    again = import_annotations(fresh, packet / "datasets/voc", "voc")
    assert again.created == 0 and again.skipped == 3


def test_boxes_on_the_rotated_photo_land_on_the_upright_picture(exported, fresh):
    _case, packet = exported
    import_annotations(fresh, packet / "datasets/yolo/labels/phone.txt", "yolo")
    (box,) = _boxes(fresh)["phone.jpg"]
    assert box.x == pytest.approx(790, abs=0.01) and box.y == pytest.approx(2, abs=0.01)


def test_a_renamed_picture_is_found_by_its_sha256(tmp_path, fresh):
    coco = {"images": [{"id": 7, "file_name": "renamed-by-someone.jpg", "width": 1600,
                        "height": 1200, "sha256": _shas(fresh)["apron.jpg"]}],
            "annotations": [{"id": 1, "image_id": 7, "category_id": 1, "bbox": [5, 6, 7, 8]}],
            "categories": [{"id": 1, "name": "aircraft"}]}
    path = tmp_path / "coco.json"
    path.write_text(json.dumps(coco))
    assert import_annotations(fresh, path, "coco").created == 1
    assert [(b.x, b.y, b.w, b.h) for b in _boxes(fresh)["apron.jpg"]] == [(5, 6, 7, 8)]


def test_a_renamed_picture_beside_the_file_is_found_by_hashing_it(tmp_path, fresh):
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / "copy.jpg").write_bytes((tmp_path / "again" / "plain.jpg").read_bytes())
    coco = {"images": [{"id": 1, "file_name": "copy.jpg", "width": 800, "height": 600}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 1,
                             "bbox": [10, 20, 30, 40], "attributes": {"registration": "tz-abc"}}],
            "categories": [{"id": 1, "name": "aircraft"}]}
    path = tmp_path / "ann" / "coco.json"
    path.write_text(json.dumps(coco))
    assert import_annotations(fresh, path, "coco").created == 1
    (box,) = _boxes(fresh)["plain.jpg"]
    assert (box.x, box.y, box.w, box.h) == (10, 20, 30, 40) and box.registration == "TZ-ABC"


def test_a_name_shared_by_two_photos_is_refused(tmp_path, fresh):
    from tests.fixtures.factory import make_jpeg

    make_jpeg(tmp_path / "elsewhere" / "apron.jpg", 1600, 1200, seed=9)
    import_folder(fresh, tmp_path / "elsewhere")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "classes.txt").write_text("aircraft\n")
    (labels / "apron.txt").write_text("0 0.5 0.5 0.1 0.1\n")
    with pytest.raises(NotFound, match="2 photos"):
        import_annotations(fresh, labels, "yolo")


def _shas(case: Case) -> dict[str, str]:
    from sqlalchemy import select

    from annotator.core.models import Photo

    with case.reading() as s:
        return {p.original_name: p.sha256 for p in s.execute(select(Photo)).scalars()}


def test_annotations_made_on_the_unrotated_picture_are_refused(tmp_path, fresh):
    voc = tmp_path / "phone.xml"
    voc.write_text("<annotation><filename>phone.jpg</filename><size><width>1200</width>"
                   "<height>900</height><depth>3</depth></size><object><name>aircraft</name>"
                   "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>50</xmax><ymax>50</ymax>"
                   "</bndbox></object></annotation>")
    with pytest.raises(InputRejected, match="unrotated"):
        import_annotations(fresh, voc, "voc")
    assert _boxes(fresh)["phone.jpg"] == []


def test_an_unknown_picture_rejects_the_whole_file(tmp_path, fresh):
    coco = {"images": [{"id": 1, "file_name": "apron.jpg", "width": 1600, "height": 1200},
                       {"id": 2, "file_name": "nowhere.jpg", "width": 10, "height": 10}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 5, 5]},
                            {"id": 2, "image_id": 2, "category_id": 1, "bbox": [1, 1, 5, 5]}],
            "categories": [{"id": 1, "name": "aircraft"}]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(coco))
    with pytest.raises(NotFound, match="nowhere.jpg"):
        import_annotations(fresh, path, "coco")
    assert _boxes(fresh)["apron.jpg"] == []  # all or nothing


def test_yolo_without_class_names_says_what_to_add(tmp_path, fresh):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "apron.txt").write_text("0 0.5 0.5 0.1 0.1\n")
    with pytest.raises(InputRejected, match="classes.txt"):
        import_annotations(fresh, labels, "yolo")
    (labels / "data.yaml").write_text("nc: 1\nnames: ['aircraft']\n")
    assert import_annotations(fresh, labels, "yolo").created == 1


@pytest.mark.parametrize("text", [
    "names: ['aircraft', 'vehicle']\n",
    "names:\n  - aircraft\n  - vehicle\n",
    "names:\n  0: aircraft\n  1: \"vehicle\"\nnc: 2\n",
    "nc: 2\nnames: {0: aircraft, 1: vehicle}\n".replace("aircraft", "'aircraft'")
    .replace("vehicle", "'vehicle'"),
])
def test_data_yaml_names_in_every_usual_form(text):
    assert _yaml_names(text) == ["aircraft", "vehicle"]


def test_cli_import_annotations_prints_what_it_did(exported, fresh, capsys):
    _case, packet = exported
    assert main(["import-annotations", str(fresh.root), str(packet / "datasets/coco.json"),
                 "--format", "coco", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"created": 3, "skipped": 0, "photos": 2,
                                                   "images": 3}
    assert main(["import-annotations", str(fresh.root), str(packet / "absent.json"),
                 "--format", "coco"]) == 1


def test_import_is_audited_with_its_source(exported, fresh):
    _case, packet = exported
    import_annotations(fresh, packet / "datasets/voc", "voc")
    from sqlalchemy import select

    from annotator.core.models import AuditEvent

    with fresh.reading() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.action == "box.create")
                           ).scalars().all()
    assert len(events) == 3
    assert all(json.loads(e.details)["format"] == "voc" for e in events)
