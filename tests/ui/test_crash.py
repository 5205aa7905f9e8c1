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


EVERY_WINDOW = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from orgmodel.model import OrgModel, Unit
from ui import app as app_module, crash
from ui.window.main_window import MainWindow

shown = []
crash.show_error = lambda summary, details: shown.append(summary)
MainWindow.ask_recovery = lambda self, items: ("restore", items)  # the person clicks Restore
opened = []
real_open = open
def counting_open(path, *args, **kwargs):
    if str(path).endswith("crash.log"):
        opened.append(path)
    return real_open(path, *args, **kwargs)
import builtins
builtins.open = counting_open
application = app_module.make_application()
model = OrgModel("Started with")
model.add_unit(Unit("a", "A", "front"))

def restored() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.document.model.name == "Recover me")

def edit_then_fail() -> None:
    window = restored()
    window.autosaver.wait(60)  # its autosave when it was restored
    window.document.rename_unit("u1", "Edited after the restore")
    crash.install()  # installing again (another window, a plug-in) keeps the one log file
    QTimer.singleShot(0, broken)

def broken():
    raise RuntimeError("boom after a restore")

def report() -> None:
    window = restored()
    window.autosaver.wait(60)
    folder = os.environ["ORGMODEL_RECOVERY_DIR"]
    texts = [real_open(os.path.join(folder, n), encoding="utf-8").read() for n in os.listdir(folder) if n.endswith(".orgmodel")]
    print("autosaved:", any("Edited after the restore" in t for t in texts), "dialogs:", shown, "logs opened:", len(opened), flush=True)
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.document.undo_stack.setClean()
            w.autosaver.remove()
            w.autosaver.wait(60)
    os._exit(0)

QTimer.singleShot(0, edit_then_fail)
QTimer.singleShot(300, report)
app_module.show(application, model, None)
"""


def test_the_crash_hook_autosaves_every_open_window_even_one_restored_after_a_crash(tmp_path) -> None:
    """Started as ``orgmodel`` starts, a document restored into its own window is edited;
    then something goes wrong: that window's edit is in the recovery folder before the
    dialog shows, and the crash log was opened once."""
    import os

    from orgmodel.formats.native import save
    from orgmodel.model import OrgModel, Unit

    folder = tmp_path / "recovery"
    env = {**os.environ, "ORGMODEL_RECOVERY_DIR": str(folder), "ORGMODEL_AUTOSAVE_MS": "600000",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    model = OrgModel("Recover me")
    for i, office in enumerate(["front", "back"]):
        model.add_unit(Unit(f"u{i}", f"Unit {i}", office, x=i * 240.0, y=0.0))
    left = tmp_path / "left.orgmodel"
    save(model, left)
    prepare = (
        "import sys, subprocess, json, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "sys.path.insert(0, 'tests/ui'); sys.path.insert(0, 'tests')\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from orgmodel.formats.native import load\n"
        "from test_recovery import left_by_a_dead_editor\n"
        "left_by_a_dead_editor(load(sys.argv[1]), None)\n"
    )
    made = subprocess.run([sys.executable, "-c", prepare, str(left)], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert made.returncode == 0, made.stderr
    result = subprocess.run([sys.executable, "-c", EVERY_WINDOW], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert "autosaved: True dialogs: ['RuntimeError: boom after a restore'] logs opened: 1" in result.stdout, result.stdout + result.stderr
