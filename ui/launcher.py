"""The ``orgmodel`` console script: the command line of ``orgmodel.cli`` plus the editor.

The core may not import the UI, so the entry point lives here and hands the core a way to
start the editor. Console commands (check, support…) still never load Qt: ``ui.app`` is
imported only when a window is wanted.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from orgmodel.cli import main as cli_main
from orgmodel.model import OrgModel


def open_editor(model: OrgModel | None, path: str | None) -> int:
    """Show the editor, or say in one line why there is no display to show it on (exit 1)."""
    import sys

    from ui.app import display_problem, run

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return run(model, path)


def export_diagram(model: OrgModel, options: argparse.Namespace) -> int:
    """``orgmodel export``: draw with the editor's own scene and items, no display needed."""
    import os
    import sys

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    from ui.app import make_application
    from ui.canvas.export import ExportError, ExportOptions, default_title, export_scene
    from ui.canvas.scene import OrgScene
    from ui.editing.selection import Selection
    from ui.editing.model_signals import ModelSignals

    make_application(language=options.language)
    from orgmodel.analysis import analyse, highlight
    from orgmodel.layout import bands_layout, compact_positions, orgchart_layout, place_unplaced, set_positions

    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH

    # The model is drawn, never saved: it may take the positions the picture needs.
    if options.layout:
        arrange = orgchart_layout if options.layout == "orgchart" else bands_layout
        set_positions(model, arrange(model, CARD_WIDTH, CARD_HEIGHT))
    place_unplaced(model, CARD_WIDTH, CARD_HEIGHT)
    chosen = [uid.strip() for uid in options.selection_of.split(",") if uid.strip()] if options.selection_of else None
    if chosen:
        set_positions(model, compact_positions(model, chosen, CARD_WIDTH, CARD_HEIGHT))
    scene = OrgScene(Selection())
    scene.set_model(model, ModelSignals(model))
    if options.highlight:
        shown = highlight(model, analyse(model), options.highlight)
        if shown is not None:
            scene.set_emphasis(options.highlight, *shown)
    settings = ExportOptions(
        scale=options.scale, dpi=options.dpi, transparent=options.transparent, units=chosen, legend=options.legend,
        title=default_title(model.name) if options.title else None, page=options.page, landscape=options.landscape,
    )
    try:
        export_scene(scene, options.out, settings)
    except ExportError as error:
        print(f"{options.out}: {error}", file=sys.stderr)
        return 1
    for notice in settings.notices:
        print(f"note: {notice}", file=sys.stderr)
    print(f"{options.out}: exported")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_editor, export_diagram)
