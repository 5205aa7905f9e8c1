"""What every command that writes a file checks before it replaces one: not its own input
(unless the format loses nothing), not an input changed on disk while it ran; and how a
link written through is named. Command-line output: English, not translated.
"""

from __future__ import annotations

import os
from collections.abc import Sequence


class Failure(Exception):
    """Ends a command with exit code 1 and these lines on stderr."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


#: The one format that reads back everything it holds: written over its own input, nothing is lost.
_LOSSLESS = (".orgmodel", ".json")


def refuse_overwriting_an_input(out: str, inputs: Sequence[str]) -> None:
    """An output that is one of the inputs is refused unless the format round-trips
    losslessly: a spreadsheet, GraphML or draw.io file holds more than OrgModel reads
    (other sheets, columns, formulas, styles), all of which writing over it would drop."""
    for source in inputs:
        if same_file(source, out) and not (out.lower().endswith(_LOSSLESS) and source.lower().endswith(_LOSSLESS)):
            raise Failure(
                f"{out}: not written: it is the input {source}, and writing over it would lose what OrgModel "
                f"does not read (other sheets, columns, formulas, styles); write to another file"
            )


def link_note(path: str) -> str:
    """" (a link to <target>)" when ``path`` is a symbolic link, else "": a writer replaces
    the file a link points to (:mod:`orgmodel.formats.atomic`), and says so."""
    return f" (a link to {os.path.realpath(path)})" if os.path.islink(path) else ""


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def stamp(path: str) -> tuple[int, int, int] | None:
    """What tells that a file changed: modification time, size and inode."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


def refuse_if_changed(stamps: dict[str, tuple[int, int, int] | None], out: str) -> None:
    """An input saved by someone else while the command ran (the editor, a sync tool):
    writing now would replace that change with an older state of it."""
    for path, then in stamps.items():
        if stamp(path) != then:
            raise Failure(f"{out}: not written: {path} changed on disk while this command ran; run it again")
