"""Ctrl+C and ``kill`` (SIGINT, SIGTERM) end a command cleanly: exit 130 or 143, no partial
output, the previous file intact.

A Python signal handler runs between two bytecodes of the main thread, wherever that is.
In plain Python code it may raise at once (:func:`raising_signals`): every writer cleans up
its temporary file on the way out. Inside Qt it must not: an exception raised in a Python
override that Qt calls while painting crashes the process (segmentation fault, exit 139). So
while Qt draws, the signal is only noted (:func:`deferred_signals`) and acted on at the next
safe point: :func:`check`, which every atomic write calls just before it replaces the file.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)

_pending: list[int] = []


class Interrupted(BaseException):
    """The command was interrupted by ``signum``; its exit code is ``128 + signum``.

    A BaseException, as KeyboardInterrupt is: ``except Exception`` must not swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_critical: list[int] = [0]


def _raise(signum: int, frame: FrameType | None) -> None:
    if _critical[0]:
        _note(signum, frame)  # raised when the critical step is done
        return
    raise Interrupted(signum)


@contextmanager
def critical() -> Iterator[None]:
    """A step that must not be cut in two (a temporary file made and recorded): a signal
    arriving meanwhile is only noted; the caller calls :func:`check` once it can clean up."""
    _critical[0] += 1
    try:
        yield
    finally:
        _critical[0] -= 1


def _note(signum: int, frame: FrameType | None) -> None:
    if not _pending:
        _pending.append(signum)


def _install(handler) -> dict[int, object] | None:
    if threading.current_thread() is not threading.main_thread():
        return None  # only the main thread may set handlers; the editor's workers never do
    return {signum: signal.signal(signum, handler) for signum in SIGNALS}


@contextmanager
def raising_signals() -> Iterator[None]:
    """Inside: SIGINT and SIGTERM raise :class:`Interrupted` (console commands); the previous
    handlers come back on the way out."""
    _pending.clear()
    previous = _install(_raise)
    try:
        yield
    finally:
        _restore(previous)


def _restore(previous: dict[int, object] | None) -> None:
    for signum, handler in (previous or {}).items():
        signal.signal(signum, handler)


@contextmanager
def deferred_signals() -> Iterator[None]:
    """Inside: SIGINT and SIGTERM are only noted (Qt is drawing); :func:`check` acts on them.
    On the way out the previous handlers come back and a noted signal is raised."""
    previous = _install(_note)
    try:
        yield
    finally:
        _restore(previous)
    check()


def check() -> None:
    """Raise :class:`Interrupted` if a signal was noted and not yet acted on."""
    if _pending:
        raise Interrupted(_pending.pop())
