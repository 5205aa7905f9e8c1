"""Benchmark: how long refusing a hostile file takes, in CPU time, and its peak memory.

Run: ``python3 benchmarks/hostile_files.py [--repeat 3] [--megabytes 50]``. Each file is
refused by a fresh process, as a person meets it: ``python -m orgmodel check FILE`` for the
``.orgmodel`` files, ``tests/core/formats/hostile_xml.py FILE`` (the editor's GraphML
import) for the GraphML ones. Prints, per file, the median CPU seconds (user + system of
the process) and the peak resident memory, against the targets the tests used to time:

* the generated ~50 MB model with one bad unit at its very end: under 15 s;
* every file of tests/core/formats/hostile_models/ and the 1 MB name: under 5 s each;
* every hostile GraphML file of tests/core/formats/test_graphml.py: under 10 s each.

The tests assert what is refused and with which message (and bounded memory on a 1 MB
model); only this script says how fast. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS_TESTS = ROOT / "tests" / "core" / "formats"
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(FORMATS_TESTS)]

import test_graphml  # noqa: E402  (its HOSTILE table of GraphML makers)
from test_hostile_models import HOSTILE, write_big_model  # noqa: E402


def run(command: list[str]) -> tuple[int, float, float]:
    """(exit code, CPU seconds, peak resident MB) of one process, by GNU time: wait4() from
    this process would count its own (larger) memory in the child's peak."""
    with tempfile.NamedTemporaryFile("r") as report:
        process = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name, *command],
                                 cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        user, system, kilobytes = report.read().split()[-3:]
    return process.returncode, float(user) + float(system), int(kilobytes) / 1024


def measure(name: str, command: list[str], limit: float, repeat: int) -> bool:
    runs = [run(command) for _ in range(repeat)]
    codes = {code for code, _, _ in runs}
    cpu = statistics.median(seconds for _, seconds, _ in runs)
    peak = max(megabytes for _, _, megabytes in runs)
    ok = codes == {1} and cpu < limit
    print(f"{name:28} exit {','.join(map(str, sorted(codes))):3} cpu {cpu:6.2f} s (target < {limit:g})  peak {peak:7.1f} MB  {'ok' if ok else 'MISSED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=50)
    args = parser.parse_args()
    check = [sys.executable, "-m", "orgmodel", "check"]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.orgmodel"
        write_big_model(huge, int(args.megabytes * 1_000_000))
        print(f"medians of {args.repeat} runs; {huge.stat().st_size / 1e6:.1f} MB model")
        results.append(measure("huge.orgmodel", [*check, str(huge)], 15.0, args.repeat))
        long_name = Path(folder) / "long_name.orgmodel"
        long_name.write_text('{"format": "orgmodel", "version": 1, "units": [{"id": "a", "name": "%s\\u0007", "office": "back"}]}' % ("N" * (1 << 20)), encoding="utf-8")
        for path in [long_name, *HOSTILE]:
            results.append(measure(path.name, [*check, str(path)], 5.0, args.repeat))
        for name in sorted(test_graphml.HOSTILE):
            path = Path(folder) / f"{name}.graphml"
            test_graphml.HOSTILE[name](path)
            results.append(measure(path.name, [sys.executable, str(test_graphml.HELPER), str(path)], 10.0, args.repeat))
    print(f"{sum(results)} of {len(results)} within their targets")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
