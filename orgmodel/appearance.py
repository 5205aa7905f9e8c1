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

CARD_WIDTH = 180.0
CARD_HEIGHT = 64.0
