"""The tests leave no trace: nothing in the person's home, nothing in the temp folder.

A small pytest session runs in a subprocess with a fresh empty HOME and TMPDIR of its own;
it runs the tests that reach for the places a desktop application writes to: Qt's own file
dialog (``~/.config/QtProject.conf``), settings (recent files), the crash log of a child
process (``~/.local/share``); the session's own set-up makes the settings and autosave
folders. Afterwards both folders must be as empty as they were.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

TOUCHING = [
    "tests/system/test_turkish_interface.py::test_qt_own_buttons_and_dialogs_are_turkish",
    "tests/ui/test_editor_files.py::test_save_and_reopen_through_the_file_actions",
    "tests/ui/test_crash.py",
]


def everything_in(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_a_test_session_leaves_nothing_in_home_or_temp(tmp_path: Path) -> None:
    home, temp, basetemp = tmp_path / "home", tmp_path / "temp", tmp_path / "basetemp"
    home.mkdir()
    temp.mkdir()
    env = {name: value for name, value in os.environ.items() if not name.startswith("XDG_")}
    env.update(HOME=str(home), TMPDIR=str(temp))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={basetemp}", *TOUCHING],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
    assert everything_in(home) == [], "written to the home folder"
    assert everything_in(temp) == [], "left in the temp folder"
