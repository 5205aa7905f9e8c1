"""The ``orgmodel`` console script: the command line of ``orgmodel.cli`` plus the editor.

The core may not import the UI, so the entry point lives here and hands the core a way to
start the editor. Console commands (check, support…) still never load Qt: ``ui.app`` is
imported only when a window is wanted.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgmodel.cli import main as cli_main
from orgmodel.model import OrgModel


def open_editor(model: OrgModel, path: str | None) -> int:
    from .app import run

    return run(model, path)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_editor)
