"""What a click means for the selection, as in yEd and draw.io: a plain click selects only
what it hits; Ctrl or Shift adds to (or toggles in) the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent


def extends_selection(event: QGraphicsSceneMouseEvent) -> bool:
    """Whether this press or release adds to the selection (Ctrl or Shift). Qt's items know
    only Ctrl, so Shift is passed on to them as Ctrl (Alt+Shift stays a line gesture)."""
    modifiers = event.modifiers()
    if modifiers & Qt.KeyboardModifier.ShiftModifier and not modifiers & Qt.KeyboardModifier.AltModifier:
        event.setModifiers(modifiers | Qt.KeyboardModifier.ControlModifier)
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
