"""Evidence packets: what the zip holds, that it checks out without our software, that it is
deterministic, that it reveals nothing of photos left out, and that it never touches the
originals."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import zipfile

import pytest
from PIL import Image
from sqlalchemy import select

from annotator.cli import main
from annotator.core.errors import InputRejected, NotFound
from annotator.core.models import AuditEvent
from annotator.core.packet import custody
from annotator.core.packet.export import ExportCancelled, export_packet
from annotator.core.packet.selection import Selection
from tests.fixtures.packets import make_case_with_photos, read_zip, unzip


@pytest.fixture
def sample(case, tmp_path):
    return make_case_with_photos(case, tmp_path)


def test_packet_holds_every_part_with_the_documented_names(case, sample, tmp_path):
    result = export_packet(case, tmp_path / "packet.zip")
    files = read_zip(result.path)
    for name in ("originals/apron.jpg", "originals/phone.jpg", "originals/plain.jpg",
                 "annotated/apron.jpg", "annotated/phone.jpg", "annotated/plain.jpg",
                 "annotated/crops/apron/box-01.jpg", "annotated/crops/apron/box-02.jpg",
                 "annotated/crops/phone/box-01.jpg", "manifest.json", "report.pdf",
                 "custody.jsonl", "datasets/coco.json", "datasets/voc/apron.xml",
                 "datasets/yolo/labels/phone.txt", "datasets/yolo/classes.txt",
                 "datasets/yolo/data.yaml", "datasets/images/phone.jpg", "README.txt",
                 "SHA256SUMS"):
        assert name in files, name
    assert "SHA256SUMS.sig" not in files
    # Only the rotated photo needs an upright copy for the datasets.
    assert [n for n in files if n.startswith("datasets/images/")] == ["datasets/images/phone.jpg"]
    assert result.photos == 3 and result.boxes == 3


def test_originals_are_byte_identical_and_annotated_pictures_fit_2048(case, sample, tmp_path):
    files = read_zip(export_packet(case, tmp_path / "p.zip").path)
    for name in ("apron.jpg", "phone.jpg", "plain.jpg"):
        assert files[f"originals/{name}"] == (sample.folder / name).read_bytes()
    for name in ("apron", "phone", "plain"):
        with Image.open(io.BytesIO(files[f"annotated/{name}.jpg"])) as im:
            assert max(im.size) <= 2048
    with Image.open(io.BytesIO(files["annotated/phone.jpg"])) as im:
        assert im.height > im.width  # upright: the phone photo is portrait


def test_manifest_describes_each_photo_with_boxes_in_pixels_and_fractions(case, sample,
                                                                          tmp_path):
    man = json.loads(read_zip(export_packet(case, tmp_path / "p.zip").path)["manifest.json"])
    assert man["schema"] == "annotator/evidence-packet" and man["schema_version"] == 1
    assert man["exported_by"] == "test-examiner" and man["case"]["name"] == "Test case"
    assert man["created_utc"].endswith("Z") and man["signature"] is None
    assert man["counts"] == {"photos": 3, "boxes": 3, "flights": 0}
    by_name = {p["original_name"]: p for p in man["photos"]}
    apron = by_name["apron.jpg"]
    for key in ("sha256", "md5", "size", "original_path", "paths", "metadata", "raw_tags",
                "boxes", "capture", "acquisition", "flights", "width", "height", "orientation"):
        assert key in apron
    assert apron["sha256"] == sample.shas["apron.jpg"]
    assert apron["raw_tags"], "every raw tag travels in the manifest"
    box = apron["boxes"][0]
    assert box["registration"] == "5U-MBH" and box["type"] == "C130"
    assert (box["x"], box["y"], box["w"], box["h"]) == (500, 400, 400, 200)
    assert box["normalized"] == pytest.approx({"x": 500 / 1600, "y": 400 / 1200,
                                               "w": 400 / 1600, "h": 200 / 1200})
    assert box["crop"] == "annotated/crops/apron/box-01.jpg"
    phone = by_name["phone.jpg"]
    assert (phone["width"], phone["height"], phone["orientation"]) == (900, 1200, 6)
    assert phone["paths"]["dataset_image"] == "datasets/images/phone.jpg"
    assert apron["capture"]["capture_utc"] == "2023-10-27T10:15:00Z"
    assert apron["capture"]["verdict"] in {"consistent", "questionable"}
    assert all({"code", "severity", "message"} <= set(f) for f in apron["capture"]["findings"])


def test_box_on_rotated_photo_is_cropped_on_the_marker_it_was_drawn_on(case, sample, tmp_path):
    files = read_zip(export_packet(case, tmp_path / "p.zip").path)
    with Image.open(io.BytesIO(files["annotated/crops/phone/box-01.jpg"])) as crop:
        assert crop.size == (100, 140)  # full resolution: the box's own pixels
        r, g, b = crop.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        assert r > 180 and g < 90 and b < 90, "the crop must show the red marker"
    with Image.open(io.BytesIO(files["datasets/images/phone.jpg"])) as upright:
        assert upright.size == (900, 1200)
        r, g, b = upright.convert("RGB").getpixel((880, 20))
        assert r > 180 and g < 90


def test_unzipped_packet_passes_sha256sum_check(case, sample, tmp_path):
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "unzipped")
    out = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    listed = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines()}
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    assert on_disk - listed == {"SHA256SUMS", "SHA256SUMS.tsq"}


def test_zip_entries_have_fixed_times_and_a_fixed_order(case, sample, tmp_path):
    with zipfile.ZipFile(export_packet(case, tmp_path / "p.zip").path) as zf:
        infos = zf.infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    names = [i.filename for i in infos]
    assert names[-2:] == ["SHA256SUMS", "SHA256SUMS.tsq"]
    assert names.index("manifest.json") < names.index("report.pdf")


def test_exporting_twice_gives_the_same_files_but_time_and_newer_custody(case, sample,
                                                                         tmp_path):
    first = read_zip(export_packet(case, tmp_path / "a.zip").path)
    second = read_zip(export_packet(case, tmp_path / "b.zip").path)
    assert set(first) == set(second)
    differing = {n for n in first if first[n] != second[n]}
    assert differing <= {"manifest.json", "README.txt", "custody.jsonl", "report.pdf",
                         "SHA256SUMS", "SHA256SUMS.tsq"}
    assert "SHA256SUMS.tsq" in differing  # a fresh nonce each time: no reply replays
    m1, m2 = (json.loads(x["manifest.json"]) for x in (first, second))
    m1.pop("created_utc"), m2.pop("created_utc")
    assert m1 == m2
    c1 = first["custody.jsonl"].decode().splitlines()
    c2 = second["custody.jsonl"].decode().splitlines()
    assert c2[: len(c1)] == c1 and len(c2) > len(c1)


def test_export_is_audited_with_the_digests_of_its_files(case, sample, tmp_path):
    result = export_packet(case, tmp_path / "p.zip")
    with case.reading() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.action.like("packet.%"))
                           .order_by(AuditEvent.id)).scalars().all()
    assert [e.action for e in events] == ["packet.export", "packet.sealed"]
    export_details = json.loads(events[0].details)
    assert export_details["evidence_sha256"] == result.evidence_sha256
    assert export_details["photos"] == 3
    assert json.loads(events[1].details)["sha256sums_sha256"] == result.sha256sums_sha256
    sums = read_zip(result.path)["SHA256SUMS"]
    assert hashlib.sha256(sums).hexdigest() == result.sha256sums_sha256
    lines = custody.parse(read_zip(result.path)["custody.jsonl"])
    assert lines[-1]["action"] == "packet.export" and lines[-1]["hash"] == events[0].hash


def test_photos_left_out_are_redacted_and_named_nowhere(case, sample, tmp_path):
    result = export_packet(case, tmp_path / "p.zip", Selection(tag="5U MBH"))
    files = read_zip(result.path)
    man = json.loads(files["manifest.json"])
    assert sorted(p["original_name"] for p in man["photos"]) == ["apron.jpg", "phone.jpg"]
    lines = custody.parse(files["custody.jsonl"])
    check = custody.verify_lines(lines)
    assert check.ok and check.redacted >= 1
    redacted = [line for line in lines if line.get("redacted")]
    assert all(set(line) == {"id", "time_utc", "redacted", "content_sha256", "prev_hash",
                             "hash"} for line in redacted)
    hidden_sha = sample.shas["plain.jpg"].encode()
    for name, data in files.items():
        assert hidden_sha not in data, name
        if not name.startswith(("originals/", "annotated/", "datasets/images/")):
            assert b"plain.jpg" not in data, name


def test_a_redacted_event_cannot_be_confirmed_by_guessing_its_content(case, sample, tmp_path):
    """Someone who holds plain.jpg and guesses its exact import event still cannot match a
    redacted line: the digest includes the event's random salt, which the packet omits."""
    from annotator.core.case.audit import content_digest
    from annotator.core.models import AuditEvent

    result = export_packet(case, tmp_path / "p.zip", Selection(tag="5U MBH"))
    lines = {line["id"]: line for line in custody.parse(read_zip(result.path)["custody.jsonl"])}
    hidden_sha = sample.shas["plain.jpg"]
    with case.reading() as s:
        event = s.query(AuditEvent).filter_by(action="photo.import",
                                              photo_sha256=hidden_sha).one()
    line = lines[event.id]
    assert line["redacted"] and "salt" not in line
    guess = content_digest(event.examiner, event.action, event.object_type, event.object_id,
                           event.photo_sha256, event.details)  # everything but the salt
    assert guess != line["content_sha256"]
    assert content_digest(event.examiner, event.action, event.object_type, event.object_id,
                          event.photo_sha256, event.details, event.salt) == line["content_sha256"]


