"""Benchmark: ``orgmodel support FILE --json`` end to end against a plain naive script.

Run: ``python3 benchmarks/cli_support.py [--units 5000]``. Both commands run as fresh
processes on the same generated dense model file (start-up, load, analysis, JSON output to a
file), alternating, five times each; the medians and their ratio are printed. The target is a
ratio of at most 0.15.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgmodel.formats.native import save  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

# What a person would write without OrgModel: load the JSON, build the graph, loop.
NAIVE_SCRIPT = r"""
import json, sys
import networkx as nx
with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
g = nx.DiGraph()
g.add_nodes_from(u["id"] for u in doc["units"])
g.add_edges_from((d["from"], d["to"]) for d in doc.get("dependencies", []))
back = {u["id"] for u in doc["units"] if u["office"] == "back"}
revenue = [u["id"] for u in doc["units"]
           if u.get("revenue_generating", u["office"] == "front")]
result = {f: sorted((nx.descendants(g, f) & back) - {f}) for f in revenue}
sys.stdout.write(json.dumps(result, ensure_ascii=False, sort_keys=True) + "\n")
"""


def run(command: list[str], out: Path) -> float:
    start = time.perf_counter()
    with out.open("wb") as handle:
        subprocess.run(command, stdout=handle, check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        model_path = Path(folder) / "dense.orgmodel"
        save(generate_model(args.units, dense=True, seed=11), model_path)
        ours_out, naive_out = Path(folder) / "ours.json", Path(folder) / "naive.json"
        ours_cmd = [sys.executable, "-m", "orgmodel", "support", str(model_path), "--json"]
        naive_cmd = [sys.executable, "-c", NAIVE_SCRIPT, str(model_path)]
        ours, naive = [], []
        for _ in range(args.repeat):
            ours.append(run(ours_cmd, ours_out))
            naive.append(run(naive_cmd, naive_out))
        same = ours_out.read_bytes() == naive_out.read_bytes()
        size = ours_out.stat().st_size
    ours_m, naive_m = statistics.median(ours), statistics.median(naive)
    print(f"model: {args.units:,} units (dense); output {size / 1e6:.1f} MB of JSON; identical output: {'yes' if same else 'NO'}")
    print(f"orgmodel support --json : median {ours_m:.3f} s  (runs: {', '.join(f'{t:.2f}' for t in ours)})")
    print(f"naive script            : median {naive_m:.3f} s  (runs: {', '.join(f'{t:.2f}' for t in naive)})")
    print(f"ratio                   : {ours_m / naive_m:.3f}  (target <= 0.15)")
    if not same:
        raise SystemExit("outputs differ")


if __name__ == "__main__":
    main()
