"""A file open in one OrgModel is marked; a second opening is warned, stale marks ignored."""

from __future__ import annotations

import json
import os
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


# -- taken atomically, judged by pid and start time -------------------------------------------

RACER = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
import ui.editing.document as document
from ui.window.main_window import MainWindow

def slow_load(path, _load=document.load):
    print("loading", flush=True)  # inside the open, after any check of the lock
    sys.stdin.readline()  # until the other editor is inside its open too (or was warned)
    return _load(path)

document.load = slow_load
window = MainWindow()
window.ask_locked = lambda path, owner: print("warned", flush=True) or "read-only"
sys.stdin.readline()  # the starting gun
print("opened" if window.open_path(sys.argv[1], ask=False) else "failed", flush=True)
sys.stdin.readline()  # keep the file open until told to end
window.document.close()
"""


def racer(path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen([sys.executable, "-c", RACER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)


def tell(process: subprocess.Popen, line: str) -> None:
    process.stdin.write(line + "\n")
    process.stdin.flush()


def test_of_two_editors_opening_at_once_one_is_warned(tmp_path: Path) -> None:
    """Both editors are inside their open at the same moment: the worst interleaving, made
    on purpose rather than hoped for."""
    path = model_file(tmp_path)
    editors = [racer(path), racer(path)]
    try:
        for editor in editors:
            tell(editor, "start")
        said = []
        for editor in editors:
            lines = [editor.stdout.readline().strip()]
            if lines[0] == "warned":
                lines.append(editor.stdout.readline().strip())
            said.append(lines)
        assert all(lines[-1] == "loading" for lines in said)
        for editor in editors:
            tell(editor, "go")
        assert [editor.stdout.readline().strip() for editor in editors] == ["opened", "opened"]
        assert sorted(lines[0] for lines in said) == ["loading", "warned"]  # exactly one warned
        holder = json.loads(lock.lock_path(path).read_text())["pid"]
        assert holder == editors[[lines[0] for lines in said].index("loading")].pid
    finally:
        for editor in editors:
            editor.communicate("end\n")
    assert not lock.lock_path(path).exists()  # released by its holder, kept by the other


HOLDER = r"""
import sys, time
from orgmodel import lock
assert lock.acquire(sys.argv[1])
print("locked", flush=True)
time.sleep(120)
"""


def test_a_killed_owner_not_yet_reaped_holds_no_lock(tmp_path: Path) -> None:
    import os
    import signal

    path = model_file(tmp_path)
    owner = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert owner.stdout.readline().strip() == "locked"
        assert lock.current_owner(path).pid == owner.pid
        os.kill(owner.pid, signal.SIGKILL)
        os.waitid(os.P_PID, owner.pid, os.WEXITED | os.WNOWAIT)  # dead, and left a zombie
        assert lock.current_owner(path) is None
        assert lock.acquire(path)
        assert json.loads(lock.lock_path(path).read_text())["pid"] != owner.pid
        lock.release(path)
    finally:
        owner.kill()
        owner.wait()


def test_a_reused_pid_does_not_keep_a_lock(tmp_path: Path) -> None:
    path = model_file(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        started = lock.process_start(other.pid)
        if started is None:
            pytest.skip("process start times are not readable here")
        theirs = lock.LockOwner(other.pid, socket.gethostname(), time.time(), lock.machine_id(), started)
        lock.lock_path(path).write_text(theirs.to_json(), encoding="utf-8")
        assert lock.current_owner(path) == theirs  # the process that took it runs
        reused = lock.LockOwner(other.pid, socket.gethostname(), time.time(), lock.machine_id(), started + "0")
        lock.lock_path(path).write_text(reused.to_json(), encoding="utf-8")
        assert lock.current_owner(path) is None  # same pid, another process: the owner is gone
        assert lock.acquire(path)
        lock.release(path)
    finally:
        other.kill()
        other.wait()


def test_a_renamed_host_does_not_keep_a_lock_but_another_machine_does(tmp_path: Path) -> None:
    if not lock.machine_id():
        pytest.skip("no machine id on this system")
    path = model_file(tmp_path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    before_rename = lock.LockOwner(dead.pid, "old-name-of-this-pc", time.time(), lock.machine_id(), "")
    lock.lock_path(path).write_text(before_rename.to_json(), encoding="utf-8")
    assert lock.current_owner(path) is None
    elsewhere = lock.LockOwner(dead.pid, "colleague-pc", time.time(), "f" * 32, "")
    lock.lock_path(path).write_text(elsewhere.to_json(), encoding="utf-8")
    assert lock.current_owner(path) == elsewhere  # its process cannot be seen from here
    assert not lock.acquire(path)
