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

from PySide6.QtCore import QPoint, Qt

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

    asked = tmp_path / "asked.orgmodel"  # the file named on the command line this time
    save(OrgModel("Asked for"), asked)
    window = fresh_window(qtbot)
    assert window.open_path(str(asked), ask=False)
    shown = answer(qtbot, "restore")
    restored = window.offer_recovery()
    assert shown == [[("Recover me", "crashy.orgmodel", "4")]]  # name, file, units
    assert len(restored) == 1 and restored[0] is not window
    assert snapshot(restored[0].document.model) == snapshot(loads(expected_text))
    assert restored[0].document.is_modified and restored[0].document.path == str(path)
    assert window.document.path == str(asked) and window.document.model.name == "Asked for"  # never replaced
    close_all(window, *restored)


def fresh_window(qtbot):
    from ui.window.main_window import MainWindow

    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    return window


def close_all(*windows) -> None:
    for window in windows:
        window.autosaver.wait(60)
        window.document.undo_stack.setClean()
        window.close()
        window.autosaver.wait(60)  # the removal of its recovery files
        window.deleteLater()


def answer(qtbot, button: str, uncheck: tuple[int, ...] = ()) -> list[list[tuple[str, ...]]]:
    """Answer the recovery dialog as a person does, once it shows: uncheck rows, click
    ``button`` ("restore", "discard" or "later"). Returns the rows each dialog showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.recovery_dialog import RecoveryDialog

    shown: list[list[tuple[str, ...]]] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
        shown.append([(row.text(0), row.text(1), row.text(3)) for row in rows])
        for index in uncheck:
            rect = dialog.list.visualItemRect(rows[index])
            box = QPoint(rect.left() + 10, rect.center().y())  # the check box at the row's start
            qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=box)
        qtbot.mouseClick(getattr(dialog, button + "_button"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
    return shown


def left_by_a_dead_editor(model: OrgModel, original: Path | None, disk=None) -> None:
    """What an editor that was killed left in the recovery folder (written by the autosave
    itself, then attributed to a process that has ended)."""
    from ui.editing.autosave import Autosaver

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    saver = Autosaver()
    saver.write(model, str(original) if original else None, disk)
    assert saver.wait(60)
    folder = Path(os.environ["ORGMODEL_RECOVERY_DIR"])
    key = f"{dead.pid}-{saver.key.split('-', 1)[1]}"
    meta = json.loads((folder / (saver.key + ".json")).read_text())
    (folder / (saver.key + ".orgmodel")).rename(folder / (key + ".orgmodel"))
    (folder / (saver.key + ".json")).unlink()
    (folder / (key + ".json")).write_text(json.dumps({**meta, "pid": dead.pid, "started": ""}))


def test_every_recoverable_document_in_one_dialog_each_in_its_own_window(qtbot, tmp_path: Path, recovery_dir: Path) -> None:
    asked = tmp_path / "asked.orgmodel"
    save(small(), asked)
    other = small()
    other.set_name("Second")
    other.add_unit(Unit("u9", "Nine", "front"))
    left_by_a_dead_editor(small(), None)
    left_by_a_dead_editor(small(), None)  # the very same text twice: asked once
    left_by_a_dead_editor(other, None)
    window = fresh_window(qtbot)
    assert window.open_path(str(asked), ask=False)
    shown = answer(qtbot, "restore")
    restored = window.offer_recovery()
    assert len(shown) == 1 and sorted(shown[0]) == [("Recover me", "never saved", "3"), ("Second", "never saved", "4")]
    assert sorted(w.document.model.name for w in restored) == ["Recover me", "Second"]
    assert all(w.document.path is None and w.document.is_modified and w.isVisible() for w in restored)
    assert window.document.path == str(asked) and not window.document.is_modified
    for w in restored:
        w.autosaver.wait(60)
    assert len(list(recovery_dir.glob("*.json"))) == 2  # the two restored windows' own autosaves
    close_all(window, *restored)
    assert list(recovery_dir.iterdir()) == []


def test_a_restored_document_asks_before_saving_over_a_file_changed_since(qtbot, tmp_path: Path, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.editing.document import fingerprint

    path = tmp_path / "shared.orgmodel"
    save(small(), path)
    edited = small()
    edited.update_unit("u1", name="My unsaved edit")
    left_by_a_dead_editor(edited, path, fingerprint(str(path)))
    changed = small()
    changed.update_unit("u2", name="A colleague's edit after the crash")
    save(changed, path)
    window = fresh_window(qtbot)
    answer(qtbot, "restore")
    [restored] = window.offer_recovery()
    conflicts = []
    monkeypatch.setattr(restored, "ask_conflict", lambda: conflicts.append(1) or "cancel")
    restored.save_action.trigger()
    assert conflicts == [1]
    assert load(path).unit("u2").name == "A colleague's edit after the crash"  # not overwritten
    close_all(window, restored)


def test_later_keeps_the_files_and_discard_removes_the_checked_ones(qtbot, recovery_dir: Path) -> None:
    from ui.editing.autosave import left_behind

    other = small()
    other.set_name("Second")
    left_by_a_dead_editor(small(), None)
    left_by_a_dead_editor(other, None)
    window = fresh_window(qtbot)
    answer(qtbot, "later")
    assert window.offer_recovery() == [] and len(left_behind()) == 2
    shown = answer(qtbot, "discard", uncheck=(0,))
    assert window.offer_recovery() == []
    kept = shown[0][0][0]
    assert [item.name for item in left_behind()] == [kept]
    close_all(window)


def test_the_recovery_dialog_speaks_turkish(qtbot, turkish) -> None:
    from ui.dialogs.recovery_dialog import RecoveryDialog
    from ui.editing.autosave import Recovered

    dialog = RecoveryDialog([Recovered("k", None, time.time(), "", 12_345)])
    qtbot.addWidget(dialog)
    header = dialog.list.headerItem()
    row = dialog.list.topLevelItem(0)
    shown = [dialog.windowTitle(), *(header.text(i) for i in range(4)), row.text(0), row.text(1), row.text(3)]
    shown += [dialog.restore_button.text(), dialog.discard_button.text(), dialog.later_button.text()]
    assert shown == [
        "Kaydedilmemiş çalışmayı kurtar", "Belge", "Dosya", "Otomatik kaydedildi", "Birimler",
        "Adsız", "hiç kaydedilmedi", "12.345", "Geri Yükle", "At", "Sonra Karar Ver",
    ]
