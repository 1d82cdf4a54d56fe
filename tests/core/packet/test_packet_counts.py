"""`export` and `verify` count the same files of one packet, and say what they count; the
PDF report is dated by the export (issue 14, item 11)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime

import pytest

from annotator.cli import main
from tests.fixtures.packets import make_case_with_photos


def _files_said(text: str) -> int:
    found = re.search(r"(\d+) files in the packet listed in SHA256SUMS", text)
    assert found, text
    return int(found.group(1))


def test_export_and_verify_say_the_same_number_of_files_and_what_they_count(
        case, tmp_path, capsys):
    make_case_with_photos(case, tmp_path)
    out = tmp_path / "packet.zip"
    assert main(["export", str(case.root), "--out", str(out)]) == 0
    exported = capsys.readouterr().out
    assert main(["verify", str(out)]) == 0
    verified = capsys.readouterr().out
    with zipfile.ZipFile(out) as zf:
        names = [i.filename for i in zf.infolist() if not i.is_dir()]
        listed = zf.read("SHA256SUMS").decode().splitlines()
    assert "SHA256SUMS" in names and len(listed) == len(names) - 2  # SHA256SUMS and .tsq
    assert _files_said(exported) == _files_said(verified) == len(listed)
    assert main(["export", str(case.root), "--out", str(tmp_path / "again.zip"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == len(listed)
    assert main(["verify", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files_checked"] == len(listed)


def test_the_report_pdf_is_dated_by_the_export(case, tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    make_case_with_photos(case, tmp_path)
    out = tmp_path / "packet.zip"
    before = datetime.now(UTC).replace(microsecond=0)
    assert main(["export", str(case.root), "--out", str(out)]) == 0
    after = datetime.now(UTC)
    with zipfile.ZipFile(out) as zf:
        (tmp_path / "report.pdf").write_bytes(zf.read("report.pdf"))
        created_utc = json.loads(zf.read("manifest.json"))["created_utc"]
    raw = (tmp_path / "report.pdf").read_bytes()
    stamp = re.search(rb"/CreationDate \(D:(\d{14})\+00'00'\)", raw)
    assert stamp, "no CreationDate in the PDF's Info"
    created = datetime.strptime(stamp.group(1).decode(), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    assert before <= created <= after
    assert created.strftime("%Y-%m-%dT%H:%M:%S") == created_utc[:19]
    info = subprocess.run(["pdfinfo", "-isodates", str(tmp_path / "report.pdf")],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"CreationDate:\s+" + created.strftime("%Y-%m-%dT%H:%M:%S"), info), info
    assert "2000-01-01" not in info
