"""Routing every dependency line of a big model off the interface thread.

Routing 30,000 lines around 10,000 cards takes seconds; done in the interface thread, the
window froze that long after opening a model, applying a layout or undoing one. Above
:data:`BACKGROUND_FROM` dependencies the scene instead hands a snapshot (the cards' corners,
the dependencies) to a fresh :class:`~orgmodel.layout.routing.Router` in a Python thread:
pure Python, no Qt there, so the window keeps answering between the interpreter's switches.

Meanwhile the lines never mislead: the dependency layer is hidden (and cannot be clicked),
the reporting lines whose org-chart elbow is clear of the cards are drawn at once and the
others come with the dependencies. The scene's router is a placeholder that knows the cards
and no lines, so edits in the meantime (a drag, a new dependency, a deleted unit) go through
as usual. When the thread is done, a polling timer in the interface thread swaps the new
router in, replays what changed since the snapshot (or, when much did, routes again), sets
every line in one go and labels them. A newer whole-model routing supersedes a running one:
its result is dropped (the thread cannot be stopped; it only touches its own objects).
"""

from __future__ import annotations

import gc
import threading
import time
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractEventDispatcher, QObject, QTimer, Signal

from orgmodel.layout.routing import Point, Router
from orgmodel.model import OrgModel

from ui.canvas.items.line_index import LineIndex, index_lines
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.canvas.line_geometry import Corners, Key, SceneLines
from ui.canvas.moving import FEW

if TYPE_CHECKING:
    from ui.canvas.scene import OrgScene

#: From more dependencies than this, a whole-model routing runs in the background (in the
#: window; a scene made for a headless export always routes at once).
BACKGROUND_FROM = 3000
POLL_MS = 25  #: how often the interface thread looks whether the routing is done
#: A routing asked for at open starts when the window is first idle (the cards painted, the
#: docks filled), or after this long at the latest: started at once, it took the interpreter
#: from the interface thread for as long as that (the two threads share one interpreter lock).
IDLE_START_S = 1.0
#: While a routing runs, the collector's first threshold: the router makes millions of
#: objects and no cycles. ``Router.route_all`` pauses the collector, but a pause in the
#: interface thread (opening, a layout) that began first turns it back on when it ends, and
#: then full collections rescanned the router's objects (measured: 3.7 s of a 10,000-unit open).
ROUTING_GC_THRESHOLD = 1_000_000


class _Job:
    """One whole-model routing: the snapshot it started from, then its result."""

    def __init__(self, corners: Corners, edges: list[Key], detours: list[tuple[str, str]]) -> None:
        self.corners = corners
        self.edges = edges
        self.detours = detours  #: (child, parent) of reporting lines whose elbow crosses a card
        self.router: Router | None = None
        self.index: LineIndex | None = None  #: the routed lines' bucket index, made there too
        self.reporting: dict[str, list[Point]] = {}
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=_route, args=(self,), name="route dependency lines", daemon=True)


def _route(job: _Job) -> None:
    """In the worker thread: everything it touches is its own (no Qt, no scene, no model)."""
    try:
        router = Router(WIDTH, HEIGHT)
        router.route_all(job.corners, job.edges)
        # The very rule the scene uses (``SceneLines._reporting`` reads only ``.router``).
        owner = SimpleNamespace(router=router)
        job.reporting = {child: SceneLines._reporting(owner, parent, child) for child, parent in job.detours}  # type: ignore[arg-type]
        job.index = index_lines(router.routes)
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
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self, interval=POLL_MS, timeout=self._poll)
        self._asked = 0.0  # when the routing waiting for an idle window was asked for
        self._waiting_idle = False  # connected to the event loop's aboutToBlock

    def _idle(self) -> None:
        """The event loop is about to wait: the window is idle; a waiting routing starts."""
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None and self._waiting_idle:
            dispatcher.aboutToBlock.disconnect(self._idle)
        self._waiting_idle = False
        self._begin()

    def _begin(self) -> None:
        job = self._job
        if job is not None and job.thread.ident is None:
            job.thread.start()

    @property
    def pending(self) -> bool:
        """Whether the dependency lines are being routed (and so not shown)."""
        return self._job is not None

    def start(self, model: OrgModel, corners: Corners, when_idle: bool = False) -> None:
        """Route every line of ``model`` with the cards at ``corners`` in a worker thread;
        supersedes a routing under way. ``when_idle``: the thread starts when the window
        is first idle (see :data:`IDLE_START_S`)."""
        scene, lines = self._scene, self._scene.lines
        placeholder = Router(WIDTH, HEIGHT)
        placeholder.space.set_all(corners)
        lines.router = placeholder
        drawn, detours = lines.clear_elbows(model)
        scene.reporting.set_all(drawn)
        lines.forget_labels(model)
        job = _Job(dict(corners), [(d.source, d.target) for d in model.dependencies()], detours)
        was_pending, self._job = self.pending, job
        scene.dependencies.hide()
        if when_idle:
            self._asked = time.monotonic()
            dispatcher = QAbstractEventDispatcher.instance()
            if dispatcher is not None and not self._waiting_idle:
                dispatcher.aboutToBlock.connect(self._idle)
                self._waiting_idle = True
        else:
            job.thread.start()
        self._timer.start()
        if not was_pending:
            self._thresholds = gc.get_threshold()
            gc.set_threshold(max(ROUTING_GC_THRESHOLD, self._thresholds[0]), *self._thresholds[1:])
            self.routingChanged.emit(True)

    def cancel(self) -> None:
        """Drop a routing under way (the scene lays its lines at once instead)."""
        if self._job is not None:
            self._job = None
            self._timer.stop()
            self._shown()

    def finish(self) -> None:
        """Wait for the routing under way and show its lines (before an export)."""
        while self._job is not None:
            self._begin()
            self._job.thread.join()
            self._poll()

    def _poll(self) -> None:
        job = self._job
        if job is not None and job.thread.ident is None:  # waiting for an idle window
            if time.monotonic() - self._asked > IDLE_START_S:
                self._begin()
            return
        if job is None or job.thread.is_alive():
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
            edges = {(d.source, d.target) for d in model.dependencies()}
            if not self._swap_in(job, model, corners, edges):
                self.start(model, corners)  # much changed meanwhile: route again
                return
        scene.dependencies.set_selected(scene.selection.dependencies())
        self._shown()

    def _shown(self) -> None:
        gc.set_threshold(*self._thresholds)
        if gc.get_freeze_count():  # a big model was frozen out of the collector's sight: its lines too
            gc.freeze()
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
