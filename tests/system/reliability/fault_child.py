"""A writer to be killed: run by ``test_reliability_faults.py`` and ``benchmarks/fault_injection.py``.

``python fault_child.py loop FILE UNITS``: write FILE (its format by extension) again and
again, alternating two models, through the command line's own code (``orgmodel convert``,
``orgmodel export``), printing ``ready`` after the first write; an interruption ends it with
the command line's exit code.

``python fault_child.py full FOLDER LIMIT FILE…``: with ``RLIMIT_FSIZE`` at LIMIT bytes,
write each FILE (which exists, smaller than LIMIT) with a larger model; print one line per
file: its name and the error (or ``written``).
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from orgmodel.formats.native import save  # noqa: E402
from orgmodel.model import OrgModel, Unit  # noqa: E402

PICTURES = (".png", ".svg", ".pdf")


def model(name: str, units: int) -> OrgModel:
    """``units`` units in a grid, each depending on the one before: every writer has work."""
    result = OrgModel(name)
    for i in range(units):
        office = ("front", "middle", "back")[i % 3]
        result.add_unit(Unit(f"u{i}", f"{name} {i}", office, revenue=1000 + i, x=(i % 20) * 240.0, y=(i // 20) * 120.0))
        if i:
            result.add_dependency(f"u{i}", f"u{i - 1}")
    return result


def sources(folder: Path, units: int) -> list[Path]:
    paths = []
    for name in ("Alpha", "Beta"):
        path = folder / f".source-{name}.orgmodel"
        save(model(name, units), path, backup=False)
        paths.append(path)
    return paths


def loop(out: Path, units: int) -> int:
    from orgmodel import interrupts
    from ui.launcher import main

    inputs = sources(out.parent, units)
    command = "export" if out.suffix in PICTURES else "convert"
    turn = 0
    # Between two commands too, a signal ends the loop as it ends a command.
    with interrupts.raising_signals():
        try:
            while True:
                code = main([command, str(inputs[turn % 2]), str(out)])
                if code:
                    return code
                if turn == 0:
                    print("ready", flush=True)
                turn += 1
        except interrupts.Interrupted as stop:
            return stop.exit_code


def full(folder: Path, limit: int, outs: list[Path]) -> int:
    from orgmodel.formats import write_any
    from orgmodel.errors import OrgModelError
    from orgmodel.formats.table_export import Table, write_tables

    big = model("Big", 400)
    picture_source = sources(folder, 30)[0]
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    for out in outs:
        try:
            if out.name.startswith("table"):
                write_tables(out, [Table("T", ["Name"], ["text"], [[f"row {i}"] for i in range(5000)])])
            elif out.suffix in PICTURES:
                from ui.launcher import main

                code = main(["export", str(picture_source), str(out)])
                print(f"{out.name}: exit {code}", flush=True)
                continue
            else:
                write_any(big, str(out))
            print(f"{out.name}: written", flush=True)
        except OrgModelError as error:
            print(f"{out.name}: {error}", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "loop":
        sys.exit(loop(Path(sys.argv[2]), int(sys.argv[3])))
    sys.exit(full(Path(sys.argv[2]), int(sys.argv[3]), [Path(p) for p in sys.argv[4:]]))
