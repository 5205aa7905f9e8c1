"""The lines an edit left for later, routed once the window has nothing else to do.

An edit re-routes its lines at once, except those that need the router's grid search (tens
of milliseconds each, sometimes more): they are left for later and not drawn meanwhile
(``SceneLines.defer_searches``). They used to be routed from a zero-time timer, a few tens
of milliseconds per turn of the event loop, before the window ever came to rest: at 50,000
units a move's searches (about five, 10 to 40 ms each) kept the window busy for as long
again as the move itself, ahead of anything the person did next.

Here they wait until the window is idle, and are then routed one turn at a time, each turn
again once the window was idle, so that input and repaints always come first. Idle, as
``BackgroundRouting`` tells it after an open: the event loop is about to wait
(``QAbstractEventDispatcher.aboutToBlock``, which the loop also says at the start of every
turn that may wait) and nothing was handled since it last said so but this object's own
timers; a timer looks again every :data:`POLL_MS` meanwhile, so a loop that went to sleep
wakes to route them. A window that never rests (one spun with ``processEvents``, or busy
turn after turn) gets them all the same once that timer has looked :data:`PATIENCE` times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, QTimer
from typing_extensions import override

from ui.canvas.line_geometry import SceneLines

#: How long one turn routes lines left for later (seconds): one line per turn cost a repaint
#: each (measured: a move's lines at 50,000 units were all routed 15% later than when the
#: edit routed them itself), while a longer turn would hold up the window's next event.
TURN_S = 0.03
POLL_MS = 10  #: while waiting for an idle window, how often a timer wakes the loop to look
#: When the window never rests, the lines are routed all the same once the timer has looked
#: this many times (about 0.2 s of a busy window: counted in looks, not in seconds, so that
#: one long repaint, during which the timer fires once, does not use up the patience).
PATIENCE = 20


class DeferredRouting(QObject):
    """Routes one scene's lines left for later (:meth:`SceneLines.route_deferred`) in turns,
    each once the window is idle; ``held()`` says to wait (a drag: its release asks again)."""

    def __init__(self, lines: SceneLines, held: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._held = held
        self._poll = QTimer(self, interval=POLL_MS, timeout=self._look)
        self._go = QTimer(self, singleShot=True, interval=0, timeout=self._turn)
        self._waiting = False  # connected to aboutToBlock, filtering the application's events
        self._handled = False  # an event was handled since the loop last came to wait
        self._looks = 0  #: how often the timer looked since lines were left
        #: How many turns ran (for tests and benchmarks).
        self.turns = 0

    def ask(self) -> None:
        """Lines were left for later: route them once the window is idle."""
        if self._waiting or self._go.isActive():
            return
        dispatcher, app = QAbstractEventDispatcher.instance(), QCoreApplication.instance()
        if dispatcher is None or app is None:  # no event loop to wait for
            self._go.start()
            return
        self._waiting = True
        self._handled = True  # the edit that asked: the window has yet to show it
        self._looks = 0
        dispatcher.aboutToBlock.connect(self._idle)
        app.installEventFilter(self)
        self._poll.start()

    def active(self) -> bool:
        """Whether a turn is due (waiting for an idle window, or about to run)."""
        return self._waiting or self._go.isActive()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While waiting for an idle window: note that the window handled something."""
        if watched is not self._poll and watched is not self._go:
            self._handled = True
        return False

    def _idle(self) -> None:
        """The loop is about to wait: idle when it handled nothing since it last was."""
        if self._handled:
            self._handled = False
            return
        self._stop_waiting()
        self._go.start()

    def _look(self) -> None:
        self._looks += 1
        if self._looks >= PATIENCE:  # a window that never rests
            self._stop_waiting()
            self._turn()

    def _stop_waiting(self) -> None:
        if self._waiting:
            self._waiting = False
            self._poll.stop()
            dispatcher, app = QAbstractEventDispatcher.instance(), QCoreApplication.instance()
            if dispatcher is not None:
                dispatcher.aboutToBlock.disconnect(self._idle)
            if app is not None:
                app.removeEventFilter(self)

    def _turn(self) -> None:
        self._stop_waiting()
        if self._held():
            return  # a drag: routed after its release
        self.turns += 1
        until = time.perf_counter() + TURN_S
        while self._lines.route_deferred():
            if time.perf_counter() > until:
                self.ask()  # the rest once the window is idle again
                return
