"""Benchmark: exporting a generated 10,000-unit model as PNG (4096 px long side), SVG, PDF.

Run: ``python3 benchmarks/export.py [--units 10000]`` (offscreen). The model is laid out in
office bands first (a generated org chart is a very wide single row). Targets: PNG < 4 s, SVG and PDF
< 3 s each. PNG time is split into rendering and encoding (Qt's default compression
against level 80, which the export uses).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from orgmodel.layout import bands_layout  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    from ui.editing.model_signals import ModelSignals
    from ui.canvas.export import ExportOptions, _page_rect, export_scene, export_state, render_png
    from ui.canvas.scene import OrgScene
    from ui.editing.selection import Selection

    model = generate_model(args.units, seed=5)
    for uid, (x, y) in bands_layout(model, 180, 64).items():
        model.update_unit(uid, x=x, y=y)
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    page = _page_rect(scene, ExportOptions())
    scale = 4096 / max(page.width(), page.height())
    print(f"model: {len(model):,} units, {model.dependency_count:,} dependencies; diagram {page.width():.0f} × {page.height():.0f}")
    folder = tempfile.mkdtemp()
    options = ExportOptions(scale=scale)
    start = time.perf_counter()
    with export_state(scene, options):
        image = render_png(scene, options)
    rendered = time.perf_counter() - start
    start = time.perf_counter()
    image.save(os.path.join(folder, "default.png"), "PNG")
    default_encode = time.perf_counter() - start
    start = time.perf_counter()
    image.save(os.path.join(folder, "fast.png"), "PNG", 80)
    fast_encode = time.perf_counter() - start
    print(f"PNG {image.width()} × {image.height()}: render {rendered:.2f} s + encode {fast_encode:.2f} s (level 80) = "
          f"{rendered + fast_encode:.2f} s  (default compression would encode in {default_encode:.2f} s)  target < 4 s")
    for kind in ("svg", "pdf"):
        path = os.path.join(folder, f"diagram.{kind}")
        start = time.perf_counter()
        export_scene(scene, path, ExportOptions())
        took = time.perf_counter() - start
        print(f"{kind.upper()}: {took:.2f} s, {os.path.getsize(path) / 1e6:.1f} MB  target < 3 s")


if __name__ == "__main__":
    main()
