"""Benchmark: the support map by SCC + bitsets against the per-unit ``nx.descendants`` loop.

Run: ``python3 benchmarks/support_map.py`` (add ``--quick`` for 1,000 and 10,000 units only).
Models are generated deterministically (orgmodel.synthetic): 20% front, 20% middle, 60% back
office, ~3 dependencies per unit, a large back-office cycle. Both methods run in the same
process, one after the other; times are medians, and the naive loop runs only where it is
expected to finish within a minute (it is quadratic).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgmodel.analysis import analyse, naive_support_map  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

NAIVE_BUDGET_S = 60.0


def median_time(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only 1,000 and 10,000 units")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]
    print(f"python {sys.version.split()[0]}; times are medians; naive = per-unit nx.descendants loop")
    print(f"{'units':>7} {'deps':>7} {'shape':>6} {'bitsets':>9} {'+lists':>9} {'naive':>10} {'ratio':>8}  agree  result size")
    previous_naive: dict[bool, tuple[int, float]] = {}
    for n in sizes:
        for dense in (True, False):
            model = generate_model(n, dense=dense, seed=7)
            fast, analysis = median_time(lambda: analyse(model), 7 if n <= 10_000 else 3)
            lists, support = median_time(lambda: analysis.support_map(), 3 if n <= 10_000 else 1)
            pairs = sum(map(len, support.values()))
            bitset_bytes = sum(sys.getsizeof(b) for b in analysis._support_bits.values())
            # Estimate the quadratic loop from the previous size before daring to run it.
            estimate = None
            if dense in previous_naive:
                m, t = previous_naive[dense]
                estimate = t * (n / m) ** 2
            if estimate is None or estimate < NAIVE_BUDGET_S:
                naive_s, naive = median_time(lambda: naive_support_map(model), 3 if n <= 1_000 else 1)
                previous_naive[dense] = (n, naive_s)
                agree = "yes" if naive == support else "NO"
                naive_text, ratio = f"{naive_s * 1000:8.0f}ms", f"{naive_s / fast:7.0f}x"
            else:
                agree, naive_text, ratio = "-", f"~{estimate / 60:5.0f} min", f"~{estimate / fast:6.0f}x"
            print(
                f"{n:>7,} {model.dependency_count:>7,} {'dense' if dense else 'sparse':>6} "
                f"{fast * 1000:7.1f}ms {lists * 1000:7.0f}ms {naive_text:>10} {ratio:>8}  {agree:>5}  "
                f"{pairs:,} pairs in {bitset_bytes / 1e6:.1f} MB of bitsets"
            )
            if agree == "NO":
                raise SystemExit("the fast and the naive support maps disagree")
    print("bitsets: analyse() (support of every revenue unit, as bitsets); +lists: decoding all of them to sorted id lists")


if __name__ == "__main__":
    main()