def test_selection_by_photo_reference_and_unknown_tag(case, sample, tmp_path):
    result = export_packet(case, tmp_path / "p.zip",
                           Selection(references=(sample.shas["plain.jpg"][:10],)))
    assert result.photos == 1 and result.boxes == 0
    with pytest.raises(NotFound, match="tagged"):
        export_packet(case, tmp_path / "q.zip", Selection(tag="N999XX"))
    assert not (tmp_path / "q.zip").exists()


def test_export_never_writes_the_originals(case, sample, tmp_path):
    store_files = sorted(p for p in (case.root / "originals").rglob("*") if p.is_file())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, stat.S_IMODE(p.stat().st_mode))
              for p in store_files}
    export_packet(case, tmp_path / "p.zip")
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns, stat.S_IMODE(p.stat().st_mode))
             for p in store_files}
    assert after == before


def test_an_altered_store_copy_stops_the_export(case, sample, tmp_path):
    stored = case.store.path_for(sample.shas["plain.jpg"])
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"x")
    with pytest.raises(InputRejected, match="no longer matches"):
        export_packet(case, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()
    assert not list(tmp_path.glob(".packet-*"))


def test_cancelling_leaves_no_packet_and_no_export_event(case, sample, tmp_path):
    with pytest.raises(ExportCancelled):
        export_packet(case, tmp_path / "p.zip", cancelled=lambda: True)
    assert not (tmp_path / "p.zip").exists() and not list(tmp_path.glob(".packet-*"))
    with case.reading() as s:
        assert not s.execute(select(AuditEvent).where(AuditEvent.action == "packet.export")
                             ).first()


def test_existing_output_is_refused_unless_forced(case, sample, tmp_path, capsys):
    out = tmp_path / "p.zip"
    out.write_bytes(b"keep me")
    assert main(["export", str(case.root), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert main(["export", str(case.root), "--out", str(out), "--force", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["photos"] == 3


def test_progress_is_reported_up_to_the_total(case, sample, tmp_path):
    seen: list[tuple[int, int]] = []
    export_packet(case, tmp_path / "p.zip", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_failure_after_the_export_event_is_recorded_as_abandoned(case, sample, tmp_path,
                                                                   monkeypatch):
    import annotator.core.packet.report as report

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(report, "write_report", broken)
    with pytest.raises(RuntimeError):
        export_packet(case, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists() and not list(tmp_path.glob(".packet-*"))
    with case.reading() as s:
        actions = [e.action for e in s.execute(select(AuditEvent).where(
            AuditEvent.action.like("packet.%")).order_by(AuditEvent.id)).scalars()]
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()
    assert actions == ["packet.export", "packet.abandoned"]
    assert "disk full" in json.loads(last.details)["reason"]


def test_clashing_file_names_are_made_unique_and_safe(case, tmp_path):
    from tests.fixtures.factory import make_jpeg
    from tests.fixtures.packets import import_folder

    incoming = tmp_path / "incoming"
    make_jpeg(incoming / "a" / "IMG.jpg", 64, 48, seed=1)
    make_jpeg(incoming / "b" / "IMG.jpg", 64, 48, seed=2)
    make_jpeg(incoming / "c" / "img.JPG", 64, 48, seed=3)
    make_jpeg(incoming / "d" / "CON.jpg", 64, 48, seed=4)
    import_folder(case, incoming)
    files = read_zip(export_packet(case, tmp_path / "p.zip").path)
    originals = sorted(n for n in files if n.startswith("originals/"))
    assert len(originals) == 4
    assert len({n.casefold() for n in originals}) == 4
    assert "originals/_CON.jpg" in originals  # a name Windows reserves
    stems = [n.rsplit("/", 1)[1].rsplit(".", 1)[0].casefold() for n in originals]
    assert len(set(stems)) == 4  # annotated/ and datasets/ are named after the stem
    man = json.loads(files["manifest.json"])
    for photo in man["photos"]:
        assert files[photo["paths"]["original"]] == (
            case.store.path_for(photo["sha256"]).read_bytes())


def test_cancelling_while_the_zip_is_written_is_recorded_as_abandoned(case, sample, tmp_path):
    """After the export event, a cancel still stops the export: no packet, and the audit
    log says that the recorded export was abandoned."""
    state = {"event": False}

    def progress(done: int, total: int) -> None:
        state["event"] = state["event"] or done > (total - 3) // 2  # the zip is being written

    with pytest.raises(ExportCancelled):
        export_packet(case, tmp_path / "p.zip", progress=progress,
                      cancelled=lambda: state["event"])
    assert not (tmp_path / "p.zip").exists() and not list(tmp_path.glob(".packet-*"))
    with case.reading() as s:
        actions = [e.action for e in s.execute(select(AuditEvent).order_by(AuditEvent.id)
                                               ).scalars()]
    assert actions[-2:] == ["packet.export", "packet.abandoned"]


def test_a_report_built_in_its_own_process_is_the_same_pdf(case, sample, tmp_path, monkeypatch):
    """Large packets build report.pdf in a helper process beside the zip writer: the packet
    must be the same as with the report built in this process."""
    from annotator.core.packet import export

    monkeypatch.setattr(export, "REPORT_PROCESS_MIN_PHOTOS", 10_000)
    here = read_zip(export_packet(case, tmp_path / "here.zip").path)
    monkeypatch.setattr(export, "REPORT_PROCESS_MIN_PHOTOS", 0)
    apart = read_zip(export_packet(case, tmp_path / "apart.zip").path)
    assert here["report.pdf"][:5] == apart["report.pdf"][:5] == b"%PDF-"
    assert len(apart["report.pdf"]) > 10_000
    varying = {"manifest.json", "README.txt", "custody.jsonl", "report.pdf", "SHA256SUMS",
               "SHA256SUMS.tsq"}
    assert {n: b for n, b in here.items() if n not in varying} == \
           {n: b for n, b in apart.items() if n not in varying}
    assert verify_ok(tmp_path / "apart.zip")


def verify_ok(path) -> bool:  # type: ignore[no-untyped-def]
    from annotator.core.packet.verify import verify_packet

    return verify_packet(path).ok


def test_export_makes_a_missing_output_folder(case, sample, tmp_path, capsys):
    """As `keygen` does (issue 15): the folder the investigator named is created."""
    out = tmp_path / "exhibits" / "2023-10" / "p.zip"
    assert main(["export", str(case.root), "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["photos"] == 3
    assert out.is_file()


def test_an_existing_packet_error_names_force(case, sample, tmp_path, capsys):
    out = tmp_path / "p.zip"
    out.write_bytes(b"keep me")
    assert main(["export", str(case.root), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert err.count("\n") == 1  # one line


def test_an_output_folder_that_cannot_be_made_is_refused_in_one_line(case, sample, tmp_path,
                                                                     capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["export", str(case.root), "--out", str(blocker / "sub" / "p.zip")]) == 1
    err = capsys.readouterr().err
    assert "cannot create the folder" in err and err.count("\n") == 1
