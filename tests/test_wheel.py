"""A wheel carries everything the program needs (issue 13): built from the source, installed
with `pip` into a fresh virtual environment (not editable), it opens the demo case in French
with its icons found — nothing read from the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """A venv with the wheel installed; its dependencies come from this interpreter's
    site-packages (no download), the package itself only from the wheel."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a copy, so building leaves no build/ or egg-info behind
    shutil.copytree(ROOT / "annotator", source / "annotator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp / "dist"), str(source)], check=True, cwd=tmp)
    (wheel,) = (tmp / "dist").glob("annotator-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, cwd=tmp)
    return venv


def _env(tmp: Path, language: str) -> dict[str, str]:
    config = tmp / f"config-{language}"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"language": language}))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return env | {"ANNOTATOR_CONFIG_DIR": str(config), "ANNOTATOR_DATA_DIR": str(tmp / "data"),
                  "QT_QPA_PLATFORM": "offscreen"}


def test_the_installed_package_is_the_wheels(installed):
    out = subprocess.run([str(installed / "bin" / "python"), "-c",
                          "import annotator; print(annotator.__file__)"],
                         capture_output=True, text=True, check=True, cwd=installed.parent)
    assert out.stdout.strip().startswith(str(installed)), out.stdout


def test_the_wheel_runs_the_demo_in_french_with_its_icons(installed):
    tmp = installed.parent
    out = subprocess.run([str(installed / "bin" / "annotator"), "demo", "--self-test"],
                         capture_output=True, text=True, timeout=300, cwd=tmp,
                         env=_env(tmp, "fr"))
    assert out.returncode == 0, out.stderr
    assert "self-test ok: 9 photos" in out.stdout
    assert "27 icons" in out.stdout or " icons;" in out.stdout
    assert "language fr (" + str(installed) in out.stdout  # the wheel's own .qm


def test_self_test_without_a_command(installed):
    tmp = installed.parent
    out = subprocess.run([str(installed / "bin" / "annotator"), "--self-test"],
                         capture_output=True, text=True, timeout=300, cwd=tmp,
                         env=_env(tmp, "en"))
    assert out.returncode == 0, out.stderr
    assert "self-test ok" in out.stdout and "language en" in out.stdout


def test_the_wheel_carries_the_migrations_and_data(installed):
    """A new case is created (every migration runs) by the installed command."""
    tmp = installed.parent
    out = subprocess.run([str(installed / "bin" / "annotator"), "init", str(tmp / "case"),
                          "--name", "wheel", "--examiner", "tester"],
                         capture_output=True, text=True, timeout=120, cwd=tmp,
                         env=_env(tmp, "en"))
    assert out.returncode == 0, out.stderr
    assert (tmp / "case" / "case.json").is_file()
