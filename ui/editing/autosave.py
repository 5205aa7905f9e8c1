"""Autosave to a private recovery folder, and recovery after a crash.

The person's own file is never written by autosave. Each running document has one recovery
model (``<key>.orgmodel``, the native format) and one descriptor (``<key>.json``: which
process wrote it, for which file, when, how many units, the model's SHA-256). The key starts
with the writer's process id, so what a dead process left half-written can be told apart.

Never blocking the window: the window's thread only copies the model's containers
(:class:`orgmodel.model_parts.ModelParts`, milliseconds at 50,000 units); a worker thread
makes the text and writes it, and never touches Qt or the live model. The model is written
first and the descriptor LAST, each atomically (temporary file, fsync, rename): an autosave
is complete exactly when its descriptor exists. Complete autosaves of processes that are
gone are offered at start; what a dead writer left incomplete is removed.

The folder is created 0700 (and tightened to it); the copies are 0600 whatever the original
allows, so no other user can read them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from orgmodel.formats.atomic import replace_file
from orgmodel.formats.native import ModelFileError, dump_bytes, loads
from orgmodel.lock import LockOwner, machine_id, process_running, process_start
from orgmodel.model import OrgModel
from orgmodel.model_parts import ModelParts

FOLDER_MODE = 0o700
FILE_MODE = 0o600
DESCRIPTOR = ".json"
MODEL = ".orgmodel"
#: ``<pid>-<hex>``: the writer's process id, then a random part.
_KEY = re.compile(r"^\.?(\d+)-[0-9a-f]{32}")


def recovery_folder() -> str:
    """The private folder of recovery files (created 0700; raises OSError when it cannot be)."""
    folder = os.environ.get("ORGMODEL_RECOVERY_DIR") or os.path.join(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation), "recovery"
    )
    os.makedirs(folder, mode=FOLDER_MODE, exist_ok=True)
    if os.stat(folder).st_mode & 0o077:
        os.chmod(folder, FOLDER_MODE)  # made by an older OrgModel, readable by others
    return folder


@dataclass(frozen=True)
class Recovered:
    """A complete autosave left by an OrgModel that is gone."""

    key: str
    original: str | None  #: the file it was an unsaved version of (None: never saved)
    saved_at: float
    name: str
    units: int = 0
    #: The original file as the document knew it when autosaved: (size, mtime_ns, SHA-256).
    disk: tuple[int, int, str] | None = None
    #: Keys of autosaves with the very same model text (offered once, discarded together).
    duplicates: tuple[str, ...] = field(default=())

    @property
    def model_path(self) -> str:
        return os.path.join(recovery_folder(), self.key + MODEL)

    def load(self) -> OrgModel:
        with open(self.model_path, encoding="utf-8") as handle:
            return loads(handle.read(), self.model_path)

    def discard(self) -> None:
        folder = recovery_folder()
        for key in (self.key, *self.duplicates):
            _remove_files(folder, key)


def _remove_files(folder: str, key: str) -> None:
    # The descriptor first: without it, what is left is incomplete and never offered.
    for suffix in (DESCRIPTOR, MODEL, MODEL + ".bak"):
        try:
            os.remove(os.path.join(folder, key + suffix))
        except OSError:
            pass


class Autosaver:
    """The recovery files of one document (one per window), written by a worker thread.

    ``write`` and ``remove`` return at once; the worker does the newest request (an older
    one not yet started is dropped: only the latest state matters). Failures are kept for
    the window to report (:meth:`take_failures`), never raised in the worker.
    """

    def __init__(self) -> None:
        self.key = f"{os.getpid()}-{uuid.uuid4().hex}"
        self._lock = threading.Lock()
        self._pending: Callable[[], None] | None = None
        self._running = False
        self._idle = threading.Event()
        self._idle.set()
        self._failures: list[Exception] = []

    def write(self, model: OrgModel, original: str | None, disk: tuple[int, int, str] | None = None) -> None:
        """Autosave ``model``, an unsaved version of ``original`` as it was on disk then
        (``disk``), in the thread that edits it: only its containers are copied here.
        Raises OSError when the recovery folder cannot be made."""
        folder = recovery_folder()
        parts = ModelParts.of(model)
        writer = {
            "pid": os.getpid(), "host": socket.gethostname(), "machine": machine_id(), "started": process_start(os.getpid()) or "",
            "disk": list(disk) if disk else None,
        }
        self._submit(lambda: self._write_now(folder, parts, original, time.time(), writer))

    def remove(self) -> None:
        """Remove this document's recovery files (saved, or knowingly discarded)."""
        try:
            folder = recovery_folder()
        except OSError:
            return
        self._submit(lambda: _remove_files(folder, self.key))

    def wait(self, timeout: float | None = None) -> bool:
        """Until the worker has nothing left to do (True), or ``timeout`` seconds passed."""
        return self._idle.wait(timeout)

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def take_failures(self) -> list[Exception]:
        """The failures since the last call (the window reports them)."""
        with self._lock:
            failures, self._failures = self._failures, []
        return failures

    # -- the worker ------------------------------------------------------------------------

    def _submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._pending = job
            self._idle.clear()
            if self._running:
                return
            self._running = True
        # Not a daemon: a removal asked for on the way out is done before the process ends.
        threading.Thread(target=self._work, name="autosave").start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._running = False
                    self._idle.set()
                    return
            try:
                job()
            except Exception as error:  # reported by the window; a worker never raises
                with self._lock:
                    self._failures.append(error)

    def _write_now(self, folder: str, parts: ModelParts, original: str | None, saved_at: float, writer: dict) -> None:
        data = dump_bytes(parts)  # type: ignore[arg-type]  # ModelParts reads as a model
        model_file = Path(folder, self.key + MODEL)
        replace_file(model_file, data, FILE_MODE, model_file)
        descriptor = {
            **writer, "original": original, "saved_at": saved_at, "name": parts.name, "units": len(parts),
            "model": model_file.name, "sha256": hashlib.sha256(data).hexdigest(),
        }
        descriptor_file = Path(folder, self.key + DESCRIPTOR)
        replace_file(descriptor_file, json.dumps(descriptor).encode("utf-8"), FILE_MODE, descriptor_file)


