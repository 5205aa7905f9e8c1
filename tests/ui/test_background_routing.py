"""A big model's lines routed off the interface thread (threshold lowered for a small model):
the window answers at once after a layout, its Undo or an open, shows no stale dependency
line meanwhile, says so in the status bar, and then draws exactly what a synchronous routing
draws. Undo, edits, another model, an export or closing the window meanwhile all work."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from canvas_driving import LEFT, card_centre, company, send_mouse
from orgmodel.synthetic import generate_model
from test_bulk_moves import assert_canvas_shows, positions, toolbar_button
from ui.canvas import background_routing
from ui.window.main_window import MainWindow

ROUTING = "Routing the dependency lines…"


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.scene.background_from = 10  # 300 units and ~600 dependencies count as big here
    w.document.replace_model(generate_model(300, seed=7), None)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.scene.background.pending)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


@pytest.fixture
def gate(monkeypatch):
    """Routings wait for ``gate.set()``: what happens while they run is seen for sure."""
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = background_routing._route

    def held(job) -> None:
        threads.append(threading.current_thread())
        gate.wait(20)
        real(job)

    monkeypatch.setattr(background_routing, "_route", held)
    yield gate
    gate.set()
    for thread in threads:
        thread.join(20)


def click(qtbot, window: MainWindow, action) -> None:
    qtbot.mouseClick(toolbar_button(window, action), Qt.MouseButton.LeftButton)


def answers(qtbot) -> None:
    """The event loop runs: a queued call is made."""
    called: list[bool] = []
    QTimer.singleShot(0, lambda: called.append(True))
    qtbot.waitUntil(lambda: bool(called))


def drag(window: MainWindow, uid: str, steps: int, step: QPoint) -> None:
    """Drag the card of ``uid`` with the mouse, ``steps`` moves of ``step`` pixels, at 100%."""
    window.view.set_zoom(1.0)  # whole pixels are whole scene units: lines_astray compares exactly
    window.view.centerOn(window.scene.cards[uid])
    start = card_centre(window, uid)
    send_mouse(window, QEvent.Type.MouseButtonPress, start, LEFT)
    for i in range(1, steps + 1):
        send_mouse(window, QEvent.Type.MouseMove, start + step * i, LEFT)
    send_mouse(window, QEvent.Type.MouseButtonRelease, start + step * steps, Qt.MouseButton.NoButton)


def routed(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.scene.background.pending, timeout=20000)


def test_org_chart_answers_at_once_hides_stale_lines_then_draws_the_routed_ones(window: MainWindow, qtbot, gate) -> None:
    model, scene = window.document.model, window.scene
    key = next(iter(scene.dependencies.keys()))
    (x1, y1), (x2, y2) = scene.dependencies.points(key)[:2]
    on_line = QPointF((x1 + x2) / 2, (y1 + y2) / 2)
    assert scene.dependency_at(on_line) is not None
    click(qtbot, window, window.orgchart_action)
    answers(qtbot)
    assert scene.background.pending and not scene.dependencies.isVisible()
    assert scene.dependency_at(on_line) is None  # no stale line to click
    assert window.statusBar().currentMessage() == ROUTING
    # The reporting lines are drawn at once (org-chart elbows, clear of the cards).
    assert set(scene.reporting.keys()) == {child for child, _ in model.reporting_lines()}
    gate.set()
    routed(qtbot, window)
    assert scene.dependencies.isVisible() and window.statusBar().currentMessage() == ""
    assert_canvas_shows(window, model)  # exactly as a synchronous routing draws them


def test_undo_while_lines_are_routed_drops_the_layout_routing(window: MainWindow, qtbot, gate) -> None:
    model, scene = window.document.model, window.scene
    before = positions(model)
    click(qtbot, window, window.bands_action)
    answers(qtbot)
    assert scene.background.pending
    click(qtbot, window, window.undo_action)  # Ctrl+Z's action, from the toolbar
    answers(qtbot)
    assert positions(model) == before and scene.background.pending
    gate.set()
    routed(qtbot, window)
    assert_canvas_shows(window, model)
    click(qtbot, window, window.redo_action)
    routed(qtbot, window)
    assert_canvas_shows(window, model)


def test_edits_while_lines_are_routed_are_kept_and_their_lines_follow(window: MainWindow, qtbot, gate) -> None:
    model, scene = window.document.model, window.scene
    click(qtbot, window, window.orgchart_action)
    answers(qtbot)
    # Drag a card, add a dependency and delete a unit while the lines are routed.
    uid = next(u for u in model.unit_ids() if model.dependencies_of(u))
    drag(window, uid, 5, QPoint(6, 4))
    assert model.unit(uid).x == scene.cards[uid].x()
    ids = model.unit_ids()
    pair = next((a, b) for a in ids for b in ids if a != b and not model.has_dependency(a, b))
    window.document.add_dependency(*pair)
    gone = ids[-1]
    window.document.delete([gone])
    assert scene.background.pending
    gate.set()
    routed(qtbot, window)
    assert pair in scene.dependencies.keys() and not any(gone in key for key in scene.dependencies.keys())
    assert_canvas_shows(window, model, exact=False)  # routed anew, then the edits replayed


def test_the_stand_in_router_is_made_at_the_first_edit_and_answers_as_one_made_at_once(
    window: MainWindow, qtbot, gate
) -> None:
    """While the lines are routed, the scene's stand-in router (the cards, no lines) is not
    kept idle (45 MB at 50,000 units): the first edit makes it, from the cards as they were
    when the routing began, and it then answers what one made at once answers."""
    from orgmodel.layout.routing import Router
    from ui.canvas.items.unit_card import HEIGHT, WIDTH

    model, scene = window.document.model, window.scene
    click(qtbot, window, window.orgchart_action)
    answers(qtbot)
    job = scene.background._job
    assert job is not None and scene.lines._router is None and not scene.lines.pending()
    eager = Router(WIDTH, HEIGHT)
    eager.defer_searches = scene.lines.defer_searches
    eager.space.set_all(job.corners)
    uid = next(u for u in model.unit_ids() if model.dependencies_of(u))
    drag(window, uid, 5, QPoint(6, 4))
    made = scene.lines._router
    assert made is not None
    eager.move({uid: (model.unit(uid).x, model.unit(uid).y)})
    ids = model.unit_ids()
    pair = next((a, b) for a in ids for b in ids if a != b and not model.has_dependency(a, b))
    window.document.add_dependency(*pair)
    assert eager.add_line(pair) == {pair: made.routes[pair]}
    assert made.space.corners == eager.space.corners and made.routes == eager.routes
    gate.set()
    routed(qtbot, window)
    assert_canvas_shows(window, model, exact=False)


def test_closing_the_window_while_lines_are_routed(qtbot, gate) -> None:
    w = MainWindow()
    w.scene.background_from = 10
    w.document.replace_model(generate_model(300, seed=7), None)
    w.show()
    qtbot.waitExposed(w)
    assert w.scene.background.pending
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    gate.set()  # the thread ends on its own objects; nothing polls a deleted scene
    qtbot.wait(3 * background_routing.POLL_MS)


def test_opening_another_model_while_lines_are_routed(window: MainWindow, qtbot, gate) -> None:
    click(qtbot, window, window.orgchart_action)
    answers(qtbot)
    window.document.replace_model(company(), None)  # small: routed at once
    assert not window.scene.background.pending and window.scene.dependencies.isVisible()
    assert window.statusBar().currentMessage() != ROUTING
    gate.set()
    qtbot.wait(3 * background_routing.POLL_MS)
    assert_canvas_shows(window, window.document.model)


def test_export_and_save_while_lines_are_routed_show_every_line(window: MainWindow, qtbot, gate, tmp_path: Path, monkeypatch) -> None:
    click(qtbot, window, window.orgchart_action)
    answers(qtbot)
    window.document.save(str(tmp_path / "saved.orgmodel"))
    assert (tmp_path / "saved.orgmodel").exists()
    during, after = tmp_path / "during.png", tmp_path / "after.png"
    monkeypatch.setattr(window, "run_export_dialog", lambda dialog: True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(during), ""))
    threading.Timer(0.2, gate.set).start()  # the export waits for the routing
    window.export_action.trigger()
    assert not window.scene.background.pending and window.scene.dependencies.isVisible()
    assert_canvas_shows(window, window.document.model)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(after), ""))
    window.export_action.trigger()
    assert QImage(str(during)) == QImage(str(after))


def test_a_big_models_objects_are_frozen_out_of_the_collectors_sight_until_the_next_model(qtbot, monkeypatch) -> None:
    import gc

    from ui.editing import document

    monkeypatch.setattr(document, "FREEZE_FROM", 100)
    w = MainWindow()
    qtbot.addWidget(w)
    try:
        w.document.replace_model(generate_model(300, seed=7), None)
        frozen = gc.get_freeze_count()
        assert frozen > 0  # the collector no longer rescans the model, its scene and docks
        w.document.replace_model(company(), None)  # small: nothing frozen, the big one collectable
        assert gc.get_freeze_count() == 0
    finally:
        w.scene.background.finish()
        gc.unfreeze()


def test_the_routed_lines_come_indexed_from_the_thread_unless_something_changed_meanwhile(
        window: MainWindow, qtbot, gate, monkeypatch) -> None:
    """Indexing 30,000 lines into buckets took 1-2.6 s of the first repaint after a routing:
    the thread makes that index too, and the window adopts it as it stands."""
    from ui.canvas.items import line_layer
    from ui.canvas.items.line_index import index_lines

    layer = window.scene.dependencies
    here: list[tuple] = []  # dependency lines indexed in the interface thread
    real = line_layer.enter_line

    def watched(*args) -> None:
        if threading.current_thread() is threading.main_thread() and isinstance(args[4], tuple):
            here.append(args[4])
        real(*args)

    monkeypatch.setattr(line_layer, "enter_line", watched)
    click(qtbot, window, window.orgchart_action)
    gate.set()
    routed(qtbot, window)
    window.view.viewport().repaint()
    QApplication.processEvents()
    assert here == [] and layer._members is not None
    lines = {key: layer.points(key) for key in layer.keys()}
    fresh = index_lines(lines)
    assert (layer._members, layer._cells_of, layer._long, layer._long_of) == fresh
    # A card moved while the lines were routed: that index would be stale, so none is taken.
    window.document.undo_stack.undo()
    uid = next(iter(window.document.model.unit_ids()))
    unit = window.document.model.unit(uid)
    window.document.model.move_units({uid: (unit.x + 600.0, unit.y + 400.0)})
    routed(qtbot, window)
    layer._index_all()
    lines = {key: layer.points(key) for key in layer.keys()}
    assert (layer._members, layer._cells_of, layer._long, layer._long_of) == index_lines(lines)


def test_the_routing_waits_until_the_window_has_answered_the_layout(window: MainWindow, qtbot, monkeypatch) -> None:
    """Beside a routing thread computing in Python, the window got the interpreter lock back
    only every few milliseconds, after each call into Qt: at 10,000 units it answered a
    layout after 3-5 s instead of under one. The routing now waits until the window has
    done what the layout asked of it: cards moved, painted."""
    from orgmodel.layout import routing_plans

    planned: list[int] = []  # lines planned in the routing thread
    real = routing_plans.Planner.plan

    def counted(self, *args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            planned.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(routing_plans.Planner, "plan", counted)
    model, scene, viewport = window.document.model, window.scene, window.view.viewport()
    at_paint: list[int] = []  # lines planned when the view was painted, after the click

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                at_paint.append(len(planned))
            return False

    watch = PaintWatch()
    viewport.installEventFilter(watch)
    before = positions(model)
    click(qtbot, window, window.orgchart_action)
    qtbot.waitUntil(lambda: bool(at_paint))
    viewport.removeEventFilter(watch)
    assert positions(model) != before
    assert {uid: (card.x(), card.y()) for uid, card in scene.cards.items()} == positions(model)
    assert at_paint[0] == 0 and scene.background.pending and not scene.dependencies.isVisible()
    routed(qtbot, window)
    assert planned and scene.dependencies.isVisible()
    assert_canvas_shows(window, model)  # then every line, as a synchronous routing draws it


def test_after_a_routing_the_collector_and_the_interpreter_are_as_before(window: MainWindow, qtbot) -> None:
    """While a routing runs, no collection (it would hold the interpreter lock for up to a
    second, scanning the router's objects) and a short switch interval; then as they were."""
    import gc
    import sys

    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    click(qtbot, window, window.bands_action)
    assert window.scene.background.pending
    assert gc.get_threshold()[0] >= background_routing.ROUTING_GC_THRESHOLD
    assert sys.getswitchinterval() <= background_routing.ROUTING_SWITCH_INTERVAL
    routed(qtbot, window)
    assert gc.get_threshold() == thresholds and sys.getswitchinterval() == interval


def test_the_router_steps_the_routing_gives_way_between_exist() -> None:
    """The routing thread gives way to the window between these steps of the Router: if one
    is renamed, the routing would no longer pause there (and the window wait for it)."""
    from orgmodel.layout.routing import Router
    from orgmodel.layout.routing_plans import Planner

    for step in background_routing._GivingWayRouter.STEPS:
        assert callable(getattr(Router, step, None)), step
    assert callable(getattr(Planner, "plan", None))


def test_while_lines_are_routed_the_routing_pauses_whenever_the_window_works(window: MainWindow, qtbot) -> None:
    """An event the window handles while the lines are routed (here a handler with much
    Python to do) has the interpreter to itself: the routing thread waits until it is done
    instead of taking turns with it (which made each repaint several times slower)."""
    background = window.scene.background
    click(qtbot, window, window.orgchart_action)
    qtbot.waitUntil(lambda: background._job is not None and background._job.started)
    job = background._job
    waited: list[float] = []

    def busy_handler() -> None:  # a long event handler, in Python, while the thread routes
        waited.append(job.give_way.waited)
        total = 0
        for i in range(2_000_000):
            total += i

    QTimer.singleShot(0, busy_handler)
    qtbot.waitUntil(lambda: bool(waited))
    assert job.thread.is_alive() or job.give_way.waited > waited[0]
    qtbot.waitUntil(lambda: job.give_way.waited > waited[0], timeout=20000)  # it gave way to the handler
    routed(qtbot, window)
    assert_canvas_shows(window, window.document.model)


def test_an_opened_models_lines_are_routed_from_when_the_window_is_first_idle(window: MainWindow, qtbot) -> None:
    """Routing in the worker thread from the moment of opening took the interpreter from the
    window while it painted the cards and filled the docks: it waits for the first idle turn."""
    window.document.replace_model(generate_model(300, seed=8), None)
    background = window.scene.background
    assert background.pending and not background._job.started  # not yet: the window first
    assert not window.scene.dependencies.isVisible()  # no stale line meanwhile
    qtbot.waitUntil(lambda: not background.pending)
    assert window.scene.dependencies.isVisible()
    assert_canvas_shows(window, window.document.model)


def test_an_opened_models_routing_waits_for_the_docks_refreshes(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:
    """The first time the loop comes to wait after an open, the docks' refreshes (zero-time
    timers) are still due: a routing begun there shared the interpreter with them. It begins
    once the outline and the analysis dock hold the new model's rows."""
    from orgmodel.formats.native import save

    path = tmp_path / "big.orgmodel"
    save(generate_model(300, seed=9), path)
    seen: list[tuple[int, int]] = []
    real = background_routing._Job.begin

    def begin(job) -> None:
        if not job.started:
            seen.append((window.outline.rows.rowCount(), window.analysis_dock.revenue_model.rowCount()))
        real(job)

    monkeypatch.setattr(background_routing._Job, "begin", begin)
    window.document.new()
    qtbot.waitUntil(lambda: window.outline.rows.rowCount() == 0 or window.analysis_dock.revenue_model.rowCount() == 0)
    window.open_path(str(path))
    qtbot.waitUntil(lambda: not window.scene.background.pending, timeout=20000)
    assert len(seen) == 1
    outline_rows, revenue_rows = seen[0]
    assert outline_rows > 0 and revenue_rows > 0
    assert_canvas_shows(window, window.document.model)


def test_an_opened_models_routing_begins_even_when_the_loop_never_comes_to_wait(window: MainWindow, qtbot) -> None:
    """A caller that only spins ``processEvents`` (never waiting for events) still gets its
    lines: the routing begins IDLE_START_S after the first turn at the latest."""
    window.document.replace_model(generate_model(300, seed=10), None)
    background = window.scene.background
    deadline = 200
    while background.pending and deadline:
        QApplication.processEvents()
        threading.Event().wait(0.05)
        deadline -= 1
    assert not background.pending
    assert_canvas_shows(window, window.document.model)


def test_once_the_lines_are_routed_a_drag_never_waits_for_the_window_itself(window: MainWindow, qtbot) -> None:
    """The routed router becomes the scene's: the window then calls it on each edit, and it
    must no longer give way to the window (that is, to itself: a sleep per half millisecond
    of its own work, every edit after a big model's routing several times slower)."""
    model, scene = window.document.model, window.scene
    click(qtbot, window, window.orgchart_action)
    qtbot.waitUntil(lambda: scene.background._job is not None)
    give_way = scene.background._job.give_way
    routed(qtbot, window)
    waited = give_way.waited
    uid = next(u for u in model.unit_ids() if model.dependencies_of(u))
    drag(window, uid, 10, QPoint(12, 8))
    qtbot.waitUntil(lambda: not scene.routing_pending())
    assert model.unit(uid).x == scene.cards[uid].x()
    assert give_way.waited == waited  # the window never waited for itself
    assert_canvas_shows(window, model, exact=False)


def test_once_the_lines_are_routed_after_an_edit_the_window_rests(window: MainWindow, qtbot) -> None:
    """No timer keeps the window busy after the lines are routed (a busy window would also
    hold up every later routing, which gives way to it): the event loop goes to sleep."""
    from PySide6.QtCore import QAbstractEventDispatcher

    model, scene = window.document.model, window.scene
    click(qtbot, window, window.orgchart_action)
    routed(qtbot, window)
    drag(window, next(u for u in model.unit_ids() if model.dependencies_of(u)), 10, QPoint(12, 8))
    qtbot.waitUntil(lambda: not scene.routing_pending())
    rests: list[bool] = []
    dispatcher = QAbstractEventDispatcher.instance()

    def rest() -> None:
        rests.append(True)

    dispatcher.aboutToBlock.connect(rest)
    try:
        qtbot.waitUntil(lambda: bool(rests))
    finally:
        dispatcher.aboutToBlock.disconnect(rest)
    assert not scene.background._timer.isActive() and not scene.deferred.active()
