"""Benchmark: the Analysis dock's Cost to serve page on a generated model.

Run: ``python3 benchmarks/cost_view.py [--units 10000] [--repeat 3]`` (Qt's offscreen
platform). In the real main window, with the page shown, it edits a unit's cost as the
Properties dock does and measures, as CPU-time medians:

- **edit**: the edit itself (the page only restarts its timer; the allocation waits for a
  quiet moment, so a burst of edits costs one allocation);
- **refresh**: what the page then does once: allocate (reciprocal) and show every row;
- **breakdown**: selecting a revenue unit (its row of the attribution, one solve);
- **automation**: the Automation page's refresh (rank every unit, show every row);
- **uplift**: on the Automation page, selecting a service unit just after a change (the
  allocation, made once per change, then the unit's row of the attribution: one solve), then
  another (one solve), and the page's refresh after an edit with a unit selected (ranking,
  allocation and that unit's uplift).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import isolated_home  # noqa: F401  (first: Qt's settings and autosaves go to a temporary home)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from orgmodel.synthetic import generate_model
    from ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    model = generate_model(args.units, seed=5)
    window.document.replace_model(model, None)
    window.show()
    dock = window.analysis_dock
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(dock.cost_view))
    view = dock.cost_view
    view.refresh()
    app.processEvents()
    service = next(u for u in model.units() if not u.is_revenue_generating and u.cost)
    revenue = next(u for u in model.units() if u.is_revenue_generating)
    services = [u for u in model.units() if not u.is_revenue_generating and u.cost and u.automation_potential][:2]
    edits, refreshes, breakdowns, rankings = [], [], [], []
    first_uplifts, next_uplifts, selected_refreshes = [], [], []
    for i in range(args.repeat):
        start = time.process_time()
        window.document.model.update_unit(service.id, cost=float(service.cost + i + 1))
        edits.append(time.process_time() - start)
        start = time.process_time()
        view.refresh()
        refreshes.append(time.process_time() - start)
        start = time.process_time()
        window.selection.select_unit(revenue.id)
        app.processEvents()
        breakdowns.append(time.process_time() - start)
        window.selection.clear()
        start = time.process_time()
        dock.automation_view.refresh()
        rankings.append(time.process_time() - start)
    automation = dock.automation_view
    dock.tabs.setCurrentIndex(dock.tabs.indexOf(automation))
    automation.refresh()
    app.processEvents()
    for i in range(args.repeat):
        window.selection.clear()
        window.document.model.update_unit(service.id, cost=float(service.cost + 100 + i))
        automation.refresh()
        start = time.process_time()
        window.selection.select_unit(services[0].id)
        app.processEvents()
        first_uplifts.append(time.process_time() - start)
        start = time.process_time()
        window.selection.select_unit(services[1].id)
        app.processEvents()
        next_uplifts.append(time.process_time() - start)
        window.document.model.update_unit(service.id, cost=float(service.cost + 200 + i))
        start = time.process_time()
        automation.refresh()
        selected_refreshes.append(time.process_time() - start)
    print(f"{args.units:,} units, {model.dependency_count:,} dependencies, {len(view.allocation.revenue_units):,} revenue units; CPU medians of {args.repeat}")
    print(f"  edit (the page only schedules): {statistics.median(edits) * 1000:8.1f} ms")
    print(f"  refresh (allocate + show):       {statistics.median(refreshes) * 1000:8.1f} ms")
    print(f"  breakdown of one revenue unit:   {statistics.median(breakdowns) * 1000:8.1f} ms")
    print(f"  automation page refresh:         {statistics.median(rankings) * 1000:8.1f} ms")
    print(f"  uplift, first unit after a change (allocate + one solve): {statistics.median(first_uplifts) * 1000:8.1f} ms")
    print(f"  uplift, next unit (one solve):   {statistics.median(next_uplifts) * 1000:8.1f} ms")
    print(f"  automation refresh, a unit selected: {statistics.median(selected_refreshes) * 1000:8.1f} ms")
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
