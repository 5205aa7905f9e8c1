"""Long runs of a line layer (longer than a few buckets) are kept by row or column and by
stretch, each stretch's part cached as a path, so a repaint visits only the stretches it
shows: every part of a run is drawn once, however many stretches it crosses; a moved line
leaves its old stretches; hit tests find a run anywhere along it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from ui import style
from ui.canvas.items.line_index import LONG
from ui.canvas.items.line_layer import LineLayer


def drawn_length(layer: LineLayer, area: QRectF) -> float:
    """How much line the long-run paths of the slots painting ``area`` hold."""
    return sum(path.length() for slot in layer._long_slots(area) for path in layer._slot_paths(slot).values())


def test_a_long_run_is_drawn_once_across_stretches_and_found_along_it(qtbot) -> None:
    layer = LineLayer(style.REPORTING_LINE, dashed=False)
    route = [(10.0, 100.0), (5 * LONG + 10.0, 100.0), (5 * LONG + 10.0, 4 * LONG)]
    layer.set_all({("a", "b"): route})
    layer._index_all()
    everything = QRectF(0.0, 0.0, 6 * LONG, 5 * LONG)
    assert drawn_length(layer, everything) == 5 * LONG + (4 * LONG - 100.0)  # each part once
    assert drawn_length(layer, QRectF(LONG + 5.0, 0.0, 10.0, 200.0)) == LONG  # its own stretch only
    for x, y in [(20.0, 100.0), (2.5 * LONG, 101.0), (5 * LONG + 9.0, 3.5 * LONG)]:
        assert layer.key_at(QPointF(x, y), 4.0) == ("a", "b")
    layer.set_line(("a", "b"), [(10.0, 2000.0), (2 * LONG, 2000.0)])  # moved: one row, two stretches
    assert drawn_length(layer, everything) == 2 * LONG - 10.0
    assert layer.key_at(QPointF(2.5 * LONG, 100.0), 4.0) is None
    layer.remove_line(("a", "b"))
    assert drawn_length(layer, everything) == 0.0 and layer.key_at(QPointF(LONG, 2000.0), 4.0) is None
