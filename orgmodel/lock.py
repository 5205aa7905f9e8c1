"""Lock files: a document open in one OrgModel is marked, so a second opening can warn.

The lock lies beside the file as ``.~lock.<name>#`` (the name LibreOffice uses, so people
recognise it) and holds the owner's process id, host, machine, process start and time as
JSON. It is taken atomically (created only if absent), so of two editors opening the same
file at the same moment exactly one holds it and the other is warned.

A lock is stale, and taken over silently, when its owner on this machine is gone: no such
process, a zombie (killed, not yet reaped), or another process that reuses the pid (its start
time differs). This machine is known by its machine id when the system has one, so a changed
host name does not keep a lock forever; start times are read on Linux (``/proc``), elsewhere
the pid alone decides.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from orgmodel.i18n import tr


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    since: float
    #: The machine id of the owner's system ("" when unknown: then the host name decides).
    machine: str = ""
    #: When the owner's process started, as this system counts ("" when unknown).
    started: str = ""

    def describe(self) -> str:
        """Who holds the lock, for people (a translatable Text)."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        return tr("process {pid} on {host} since {time}", pid=self.pid, host=self.host, time=when)

    def on_this_machine(self) -> bool:
        if self.machine and machine_id():
            return self.machine == machine_id()
        return self.host == socket.gethostname()

    def is_this_process(self) -> bool:
        return self.pid == os.getpid() and self.on_this_machine() and self.started in ("", process_start(os.getpid()) or "")

    def is_gone(self) -> bool:
        """Whether the owner's process has certainly ended (only knowable on this machine)."""
        if not self.on_this_machine():
            return False
        return not process_running(self.pid, self.started or None)

    def to_json(self) -> str:
        return json.dumps({"pid": self.pid, "host": self.host, "since": self.since, "machine": self.machine, "started": self.started})

    @classmethod
    def from_json(cls, text: str) -> LockOwner:
        """Raises ValueError, KeyError or TypeError for anything but a lock's JSON."""
        data = json.loads(text)
        return cls(int(data["pid"]), str(data["host"]), float(data["since"]), str(data.get("machine") or ""), str(data.get("started") or ""))


@cache
def machine_id() -> str:
    """This system's machine id (systemd and D-Bus keep one), or "" when there is none."""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            with open(path, encoding="ascii") as handle:
                found = handle.read().strip()
        except (OSError, ValueError):
            continue
        if found:
            return found
    return ""


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (field 3 onwards), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return text[text.rfind(")") + 2 :].split()  # the name may hold spaces and brackets


@cache
def _boot_id() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def process_start(pid: int) -> str | None:
    """When process ``pid`` started, as "<boot id>:<ticks since boot>" (field 22 of
    ``/proc/<pid>/stat``), or None where that cannot be read (not Linux, no such process)."""
    fields = _proc_stat(pid)
    if fields is None or len(fields) < 20:
        return None
    return f"{_boot_id()}:{fields[19]}"


def process_running(pid: int, started: str | None = None) -> bool:
    """Whether process ``pid`` on this machine runs (a zombie does not) and, when ``started``
    is given and the start time can be read, is the process that started then."""
    fields = _proc_stat(pid)
    if fields is not None:
        if fields[0] in ("Z", "X", "x"):
            return False  # killed; only its exit status is waiting to be collected
        return started is None or started == process_start(pid)
    if os.path.isdir("/proc/self"):
        return False  # /proc works and has no such process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (a zombie does not)."""
    return process_running(pid)


def this_process() -> LockOwner:
    """This process, as a lock (or an autosave) records it."""
    return LockOwner(os.getpid(), socket.gethostname(), time.time(), machine_id(), process_start(os.getpid()) or "")


def lock_path(path: str | os.PathLike[str]) -> Path:
    target = Path(os.path.realpath(path))
    return target.with_name(f".~lock.{target.name}#")


def _read(lock: Path) -> tuple[LockOwner | None, bytes | None]:
    """The owner a lock names and its bytes; (None, None) when there is no lock, (None,
    bytes) when it cannot be understood."""
    try:
        data = lock.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError:
        return None, b""
    try:
        return LockOwner.from_json(data.decode("utf-8")), data
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None, data


def current_owner(path: str | os.PathLike[str]) -> LockOwner | None:
    """Who else holds the file open, or None (no lock, our own, unreadable or stale)."""
    owner, _ = _read(lock_path(path))
    if owner is None or owner.is_this_process() or owner.is_gone():
        return None
    return owner


def claim(path: str | os.PathLike[str]) -> LockOwner | None:
    """Take the lock of ``path`` for this process, atomically; the other live process that
    holds it, or None (taken, already ours, or the folder refuses lock files)."""
    lock = lock_path(path)
    for _ in range(5):  # each round ends, or removes a stale lock that was in the way
        try:
            _create(lock, this_process().to_json().encode("utf-8"))
            return None
        except FileExistsError:
            pass
        except OSError:
            return None  # a read-only folder: no lock, nothing to warn about
        owner, data = _read(lock)
        if data is None:
            continue  # released meanwhile: try again
        if owner is not None and owner.is_this_process():
            return None
        if owner is not None and not owner.is_gone():
            return owner
        _remove_stale(lock, data)
    owner, _ = _read(lock)
    return owner if owner is not None and not owner.is_this_process() else None


def _create(lock: Path, content: bytes) -> None:
    """Create ``lock`` holding ``content``, only if it does not exist (FileExistsError).
    Written aside and linked into place, so nobody ever reads a half-written lock; where
    the file system has no hard links, created exclusively and then written."""
    aside = lock.with_name(f"{lock.name}.{uuid.uuid4().hex}.new")
    with open(aside, "xb") as handle:
        handle.write(content)
    try:
        os.link(aside, lock)
    except FileExistsError:
        raise
    except OSError:
        handle_fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(handle_fd, content)
        finally:
            os.close(handle_fd)
    finally:
        try:
            os.unlink(aside)
        except OSError:
            pass


def acquire(path: str | os.PathLike[str]) -> bool:
    """Mark the file as open by this process; False when another live process holds it or
    the folder refuses (read-only)."""
    if claim(path) is not None:
        return False
    owner, _ = _read(lock_path(path))
    return owner is not None and owner.is_this_process()


def _remove_stale(lock: Path, stale: bytes) -> None:
    """Remove the stale lock whose bytes are ``stale``, never a fresh one: it is moved aside
    first (atomic: of two processes only one moves it), and put back if it turns out to be
    a lock another process took meanwhile."""
    aside = lock.with_name(f"{lock.name}.{uuid.uuid4().hex}.stale")
    try:
        os.rename(lock, aside)
    except OSError:
        return  # already moved by another process
    try:
        if aside.read_bytes() != stale:
            os.link(aside, lock)  # someone's fresh lock: back where it was
    except OSError:
        pass
    finally:
        try:
            os.unlink(aside)
        except OSError:
            pass


def release(path: str | os.PathLike[str]) -> None:
    """Remove our lock (never someone else's)."""
    lock = lock_path(path)
    owner, _ = _read(lock)
    if owner is not None and owner.is_this_process():
        try:
            lock.unlink()
        except OSError:
            pass
