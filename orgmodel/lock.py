"""Lock files: a document open in one OrgModel is marked, so a second opening can warn.

The lock lies beside the file as ``.~lock.<name>#`` (the name LibreOffice uses, so people
recognise it) and holds the owner's process id, host and start time as JSON. A lock whose
process is gone (on this host) is stale and taken over silently.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from orgmodel.i18n import tr


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    since: float

    def describe(self) -> str:
        """Who holds the lock, for people (a translatable Text)."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        return tr("process {pid} on {host} since {time}", pid=self.pid, host=self.host, time=when)


def lock_path(path: str | os.PathLike[str]) -> Path:
    target = Path(os.path.realpath(path))
    return target.with_name(f".~lock.{target.name}#")


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def current_owner(path: str | os.PathLike[str]) -> LockOwner | None:
    """Who else holds the file open, or None (no lock, our own, unreadable or stale)."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        owner = LockOwner(int(data["pid"]), str(data["host"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if owner.pid == os.getpid() and owner.host == socket.gethostname():
        return None
    if owner.host == socket.gethostname() and not process_alive(owner.pid):
        return None  # stale: its process died
    return owner


def acquire(path: str | os.PathLike[str]) -> bool:
    """Mark the file as open by this process; False when the folder refuses (read-only)."""
    try:
        lock_path(path).write_text(
            json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}), encoding="utf-8"
        )
    except OSError:
        return False
    return True


def release(path: str | os.PathLike[str]) -> None:
    """Remove our lock (never someone else's)."""
    lock = lock_path(path)
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        if int(data.get("pid", -1)) == os.getpid() and data.get("host") == socket.gethostname():
            lock.unlink()
    except (OSError, ValueError, TypeError):
        pass
