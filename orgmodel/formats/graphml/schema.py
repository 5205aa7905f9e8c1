"""What a GraphML file of OrgModel is made of: namespaces, data keys, edge kinds, the error."""

from __future__ import annotations

from orgmodel.fields import OFFICE_WORDS
from orgmodel.formats.importing import ImportFileError

NS = "http://graphml.graphdrawing.org/xmlns"
NS_Y = "http://www.yworks.com/xml/graphml"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"

#: Accepted spellings of offices in imported files (lower-cased).
OFFICE_ALIASES: dict[str, str] = {word: office for office, words in OFFICE_WORDS.items() for word in words}

# (field, GraphML type) for every unit field, in file order.
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("name", "string"),
    ("office", "string"),
    ("revenue_generating", "boolean"),
    ("headcount", "int"),
    ("cost", "double"),
    ("revenue", "double"),
    ("automation_potential", "double"),
    ("automation_ease", "double"),
    ("notes", "string"),
    ("tags", "string"),
    ("x", "double"),
    ("y", "double"),
    ("color", "string"),
    ("parent", "string"),
)
EDGE_KEYS: tuple[tuple[str, str], ...] = (("kind", "string"), ("weight", "double"), ("label", "string"), ("group", "string"))

REPORTS_TO = "reports_to"
DEPENDENCY = "dependency"


class GraphMLError(ImportFileError):
    """A GraphML file that cannot be imported; the message is one line naming the file.

    ``reason`` is the message without the file name (a Text).
    """
