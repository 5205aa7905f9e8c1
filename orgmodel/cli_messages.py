"""How the console commands print problems on stderr: each one line (control characters
shown as escapes), and a long list as its first lines and a count. English, not translated.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: The most problem lines printed for one file: 100,000 duplicates are a summary, not a flood.
MOST_PROBLEM_LINES = 20
#: The most lines an import's summary has: counts, notices, 20 rejections, "… and N more", the verdict.
SUMMARY_LINES = 30


def print_problems(lines: Sequence[str]) -> None:
    """Each line on stderr, up to :data:`MOST_PROBLEM_LINES`, then how many more there are."""
    for line in capped(lines):
        print(printable(line), file=sys.stderr)


#: Control characters (C0 but tab, DEL, C1) as the escapes Python writes for them.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0, 9), *range(10, 32), *range(127, 160))}


def printable(line: str) -> str:
    r"""A message line as it may reach a terminal: a name or value quoted from a file can hold
    a line break, a carriage return or an escape sequence (ESC [2J clears the screen); they
    are shown as escapes, so that one message stays one line and says what the file holds.

    >>> print(printable("unknown unit " + repr("a") + chr(27) + "[31m" + chr(13)))
    unknown unit 'a'\x1b[31m\x0d
    """
    return line.translate(_CONTROLS)


def capped(lines: Sequence[str]) -> list[str]:
    """``lines``, or the first :data:`MOST_PROBLEM_LINES` of them and how many more there are.

    >>> capped(["a", "b"])
    ['a', 'b']
    >>> capped([f"row {i}" for i in range(1, 100_001)])[-2:]
    ['row 20', '… and 99,980 more problems (100,000 in all)']
    """
    if len(lines) <= MOST_PROBLEM_LINES + 1:
        return list(lines)
    return [*lines[:MOST_PROBLEM_LINES], f"… and {len(lines) - MOST_PROBLEM_LINES:,} more problems ({len(lines):,} in all)"]
