"""A file open in one OrgModel is marked; a second opening is warned, stale marks ignored."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgmodel import lock
from orgmodel.formats.native import save
from orgmodel.model import OrgModel, Unit


def model_file(tmp_path: Path) -> Path:
    model = OrgModel("Locked")
    model.add_unit(Unit("a", "A", "front", x=0.0, y=0.0))
    path = tmp_path / "locked.orgmodel"
    save(model, path)
    return path


def hold(path: Path, pid: int) -> None:
    lock.lock_path(path).write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "since": time.time()}), encoding="utf-8")


def test_stale_and_own_locks_are_not_owners(tmp_path: Path) -> None:
    path = model_file(tmp_path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    hold(path, dead.pid)
    assert lock.current_owner(path) is None  # its process is gone
    assert lock.acquire(path) and lock.current_owner(path) is None  # our own
    lock.release(path)
    assert not lock.lock_path(path).exists()


def test_a_live_lock_is_reported_and_never_removed_by_others(tmp_path: Path) -> None:
    path = model_file(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        hold(path, other.pid)
        owner = lock.current_owner(path)
        assert owner is not None and owner.pid == other.pid and str(other.pid) in owner.describe()
        lock.release(path)
        assert lock.lock_path(path).exists()
    finally:
        other.kill()


def test_the_editor_offers_read_only_and_saves_elsewhere(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.window.main_window import MainWindow

    path = model_file(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        hold(path, other.pid)
        asked = []
        monkeypatch.setattr(window, "ask_locked", lambda p, owner: asked.append(owner) or "read-only")
        assert window.open_path(str(path), ask=False)
        assert asked and "read-only" in window.windowTitle()
        copy = tmp_path / "copy.orgmodel"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
        window.document.rename_unit("a", "Changed")
        assert window.save() and copy.exists()
        assert json.loads(lock.lock_path(path).read_text())["pid"] == other.pid  # theirs, untouched
        window.document.undo_stack.setClean()
        window.close()
        assert not lock.lock_path(copy).exists()  # ours, released on close
    finally:
        other.kill()
