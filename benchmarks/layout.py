"""Benchmark: the org-chart and office-bands layouts on generated models.

Run: ``python3 benchmarks/layout.py [--quick] [--code DIR]``. Models from
``orgmodel.synthetic`` (about 3 dependencies per unit). Prints the median CPU time per
layout and, for office bands, the dependency crossings between bands in model order and
after ordering, and a digest of the bands' positions (the same digest before and after a
change proves the same places). If Graphviz ``dot`` is on PATH it is timed (wall-clock) on
the same 1,000-unit graphs for comparison. ``--code DIR`` imports ``orgmodel`` from another
checkout (e.g. a ``git worktree`` of the base commit), to run before and after alternately.

``python3 benchmarks/layout.py --cli DIR [DIR ...]`` instead times the command line on a
10,000-unit file: the CPU time of ``orgmodel layout FILE OUT`` minus that of ``orgmodel
check FILE`` (what laying out and saving cost beyond loading), each checkout in turn
(``--repeat N`` runs of each, 5 by default).

Targets: org chart 10,000 units < 0.1 s, 50,000 < 0.5 s; office bands 10,000 units
< 0.5 s with at least 30% fewer crossings than model order; ``layout`` <= 0.3 s beyond
``check``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W, H = 180.0, 64.0


def median_time(function, repeat: int) -> float:
    """Median CPU seconds (the machine is shared: wall-clock is noise)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def child_cpu(command: list[str], code: str) -> float:
    """CPU seconds (user + system) of one run of ``command`` with ``orgmodel`` from ``code``."""
    env = dict(os.environ, PYTHONPATH=code)
    process = subprocess.Popen(command, env=env, cwd=code, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime


def cli(codes: list[str], units: int = 10_000, repeat: int = 5) -> None:
    """``orgmodel layout`` minus ``orgmodel check`` per checkout, alternating checkouts."""
    import tempfile

    sys.path.insert(0, codes[0])
    from orgmodel.formats.native import save
    from orgmodel.synthetic import generate_model

    with tempfile.TemporaryDirectory() as folder:
        model_file, out = str(Path(folder, "model.orgmodel")), str(Path(folder, "out.orgmodel"))
        save(generate_model(units), model_file)
        runs: dict[str, dict[str, list[float]]] = {code: {"check": [], "orgchart": [], "bands": []} for code in codes}
        for _ in range(repeat):
            for code in codes:
                runs[code]["check"].append(child_cpu([sys.executable, "-m", "orgmodel", "check", model_file], code))
                for style in ("orgchart", "bands"):
                    command = [sys.executable, "-m", "orgmodel", "layout", model_file, out, "--style", style]
                    runs[code][style].append(child_cpu(command, code))
    print(f"{units:,} units; CPU-time medians of {repeat} runs per checkout, alternating")
    print("(beyond check: the median of each run's layout minus the check run just before it)")
    for code, times in runs.items():
        check = statistics.median(times["check"])
        beyond = {style: statistics.median(a - b for a, b in zip(times[style], times["check"])) for style in ("orgchart", "bands")}
        print(f"{code}: check {check:.2f}s; layout beyond check: orgchart {beyond['orgchart']:.2f}s, bands {beyond['bands']:.2f}s")


def ranks(order: dict[str, list[str]]) -> dict[str, float]:
    return {uid: i / max(1, len(units) - 1) for units in order.values() for i, uid in enumerate(units)}


def dot_seconds(model, edges: str) -> float | None:
    dot = shutil.which("dot")
    if dot is None:
        return None
    lines = ["digraph G {"]
    if edges == "tree":
        lines += [f'"{c}" -> "{p}";' for c, p in model.reporting_lines()]
    else:
        lines += [f'"{d.source}" -> "{d.target}";' for d in model.dependencies()]
    lines.append("}")
    start = time.perf_counter()
    try:
        subprocess.run([dot, "-Tplain"], input="\n".join(lines), text=True, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 units only")
    parser.add_argument("--code", default=str(ROOT), help="checkout to import orgmodel from")
    parser.add_argument("--cli", nargs="+", metavar="DIR", help="time orgmodel layout minus check for these checkouts")
    parser.add_argument("--repeat", type=int, default=5, help="runs per checkout with --cli")
    args = parser.parse_args()
    if args.cli:
        cli(args.cli, repeat=args.repeat)
        return
    sys.path.insert(0, args.code)
    from orgmodel.layout import band_crossings, bands_layout, bands_order, orgchart_layout
    from orgmodel.synthetic import generate_model

    print(f"orgmodel from {args.code}; CPU-time medians")
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]
    print(f"{'units':>7} {'deps':>7} {'org chart':>10} {'bands':>9} {'crossings: model order':>23} {'after':>10} {'fewer':>6}  positions")
    for n in sizes:
        model = generate_model(n, seed=21)
        repeat = 5 if n <= 10_000 else 3
        org = median_time(lambda: orgchart_layout(model, W, H), repeat)
        bands = median_time(lambda: bands_layout(model, W, H), repeat)
        before = band_crossings(model, ranks({o: [u.id for u in model.units() if u.office == o] for o in ("front", "middle", "back")}))
        after = band_crossings(model, ranks(bands_order(model)))
        digest = hashlib.sha1(repr(bands_layout(model, W, H)).encode()).hexdigest()[:12]
        print(f"{n:>7,} {model.dependency_count:>7,} {org * 1000:8.1f}ms {bands * 1000:7.0f}ms {before:>23,} {after:>10,} {1 - after / before:6.0%}  {digest}")
        if n == 1_000:
            tree, deps = dot_seconds(model, "tree"), dot_seconds(model, "deps")
            if tree is None:
                print("        (Graphviz dot is not installed here: no comparison)")
            else:
                print(f"        dot: tree {tree:.2f}s ({tree / org:.0f}x ours), dependencies {deps:.2f}s ({deps / bands:.0f}x ours)")


if __name__ == "__main__":
    main()
