"""Benchmark: ``Router.route_all`` on four layouts, base against this checkout, and how
many routes differ.

Run: ``python3 benchmarks/router_speed.py --base /tmp/router-base [--big] [--repeat 3]``
(a base copy: ``git archive main | tar -x -C /tmp/router-base``), or ``--same`` to count
the routes that differ between the two checkouts (and check this checkout's routes for
the invariants: no run through a card, no slanted run, no stretch shared by two lines
more often than the base shares them).

The layouts of ``generate_model(units, dense=False)`` (about 3 dependencies per unit):

- **org**: ``orgchart_layout`` (cards in rows under their managers);
- **grid**: non-overlapping grid, corner of unit i at ((i % 100) * 320, (i // 100) * 220);
- **stored**: generate_model's own positions ((i % 100) * 220, (i // 100) * 100): the
  260 x 144 cards overlap;
- **dense**: ``orgchart_layout`` of ``generate_model(units, dense=True)``.

Each measurement runs in a child process per checkout, checkouts alternating; the CPU
time (``time.process_time``) of ``route_all`` is the median over the runs.

``--moves [UNITS]`` (default 50,000) measures instead what the editor's benchmark does after
opening its model (``generate_model(UNITS, dense=True, seed=3)`` at its stored positions,
searches deferred as in the window): ``Router.move`` of the unit a third of the way down
the list by (+20, +10), ten times over, CPU median of moves 2-10 (the editor's median) and
the slowest, with the lines each returned; and the memory the router keeps after
``route_all`` (resident set after a full collection, less before).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ("org", "grid", "stored", "dense")


def scene(layout: str, units: int):
    """(corners, edges) of one benchmark layout."""
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout import orgchart_layout
    from orgmodel.synthetic import generate_model

    model = generate_model(units, dense=layout == "dense")
    edges = [(d.source, d.target) for d in model.dependencies()]
    units_ = list(model.units())
    if layout in ("org", "dense"):
        corners = orgchart_layout(model, CARD_WIDTH, CARD_HEIGHT)
    elif layout == "grid":
        corners = {u.id: ((i % 100) * 320.0, (i // 100) * 220.0) for i, u in enumerate(units_)}
    else:
        corners = {u.id: (u.x, u.y) for u in units_}
    return corners, edges


def child_time(layout: str, units: int) -> float:
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout.routing import Router

    corners, edges = scene(layout, units)
    start = time.process_time()
    Router(CARD_WIDTH, CARD_HEIGHT).route_all(corners, edges)
    return time.process_time() - start


def child_routes(layout: str, units: int, out: str) -> None:
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout.routing import Router

    corners, edges = scene(layout, units)
    routes = Router(CARD_WIDTH, CARD_HEIGHT).route_all(corners, edges)
    Path(out).write_text(json.dumps([[s, t, points] for (s, t), points in routes.items()]))


def child_moves(units: int) -> dict:
    import gc

    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout.routing import Router
    from orgmodel.synthetic import generate_model

    def resident_mb() -> float:
        with open("/proc/self/statm") as file:
            return int(file.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    model = generate_model(units, dense=True, seed=3)
    edges = [(d.source, d.target) for d in model.dependencies()]
    corners = {u.id: (u.x, u.y) for u in model.units()}
    uid = model.unit_ids()[len(model) // 3]
    del model
    gc.collect()
    before = resident_mb()
    router = Router(CARD_WIDTH, CARD_HEIGHT)
    router.defer_searches = True
    start = time.process_time()
    router.route_all(corners, edges)
    route_all = time.process_time() - start
    gc.collect()
    kept = resident_mb() - before
    x, y = corners[uid]
    times, lines = [], []
    for _ in range(10):
        x, y = x + 20.0, y + 10.0
        start = time.process_time()
        lines.append(len(router.move({uid: (x, y)})))
        times.append(time.process_time() - start)
    return {"route_all": route_all, "kept_mb": kept, "move": statistics.median(times[1:]), "slowest": max(times),
            "lines": lines}


def moves(codes: list[str], units: int, repeat: int) -> None:
    print(f"Router.move at {units:,} units (CPU ms: median of moves 2-10, slowest) and memory kept after "
          f"route_all, medians over {repeat} runs, checkouts alternating")
    found: dict[str, list[dict]] = {code: [] for code in codes}
    for _ in range(repeat):
        for code in codes:
            found[code].append(json.loads(run_child(code, "moves", str(units))))
    for code in codes:
        runs = found[code]
        median = {name: statistics.median(run[name] for run in runs) for name in ("route_all", "kept_mb", "move", "slowest")}
        print(f"{Path(code).name:>12}: move {median['move'] * 1000:6.1f} ms, slowest {median['slowest'] * 1000:6.1f} ms, "
              f"route_all {median['route_all']:6.2f} s, kept {median['kept_mb']:5.0f} MB; lines per move {runs[0]['lines']}")


def run_child(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=code)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], env=env,
                         cwd=code, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""


def crossings(routes: dict, corners: dict, w: float, h: float) -> int:
    """Runs through a card's interior (slanted runs count), through a grid of cells."""
    cell = 512.0
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x, y in corners.values():
        for i in range(int(x // cell), int((x + w) // cell) + 1):
            for j in range(int(y // cell), int((y + h) // cell) + 1):
                grid.setdefault((i, j), []).append((x, y))
    bad = 0
    for points in routes.values():
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if x0 != x1 and y0 != y1:
                bad += 1
                continue
            lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            seen = set()
            for i in range(int(lo_x // cell), int(hi_x // cell) + 1):
                for j in range(int(lo_y // cell), int(hi_y // cell) + 1):
                    for cx, cy in grid.get((i, j), ()):
                        if (cx, cy) not in seen and lo_x < cx + w and hi_x > cx and lo_y < cy + h and hi_y > cy:
                            seen.add((cx, cy))
                            bad += 1
    return bad


def compare(base: str, units: int) -> None:
    import tempfile

    sys.path.insert(0, str(ROOT))
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from tests.core.test_routing import shared_runs

    with tempfile.TemporaryDirectory() as tmp:
        for layout in LAYOUTS:
            found = {}
            for name, code in (("base", base), ("now", str(ROOT))):
                out = os.path.join(tmp, f"{name}.json")
                run_child(code, "routes", layout, str(units), out)
                found[name] = {(s, t): [tuple(p) for p in points] for s, t, points in json.loads(Path(out).read_text())}
            corners, _ = scene(layout, units)
            differ = sum(found["base"].get(key) != points for key, points in found["now"].items())
            checks = {name: (crossings(routes, corners, CARD_WIDTH, CARD_HEIGHT), len(shared_runs(routes)))
                      for name, routes in found.items()}
            print(f"{layout:7} {units:>7,}: {len(found['now']):,} routes, {differ:,} differ; "
                  f"runs through cards base {checks['base'][0]:,} now {checks['now'][0]:,}; "
                  f"shared stretches base {checks['base'][1]:,} now {checks['now'][1]:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=False, help="the base checkout")
    parser.add_argument("--big", action="store_true", help="50,000 units too")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--same", action="store_true", help="count differing routes instead of timing")
    parser.add_argument("--layouts", nargs="+", default=list(LAYOUTS))
    parser.add_argument("--moves", type=int, nargs="?", const=50_000, help="Router.move and memory kept at this size")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, os.getcwd())
        if args.child[0] == "moves":
            print(json.dumps(child_moves(int(args.child[1]))))
        elif args.child[0] == "time":
            print(json.dumps(child_time(args.child[1], int(args.child[2]))))
        else:
            child_routes(args.child[1], int(args.child[2]), args.child[3])
        return
    if args.moves:
        moves(([args.base] if args.base else []) + [str(ROOT)], args.moves, args.repeat)
        return
    sizes = [10_000, 50_000] if args.big else [10_000]
    if args.same:
        for units in sizes:
            compare(args.base, units)
        return
    codes = ([args.base] if args.base else []) + [str(ROOT)]
    print(f"CPU-time medians of Router.route_all over {args.repeat} runs, checkouts alternating: " + ", ".join(codes))
    for units in sizes:
        for layout in args.layouts:
            times: dict[str, list[float]] = {code: [] for code in codes}
            for _ in range(args.repeat):
                for code in codes:
                    times[code].append(float(run_child(code, "time", layout, str(units))))
            medians = [statistics.median(times[code]) for code in codes]
            text = "  ".join(f"{Path(code).name}: {m:6.3f} s" for code, m in zip(codes, medians))
            ratio = f"  ratio {medians[0] / medians[-1]:5.2f}x" if len(codes) > 1 else ""
            print(f"{layout:7} {units:>7,}  {text}{ratio}")


if __name__ == "__main__":
    main()
