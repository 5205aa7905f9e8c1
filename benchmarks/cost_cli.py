"""Benchmark: ``orgmodel cost`` and ``orgmodel automation`` end to end, tables and ``--json``,
this checkout against another one (a copy of the base commit), at 10,000 units.

Run: ``python3 benchmarks/cost_cli.py --base DIR`` (``--units N``, ``--repeat K``,
``--shape dense|sparse``, ``--command "cost --json"`` …). DIR is the other checkout, e.g.
``git -C MAIN archive main | tar -x -C /tmp/base``. The model is generated deterministically
(orgmodel.synthetic.generate_model, costs, revenues and potentials included) and saved once;
each command runs as a fresh process with ``orgmodel`` from each checkout in turn,
alternating, its output to a file. For each: the median CPU time (user + system of the child,
from ``os.wait4``), the ratio new / base, the median peak memory (maximum resident set) and
whether the outputs are byte for byte the same (sha256). Targets: at most 2 s CPU and 600 MB
at 10k.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgmodel.formats.native import save  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

COMMANDS = ["cost --json", "automation --json", "cost", "automation"]


def run(code: Path, command: str, model: Path, out: Path) -> tuple[float, float, str]:
    """CPU seconds, peak memory (MB) and the sha256 of the output of one run."""
    words = command.split()
    with out.open("wb") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "orgmodel", words[0], str(model), *words[1:]], stdout=handle, cwd=code,
            env=dict(os.environ, PYTHONPATH=str(code)),
        )
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {command} with {code}")
    digest = hashlib.sha256()
    with out.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, type=Path, help="the other checkout (the base commit)")
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shape", choices=("dense", "sparse"), action="append", help="model shape (default: both)")
    parser.add_argument("--command", action="append", help=f"command to time (default: {', '.join(COMMANDS)})")
    args = parser.parse_args()
    checkouts = {"base": args.base.resolve(), "new": ROOT}
    print(f"python {sys.version.split()[0]}; base = {checkouts['base']}; new = {ROOT}; medians of {args.repeat} runs each, alternating")
    print(f"{'shape':>6} {'command':>18} {'base CPU':>9} {'new CPU':>8} {'ratio':>6} {'base MB':>8} {'new MB':>7} {'output':>9}  same")
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shape or ["dense", "sparse"]:
            model_path = Path(folder) / f"{shape}.orgmodel"
            save(generate_model(args.units, dense=shape == "dense"), model_path)
            for command in args.command or COMMANDS:
                cpu: dict[str, list[float]] = {name: [] for name in checkouts}
                peak: dict[str, list[float]] = {name: [] for name in checkouts}
                digests: dict[str, set[str]] = {name: set() for name in checkouts}
                for k in range(args.repeat):
                    order = list(checkouts) if k % 2 == 0 else list(reversed(checkouts))
                    for name in order:
                        out = Path(folder) / f"{name}.out"
                        seconds, mb, digest = run(checkouts[name], command, model_path, out)
                        cpu[name].append(seconds)
                        peak[name].append(mb)
                        digests[name].add(digest)
                size = (Path(folder) / "new.out").stat().st_size
                same = len(digests["base"] | digests["new"]) == 1
                base, new = statistics.median(cpu["base"]), statistics.median(cpu["new"])
                print(
                    f"{shape:>6} {command:>18} {base:>8.2f}s {new:>7.2f}s {new / base:>6.2f} {statistics.median(peak['base']):>8.0f} "
                    f"{statistics.median(peak['new']):>7.0f} {size / 1e6:>7.1f}MB  {'yes' if same else 'NO'}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
