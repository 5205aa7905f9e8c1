"""Routing every dependency line of a big model off the interface thread.

Routing 30,000 lines around 10,000 cards takes seconds; done in the interface thread, the
window froze that long after opening a model, applying a layout or undoing one. Above
:data:`BACKGROUND_FROM` dependencies the scene instead hands a snapshot (the cards' corners,
the dependencies) to a fresh :class:`~orgmodel.layout.routing.Router` in a Python thread:
pure Python, no Qt there, so the window keeps answering between the interpreter's switches.

Meanwhile the lines never mislead: the dependency layer is hidden (and cannot be clicked),
the reporting lines whose org-chart elbow is clear of the cards are drawn at once and the
others come with the dependencies. The scene's router is a stand-in that knows the cards
and no lines, made when an edit in the meantime (a drag, a new dependency, a deleted unit)
first asks for it (``SceneLines.await_routing``), so such edits go through as usual. When the thread is done, a polling timer in the interface thread swaps the new
router in, replays what changed since the snapshot (or, when much did, routes again), sets
every line in one go and labels them. A newer whole-model routing supersedes a running one:
its result is dropped (the thread cannot be stopped; it only touches its own objects).

The thread gives way to the window: it begins once the window has done what the edit asked
of it — the cards in their new places painted (or, with no view painting, after
``START_AFTER_MS``; after an open, once the window is first idle, docks filled) — and pauses whenever the window works again (an event, a repaint:
:mod:`ui.editing.give_way`), so the window answers as if the routing were not there, and
the routing uses the time the window leaves. No collection of
the cyclic collector runs meanwhile: one would scan the router's millions of young objects
while holding the interpreter lock (measured: up to 1.2 s of a frozen window).
"""

from __future__ import annotations

import gc
import math
import sys
import threading
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, QTimer, Signal
from typing_extensions import override

from orgmodel.layout.routing import Point, Router
from orgmodel.model import OrgModel

from ui.editing.give_way import GiveWay
from ui.canvas.items.line_index import LineIndex, enter_line
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.canvas.line_geometry import Corners, Key, SceneLines
from ui.canvas.moving import FEW

if TYPE_CHECKING:
    from ui.canvas.scene import OrgScene

#: From more dependencies than this, a whole-model routing runs in the background (in the
#: window; a scene made for a headless export always routes at once).
BACKGROUND_FROM = 3000
POLL_MS = 25  #: how often the interface thread looks whether the routing is done
START_AFTER_MS = 200  #: a routing begins at the first paint after it was asked for, or after this
#: A routing asked for at open starts when the window is first idle (the cards painted, the
#: docks filled), or after this long at the latest: started at once, it took the interpreter
#: from the interface thread for as long as that (the two threads share one interpreter lock).
IDLE_START_S = 1.0
#: While a routing runs, the collector's first threshold: never reached. The router makes
#: millions of objects and no cycles. ``Router.route_all`` pauses the collector, but a pause
#: in the interface thread (opening, a layout) that began first turns it back on when it
#: ends, and then collections rescanned the router's objects (measured: 3.7 s of a
#: 10,000-unit open; with a threshold of a million, young collections of 0.3 to 1.2 s).
ROUTING_GC_THRESHOLD = 1 << 30
#: While a routing runs, the interpreter's switch interval (seconds): where the router has
#: no place to give way, the window waits at most this long for the interpreter lock.
ROUTING_SWITCH_INTERVAL = 0.001


