"""The one way GraphML and draw.io files are turned into bytes."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET


def xml_bytes(root: ET.Element) -> bytes:
    """``root`` as an indented UTF-8 document with an XML declaration (indents ``root`` in place).

    >>> xml_bytes(ET.fromstring("<a><b>ç</b></a>")).decode("utf-8")
    "<?xml version='1.0' encoding='utf-8'?>\\n<a>\\n  <b>ç</b>\\n</a>"
    """
    tree = ET.ElementTree(root)
    ET.indent(tree, "  ")
    buffer = io.BytesIO()
    tree.write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue()
