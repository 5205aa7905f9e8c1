"""Benchmark: the analysis dock's charts on a generated model.

Run: ``python3 benchmarks/charts.py [--units 10000] [--repeat 3]`` (Qt's offscreen platform).
Wall-clock medians of ``--repeat`` runs:

- **by office, one solve**: :meth:`CostAllocation.from_groups` (the cost chart's split of every
  revenue unit's allocated cost by office of origin), against **by office, per unit**: the
  attribution of every revenue unit (:meth:`from_all`) summed by office, the way it could
  be had without it; the two run alternately, and their ratio is printed;
- **matrix** / **bars**: what showing each chart costs once per data change: the data, the
  arrangement for a dock-sized rectangle and the painting of the picture the widget keeps;
- **PNG** / **SVG**: the export of the matrix (every ranked unit a bubble).
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


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from orgmodel.analysis.automation import rank_automation
    from orgmodel.analysis.cost import allocate
    from orgmodel.gcpause import gc_paused
    from orgmodel.synthetic import generate_model
    from ui.docks.charts.chart_base import Fonts, png_of, svg_of
    from ui.docks.charts.cost_bars import CostBars, bars_data
    from ui.docks.charts.priority_matrix import PriorityMatrix, matrix_data

    QApplication.instance() or QApplication([])
    model = generate_model(args.units, seed=5)
    allocation = allocate(model)
    candidates = rank_automation(model, uplift=False)
    offices = {s.id: s.office for s in allocation.service_units}

    def per_unit() -> None:
        for _rid, amounts in allocation.from_all():
            totals: dict[str, float] = {}
            for sid, amount in amounts.items():
                totals[offices[sid]] = totals.get(offices[sid], 0.0) + amount

    rect, fonts = QRectF(0, 0, 380, 460), Fonts.of_size(12)

    def show(chart, make) -> None:
        with gc_paused():  # as the dock does
            chart.set_data(make())
            frame = chart.arrange(rect, fonts)
        image = QImage(380, 460, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        chart.paint(painter, frame)
        painter.end()

    matrix, bars = PriorityMatrix(), CostBars()
    times: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        times.setdefault("by office, one solve", []).append(timed(allocation.from_groups))
        times.setdefault("by office, per unit", []).append(timed(per_unit))
        times.setdefault("matrix", []).append(timed(lambda: show(matrix, lambda: matrix_data(candidates))))
        times.setdefault("bars", []).append(timed(lambda: show(bars, lambda: bars_data(allocation))))
        times.setdefault("PNG", []).append(timed(lambda: png_of(matrix)))
        times.setdefault("SVG", []).append(timed(lambda: svg_of(matrix)))
    print(f"{args.units:,} units, {model.dependency_count:,} dependencies, {len(allocation.revenue_units):,} revenue units; "
          f"medians of {args.repeat}")
    for label, values in times.items():
        print(f"  {label:<22} {statistics.median(values) * 1000:9.0f} ms")
    ratio = statistics.median(times["by office, per unit"]) / statistics.median(times["by office, one solve"])
    print(f"  by office: one solve is {ratio:,.0f}x faster than the per-unit attribution summed")


if __name__ == "__main__":
    main()
