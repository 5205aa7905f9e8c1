"""Letting go of a big index without holding the window.

Freeing a structure of millions of objects is one long stretch of work that holds the
interpreter lock: the bucket index of the long runs of 30,000 dependency lines after the
toolbar's Org Chart at 10,000 units (894 slots, 22 million entries) took 1.0 s to free when
the next routing replaced it — a frozen window right after the layout's Undo. Handed to a
worker thread that frees it one entry of the outer dictionary at a time, the interface thread
gets the lock back after each (about a millisecond each there).
"""

from __future__ import annotations

import sys
import threading
import time

#: Dictionaries with fewer entries than this are let go of at once (no thread for them).
ASIDE_FROM = 64
#: Between two entries freed, the worker sleeps this long (seconds).
PAUSE = 0.0002
#: References to the dictionary while :func:`release_aside` looks: the caller's, the
#: argument's and ``sys.getrefcount``'s own. More: someone else holds it; it is left alone.
_ONLY_THE_CALLERS = 3


def release_aside(container: dict) -> bool:
    """Free the big dictionary ``container`` in a worker thread, entry by entry, once the
    caller drops its own reference (call it just before replacing that reference). True
    when handed over; False (nothing done) when it is small or someone else holds it too."""
    if len(container) < ASIDE_FROM or sys.getrefcount(container) > _ONLY_THE_CALLERS:
        return False
    threading.Thread(target=_drain, args=(container,), name="release index", daemon=True).start()
    return True


def _drain(container: dict) -> None:
    while container:
        try:
            container.popitem()
        except KeyError:  # emptied meanwhile
            return
        # The lock let go of for a moment, between entries: a window waiting for it takes it
        # now, not at the end of the interpreter's switch interval (5 ms).
        time.sleep(PAUSE)
