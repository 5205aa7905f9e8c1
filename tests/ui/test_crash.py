"""An unexpected exception inside the editor becomes a dialog; the application goes on."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui import crash
shown = []
crash.show_error = lambda summary, details: shown.append((summary, "Traceback" in details))
saved = []
crash.install(autosave=lambda: saved.append("autosaved"))
def broken():
    raise RuntimeError("boom in a slot")
QTimer.singleShot(0, broken)
QTimer.singleShot(50, app.quit)
app.exec()
print("still running", saved, shown)
"""


def test_an_exception_in_a_slot_autosaves_then_is_shown_and_the_application_keeps_running() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "still running ['autosaved'] [('RuntimeError: boom in a slot', True)]" in result.stdout
