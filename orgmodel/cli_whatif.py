"""The ``whatif`` and ``spof`` console commands (registered by :mod:`orgmodel.cli`).

``whatif FILE --fail ID[,ID…]`` fails units and shows what stops, alternatives counted;
``spof FILE`` ranks every unit by the revenue its failure alone would stop. Readable tables
by default, ``--json`` exactly as README.md documents it. Like :mod:`orgmodel.cli_cost`,
the table and JSON printers are passed in by ``cli`` (no import cycle).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from orgmodel.cli_cost import Table, WriteJson, money
from orgmodel.model import OrgModel

#: How many units a readable table names before "… and N more".
SHOWN = 6


def add_commands(commands: Any) -> None:
    """Add ``whatif`` and ``spof`` to the subcommands of the ``orgmodel`` parser."""
    whatif = commands.add_parser("whatif", help="fail units and see which revenue stops, alternatives counted")
    whatif.add_argument("file", metavar="FILE")
    whatif.add_argument("--fail", metavar="ID,ID,…", required=True, help="ids of the units that fail")
    whatif.add_argument("--json", action="store_true", help="print one JSON object (see the README)")
    spof = commands.add_parser("spof", help="single points of failure: the revenue each unit's failure alone would stop")
    spof.add_argument("file", metavar="FILE")
    spof.add_argument("--json", action="store_true", help="print one JSON object (see the README)")


def run(options: argparse.Namespace, model: OrgModel, table: Table, write_json: WriteJson) -> int:
    """Run ``whatif`` or ``spof``; unknown unit ids end with exit code 2."""
    from orgmodel.analysis.spof import single_points
    from orgmodel.analysis.whatif import UnknownUnitsError, what_if

    if options.command == "spof":
        points = single_points(model)
        if options.json:
            write_json(_spof_json(points))
        else:
            _spof_table(model, points, table)
        return 0
    failed = [uid.strip() for uid in options.fail.split(",") if uid.strip()]
    if not failed:
        print("orgmodel: --fail needs at least one unit id", file=sys.stderr)
        return 2
    try:
        result = what_if(model, failed)
    except UnknownUnitsError as error:
        print(f"orgmodel: {options.file}: {error}", file=sys.stderr)
        return 2
    if options.json:
        from orgmodel.json_cents import number  # numpy: only for the commands that need it

        document = result.to_json()
        document["revenue_at_risk"] = number(result.revenue_at_risk)
        write_json([json.dumps(document, ensure_ascii=False)])
        return 0
    _whatif_table(model, result, table)
    return 0


def _names(model: OrgModel, ids: list[str]) -> str:
    names = sorted((model.unit(uid).name for uid in ids), key=str.casefold)
    text = ", ".join(names[:SHOWN])
    return text + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _whatif_table(model: OrgModel, result: Any, table: Table) -> None:
    out = sys.stdout
    out.write(f"What if {_names(model, result.failed)} failed\n\n")
    rows = []
    for rid in sorted(result.revenue_units_down, key=lambda uid: (-(model.unit(uid).revenue or 0), model.unit(uid).name.casefold(), uid)):
        chain = " → ".join(model.unit(uid).name for uid in result.chains[rid])
        rows.append((model.unit(rid).name, money(model.unit(rid).revenue or 0), chain))
    if rows:
        table(out, ("Revenue unit down", "Revenue", "Why (needs → … → failed)"), rows, {1})
    else:
        out.write("No revenue-generating unit stops.\n")
    down = len(result.down)
    out.write(
        f"\nRevenue at risk {money(result.revenue_at_risk)}: {len(result.revenue_units_down)} revenue "
        f"unit{'s' * (len(result.revenue_units_down) != 1)} down, {down} unit{'s' * (down != 1)} down in all\n"
    )
    if result.saved_by_alternative:
        out.write(f"Saved by an alternative: {_names(model, result.saved_by_alternative)}\n")


def _spof_table(model: OrgModel, points: Any, table: Table) -> None:
    out = sys.stdout
    out.write("Single points of failure: the revenue each unit's failure alone would stop\n\n")
    rows = [
        (row["name"], model.unit(row["id"]).office or "unclassified", money(row["revenue_at_risk"]), str(len(row["revenue_units"])), _names(model, row["revenue_units"]))
        for row in points.units
        if row["revenue_units"]
    ]
    table(out, ("Unit", "Office", "Revenue at risk", "Units", "Revenue units it stops"), rows, {2, 3})
    safe = len(points.units) - len(rows)
    if safe:
        verb = "stops no revenue unit on its own" if safe == 1 else "stop no revenue unit on their own"
        out.write(f"\n{safe} other unit{'s' * (safe != 1)} {verb}\n")


def _spof_json(points: Any) -> Iterator[str]:
    """The ``spof --json`` object, a unit at a time (a 10,000-unit answer is large)."""
    from orgmodel.json_cents import number

    dumps = json.dumps
    yield '{"units": ['
    for k, row in enumerate(points.units):
        item = {**row, "revenue_at_risk": number(row["revenue_at_risk"])}
        yield (", " if k else "") + dumps(item, ensure_ascii=False)
    yield '], "by_revenue_unit": {'
    for k, (rid, ids) in enumerate(points.by_revenue_unit.items()):
        yield (", " if k else "") + dumps(rid, ensure_ascii=False) + ": " + dumps(ids, ensure_ascii=False)
    yield "}}"
