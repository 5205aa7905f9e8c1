"""The live highlight on the canvas: which cards stand out, which are only on the way, and
which fade; switched off by the person if they prefer to edit without it.

For a revenue-generating unit the *counted* units are its back-office supporters; for a
back-office unit, the revenue-generating units it supports (see ``orgmodel.analysis``):
they get the strong mark. Units that are only on a chain between them (a middle-office
unit passing the work on) get a lighter, dashed one. Everything else fades, but only while
there is something to show: a unit with no supporters (a new one) dims nothing.

Fading is one flag the cards share, not a state stored in each card: showing or clearing a
highlight visits only the cards whose mark changes, never the 50,000 others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgmodel.model import OrgModel

from ui.canvas.items.unit_card import Emphasis, Shade

if TYPE_CHECKING:
    from ui.canvas.scene import OrgScene


def counted_units(model: OrgModel, focus: str, units: set[str]) -> set[str]:
    """The units of a highlight of ``focus`` that its count counts: back-office supporters
    of a revenue-generating unit, or the revenue-generating units a back-office unit
    supports. Every back-office unit on a chain from a revenue unit is one of its
    supporters (and every revenue unit on a chain to a back-office unit one it supports),
    so the office (or the flag) of each unit shown says it."""
    if focus not in model:
        return set()
    if model.unit(focus).is_revenue_generating:
        return {uid for uid in units if uid != focus and model.unit(uid).office == "back"}
    return {uid for uid in units if uid != focus and model.unit(uid).is_revenue_generating}


class Highlight:
    """What the scene's highlight shows, kept as ``{unit: mark}`` for the marked cards."""

    def __init__(self, scene: OrgScene) -> None:
        self.scene = scene
        self.shade = Shade()
        self.enabled = True
        self.marks: dict[str, Emphasis] = {}
        #: The last highlight asked for (focus, units, lines), shown again when switched on.
        self.requested: tuple[str | None, set[str] | None, set[tuple[str, str]] | None] = (None, None, None)

    def reset(self) -> None:
        """A new model: new cards, all plain."""
        self.marks = {}
        self.shade.dim_rest = False
        self.requested = (None, None, None)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.show(*self.requested)

    def show(self, focus: str | None, units: set[str] | None, lines: set[tuple[str, str]] | None) -> None:
        """Show the highlight of ``focus`` (``units`` on its chains, ``lines`` between them);
        ``None`` units clear it."""
        self.requested = (focus, units, lines)
        model = self.scene.model
        if not self.enabled or units is None or model is None or not units - {focus}:
            marks: dict[str, Emphasis] = {}
            lines = None
        else:
            counted = counted_units(model, focus, units) if focus is not None else units
            marks = {uid: Emphasis.HIGHLIGHTED if uid in counted else Emphasis.ON_CHAIN for uid in units}
            if focus is not None:
                marks[focus] = Emphasis.FOCUS
        cards = self.scene.cards
        for uid in self.marks.keys() - marks.keys():
            card = cards.get(uid)
            if card is not None:
                card.set_emphasis(Emphasis.NORMAL)
        for uid, mark in marks.items():
            card = cards.get(uid)
            if card is not None and self.marks.get(uid) != mark:
                card.set_emphasis(mark)
        self.marks = marks
        dim = bool(marks)
        if dim != self.shade.dim_rest:
            self.shade.dim_rest = dim
            self.scene.update()  # every unmarked card fades or comes back: one repaint
        self.scene.dependencies.set_highlighted(lines)
        self.scene.reporting.set_highlighted(set() if dim else None)

    def units(self) -> set[str]:
        """The units of the highlight asked for (shown or not)."""
        return self.requested[1] or set()