class _GivingWayRouter(Router):
    """A router that calls ``give_way`` between lines, sides and channels while it routes
    every line (the interface thread's turn: see :mod:`ui.editing.give_way`)."""

    give_way: Callable[[], None] = staticmethod(lambda: None)
    #: The Router's steps that run once per line or per card side (a test checks they exist).
    STEPS = ("_share_ports", "_assemble")

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)  # again at each route_all: planning gives way too
        plan = self._planner.plan

        def giving_way_plan(*args, **kwargs):
            self.give_way()
            return plan(*args, **kwargs)

        self._planner.plan = giving_way_plan  # type: ignore[method-assign]

    # Whatever arguments the Router's steps take, passed on as they come.
    def _share_ports(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.give_way()
        return super()._share_ports(*args, **kwargs)

    def _assemble(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.give_way()
        return super()._assemble(*args, **kwargs)

    def stop_giving_way(self) -> None:
        """The routing is done and this router becomes the scene's: from now on the
        interface thread itself calls it (each edit), and giving way to itself would
        sleep ``QUIET`` per half millisecond of its own work (an edit 5 times slower)."""
        self.give_way = _GivingWayRouter.give_way  # type: ignore[method-assign]


class _Job:
    """One whole-model routing: the snapshot it started from, then its result."""

    def __init__(self, corners: Corners, edges: list[Key], detours: list[tuple[str, str]]) -> None:
        self.give_way = GiveWay()  # made here, in the interface thread: it watches that one
        self.corners = corners
        self.edges = edges
        self.detours = detours  #: (child, parent) of reporting lines whose elbow crosses a card
        self.router: Router | None = None
        self.index: LineIndex | None = None  #: the routed lines' bucket index, made there too
        self.reporting: dict[str, list[Point]] = {}
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=_route, args=(self,), name="route dependency lines", daemon=True)
        self.started = False
        #: Waits for an idle window (an open), not for the first paint (an edit, a layout).
        self.when_idle = False
        self.start_by = 0.0  #: ``time.monotonic()`` by which it begins whatever happens

    def begin(self) -> None:
        if not self.started:
            self.started = True
            self.thread.start()

    @property
    def running(self) -> bool:
        """Begun and not done yet (a job not begun yet is not done either)."""
        return not self.started or self.thread.is_alive()


def _route(job: _Job) -> None:
    """In the worker thread: everything it touches is its own (no Qt, no scene, no model)."""
    give_way = job.give_way
    try:
        router = _GivingWayRouter(WIDTH, HEIGHT)
        router.give_way = give_way  # type: ignore[method-assign]
        router.route_all(job.corners, job.edges)
        # The very rule the scene uses (``SceneLines._reporting`` reads only ``.router``).
        owner = SimpleNamespace(router=router)
        for child, parent in job.detours:
            give_way()
            job.reporting[child] = SceneLines._reporting(owner, parent, child)  # type: ignore[arg-type]
        index: LineIndex = ({}, {}, {}, {})  # as ``index_lines`` makes it, giving way
        for key, points in router.routes.items():
            give_way()
            enter_line(*index, key, points)
        job.index = index
        job.router = router
    except BaseException as error:  # handed to the interface thread, which routes there
        job.failure = error


class BackgroundRouting(QObject):
    """The whole-model routings of one scene's dependency lines (see the module)."""

    #: True when a routing starts (the dependency lines are hidden), False when they are back.
    routingChanged = Signal(bool)

    def __init__(self, scene: OrgScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self._job: _Job | None = None
        self._thresholds, self._switch = gc.get_threshold(), sys.getswitchinterval()
        self._timer = QTimer(self, interval=POLL_MS, timeout=self._poll)
        self._waiting_idle = False  # connected to the event loop's aboutToBlock
        self._handled = False  # an event was handled since the loop last came to wait

    def _idle(self) -> None:
        """The event loop is about to wait. The window is idle when nothing was handled since
        it last was (but this object's polls): the first ``aboutToBlock`` after an open comes
        with the docks' zero-time refreshes still due (the loop then does not wait), and a
        routing begun there took the interpreter from them (at 50,000 units, 0.7 s of its
        CPU before the window was idle)."""
        job = self._job
        if job is None or job.started or not job.when_idle:
            self._stop_waiting_idle()
            return
        if job.start_by == math.inf:  # the first turn: the latest start counts from here
            job.start_by = time.monotonic() + IDLE_START_S
        if self._handled:
            self._handled = False  # something was done: look again at the next turn
            return
        self._stop_waiting_idle()
        self._begin()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While a routing waits for an idle window: note that the window handled something."""
        if watched is not self._timer:
            self._handled = True
        return False

    def _stop_waiting_idle(self) -> None:
        if self._waiting_idle:
            self._waiting_idle = False
            dispatcher, app = QAbstractEventDispatcher.instance(), QCoreApplication.instance()
            if dispatcher is not None:
                dispatcher.aboutToBlock.disconnect(self._idle)
            if app is not None:
                app.removeEventFilter(self)

    @property
    def pending(self) -> bool:
        """Whether the dependency lines are being routed (and so not shown)."""
        return self._job is not None

    def start(self, model: OrgModel, corners: Corners, when_idle: bool = False) -> None:
        """Route every line of ``model`` with the cards at ``corners`` in a worker thread;
        supersedes a routing under way. The thread begins once the window has painted the
        cards (``painted``) or, ``when_idle`` (an open), once the window is first idle — the
        docks filled too; after :data:`START_AFTER_MS` / :data:`IDLE_START_S` at the latest."""
        scene, lines = self._scene, self._scene.lines
        snapshot = dict(corners)  # the job's and the stand-in router's, changed by neither
        drawn, detours = lines.await_routing(model, snapshot)
        scene.reporting.set_all(drawn)
        lines.forget_labels(model)
        job = _Job(snapshot, model.dependency_keys(), detours)
        was_pending, self._job = self.pending, job
        scene.dependencies.hide()
        job.when_idle = when_idle
        # An open: by IDLE_START_S after the loop first comes to wait (set then).
        job.start_by = math.inf if when_idle else time.monotonic() + START_AFTER_MS / 1000
        if when_idle:
            dispatcher, app = QAbstractEventDispatcher.instance(), QCoreApplication.instance()
            if dispatcher is not None and app is not None and not self._waiting_idle:
                self._handled = True
                dispatcher.aboutToBlock.connect(self._idle)
                app.installEventFilter(self)
                self._waiting_idle = True
            elif not self._waiting_idle:
                job.start_by = time.monotonic() + IDLE_START_S
        self._timer.start()
        if not was_pending:
            self._thresholds, self._switch = gc.get_threshold(), sys.getswitchinterval()
            gc.set_threshold(max(ROUTING_GC_THRESHOLD, self._thresholds[0]), *self._thresholds[1:])
            sys.setswitchinterval(min(ROUTING_SWITCH_INTERVAL, self._switch))
            self.routingChanged.emit(True)

    def cancel(self) -> None:
        """Drop a routing under way (the scene lays its lines at once instead)."""
        self._stop_waiting_idle()
        if self._job is not None:
            self._job = None
            self._timer.stop()
            self._shown()

    def painted(self) -> None:
        """A view of the scene was painted: a routing waiting for that begins right after."""
        if self._job is not None and not self._job.started and not self._job.when_idle:
            QTimer.singleShot(0, self, self._begin)

    def _begin(self) -> None:
        if self._job is not None:
            self._job.begin()

    def finish(self) -> None:
        """Wait for the routing under way and show its lines (before an export)."""
        while self._job is not None:
            self._job.begin()
            self._job.thread.join()
            self._poll()

    def _poll(self) -> None:
        job = self._job
        if job is not None and not job.started:
            if job.start_by == math.inf:  # the loop's first turn (a loop that never comes to
                job.start_by = time.monotonic() + IDLE_START_S  # wait: processEvents spun)
            elif time.monotonic() >= job.start_by:
                job.begin()
            return
        if job is None or job.running:
            return
        scene, model = self._scene, self._scene.model
        self._job = None
        self._timer.stop()
        if model is None:
            self._shown()
            return
        corners = {uid: (card.x(), card.y()) for uid, card in scene.cards.items()}
        if job.router is None:  # the routing failed: route here, as a small model does
            scene.lines.rebuild(model, corners)
        else:
            edges = set(model.dependency_keys())
            if not self._swap_in(job, model, corners, edges):
                self.start(model, corners)  # much changed meanwhile: route again
                return
        scene.dependencies.set_selected(scene.selection.dependencies())
        self._shown()

    def _shown(self) -> None:
        # What the routing made goes straight to the oldest generation (a big model frozen
        # out of the collector's sight: out of it too), not rescanned as young.
        frozen = gc.get_freeze_count()
        gc.freeze()
        if not frozen:
            gc.unfreeze()
        gc.set_threshold(*self._thresholds)
        sys.setswitchinterval(self._switch)
        self._scene.dependencies.show()
        self.routingChanged.emit(False)

    def _swap_in(self, job: _Job, model: OrgModel, corners: Corners, edges: set[Key]) -> bool:
        """The finished router becomes the scene's, with what changed since its snapshot
        replayed on it; False (nothing done) when too much changed for that."""
        old = job.corners
        moved = {uid: at for uid, at in corners.items() if uid in old and old[uid] != at}
        added = [uid for uid in corners if uid not in old]
        removed = [uid for uid in old if uid not in corners]
        if len(moved) + len(added) + len(removed) > FEW * max(len(corners), 1):
            return False
        router, lines = job.router, self._scene.lines
        assert router is not None
        if isinstance(router, _GivingWayRouter):
            router.stop_giving_way()
        then = set(job.edges)
        # The index made in the thread holds while no line changed since (the usual case).
        index = job.index if not (moved or added or removed or then != edges) else None
        for key in then - edges:
            router.remove_line(key)
        for uid in removed:
            router.remove_card(uid)
        for uid in added:
            router.add_card(uid, *corners[uid])
        if moved:
            router.move(moved)
        for key in edges - then:
            router.add_line(key)
        lines.router = router
        self._scene.dependencies.set_all(router.routes, index)
        # Reporting lines routed there, unless their ends moved or changed meanwhile.
        reporting = self._scene.reporting
        parents = dict(job.detours)
        routed = {
            child: points for child, points in job.reporting.items()
            if model.parent(child) == parents[child] and child in corners and parents[child] in corners
            and child not in moved and parents[child] not in moved
        }
        if routed:
            reporting.set_all({**{key: reporting.points(key) for key in reporting.keys()}, **routed})
        lines.relabel_all(model)
        return True
