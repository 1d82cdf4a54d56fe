"""The PyInstaller build (build.spec) produces a program that runs on its own: `--version`,
the GUI self-test on the demo case (resources, migrations, airport and time-zone data, Qt
plugins, translations all found inside the bundle), and the desktop-menu installer.

The build tests are slow (45-85 s to build on 2 shared cores, a 345 MB folder): marked `slow`,
skipped when PyInstaller is not installed (`pip install -e .[build]`). The desktop-entry tests
at the end run from the checkout and are fast.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    seconds = time.monotonic() - started
    program = work / "dist" / "annotator" / ("annotator.exe" if os.name == "nt" else "annotator")
    assert program.is_file()
    size = sum(p.stat().st_size for p in (work / "dist").rglob("*")
               if p.is_file() and not p.is_symlink())  # Qt's libraries are linked twice
    print(f"\nPyInstaller build: {seconds:.0f} s, bundle {size / 1e6:.0f} MB")
    ocr = sum(p.stat().st_size for p in (work / "dist").rglob("*") if p.is_file()
              and not p.is_symlink() and any(part.startswith(("rapidocr", "onnxruntime", "cv2",
                                                              "opencv"))
                                             for part in p.relative_to(work / "dist").parts))
    print(f"  of which the OCR engine (rapidocr, onnxruntime, OpenCV): {ocr / 1e6:.0f} MB")
    return program


def _run(program: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ANNOTATOR_DATA_DIR=str(tmp / "data"),
               ANNOTATOR_CONFIG_DIR=str(tmp / "config"), QT_QPA_PLATFORM="offscreen")
    # The bundle must not lean on this checkout or its Python packages.
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(program), *args], cwd=tmp, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.slow
def test_built_program_prints_its_version(built: Path, tmp_path: Path):
    from annotator import __version__

    result = _run(built, "--version", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"annotator {__version__}"


@pytest.mark.slow
def test_built_program_opens_the_demo_case_in_the_main_window(built: Path, tmp_path: Path):
    result = _run(built, "open", "--self-test", tmp=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("self-test ok:"), result.stdout
    # The demo case was built (migrations ran) and imported (import workers ran).
    assert (tmp_path / "data").is_dir()


@pytest.mark.slow
def test_built_program_reads_a_registration_offline(built: Path, tmp_path: Path):
    """`annotator ocr` from the bundle: RapidOCR, ONNX Runtime and the models shipped inside
    it (the network is not needed: the models are passed by path)."""
    import json

    from annotator.core.demo.photos import DEMO_PHOTOS, write_demo_photos

    path = write_demo_photos(tmp_path / "demo")[0]
    x, y, w, h = DEMO_PHOTOS[0].aircraft_box()
    result = _run(built, "ocr", str(path), "--box", f"{x},{y},{w},{h}", "--json", tmp=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["candidates"][0]["registration"] == "5U-MBH"
    assert data["engine"]["engine"].startswith("rapidocr ")
    assert list((built.parent / "_internal").rglob("PP-OCRv6_rec_small.onnx"))


@pytest.mark.slow
def test_built_program_imports_with_worker_processes(built: Path, tmp_path: Path):
    """The import workers re-run the frozen executable (multiprocessing.freeze_support)."""
    from tests.fixtures.factory import make_exif, make_jpeg

    photos = tmp_path / "photos"
    photos.mkdir()
    for i in range(4):
        make_jpeg(photos / f"p{i}.jpg", 320, 240, seed=i,
                  exif=make_exif(original=f"2023:10:27 10:0{i}:00", offset="+00:00"))
    assert _run(built, "init", str(tmp_path / "case"), tmp=tmp_path).returncode == 0
    result = _run(built, "import", str(tmp_path / "case"), str(photos), "--jobs", "2",
                  tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("4 imported"), result.stdout


@pytest.mark.slow
def test_built_program_exports_a_packet_building_its_report_in_a_process(built: Path,
                                                                          tmp_path: Path):
    """From REPORT_PROCESS_MIN_PHOTOS photos on, report.pdf is built in a helper process,
    which re-runs the frozen executable like the import workers."""
    import zipfile

    from annotator.core.packet.export import REPORT_PROCESS_MIN_PHOTOS
    from tests.fixtures.factory import make_exif, make_jpeg

    photos = tmp_path / "photos"
    photos.mkdir()
    count = REPORT_PROCESS_MIN_PHOTOS + 1
    for i in range(count):
        make_jpeg(photos / f"p{i:02d}.jpg", 160, 120, seed=i,
                  exif=make_exif(original=f"2023:10:27 10:{i:02d}:00", offset="+00:00"))
    case = str(tmp_path / "case")
    assert _run(built, "init", case, tmp=tmp_path).returncode == 0
    assert _run(built, "import", case, str(photos), tmp=tmp_path).returncode == 0
    packet = tmp_path / "packet.zip"
    result = _run(built, "export", case, "--out", str(packet), tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(packet) as zf:
        assert zf.read("report.pdf").startswith(b"%PDF-")
    verified = _run(built, "verify", str(packet), tmp=tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr


@pytest.mark.slow
def test_built_program_reads_content_credentials_offline(built: Path, tmp_path: Path):
    """The C2PA SDK's native library and the shipped trust list travel in the bundle."""
    import json

    from tests.fixtures.credentials import captured, plain_jpeg

    signed, plain = captured(tmp_path), plain_jpeg(tmp_path / "plain.jpg")
    result = _run(built, "exif", "--json", str(signed), str(plain), tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = json.loads(result.stdout)
    assert first["c2pa"]["validation_state"] == "Valid", first["c2pa"]
    assert first["c2pa"]["codes"] == ["signingCredential.untrusted"]
    assert second["c2pa"] is None
    bundle = built.parent / "_internal"
    assert (bundle / "annotator" / "resources" / "c2pa" / "C2PA-TRUST-LIST.pem").is_file()


@pytest.mark.slow
def test_built_program_speaks_french_when_asked(built: Path, tmp_path: Path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text('{"language": "fr"}', encoding="utf-8")
    result = _run(built, "open", "--self-test", tmp=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "language fr (" in result.stdout  # the bundle's own catalogue was loaded
    bundle = built.parent / "_internal"
    assert (bundle / "annotator" / "resources" / "translations" / "annotator_fr.qm").is_file()
    assert list(bundle.rglob("qtbase_fr.qm"))


@pytest.mark.slow
def test_built_program_installs_its_desktop_entry(built: Path, tmp_path: Path):
    result = _run(built, "install-desktop", "--prefix", str(tmp_path / "prefix"), tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "prefix" / "share" / "applications" / "annotator.desktop"
    assert f"Exec={built} %f" in entry.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def _validate(entry: Path) -> None:
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_committed_desktop_entry_is_valid_and_bilingual():
    text = (ROOT / "annotator" / "resources" / "annotator.desktop").read_text(encoding="utf-8")
    for key in ("Name=", "GenericName[fr]=", "Comment[fr]=", "Icon=annotator",
                "Categories=Graphics;Viewer;"):
        assert key in text
    _validate(ROOT / "annotator" / "resources" / "annotator.desktop")


def test_install_desktop_puts_entry_and_icon_under_the_prefix_and_removes_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from annotator.cli import main

    prefix = tmp_path / "my prefix"
    program = str(tmp_path / "opt dir" / "annotator")
    assert main(["install-desktop", "--prefix", str(prefix), "--exec", program]) == 0
    entry = prefix / "share" / "applications" / "annotator.desktop"
    icon = prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg"
    source = ROOT / "annotator" / "resources" / "icons" / "annotator.svg"
    assert icon.read_bytes() == source.read_bytes()
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{program}" %f' in lines  # quoted: the path has a space
    assert f"TryExec={program}" in lines
    _validate(entry)
    assert str(entry) in capsys.readouterr().out

    assert main(["install-desktop", "--prefix", str(prefix), "--remove"]) == 0
    assert not entry.exists() and not icon.exists()


def test_install_desktop_refuses_an_unwritable_prefix(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]):
    from annotator.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["install-desktop", "--prefix", str(blocker)]) == 1
    assert capsys.readouterr().err.startswith("annotator: Cannot write under")
