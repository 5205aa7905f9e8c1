"""Benchmark: dependency-line geometry and its repaint, before and after routing.

Run: ``python3 benchmarks/routing.py [--quick] [--code DIR ...]``. Each ``--code`` is a
checkout (default: this one); a base copy is made with ``git archive e6846b9 | tar -x -C
/tmp/routing-base``. Every measurement runs in a child process per checkout, checkouts
alternating, and prints CPU-time medians (``time.process_time``) side by side:

- **lines**: the geometry of every dependency line of a generated model (about 3 per
  unit) laid out as an org chart, 1,000 / 10,000 / 50,000 units: straight border-to-border
  lines before, :class:`orgmodel.layout.routing.Router` routes after;
- **move**: the lines re-laid after one card moves (20 cards, 37 units right and 3 down)
  at 10,000 units, through the scene as a drag does (``OrgScene.card_moved``);
- **repaint**: drawing the dependency layer over a 1400 x 900 viewport after that move, at
  zoom 1 and zoomed out to 0.1, at 10,000 and 50,000 units (the line layer alone: cards
  hidden), the first repaint after opening and the median of repaints after edits.

Targets: every line routed for 10,000 units in a few seconds; a move re-routes in tens of
milliseconds; a repaint after an edit well under the 0.3 s it took at 50,000 units.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import isolated_home  # noqa: F401  (first: Qt's settings go to a temporary home)

ROOT = Path(__file__).resolve().parent.parent


def median_cpu(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def child(task: str, units: int) -> dict:
    """One measurement in this process (orgmodel and ui from the checkout on sys.path)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout import orgchart_layout, set_positions
    from orgmodel.synthetic import generate_model

    model = generate_model(units, dense=True, seed=3)
    corners = orgchart_layout(model, CARD_WIDTH, CARD_HEIGHT)
    edges = [(d.source, d.target) for d in model.dependencies()]
    if task == "lines":
        try:
            from orgmodel.layout.routing import Router
        except ImportError:  # the base: straight lines between the cards' borders
            from ui.canvas.items.line_layer import border_line

            def lay() -> None:
                for s, t in edges:
                    (ax, ay), (bx, by) = corners[s], corners[t]
                    border_line(ax, ay, bx, by, CARD_WIDTH, CARD_HEIGHT)
        else:
            def lay() -> None:
                Router(CARD_WIDTH, CARD_HEIGHT).route_all(corners, edges)
        return {"seconds": median_cpu(lay, 3 if units <= 10_000 else 1)}

    import random

    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QGraphicsView

    from ui.canvas.scene import OrgScene
    from ui.editing.model_signals import ModelSignals
    from ui.editing.selection import Selection

    app = QApplication.instance() or QApplication([])
    set_positions(model, corners)
    scene = OrgScene(Selection())
    start = time.process_time()
    scene.set_model(model, ModelSignals(model))
    opened = time.process_time() - start
    rng = random.Random(7)
    chosen = rng.sample(sorted(corners), 20)
    result: dict = {"open": opened}
    if task == "move":
        times = []
        for uid in chosen:
            card = scene.cards[uid]
            card.setPos(card.x() + 37, card.y() + 3)
            begin = time.process_time()
            scene.card_moved(card)
            times.append(time.process_time() - begin)
        result["seconds"] = statistics.median(times)
        return result
    view = QGraphicsView(scene)
    view.resize(1400, 900)
    for card in scene.cards.values():
        card.hide()
    scene.reporting.hide()
    scene.bands.hide()
    image = QImage(1400, 900, QImage.Format.Format_RGB32)
    for zoom in (1.0, 0.1):
        # Around a card in the middle of the chart (an org chart's middle is busiest).
        focus = scene.cards[sorted(corners, key=lambda u: corners[u][0])[len(corners) // 2]]
        area = QRectF(0, 0, 1400 / zoom, 900 / zoom)
        area.moveCenter(focus.sceneBoundingRect().center())

        def paint() -> None:
            painter = QPainter(image)
            scene.render(painter, QRectF(image.rect()), area, Qt.AspectRatioMode.IgnoreAspectRatio)
            painter.end()

        first = median_cpu(paint, 1)
        times = []
        for uid in chosen[:8]:
            card = scene.cards[uid]
            card.setPos(card.x() + 5, card.y())
            scene.card_moved(card)
            times.append(median_cpu(paint, 1))
        result[f"zoom {zoom:g}"] = {"first": first, "after edit": statistics.median(times)}
    app.processEvents()
    return result


def run_child(code: str, task: str, units: int) -> dict:
    env = dict(os.environ, PYTHONPATH=code, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", task, str(units)], env=env,
                         cwd=code, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", nargs="+", default=[str(ROOT)], help="checkouts to compare (base first)")
    parser.add_argument("--quick", action="store_true", help="no 50,000-unit runs")
    parser.add_argument("--child", nargs=2, metavar=("TASK", "UNITS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, os.getcwd())
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]
    plan = [("lines", n) for n in sizes] + [("move", 10_000)] + [("repaint", n) for n in sizes if n >= 10_000]
    print("CPU-time medians; org-chart layout of generate_model(units, seed=3); checkouts: " + ", ".join(args.code))
    for task, units in plan:
        results = {code: run_child(code, task, units) for code in args.code}
        for code, result in results.items():
            label = f"{task:8} {units:>7,} {Path(code).name:>14}"
            if task == "repaint":
                parts = [f"{zoom}: first {v['first'] * 1000:7.1f} ms, after an edit {v['after edit'] * 1000:7.1f} ms"
                         for zoom, v in result.items() if zoom.startswith("zoom")]
                print(label, f"(open {result['open']:.2f} s)", "; ".join(parts))
            elif task == "move":
                print(label, f"{result['seconds'] * 1000:8.2f} ms per card moved (open {result['open']:.2f} s)")
            else:
                print(label, f"{result['seconds']:8.3f} s")


if __name__ == "__main__":
    main()
