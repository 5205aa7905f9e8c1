"""What every importer shares: the person's choices, the rejection summary, the rule that an
import must bring units, where a unit without an office goes, and positions scaled to cards.

>>> [str(line) for line in rejection_lines([(tr("row {row}", row=n), tr("bad")) for n in range(2, 25)], limit=2)]
['row 2: bad', 'row 3: bad', '… and 21 more']
>>> scaled_positions({"a": (0.0, 0.0, 30.0, 30.0), "b": (40.0, 0.0, 30.0, 30.0)})["b"]
(240.0, 58.0)
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
from orgmodel.errors import ModelFileError, OrgModelError, Problem
from orgmodel.fields import UNCLASSIFIED, check_color
from orgmodel.i18n import Text, tr
from orgmodel.model import OrgModel

#: How many rejected rows or elements a summary names before "… and N more".
SHOWN_REJECTIONS = 20
_HEX3 = re.compile(r"#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])\Z")


class ImportFileError(OrgModelError):
    """A file that cannot be imported at all; the message is one line naming the file.

    ``reason`` is the message without the file name (a Text).
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(tr("{file}: {problem}", file=source, problem=reason))
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class ImportOptions:
    """What the person chose for an import (``orgmodel convert`` flags, the import dialog).

    ``columns``: field -> spreadsheet header (``--map name=Full Name``); ``page``: the
    draw.io page by name or 1-based number; ``sheet``: the workbook's sheet, the same way
    (default: the active sheet if visible, else the first visible); ``undirected``: ``"both"`` (a dependency each
    way, the default) or ``"forward"`` (source depends on target) for undirected GraphML edges.
    """

    columns: Mapping[str, str] = field(default_factory=dict)
    page: str | None = None
    undirected: str = "both"
    sheet: str | None = None


def rejection_lines(rejected: Sequence[tuple[Any, Any]], limit: int = SHOWN_REJECTIONS) -> list[Text]:
    """``place: why`` for the first ``limit`` rejections, then ``… and N more``."""
    lines = [tr("{place}: {problem}", place=place, problem=why) for place, why in rejected[:limit]]
    if len(rejected) > limit:
        lines.append(tr("… and {count:,} more", count=len(rejected) - limit))
    return lines


def require_units(source: str, model: OrgModel, messages: Sequence[str]) -> None:
    """Raise :class:`ModelFileError` when an import brought no unit at all: an empty model
    is no result, and writing it would replace a good file with nothing. The messages
    (rejections, warnings) come with it, so the person sees why."""
    if len(model):
        return
    problems = [Problem("", message) for message in messages]
    problems.append(Problem("", tr("no unit could be imported")))
    raise ModelFileError(source, problems)


def leave_unclassified(fields: dict[str, Any]) -> None:
    """Leave a unit whose source names no office *unclassified* (office ``None``).

    The one place every importer decides it: never a guess written as a fact (no office
    from a colour, a column of places or a name), never a rejection; the person classifies
    the unit later (``orgmodel classify``, Classify offices… in the editor).
    """
    fields["office"] = UNCLASSIFIED


#: How much of a name or value a message quotes: a 70,000-character name is a line nobody reads.
QUOTED_CHARACTERS = 60


def quoted_name(text: str) -> str:
    """``text`` as a message quotes it: at most :data:`QUOTED_CHARACTERS`, then "…".

    >>> quoted_name("Sales"), quoted_name("x" * 100)[-3:]
    ('Sales', 'xx…')
    """
    return text if len(text) <= QUOTED_CHARACTERS else text[: QUOTED_CHARACTERS - 1] + "…"


def unclassified_message(units: Sequence[str]) -> Text:
    """What the person is told about the units the source gave no office (the first five named).

    >>> str(unclassified_message(["Sales", "IT"]))
    '2 units have no office and are not classified: Sales, IT'
    >>> len(unclassified_message(["x" * 70_000] * 6)) < 400
    True
    """
    count = len(units)
    shown = ", ".join(map(quoted_name, units[:5])) + (", …" if count > 5 else "")
    if count == 1:
        return tr("{count} unit has no office and is not classified: {units}", count=count, units=shown)
    return tr("{count} units have no office and are not classified: {units}", count=count, units=shown)


def report_to(model: OrgModel, child: str, parent: str) -> tuple[bool, Text | None]:
    """Make ``child`` report to ``parent`` unless it already reports to a unit or the line
    would close a loop: whether the line was added, and why not when that is news."""
    current = model.parent(child)
    if current is not None:
        if current == parent:
            return False, None
        return False, tr("{unit} already reports to {parent}", unit=model.unit(child).name, parent=model.unit(current).name)
    try:
        model.set_parent(child, parent)
    except OrgModelError as error:
        return False, error.text()
    return True, None


def closing_lines(unclassified: Sequence[str], left_out: Sequence[tuple[Any, Any]]) -> list[Text]:
    """The end of a reader's summary: the unclassified units (their names), then what was left out."""
    lines = [unclassified_message(unclassified)] if unclassified else []
    if left_out:
        lines.append(tr("left out:"))
        lines += rejection_lines(left_out)
    return lines


def color_value(text: str | None) -> str | None:
    """A colour as the model keeps it (``#RRGGBB``) from ``#rgb`` or ``#rrggbb``, else None.

    >>> color_value("#fc0"), color_value("#dae8fc"), color_value("red")
    ('#ffcc00', '#dae8fc', None)
    """
    if not text:
        return None
    short = _HEX3.match(text)
    if short:
        text = "#" + "".join(c * 2 for c in short.groups())
    return text if check_color(text) is None else None


def scaled_positions(shapes: Mapping[str, tuple[float, float, float, float]]) -> dict[str, tuple[float, float]]:
    """Card positions (top-left corners) for shapes ``id -> (x, y, width, height)`` drawn in
    another program: the centres are spread so that shapes of the usual size that did not
    overlap there give cards that do not overlap here (a 30×30 yEd node spaced 40 apart
    becomes a card 240 apart); shapes the size of a card or larger keep their places."""
    if not shapes:
        return {}
    width = statistics.median(max(w, 1.0) for _, _, w, _ in shapes.values())
    height = statistics.median(max(h, 1.0) for _, _, _, h in shapes.values())
    factor = max(1.0, CARD_WIDTH / width, CARD_HEIGHT / height)  # one factor: no squashed picture
    if factor == 1.0:  # shapes the size of cards (files OrgModel wrote): exactly where they were
        return {key: (x, y) for key, (x, y, _, _) in shapes.items()}
    result = {}
    for key, (x, y, w, h) in shapes.items():
        cx, cy = (x + w / 2) * factor, (y + h / 2) * factor
        result[key] = (round(cx - CARD_WIDTH / 2, 2), round(cy - CARD_HEIGHT / 2, 2))
    return result
