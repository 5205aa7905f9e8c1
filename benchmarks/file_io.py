"""Benchmark: opening and saving a native ``.orgmodel`` file, against plain JSON.

Run: ``python3 benchmarks/file_io.py [--units 10000 50000] [--repeat 7] [--code DIR]``.
Prints, per model size, CPU-time medians in milliseconds (``time.process_time``: the
machine is shared, wall-clock is noise) of:

* ``load``: :func:`orgmodel.load` of the file (read, parse, validate, build), beside plain
  ``json.loads`` of the same text: targets ``load`` <= 3x;
* ``save``: :func:`orgmodel.save` over the previous file (serialise, ``.bak`` backup, atomic
  replace with fsyncs, read back and compare), beside plain ``json.dumps(indent=2)`` of the
  same document: target ``save`` <= 2x;
* ``check``: ``python3 -m orgmodel check FILE`` end to end as a fresh process (start-up,
  load, one line out), the CPU time of the process and its peak memory (maximum resident
  set size: interpreter, modules, the file's text, its parse and the model).

Each pair is run alternately (load, json.loads, load, ...), so that a busy spell of a shared
machine weighs on both sides of a ratio. ``--code DIR`` imports ``orgmodel`` from another
checkout (e.g. ``git archive`` of the base commit unpacked), so that before and after can be
run one after the other with the same script.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def medians_ms(works, repeat: int) -> list[float]:
    """The CPU-time median of each of ``works``, run in turn ``repeat`` times: alternating,
    so that a busy spell of the machine weighs on both sides of a ratio alike."""
    # The garbage collector stays on: a real load or save runs with it on.
    gc.enable()
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, spent in zip(works, times):
            start = time.process_time()
            work()
            spent.append(time.process_time() - start)
    return [statistics.median(spent) * 1000 for spent in times]


def check_cpu_ms(path: Path, code: str, repeat: int) -> tuple[float, float]:
    """The CPU-time median of ``orgmodel check`` on ``path`` as a fresh process, and the
    median of its peak resident memory in MB."""
    times, peaks = [], []
    for _ in range(repeat):
        command = [sys.executable, "-m", "orgmodel", "check", str(path)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=code), cwd=code)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"failed: {' '.join(command)}")
        times.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)  # kilobytes on Linux
    return statistics.median(times) * 1000, statistics.median(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--code", default=str(Path(__file__).resolve().parent.parent), help="checkout to import orgmodel from")
    args = parser.parse_args()
    sys.path.insert(0, args.code)
    from orgmodel import load, save
    from orgmodel.formats.native import dumps, to_document
    from orgmodel.synthetic import generate_model

    print(f"orgmodel from {args.code}; CPU-time medians of {args.repeat} runs")
    for units in args.units:
        model = generate_model(units)
        text = dumps(model)
        document = to_document(model)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "model.orgmodel"
            save(model, path)
            load_ms, loads_ms = medians_ms([lambda: load(path), lambda: json.loads(text)], args.repeat)
            save_ms, dumps_ms = medians_ms([lambda: save(model, path), lambda: json.dumps(document, ensure_ascii=False, indent=2)], args.repeat)
            check_ms, check_mb = check_cpu_ms(path, args.code, args.repeat)
        print(f"{units:,} units, {model.dependency_count:,} dependencies, {len(text.encode('utf-8')) / 1e6:.1f} MB")
        print(f"  load: {load_ms:8.1f} ms   json.loads: {loads_ms:7.1f} ms   ratio {load_ms / loads_ms:5.2f}  (target <= 3)")
        print(f"  save: {save_ms:8.1f} ms   json.dumps: {dumps_ms:7.1f} ms   ratio {save_ms / dumps_ms:5.2f}  (target <= 2)")
        print(f"  orgmodel check, a fresh process: {check_ms:8.1f} ms CPU, peak memory {check_mb:6.1f} MB")


if __name__ == "__main__":
    main()
