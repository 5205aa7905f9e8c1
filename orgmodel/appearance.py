"""The look every output shares: office colours and card size, as plain values.

Okabe–Ito colours, distinguishable with the common forms of colour blindness. The editor
(``ui/style.py``), GraphML and draw.io all read them from here, so a diagram looks the same
wherever it is opened.
"""

from __future__ import annotations

#: Office → (border/accent colour, light fill colour).
OFFICE_COLORS: dict[str, tuple[str, str]] = {
    "front": ("#E69F00", "#FBE3B0"),
    "middle": ("#56B4E9", "#D3ECFA"),
    "back": ("#009E73", "#BDE7D9"),
}

#: An unclassified unit (no office yet): a neutral grey, so that it reads as "not decided".
UNCLASSIFIED_COLORS: tuple[str, str] = ("#8C8C8C", "#E6E6E6")


def office_colors(office: str | None) -> tuple[str, str]:
    """``(accent, fill)`` of ``office``; grey for an unclassified unit (``None``)."""
    return OFFICE_COLORS.get(office, UNCLASSIFIED_COLORS) if office is not None else UNCLASSIFIED_COLORS

CARD_WIDTH = 180.0
CARD_HEIGHT = 64.0
