"""Dependency lines as a person sees them: around the cards, the same in every export."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from conftest import ROOT, SAMPLES
from ui import style
from ui.canvas.export import ExportOptions, export_scene
from ui.canvas.items.unit_card import HEIGHT, WIDTH
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    w.resize(1400, 900)
    w.open_sample(str(SAMPLES / "example_co.orgmodel"))
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def dependency_runs(window: MainWindow) -> dict[tuple[str, str], list[tuple[float, float, float, float]]]:
    layer = window.scene.dependencies
    return {key: [(s.x1(), s.y1(), s.x2(), s.y2()) for s in layer.segments(key)] for key in layer.keys()}


def cards_crossed(window: MainWindow) -> list[tuple]:
    """(line, card) for every run of a dependency line through a card's interior."""
    bad = []
    cards = [(uid, card.x(), card.y()) for uid, card in window.scene.cards.items()]
    for key, runs in dependency_runs(window).items():
        for x1, y1, x2, y2 in runs:
            if x1 != x2 and y1 != y2:
                bad.append((key, "slanted"))
            for uid, x, y in cards:
                if min(x1, x2) < x + WIDTH and max(x1, x2) > x and min(y1, y2) < y + HEIGHT and max(y1, y2) > y:
                    bad.append((key, uid))
    return bad


def drag_card(window: MainWindow, unit_id: str, scene_dx: float, scene_dy: float) -> None:
    card = window.scene.cards[unit_id]
    start = window.view.mapFromScene(card.scenePos() + QPointF(WIDTH / 2, HEIGHT / 2))
    end = window.view.mapFromScene(card.scenePos() + QPointF(WIDTH / 2 + scene_dx, HEIGHT / 2 + scene_dy))
    viewport = window.view.viewport()
    for i, (kind, buttons) in enumerate([(QEvent.Type.MouseButtonPress, LEFT)] + [(QEvent.Type.MouseMove, LEFT)] * 6
                                        + [(QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)]):
        t = min(1.0, i / 6)
        pos = QPointF(start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t)
        QApplication.sendEvent(viewport, QMouseEvent(kind, pos, QPointF(viewport.mapToGlobal(pos.toPoint())), LEFT, buttons,
                                                     Qt.KeyboardModifier.NoModifier))


def test_sample_lines_go_around_every_card_and_never_coincide(window: MainWindow) -> None:
    assert len(dependency_runs(window)) == window.document.model.dependency_count
    assert cards_crossed(window) == []
    runs = [(key, run) for key, key_runs in dependency_runs(window).items() for run in key_runs]
    # No two lines share a stretch: collinear runs of different lines do not overlap.
    for i, (key, (ax1, ay1, ax2, ay2)) in enumerate(runs):
        for other, (bx1, by1, bx2, by2) in runs[i + 1:]:
            if other == key:
                continue
            if ax1 == ax2 == bx1 == bx2:
                assert max(min(ay1, ay2), min(by1, by2)) >= min(max(ay1, ay2), max(by1, by2)), (key, other)
            if ay1 == ay2 == by1 == by2:
                assert max(min(ax1, ax2), min(bx1, bx2)) >= min(max(ax1, ax2), max(bx1, bx2)), (key, other)


def test_lines_follow_a_dragged_card_around_the_others(window: MainWindow) -> None:
    scene, view = window.scene, window.view
    view.set_zoom(0.5)
    view.centerOn(scene.cards["hr"])
    QApplication.processEvents()
    # Drag Human Resources down into the empty space below its row, then back up beside IT.
    drag_card(window, "hr", 0, 400)
    assert window.document.model.unit("hr").y == pytest.approx(scene.cards["hr"].y())
    assert cards_crossed(window) == []
    window.undo_action.trigger()
    assert cards_crossed(window) == []


def svg_dependency_runs(path: Path) -> list[tuple[float, float, float, float]]:
    """The dashed runs an SVG export drew (dependency lines are the dashed ones)."""
    text = path.read_text(encoding="utf-8")
    runs = []
    for group in re.finditer(r"<g ([^>]*)>(.*?)</g>", text, re.S):
        attributes, body = group.groups()
        if "stroke-dasharray" not in attributes:
            continue
        a, b, c, d, e, f = map(float, re.search(r"matrix\(([^)]*)\)", attributes).group(1).split(","))
        for path_data in re.findall(r'<path[^>]* d="([^"]*)"', body):
            points = [tuple(map(float, pair.split(","))) for pair in re.findall(r"[-\d.e]+,[-\d.e]+", path_data)]
            commands = re.findall(r"[ML]", path_data)
            mapped = [(a * x + c * y + e, b * x + d * y + f) for x, y in points]
            for i in range(1, len(mapped)):
                if commands[i] == "L":
                    runs.append((*mapped[i - 1], *mapped[i]))
    return runs


