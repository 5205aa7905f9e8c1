"""A bucket's cached paths draw each stretch of a shared track once, and a changed line makes
them again from the pieces of the others, without cutting every line in the bucket again."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from ui import style
from ui.canvas.items import line_paint, line_tracks
from ui.canvas.items.line_index import BUCKET, LONG
from ui.canvas.items.line_layer import LineLayer
from ui.canvas.items.line_paint import NORMAL


def shared_track_lines() -> dict:
    """Six lines sharing one row over overlapping stretches, and one column; one long run
    (kept by row) sharing a row with another long run."""
    lines = {("row", i): [(100.0 + 60.0 * i, 300.0), (400.0 + 60.0 * i, 300.0), (400.0 + 60.0 * i, 900.0)] for i in range(6)}
    lines[("long", 0)] = [(10.0, 500.0), (2.5 * LONG, 500.0)]
    lines[("long", 1)] = [(LONG, 500.0), (3.5 * LONG, 500.0)]
    return lines


def painted(layer: LineLayer, zoom: float) -> QImage:
    """The layer painted plainly (zoomed out) or dashed, as the view would at ``zoom``."""
    scene = QGraphicsScene()
    scene.addItem(layer)
    image = QImage(round(4 * LONG * zoom), round(1200 * zoom), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), QRectF(0.0, 0.0, 4 * LONG, 1200.0))
    painter.end()
    scene.removeItem(layer)
    return image


def test_lines_on_one_track_are_drawn_once_where_they_overlap(qapp) -> None:
    layer = LineLayer(style.DEPENDENCY_LINE, dashed=True, arrows=True)
    layer.set_all(shared_track_lines())
    painted(layer, 0.2)  # zoomed out: plain lines, merged
    row = layer._cell_paths((0, 0))[NORMAL]
    horizontal = [(row.elementAt(i).x, row.elementAt(i + 1).x) for i in range(0, row.elementCount(), 2)
                  if row.elementAt(i).y == row.elementAt(i + 1).y == 300.0]
    assert horizontal == [(100.0, 400.0 + 60.0 * 5)]  # six overlapping runs: one
    long_runs = [path for slot in layer._long_slots(QRectF(0.0, 0.0, 4 * LONG, 1200.0)) for path in layer._slot_paths(slot).values()]
    assert sum(path.length() for path in long_runs) == 3.5 * LONG - 10.0  # the overlap of the two, once
    # Dashed (zoomed in) too: one run, one dash pattern (a changed line repaints the track
    # across its bucket, where the run's dashes may shift: see test_line_repaint).
    painted(layer, 0.5)
    row = layer._cell_paths((0, 0))[NORMAL]
    assert sum(1 for i in range(0, row.elementCount(), 2) if row.elementAt(i).y == row.elementAt(i + 1).y == 300.0) == 1


def test_a_changed_line_cuts_only_itself_again(qapp, monkeypatch) -> None:
    layer = LineLayer(style.REPORTING_LINE, dashed=False)
    lines = {("l", i): [(float(i), 10.0 + i), (float(i), 900.0), (800.0, 900.0)] for i in range(200)}
    layer.set_all(lines)
    before = painted(layer, 0.25)
    cut: list = []
    real = line_paint.cut_to
    monkeypatch.setattr(line_paint, "cut_to", lambda pts, *edges: cut.append(pts) or real(pts, *edges))
    moved = [(500.0, 10.0), (500.0, BUCKET - 100.0), (900.0, BUCKET - 100.0)]
    layer.set_line(("l", 7), moved)
    after = painted(layer, 0.25)
    assert cut == [moved]  # the other 199 lines' pieces were kept
    assert after != before
    fresh = LineLayer(style.REPORTING_LINE, dashed=False)
    fresh.set_all({**lines, ("l", 7): moved})
    assert painted(fresh, 0.25) == after


def test_a_changed_long_run_makes_again_only_the_few_runs_beside_it(qapp, monkeypatch) -> None:
    """A crowded row of long runs (at 50,000 units a slot holds up to 7,000): when one run
    changes, its slot's paths are made again from its band of the row alone, a few runs, not
    a sixteenth of them all (120 runs read here before); and only its own runs are cut to
    the stretches again (the others' pieces are kept: its whole band's were cut again)."""
    layer = LineLayer(style.DEPENDENCY_LINE, dashed=True)
    lines = {("r", i): [(10.0 + i, 2.0 + 1.6 * i), (2.5 * LONG, 2.0 + 1.6 * i)] for i in range(600)}
    layer.set_all(lines)
    painted(layer, 0.5)
    read: list = []
    real = line_tracks.stretch_pieces
    monkeypatch.setattr(line_tracks, "stretch_pieces", lambda runs, *rest: read.append(runs) or real(runs, *rest))
    made: list = []
    real_path = line_tracks.track_path
    monkeypatch.setattr(line_tracks, "track_path", lambda lines: made.append(len(lines)) or real_path(lines))
    moved = [(200.0, 2.0 + 1.6 * 300), (2.0 * LONG, 2.0 + 1.6 * 300)]  # along its own track
    layer.set_line(("r", 300), moved)
    after = painted(layer, 0.5)
    assert [list(runs) for runs in read] == [[(200.0, 482.0, 2.0 * LONG, 482.0)]] * 3  # its run, in the 3 stretches it meets
    assert 0 < sum(made) <= 3 * 600 // 40  # its band's runs, in each of those stretches
    monkeypatch.setattr(line_tracks, "stretch_pieces", real)
    fresh = LineLayer(style.DEPENDENCY_LINE, dashed=True)
    fresh.set_all({**lines, ("r", 300): moved})
    assert painted(fresh, 0.5) == after
