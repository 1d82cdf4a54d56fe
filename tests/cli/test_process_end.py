"""How the `annotator` process ends: a command without Qt skips the interpreter's teardown
(`cli.end_process`) yet keeps its output, its exit code and its clean-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator import cli
from tests.fixtures import imports as fx

REPO = Path(__file__).resolve().parents[2]


def _annotator(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "ANNOTATOR_EXAMINER": "tester"}
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300, **kwargs)


def test_a_command_keeps_its_whole_output_and_exit_code(tmp_path: Path):
    case = tmp_path / "case"
    assert _annotator("init", str(case)).returncode == 0
    folder = tmp_path / "in"
    for i in range(3):
        fx.good_jpeg(folder / f"p{i}.jpg", i)
    fx.truncated_jpeg(folder / "broken.jpg")

    imported = _annotator("import", str(case), str(folder), "--jobs", "2", "--json")

    assert imported.returncode == 1  # one file rejected
    report = json.loads(imported.stdout)  # all of it, flushed before the end
    assert len(report["imported"]) == 3 and len(report["rejected"]) == 1
    photos = _annotator("photos", str(case), "--json")
    assert photos.returncode == 0 and len(json.loads(photos.stdout)) == 3
    # The case's database was closed, not abandoned: its write-ahead log was folded in.
    assert not list(case.glob("*-wal"))


def test_the_import_workers_and_fork_server_are_gone_when_it_returns(tmp_path: Path):
    case = tmp_path / "case"
    _annotator("init", str(case))
    fx.good_jpeg(tmp_path / "in" / "a.jpg", 1)
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(case),
                             str(tmp_path / "in"), "--jobs", "2"], cwd=REPO,
                            env={**os.environ, "ANNOTATOR_EXAMINER": "tester"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.communicate(timeout=300)
    assert proc.returncode == 0
    leftovers = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"PPid:\t{proc.pid}\n" in status:
                leftovers.append(entry.name)
    assert leftovers == []


def test_qt_or_a_running_thread_means_the_usual_exit(monkeypatch: pytest.MonkeyPatch):
    ended: list[int] = []
    monkeypatch.setattr(os, "_exit", ended.append)
    monkeypatch.setitem(sys.modules, "PySide6", sys.modules.get("PySide6") or object())
    with pytest.raises(SystemExit) as qt:
        cli.end_process(3)
    assert qt.value.code == 3 and ended == []

    monkeypatch.delitem(sys.modules, "PySide6")
    for name in [n for n in sys.modules if n.startswith("PySide6.")]:
        monkeypatch.delitem(sys.modules, name)
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit) as busy:
            cli.end_process(4)
        assert busy.value.code == 4 and ended == []
    finally:
        release.set()
        worker.join()
