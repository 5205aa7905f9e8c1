"""Benchmark: cost-to-serve (three methods) and the automation ranking at 10,000 units.

Run: ``python3 benchmarks/cost.py`` (``--units N``, ``--repeat K``). The model is generated
deterministically (orgmodel.synthetic.generate_model: 20% front, 20% middle, 60% back
office, ~3 dependencies per unit, a large back-office cycle; ``dense`` and sparse shapes).
Times are CPU-time medians (``time.process_time``) of ``allocate`` for each method (the
solve and the rounded totals: what the editor's table needs), of reading the whole
attribution (``from_all``: every revenue unit's ``from``, what ``cost --json`` writes), and
of ``rank_automation`` with every unit's margin uplift (the whole attribution) and without. Target: reciprocal under 1 s in-process.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgmodel.analysis.automation import rank_automation  # noqa: E402
from orgmodel.analysis.cost import allocate  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402


def cpu_median(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        result = function()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; CPU-time medians of {args.repeat} runs (attribution and automation: of {max(1, args.repeat // 2)})")
    print(f"{'shape':>6} {'units':>7} {'deps':>7} {'method':>10} {'allocate':>9} {'attribution':>12} {'unallocated share':>18}")
    for dense in (True, False):
        model = generate_model(args.units, dense=dense)
        shape = "dense" if dense else "sparse"
        for method in ("reciprocal", "step", "direct"):
            seconds, result = cpu_median(lambda: allocate(model, method), args.repeat)
            attribution, _ = cpu_median(lambda: sum(len(row) for _, row in result.from_all()), max(1, args.repeat // 2))
            share = result.unallocated / result.total_service_cost if result.total_service_cost else 0.0
            print(f"{shape:>6} {len(model):>7,} {model.dependency_count:>7,} {method:>10} {seconds:>8.3f}s {attribution:>11.3f}s {share:>17.1%}")
        seconds, ranking = cpu_median(lambda: rank_automation(model), max(1, args.repeat // 2))
        print(f"{shape:>6} {len(model):>7,} {model.dependency_count:>7,} {'automation':>10} {seconds:>8.3f}s   ({len(ranking):,} units ranked, with every unit's margin uplift)")
        seconds, ranking = cpu_median(lambda: rank_automation(model, uplift=False), args.repeat)
        print(f"{shape:>6} {len(model):>7,} {model.dependency_count:>7,} {'ranking':>10} {seconds:>8.3f}s   (the same without the margin uplift)")


if __name__ == "__main__":
    main()