def covered(editor_runs, export_runs, offset: tuple[float, float]) -> tuple[list, list]:
    """Editor runs not drawn by the export, and export pieces not on an editor run (within
    the SVG's rounding), the export shifted by ``offset``."""
    dx, dy = offset
    pieces = [(x1 + dx, y1 + dy, x2 + dx, y2 + dy) for x1, y1, x2, y2 in export_runs]

    def on(piece, run):
        (px1, py1, px2, py2), (rx1, ry1, rx2, ry2) = piece, run
        if abs(rx1 - rx2) < 0.01:  # vertical
            return abs(px1 - rx1) < 0.02 and abs(px2 - rx1) < 0.02 and min(ry1, ry2) - 0.02 <= min(py1, py2) and max(py1, py2) <= max(ry1, ry2) + 0.02
        return abs(py1 - ry1) < 0.02 and abs(py2 - ry1) < 0.02 and min(rx1, rx2) - 0.02 <= min(px1, px2) and max(px1, px2) <= max(rx1, rx2) + 0.02

    stray = [p for p in pieces if not any(on(p, r) for r in editor_runs)]
    missing = []
    for run in editor_runs:
        mine = sorted(p for p in pieces if on(p, run))
        vertical = abs(run[0] - run[2]) < 0.01
        lo, hi = (min(run[1], run[3]), max(run[1], run[3])) if vertical else (min(run[0], run[2]), max(run[0], run[2]))
        reach = lo
        for p in sorted(mine, key=lambda p: min(p[1], p[3]) if vertical else min(p[0], p[2])):
            a, b = (min(p[1], p[3]), max(p[1], p[3])) if vertical else (min(p[0], p[2]), max(p[0], p[2]))
            if a <= reach + 0.02:
                reach = max(reach, b)
        if reach < hi - 0.02:
            missing.append(run)
    return missing, stray


def test_svg_export_draws_exactly_the_editors_lines(window: MainWindow, tmp_path: Path) -> None:
    # Move a card first: the export draws the lines as they are now, not as the file had them.
    window.view.set_zoom(0.5)
    window.view.centerOn(window.scene.cards["payroll"])
    QApplication.processEvents()
    drag_card(window, "payroll", 220, 0)
    editor_runs = [run for runs in dependency_runs(window).values() for run in runs]
    assert cards_crossed(window) == []
    out = tmp_path / "chart.svg"
    export_scene(window.scene, str(out), ExportOptions())
    export_runs = svg_dependency_runs(out)
    offset = (min(min(r[0], r[2]) for r in editor_runs) - min(min(r[0], r[2]) for r in export_runs),
              min(min(r[1], r[3]) for r in editor_runs) - min(min(r[1], r[3]) for r in export_runs))
    assert covered(editor_runs, export_runs, offset) == ([], [])


def test_command_line_export_draws_the_lines_the_editor_opens_with(window: MainWindow, tmp_path: Path) -> None:
    editor_runs = [run for runs in dependency_runs(window).values() for run in runs]
    out = tmp_path / "chart.svg"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(SAMPLES / "example_co.orgmodel"), str(out)],
                   check=True, capture_output=True, text=True, cwd=tmp_path)
    export_runs = svg_dependency_runs(out)
    offset = (min(min(r[0], r[2]) for r in editor_runs) - min(min(r[0], r[2]) for r in export_runs),
              min(min(r[1], r[3]) for r in editor_runs) - min(min(r[1], r[3]) for r in export_runs))
    assert covered(editor_runs, export_runs, offset) == ([], [])


def ink(image: QImage, x: int, y0: int, y1: int) -> int:
    """How much darker than the canvas column x is between y0 and y1 (a line's weight,
    whatever antialiasing spreads it over)."""
    canvas = QColor(style.CANVAS).lightness()
    return sum(max(0, canvas - QColor(image.pixel(x, y)).lightness()) for y in range(y0, y1))


def test_lines_are_not_hairlines_in_a_2x_export(qapp, tmp_path: Path) -> None:
    from orgmodel.model import OrgModel, Unit
    from ui.canvas.scene import OrgScene
    from ui.editing.model_signals import ModelSignals
    from ui.editing.selection import Selection

    model = OrgModel("Two")
    model.add_unit(Unit("a", "A", "front", x=0.0, y=0.0))
    model.add_unit(Unit("b", "B", "back", x=600.0, y=0.0))
    model.add_dependency("a", "b")
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    (run,) = scene.dependencies.segments(("a", "b"))
    y1 = run.y1()
    assert run.y2() == y1  # side by side: one straight run
    weight = {}
    for scale in (1.0, 2.0):
        out = tmp_path / f"x{scale:g}.png"
        export_scene(scene, str(out), ExportOptions(scale=scale, margin=20))
        image = QImage(str(out))
        row = round((y1 + 20) * scale)  # the picture starts 20 units left of and above A
        # The line is dashed: the heaviest of a few columns along it, some of them on a dash.
        weight[scale] = max(ink(image, round((x + 20) * scale), row - 6, row + 7) for x in range(300, 330, 3))
    # Twice the scale, twice the width: a 2x picture is the 1x one, sharper, not hairlines.
    assert weight[1.0] > 100 and weight[2.0] > 1.6 * weight[1.0]


