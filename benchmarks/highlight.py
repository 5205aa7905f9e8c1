"""Benchmark: the live highlight on a large model — what one selection change costs the canvas.

Run: ``python3 benchmarks/highlight.py [--units 50000] [--repeat 7] [--code DIR]``. Builds a
generated model and its scene (offscreen, no window), computes the highlights of a few
revenue-generating units once, then times ``OrgScene.set_emphasis`` alone (CPU time,
medians): a highlight appearing from none, moving from one unit to another, and going
away. ``--code DIR`` runs the same in a checkout of another version (for before/after, e.g.
``git archive e6846b9 | tar -x -C /tmp/base``), side by side in one run.

Two highlights of each size: small (a revenue unit with a few supporters) and large (the
generated model's biggest, about half the model); each "with lines" (the line layers' own
highlighting included) and "cards only" (line layers left out).

Before, a highlight appearing or going visited every card (50,000 ``set_emphasis`` calls,
~80 ms CPU here whatever its size); now only the cards whose mark changes are visited
(0.01 ms for a small one) and the rest fade by one flag the cards share.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import isolated_home  # noqa: F401  (first: Qt's settings and autosaves go to a temporary home)

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import inspect, json, os, statistics, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from orgmodel.analysis import analyse, highlight
from orgmodel.layout import orgchart_layout, set_positions
from orgmodel.synthetic import generate_model
from ui.canvas.scene import OrgScene
from ui.editing.model_signals import ModelSignals
from ui.editing.selection import Selection

units, repeat = int(sys.argv[1]), int(sys.argv[2])
model = generate_model(units, dense=True, seed=3)
set_positions(model, orgchart_layout(model, 180, 64))
scene = OrgScene(Selection())
scene.set_model(model, ModelSignals(model))
analysis = analyse(model)
# The window passes the counted units when the scene takes them (as MainWindow does).
takes_counted = "counted" in inspect.signature(scene.set_emphasis).parameters
by_size = sorted((analysis.support_count(u.id), u.id) for u in model.units() if u.is_revenue_generating and analysis.support_count(u.id))
pairs = {"small": [uid for n, uid in by_size if n < 200][-2:], "large": [uid for _, uid in by_size[-2:]]}
result = {}
for lines in ("with lines", "cards only"):
    if lines == "cards only":  # the line layers' part left out: what the cards cost alone
        scene.dependencies.set_highlighted = scene.reporting.set_highlighted = lambda keys: None
    for size, (first, second) in pairs.items():
        shown = {uid: highlight(model, analysis, uid) for uid in (first, second)}
        extra = {uid: ((analysis.support(uid),) if takes_counted else ()) for uid in (first, second)}
        times = {"appear": [], "move": [], "clear": []}
        for _ in range(repeat):
            for name, uid in (("appear", first), ("move", second)):
                start = time.process_time()
                scene.set_emphasis(uid, *shown[uid], *extra[uid])
                times[name].append(time.process_time() - start)
            start = time.process_time()
            scene.set_emphasis(None, None, None)
            times["clear"].append(time.process_time() - start)
        result[f"{size} ({len(shown[first][0])} units), {lines}"] = {k: statistics.median(v) for k, v in times.items()}
print(json.dumps(result))
"""


def run(code: str, units: int, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=code, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD, str(units), str(repeat)], env=env, cwd=code,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--code", help="another checkout to compare with (before)")
    args = parser.parse_args()
    codes = ([args.code] if args.code else []) + [str(ROOT)]
    results = {code: run(code, args.units, args.repeat) for code in codes}
    print(f"set_emphasis at {args.units:,} units, CPU-time medians of {args.repeat} (ms: appear / move / clear)")
    for case in results[str(ROOT)]:
        print(case)
        for code, r in results.items():
            t = r[case]
            print(f"  {t['appear'] * 1000:8.2f} {t['move'] * 1000:8.2f} {t['clear'] * 1000:8.2f}   {code}")

if __name__ == "__main__":
    main()
