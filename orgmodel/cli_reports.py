"""What the analysis commands print: support, impact and why as tables (or JSON), and the
table and JSON writers every console command shares (cost, automation, whatif, spof and
classify get them from cli.py). English, like all console output."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from orgmodel.cli_outputs import Failure as _Failure
from orgmodel.model import OrgModel

OFFICE_TITLES = {"front": "front office", "middle": "middle office", "back": "back office", None: "no office (unclassified)"}


def unclassified_note(count: int) -> str:
    """The line every command prints when units have no office yet (English: the console)."""
    verb = "is" if count == 1 else "are"
    return f"{counted(count, 'unit')} {verb} not classified: support and cost figures leave them out (see: orgmodel classify)"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def write_json(pieces: Iterable[str | bytes]) -> None:
    """JSON is UTF-8 whatever the terminal's encoding (RFC 8259). Written piece by piece, and
    each piece until all of it is out: the map of a large model can be gigabytes, and one
    write() of more than 2 GiB silently writes only part of it. A piece is text, or bytes
    already in UTF-8 (the cost attribution, made as bytes: no decoding to encode again)."""
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if out is None:
        for piece in pieces:
            sys.stdout.write(piece if isinstance(piece, str) else bytes(piece).decode("utf-8"))
        sys.stdout.write("\n")
        return
    sys.stdout.flush()
    for piece in pieces:
        data = memoryview(piece.encode("utf-8") if isinstance(piece, str) else piece)
        while data:
            data = data[out.write(data) or len(data) :]
    out.write(b"\n")
    out.flush()


def support(model: OrgModel, as_json: bool) -> int:
    from orgmodel.analysis import analyse

    analysis = analyse(model)
    if as_json:
        write_json(analysis.support_map_json_pieces())
        return 0
    rows = []
    for uid in sorted(analysis.revenue_units, key=lambda u: (model.unit(u).name.casefold(), u)):
        unit = model.unit(uid)
        names = sorted((model.unit(b).name for b in analysis.support(uid)), key=str.casefold)
        rows.append((unit.name, OFFICE_TITLES[unit.office], str(len(names)), ", ".join(names) or "— none —"))
    table(sys.stdout, ("Revenue-generating unit", "Office", "Supporters", "Back-office support"), rows, right={2})
    return 0


def impact(model: OrgModel, as_json: bool) -> int:
    from orgmodel.analysis import analyse, revenue_at_risk

    analysis = analyse(model)
    if as_json:
        write_json(analysis.impact_map_json_pieces())
        return 0
    at_risk = revenue_at_risk(model, analysis)
    rows = []
    for uid in sorted(analysis.back_office_units, key=lambda u: (-at_risk[u], model.unit(u).name.casefold(), u)):
        unit = model.unit(uid)
        names = sorted((model.unit(f).name for f in analysis.impact(uid)), key=str.casefold)
        share = unit.automation_potential
        rows.append(
            (
                unit.name,
                money(at_risk[uid]),
                str(len(names)),
                "" if share is None else f"{share:.0%}",
                ", ".join(names) or "— none —",
            )
        )
    table(
        sys.stdout,
        ("Back-office unit", "Revenue at risk", "Units", "Automatable", "Revenue-generating units supported"),
        rows,
        right={1, 2, 3},
    )
    return 0


def money(value: float) -> str:
    """An amount with thousands separators; a whole number (of any size: a sum of exact
    whole revenues can be larger than any float) without decimals.

    >>> money(1500.0), money(2.5), money(10 ** 309)[:8]
    ('1,500', '2.50', '1,000,00')
    """
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"


def table(out: TextIO, header: tuple[str, ...], rows: list[tuple[str, ...]], right: set[int] = frozenset()) -> None:
    """Columns padded to their widest cell; the last column runs free."""
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) if rows else len(header[i]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            if i == len(cells) - 1:
                parts.append(cell)
            elif i in right:
                parts.append(cell.rjust(widths[i]))
            else:
                parts.append(cell.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    out.write(line(header) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write(line(row) + "\n")
    if not rows:
        out.write("(no units)\n")


def why(path: str, model: OrgModel, source: str, target: str) -> int:
    from orgmodel.analysis import support_chain

    for uid in (source, target):
        if uid not in model:
            raise _Failure(f"{path}: no unit with id {uid!r}")
    src, dst = model.unit(source), model.unit(target)
    if dst.office != "back":
        raise _Failure(f"{dst.name} ({target}) is in the {OFFICE_TITLES[dst.office]}; support chains end at a back-office unit")
    chain = support_chain(model, source, target)
    if chain is None:
        raise _Failure(f"no support chain: {src.name} does not depend on {dst.name}, directly or through other units")
    print(" → ".join(model.unit(uid).name for uid in chain))
    if not src.is_revenue_generating:
        print(f"note: {src.name} is not revenue-generating, so this chain is not counted as support", file=sys.stderr)
    return 0
