"""Import GraphML files the way the application does, in a process of their own.

``python3 tests/core/formats/hostile_xml.py FILE``: exit 0 and print a summary when the file loads; exit 1
and print the one-line error when it is refused; exit 2 (with the traceback) for anything
else, which the tests treat as a bug.

``python3 tests/core/formats/hostile_xml.py --each FILE...``: the same for every file, one
after the other in this one process, printing one JSON line per file: ``{"file": …, "code":
0|1|2, "output": …}`` (the exit code and the text the single-file form would give). Exits 0
when every file got its line.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from orgmodel.formats.graphml import GraphMLError, read_graphml  # noqa: E402


def outcome(path: str) -> tuple[int, str]:
    """(exit code, output) of importing one file."""
    try:
        model, warnings = read_graphml(path)
    except GraphMLError as error:
        return 1, str(error)
    except Exception:  # noqa: BLE001 - a bug, reported with its traceback
        return 2, traceback.format_exc()
    return 0, f"loaded {len(model)} units, {len(warnings)} warnings"


def main(argv: list[str]) -> int:
    if len(argv) > 2 and argv[1] == "--each":
        for path in argv[2:]:
            code, output = outcome(path)
            print(json.dumps({"file": path, "code": code, "output": output}), flush=True)
        return 0
    if len(argv) != 2:
        print("usage: hostile_xml.py FILE | --each FILE...", file=sys.stderr)
        return 2
    code, output = outcome(argv[1])
    print(output, file=sys.stderr if code == 2 else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
