"""GraphML export and import, for yEd, Gephi, networkx and other graph tools.

Writing builds the XML with :mod:`xml.etree.ElementTree`: a directed graph whose nodes are
the units (ids = unit ids) with one typed data key per unit field, reporting lines as edges
child → parent (``kind=reports_to``) and dependencies as edges source → target
(``kind=dependency``), plus yFiles graphics so that yEd shows cards and arrows.

Reading parses with :mod:`defusedxml` (no DTDs, no entities), refuses files over 50 MB and
elements nested deeper than 1,000 levels, and turns every problem in the file into one clear
line naming it (:class:`GraphMLError`). Problems with single values only cost that value:
they come back as warnings next to the model.

The package: :mod:`.schema` (namespaces, keys, the error), :mod:`.write`, :mod:`.safe_xml`
(the bounded, defused parse) and :mod:`.read`. Every name is importable from here.
"""

from __future__ import annotations

from orgmodel.formats.graphml.read import read_graphml
from orgmodel.formats.graphml.safe_xml import MAX_BYTES, MAX_DEPTH, MAX_MARKUP
from orgmodel.formats.graphml.schema import (
    DEPENDENCY,
    NS,
    NS_XSI,
    NS_Y,
    OFFICE_ALIASES,
    REPORTS_TO,
    SCHEMA_LOCATION,
    GraphMLError,
)
from orgmodel.formats.graphml.write import to_element, write_graphml

__all__ = [
    "DEPENDENCY",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_MARKUP",
    "NS",
    "NS_XSI",
    "NS_Y",
    "OFFICE_ALIASES",
    "REPORTS_TO",
    "SCHEMA_LOCATION",
    "GraphMLError",
    "read_graphml",
    "to_element",
    "write_graphml",
]
