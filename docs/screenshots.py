"""Regenerate the README screenshots: ``python3 docs/screenshots.py`` (no display needed).

Opens each bundled sample in the real main window on Qt's offscreen platform, selects a
revenue-generating unit so the live analysis highlight shows, and saves ``window.grab()``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def shoot(sample: str, focus: str, out: str, zoom: float, language: str = "en") -> None:
    from ui import i18n
    from ui.window.main_window import MainWindow

    i18n.install(language)

    window = MainWindow()
    window.resize(1500, 900)
    window.open_sample(str(ROOT / "resources" / "samples" / sample))
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    window.selection.select_unit(focus, reveal=False)
    window.view.set_zoom(zoom)
    for _ in range(3):
        QApplication.processEvents()
    # The selected unit in the upper left third, at a zoom where names and routed lines read
    # at 100%: its lines run right and down to the units that support it.
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    centre = window.scene.cards[focus].sceneBoundingRect().center()
    window.view.centerOn(centre.x() + visible.width() * 0.3, centre.y() + visible.height() * 0.25)
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(ROOT / "docs" / out))
    window.close()


def shoot_layout(sample: str, style: str, out: str, language: str = "en") -> None:
    from ui import i18n
    from ui.window.main_window import MainWindow

    i18n.install(language)

    window = MainWindow()
    window.resize(1500, 900)
    window.open_sample(str(ROOT / "resources" / "samples" / sample))
    for dock in (window.outline, window.properties, window.analysis_dock):
        dock.hide()  # the layout is the subject: give it the whole window
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    window.apply_layout(style)
    for _ in range(5):
        QApplication.processEvents()
    window.view.fit_to_content()
    for _ in range(3):
        QApplication.processEvents()
    window.grab().save(str(ROOT / "docs" / out))
    window.document.undo_stack.setClean()
    window.close()


def export_picture(sample: str, out: Path, **choices: object) -> None:
    """What ``orgmodel export SAMPLE OUT --scale 1 …`` writes, with these ``choices``."""
    import argparse

    from orgmodel.formats.native import load
    from ui.launcher import export_diagram

    path = ROOT / "resources" / "samples" / sample
    options = argparse.Namespace(
        file=str(path), out=str(out), scale=1.0, dpi=None, transparent=False, selection_of=None, layout=None,
        highlight=None, page=None, landscape=False, legend=False, title=False, language="en",
    )
    vars(options).update(choices)
    export_diagram(load(path), options)


def chart_pictures(sample: str, folder: Path, language: str = "en") -> list[Path]:
    """The automation priority matrix and the cost-to-serve chart of ``sample``, as the
    analysis dock's "Export chart…" writes them (PNG at 2x): chart-priority-LANG.png and
    chart-cost-LANG.png in ``folder``."""
    from orgmodel.analysis.automation import rank_automation
    from orgmodel.analysis.cost import allocate
    from orgmodel.formats.native import load
    from ui import i18n
    from ui.docks.charts.chart_base import png_of
    from ui.docks.charts.cost_bars import CostBars, bars_data
    from ui.docks.charts.priority_matrix import PriorityMatrix, matrix_data

    previous = i18n.current_language()
    i18n.install(language)
    try:
        model = load(ROOT / "resources" / "samples" / sample)
        matrix, bars = PriorityMatrix(), CostBars()
        matrix.set_data(matrix_data(rank_automation(model, uplift=False)))
        bars.set_data(bars_data(allocate(model)))
        written = []
        for name, chart in (("priority", matrix), ("cost", bars)):
            path = folder / f"chart-{name}-{language}.png"
            path.write_bytes(png_of(chart))
            written.append(path)
        return written
    finally:
        i18n.install(previous)


def settle(seconds: float = 0.6) -> None:
    """Let the window's timers (the pages compute a moment after a change) run."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot_analysis(sample: str, page: str, focus: str, out: str, language: str = "en", chart: bool = False) -> None:
    """The analysis dock's ``page`` ("cost_view" or "automation_view") of ``sample`` with
    ``focus`` selected, the dock given the window's right half; ``chart``: its Chart tab."""
    from ui import i18n
    from ui.window.main_window import MainWindow

    i18n.install(language)
    window = MainWindow()
    window.resize(1500, 900)
    window.open_sample(str(ROOT / "resources" / "samples" / sample))
    window.properties.hide()
    window.outline.hide()
    window.show()
    dock = window.analysis_dock
    window.resizeDocks([dock], [760], Qt.Orientation.Horizontal)
    view = getattr(dock, page)
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(view))
    settle()
    view.refresh()
    window.selection.select_unit(focus, reveal=False)
    if chart:
        tabs = view.chart.parentWidget().parentWidget()
        tabs.setCurrentWidget(view.chart)
    settle()
    dock.grab().save(str(ROOT / "docs" / out))
    window.close()


