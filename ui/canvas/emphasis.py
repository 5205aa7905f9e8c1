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
    """What the scene's highlight shows: the focus, the counted units and those only on
    the way, kept as sets so that moving from one highlight to the next costs set
    operations (in C) and a visit of the cards whose mark changes."""

    def __init__(self, scene: OrgScene) -> None:
        self.scene = scene
        self.shade = Shade()
        self.enabled = True
        self.focus: str | None = None
        self.counted: set[str] = set()
        self.chain: set[str] = set()
        #: A what-if shown (see :meth:`simulate`): its marks come first, its lines replace
        #: the highlight's, and everything else fades while it runs.
        self.failed: set[str] = set()
        self.down: set[str] = set()
        self.simulation_lines: set[tuple[str, str]] | None = None
        #: The last highlight asked for (focus, units, lines, counted), shown again when
        #: switched on.
        self.requested: tuple = (None, None, None, None)

    def reset(self) -> None:
        """A new model: new cards, all plain."""
        self.focus, self.counted, self.chain = None, set(), set()
        self.failed, self.down, self.simulation_lines = set(), set(), None
        self.shade.dim_rest = False
        self.requested = (None, None, None, None)

    def mark(self, unit_id: str) -> Emphasis:
        """The mark a card of ``unit_id`` gets (plain when it has none: faded or not by
        the shared shade)."""
        if unit_id in self.failed:
            return Emphasis.FAILED
        if unit_id in self.down:
            return Emphasis.DOWN
        if unit_id == self.focus:
            return Emphasis.FOCUS
        if unit_id in self.counted:
            return Emphasis.HIGHLIGHTED
        return Emphasis.ON_CHAIN if unit_id in self.chain else Emphasis.NORMAL

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.show(*self.requested)

    def show(
        self,
        focus: str | None,
        units: set[str] | None,
        lines: set[tuple[str, str]] | None,
        counted: set[str] | None = None,
    ) -> None:
        """Show the highlight of ``focus``: ``units`` on its chains, ``lines`` between them,
        ``counted`` the units its count counts (worked out from the model when not given);
        ``None`` units clear it."""
        self.requested = (focus, units, lines, counted)
        model = self.scene.model
        if not self.enabled or units is None or model is None or not units - {focus}:
            new_focus, new_counted, new_chain = None, set(), set()
            lines = None
        else:
            new_focus = focus
            if counted is None:
                counted = counted_units(model, focus, units) if focus is not None else units
            new_counted = units.intersection(counted)
            new_counted.discard(focus)
            new_chain = units - new_counted
            new_chain.discard(focus)
        changed = (self.counted ^ new_counted) | (self.chain ^ new_chain)
        changed.update((self.focus, new_focus))
        changed.discard(None)
        self.focus, self.counted, self.chain = new_focus, new_counted, new_chain
        self._repaint(changed, lines)

    def active(self) -> bool:
        """Whether some card has a mark of its own (a card added now must get its own)."""
        return self.focus is not None or bool(self.failed)

    def simulate(self, failed: set[str] | None, down: set[str] | None, lines: set[tuple[str, str]] | None) -> None:
        """Show a what-if: ``failed`` units, the others ``down``, ``lines`` its chains
        stand out, the rest fades; ``None`` ends it (the highlight asked for comes back)."""
        failed = set(failed or ())
        down = set(down or ()) - failed
        changed = (self.failed ^ failed) | (self.down ^ down)
        self.failed, self.down = failed, down
        self.simulation_lines = lines if failed else None
        self._repaint(changed, self.requested[2] if self.focus is not None else None)

    def _repaint(self, changed: set[str], lines: set[tuple[str, str]] | None) -> None:
        cards = self.scene.cards
        for uid in changed:
            card = cards.get(uid)
            if card is not None:
                card.set_emphasis(self.mark(uid))
        simulating = bool(self.failed)
        if simulating:
            lines = self.simulation_lines or set()
        dim = self.focus is not None or simulating
        if dim != self.shade.dim_rest:
            self.shade.dim_rest = dim
            self.scene.update()  # every unmarked card fades or comes back: one repaint
        self.scene.dependencies.set_highlighted(lines)
        self.scene.reporting.set_highlighted(set() if dim else None)

    def units(self) -> set[str]:
        """The units of the highlight asked for (shown or not)."""
        return self.requested[1] or set()
