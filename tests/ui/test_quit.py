"""Leaving the editor: Quit › Discard ends the process quietly, with no crash dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import ROOT
from orgmodel.model import OrgModel, Unit


def small() -> OrgModel:
    model = OrgModel("Quit me")
    model.add_unit(Unit("sales", "Sales", "front", x=0.0, y=0.0))
    model.add_unit(Unit("it", "IT", "back", x=300.0, y=0.0))
    return model


def test_quit_then_discard_leaves_no_error_behind(qtbot, monkeypatch) -> None:
    from ui.window.main_window import MainWindow

    window = MainWindow()
    window.document.replace_model(small(), None)
    window.show()
    qtbot.waitExposed(window)
    window.add_actions["back"].trigger()  # an unsaved change, named inline
    qtbot.keyClick(window.view._editor, Qt.Key.Key_Return)
    assert window.document.is_modified
    asked = []
    monkeypatch.setattr(window, "ask_unsaved_changes", lambda: asked.append(1) or QMessageBox.StandardButton.Discard)
    with qtbot.capture_exceptions() as exceptions:
        window.quit_action.trigger()
        assert asked and not window.isVisible()
        window.deleteLater()  # what happens to the window when the application ends
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    assert exceptions == []


QUITTING = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from ui import crash
from ui.app import make_application, show
from ui.window.main_window import MainWindow
from orgmodel.cli import sample_path
from orgmodel.formats.native import load

def no_dialog(summary, details):
    print("CRASH DIALOG", summary, flush=True)
    os._exit(3)  # a real dialog would wait here for ever

crash.show_error = no_dialog
MainWindow.ask_unsaved_changes = lambda self: QMessageBox.StandardButton.Discard
app = make_application()

def quit_with_unsaved_work():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.document.rename_unit(window.document.model.unit_ids()[0], "Changed")
    window.quit_action.trigger() if sys.argv[1] == "quit" else window.close()

QTimer.singleShot(0, quit_with_unsaved_work)
print("EXIT", show(app, load(sample_path("en")), None), flush=True)
"""


def test_the_editor_process_ends_after_discard(tmp_path: Path) -> None:
    env = {**os.environ, "ORGMODEL_RECOVERY_DIR": str(tmp_path / "recovery"), "PYTHONPATH": str(ROOT)}
    for how in ("quit", "close"):
        done = subprocess.run([sys.executable, "-c", QUITTING, how], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        assert "CRASH DIALOG" not in done.stdout and "already deleted" not in done.stderr, done.stdout + done.stderr
        assert done.returncode == 0 and "EXIT 0" in done.stdout
