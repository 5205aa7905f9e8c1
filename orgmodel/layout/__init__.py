"""Automatic layouts: the org chart (reporting lines), office bands (dependencies), and
places for units that have none.

Pure functions: they read a model and card sizes and return ``{unit id: (x, y)}`` (top-left
corners); they never change the model. All run in linear or near-linear time, so they can
be re-run with one key on 10,000 units.
"""

from orgmodel.layout.bands import BAND_GAP, BAND_TITLE, OFFICE_ORDER, band_crossings, bands_layout, bands_order
from orgmodel.layout.orgchart import H_GAP, LEVEL_GAP, Positions, orgchart_layout
from orgmodel.layout.placement import compact_positions, place_unplaced, unplaced_positions

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
    "place_unplaced",
    "unplaced_positions",
]
