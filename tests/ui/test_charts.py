"""The analysis dock's charts: the automation priority matrix and the cost-to-serve bars.

The data each draws (bubble places and sizes of a small known model; bar segments adding up
to the fully loaded cost), labels that never overlap, a click on a bubble or a bar selecting
its unit, the chart made only when shown, and the export: a PNG of the right size, an SVG
that names the units, and a failed export that leaves the old file as it was and says why.
"""

from __future__ import annotations

import math
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import SAMPLES
from test_cost_view import window  # noqa: F401 (the fixture: the English sample, shown)
from orgmodel.analysis.automation import rank_automation
from orgmodel.analysis.cost import allocate
from orgmodel.formats.native import load
from orgmodel.model import OrgModel, Unit
from ui.docks.analysis_tables import ID_ROLE
from ui.docks.charts import chart_base
from ui.docks.charts.chart_base import Fonts, axis_labels, nice_ticks
from ui.docks.charts.cost_bars import CostBars, bars_data
from ui.docks.charts.priority_matrix import LABELLED, PriorityMatrix, matrix_data
from ui.window.main_window import MainWindow

RECT = QRectF(0, 0, 900, 600)


def small_model() -> OrgModel:
    model = OrgModel()
    model.add_unit(Unit("shop", "Shop", "front", cost=1000, revenue=10_000, automation_potential=0.5, automation_ease=0.8))
    model.add_unit(Unit("web", "Web", "front", cost=400, revenue=2_500, automation_potential=0.5))  # ease unset: 1
    model.add_unit(Unit("payroll", "Payroll", "back", cost=200, automation_potential=0.9, automation_ease=0.5))
    model.add_unit(Unit("it", "IT", "back", cost=3000, automation_potential=0.1, automation_ease=0.2))
    model.add_unit(Unit("legal", "Legal", "back", cost=100))  # no potential: not drawn
    for unit in ("payroll", "it", "legal"):
        model.add_dependency("shop", unit, weight=3)
        model.add_dependency("web", unit)
    return model


def test_the_matrix_places_each_ranked_unit_by_savings_and_ease_with_area_by_revenue_supported(qapp) -> None:
    chart = PriorityMatrix()
    chart.set_data(matrix_data(rank_automation(small_model(), uplift=False)))
    frame = chart.arrange(RECT, Fonts.of_size(13))
    circles = {b.id: box for b, box in frame.circles}
    assert set(circles) == {"shop", "web", "payroll", "it"}  # legal has no potential
    assert chart.data.left_out == 1 and "1 unit not shown" in chart.note()
    savings = {"shop": 500, "web": 200, "payroll": 180, "it": 300}
    ease = {"shop": 0.8, "web": 1.0, "payroll": 0.5, "it": 0.2}
    top = frame.x_ticks[-1]
    for uid, box in circles.items():
        assert box.center().x() == pytest.approx(frame.x.a + savings[uid] / top * (frame.x.b - frame.x.a))
        assert box.center().y() == pytest.approx(frame.y.a + ease[uid] * (frame.y.b - frame.y.a))
    # Area ∝ revenue supported: the shop (10,000) and the web (2,500) and back office (12,500).
    area = {uid: box.width() ** 2 for uid, box in circles.items()}
    assert area["shop"] / area["web"] == pytest.approx(4.0)
    assert area["it"] == pytest.approx(area["payroll"]) and area["it"] / area["shop"] == pytest.approx(1.25)
    # The median saving is the vertical guide (of 180, 200, 300, 500).
    assert frame.median == 250
    # Labels: rank and name, one per unit here.
    assert sorted(text for _, text in frame.labels) == ["1. Shop", "2. Web", "3. Payroll", "4. IT"]
    tip = frame.hit(circles["payroll"].center()).tip
    assert "Payroll" in tip and "180" in tip and "50 %" in tip


@pytest.mark.parametrize("sample", ["example_co.orgmodel", "ornek_as.orgmodel"])
@pytest.mark.parametrize("size", [QRectF(0, 0, 1000, 640), QRectF(0, 0, 360, 420)], ids=["export", "dock"])
def test_labels_of_the_top_candidates_never_overlap_and_stay_in_the_plot(qapp, sample: str, size: QRectF) -> None:
    chart = PriorityMatrix()
    chart.set_data(matrix_data(rank_automation(load(SAMPLES / sample), uplift=False)))
    frame = chart.arrange(size, Fonts.of_size(13))
    spots = [spot for spot, _ in frame.labels] + [frame.hint]
    assert 1 <= len(frame.labels) <= LABELLED
    assert all(frame.plot.contains(spot) for spot in spots)
    assert not [(a, b) for i, a in enumerate(spots) for b in spots[i + 1:] if a.intersects(b)]


def test_cost_bars_add_up_to_the_fully_loaded_cost_split_by_office_of_origin(qapp) -> None:
    allocation = allocate(load(SAMPLES / "example_co.orgmodel"))
    data = bars_data(allocation, shown=6)
    assert data.more == 4 and len(data.bars) == 6
    loads = [bar.fully_loaded for bar in data.bars]
    assert loads == sorted((r.fully_loaded for r in allocation.revenue_units), reverse=True)[:6]
    by_office = allocation.from_groups()
    for bar in data.bars:
        assert round((bar.own_cost + sum(v for _, v in bar.by_office)) * 100) == round(bar.fully_loaded * 100)
        assert dict(bar.by_office) == by_office[bar.id]
        assert [o for o, _ in bar.by_office] == [o for o in ("front", "middle", "back") if o in by_office[bar.id]]
    chart = CostBars()
    chart.set_data(data)
    frame = chart.arrange(RECT, Fonts.of_size(13))
    for bar, row in frame.rows:  # each bar ends where its fully loaded cost is on the axis
        assert row.right() == pytest.approx(frame.x(bar.fully_loaded))
    assert "4 more revenue units not shown" in frame.note_text
    # A short panel shows the bars it has room for and counts the others.
    small = chart.arrange(QRectF(0, 0, 360, 260), Fonts.of_size(13))
    assert 0 < len(small.rows) < 6 and f"{10 - len(small.rows)} more revenue units" in small.note_text


