"""The ``cost`` and ``automation`` console commands (registered by :mod:`orgmodel.cli`).

Readable tables by default, in the style of ``support`` and ``impact``; ``--json`` for
scripts, exactly as README.md documents it. Output is English (it is for scripts). The
helpers that print tables and JSON are passed in by ``cli`` (this module must not import it:
no import cycles).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from orgmodel.model import OrgModel

Table = Callable[[TextIO, tuple[str, ...], list[tuple[str, ...]], set[int]], None]
WriteJson = Callable[[Iterable[str]], None]


def add_commands(commands: Any) -> None:
    """Add ``cost`` and ``automation`` to the subcommands of the ``orgmodel`` parser."""
    cost = commands.add_parser("cost", help="cost to serve: each service unit's cost allocated to the revenue-generating units")
    cost.add_argument("file", metavar="FILE")
    cost.add_argument("--method", choices=("reciprocal", "step", "direct"), help="allocation method (default: reciprocal; step when --order is given)")
    cost.add_argument("--order", metavar="ID,ID,…", help="step-down order: every service unit once, first closed first")
    cost.add_argument("--json", action="store_true", help="print one JSON object (see the README)")
    automation = commands.add_parser("automation", help="units ranked by automation priority (savings × ease), with the margin each revenue unit gains")
    automation.add_argument("file", metavar="FILE")
    automation.add_argument("--json", action="store_true", help="print one JSON object (see the README)")


def run(options: argparse.Namespace, model: OrgModel, table: Table, write_json: WriteJson) -> int:
    """Run ``cost`` or ``automation``; a bad method or order ends with exit code 2."""
    from orgmodel.analysis.cost import AllocationError, allocate

    method = options.method if options.command == "cost" else None
    order = None
    if options.command == "cost" and options.order is not None:
        order = [uid.strip() for uid in options.order.split(",") if uid.strip()]
        if method not in (None, "step"):
            return _usage(f"--order is only used by --method step, not {method}")
        method = "step"
    try:
        allocation = allocate(model, method or "reciprocal", order)
    except AllocationError as error:
        return _usage(str(error))
    if options.command == "automation":
        return _automation(model, allocation, options.json, table, write_json)
    if options.json:
        write_json(_cost_json(allocation))
        return 0
    _cost_tables(model, allocation, table)
    return 0


def _usage(message: str) -> int:
    print(f"orgmodel: {message}", file=sys.stderr)
    return 2


def money(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def number(value: float) -> float | int:
    """A cent amount for JSON: an integer when it is whole (``118400``, not ``118400.0``)."""
    return int(value) if float(value).is_integer() else value


def _top(amounts: dict[str, float], model: OrgModel, count: int = 3) -> str:
    best = sorted(amounts.items(), key=lambda item: (-item[1], item[0]))[:count]
    text = ", ".join(f"{model.unit(uid).name} {money(amount)}" for uid, amount in best)
    return text + (f", … ({len(amounts) - count} more)" if len(amounts) > count else "")


def _cost_tables(model: OrgModel, allocation: Any, table: Table) -> None:
    out = sys.stdout
    order = f" (order: {', '.join(allocation.order)})" if allocation.order else ""
    out.write(f"Cost to serve, {allocation.method} method{order}\n\n")
    rows = []
    for row in sorted(allocation.revenue_units, key=lambda r: (r.name.casefold(), r.id)):
        rows.append((row.name, row.office, money(row.own_cost), money(row.allocated), money(row.fully_loaded), money(row.revenue), money(row.margin)))
    table(out, ("Revenue-generating unit", "Office", "Own cost", "Allocated", "Fully loaded", "Revenue", "Margin"), rows, {2, 3, 4, 5, 6})
    out.write("\n")
    rows = []
    to = dict(allocation.to_all())
    for row in sorted(allocation.service_units, key=lambda r: (-r.own_cost, r.name.casefold(), r.id)):
        rows.append((row.name, row.office, money(row.own_cost), money(row.total_cost), money(row.unallocated), _top(to[row.id], model) or "— nowhere —"))
    table(out, ("Service unit", "Office", "Own cost", "Total cost", "Unallocated", "Largest shares of its own cost"), rows, {2, 3, 4})
    out.write(
        f"\nService cost {money(allocation.total_service_cost)}: allocated {money(allocation.allocated)}, "
        f"unallocated {money(allocation.unallocated)}\n"
    )
    for sink in allocation.sinks:
        names = ", ".join(model.unit(uid).name for uid in sink.units[:8]) + (f" and {len(sink.units) - 8} more" if len(sink.units) > 8 else "")
        out.write(f"  unallocated {money(sink.amount)} at {names}: {sink.reason}\n")


def _cost_json(allocation: Any) -> Iterator[str]:
    """The ``cost --json`` object, a unit at a time (a 10,000-unit attribution is large)."""
    dumps = json.dumps
    yield '{"method": ' + dumps(allocation.method) + ', "revenue_units": ['
    rows = {row.id: row for row in allocation.revenue_units}
    for k, (rid, amounts) in enumerate(allocation.from_all()):
        row = rows[rid]
        item = {
            "id": row.id, "name": row.name, "own_cost": number(row.own_cost), "allocated": number(row.allocated),
            "fully_loaded": number(row.fully_loaded), "revenue": None if row.revenue is None else number(row.revenue),
            "margin": None if row.margin is None else number(row.margin), "from": {uid: number(v) for uid, v in amounts.items()},
        }
        yield (", " if k else "") + dumps(item, ensure_ascii=False)
    yield '], "service_units": ['
    rows = {row.id: row for row in allocation.service_units}
    for k, (sid, amounts) in enumerate(allocation.to_all()):
        row = rows[sid]
        item = {
            "id": row.id, "name": row.name, "own_cost": number(row.own_cost), "total_cost": number(row.total_cost),
            "to": {uid: number(v) for uid, v in amounts.items()}, "unallocated": number(row.unallocated),
        }
        yield (", " if k else "") + dumps(item, ensure_ascii=False)
    yield '], "unallocated": ' + dumps(number(allocation.unallocated)) + "}"


def _automation(model: OrgModel, allocation: Any, as_json: bool, table: Table, write_json: WriteJson) -> int:
    from orgmodel.analysis.automation import rank_automation

    ranking = rank_automation(model, allocation)
    if as_json:
        write_json(_automation_json(ranking))
        return 0
    rows = []
    for rank, c in enumerate(ranking, 1):
        ranked = c.reason is None
        rows.append(
            (
                str(rank) if ranked else "",
                c.name,
                c.office,
                money(c.cost),
                "" if c.automation_potential is None else f"{c.automation_potential:.0%}",
                "" if c.automation_ease is None else f"{c.automation_ease:.0%}",
                money(c.savings),
                money(c.priority),
                money(c.revenue_supported),
                _top(dict(c.margin_uplift), model) if ranked else f"— {c.reason} —",
            )
        )
    table(
        sys.stdout,
        ("#", "Unit", "Office", "Cost", "Potential", "Ease", "Savings", "Priority", "Revenue supported", "Margin uplift (largest)"),
        rows,
        {0, 3, 4, 5, 6, 7, 8},
    )
    return 0


def _automation_json(ranking: list[Any]) -> Iterator[str]:
    yield '{"units": ['
    for k, c in enumerate(ranking):
        item = {
            "id": c.id, "name": c.name, "office": c.office, "cost": None if c.cost is None else number(c.cost),
            "automation_potential": c.automation_potential, "automation_ease": c.automation_ease,
            "savings": None if c.savings is None else number(c.savings), "priority": None if c.priority is None else number(c.priority),
            "revenue_supported": number(c.revenue_supported), "margin_uplift": {uid: number(v) for uid, v in c.margin_uplift.items()},
            "reason": None if c.reason is None else str(c.reason),
        }
        yield (", " if k else "") + json.dumps(item, ensure_ascii=False)
    yield "]}"
