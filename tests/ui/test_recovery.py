"""Autosave never touches the person's file; after a crash the work is offered back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from orgmodel.formats.native import load, save
from orgmodel.model import OrgModel, Unit


def small() -> OrgModel:
    model = OrgModel("Recover me")
    for i, office in enumerate(["front", "back", "back"]):
        model.add_unit(Unit(f"u{i}", f"Unit {i}", office, x=i * 240.0, y=0.0))
    model.add_dependency("u0", "u1")
    return model


def snapshot(model: OrgModel) -> tuple:
    return (model.name, model.units(), model.dependencies(), list(model.reporting_lines()))


@pytest.fixture
def recovery_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "recovery"
    monkeypatch.setenv("ORGMODEL_RECOVERY_DIR", str(folder))
    return folder


def test_autosave_writes_a_recovery_file_and_a_save_removes_it(qtbot, tmp_path: Path, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.window.main_window import MainWindow

    path = tmp_path / "mine.orgmodel"
    save(small(), path)
    original = path.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    window.document.open(str(path))
    window.document.rename_unit("u1", "Edited")
    window.autosave_now()
    assert window.autosaver.wait(60)
    files = sorted(p.suffix for p in recovery_dir.iterdir())
    assert files == [".json", ".orgmodel"]
    assert path.read_bytes() == original  # the person's file is never autosaved over
    meta = json.loads(next(recovery_dir.glob("*.json")).read_text())
    assert meta["original"] == str(path) and meta["pid"] == os.getpid()
    assert window.save()
    assert window.autosaver.wait(60)
    assert list(recovery_dir.iterdir()) == []


def test_a_layout_autosaves_at_once(qtbot, recovery_dir: Path) -> None:
    from ui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.document.replace_model(small(), None)
    window.bands_action.trigger()
    assert window.autosaver.wait(60)
    assert any(p.suffix == ".orgmodel" for p in recovery_dir.iterdir())
    window.document.undo_stack.setClean()


CRASHING = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.window.main_window import MainWindow
os.makedirs(os.environ["ORGMODEL_RECOVERY_DIR"], exist_ok=True)
w = MainWindow()
w.document.open(sys.argv[1])
w.document.rename_unit("u1", "Renamed before the crash")
w.document.add_unit("middle", 100, 300, name="Added before the crash")
w.document.add_dependency("u2", "u0")
deadline = time.time() + 20
while not any(n.endswith(".json") for n in os.listdir(os.environ["ORGMODEL_RECOVERY_DIR"])) and time.time() < deadline:
    app.processEvents()
    time.sleep(0.02)
from orgmodel.formats.native import dumps
print(dumps(w.document.model), flush=True)
print("AUTOSAVED", flush=True)
time.sleep(60)
"""


def test_after_a_crash_the_edited_model_is_restored_exactly(qtbot, tmp_path: Path, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "crashy.orgmodel"
    save(small(), path)
    env = {**os.environ, "ORGMODEL_AUTOSAVE_MS": "200", "ORGMODEL_RECOVERY_DIR": str(recovery_dir)}
    process = subprocess.Popen([sys.executable, "-c", CRASHING, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    lines = []
    for line in process.stdout:
        if line.strip() == "AUTOSAVED":
            break
        lines.append(line)
    assert process.poll() is None, "the editor process ended before its autosave"
    os.kill(process.pid, signal.SIGKILL)  # the machine dies
    process.wait()
    expected_text = "".join(lines)
    assert load(path).unit("u1").name == "Unit 1"  # the person's file was never touched

    from orgmodel.formats.native import loads
    from ui.window.main_window import MainWindow

    window = MainWindow()  # a fresh start
    qtbot.addWidget(window)
    offered = []
    monkeypatch.setattr(window, "ask_recovery", lambda item: offered.append(item) or "restore")
    assert window.offer_recovery()
    assert len(offered) == 1 and offered[0].original == str(path)
    assert snapshot(window.document.model) == snapshot(loads(expected_text))
    assert window.document.is_modified and window.document.path == str(path)
    window.document.undo_stack.setClean()


def test_later_keeps_the_file_and_discard_removes_it(qtbot, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.window.main_window import MainWindow
    from ui.editing.autosave import left_behind

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    recovery_dir.mkdir(parents=True, exist_ok=True)
    save(small(), recovery_dir / "abc.orgmodel")
    (recovery_dir / "abc.json").write_text(json.dumps({"pid": dead.pid, "host": os.uname().nodename, "original": None, "saved_at": time.time(), "name": "x"}))
    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_recovery", lambda item: "later")
    assert not window.offer_recovery() and len(left_behind()) == 1
    monkeypatch.setattr(window, "ask_recovery", lambda item: "discard")
    window.offer_recovery()
    assert left_behind() == [] and list(recovery_dir.iterdir()) == []
