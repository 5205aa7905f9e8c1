"""Fault injection, the long run (issue 19): every writer killed many times at random points.

Run: ``python3 benchmarks/fault_injection.py [--rounds 5] [--seed 19] [--pictures]``. Each
round starts one child per writer (CSV, xlsx, GraphML, draw.io, .orgmodel; with
``--pictures`` also PNG, SVG, PDF) and signal (SIGKILL, SIGINT, SIGTERM), all at once; each
child writes its file again and again through the command line's own code
(``tests/system/reliability/fault_child.py``) and is sent its signal at a random moment
after its first whole write. Then every file must be whole (one of the two versions the
child writes), the exit code 130 / 143 (or killed by SIGKILL), no traceback, and no temporary
left but by SIGKILL. Prints the number of kills per writer and signal and every failure.
The test suite runs one kill per writer (``test_reliability_faults.py``).
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "system" / "reliability"))

from test_reliability_faults import EXPECTED, MODEL_FILES, PICTURES, kill_all  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--pictures", action="store_true", help="also PNG, SVG and PDF exports (Qt: slower)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    extensions = [*MODEL_FILES, ".drawio", *(PICTURES if args.pictures else ())]
    kills: Counter[tuple[str, str]] = Counter()
    failures: list[str] = []
    for round_number in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="fault-injection-") as folder:
            runs = []
            for extension in extensions:
                for signum in EXPECTED:
                    place = Path(folder, f"{extension[1:]}-{signum.name}")
                    place.mkdir()
                    name = "diagram" if extension in PICTURES else "units"
                    runs.append((place / f"{name}{extension}", signum, 60 if extension in PICTURES else 200))
                    kills[(extension, signum.name)] += 1
            failures += [f"round {round_number + 1}: {failure}" for failure in kill_all(runs, rng)]
        print(f"round {round_number + 1}/{args.rounds}: {len(failures)} failures so far", flush=True)
    print()
    print(f"{'writer':>10}  " + "  ".join(f"{s.name:>8}" for s in EXPECTED))
    for extension in extensions:
        print(f"{extension:>10}  " + "  ".join(f"{kills[(extension, s.name)]:>8}" for s in EXPECTED))
    print(f"\n{sum(kills.values())} kills, {len(failures)} failures")
    for failure in failures:
        print(failure)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    main()
