"""Benchmark: importers on slow or memory-hungry inputs (issue 19), base against this checkout.

Run: ``python3 benchmarks/hostile_readers.py [--repeat 3] [--base DIR] [--only NAME]``
(``git archive main | tar -x -C /tmp/base-readers`` for DIR). Each file is imported by
:func:`orgmodel.formats.read_any` in a fresh child process under a CPU-time limit
(``--cpu``, default 60 s) and an address-space limit (``--memory`` MB, default 2048); the
script prints, per file and checkout, the median CPU seconds (user + system), the peak
resident memory and how the import ended (``ok``, ``refused``, or the limit that ended it).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "system" / "reliability"))

import hostile_inputs as hostile  # noqa: E402  (the same files the reliability tests use)
CHILD = """
import sys
from orgmodel.errors import OrgModelError
from orgmodel.formats import read_any
try:
    model, _ = read_any(sys.argv[1])
    print("ok", len(model))
except OrgModelError as error:
    print("refused", str(error).splitlines()[0][-90:])
"""


FILES: dict[str, Callable[[Path], None]] = {
    "quotes-64k.csv": hostile.quotes_csv,
    "chain-3000.csv": lambda path: hostile.chain_csv(path, 3_000),
    "chain-20000.csv": lambda path: hostile.chain_csv(path, 20_000),
    "chain-20000.graphml": lambda path: hostile.chain_graphml(path, 20_000),
    "far-row.xlsx": hostile.far_row_xlsx,
    "column-bomb.xlsx": hostile.column_bomb_xlsx,
    "zip-bomb.xlsx": hostile.zip_bomb_xlsx,
    "shared-strings.xlsx": hostile.shared_strings_xlsx,
    "default-bomb.graphml": hostile.default_bomb_graphml,
}


def _measure(checkout: Path, path: Path, cpu: int, memory: int) -> tuple[float, float, str]:
    """CPU seconds, peak MB and the outcome of one import by ``checkout`` in a child."""
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_AS, (memory << 20, memory << 20))

    code = (f"import os, resource, subprocess, sys\n"
            f"p = subprocess.run([sys.executable, '-c', {CHILD!r}, {str(path)!r}], capture_output=True, text=True)\n"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, p.returncode, ((p.stdout.strip() or p.stderr.strip()).splitlines() or [''])[-1][:100], sep='\\t')\n")
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, preexec_fn=limits,
                         cwd=path.parent)  # not this folder: "-c" puts the working folder first on sys.path
    seconds, peak, returncode, outcome = out.stdout.rstrip("\n").split("\t", 3)
    if int(returncode) < 0:
        outcome = {-9: "killed (CPU limit)", -24: "killed (CPU limit)"}.get(int(returncode), f"signal {-int(returncode)}")
    return float(seconds), float(peak), outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--base", type=Path)
    parser.add_argument("--only")
    parser.add_argument("--cpu", type=int, default=60)
    parser.add_argument("--memory", type=int, default=2048)
    options = parser.parse_args()
    checkouts = [("base", options.base)] if options.base else []
    checkouts.append(("new", ROOT))
    with tempfile.TemporaryDirectory() as folder:
        for name, write in FILES.items():
            if options.only and options.only not in name:
                continue
            path = Path(folder, name)
            write(path)
            for label, checkout in checkouts:
                runs = [_measure(checkout, path, options.cpu, options.memory) for _ in range(options.repeat)]
                seconds = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                print(f"{name:24} {label:4} {path.stat().st_size / 1024:8.1f} KB  cpu {seconds:7.2f} s  peak {peak:7.0f} MB  {runs[-1][2]}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
