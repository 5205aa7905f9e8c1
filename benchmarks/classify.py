"""Benchmark: office suggestions for 10,000 unit names, the first classifier (every lexicon
term tried at every word) against the indexed one (only the terms a word can start).

Run: ``python3 benchmarks/classify.py [--base DIR] [--repeat K]``. ``--base`` is a checkout of
the first classifier, e.g. ``git archive 752d625 | tar -x -C /tmp/base-classify``; the new
one is this checkout. Both run in this one process, side by side, on the same names (the
labelled corpus of tests/core/classify_corpus, repeated to 10,000), and must give the same
suggestions. Times are CPU-time medians (``time.process_time``).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "core" / "classify_corpus" / "departments.tsv"


def load_classifier(checkout: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, checkout / "orgmodel" / "analysis" / "classify.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def run(module, names: list[str], repeat: int) -> tuple[float, list]:
    lexicon = module.load_lexicon(environment=False)
    times, results = [], []
    for _ in range(repeat):
        start = time.process_time()
        results = [module.suggest_office(n, lexicon=lexicon) for n in names]
        times.append(time.process_time() - start)
    return statistics.median(times), [(s.office, s.reason, s.confidence) if s else None for s in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="a checkout of the first classifier")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    rows = [line.split("\t")[0] for line in CORPUS.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    names = (rows * (10_000 // len(rows) + 1))[:10_000]
    base_time, base = run(load_classifier(options.base, "classify_base"), names, options.repeat)
    new_time, new = run(load_classifier(ROOT, "classify_new"), names, options.repeat)
    assert base == new, "the two classifiers disagree"
    print(f"10,000 names, CPU median of {options.repeat}: base {base_time:.2f} s, new {new_time:.2f} s (same suggestions)")


if __name__ == "__main__":
    main()
