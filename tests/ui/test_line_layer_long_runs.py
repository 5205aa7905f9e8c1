"""Long runs of a line layer (longer than a few buckets) are kept by row or column and by
stretch, so a repaint visits only the stretches it shows: each visible part is drawn once,
whole, however many stretches the run crosses; hit tests find them anywhere along."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from ui import style
from ui.canvas.items.line_index import LONG
from ui.canvas.items.line_layer import LineLayer


def covered(pieces: dict) -> list[tuple[float, float, float, float]]:
    return sorted((line.x1(), line.y1(), line.x2(), line.y2()) for lines in pieces.values() for line in lines)


def test_a_long_run_is_drawn_once_across_stretches_and_found_along_it(qtbot) -> None:
    layer = LineLayer(style.REPORTING_LINE, dashed=False)
    layer.set_all({("a", "b"): [(10.0, 100.0), (5 * LONG + 10.0, 100.0), (5 * LONG + 10.0, 4 * LONG)]})
    layer._index_all()
    pieces: dict = {}
    layer._long_pieces(pieces, LONG - 300.0, 0.0, 3 * LONG + 200.0, 200.0)  # crosses two stretch borders
    runs = covered(pieces)
    assert sum(x2 - x1 for x1, _, x2, _ in runs) == 2 * LONG + 500.0  # all of it, nothing twice
    assert min(x1 for x1, *_ in runs) == LONG - 300.0 and max(x2 for *_, x2, _ in runs) == 3 * LONG + 200.0
    pieces = {}
    layer._long_pieces(pieces, 5 * LONG, LONG + 5.0, 5 * LONG + 20.0, 2 * LONG + 5.0)  # the vertical run
    runs = covered(pieces)  # in two pieces that meet where the stretches do
    assert {(x1, x2) for x1, _, x2, _ in runs} == {(5 * LONG + 10.0, 5 * LONG + 10.0)}
    assert sum(y2 - y1 for _, y1, _, y2 in runs) == LONG and runs[0][1] == LONG + 5.0 and runs[-1][3] == 2 * LONG + 5.0
    for x, y in [(20.0, 100.0), (2.5 * LONG, 101.0), (5 * LONG + 9.0, 3.5 * LONG)]:
        assert layer.key_at(QPointF(x, y), 4.0) == ("a", "b")
    layer.remove_line(("a", "b"))
    pieces = {}
    layer._long_pieces(pieces, 0.0, 0.0, 6 * LONG, 5 * LONG)
    assert covered(pieces) == [] and layer.key_at(QPointF(2.5 * LONG, 100.0), 4.0) is None
