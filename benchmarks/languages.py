"""Benchmark: what speaking Turkish costs, side by side with English, in one run.

Run: ``python3 benchmarks/languages.py [--units 10000]`` (Qt's offscreen platform unless a
display is set). Prints medians over repeated runs, in milliseconds:

* sort keys for every unit name: the previous key (``fold_turkish``, case- and accent-folded
  text, not alphabetical in Turkish) against ``orgmodel.collate.sort_key`` for English and
  for Turkish (the Turkish alphabet, numbers by value);
* the outline dock rebuilt over the whole model (items, keys, sorting in the proxy), with
  the interface in English and in Turkish;
* a broken file with one problem per unit: ``loads`` raising ``ModelFileError``, then the
  message as the command line prints it (English ``str``) and as the editor shows it in
  Turkish (``ui.i18n.describe``: every template looked up in the catalogue).

No target is set by the issue; the point is that Turkish costs about what English does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import isolated_home  # noqa: F401  (first: Qt's settings and autosaves go to a temporary home)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from orgmodel.collate import fold_turkish, sort_key  # noqa: E402
from orgmodel.errors import ModelFileError  # noqa: E402
from orgmodel.formats.native import dumps, loads  # noqa: E402
from orgmodel.synthetic import generate_model  # noqa: E402

WORDS = ["Satış", "Çağrı", "İnsan", "Işık", "Ödeme", "Şube", "Üretim", "Gümrük", "Bilgi", "Muhasebe", "ılık", "Zeytin", "Cari"]


def median_ms(work, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841
    from ui import i18n
    from ui.editing.document import Document
    from ui.docks.outline_dock import OutlineDock
    from ui.editing.selection import Selection

    rng = random.Random(1)
    model = generate_model(args.units)
    for index, unit in enumerate(model.units()):
        model.update_unit(unit.id, name=f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {index}")
    names = [unit.name for unit in model.units()]
    print(f"{len(names):,} units, names such as {names[0]!r}, {names[1]!r}")
    print(f"{'measure':58} {'median ms':>10}")

    rows = [
        ("sort keys, previous fold_turkish (not alphabetical)", lambda: [fold_turkish(n) for n in names]),
        ("sort keys, collate.sort_key English", lambda: [sort_key(n, turkish=False) for n in names]),
        ("sort keys, collate.sort_key Turkish", lambda: [sort_key(n, turkish=True) for n in names]),
        ("sorted(names), Turkish key", lambda: sorted(names, key=lambda n: sort_key(n, turkish=True))),
    ]
    results = {label: median_ms(work, args.repeat) for label, work in rows}

    document = Document()
    document.replace_model(model, None)
    dock = OutlineDock(document, Selection())
    def outline_in_order() -> None:
        """The rows made again and every group opened (its names put in order)."""
        dock.rows.rebuild(document.model, by_office=True)
        for office in ("front", "middle", "back"):
            dock.rows.index(0, 0, dock.rows.group_index(office))
        app.processEvents()

    for language in ("en", "tr"):
        i18n.install(language)
        results[f"outline rebuilt, every group in order, interface {language}"] = median_ms(outline_in_order, args.repeat)
    i18n.install("en")

    data = json.loads(dumps(model))
    for unit in data["units"]:
        unit["office"] = "ön"
    broken = json.dumps(data, ensure_ascii=False)

    def fail() -> ModelFileError:
        try:
            loads(broken, "bozuk.orgmodel")
        except ModelFileError as error:
            return error
        raise AssertionError("the broken file loaded")

    error = fail()
    results[f"broken file ({len(error.problems):,} problems): loads → ModelFileError"] = median_ms(fail, args.repeat)
    results["  message for the command line (str, English)"] = median_ms(lambda: str(error), args.repeat)
    i18n.install("tr")
    results["  message for the editor (describe, Turkish)"] = median_ms(lambda: i18n.describe(error), args.repeat)
    first = i18n.describe(error).splitlines()[0]
    i18n.install("en")
    for label, value in results.items():
        print(f"{label:58} {value:10.1f}")
    base = results["sort keys, previous fold_turkish (not alphabetical)"]
    print(f"Turkish sort key / previous key: {results['sort keys, collate.sort_key Turkish'] / base:.2f}x")
    print(f"outline rebuild Turkish / English: {results['outline rebuilt, every group in order, interface tr'] / results['outline rebuilt, every group in order, interface en']:.2f}x")
    print(f"first Turkish problem line: {first}")


if __name__ == "__main__":
    main()
