"""The ``orgmodel`` command: opens the editor, or answers questions about a model file.

Subcommands that need no picture (check, support, impact, why) never import Qt, so they
start fast and run on servers. Exit codes: 0 ok, 1 invalid model or no result (or the
output could not be written, standard output included), 2 usage, 130 interrupted by Ctrl+C
(SIGINT), 143 terminated (SIGTERM): an interrupted command leaves any file it was writing as
it was. ``convert``, ``layout`` and ``export`` exit 0 once their file is written, even when
the one line reporting it cannot be printed (a full disk behind ``>``): stderr says so.
Messages are English (they are for scripts); unit names pass through unchanged.
"""

from __future__ import annotations

import argparse
import difflib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from importlib import resources

from orgmodel import __version__, interrupts
from orgmodel.errors import ModelFileError, OrgModelError
from orgmodel.model import OrgModel, is_unclassified
from orgmodel.cli_messages import SUMMARY_LINES, capped as _capped, print_problems as _print_problems, printable
from orgmodel.cli_reports import (
    counted as _count, impact as _impact, support as _support, table as _table, unclassified_note, why as _why,
    write_json as _write_json,
)
from orgmodel.cli_outputs import (  # noqa: F401 (link_note: ui.launcher imports it from here)
    Failure as _Failure, link_note, refuse_if_changed as _refuse_if_changed,
    refuse_overwriting_an_input as _refuse_overwriting_an_input, stamp as _stamp,
)