def shoot_whatif(sample: str, failed: list[str], out: str, language: str = "en") -> None:
    """The window with a what-if running on ``sample`` (``failed`` failed), fitted to the
    diagram, and the Analysis dock's What-if page shown."""
    from ui import i18n
    from ui.window.main_window import MainWindow

    i18n.install(language)
    window = MainWindow()
    window.resize(1500, 900)
    window.open_sample(str(ROOT / "resources" / "samples" / sample))
    window.show()
    settle()
    dock = window.analysis_dock
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(dock.whatif_view))
    window.simulation.fail(failed)
    settle()
    # Between the failed unit and the revenue unit it stops first, at a zoom where names read.
    result = window.simulation.result
    cards = window.scene.cards
    ends = [cards[failed[0]].sceneBoundingRect().center()]
    if result is not None and result.revenue_units_down:
        ends.append(cards[result.revenue_units_down[0]].sceneBoundingRect().center())
    window.view.set_zoom(0.36)
    settle()
    window.view.centerOn((ends[0] + ends[-1]) / 2)
    settle()
    window.grab().save(str(ROOT / "docs" / out))
    window.simulation.end()
    window.close()


def shoot_classify(sample: str, out: str, language: str = "en") -> None:
    """Analysis › Classify Offices… on ``sample`` with every office taken away (as a file
    that never says front, middle or back office comes in): the dialog with the
    suggestions from the names."""
    from orgmodel.formats.native import load
    from ui import i18n
    from ui.dialogs.classify_dialog import open_classify_dialog
    from ui.window.main_window import MainWindow

    i18n.install(language)
    model = load(str(ROOT / "resources" / "samples" / sample))
    for uid in list(model.unit_ids()):
        model.update_unit(uid, office=None)
    window = MainWindow()
    window.resize(1500, 900)
    window.document.replace_model(model, None)
    window.show()
    settle()
    dialog = open_classify_dialog(window, window.document)
    assert dialog is not None
    dialog.resize(900, 560)
    dialog.show()
    settle()
    dialog.grab().save(str(ROOT / "docs" / out))
    dialog.close()
    window.document.undo_stack.clear()
    window.close()


def main() -> None:
    QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("OrgModelScreenshots")
    shoot("example_co.orgmodel", "sales-emea", "screenshot-en.png", 0.6)
    shoot("ornek_as.orgmodel", "bireysel-satis", "screenshot-tr.png", 0.6, language="tr")
    # The org chart is wide: a window fitted to it shrinks the cards to blocks without names,
    # so it is exported at scale 1, where every name reads at 100%.
    export_picture("example_co.orgmodel", ROOT / "docs" / "layout-orgchart.png", layout="orgchart", legend=True)
    shoot_layout("ornek_as.orgmodel", "bands", "layout-bands.png", language="tr")
    # `orgmodel export … --layout bands --highlight bireysel-satis --legend --title --language tr`
    export_picture(
        "ornek_as.orgmodel", ROOT / "docs" / "export-example.png", layout="bands", highlight="bireysel-satis", legend=True, title=True,
        language="tr",
    )
    chart_pictures("example_co.orgmodel", ROOT / "docs", "en")
    chart_pictures("ornek_as.orgmodel", ROOT / "docs", "tr")
    shoot_analysis("example_co.orgmodel", "cost_view", "call-centre", "cost-to-serve-en.png")
    shoot_analysis("ornek_as.orgmodel", "cost_view", "cagri-merkezi", "cost-to-serve-tr.png", language="tr")
    shoot_analysis("example_co.orgmodel", "automation_view", "payroll", "automation-en.png")
    shoot_analysis("ornek_as.orgmodel", "automation_view", "bordro", "automation-tr.png", language="tr")
    shoot_whatif("example_co.orgmodel", ["it"], "whatif-en.png")
    shoot_whatif("ornek_as.orgmodel", ["bordro"], "whatif-tr.png", language="tr")
    shoot_classify("example_co.orgmodel", "classify-en.png")
    shoot_classify("ornek_as.orgmodel", "classify-tr.png", language="tr")


if __name__ == "__main__":
    main()