def test_amounts_on_the_axes_are_short_and_in_the_readers_language(qapp, turkish) -> None:
    assert axis_labels(nice_ticks(1_800_000)) == ["0", "0,5 Mn", "1,0 Mn", "1,5 Mn", "2,0 Mn"]
    assert chart_base.compact_amount(350_000) == "350 B"


# -- in the dock ------------------------------------------------------------------------------


def chart_of(qtbot, window: MainWindow, page: str):
    dock = window.analysis_dock
    view = getattr(dock, page)
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(view))
    qtbot.waitUntil(lambda: not view._dirty)
    assert view.chart.chart.data is None  # the table is shown: no chart made yet
    tabs = view.chart.parentWidget().parentWidget()
    tabs.setCurrentWidget(view.chart)
    qtbot.waitUntil(lambda: view.chart.chart.data is not None)
    return view


def click(qtbot, widget, point: QPointF) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point.toPoint())


def test_clicking_a_bubble_selects_its_unit_and_the_selection_is_ringed(qtbot, window: MainWindow) -> None:
    page = chart_of(qtbot, window, "automation_view")
    view = page.chart.view
    frame = view.frame()
    box = next(box for b, box in frame.circles if b.id == "payroll")
    click(qtbot, view, box.center())
    assert window.selection.units() == ["payroll"]
    assert view.selected == "payroll"
    window.selection.select_unit("accounting")
    assert view.selected == "accounting"
    # Hovering a bubble tells its figures.
    qtbot.mouseMove(view, box.center().toPoint())
    assert "Payroll" in view.toolTip() and "Savings potential" in view.toolTip()
    # The page's office filter filters the chart too; ranks stay those of the whole ranking.
    ranks = {b.id: b.rank for b in page.chart.chart.data.bubbles}
    page.office.setCurrentIndex(page.office.findData("back"))
    shown = page.chart.chart.data.bubbles
    assert shown and {b.office for b in shown} == {"back"} and all(b.rank == ranks[b.id] for b in shown)
    page.office.setCurrentIndex(0)
    assert len(page.chart.chart.data.bubbles) == len(ranks)
    # An edit that changes the ranking changes the chart (after the page's quiet moment).
    window.document.model.update_unit("payroll", automation_ease=0.1)
    qtbot.waitUntil(lambda: next(b for b in page.chart.chart.data.bubbles if b.id == "payroll").ease == 0.1)


def test_clicking_a_bar_selects_its_revenue_unit(qtbot, window: MainWindow) -> None:
    page = chart_of(qtbot, window, "cost_view")
    view = page.chart.view
    assert page.breakdown.isHidden()  # the chart takes the breakdown's room
    qtbot.waitUntil(lambda: len(view.frame().rows) >= 2)
    frame = view.frame()
    bar, row = frame.rows[1]
    click(qtbot, view, row.center())
    assert window.selection.units() == [bar.id]
    assert page.table.selectionModel().selectedRows()[0].data(ID_ROLE) == bar.id  # the table follows
    assert bar.name in frame.hit(row.center()).tip
    page.chart.parentWidget().parentWidget().setCurrentIndex(0)  # back to the table: its breakdown too
    assert page.breakdown.isVisible() and bar.name in page.breakdown_title.text()


# -- export -----------------------------------------------------------------------------------


def test_export_writes_a_png_at_twice_the_size_and_an_svg_that_names_the_units(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    page = chart_of(qtbot, window, "automation_view")
    png = tmp_path / "matrix.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(png), ""))
    qtbot.mouseClick(page.chart.export_button, Qt.MouseButton.LeftButton)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    size = page.chart.chart.export_size()
    assert (width, height) == (math.ceil(size.width() * 2), math.ceil(size.height() * 2))
    svg = tmp_path / "matrix.svg"
    assert page.chart.export_to(str(svg)) is None
    text = "".join(ET.parse(svg).getroot().itertext())
    assert "Call Centre" in text and "Automation priority" in text and "Automate first" in text
    cost = chart_of(qtbot, window, "cost_view")
    assert cost.chart.export_to(str(tmp_path / "cost.svg")) is None
    assert "Sales – North America" in "".join(ET.parse(tmp_path / "cost.svg").getroot().itertext())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cost.svg", "matrix.png", "matrix.svg"]  # no temporaries


def test_a_failed_export_leaves_the_old_file_and_says_why(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    page = chart_of(qtbot, window, "cost_view")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    missing = tmp_path / "no such folder" / "cost.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    qtbot.mouseClick(page.chart.export_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and str(missing) in shown[0] and not missing.parent.exists()
    # The file exists; writing the new one fails at the last step: the old one stays whole.
    old = tmp_path / "cost.png"
    old.write_bytes(b"old picture")

    def refuse(*_args) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("orgmodel.formats.atomic.os.replace", refuse)
    error = page.chart.export_to(str(old))
    assert error is not None and str(old) in error and "Permission denied" in error
    assert old.read_bytes() == b"old picture" and [p.name for p in tmp_path.iterdir()] == ["cost.png"]
    assert "use .png or .svg" in page.chart.export_to(str(tmp_path / "cost.pdf"))
