"""How OrgModel starts itself again (View › Language › Restart Now).

Its own module so that the window and the application start-up both use it without the
window importing ``ui.app``, which imports the window.
"""

from __future__ import annotations

import sys
from pathlib import Path


def restart_command(path: str | None) -> tuple[str, list[str]]:
    """``(program, arguments)`` that start OrgModel again on ``path`` (no path: the sample)
    from this very installation: this Python, the launcher of this checkout or package."""
    root = str(Path(__file__).resolve().parent.parent)
    code = "import sys; sys.path.insert(0, sys.argv.pop(1)); from ui.launcher import main; raise SystemExit(main())"
    return sys.executable, ["-c", code, root, *([path] if path else [])]
