"""The ``orgmodel`` console script: the command line of ``orgmodel.cli`` plus the editor.

The core may not import the UI, so the entry point lives here and hands the core a way to
start the editor. Console commands (check, support…) still never load Qt: ``ui.app`` is
imported only when a window is wanted.
"""

from __future__ import annotations

import argparse
import gc
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is loaded only when a picture is drawn
    from orgmodel.model import OrgModel
    from ui.canvas.export import ExportOptions


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
    from orgmodel import interrupts
    from orgmodel.cli import link_note, mark_written

    # While Qt draws, Ctrl+C and SIGTERM are only noted: an exception raised inside Qt's call
    # into Python crashed the process (exit 139). They are acted on before the file is
    # replaced (the old file stays) or when the drawing is done.
    with interrupts.deferred_signals():
        code = _draw(model, options)
    if code == 0:
        mark_written(options.out)
        print(f"{options.out}: exported{link_note(options.out)}")
    return code


def _draw(model: OrgModel, options: argparse.Namespace) -> int:
    import os
    import sys

    from ui.app import forget_module_sources, make_application
    from ui.canvas.export import ExportError, ExportOptions, default_title, export_scene
    from ui.canvas.scene import OrgScene
    from ui.editing.model_signals import ModelSignals
    from ui.editing.selection import Selection

    make_application(language=options.language)
    from orgmodel.analysis import analyse, highlight
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout import bands_layout, compact_positions, orgchart_layout, place_unplaced, set_positions

    forget_module_sources()  # every module the drawing needs is in

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
        title=default_title(model.name, options.file) if options.title else None, page=options.page, landscape=options.landscape,
    )
    for note in ignored_options(options, os.path.splitext(options.out)[1].lower()):
        print(f"note: {note}", file=sys.stderr)
    try:
        export_scene(scene, options.out, settings)
    except ExportError as error:
        print(f"{options.out}: {error}", file=sys.stderr)
        return 1
    if settings.scaled_down:
        print(f"note: {scaled_down_note(settings)}", file=sys.stderr)
    return 0


#: The export options that apply to some formats only: option -> (attribute, formats, their names).
_FORMAT_OPTIONS = (
    ("--scale", "scale", (".png",), "PNG"),
    ("--dpi", "dpi", (".png",), "PNG"),
    ("--transparent", "transparent", (".png", ".svg"), "PNG and SVG"),
    ("--page", "page", (".pdf",), "PDF"),
    ("--landscape", "landscape", (".pdf",), "PDF"),
)


def ignored_options(options: argparse.Namespace, extension: str) -> list[str]:
    """What the command line says about options given for a format they do not apply to.

    >>> ignored_options(argparse.Namespace(scale=None, dpi=None, transparent=True, page="a4", landscape=False), ".png")
    ['--page applies to PDF only; ignored']
    >>> ignored_options(argparse.Namespace(scale=2.0, dpi=None, transparent=True, page=None, landscape=False), ".pdf")
    ['--scale applies to PNG only; ignored', '--transparent applies to PNG and SVG only; ignored']
    """
    if extension not in (".png", ".svg", ".pdf"):
        return []  # the export refuses the file itself
    return [
        f"{flag} applies to {names} only; ignored"
        for flag, attribute, formats, names in _FORMAT_OPTIONS
        if getattr(options, attribute, None) not in (None, False) and extension not in formats
    ]


#: A card narrower than this many pixels shows no readable name.
_READABLE_CARD = 60


def scaled_down_note(settings: ExportOptions) -> str:
    """The command line's English note on a PNG drawn smaller than asked (``settings`` are
    the ``ExportOptions`` after the export)."""
    from orgmodel.appearance import CARD_WIDTH
    from ui.canvas.export import DEFAULT_SCALE, MAX_PIXELS, MAX_SIDE

    wanted, written = settings.scaled_down
    got = f"{written.width():,} × {written.height():,} px"
    if settings.automatic():
        note = (
            f"the image was scaled down to {got} (it would be {wanted.width():,} × {wanted.height():,} px at the default "
            f"scale {DEFAULT_SCALE:g}) to stay within {settings.pixel_budget / 1e6:g} megapixels and "
            f"{settings.long_side_budget:,} px a side, which image viewers open; for more, ask with --scale 1-4 or "
            f"--dpi 24-1200 (up to {MAX_PIXELS / 1e6:g} megapixels and {MAX_SIDE:,} px a side)"
        )
    else:
        note = (
            f"the image was scaled down to {got}: {wanted.width():,} × {wanted.height():,} px is more than an image "
            f"can hold ({MAX_PIXELS / 1e6:g} megapixels and {MAX_SIDE:,} px a side at most)"
        )
    # A very wide org chart fits an image only as a strip of specks: say what reads instead.
    card = CARD_WIDTH * settings.png_scale() * written.width() / wanted.width()
    if card < _READABLE_CARD:
        biggest = min(MAX_SIDE / wanted.width(), MAX_SIDE / wanted.height(), math.sqrt(MAX_PIXELS / (wanted.width() * wanted.height())))
        note += (
            f"; its cards are {card:.3g} px wide, too small to read{' at any scale' if CARD_WIDTH * settings.png_scale() * biggest < _READABLE_CARD else ''}: "
            f"export to .svg or .pdf (every name stays readable when zoomed in), or pick units with --selection-of"
        )
    return note


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; ``argv`` None: this process's own, which ends when this returns."""
    # This module imports only the standard library, so Ctrl+C while the program's own modules
    # load (a second or so on a cold start) lands here: a quiet exit 130, as later in a command.
    try:
        from orgmodel.cli import main as cli_main
    except KeyboardInterrupt:
        import sys

        print("orgmodel: interrupted by SIGINT", file=sys.stderr)
        return 130
    code = cli_main(argv, open_editor, export_diagram)
    if argv is None:
        # The process is about to end: Python's last full collection would visit every object
        # still alive (a 10,000-unit export leaves millions: the scene, the routes), about 1 s
        # of CPU for nothing; frozen objects are left to the operating system instead.
        gc.freeze()
    return code
