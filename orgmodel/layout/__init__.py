"""Automatic layouts: the org chart (reporting lines), office bands (dependencies), and
places for units that have none.

Pure functions: they read a model and card sizes and return ``{unit id: (x, y)}`` (top-left
corners); they never change the model (``place_unplaced`` and ``set_positions`` do, as their
names say). All run in linear or near-linear time, so they can be re-run with one key on
10,000 units.
"""

from orgmodel.layout.bands import BAND_GAP, BAND_TITLE, OFFICE_ORDER, band_crossings, bands_layout, bands_order
from orgmodel.layout.orgchart import H_GAP, LEVEL_GAP, Positions, orgchart_layout
from orgmodel.layout.placement import (
    compact_positions,
    overlapping_cards,
    place_unplaced,
    set_positions,
    unplaced_positions,
)

__all__ = [
    "BAND_GAP",
    "BAND_TITLE",
    "H_GAP",
    "LEVEL_GAP",
    "OFFICE_ORDER",
    "Positions",
    "band_crossings",
    "bands_layout",
    "bands_order",
    "compact_positions",
    "orgchart_layout",
    "overlapping_cards",
    "place_unplaced",
    "set_positions",
    "unplaced_positions",
]
