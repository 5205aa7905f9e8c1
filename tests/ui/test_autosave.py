"""Autosave never blocks the window, keeps its copies private, and leaves nothing half-made."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from orgmodel.formats.native import save
from orgmodel.model import OrgModel
from orgmodel.synthetic import generate_model


def small() -> OrgModel:
    model = generate_model(12, seed=5)
    model.update_unit(model.unit_ids()[1], name="Unit 1")
    return model


@pytest.fixture
def recovery_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "recovery"
    monkeypatch.setenv("ORGMODEL_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture
def window(qtbot):
    from ui.window.main_window import MainWindow

    w = MainWindow()
    yield w
    # Not qtbot.addWidget: it closes the window before this runs, and a modified document
    # would then wait for an answer to the unsaved-changes prompt.
    w.autosaver.wait(60)
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def test_the_window_thread_only_takes_a_copy(window, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writers = []
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        writers.append((Path(target).suffix, threading.current_thread() is threading.main_thread()))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    window.document.replace_model(small(), None)
    window.bands_action.trigger()  # a layout autosaves at once
    assert window.autosaver.wait(60)
    assert writers and not any(in_window_thread for _, in_window_thread in writers)
    assert [suffix for suffix, _ in writers][-1] == ".json"  # the descriptor last


def test_recovery_copies_are_private(window, tmp_path: Path, recovery_dir: Path) -> None:
    recovery_dir.mkdir(mode=0o755)
    os.chmod(recovery_dir, 0o755)  # as older versions left it
    path = tmp_path / "salaries.orgmodel"
    save(small(), path)
    os.chmod(path, 0o600)
    assert window.open_path(str(path), ask=False)
    window.bands_action.trigger()
    assert window.autosaver.wait(60)
    assert stat.S_IMODE(recovery_dir.stat().st_mode) == 0o700
    files = list(recovery_dir.iterdir())
    assert {f.suffix for f in files} == {".orgmodel", ".json"}
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_an_autosave_that_cannot_be_written_is_told_not_thrown(window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("ORGMODEL_RECOVERY_DIR", str(blocker / "recovery"))
    window.document.replace_model(small(), None)
    with qtbot.capture_exceptions() as exceptions:
        window.bands_action.trigger()
    assert exceptions == []
    assert window.statusBar().currentMessage().startswith("Autosave failed: ")


def test_a_failure_in_the_worker_reaches_the_status_bar(window, qtbot, recovery_dir: Path) -> None:
    recovery_dir.mkdir()
    (recovery_dir / (window.autosaver.key + ".orgmodel")).mkdir()  # the file cannot replace a folder
    window.document.replace_model(small(), None)
    with qtbot.capture_exceptions() as exceptions:
        window.bands_action.trigger()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Autosave failed: "))
    assert exceptions == []
    assert not (recovery_dir / (window.autosaver.key + ".json")).exists()  # no descriptor: nothing offered


DYING = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.window.main_window import MainWindow
real_replace = os.replace

def replace(source, target, *args, **kwargs):
    real_replace(source, target, *args, **kwargs)
    if str(target).endswith(".orgmodel"):
        os._exit(9)  # the machine dies: the model is written, its descriptor is not

os.replace = replace
w = MainWindow()
w.document.open(sys.argv[1])
w.document.rename_unit(w.document.model.unit_ids()[1], "Renamed before the crash")
w.autosave_now()
w.autosaver.wait()
"""


def test_a_death_during_the_first_autosave_leaves_nothing_half_made(window, tmp_path: Path, recovery_dir: Path) -> None:
    path = tmp_path / "mine.orgmodel"
    save(small(), path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    died = subprocess.run([sys.executable, "-c", DYING, str(path)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    assert [p.suffix for p in recovery_dir.iterdir()] == [".orgmodel"]  # the model alone
    from ui.editing.autosave import left_behind

    assert left_behind() == []  # incomplete: never offered…
    assert list(recovery_dir.iterdir()) == []  # …and removed, its writer being gone


def test_an_autosave_writes_the_file_text_without_the_whole_document(recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The autosave of a big model runs while the editor's memory is at its highest: it
    writes the very text a save would, made a line at a time, never the whole document (a
    dict per unit and per dependency) at once."""
    from orgmodel.formats import native_dump
    from orgmodel.formats.native import dumps
    from ui.editing.autosave import Autosaver

    model = small()
    expected = dumps(model).encode("utf-8")

    def whole_document(model):
        raise AssertionError("the whole document was built")

    monkeypatch.setattr(native_dump, "to_document", whole_document)
    saver = Autosaver()
    saver.write(model, None)
    assert saver.wait(60)
    assert saver.take_failures() == []
    assert (recovery_dir / (saver.key + ".orgmodel")).read_bytes() == expected
