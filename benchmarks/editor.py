"""Benchmark: the editor on a generated 10,000-unit, ~30,000-dependency model.

Run: ``python3 benchmarks/editor.py [--units 10000]`` (uses Qt's offscreen platform unless a
display is set). Prints, with medians and 95th percentiles over repeated runs:

* parse floor: ``json.loads`` of the file text alone;
* open → first painted frame: ``Document.open`` (read, validate, build the model, the live
  analysis and the scene), fit to content, and one synchronous repaint of the viewport;
* repaint at fit-to-content: one full synchronous viewport repaint;
* drag: one mouse-move event on a dragged card, including the repaint it causes;
* analysis refresh after adding one dependency: ``LiveAnalysis`` alone, and the whole edit
  (undo command, model, scene line, analysis).

Targets (2-core machine): open < 1 s and < 30x parse; repaint < 0.4 s; drag < 30 ms per
move; analysis refresh < 20 ms at the 95th percentile.

``python3 benchmarks/editor.py --layout [--code DIR ...] [--sizes 1000 10000]`` instead times
applying a layout and undoing it as a person does: the toolbar's Org Chart and Office Bands
actions, then Undo, in an offscreen MainWindow, until the window answers again (CPU time of
the process and of the interface thread, and wall time) and until every line is routed
(wall time; later than the first when a big model's lines are routed in a worker thread),
medians. Each checkout (``--code``, default this one) runs in a child process of its own,
checkouts alternating; a size is skipped for a checkout whose smaller size, scaled up
linearly (a lower bound: the old code was superlinear), would exceed ``--budget`` seconds.
Target: apply and undo at 10,000 units <= 1 s each.

``python3 benchmarks/editor.py --sizes 10000 50000 [--code DIR] [--window-repeat 3]`` instead
measures the whole window at each size, each size in a process of its own (and, with
``--code DIR``, the checkout in DIR — e.g. the base commit from ``git archive`` — in
processes of its own, side by side), as CPU-time medians:

* open → first paint: ``Document.open`` and one synchronous repaint of the viewport;
* open → idle window: from the same start until the event loop, with nothing left to do,
  is about to wait (``QAbstractEventDispatcher.aboutToBlock``) and the outline and analysis
  docks hold their rows: docks, first paints and every deferred refresh included (CPU of
  the process, so a routing thread's share counts; and wall time);
* open → every line routed (wall): until a big model's lines, routed in a worker thread
  (``ui.canvas.background_routing``), are drawn;
* rename in the Properties dock: text typed, Return, until the window is idle again;
* move one unit (a ``Move`` command, as a drag ends), until idle again; and until every line
  is routed (the lines that need the router's grid search are routed once the window is
  idle after the edit, a turn at a time, and not drawn meanwhile: ``deferred_routing``);
* peak memory: ``ru_maxrss`` of a process that opens the model once and makes those edits.

Targets at 50,000 units: idle window <= 4 s, an edit <= 50 ms, peak memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import isolated_home  # noqa: F401  (first: Qt's settings and autosaves go to a temporary home)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
#: The checkout to import orgmodel and ui from (a child of ``--layout`` runs another one).
sys.path.insert(0, os.environ.get("ORGMODEL_BENCH_CODE", str(ROOT)))

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from orgmodel.formats.native import read_text, save  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    add_window_arguments(parser)
    args = parser.parse_args()
    if args.sizes or args.window_child:
        window_report(args)
        return
    app = QApplication.instance() or QApplication([])
    from ui.window.main_window import MainWindow

    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "big.orgmodel")
    model = generate_model(args.units, dense=True, seed=3)
    save(model, path)
    text = read_text(path)
    print(f"model: {len(model):,} units, {model.dependency_count:,} dependencies, {model.reporting_line_count:,} reporting lines")

    parse = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        json.loads(text)
        parse.append(time.perf_counter() - start)

    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    viewport = window.view.viewport()
    opens = []
    for _ in range(args.repeat):
        window.document.new()
        app.processEvents()
        start = time.perf_counter()
        window.document.open(path)
        window.view.fit_to_content()
        viewport.repaint()
        opens.append(time.perf_counter() - start)
        app.processEvents()

    window.view.fit_to_content()
    app.processEvents()
    repaints = []
    for _ in range(args.repeat * 2):
        start = time.perf_counter()
        viewport.repaint()
        repaints.append(time.perf_counter() - start)

    # Drag the most connected card of the visible area, as a person would: at the zoom
    # people work at (100%) and at fit-to-content (every card a 2-pixel block).
    model = window.document.model
    uid = max(model.unit_ids()[:2000], key=lambda u: len(model.dependencies_of(u)) + len(model.dependents_of(u)))
    card = window.scene.cards[uid]
    window.selection.set([uid])
    app.processEvents()

    def send(kind: QEvent.Type, at: QPoint, buttons) -> None:
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, QPointF(at), QPointF(viewport.mapToGlobal(at)), button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    def drag_times() -> list[float]:
        pos = window.view.mapFromScene(card.scenePos() + QPointF(90, 32))
        send(QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.LeftButton)
        app.processEvents()
        times = []
        for i in range(1, 61):
            at = pos + QPoint(i * 3, i * 2)
            start = time.perf_counter()
            send(QEvent.Type.MouseMove, at, Qt.MouseButton.LeftButton)
            app.processEvents()  # the repaint the move scheduled
            times.append(time.perf_counter() - start)
        send(QEvent.Type.MouseButtonRelease, at, Qt.MouseButton.NoButton)
        app.processEvents()
        return times

    window.view.set_zoom(1.0)
    window.view.centerOn(card)
    app.processEvents()
    moves_100 = drag_times()
    window.view.fit_to_content()
    app.processEvents()
    moves_fit = drag_times()
    print(f"dragged unit: {uid} with {len(model.dependencies_of(uid)) + len(model.dependents_of(uid))} dependencies")

    rng = random.Random(5)
    ids = model.unit_ids()
    whole = []
    for _ in range(200):
        while True:
            a, b = rng.choice(ids), rng.choice(ids)
            if a != b and not model.has_dependency(a, b):
                break
        start = time.perf_counter()
        window.document.add_dependency(a, b)
        app.processEvents()  # the highlight and docks refresh
        whole.append(time.perf_counter() - start)
    # The analysis alone, on a model with nothing else listening.
    from orgmodel.analysis.live import LiveAnalysis

    bare = generate_model(args.units, dense=True, seed=3)
    tracker = LiveAnalysis(bare)
    bare_ids = bare.unit_ids()
    listener_times: list[float] = []
    for _ in range(200):
        while True:
            a, b = rng.choice(bare_ids), rng.choice(bare_ids)
            if a != b and not bare.has_dependency(a, b):
                break
        start = time.perf_counter()
        bare.add_dependency(a, b)  # the listener runs synchronously inside
        tracker.support_count(tracker.revenue_units[0])  # and a query after it
        listener_times.append(time.perf_counter() - start)
    tracker.detach()

    floor = statistics.median(parse)
    rows = [
        ("parse floor (json.loads)", parse, None),
        ("open → first painted frame", opens, "< 1 s and < 30x parse"),
        ("repaint at fit-to-content", repaints, "< 400 ms"),
        ("drag at 100%: one mouse move + repaint", moves_100, "< 30 ms"),
        ("drag at fit-to-content: move + repaint", moves_fit, "< 30 ms"),
        ("add dependency: model + LiveAnalysis", listener_times, "< 20 ms p95"),
        ("add dependency: whole edit in the editor", whole, "(command, scene, analysis, docks)"),
    ]
    print(f"{'measure':40} {'median':>11} {'p95':>11} {'max':>11}  target")
    for name, values, target in rows:
        print(f"{name:40} {ms(statistics.median(values))} {ms(p95(values))} {ms(max(values))}  {target or ''}")
    print("(a drag's first move takes the picture of what stays put: that is its max)")
    print(f"open / parse floor: {statistics.median(opens) / floor:.1f}x")
    window.document.undo_stack.setClean()
    window.close()


# -- applying a layout, and undoing it ---------------------------------------------------

LAYOUT_ACTIONS = (("orgchart", "org chart"), ("bands", "office bands"))


def routing_pending(window) -> bool:
    """Whether the window's dependency lines are still being routed in the background
    (never, in a checkout that routes in the interface thread)."""
    pending = getattr(window.scene, "routing_pending", None)  # a whole routing, or an edit's hard lines
    if pending is not None:
        return bool(pending())
    background = getattr(window.scene, "background", None)
    return bool(background is not None and background.pending)


def until_routed(app, window) -> None:
    """Until every line is routed and painted (the first paint of new lines indexes them),
    waiting in a nested event loop as an idle window waits for a person: a timer looks
    every ``ROUTED_POLL_MS`` whether the routing is done.

    (Spinning ``processEvents`` + sleep instead made the interface thread look busy, and
    the routing thread, which gives way to a busy window (``ui.editing.give_way``), took
    longer than in front of a person. A nested loop once left the 50k child busy for over
    8 minutes: ``measure_window``'s ``aboutToBlock`` handler called ``quit()`` on its own
    loop, not running then, and ``QEventLoop.quit`` interrupts the thread's event
    dispatcher whatever loop runs: the nested loop woke at once, was about to block again,
    and so on, at 100% CPU, while the routing thread waited for a window that never
    rested. That handler now quits only a running loop.)"""
    if not routing_pending(window):
        return
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer(interval=ROUTED_POLL_MS, timeout=lambda: None if routing_pending(window) else loop.quit())
    poll.start()
    loop.exec()
    poll.stop()
    window.view.viewport().repaint()


#: How often :func:`until_routed` looks whether the routing is done (milliseconds).
ROUTED_POLL_MS = 20


#: While a layout's lines are routed, the benchmark's stand-in for a person: a timer ticking
#: this often (each tick is an event the window must process) that also asks for a repaint
#: of the view every ``REPAINT_EVERY`` ticks (as scrolling would).
TICK_MS = 10
REPAINT_EVERY = 10


def runqueue_wait() -> float:
    """Seconds this thread has waited for a processor while ready to run (Linux; 0 elsewhere):
    on a machine shared with other busy processes, the part of a wall time that is theirs."""
    try:
        with open("/proc/thread-self/schedstat") as handle:
            return int(handle.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class Watch:
    """After a toolbar action returns, runs the event loop and notes (perf_counter) when the
    window answered — a timer posted after the action fired, and a repaint of the view that
    began after the action completed (a timer posted from inside that paint then fired) —
    and when every line was routed and painted. Meanwhile a timer ticks every ``TICK_MS``
    (and asks for a repaint now and then): the longest gap between its ticks is how long
    input would have waited (the action itself, run before the loop, counts as a gap)."""

    def __init__(self, app, window) -> None:
        from PySide6.QtCore import QEventLoop, QObject, QTimer

        self.app, self.window = app, window
        self.viewport = window.view.viewport()
        self.loop = QEventLoop()
        watch = self

        class PaintSpy(QObject):
            def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
                if event.type() == QEvent.Type.Paint and watch.armed:
                    QTimer.singleShot(0, watch.painted)
                return False

        self.spy = PaintSpy()
        self.viewport.installEventFilter(self.spy)
        self.ticker = QTimer(interval=TICK_MS, timeout=self.tick)
        self.armed = False

    def run(self, act) -> dict[str, float]:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.tick_queued: list[float] = []  # the interface thread's runqueue_wait() at each tick
        self.answered = self.routed = 0.0
        self.posted_done = self.paint_done = self.lines_shown = False
        self.queued = runqueue_wait()
        start = time.perf_counter()
        act()
        self.acted = time.perf_counter()
        self.armed = True
        self.viewport.update()
        QTimer.singleShot(0, self.posted)
        self.ticker.start()
        self.ticks.append(self.acted)
        self.tick_queued.append(runqueue_wait())
        self.loop.exec()
        self.ticker.stop()
        self.armed = False
        gaps = [b - a for a, b in zip([start] + self.ticks, self.ticks)]
        during = [b - a for a, b in zip(self.ticks, self.ticks[1:]) if a >= self.answered]
        # The same gaps less the time the interface thread waited for a processor meanwhile.
        net = [(b - a) - (qb - qa) for a, b, qa, qb in zip(self.ticks, self.ticks[1:], self.tick_queued, self.tick_queued[1:])
               if a >= self.answered]
        return {
            "wall": self.answered - start,
            "queued": self.queued,
            "routed": self.routed - start,
            "gap": max(gaps),
            "gap after": max(during, default=0.0),
            "gap after net": max(net, default=0.0),
        }

    def posted(self) -> None:
        self.posted_done = True
        self.check()

    def painted(self) -> None:
        self.paint_done = True
        self.check()

    def tick(self) -> None:
        self.ticks.append(time.perf_counter())
        self.tick_queued.append(runqueue_wait())
        if len(self.ticks) % REPAINT_EVERY == 0:
            self.viewport.update()
        self.check()

    def check(self) -> None:
        if not self.answered and self.posted_done and self.paint_done:
            self.answered = time.perf_counter()
            self.queued = runqueue_wait() - self.queued
            self.paint_done = False
        if self.answered and not self.routed and not routing_pending(self.window):
            if not self.lines_shown:  # then the routed lines' first paint (it indexes them)
                self.lines_shown, self.paint_done = True, False
                self.viewport.update()
            elif self.paint_done:
                self.routed = time.perf_counter()
                self.loop.quit()


def layout_child(units: int, repeat: int) -> dict[str, list[float]]:
    """In this process: for each toolbar layout and its Undo (see :class:`Watch`): CPU
    seconds of the whole process and of the interface thread until the window answered,
    the wall seconds until then and until every line was routed and painted, and the
    longest gaps between ticks (overall, and after the window answered). Also the CPU of
    the autosave the layout ends with (part of the apply)."""
    app = QApplication.instance() or QApplication([])
    from ui.window.main_window import MainWindow

    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "big.orgmodel")
    save(generate_model(units, dense=True, seed=3), path)
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.document.open(path)
    window.view.fit_to_content()
    app.processEvents()
    until_routed(app, window)
    model = window.document.model
    before = {u.id: (u.x, u.y) for u in model.units()}
    autosave, autosave_times = window.autosave_now, []

    def timed_autosave() -> None:
        start = time.process_time()
        autosave()
        autosave_times.append(time.process_time() - start)

    window.autosave_now = timed_autosave
    times: dict[str, list[float]] = {}
    watch = Watch(app, window)

    def timed(name: str, act) -> None:
        cpu, gui = time.process_time(), time.thread_time()
        marks = {}

        def answered_cpu() -> None:  # the CPU clocks when the window answered
            if watch.answered and not marks:
                marks.update(cpu=time.process_time() - cpu, gui=time.thread_time() - gui)

        check = watch.check
        watch.check = lambda: (check(), answered_cpu())
        figures = watch.run(act)
        watch.check = check
        times.setdefault(name, []).append(marks["cpu"])
        times.setdefault(name + " gui", []).append(marks["gui"])
        for key, value in figures.items():
            times.setdefault(f"{name} {key}", []).append(value)

    for _ in range(repeat):
        for style, _title in LAYOUT_ACTIONS:
            action = window.orgchart_action if style == "orgchart" else window.bands_action
            timed(style, action.trigger)
            if window.document.undo_stack.count() != 1:
                raise SystemExit(f"{style}: expected one undo step, got {window.document.undo_stack.count()}")
            timed(style + " undo", window.undo_action.trigger)
            if {u.id: (u.x, u.y) for u in model.units()} != before:
                raise SystemExit(f"{style}: undo did not restore every position")
            window.document.undo_stack.clear()
    times["autosave"] = autosave_times
    window.document.undo_stack.setClean()
    window.close()
    return times


def layout_figures(codes: list[str], sizes: list[int], repeat: int, budget: float) -> None:
    """Run :func:`layout_child` per checkout and size, alternating checkouts; print medians."""
    import subprocess

    results: dict[tuple[str, int], dict[str, float] | str] = {}
    for size in sorted(sizes):
        for code in codes:
            smaller = [(n, results[(code, n)]) for n in sorted(sizes) if n < size and isinstance(results.get((code, n)), dict)]
            if smaller:
                n, figures = smaller[-1]
                projected = max(figures.values()) * size / n
                if projected > budget:
                    results[(code, size)] = f"skipped: at least {projected:.0f} s per step (from {n:,} units)"
                    continue
            env = dict(os.environ, ORGMODEL_BENCH_CODE=code, PYTHONPATH=code)
            command = [sys.executable, __file__, "--layout-child", str(size), "--repeat", str(repeat)]
            done = subprocess.run(command, env=env, capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"{code} at {size:,} units failed:\n{done.stderr}")
            runs = json.loads(done.stdout.strip().splitlines()[-1])
            results[(code, size)] = {name: statistics.median(values) for name, values in runs.items() if values}
    names = [name for style, _ in LAYOUT_ACTIONS for name in (style, style + " undo")]
    print(f"apply a layout (toolbar) and Undo, offscreen MainWindow: medians of {repeat}")
    print("  answers: until a timer posted after the action fired and a repaint of the view completed")
    print("    (CPU of the process / of the interface thread / wall, and of that wall the time the")
    print("    interface thread waited for a processor while ready to run: other processes' share);")
    print("  routed: wall time until every line is routed and painted;")
    print(f"  gap: longest wait of a {TICK_MS} ms timer (the action included) / after the window answered,")
    print(f"    while the lines are routed (a repaint asked every {TICK_MS * REPAINT_EVERY} ms), and the longest of")
    print("    those less the time the interface thread waited for a processor meanwhile (not queued)")
    for size in sorted(sizes):
        for code in codes:
            figures = results[(code, size)]
            if isinstance(figures, str):
                print(f"{size:>7,}  {figures}  {code}")
                continue
            print(f"{size:>7,} units, autosave {figures.get('autosave', 0.0):.3f}s CPU, {code}")
            for name in names:
                print(f"    {name:14} answers {figures[name]:6.3f}s CPU {figures[name + ' gui']:6.3f}s GUI CPU "
                      f"{figures[name + ' wall']:6.3f}s wall ({figures[name + ' queued']:5.3f}s queued) | routed {figures[name + ' routed']:6.3f}s wall | "
                      f"gap {figures[name + ' gap']:6.3f}s / {figures[name + ' gap after']:6.3f}s "
                      f"({figures[name + ' gap after net']:5.3f}s not queued)")
    print("(apply includes the layout, the autosave it ends with, the refit and the repaint; target at 10,000 <= 1 s each)")


def layout_main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="apply a layout and undo it")
    parser.add_argument("--layout", action="store_true")
    parser.add_argument("--layout-child", type=int, metavar="UNITS", help=argparse.SUPPRESS)
    parser.add_argument("--code", action="append", metavar="DIR", help="checkout to time (repeatable; default: this one)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=60.0, help="skip a size projected to take longer per step (s)")
    args = parser.parse_args(argv)
    if args.layout_child:
        print(json.dumps(layout_child(args.layout_child, args.repeat)))
        return
    layout_figures([str(Path(code).resolve()) for code in args.code or [str(ROOT)]], args.sizes, args.repeat, args.budget)


# -- the whole window at 10,000 and 50,000 units (--sizes) ----------------------------------


def add_window_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", type=int, nargs="*", help="measure the whole window at these sizes (e.g. 10000 50000)")
    parser.add_argument("--code", help="another checkout (e.g. the base commit) to measure side by side")
    parser.add_argument("--window-repeat", type=int, default=3, help="opens per process (50,000-unit opens are slow)")
    parser.add_argument("--window-child", help=argparse.SUPPRESS)  # FILE: measure in this process


def window_report(args: argparse.Namespace) -> None:
    """One process per size and checkout; a table with both side by side."""
    if args.window_child:
        measure_window(args.window_child, args.window_repeat)
        return
    import shutil
    import subprocess

    repeat = args.window_repeat
    this = str(Path(__file__).resolve().parent.parent)
    codes = [("base", args.code)] if args.code else []
    codes.append(("now", this))
    folder = tempfile.mkdtemp(prefix="orgmodel-window-bench-")
    rows: list[tuple[str, int, dict[str, dict[str, float]]]] = []
    for size in args.sizes:
        path = os.path.join(folder, f"{size}.orgmodel")
        save(generate_model(size, dense=True, seed=3), path)
        results: dict[str, dict[str, float]] = {}
        for label, code in codes:
            env = dict(os.environ, PYTHONPATH=code, ORGMODEL_BENCH_CODE=code, QT_QPA_PLATFORM="offscreen")

            def child(runs: int) -> dict[str, float]:
                command = [sys.executable, str(Path(__file__).resolve()), "--window-child", path, "--window-repeat", str(runs)]
                output = subprocess.run(command, env=env, cwd=code, check=True, capture_output=True, text=True).stdout
                return json.loads(output.strip().splitlines()[-1])

            results[label] = child(repeat)
            # Peak memory as a person's session has it: one open, then edits (reopening in
            # the same process only raises the high-water mark of freed memory).
            results[label]["peak_mb"] = child(1)["peak_mb"]
        rows.append(("", size, results))
    shutil.rmtree(folder)  # the model files, and the lock files the children left
    labels = [label for label, _ in codes]
    targets = {"open_to_idle": "<= 4 s at 50k", "rename": "<= 50 ms at 50k", "move": "<= 50 ms at 50k", "peak_mb": "<= 1024 MB at 50k"}
    names = {
        "open_to_paint": "open → first paint",
        "open_to_idle": "open → idle window (docks filled)",
        "open_to_idle_wall": "  the same, wall time",
        "open_to_routed_wall": "open → every line routed, wall time",
        "open_collections": "  of which in the cyclic collector",
        "rename": "rename in Properties → idle",
        "move": "move one unit (command) → idle",
        "move_router": "  of which the router (Router.move)",
        "move_rest": "  and the rest (scene, lines, paint)",
        "move_routed": "  the same, until every line routed",
        "peak_mb": "peak memory (ru_maxrss, MB)",
    }
    print(f"CPU-time medians over {repeat} runs; each size and checkout in a process of its own")
    header = f"{'units':>7} {'measure':36}" + "".join(f" {label:>11}" for label in labels) + ("   ratio" if len(labels) == 2 else "") + "  target"
    print(header)
    for _, size, results in rows:
        for key, name in names.items():
            values = [results[label].get(key, float("nan")) for label in labels]
            cells = "".join(f" {v:9.0f}MB" if key == "peak_mb" else f" {ms(v)}" for v in values)
            ratio = f"  {values[0] / values[1]:5.1f}x" if len(values) == 2 and values[1] else ""
            print(f"{size:>7,} {name:36}{cells}{ratio}  {targets.get(key, '')}")


def time_the_router() -> list[float]:
    """Count the CPU time spent in ``Router.move`` (the re-route of a moved card's lines) in
    the returned one-item list, so that a move's time splits into the router's and the rest
    (scene, line layers, repaint); the caller zeroes it before each move."""
    from orgmodel.layout.routing import Router

    spent = [0.0]
    move = Router.move

    def timed_move(self, *args, **kwargs):
        start = time.process_time()
        try:
            return move(self, *args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    Router.move = timed_move
    return spent


def measure_window(path: str, repeat: int) -> None:
    """In this process: open ``path`` ``repeat`` times, then edit; print the medians as JSON."""
    import resource

    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop
    from PySide6.QtTest import QTest

    app = QApplication.instance() or QApplication([])
    from ui.window.main_window import MainWindow

    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    import ui.app

    forget = getattr(ui.app, "forget_module_sources", None)  # as ``ui.app.show`` does (newer checkouts)
    if forget is not None:
        forget()
    loop = QEventLoop()
    filled = [False]

    outline_rows = getattr(window.outline, "rows", None)  # the rows' model (``source`` in older checkouts)
    if outline_rows is None:
        outline_rows = window.outline.source

    def docks_filled() -> bool:
        return outline_rows.rowCount() > 0 and window.analysis_dock.revenue_model.rowCount() > 0

    def about_to_block() -> None:
        # Only a running loop: ``quit()`` wakes the event dispatcher even when the loop is
        # not running, and a nested loop (``until_routed``) would then never rest.
        if loop.isRunning() and (not filled[0] or docks_filled()):
            loop.quit()

    QAbstractEventDispatcher.instance().aboutToBlock.connect(about_to_block)

    def until_idle(need_docks: bool = False) -> None:
        filled[0] = need_docks
        loop.exec()

    import gc

    collecting = [0.0, 0.0]  # seconds in the cyclic collector; when the current pass began

    def on_collect(phase: str, info: dict) -> None:
        if phase == "start":
            collecting[1] = time.perf_counter()
        else:
            collecting[0] += time.perf_counter() - collecting[1]

    gc.callbacks.append(on_collect)
    paints, idles, idle_walls, routed, collections = [], [], [], [], []
    for _ in range(repeat):
        window.document.new()
        until_idle()
        start, wall, collecting[0] = time.process_time(), time.perf_counter(), 0.0
        window.document.open(path)
        window.view.viewport().repaint()
        paints.append(time.process_time() - start)
        until_idle(need_docks=True)
        idles.append(time.process_time() - start)
        idle_walls.append(time.perf_counter() - wall)
        until_routed(app, window)
        routed.append(time.perf_counter() - wall)
        collections.append(collecting[0])

    model = window.document.model
    uid = model.unit_ids()[len(model) // 3]
    window.selection.select_unit(uid)
    until_idle()
    editor = window.properties.name_edit
    renames = []
    for i in range(repeat * 3 + 1):
        editor.setFocus()
        until_idle()
        start = time.process_time()
        editor.setText(f"Renamed unit {i}")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        until_idle()
        renames.append(time.process_time() - start)
    moves, moves_routed, move_routers = [], [], []
    router_time = time_the_router()
    for i in range(repeat * 3 + 1):
        unit = window.document.model.unit(uid)
        router_time[0] = 0.0
        start = time.process_time()
        window.document.move_units({uid: ((unit.x, unit.y), (unit.x + 20.0, unit.y + 10.0))})
        until_idle()
        moves.append(time.process_time() - start)
        move_routers.append(router_time[0])
        until_routed(app, window)  # the lines an edit leaves for just after it
        moves_routed.append(time.process_time() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.document.undo_stack.setClean()
    print(json.dumps({
        "open_to_paint": statistics.median(paints),
        "open_to_idle": statistics.median(idles),
        "open_to_idle_wall": statistics.median(idle_walls),
        "open_to_routed_wall": statistics.median(routed),
        "open_collections": statistics.median(collections),
        "rename": statistics.median(renames[1:]),  # the first builds the lists it then keeps
        "move": statistics.median(moves[1:]),
        "move_router": statistics.median(move_routers[1:]),
        "move_rest": statistics.median([m - r for m, r in zip(moves[1:], move_routers[1:])]),
        "move_routed": statistics.median(moves_routed[1:]),
        "peak_mb": peak,
    }))
    os._exit(0)  # no teardown of 50,000 items: it measures nothing


if __name__ == "__main__":
    if "--layout" in sys.argv or "--layout-child" in sys.argv:
        layout_main(sys.argv[1:])
    else:
        main()
