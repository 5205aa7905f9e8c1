"""Benchmark: opening and saving a native ``.orgmodel`` file of 10,000 units.

Run: ``python3 benchmarks/file_io.py [--units 10000] [--repeat 7]``. Prints medians in
milliseconds of:

* ``load``: :func:`orgmodel.load` of the file (read, parse, validate, build);
* ``save``: :func:`orgmodel.save` over the previous file (serialise, ``.bak`` backup, atomic
  replace with fsyncs, read back and parse again);

each next to plain ``json.loads`` / ``json.dumps`` of the same document, and their ratio, so
that a run on a busy machine still says whether the format code itself got slower.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgmodel import load, save  # noqa: E402
from orgmodel.formats.native import dumps, to_document  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402


def median_ms(work, repeat: int) -> float:
    # timeit turns the garbage collector off; a real load or save runs with it on.
    return statistics.median(timeit.repeat(work, setup="import gc; gc.enable()", number=1, repeat=repeat)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    model = generate_model(args.units)
    text = dumps(model)
    document = to_document(model)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.orgmodel"
        save(model, path)
        rows = [
            ("load", median_ms(lambda: load(path), args.repeat), median_ms(lambda: json.loads(text), args.repeat), "json.loads"),
            ("save", median_ms(lambda: save(model, path), args.repeat),
             median_ms(lambda: json.dumps(document, ensure_ascii=False, indent=2), args.repeat), "json.dumps"),
        ]
    print(f"{args.units:,} units, {model.dependency_count:,} dependencies, "
          f"{len(text.encode('utf-8')) / 1e6:.1f} MB; medians of {args.repeat} runs")
    for name, ours, plain, what in rows:
        print(f"{name}: {ours:8.1f} ms   {what}: {plain:7.1f} ms   ratio {ours / plain:5.2f}")


if __name__ == "__main__":
    main()