def _writer_gone(name: str) -> bool:
    """Whether the process that wrote file ``name`` (by the pid its key starts with) has
    ended; files of an older OrgModel (no pid in the name) count as left by a dead one."""
    match = _KEY.match(name)
    return match is None or (int(match.group(1)) != os.getpid() and not process_running(int(match.group(1))))


def left_behind() -> list[Recovered]:
    """Complete autosaves of processes that are no longer running, newest first, each model
    text once; what a dead writer left incomplete is removed on the way."""
    folder = recovery_folder()
    names = set(os.listdir(folder))
    found: dict[str, Recovered] = {}  # by the model's SHA-256
    for name in sorted(names):
        stem, suffix = os.path.splitext(name)
        if suffix != DESCRIPTOR:
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                meta = json.load(handle)
            writer = LockOwner(int(meta["pid"]), str(meta["host"]), 0.0, str(meta.get("machine") or ""), str(meta.get("started") or ""))
            item = _recovered(stem, meta)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            continue
        if writer.pid == os.getpid() or (writer.on_this_machine() and not writer.is_gone()):
            continue  # still running: its own autosave
        if stem + MODEL not in names:
            _remove_files(folder, stem)  # a descriptor without its model: nothing to offer
            continue
        digest = str(meta.get("sha256") or stem)
        same = found.get(digest)
        if same is None:
            found[digest] = item
        else:  # identical text: offer the newest once, keep the others with it
            newer, older = (item, same) if item.saved_at > same.saved_at else (same, item)
            found[digest] = replace(newer, duplicates=(*newer.duplicates, older.key, *older.duplicates))
    _remove_incomplete(folder, names)
    return sorted(found.values(), key=lambda r: -r.saved_at)


def _recovered(key: str, meta: dict) -> Recovered:
    """The offer a descriptor makes (raises ValueError and the like when it is not one)."""
    disk = meta.get("disk")
    known = (int(disk[0]), int(disk[1]), str(disk[2])) if disk else None
    original = meta.get("original")
    return Recovered(key, str(original) if original else None, float(meta.get("saved_at", 0)), str(meta.get("name", "")), int(meta.get("units", 0)), known)


def _remove_incomplete(folder: str, names: set[str]) -> None:
    """Models without a descriptor (the writer died before its first one was complete) and
    temporary files, when their writer is gone."""
    for name in names:
        incomplete = name.endswith(".tmp") or (name.endswith(MODEL) and name[: -len(MODEL)] + DESCRIPTOR not in names)
        if incomplete and _writer_gone(name):
            try:
                os.remove(os.path.join(folder, name))
            except OSError:
                pass


__all__ = ["Autosaver", "ModelFileError", "Recovered", "left_behind", "recovery_folder"]
