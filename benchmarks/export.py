"""Benchmark: ``orgmodel export`` of a generated 10,000-unit model to PNG, SVG and PDF, as a
person runs it: the command line with its default options (the default PNG scale and pixel
budget), loading, drawing and writing included.

Run: ``python3 benchmarks/export.py [--units 10000] [--runs 3] [--base CHECKOUT]
[--formats png,svg,pdf]``. Each export runs as its own process; its CPU time (user + system)
and peak memory (max RSS) come from ``os.wait4``, so other work on a shared machine counts
less (wall-clock is shown for information only). With ``--base`` (another checkout, e.g. ``git worktree add /tmp/base
<commit>``) the two checkouts run alternately on the same file, and the medians are compared.
Targets: each format <= 4 s CPU and <= 600 MB peak memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from orgmodel.formats.native import save  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

TARGET_CPU, TARGET_MB = 4.0, 600.0


def export_once(checkout: Path, model: str, out: str) -> tuple[float, float, float, str]:
    """``(cpu seconds, peak MB, wall seconds, stderr)`` of one ``orgmodel export`` process."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(checkout / "main.py"), "export", model, out], cwd=checkout, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{checkout}: export to {out} failed ({process.returncode}): {stderr.strip()}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall, stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="runs per format and checkout (medians are reported)")
    parser.add_argument("--base", type=Path, help="another checkout to compare with, run alternately")
    parser.add_argument("--formats", default="png,svg,pdf", help="which formats, comma-separated (default: all three)")
    args = parser.parse_args()
    checkouts = {"this": HERE} | ({"base": args.base.resolve()} if args.base else {})
    folder = tempfile.mkdtemp(prefix="orgmodel-export-bench-")
    model_path = os.path.join(folder, "generated.orgmodel")
    model = generate_model(args.units, seed=5)
    save(model, model_path)
    print(f"model: {len(model):,} units, {model.dependency_count:,} dependencies; `orgmodel export MODEL OUT` with default options")
    for kind in args.formats.split(","):
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in checkouts}
        notes: dict[str, str] = {}
        for _ in range(args.runs):
            for name, checkout in checkouts.items():
                out = os.path.join(folder, f"{name}.{kind}")
                cpu, mb, wall, stderr = export_once(checkout, model_path, out)
                results[name].append((cpu, mb, wall))
                notes[name] = f"{os.path.getsize(out) / 1e6:.1f} MB file" + (f"; {stderr.strip()[:90]}…" if stderr.strip() else "")
                os.remove(out)
        medians = {}
        for name, runs in results.items():
            cpu, mb, wall = (statistics.median(run[i] for run in runs) for i in range(3))
            medians[name] = (cpu, mb)
            verdict = "ok" if cpu <= TARGET_CPU and mb <= TARGET_MB else "OVER TARGET"
            print(f"{kind.upper()} {name}: CPU {cpu:.2f} s, peak {mb:.0f} MB (wall {wall:.1f} s), median of {len(runs)}; "
                  f"target <= {TARGET_CPU:g} s, <= {TARGET_MB:g} MB: {verdict}  [{notes[name]}]")
        if "base" in medians:
            (cpu, mb), (base_cpu, base_mb) = medians["this"], medians["base"]
            print(f"{kind.upper()} this/base: CPU x{cpu / base_cpu:.2f}, memory x{mb / base_mb:.2f}")


if __name__ == "__main__":
    main()
