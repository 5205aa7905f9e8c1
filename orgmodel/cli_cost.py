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
from typing import TYPE_CHECKING, Any, TextIO

from orgmodel.model import OrgModel

if TYPE_CHECKING:  # numpy is imported by the commands that run, not by every command's parser
    import numpy as np

Table = Callable[[TextIO, tuple[str, ...], list[tuple[str, ...]], set[int]], None]
WriteJson = Callable[[Iterable[str | bytes]], None]


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

    beyond = _amount_beyond_reach(model)
    if beyond:
        print(f"orgmodel: {options.file}: {beyond}", file=sys.stderr)
        return 1
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


#: The largest cost or revenue of one unit that cost-to-serve and automation compute with:
#: they count in cents as 64-bit integers, and 10,000 units of this much still fit.
LARGEST_AMOUNT = 10**12


def _amount_beyond_reach(model: OrgModel) -> str | None:
    """The first unit whose cost or revenue is too large to allocate, said in one line (a
    revenue of 10^308 is a valid model, but its cents overflow: a traceback before)."""
    for unit in model.units():
        for field in ("cost", "revenue"):
            value = getattr(unit, field)
            if value is not None and abs(value) > LARGEST_AMOUNT:
                shown = f"{int(value):,}"
                shown = shown if len(shown) <= 40 else f"{shown[:20]}… ({len(str(abs(int(value))))} digits)"
                return (f"unit {unit.id!r}, {field}: {shown} is more than cost and automation figures can hold "
                        f"({LARGEST_AMOUNT:,} per unit)")
    return None


def _usage(message: str) -> int:
    print(f"orgmodel: {message}", file=sys.stderr)
    return 2


def money(value: float | int | None) -> str:
    """An amount with thousands separators; a whole number of any size (an exact sum of
    huge whole revenues is larger than any float) in full, without decimals.

    >>> money(1500.0), money(2.5), money(3 * 10**308)[:9], money(None)
    ('1,500', '2.50', '300,000,0', '')
    """
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"


def _top(ids: list[str], cents: np.ndarray, model: OrgModel, count: int = 3) -> str:
    """The largest amounts of a row of cents (columns ``ids``, in id order): ties by id."""
    import numpy as np

    nonzero = np.flatnonzero(cents)
    best = nonzero[np.argsort(-cents[nonzero], kind="stable")[:count]]
    text = ", ".join(f"{model.unit(ids[i]).name} {money(int(cents[i]) / 100)}" for i in best.tolist())
    return text + (f", … ({len(nonzero) - count} more)" if len(nonzero) > count else "")


def _cost_tables(model: OrgModel, allocation: Any, table: Table) -> None:
    out = sys.stdout
    order = f" (order: {', '.join(allocation.order)})" if allocation.order else ""
    out.write(f"Cost to serve, {allocation.method} method{order}\n\n")
    rows = []
    for row in sorted(allocation.revenue_units, key=lambda r: (r.name.casefold(), r.id)):
        rows.append((row.name, row.office or "unclassified", money(row.own_cost), money(row.allocated), money(row.fully_loaded), money(row.revenue), money(row.margin)))
    table(out, ("Revenue-generating unit", "Office", "Own cost", "Allocated", "Fully loaded", "Revenue", "Margin"), rows, {2, 3, 4, 5, 6})
    out.write("\n")
    rows = []
    columns = allocation.revenue_columns
    top = {uid: _top(columns, row, model) for ids, cents in allocation.to_cents() for uid, row in zip(ids, cents)}
    for row in sorted(allocation.service_units, key=lambda r: (-r.own_cost, r.name.casefold(), r.id)):
        rows.append((row.name, row.office or "unclassified", money(row.own_cost), money(row.total_cost), money(row.unallocated), top[row.id] or "— nowhere —"))
    table(out, ("Service unit", "Office", "Own cost", "Total cost", "Unallocated", "Largest shares of its own cost"), rows, {2, 3, 4})
    out.write(
        f"\nService cost {money(allocation.total_service_cost)}: allocated {money(allocation.allocated)}, "
        f"unallocated {money(allocation.unallocated)}\n"
    )
    for sink in allocation.sinks:
        names = ", ".join(model.unit(uid).name for uid in sink.units[:8]) + (f" and {len(sink.units) - 8} more" if len(sink.units) > 8 else "")
        out.write(f"  unallocated {money(sink.amount)} at {names}: {sink.reason}\n")
    if allocation.left_out:
        out.write(f"  left out: the own cost of {len(allocation.left_out):,} unclassified unit(s) (no office yet)\n")


