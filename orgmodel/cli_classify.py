"""The ``classify`` console command and ``convert --classify`` (registered by :mod:`orgmodel.cli`).

``classify FILE OUT.orgmodel`` suggests an office for each unit from its name (then tags and
notes; :mod:`orgmodel.analysis.classify`), prints the suggestions as a table (unit, office,
suggested office, reason, confidence, what was done) and writes OUT with the confident ones
applied, atomically. ``--only-unclassified`` looks at units without an office only;
``--dry-run`` writes nothing. The output stays English: it is for scripts and terminals.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from orgmodel.analysis.classify import CONFIDENT, Suggestion, candidate_units, load_lexicon, suggestions
from orgmodel.model import OrgModel, Unit

Table = Callable[..., None]


def add_commands(commands: Any) -> None:
    """Add ``classify`` to the subcommands of the ``orgmodel`` parser."""
    classify = commands.add_parser(
        "classify", help="suggest each unit's office from its name (English and Turkish) and write the confident ones"
    )
    classify.add_argument("file", metavar="FILE", help="a model or any importable file (.orgmodel, .csv, .xlsx, .graphml)")
    classify.add_argument("out", metavar="OUT.orgmodel", nargs="?", help="where to write the model with the offices set (not with --dry-run)")
    classify.add_argument("--only-unclassified", action="store_true", help="look only at units without an office (default: every unit)")
    classify.add_argument("--dry-run", action="store_true", help="print the suggestions, write nothing")
    add_lexicon_option(classify)


def add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicon", metavar="FILE", action="append", default=[],
        help="an extra lexicon of office words (JSON, as resources/lexicons/offices.json); repeatable; "
        "ORGMODEL_LEXICON names more",
    )


def run(options: argparse.Namespace, table: Table, write: Callable[[OrgModel, str], None], read: Callable[[str], tuple[OrgModel, list[str]]]) -> int:
    """``orgmodel classify``: returns the exit code (2: usage)."""
    if not options.dry_run and not options.out:
        print("orgmodel: classify needs OUT.orgmodel (or --dry-run)", file=sys.stderr)
        return 2
    model, messages = read(options.file)
    for message in messages:
        print(f"{options.file}: {message}", file=sys.stderr)
    applied = classify_model(model, table, only_unclassified=options.only_unclassified, lexicon_files=options.lexicon)
    if options.dry_run:
        print(f"dry run: {applied:,} office(s) would be set; nothing written")
        return 0
    write(model, options.out)
    print(f"{options.out}: written, {applied:,} office(s) set")
    return 0


def classify_model(model: OrgModel, table: Table, *, only_unclassified: bool = True, lexicon_files: Sequence[str] = ()) -> int:
    """Print the suggestions for ``model`` as a table and set the confident ones (one
    ``update_unit`` each); returns how many offices were set."""
    lexicon = load_lexicon(lexicon_files)
    units = candidate_units(model, only_unclassified)
    found = suggestions(model, only_unclassified=only_unclassified, lexicon=lexicon)
    rows, applied = [], 0
    for unit, suggestion in zip(units, found):
        action = _action(unit, suggestion)
        if action == "set":
            model.update_unit(unit.id, office=suggestion.office)  # type: ignore[union-attr]
            applied += 1
        rows.append(_row(unit, suggestion, action))
    if rows:
        table(sys.stdout, ("Unit", "Office", "Suggested office", "Reason", "Confidence", "Action"), rows, {4})
    print(f"{len(units):,} unit(s) looked at, {sum(1 for s in found if s):,} suggestion(s), {applied:,} set "
          f"(confidence {CONFIDENT:.0%} or more)")
    return applied


def _action(unit: Unit, suggestion: Suggestion | None) -> str:
    if suggestion is None:
        return "none: no office word"
    if suggestion.office == unit.office:
        return "same"
    if not suggestion.confident:
        return "kept: not sure"
    return "set"


def _row(unit: Unit, suggestion: Suggestion | None, action: str) -> tuple[str, ...]:
    if suggestion is None:
        return (unit.name, unit.office or "-", "-", "-", "-", action)
    where = "" if suggestion.source == "name" else f" (in {suggestion.source})"
    return (unit.name, unit.office or "-", suggestion.office, f'"{suggestion.reason}"{where}', f"{suggestion.confidence:.0%}", action)
