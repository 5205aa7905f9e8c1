"""Benchmark: routing the lines of connected cards far apart (issue 19).

Run: ``python3 benchmarks/far_cards.py [--code DIR ...] [--repeat 3]``. Each ``--code`` is a
checkout (default: this one; a base copy: ``git archive main | tar -x -C /tmp/base-reliable``);
each measurement runs in a child process per checkout, side by side, and prints the CPU-time
median (``time.process_time``) of ``Router.route_all`` on three cards, two near the origin
and one ``DISTANCE`` away down and across, with three dependency lines, and the number of
band nodes the channel search built. Before, the work grew with the distance (one node per
32-unit band between the cards: an export of two cards 10^8 apart took 65 s and 1.2 GB);
after, it follows the cards.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
from orgmodel.layout.routing import Router
distance, repeat = float(sys.argv[1]), int(sys.argv[2])
corners = {"a": (0.0, 0.0), "c": (500.0, 0.0), "far": (distance, distance)}
times = []
for _ in range(repeat):
    router = Router(180.0, 64.0)
    start = time.process_time()
    router.route_all(corners, [("a", "far"), ("far", "c"), ("c", "a")])
    times.append(time.process_time() - start)
print(json.dumps({"cpu": times, "nodes": len(router.space._nodes)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", nargs="*", default=[str(ROOT)])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--distances", nargs="*", type=float, default=[1e6, 1e7, 3e7])
    args = parser.parse_args()
    print(f"{'distance':>10}  " + "  ".join(f"{Path(code).name:>28}" for code in args.code))
    for distance in args.distances:
        cells = []
        for code in args.code:
            out = subprocess.run([sys.executable, "-c", CHILD, str(distance), str(args.repeat)], cwd=code,
                                 capture_output=True, text=True, check=True, env={"PYTHONPATH": code, "PATH": ""})
            result = json.loads(out.stdout)
            cells.append(f"{statistics.median(result['cpu']):9.3f} s {result['nodes']:>9,} nodes")
        print(f"{distance:>10.0e}  " + "  ".join(f"{cell:>28}" for cell in cells))


if __name__ == "__main__":
    main()
