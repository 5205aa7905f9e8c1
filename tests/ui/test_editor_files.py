"""The editor's files as a person meets them: save, open, a bad file, a failed save, a file
changed by another program, unsaved changes on close, exports from the File menu."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from editor_window import small_model, snapshot, window  # noqa: F401  (window is a fixture)
from orgmodel.formats.native import load, save
from ui.canvas.items.unit_card import Emphasis
from ui.window.main_window import MainWindow

def test_save_and_reopen_through_the_file_actions(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "company"
    window.document.add_unit("middle", 10, 500, name="Pricing")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.save_action.trigger()
    saved = tmp_path / "company.orgmodel"
    assert saved.exists() and not window.document.is_modified
    assert window.windowTitle().startswith("company.orgmodel")
    expected = snapshot(window.document.model)
    window.new_action.trigger()
    assert len(window.document.model) == 0 and window.windowTitle().startswith("Untitled")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.open_action.trigger()
    assert snapshot(window.document.model) == expected
    assert window.recent_files()[0] == str(saved)
    assert window.document.undo_stack.count() == 0


def test_modified_marker_follows_the_undo_stack(window: MainWindow) -> None:
    assert not window.isWindowModified()
    window.document.rename_unit("it", "Information Technology")
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_unsaved_changes_are_asked_about_on_close(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.document.rename_unit("it", "Information Technology")
    answers = []
    monkeypatch.setattr(window, "ask_unsaved_changes", lambda: answers.append("asked") or QMessageBox.StandardButton.Cancel)
    assert window.close() is False and window.isVisible() and answers == ["asked"]
    monkeypatch.setattr(window, "ask_unsaved_changes", lambda: QMessageBox.StandardButton.Discard)
    assert window.close() is True


def test_a_bad_file_shows_every_problem_and_keeps_the_document(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.orgmodel"
    bad.write_text('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "", "office": "x"}]}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    before = snapshot(window.document.model)
    assert window.open_path(str(bad), ask=False) is False
    (text, details), = shown
    assert "bad.orgmodel" in text and "2 problem" in text
    assert "units[0].name: must not be empty" in details and "units[0].office" in details
    assert snapshot(window.document.model) == before


def test_a_failed_save_says_why_and_stays_modified(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.orgmodel"
    save(small_model(), target)
    original = target.read_bytes()
    window.document.open(str(target))
    window.document.rename_unit("it", "Changed")
    monkeypatch.setattr("orgmodel.formats.native.os.replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    assert window.save() is False
    assert "No space left on device" in messages[0]
    assert window.document.is_modified and target.read_bytes() == original


def test_units_without_positions_are_arranged_without_overlap(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "plain.orgmodel"
    path.write_text(
        '{"format": "orgmodel", "version": 1, "units": ['
        + ",".join(f'{{"id": "u{i}", "name": "Unit {i}", "office": "{"back" if i % 2 else "front"}"}}' for i in range(12))
        + "]}",
        encoding="utf-8",
    )
    assert window.open_path(str(path), ask=False)
    rects = [card.sceneBoundingRect().adjusted(8, 8, -8, -8) for card in window.scene.cards.values()]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert not window.document.is_modified


def test_the_bundled_sample_opens_untitled_with_every_unit_drawn(qtbot) -> None:
    from conftest import SAMPLES

    w = MainWindow()
    qtbot.addWidget(w)
    w.open_sample(str(SAMPLES / "ornek_as.orgmodel"))
    assert w.windowTitle().startswith("Untitled") and not w.document.is_modified
    assert set(w.scene.cards) == set(load(SAMPLES / "ornek_as.orgmodel").unit_ids())


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_file_export_writes_the_diagram_and_keeps_the_canvas_as_it_was(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    target = tmp_path / f"picture.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(window, "run_export_dialog", lambda dialog: True)
    window.selection.set(["sales"])
    QApplication.processEvents()
    window.export_action.trigger()
    assert target.exists() and target.stat().st_size > 1000
    if kind == "png":  # written by ui.canvas.export.write_png: a picture any reader opens
        from PySide6.QtGui import QImage

        assert QImage(str(target)).width() > 100
    assert sorted(os.listdir(tmp_path)) == [target.name]  # no temporary left beside it
    assert "Exported picture" in window.statusBar().currentMessage()
    assert window.scene.cards["sales"].isSelected() and window.scene.cards["sales"].emphasis == Emphasis.FOCUS


def test_saving_over_a_file_changed_by_another_program_asks_first(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    import os
    import time

    path = tmp_path / "shared.orgmodel"
    save(small_model(), path)
    window.document.open(str(path))
    window.document.rename_unit("it", "Mine")
    theirs = small_model()
    theirs.update_unit("legal", name="Theirs")
    time.sleep(0.02)
    save(theirs, path)  # another program writes the file meanwhile
    os.utime(path, None)
    # A bound for a hang, not a speed target: on a loaded machine the watcher may take seconds.
    qtbot.waitUntil(lambda: "changed by another program" in window.statusBar().currentMessage(), timeout=30_000)
    answers = iter(["cancel", "reload"])
    monkeypatch.setattr(window, "ask_conflict", lambda: next(answers))
    assert window.save() is False and load(path).unit("legal").name == "Theirs"  # nothing overwritten
    assert window.save() is False  # reload
    assert window.document.model.unit("legal").name == "Theirs" and not window.document.is_modified
    window.document.rename_unit("it", "Mine again")
    monkeypatch.setattr(window, "ask_conflict", lambda: pytest.fail("no conflict: the file is as we read it"))
    assert window.save() is True and load(path).unit("it").name == "Mine again"
    from orgmodel.formats.native import loads

    backup = loads((tmp_path / "shared.orgmodel.bak").read_text(encoding="utf-8"))
    assert backup.unit("legal").name == "Theirs"  # the previous version is kept
