"""Import one GraphML file the way the application does, in its own process.

``python3 tests/core/formats/hostile_xml.py FILE``: exit 0 and print a summary when the file loads; exit 1
and print the one-line error when it is refused; exit 2 (with the traceback) for anything
else, which the tests treat as a bug.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from orgmodel.formats.graphml import GraphMLError, read_graphml  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: hostile_xml.py FILE", file=sys.stderr)
        return 2
    try:
        model, warnings = read_graphml(argv[1])
    except GraphMLError as error:
        print(error)
        return 1
    print(f"loaded {len(model)} units, {len(warnings)} warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