def _cost_json(allocation: Any) -> Iterator[str | bytes]:
    """The ``cost --json`` object, a block of units at a time (a 10,000-unit attribution is
    tens of millions of amounts: written from arrays of cents, see :mod:`orgmodel.json_cents`)."""
    from orgmodel.json_cents import CentKeys, number

    dumps = json.dumps
    yield '{"method": ' + dumps(allocation.method) + ', "revenue_units": ['
    rows = {row.id: row for row in allocation.revenue_units}
    keys = CentKeys(allocation.service_columns)
    comma = ""
    for ids, cents in allocation.from_cents():
        parts: list[bytes | memoryview] = []
        for rid, body in zip(ids, keys.bodies(cents)):
            row = rows[rid]
            item = {
                "id": row.id, "name": row.name, "own_cost": number(row.own_cost), "allocated": number(row.allocated),
                "fully_loaded": number(row.fully_loaded), "revenue": None if row.revenue is None else number(row.revenue),
                "margin": None if row.margin is None else number(row.margin),
            }
            parts += [(comma + dumps(item, ensure_ascii=False)[:-1] + ', "from": {').encode("utf-8"), body, b"}}"]
            comma = ", "
        yield b"".join(parts)
    yield '], "service_units": ['
    rows = {row.id: row for row in allocation.service_units}
    keys = CentKeys(allocation.revenue_columns)
    comma = ""
    for ids, cents in allocation.to_cents():
        parts = []
        for sid, body in zip(ids, keys.bodies(cents)):
            row = rows[sid]
            item = {"id": row.id, "name": row.name, "own_cost": number(row.own_cost), "total_cost": number(row.total_cost)}
            tail = '}, "unallocated": ' + dumps(number(row.unallocated)) + "}"
            parts += [(comma + dumps(item, ensure_ascii=False)[:-1] + ', "to": {').encode("utf-8"), body, tail.encode("utf-8")]
            comma = ", "
        yield b"".join(parts)
    yield '], "unallocated": ' + dumps(number(allocation.unallocated)) + "}"


def _automation(model: OrgModel, allocation: Any, as_json: bool, table: Table, write_json: WriteJson) -> int:
    from orgmodel.analysis.automation import rank_automation, uplift_cents

    ranking = rank_automation(model, uplift=False)  # the uplift is read below, a block at a time
    if as_json:
        write_json(_automation_json(ranking, uplift_cents(model, allocation, [c.id for c in ranking]), allocation.revenue_columns))
        return 0
    ranked = [c for c in ranking if c.reason is None]
    columns = allocation.revenue_columns
    top = [_top(columns, row, model) for _, cents in uplift_cents(model, allocation, [c.id for c in ranked]) for row in cents]
    rows = []
    for rank, c in enumerate(ranking, 1):
        rows.append(
            (
                str(rank) if c.reason is None else "",
                c.name,
                c.office or "unclassified",
                money(c.cost),
                "" if c.automation_potential is None else f"{c.automation_potential:.0%}",
                "" if c.automation_ease is None else f"{c.automation_ease:.0%}",
                money(c.savings),
                money(c.priority),
                money(c.revenue_supported),
                top[rank - 1] if c.reason is None else f"— {c.reason} —",
            )
        )
    table(
        sys.stdout,
        ("#", "Unit", "Office", "Cost", "Potential", "Ease", "Savings", "Priority", "Revenue supported", "Margin uplift (largest)"),
        rows,
        {0, 3, 4, 5, 6, 7, 8},
    )
    return 0


def _automation_json(ranking: list[Any], uplifts: Iterator[tuple[list[str], np.ndarray]], columns: list[str]) -> Iterator[str | bytes]:
    """The ``automation --json`` object; ``uplifts``: each candidate's margin uplift in
    cents, in ranking order, a block at a time (:func:`~orgmodel.analysis.automation.uplift_cents`)."""
    from orgmodel.json_cents import CentKeys, number

    yield '{"units": ['
    keys = CentKeys(columns)
    candidates = iter(ranking)
    comma = ""
    for _, cents in uplifts:
        parts: list[bytes | memoryview] = []
        for body, c in zip(keys.bodies(cents), candidates):  # bodies first: zip takes no candidate too many
            item = {
                "id": c.id, "name": c.name, "office": c.office, "cost": None if c.cost is None else number(c.cost),
                "automation_potential": c.automation_potential, "automation_ease": c.automation_ease,
                "savings": None if c.savings is None else number(c.savings), "priority": None if c.priority is None else number(c.priority),
                "revenue_supported": number(c.revenue_supported),
            }
            tail = '}, "reason": ' + json.dumps(None if c.reason is None else str(c.reason), ensure_ascii=False) + "}"
            parts += [(comma + json.dumps(item, ensure_ascii=False)[:-1] + ', "margin_uplift": {').encode("utf-8"), body, tail.encode("utf-8")]
            comma = ", "
        yield b"".join(parts)
    yield "]}"
