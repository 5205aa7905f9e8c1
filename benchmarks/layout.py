"""Benchmark: the org-chart and office-bands layouts on generated models.

Run: ``python3 benchmarks/layout.py [--quick]``. Models from ``orgmodel.synthetic`` (about
3 dependencies per unit). Prints the median time per layout and, for office bands, the
dependency crossings between bands in model order and after ordering. If Graphviz ``dot``
is on PATH it is timed on the same 1,000-unit graphs for comparison.

Targets: org chart 10,000 units < 0.1 s, 50,000 < 0.5 s; office bands 10,000 units
< 0.5 s with at least 30% fewer crossings than model order.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgmodel.layout import band_crossings, bands_layout, bands_order, orgchart_layout  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

W, H = 180.0, 64.0


def median_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]
    print(f"{'units':>7} {'deps':>7} {'org chart':>10} {'bands':>9} {'crossings: model order':>23} {'after':>10} {'fewer':>6}")
    for n in sizes:
        model = generate_model(n, seed=21)
        repeat = 5 if n <= 10_000 else 3
        org = median_time(lambda: orgchart_layout(model, W, H), repeat)
        bands = median_time(lambda: bands_layout(model, W, H), repeat if n <= 10_000 else 1)
        before = band_crossings(model, ranks({o: [u.id for u in model.units() if u.office == o] for o in ("front", "middle", "back")}))
        after = band_crossings(model, ranks(bands_order(model)))
        print(f"{n:>7,} {model.dependency_count:>7,} {org * 1000:8.1f}ms {bands * 1000:7.0f}ms {before:>23,} {after:>10,} {1 - after / before:6.0%}")
        if n == 1_000:
            tree, deps = dot_seconds(model, "tree"), dot_seconds(model, "deps")
            if tree is None:
                print("        (Graphviz dot is not installed here: no comparison)")
            else:
                print(f"        dot: tree {tree:.2f}s ({tree / org:.0f}x ours), dependencies {deps:.2f}s ({deps / bands:.0f}x ours)")


if __name__ == "__main__":
    main()
