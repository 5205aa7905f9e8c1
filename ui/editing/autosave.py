"""Autosave to a private recovery folder, and recovery after a crash.

The person's own file is never written by autosave. Each running document has one recovery
file (``<id>.orgmodel``, the native format) plus ``<id>.json`` saying which process wrote it,
for which file and when. On start-up, recovery files whose process is gone are offered:
restore, discard, or decide later (they are never deleted without being asked).
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QStandardPaths

from orgmodel.formats.native import ModelFileError, loads, save
from orgmodel.lock import process_alive
from orgmodel.model import OrgModel


def recovery_folder() -> str:
    folder = os.environ.get("ORGMODEL_RECOVERY_DIR") or os.path.join(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation), "recovery"
    )
    os.makedirs(folder, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Recovered:
    key: str
    original: str | None  #: the file it was an unsaved version of (None: never saved)
    saved_at: float
    name: str

    @property
    def model_path(self) -> str:
        return os.path.join(recovery_folder(), self.key + ".orgmodel")

    def load(self) -> OrgModel:
        with open(self.model_path, encoding="utf-8") as handle:
            return loads(handle.read(), self.model_path)

    def discard(self) -> None:
        for suffix in (".orgmodel", ".json", ".orgmodel.bak"):
            try:
                os.remove(os.path.join(recovery_folder(), self.key + suffix))
            except OSError:
                pass


class Autosaver:
    """The recovery file of one document (one per window)."""

    def __init__(self) -> None:
        self.key = uuid.uuid4().hex

    def write(self, model: OrgModel, original: str | None) -> None:
        folder = recovery_folder()
        save(model, os.path.join(folder, self.key + ".orgmodel"), backup=False)
        meta = {"pid": os.getpid(), "host": socket.gethostname(), "original": original, "saved_at": time.time(), "name": model.name}
        with open(os.path.join(folder, self.key + ".json"), "w", encoding="utf-8") as handle:
            json.dump(meta, handle)

    def remove(self) -> None:
        Recovered(self.key, None, 0.0, "").discard()


def left_behind() -> list[Recovered]:
    """Recovery files of processes that are no longer running, newest first."""
    found = []
    folder = recovery_folder()
    for name in os.listdir(folder):
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                meta = json.load(handle)
            pid, host = int(meta["pid"]), str(meta["host"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if host == socket.gethostname() and process_alive(pid) and pid != os.getpid():
            continue  # still running: its own autosave
        if pid == os.getpid():
            continue
        key = name[: -len(".json")]
        if os.path.exists(os.path.join(folder, key + ".orgmodel")):
            found.append(Recovered(key, meta.get("original"), float(meta.get("saved_at", 0)), str(meta.get("name", ""))))
    return sorted(found, key=lambda r: -r.saved_at)


__all__ = ["Autosaver", "ModelFileError", "Recovered", "left_behind", "recovery_folder"]
