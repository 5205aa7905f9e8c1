"""Benchmark: ``orgmodel support FILE --json`` end to end against a plain naive script.

Run: ``python3 benchmarks/cli_support.py [--units 5000]``. Both commands run as fresh
processes on the same generated dense model file (start-up, load, analysis, JSON output to a
file), alternating, five times each; the medians and their ratio are printed. The target is a
ratio of at most 0.15.

``python3 benchmarks/cli_support.py --memory DIR [DIR ...] [--units 50000] [--sparse]``
instead measures the peak memory (maximum resident set) of ``orgmodel support FILE --json``
with ``orgmodel`` from each checkout in turn (e.g. a ``git worktree`` of the base commit),
and whether their outputs are byte for byte the same.
"""

from __future__ import annotations

import argparse
import filecmp
import os
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


def peak_memory(command: list[str], code: str, out: Path) -> tuple[float, float]:
    """Peak resident memory (MB) and CPU seconds of one run, ``orgmodel`` from ``code``."""
    with out.open("wb") as handle:
        process = subprocess.Popen(command, stdout=handle, env=dict(os.environ, PYTHONPATH=code), cwd=code)
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(command)}")
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def memory(codes: list[str], units: int, dense: bool, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        model_path = Path(folder) / "model.orgmodel"
        save(generate_model(units, dense=dense, seed=11), model_path)
        outputs = {code: Path(folder) / f"out{i}.json" for i, code in enumerate(codes)}
        peaks: dict[str, list[float]] = {code: [] for code in codes}
        cpu: dict[str, list[float]] = {code: [] for code in codes}
        for _ in range(repeat):
            for code in codes:
                command = [sys.executable, "-m", "orgmodel", "support", str(model_path), "--json"]
                mb, seconds = peak_memory(command, code, outputs[code])
                peaks[code].append(mb)
                cpu[code].append(seconds)
        size = outputs[codes[0]].stat().st_size
        same = all(filecmp.cmp(outputs[codes[0]], outputs[code], shallow=False) for code in codes)
    print(f"model: {units:,} units ({'dense' if dense else 'sparse'}); output {size / 1e6:.1f} MB; identical: {'yes' if same else 'NO'}")
    for code in codes:
        print(f"{code}: peak memory median {statistics.median(peaks[code]):.0f} MB, CPU median {statistics.median(cpu[code]):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--memory", nargs="+", metavar="DIR", help="peak memory of support --json for these checkouts")
    parser.add_argument("--sparse", action="store_true", help="with --memory: a model without the large back-office cycle")
    args = parser.parse_args()
    if args.memory:
        memory(args.memory, args.units, not args.sparse, args.repeat)
        return
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