COMMANDS = ("check", "support", "impact", "why", "cost", "automation", "whatif", "spof", "layout", "export", "convert", "classify")

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgmodel",
        description=(
            "Model an organisation as front-, middle- and back-office units with reporting lines "
            "and dependencies, and see which back-office functions support each revenue-generating unit. "
            "Without a command, opens FILE (or the bundled sample) in the editor."
        ),
        epilog=(
            "Exit codes: 0 ok, 1 invalid model, no result or output not written, 2 usage error, "
            "130 interrupted (Ctrl+C), 143 terminated (SIGTERM); an interrupted command leaves its output file as it was."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    opener = commands.add_parser("open", help="open FILE (or the bundled sample model) in the editor (the default command)")
    opener.add_argument("file", nargs="?", metavar="FILE", help="a .orgmodel (or .json) model file")

    check = commands.add_parser("check", help="validate a model file and summarise it")
    check.add_argument("file", metavar="FILE")

    support = commands.add_parser("support", help="back-office units supporting each revenue-generating unit")
    support.add_argument("file", metavar="FILE")
    support.add_argument("--json", action="store_true", help="print one JSON object {revenue unit id: [back-office ids]}")

    impact = commands.add_parser("impact", help="revenue-generating units (and revenue at risk) behind each back-office unit")
    impact.add_argument("file", metavar="FILE")
    impact.add_argument("--json", action="store_true", help="print one JSON object {back-office unit id: [revenue unit ids]}")

    why = commands.add_parser("why", help="show the dependency chain by which a back-office unit supports a revenue unit")
    why.add_argument("file", metavar="FILE")
    why.add_argument("source", metavar="FROM_ID", help="id of the revenue-generating unit")
    why.add_argument("target", metavar="TO_ID", help="id of the back-office unit")

    from orgmodel import cli_classify, cli_cost, cli_whatif  # cost, automation, whatif, spof, classify: their own modules

    cli_cost.add_commands(commands)
    cli_whatif.add_commands(commands)
    cli_classify.add_commands(commands)

    layout = commands.add_parser("layout", help="write OUT: FILE with new positions from an automatic layout")
    layout.add_argument("file", metavar="FILE")
    layout.add_argument("out", metavar="OUT.orgmodel")
    layout.add_argument("--style", choices=("orgchart", "bands"), default="orgchart", help="org chart (reporting lines) or office bands (dependencies)")

    convert = commands.add_parser(
        "convert", help="convert between .orgmodel, .csv, .xlsx, .graphml (and to .drawio); also reads .tsv, .drawio, .archimate, .xml"
    )
    convert.add_argument("source", metavar="IN")
    convert.add_argument("out", metavar="OUT")
    convert.add_argument("--merge-into", metavar="MODEL", help="merge the spreadsheet IN into MODEL by id (nothing deleted), write OUT")
    convert.add_argument("--map", metavar="FIELD=COLUMN,…", help="spreadsheet: which column holds a field, e.g. name=Full Name,reports_to=Boss")
    convert.add_argument("--page", metavar="NAME|N", help="draw.io: the page to import, by name or number (default: the first)")
    convert.add_argument("--sheet", metavar="NAME|N",
                         help="xlsx: the sheet to import, by name or number (default: the active sheet, else the first visible)")
    convert.add_argument("--undirected", choices=("both", "forward"), default="both",
                         help="GraphML: an undirected edge is a dependency each way (default) or source depends on target")
    convert.add_argument("--classify", action="store_true", help="suggest an office for each unit without one, from its name, and set the confident ones")
    cli_classify.add_lexicon_option(convert)

    export = commands.add_parser("export", help="draw the diagram as PNG, SVG or PDF (no display needed)")
    export.add_argument("file", metavar="MODEL")
    export.add_argument("out", metavar="OUT", help="a .png, .svg or .pdf file")
    size = export.add_mutually_exclusive_group()
    size.add_argument("--scale", type=float, help="PNG pixels per diagram unit, 1 to 4 (default 2, less above 32 megapixels)")
    size.add_argument("--dpi", type=float, help="PNG resolution instead of --scale (96 dpi = scale 1)")
    export.add_argument("--transparent", action="store_true", help="PNG without a background")
    export.add_argument("--selection-of", metavar="ID,ID…", help="only these units and the lines between them")
    export.add_argument("--layout", choices=("orgchart", "bands"), help="lay the model out first")
    export.add_argument("--highlight", metavar="UNIT_ID", help="show the analysis of this unit, as the editor does")
    export.add_argument("--page", choices=("a4", "a3", "letter"), help="PDF: fit on this page (default: a page the size of the diagram)")
    export.add_argument("--landscape", action="store_true", help="PDF: landscape page")
    export.add_argument("--legend", action="store_true", help="add the office legend")
    export.add_argument("--title", action="store_true", help="add a title (model name and date)")
    export.add_argument("--language", choices=("en", "tr"), default="en",
                        help="language of the words drawn: office names, legend, title (default: en)")
    return parser


#: Shows a model in the editor and returns the exit code: ``open_editor(model, path)``;
#: ``open_editor(None, None)`` shows the bundled sample in the editor's language.
EditorLauncher = Callable[["OrgModel | None", "str | None"], int]
#: Draws a model to a file and returns the exit code: ``export_diagram(model, options)``.
Exporter = Callable[[OrgModel, argparse.Namespace], int]


def main(
    argv: Sequence[str] | None = None, open_editor: EditorLauncher | None = None, export_diagram: Exporter | None = None
) -> int:
    """Run the command line; returns the exit code (the console script exits with it).

    ``open_editor`` is how the GUI is started; the core cannot import the UI, so the
    ``orgmodel`` console script (``ui.launcher``) passes it in. Without it (``python -m
    orgmodel``) only the console commands are available.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not args or (args[0] not in (*COMMANDS, "open") and not args[0].startswith("-")):
        if args:
            _refuse_a_mistyped_command(parser, args[0])
        args.insert(0, "open")
    options = parser.parse_args(args)
    if options.command == "export":
        _check_export_size(parser, options)
    if options.command == "open":
        # The editor handles its own signals; an exception in Qt's call into Python is a crash.
        return _reported(lambda: _run(options, open_editor, export_diagram))
    with interrupts.raising_signals():
        return _reported(lambda: _run(options, open_editor, export_diagram))


#: The file a command has written, if any: a failure to report it afterwards is no failure.
_written: list[str] = []


def mark_written(path: str) -> None:
    """Note that the command's output file is written (an exporter outside this module)."""
    _written.append(path)


def _reported(command: Callable[[], int]) -> int:
    """Run ``command``; every failure becomes one line on stderr and its exit code."""
    _written.clear()
    try:
        code = command()
        sys.stdout.flush()  # a full disk behind ">" shows here, not at exit as a traceback
        return code
    except _Failure as failure:
        for line in failure.lines:
            print(printable(line), file=sys.stderr)
        return 1
    except ModelFileError as error:
        _print_problems(error.lines())
        return 1
    except OrgModelError as error:
        print(printable(f"orgmodel: {error}"), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other Unix tools do.
        _silence_stdout()
        return 0 if _written else 1
    except OSError as error:
        # The readers turn their own OSErrors into messages naming the file: what is left
        # is the output (``> /dev/full``).
        _silence_stdout()
        reason = error.strerror or str(error)
        if _written:
            print(f"orgmodel: {_written[0]} was written, but this report of it could not be: {reason}", file=sys.stderr)
            return 0
        print(f"orgmodel: cannot write the output: {reason}", file=sys.stderr)
        return 1
    except interrupts.Interrupted as stop:
        from orgmodel.formats.atomic import remove_temporaries

        remove_temporaries()
        _silence_stdout()
        print(f"orgmodel: interrupted by {signal.Signals(stop.signum).name}", file=sys.stderr)
        return stop.exit_code
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    """What is still buffered for stdout goes nowhere: no second error when Python exits."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _refuse_a_mistyped_command(parser: argparse.ArgumentParser, word: str) -> None:
    """A first word that is no command is a file to open, unless it is plainly not one: no
    such path, and either close to a command (``suport``) or without an extension (``help``).
    Then it is a usage error naming the commands, not "not an OrgModel file"."""
    if os.path.exists(word):
        return
    commands = (*COMMANDS, "open")
    nearest = difflib.get_close_matches(word, commands, n=1)
    if not nearest and os.path.splitext(word)[1]:
        return  # "missing.orgmodel": the file is reported as missing when it is opened
    hint = f"; did you mean {nearest[0]!r}?" if nearest else ""
    parser.error(f"{word!r} is neither a command nor a file{hint} (commands: {', '.join(commands)})")


def _check_export_size(parser: argparse.ArgumentParser, options: argparse.Namespace) -> None:
    if options.scale is not None and not 1 <= options.scale <= 4:
        parser.error(f"--scale must be between 1 and 4, got {options.scale:g}")
    if options.dpi is not None and not 24 <= options.dpi <= 1200:
        parser.error(f"--dpi must be between 24 and 1200, got {options.dpi:g}")


def _check_export_target(out: str) -> None:
    """Refuse an output the export cannot write before Qt is loaded, in one line that names
    the file once."""
    folder = os.path.dirname(out) or "."
    if os.path.isdir(out):
        raise _Failure(f"{out}: is a folder; name a .png, .svg or .pdf file")
    if os.path.splitext(out)[1].lower() not in (".png", ".svg", ".pdf"):
        raise _Failure(f"{out}: cannot export to this kind of file; use .png, .svg or .pdf")
    if not os.path.isdir(folder):
        raise _Failure(f"{out}: no such folder {folder!r}")


def _run(options: argparse.Namespace, open_editor: EditorLauncher | None, export_diagram: Exporter | None = None) -> int:
    if options.command == "open":
        return _open(options.file, open_editor)
    if options.command == "convert":
        return _convert(options.source, options.out, options.merge_into, _import_options(options),
                        options.lexicon if options.classify else None)
    if options.command == "classify":
        from orgmodel import cli_classify
        from orgmodel.formats import read_any, write_any

        return cli_classify.run(options, _table, write_any, read_any)
    from orgmodel.formats.native import load

    stamp = _stamp(options.file)  # taken before reading: a change made while we run is seen
    model = load(options.file)
    if options.command == "check":
        return _check(options.file, model)
    if options.command == "support":
        return _support(model, options.json)
    if options.command == "impact":
        return _impact(model, options.json)
    if options.command in ("cost", "automation"):
        from orgmodel import cli_cost

        return cli_cost.run(options, model, _table, _write_json)
    if options.command in ("whatif", "spof"):
        from orgmodel import cli_whatif

        return cli_whatif.run(options, model, _table, _write_json)
    if options.command == "layout":
        return _layout(model, options.file, stamp, options.out, options.style)
    if options.command == "export":
        if export_diagram is None:
            raise _Failure("orgmodel: export draws with Qt; run it as `orgmodel export …` (python -m orgmodel runs console commands only)")
        _check_export_target(options.out)
        for uid in [*(options.selection_of or "").split(","), options.highlight or ""]:
            if uid.strip() and uid.strip() not in model:
                raise _Failure(f"{options.file}: no unit with id {uid.strip()!r}")
        return export_diagram(model, options)
    return _why(options.file, model, options.source, options.target)


def sample_path(language: str | None = None) -> str:
    """The bundled sample model: Turkish for a Turkish ``language`` ("tr", "tr_TR.UTF-8"),
    else English; by default the system's language."""
    if language is None:
        language = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    name = "ornek_as.orgmodel" if language.lower().startswith("tr") else "example_co.orgmodel"
    return str(resources.files("resources.samples").joinpath(name))


def _open(file: str | None, open_editor: EditorLauncher | None) -> int:
    """Check the file here, so that a bad path gets its problems on the terminal, then start
    the editor. Without a file the editor opens the bundled sample of its language (the one
    chosen in View › Language, which only the editor knows) as a new untitled document."""
    from orgmodel.formats.native import load

    model = load(file) if file else None
    if open_editor is None:
        raise _Failure("orgmodel: the editor starts with the `orgmodel` command (python -m orgmodel runs console commands only)")
    return open_editor(model, os.path.abspath(file) if file else None)


def _import_options(options: argparse.Namespace):
    from orgmodel.formats.importing import ImportOptions

    columns: dict[str, str] = {}
    for pair in (options.map or "").split(","):
        if not pair.strip():
            continue
        name, sign, header = pair.partition("=")
        if not sign or not name.strip() or not header.strip():
            raise _Failure(f"orgmodel convert: --map: expected FIELD=COLUMN, got {pair.strip()!r}")
        columns[name.strip()] = header.strip()
    return ImportOptions(columns=columns, page=options.page, undirected=options.undirected, sheet=options.sheet)


def _convert(source: str, out: str, merge_into: str | None, options=None, classify_with: list[str] | None = None) -> int:
    """``classify_with``: the extra lexicon files of ``--classify`` (``None``: no classifying)."""
    from orgmodel.formats import merge_spreadsheet, read_any, write_any
    from orgmodel.formats.native import load

    inputs = [source, *([merge_into] if merge_into else [])]
    _refuse_overwriting_an_input(out, inputs)
    stamps = {path: _stamp(path) for path in inputs}
    if merge_into:
        model = load(merge_into)
        plan = merge_spreadsheet(model, source, options.sheet if options else None)
        from orgmodel.formats.spreadsheet import apply_plan

        if plan.rejected and not (plan.added or plan.updated or plan.unchanged):
            raise _Failure(*[f"{source}: {message}" for message in plan.messages()], f"{out}: not written: every row was rejected")
        apply_plan(model, plan)
        messages = plan.messages()
    else:
        try:
            model, messages = read_any(source, options)
        except ModelFileError as error:
            # Nothing is written: an existing OUT stays as it was.
            # An import's lines are a summary already (20 rejections, a count, the verdict); a
            # native file's are every problem it has (hundreds): those are capped as check does.
            lines = error.lines()
            raise _Failure(*(lines if len(lines) <= SUMMARY_LINES else _capped(lines)), f"{out}: not written") from None
    _print_problems([f"{source}: {message}" for message in messages])  # what was read, before the suggestions
    if classify_with is not None:
        from orgmodel.cli_classify import classify_model

        classify_model(model, _table, lexicon_files=classify_with)
    note = link_note(out)
    _refuse_if_changed(stamps, out)
    write_any(model, out)
    _written.append(out)
    print(f"{out}: written{note} ({len(model):,} units, {_count(model.dependency_count, 'dependency', 'dependencies')})")
    return 0


def _layout(model: OrgModel, source: str, stamp: tuple[int, int, int] | None, out: str, style: str) -> int:
    from orgmodel.formats.native import EXTENSIONS, save
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout import bands_layout, orgchart_layout

    if not out.lower().endswith(EXTENSIONS):
        raise _Failure(f"{out}: the output must be a .orgmodel file")
    arrange = orgchart_layout if style == "orgchart" else bands_layout
    model.move_units(arrange(model, CARD_WIDTH, CARD_HEIGHT))  # one checked change, not one per unit
    note = link_note(out)
    _refuse_if_changed({source: stamp}, out)
    save(model, out)
    _written.append(out)
    print(f"{out}: {len(model):,} units laid out ({style}){note}")
    return 0


def _check(path: str, model: OrgModel) -> int:
    print(
        f"{path}: valid model{f' {model.name!r}' if model.name else ''}: {_count(len(model), 'unit')}, "
        f"{_count(model.dependency_count, 'dependency', 'dependencies')}, "
        f"{_count(model.reporting_line_count, 'reporting line')}"
    )
    unclassified = sum(1 for unit in model.units() if is_unclassified(unit))
    if unclassified:
        print(unclassified_note(unclassified))
    return 0
