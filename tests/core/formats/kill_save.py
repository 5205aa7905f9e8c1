"""Save a model over and over, to be killed mid-write by tests/core/formats/test_kill_save.py.

    python3 tests/core/formats/kill_save.py TARGET [A_FILE B_FILE] [--serve]

Builds two different ~1 MB models, A and B (or loads them from A_FILE and B_FILE, which is
faster), writes A to TARGET once, prints "ready", then saves B, A, B, A… to TARGET forever
with orgmodel.formats.native.save (the editor's atomic save: temp file, fsync, os.replace).

With --serve the models are loaded once and each line "go" on stdin forks a fresh child
that runs the save loop; the child's pid is printed, for the test to SIGKILL; "wait PID"
reaps it and prints its wait status. Forking saves
reloading the models for every kill; the child is still killed mid-save for real.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from orgmodel.formats.native import load, save  # noqa: E402
from orgmodel.model import OrgModel  # noqa: E402

#: 3,000 units write ~1.1 MB: a save takes milliseconds (write, fsync, replace), long enough
#: for a kill to land inside it. ORGMODEL_KILL_UNITS=12000 gives the ~5 MB models of old.
UNITS = int(os.environ.get("ORGMODEL_KILL_UNITS", "3000"))


def build(which: str) -> OrgModel:
    """Model A or B: the same generated organisation, different name and unit names."""
    from orgmodel.synthetic import generate_model

    model = generate_model(UNITS)
    model.set_name(which)
    for i, unit in enumerate(model.units()):
        if i % 7 == 0:
            model.update_unit(unit.id, name=f"{unit.name} ({which})")
    return model


def save_forever(a: OrgModel, b: OrgModel, target: str) -> None:
    while True:
        save(b, target)
        save(a, target)


def main(argv: list[str]) -> int:
    serve = "--serve" in argv
    args = [a for a in argv if a != "--serve"]
    if len(args) not in (1, 3):
        print(__doc__, file=sys.stderr)
        return 2
    target = args[0]
    if len(args) == 3:
        a, b = load(args[1]), load(args[2])
    else:
        a, b = build("A"), build("B")
    if not serve:
        save(a, target)
        print("ready", flush=True)
        save_forever(a, b, target)
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if words == ["go"]:
            pid = os.fork()
            if pid == 0:
                try:
                    save_forever(a, b, target)
                finally:
                    os._exit(0)
            print(pid, flush=True)
        elif len(words) == 2 and words[0] == "wait":  # reap a killed child: "wait PID" -> its status
            _, status = os.waitpid(int(words[1]), 0)
            print(status, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
