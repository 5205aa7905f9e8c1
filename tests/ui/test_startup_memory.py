"""The editor does not keep the source text of its modules: PySide6's feature check reads
the source of every module imported after it, and ``linecache`` kept it all (some 460
files, 20 MB, whatever the model's size)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

STARTING = r"""
import linecache, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from ui.app import make_application, show
from ui.window.main_window import MainWindow
from orgmodel.cli import sample_path
from orgmodel.formats.native import load

app = make_application()
print("SOURCES BEFORE", len(linecache.cache), flush=True)

def look_then_quit():
    print("SOURCES KEPT", len(linecache.cache), flush=True)
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.close()

QTimer.singleShot(0, look_then_quit)
print("EXIT", show(app, load(sample_path("en")), None), flush=True)
"""


def test_the_running_editor_keeps_no_module_sources(tmp_path: Path) -> None:
    env = {**os.environ, "ORGMODEL_RECOVERY_DIR": str(tmp_path / "recovery"), "PYTHONPATH": str(ROOT),
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", STARTING], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0 and "EXIT 0" in done.stdout, done.stdout + done.stderr
    before = int(done.stdout.split("SOURCES BEFORE ")[1].split()[0])
    kept = int(done.stdout.split("SOURCES KEPT ")[1].split()[0])
    assert before > 100  # what PySide6 read while the modules loaded (else this proves nothing)
    assert kept < 10
