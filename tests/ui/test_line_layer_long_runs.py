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


def test_zoomed_out_over_a_wide_chart_the_stretches_are_taken_many_at_a_time(qtbot) -> None:
    """An org chart 200 stretches wide, seen whole: each row's runs are cut into a few coarse
    stretches, not into every stretch they cross (a 10,000-unit org chart froze the window 11 s
    building 3.7 million pieces); still each part drawn once, and a change to a line reaches
    the coarse paths it is in."""
    from ui.canvas.items.line_index import STRETCHES_IN_VIEW

    layer = LineLayer(style.REPORTING_LINE, dashed=False)
    width = 200 * LONG
    lines = {("r", str(row)): [(5.0, 100.0 + row * 1100.0), (width - 5.0, 100.0 + row * 1100.0)] for row in range(10)}
    lines[("v", "0")] = [(300.0, 50.0), (300.0, 12 * LONG)]
    # Two long runs of one line on one row, the second starting inside a coarse stretch.
    lines[("u", "0")] = [(5.0, 12200.0), (30 * LONG, 12200.0), (30 * LONG, 12250.0), (60 * LONG + 7.0, 12250.0)]
    u_length = (30 * LONG - 5.0) + (30 * LONG + 7.0)
    layer.set_all(lines)
    layer._index_all()
    whole = QRectF(0.0, 0.0, width, 12 * LONG)
    slots = layer._long_slots(whole)
    rows = [slot for slot in slots if slot[0] == "h"]
    assert all(len(slot) == 4 for slot in rows) and len(rows) <= 10 * (STRETCHES_IN_VIEW + 1)
    pieces = sum(path.elementCount() for slot in slots for path in layer._slot_paths(slot).values()) // 2
    assert pieces < 11 * 200 / 4  # at least 4 stretches at a time, where one at a time made 2,000
    assert drawn_length(layer, whole) == 10 * (width - 10.0) + (12 * LONG - 50.0) + u_length  # each part once
    assert drawn_length(layer, QRectF(LONG + 5.0, 0.0, 10.0, 200.0)) == LONG  # zoomed in: fine slots
    layer.set_line(("r", "3"), [(5.0, 3400.0), (LONG * 50, 3400.0)])
    assert drawn_length(layer, whole) == 9 * (width - 10.0) + (LONG * 50 - 5.0) + (12 * LONG - 50.0) + u_length
    layer.set_selected({("r", "4")})  # a new look: the coarse paths holding it are made again
    selected = sum(path.length() for slot in layer._long_slots(whole) for category, path in layer._slot_paths(slot).items() if category == 3)
    assert selected == width - 10.0


def test_coarse_and_fine_stretches_draw_the_same_picture(qtbot, monkeypatch) -> None:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene

    from ui.canvas.items import line_index

    layer = LineLayer(style.REPORTING_LINE, dashed=False)
    width = 120 * LONG
    lines = {("r", str(row)): [(5.0 + row * 700.0, 100.0 + row * 900.0), (width - row * 3000.0, 100.0 + row * 900.0),
                               (width - row * 3000.0, 20 * LONG)] for row in range(12)}
    layer.set_all(lines)
    scene = QGraphicsScene()
    scene.addItem(layer)

    def picture() -> QImage:
        layer._paths.clear()
        image = QImage(1200, 400, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, 1200, 400), QRectF(0.0, 0.0, width, 20 * LONG))
        painter.end()
        return image

    coarse = picture()
    assert any(len(slot) == 4 for slot in layer._paths)
    blank = QImage(1200, 400, QImage.Format.Format_ARGB32)
    blank.fill(0xFFFFFFFF)
    assert coarse != blank
    monkeypatch.setattr(line_index, "STRETCHES_IN_VIEW", 10**9)
    fine = picture()
    assert not any(len(slot) == 4 for slot in layer._paths)
    assert coarse == fine


def test_a_long_runs_stretches_share_one_entry() -> None:
    """A run is indexed in every stretch it meets; each stretch holds the very same tuple
    of it (one tuple per stretch was 50 MB of a 50,000-unit model's index)."""
    from ui.canvas.items.line_index import index_lines, slot_runs

    members, cells_of, long, long_of = index_lines({("a", "b"): [(10.0, 100.0), (9 * LONG + 10.0, 100.0)]})
    entries = [long[slot][("a", "b")] for slot in long_of[("a", "b")]]
    assert len(entries) == 11 and all(entry is entries[0] for entry in entries)  # 10 stretches and where it starts
    assert entries[0] == ((10.0, 100.0, 9 * LONG + 10.0, 100.0),)
    assert slot_runs(long, ("h", 0, 0, 4)) == {("a", "b"): entries[0]}


def test_a_runs_track_span_is_the_buckets_or_stretches_its_merged_runs_lie_in() -> None:
    from ui.canvas.items.line_index import BUCKET, LONG, track_span

    # Dashes begin at a merged run's low end: from the run on, to its bucket's end.
    assert track_span(BUCKET + 10.0, BUCKET + 20.0, 0) == (BUCKET + 10.0, 2 * BUCKET)
    assert track_span(-10.0, 20.0, 0) == (-10.0, BUCKET)  # across a bucket's edge
    assert track_span(10.0, LONG + 20.0, 0) == (10.0, 2 * LONG)  # long: to its stretch's end
    assert track_span(10.0, LONG + 20.0, 2) == (10.0, 4 * LONG)  # zoomed out: a coarse one