def test_office_bands_layout_draws_no_line_through_a_card(window: MainWindow, qtbot) -> None:
    # Units in one band sit beside their managers: an org-chart elbow would cross the cards.
    window.bands_action.trigger()
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == 1)
    assert cards_crossed(window) == []
    cards = [(card.x(), card.y()) for card in window.scene.cards.values()]
    for key in window.scene.reporting.keys():
        for seg in window.scene.reporting.segments(key):
            x1, y1, x2, y2 = seg.x1(), seg.y1(), seg.x2(), seg.y2()
            assert x1 == x2 or y1 == y2
            for x, y in cards:
                assert not (min(x1, x2) < x + WIDTH and max(x1, x2) > x and min(y1, y2) < y + HEIGHT and max(y1, y2) > y), key


@pytest.mark.parametrize("scale", [0.4, 1.0], ids=["plain", "full-detail"])
def test_export_draws_every_line_whole_where_a_repaint_draws_it(qapp, scale: float) -> None:
    from orgmodel.model import OrgModel, Unit
    from ui.canvas.export import _page_rect, export_state, render_png
    from ui.canvas.items.line_hits import BUCKET
    from ui.canvas.scene import OrgScene
    from ui.editing.model_signals import ModelSignals
    from ui.editing.selection import Selection

    # Lines across several of the repaint's buckets (which cut them at their edges).
    model = OrgModel("Apart")
    for uid, x, y in (("a", 0.0, 0.0), ("b", 2000.0, 0.0), ("c", 0.0, 1200.0), ("d", 2600.0, 1300.0)):
        model.add_unit(Unit(uid, uid.upper(), "front" if uid < "c" else "back", x=x, y=y))
    for source, target in (("a", "b"), ("a", "d"), ("c", "b"), ("b", "c"), ("d", "a")):
        model.add_dependency(source, target)
    model.set_parent("c", "a")
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    options = ExportOptions(scale=scale, margin=40)
    pictures = {}
    for whole in (True, False):
        with export_state(scene, options):
            assert scene.dependencies.whole and scene.reporting.whole  # what an export draws with
            scene.dependencies.whole = scene.reporting.whole = whole
            pictures[whole] = render_png(scene, options).convertToFormat(QImage.Format.Format_RGB32)
        # An export does not index the lines into the repaint's buckets: it draws each once.
        assert scene.dependencies._members is None or not whole
    assert not scene.dependencies.whole  # back to the editor's repaints
    cut, whole = pictures[False], pictures[True]
    assert cut.size() == whole.size()
    page = _page_rect(scene, options)
    # The run from A to B (y = 32) is drawn.
    assert min(QColor(whole.pixel(round((1500 - page.left()) * scale), round((32 - page.top()) * scale) + dy)).lightness() for dy in (-1, 0, 1)) < 200
    # A repaint cuts lines at its buckets' edges (where a dash starts afresh): at full detail
    # (dashed) the same lines run through the same 8-pixel squares; plain, the same pixels.
    block = 8 if scale == 1.0 else 1

    def near_edge(pixel: int, start: float) -> bool:
        at = (pixel / scale + start) % BUCKET
        return min(at, BUCKET - at) <= (3 + block) / scale

    dark = bytes(int(v < 215) for v in range(256))  # darker than the lightest background

    def bands(image: QImage) -> list[bytes]:
        """Each band of ``block`` rows: per column, whether any of its pixels is dark."""
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        bits, width, stride = bytes(grey.constBits()), grey.width(), grey.bytesPerLine()
        out = []
        for y0 in range(0, grey.height(), block):
            inked = 0
            for y in range(y0, min(y0 + block, grey.height())):
                inked |= int.from_bytes(bits[y * stride : y * stride + width].translate(dark), "big")
            out.append(inked.to_bytes(width, "big"))
        return out

    strays = []
    for band, (a, b) in enumerate(zip(bands(cut), bands(whole))):
        if a == b or near_edge(band * block, page.top()):
            continue
        for x in {i // block for i in range(len(a)) if a[i] != b[i]}:
            x0 = x * block
            if not near_edge(x0, page.left()) and any(a[x0 : x0 + block]) != any(b[x0 : x0 + block]):
                strays.append((x0, band * block))
    assert strays == []


def test_an_exports_arrowheads_are_the_editors(qapp) -> None:
    from ui.canvas.items.line_shapes import arrow_head, heads_path

    # Routed lines end in runs right, left, down or up (looked-up heads); a slanted one too.
    lines = [[(0.0, 0.0), (350.5, 0.0)], [(900.0, 40.0), (120.25, 40.0)], [(5.0, 5.0), (5.0, 1e6 + 0.5)],
             [(7.0, 300.0), (7.0, -2.5)], [(0.0, 0.0), (30.0, 40.0)]]
    path = heads_path(lines)
    drawn = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    expected = [(p.x(), p.y()) for pts in lines for head in arrow_head(QPointF(*pts[-1]), QPointF(*pts[-2])) for p in (head.p1(), head.p2())]
    assert drawn == expected
