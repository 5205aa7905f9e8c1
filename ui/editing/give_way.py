"""A worker thread that gives way to the interface thread while that one works.

Python threads share one interpreter lock. A worker that computes in pure Python for
seconds (routing 30,000 lines, writing an autosave) takes the lock whenever the interface
thread lets go of it, and the interface thread lets go of it on every call into Qt: each
painted card, each event handler, then waits up to the interpreter's switch interval
(5 ms) to get it back. Measured at 10,000 units: a repaint of the view that takes 0.1 s
alone took 0.5 to 0.7 s beside the routing thread, and the window answered a layout after
3 to 5 s instead of under one.

So the worker asks, every half millisecond or so, whether the interface thread has used the
processor since it last looked (its CPU clock, ``pthread_getcpuclockid``): if it has, the
worker sleeps (lock released) until that thread is quiet again — blocked waiting for
events, or sleeping — and only then goes on. The window does its work as if alone; the
worker uses the time the window does not. So that a window that never rests (a test that
spins the event loop) cannot stop the worker for good, after ``PATIENCE`` seconds of
giving way the worker goes on for ``TURN`` seconds whatever happens.

On a platform without per-thread CPU clocks the worker never waits (as before).
"""

from __future__ import annotations

import threading
import time

CHECK_EVERY = 0.0005  #: how often (seconds of the worker's time) it looks at the interface thread
QUIET = 0.002  #: how long it sleeps before looking again
#: The interface thread is quiet when it used less than this share of a ``QUIET`` sleep
#: (a timer tick, a short event) — a repaint or an event handler uses nearly all of it.
QUIET_SHARE = 0.3
PATIENCE = 2.0  #: the longest the worker gives way in one go (a window busy that long is frozen anyway)...
TURN = 0.05  #: ... before it takes this long a turn anyway


class GiveWay:
    """Made in the interface thread; :meth:`__call__` is called often by the worker thread."""

    def __init__(self) -> None:
        try:
            self._clock: int | None = time.pthread_getcpuclockid(threading.get_ident())
        except (AttributeError, OSError):  # no per-thread CPU clocks here
            self._clock = None
        self._next = 0.0
        self._seen = self._busy()
        self._turn_until = 0.0
        #: Seconds the worker spent giving way (for benchmarks and tests).
        self.waited = 0.0
        self.turns = 0  #: how often it went on without waiting for a quiet interface thread

    def _busy(self) -> float:
        return time.clock_gettime(self._clock) if self._clock is not None else 0.0

    def __call__(self) -> None:
        """In the worker: return at once, or once the interface thread is quiet."""
        now = time.perf_counter()
        if now < self._next or self._clock is None:
            return
        self._next = now + CHECK_EVERY
        if now < self._turn_until:
            self._seen = self._busy()
            return
        busy = self._busy()
        if busy == self._seen:
            return
        start = now
        while True:
            self._seen = busy
            time.sleep(QUIET)
            busy = self._busy()
            now = time.perf_counter()
            if busy - self._seen < QUIET * QUIET_SHARE:
                break
            if now - start > PATIENCE:
                self._turn_until = now + TURN
                self.turns += 1
                break
        self._seen = busy
        self.waited += now - start
        self._next = now + CHECK_EVERY
