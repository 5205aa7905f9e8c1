"""Benchmark: what-if and single points of failure, the fast pass against failing each unit
in turn.

Run: ``python3 benchmarks/whatif.py`` (``--sizes 1000 10000``, ``--repeat K``, ``--sample N``).
The model is ``orgmodel.synthetic.generate_model(n)`` (~3 dependencies per unit, a large
back-office cycle) with alternatives added deterministically: of every unit with at least
two dependencies, one in four has its first two made one group "alt". Times are CPU-time
medians (``time.process_time``) of

- **what-if, one unit**: ``what_if`` of one back-office unit from scratch (the needs built
  from the model included) and with the needs already built (what the editor keeps);
- **ranking, fast**: ``single_points`` (every unit's revenue at risk and the revenue units
  it fells, both directions, as the JSON carries them);
- **ranking, naive**: ``what_if`` of every unit in turn. At 10,000 units that is extrapolated
  from ``--sample`` units (evenly spaced), and the script says so.

Targets (issue 17): one what-if at 10k under 50 ms, the full ranking at 10k under 2 s.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cost import cpu_median  # noqa: E402  (benchmarks/cost.py: the same CPU-time median)
from orgmodel.analysis.spof import single_points  # noqa: E402
from orgmodel.analysis.whatif import Needs, what_if  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402


def with_alternatives(units: int):
    model = generate_model(units)
    successors = model.adjacency()[0]
    for k, uid in enumerate(model.unit_ids()):
        supporters = list(successors[uid])
        if len(supporters) >= 2 and k % 4 == 0:
            for target in supporters[:2]:
                model.update_dependency(uid, target, group="alt")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=300, help="units failed in turn for the naive ranking above 2,000 units")
    options = parser.parse_args()
    for size in options.sizes:
        model = with_alternatives(size)
        ids = model.unit_ids()
        back = next(u.id for u in model.units() if u.office == "back")
        grouped = len(model.dependency_groups())
        print(f"{size:,} units, {model.dependency_count:,} dependencies ({grouped:,} in alternative groups)")
        scratch, _ = cpu_median(lambda: what_if(model, [back]), options.repeat)
        needs = Needs(model)
        kept, result = cpu_median(lambda: what_if(model, [back], needs), options.repeat)
        print(f"  what-if, one unit ({len(result.down):,} down): {scratch * 1000:8.1f} ms from scratch, {kept * 1000:6.1f} ms with the needs kept")
        fast, points = cpu_median(lambda: single_points(model), options.repeat)
        entries = sum(len(row["revenue_units"]) for row in points.units)
        print(f"  ranking, fast:  {fast:8.3f} s  ({entries:,} unit → revenue unit pairs)")
        sample = ids if size <= 2000 else ids[:: max(1, len(ids) // options.sample)]
        gc.collect()
        start = time.process_time()
        for uid in sample:
            what_if(model, [uid], needs)
        naive = (time.process_time() - start) * len(ids) / len(sample)
        how = "" if len(sample) == len(ids) else f" (extrapolated from {len(sample)} units)"
        print(f"  ranking, naive: {naive:8.3f} s{how}: {naive / fast:.0f}x the fast pass")


if __name__ == "__main__":
    main()
