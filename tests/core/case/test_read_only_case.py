"""A case on read-only media (a disc, a read-only share, a write-blocked drive) opens and is
read, checked and exported; every write says the case is read-only; nothing in its folder
changes (issue 14, item 8).

Tests run as root here, where `chmod a-w` stops nothing: they make the folder unwritable AND
make the probe say so (as on a read-only mount, where even root gets EROFS). One test uses
the real permissions and runs only as an ordinary user.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.case import Case
from annotator.core.case import folder as case_module
from annotator.core.errors import CaseReadOnly, CaseUnavailable
from annotator.core.flights.links import link_photo
from annotator.core.flights.records import FlightDraft, add_flight
from tests.fixtures.packets import make_case_with_photos


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `root` with its size and modification time."""
    out = {}
    for path in sorted(root.rglob("*")):
        st = path.stat()
        out[str(path.relative_to(root))] = (st.st_size if path.is_file() else 0, st.st_mtime_ns)
    return out


def _chmod_read_only(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _chmod_writable(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


@pytest.fixture
def disc(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A closed case with photos, boxes, a flight and a link, made read-only."""
    root = tmp_path / "disc" / "case"
    made = Case.create(root, name="Bamako", examiner="ana")
    sample = make_case_with_photos(made, tmp_path)
    flight = add_flight(made, FlightDraft(registration="5U-MBH", origin="GABS",
                                          destination="GAGO"))
    link_photo(made, sample.shas["apron.jpg"], flight, "before_departure", None)
    made.close()
    assert not (root / "case.sqlite-wal").exists()
    _chmod_read_only(root)
    yield root, sample
    _chmod_writable(root)


@pytest.fixture
def read_only_media(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The folder probe answers as on a read-only mount (root is refused there too)."""
    monkeypatch.setattr(case_module, "folder_writable", lambda root: False)


def _run(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _reads_checks_and_exports(root: Path, sample, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(root)
    r = str(root)
    code, out, err = _run(["photos", r], capsys)
    assert code == 0 and "apron.jpg" in out and err == ""
    apron = next(line.split()[0] for line in out.splitlines() if line.endswith("apron.jpg"))
    code, out, _ = _run(["boxes", r, apron, "--json"], capsys)
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = _run(["flights", "list", r, "--json"], capsys)
    assert code == 0 and json.loads(out)[0]["registration"] == "5U-MBH"
    code, out, _ = _run(["audit", r, "--verify"], capsys)
    assert code == 0 and out.startswith("audit chain intact")
    stored = root / "originals" / sample.shas["apron.jpg"][:2] / sample.shas["apron.jpg"][2:]
    code, out, _ = _run(["exif", str(stored), "--json"], capsys)
    assert code == 0 and json.loads(out)[0]["sha256"] == sample.shas["apron.jpg"]
    code, out, err = _run(["check-date", apron, "--case", r, "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["verdict"] in ("consistent", "questionable", "inconsistent")
    packet = tmp_path / "out" / "packet.zip"
    packet.parent.mkdir()
    code, out, err = _run(["export", r, "--out", str(packet)], capsys)
    assert code == 0, err
    code, out, err = _run(["verify", str(packet)], capsys)
    assert code == 0 and "\npacket intact" in out, out + err
    with zipfile.ZipFile(packet) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        lines = [json.loads(line) for line in zf.read("custody.jsonl").splitlines()]
    assert manifest["case_read_only"] is True
    last = lines[-1]
    assert last["action"] == "packet.export"
    details = json.loads(last["details"])
    assert details["case_read_only"] is True and "read-only case" in details["note"]
    # The case's own log did not grow: the export event is the packet's alone.
    code, out, _ = _run(["audit", r, "--json"], capsys)
    events = json.loads(out)
    assert [e["action"] for e in events][-1] != "packet.export"
    assert last["prev_hash"] == events[-1]["hash"] and last["id"] == events[-1]["id"] + 1
    # Every write is refused, in one line, saying why.
    for args in (["annotate", r, apron, "--box", "10,10,40,40"],
                 ["box-delete", r, "1"],
                 ["check-date", apron, "--case", r, "--claimed", "2023-10-27"],
                 ["source", r, apron, "--url", "https://example.org/p/1"],
                 ["flights", "add", r, "--registration", "5U-MBH"],
                 ["link", r, apron, "1"],
                 ["import", r, str(sample.folder)]):
        code, out, err = _run(args, capsys)
        assert code == 1, (args, out, err)
        assert err.count("\n") == 1 and "this case is read-only: its folder" in err, (args, err)
    assert _snapshot(root) == before  # no -wal, no -shm, no render, nothing touched


def test_a_case_on_read_only_media_is_read_checked_and_exported_and_never_written(
        disc, read_only_media, tmp_path, capsys):
    root, sample = disc
    _reads_checks_and_exports(root, sample, tmp_path, capsys)


def _chmod_stops_writes() -> bool:
    """False for root (or any process with CAP_DAC_OVERRIDE): chmod a-w does not stop it."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o555)
        try:
            Path(tmp, "probe").write_bytes(b"")
        except OSError:
            return True
        finally:
            os.chmod(tmp, 0o755)
    return False


@pytest.mark.skipif(not _chmod_stops_writes(), reason="this process (root) writes through "
                    "chmod a-w; the test above simulates the read-only mount instead")
def test_a_case_whose_folder_cannot_be_written_opens_read_only_by_itself(disc, tmp_path, capsys):
    root, sample = disc
    _reads_checks_and_exports(root, sample, tmp_path, capsys)


def test_opening_read_only_on_purpose_refuses_every_write_and_creates_no_journal(
        tmp_path: Path):
    root = tmp_path / "case"
    Case.create(root, name="x", examiner="ana").close()
    names = sorted(p.name for p in root.iterdir())
    with Case.open(root, read_only=True) as case:
        assert case.read_only
        with pytest.raises(CaseReadOnly, match="this case is read-only: it was opened "
                                               "read-only; nothing was changed"):
            with case.writing():
                pass
    assert sorted(p.name for p in root.iterdir()) == names
    with Case.open(root) as case:  # the same folder, writable, opens for writing
        assert not case.read_only


def test_an_older_case_on_read_only_media_is_refused_in_one_line(
        tmp_path: Path, read_only_media, capsys):
    root = tmp_path / "case"
    Case.create(root, name="x", examiner="ana").close()
    with sqlite3.connect(root / "case.sqlite") as db:
        db.execute("UPDATE alembic_version SET version_num = '0004'")
    with pytest.raises(CaseUnavailable, match="older annotator .schema 0004. and is read-only"):
        Case.open(root)
    code, out, err = _run(["photos", str(root)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "copy the case folder to a writable disk" in err
