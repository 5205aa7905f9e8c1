"""Benchmark: how long an autosave holds the window's (GUI) thread, at 10,000 and 50,000 units.

Run: ``python3 benchmarks/autosave.py [--units 10000 50000] [--repeat 5] [--code DIR ...]``.
Each ``--code`` checkout (default: this one) is measured in a child process of its own, side
by side in one run; give a copy of the base (``git archive e6846b9 | tar -x -C /tmp/base``) to
see before and after. For each model size the child opens a generated model in a real
``MainWindow`` (offscreen), then ``--repeat`` times: renames a unit (so the document is
modified) and calls ``autosave_now`` as the autosave timer does, measuring with
``time.thread_time`` the CPU time of the GUI thread alone until ``autosave_now`` returns.
Where a worker thread writes the files, the child waits for it outside the measurement and
reports the process's CPU for the whole autosave too (``time.process_time``: all threads).
Prints medians. Target: the GUI thread's share never freezes the window (well under 50 ms
at 50,000 units).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import isolated_home  # noqa: F401  (first: Qt's settings and autosaves go to a temporary home)

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, sys, tempfile, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ORGMODEL_RECOVERY_DIR"] = tempfile.mkdtemp(prefix="autosave-bench-")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from orgmodel.synthetic import generate_model
from ui.window.main_window import MainWindow

units, repeat = int(sys.argv[1]), int(sys.argv[2])
window = MainWindow()
window.document.replace_model(generate_model(units, dense=True, seed=3), None)
uid = window.document.model.unit_ids()[units // 2]
gui, whole = [], []
for i in range(repeat):
    window.document.rename_unit(uid, f"Renamed {i}")
    start_gui, start_all = time.thread_time(), time.process_time()
    window.autosave_now()
    gui.append(time.thread_time() - start_gui)
    wait = getattr(window.autosaver, "wait", None)
    if wait is not None:
        wait()
    whole.append(time.process_time() - start_all)
    app.processEvents()
written = sorted(os.listdir(os.environ["ORGMODEL_RECOVERY_DIR"]))
print(json.dumps({"gui": gui, "whole": whole, "files": [os.path.splitext(n)[1] for n in written]}))
window.document.undo_stack.setClean()
"""


def measure(code: str, units: int, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=code, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(units), str(repeat)], cwd=code, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{code}: the child failed\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--code", action="append", help="checkout to measure (repeatable; default: this one)")
    args = parser.parse_args()
    codes = args.code or [str(ROOT)]
    print(f"autosave: CPU medians over {args.repeat} autosaves (GUI thread until autosave_now returns; whole = all threads)")
    for units in args.units:
        for code in codes:
            result = measure(code, units, args.repeat)
            gui, whole = statistics.median(result["gui"]), statistics.median(result["whole"])
            print(f"{units:>7,} units  {code}: GUI thread {gui * 1000:8.1f} ms   whole autosave {whole * 1000:8.1f} ms   files {result['files']}")


if __name__ == "__main__":
    main()
