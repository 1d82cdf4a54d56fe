"""A shadow measured on a photo travels in the packet: the manifest carries the measurement
and the chart of its day; the report shows the marked photo, the figures with their errors,
the windows, the comparison with the capture time and the day's chart (drawn without Qt)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import timedelta

import pytest

from annotator.core.ingest.importer import import_paths
from annotator.core.packet.export import export_packet
from annotator.core.packet.verify import verify_packet
from annotator.core.shadows import set_shadow
from tests.fixtures.packets import unzip
from tests.fixtures.shadow_scenes import WHEN, bamako_scene, photo_file


@pytest.fixture
def packet(case, tmp_path):
    scene = bamako_scene()
    report = import_paths(case, [photo_file(tmp_path, when=WHEN - timedelta(hours=3))], jobs=1)
    photo_id = report.imported[0].photo_id
    result, _stored = set_shadow(case, photo_id, scene.marks)
    zipped = export_packet(case, tmp_path / "p.zip").path
    return result, zipped, unzip(zipped, tmp_path / "unzipped")


def test_the_manifest_carries_the_measurement_and_its_day(packet):
    result, _zipped, folder = packet
    manifest = json.loads((folder / "manifest.json").read_text())
    (photo,) = manifest["photos"]
    shadow = photo["shadow"]
    assert shadow["version"] == 1 and shadow["marks"]["height"] == pytest.approx(
        result.measurement.marks.height)
    expected = result.to_json()
    for key in ("shadow", "sun", "windows", "check"):
        assert shadow["result"][key] == expected[key]
    assert shadow["result"]["check"]["finding"] == "SHADOW_TIME_MISMATCH"
    chart = shadow["day_chart"]
    assert len(chart["path"]) == 144 and chart["windows"] == expected["windows"]
    assert chart["capture_utc"] == "2023-10-27T12:05:00Z"
    codes = [f["code"] for f in photo["capture"]["findings"]]
    assert "SHADOW_TIME_MISMATCH" in codes


def test_the_report_shows_the_measurement_and_the_packet_verifies(packet, tmp_path):
    result, zipped, folder = packet
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(folder / "report.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    m = result.measurement
    assert "Sun and shadows" in text
    assert f"azimuth {m.azimuth:.1f}° ± {m.azimuth_error:.1f}°" in text
    raw = subprocess.run(["pdftotext", str(folder / "report.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert f"{m.bearing:.1f}° true" in raw  # the bearing, on the marked photo and in the table
    window = result.windows[0]
    assert f"{window.start:%H:%M:%S}Z" in text
    assert "SHADOW_TIME_MISMATCH" in text and "green: when the sun stood" in text
    assert verify_packet(zipped).ok
    if shutil.which("pdftoppm") is not None:
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(folder / "report.pdf"),
                        str(tmp_path / "page")], check=True)
        assert len(list(tmp_path.glob("page-*.png"))) >= 3
