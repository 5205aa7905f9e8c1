"""draw.io (diagrams.net) import: ``.drawio`` and ``.xml`` files, plain or compressed pages.

What a drawing becomes (the table is in docs/formats.md too):

=============================================  ===========================================
in draw.io                                     in OrgModel
=============================================  ===========================================
a page (``<diagram>``)                         the model; ``page`` chooses one (default:
                                               the first), the others are listed
a shape with text (vertex)                     a unit: the first line of its text (HTML
                                               removed) is the name, the other lines and a
                                               ``UserObject``'s properties go to the notes,
                                               its fill colour is the unit's colour
a shape without text, a group, an edge label   nothing (its shapes inside still count)
a shape inside a container or swimlane         reports to the container
dashed connector                               a dependency: source depends on target
solid connectors that draw a top-down tree     reporting lines: the lower shape reports to
(each shape entered at most once, always       the upper one (draw.io's org-chart templates)
from above)
other solid connectors                         dependencies: source depends on target
positions and sizes                            positions, spread so that the cards do not
                                               overlap (:func:`~orgmodel.formats.importing.scaled_positions`)
=============================================  ===========================================

A file written by OrgModel (``host="OrgModel"``) reads back as it was written: unit ids
without their ``u-`` prefix, offices from the card's border colour, reporting lines from
the connectors without arrows. Any other file gives no unit an office: they are left
unclassified (:func:`~orgmodel.formats.importing.leave_unclassified`).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import os
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from typing import Any

from orgmodel.appearance import OFFICE_COLORS, office_colors
from orgmodel.fields import check_id, check_text, control_character, spaced_out
from orgmodel.formats.graphml.safe_xml import MAX_BYTES, local, parse, parse_bytes
from orgmodel.formats.importing import ImportFileError, closing_lines, color_value, leave_unclassified, report_to, scaled_positions
from orgmodel.i18n import Text, tr
from orgmodel.ids import fresh_id
from orgmodel.model import OrgModel, Unit

_ROOTS = ("mxfile", "mxGraphModel")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/div|/p|/li|/h[1-6])\b[^>]*>", re.IGNORECASE)
_OFFICE_BY_STROKE = {stroke.lower(): office for office, (stroke, _) in OFFICE_COLORS.items()}
_SKIPPED_ATTRIBUTES = {"id", "label", "placeholders", "tooltip", "link", "tags"}


class DrawioError(ImportFileError):
    """A draw.io file that cannot be imported; the message is one line naming the file."""


def read_drawio(path: str | os.PathLike[str], page: str | None = None) -> tuple[OrgModel, list[str]]:
    """Import one page of a draw.io file: the model and what the person should know (Texts).

    ``page`` is a page name or its number from 1; without it the first page is read.
    Raises :class:`DrawioError` when the file or the page cannot be read.
    """
    source = str(path)
    root = parse(source, path, DrawioError, _ROOTS)
    messages: list[str] = []
    if local(root.tag) == "mxGraphModel":
        graph_model, name = root, os.path.splitext(os.path.basename(source))[0]
    else:
        graph_model, name = _choose_page(source, root, page, messages)
    host_is_orgmodel = root.get("host") == "OrgModel"
    reading = _Reading(host_is_orgmodel)
    reading.read_cells(graph_model)
    model = reading.build(name if not check_text(name, required=True) else "draw.io")
    return model, messages + reading.messages()


def page_names(path: str | os.PathLike[str]) -> list[str]:
    """The names of the pages of a draw.io file, in order (one for a bare ``<mxGraphModel>``)."""
    root = parse(str(path), path, DrawioError, _ROOTS)
    if local(root.tag) == "mxGraphModel":
        return [os.path.splitext(os.path.basename(str(path)))[0]]
    return _names([element for element in root if local(element.tag) == "diagram"])


def _names(diagrams: list[ET.Element]) -> list[str]:
    return [diagram.get("name") or tr("Page-{number}", number=n) for n, diagram in enumerate(diagrams, 1)]


def _choose_page(source: str, mxfile: ET.Element, page: str | None, messages: list[str]) -> tuple[ET.Element, str]:
    diagrams = [element for element in mxfile if local(element.tag) == "diagram"]
    if not diagrams:
        raise DrawioError(source, tr("not a draw.io file: no <diagram> page"))
    names = _names(diagrams)
    listed = ", ".join(f'{n}. "{name}"' for n, name in enumerate(names, 1))
    index = 0
    if page is not None:
        wanted = page.strip()
        matches = [i for i, name in enumerate(names) if name.casefold() == wanted.casefold()]
        if matches:
            index = matches[0]
        elif wanted.isdigit() and 1 <= int(wanted) <= len(diagrams):
            index = int(wanted) - 1
        else:
            raise DrawioError(source, tr('no page "{page}" (the pages are: {pages})', page=wanted, pages=listed))
    if len(diagrams) > 1:
        messages.append(tr('page "{page}" imported; the file has {count} pages: {pages}', page=names[index],
                           count=len(diagrams), pages=listed))
    return _page_model(source, diagrams[index]), names[index]


def _page_model(source: str, diagram: ET.Element) -> ET.Element:
    """The ``<mxGraphModel>`` of a page, written plainly or compressed (deflate + base64,
    the text URL-encoded) as draw.io saves it by default."""
    for child in diagram:
        if local(child.tag) == "mxGraphModel":
            return child
    text = "".join(diagram.itertext()).strip()
    if not text:
        raise DrawioError(source, tr("the page is empty"))
    try:
        packed = base64.b64decode(text, validate=False)
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        data = inflater.decompress(packed, MAX_BYTES)
        if inflater.unconsumed_tail:
            raise DrawioError(source, tr("the page is too large once uncompressed"))
        xml = _percent_decoded(data)
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError):
        raise DrawioError(source, tr("the compressed page cannot be read (not deflate and base64)")) from None
    return parse_bytes(source, xml, DrawioError, ("mxGraphModel",))


def _percent_decoded(data: bytes) -> bytes:
    """The bytes of URL-encoded text (``encodeURIComponent``, as draw.io writes it).

    Every character but letters, digits and a few marks is ``%XX`` there, so decoding one
    escape at a time is most of a page's reading; the C escape decoder does it at once when
    the text holds no backslash of its own (``encodeURIComponent`` writes it ``%5C``).

    >>> _percent_decoded(b"%3CmxCell%20value%3D%22Sat%C4%B1%C5%9F%22%2F%3E").decode("utf-8")
    '<mxCell value="Satış"/>'
    """
    if b"\\" not in data:
        try:
            return codecs.escape_decode(data.replace(b"%", b"\\x"))[0]
        except ValueError:
            pass  # a lone "%": let the careful decoder say what it can
    return urllib.parse.unquote_to_bytes(data)


def label_text(value: str, is_html: bool) -> list[str]:
    """The lines of a label as plain text: tags removed, entities decoded, blank lines dropped.

    >>> label_text("<b>Evan Miller</b><br>CFO&nbsp;", True)
    ['Evan Miller', 'CFO']
    """
    if is_html:
        value = html.unescape(_TAG.sub("", _BREAK.sub("\n", value)))
    lines: list[str] = []
    raw = [line for line in value.replace("\xa0", " ").splitlines() if line.strip()]
    for i, line in enumerate(raw):
        if lines and _wrapped(raw[i - 1], line):
            lines[-1] += " " + " ".join(line.split())
        else:
            lines.append(" ".join(line.split()))
    return lines


#: Words a line ends with when a name was broken to fit its shape ("Office of / Enforcement").
_JOINING = frozenset({"of", "and", "for", "the", "to", "in", "on", "&", "-", "ve", "ile", "için"})


def _wrapped(line: str, after: str) -> bool:
    r"""Whether ``after`` continues ``line`` (a name broken to fit its shape, as draw.io's
    own org-chart templates do: "Office of ⏎Enforcement", "Analysis ⏎Division") rather than
    starting a line of its own ("Evan Miller ⏎CFO"): ``line`` ends with a space or a joining
    word, or ``after`` starts with a space or a small letter.

    >>> label_text("Office of \nWorkplace Solutions", False), label_text("Office of\n Regulatory Support", False)
    (['Office of Workplace Solutions'], ['Office of Regulatory Support'])
    >>> label_text("Regulatory \nand Enforcement Division", False), label_text("Evan Miller\nCFO", False)
    (['Regulatory and Enforcement Division'], ['Evan Miller', 'CFO'])
    """
    words = line.split()
    return (line[-1:].isspace() or after[:1].isspace() or after.lstrip()[:1].islower()
            or (bool(words) and words[-1].casefold() in _JOINING))


def style_of(text: str) -> dict[str, str]:
    """A draw.io style as a dict; a bare word ("swimlane", "text") maps to ""."""
    result: dict[str, str] = {}
    for part in text.split(";"):
        key, _, value = part.partition("=")
        if key.strip():
            result[key.strip()] = value.strip()
    return result


class _Cell:
    __slots__ = ("id", "parent", "vertex", "edge", "source", "target", "lines", "notes", "style", "geometry")

    def __init__(self, element: ET.Element, wrapper: ET.Element | None) -> None:
        holder = wrapper if wrapper is not None else element
        self.id = holder.get("id") or ""
        self.parent = element.get("parent")
        self.vertex = element.get("vertex") == "1"
        self.edge = element.get("edge") == "1"
        self.source, self.target = element.get("source"), element.get("target")
        self.style = style_of(element.get("style", ""))
        label = holder.get("label", "") if wrapper is not None else element.get("value", "")
        self.notes: list[str] = []
        if wrapper is not None:
            attributes = {k: v for k, v in wrapper.attrib.items() if k not in _SKIPPED_ATTRIBUTES and v.strip()}
            if wrapper.get("placeholders") == "1":
                label = re.sub(r"%(\w+)%", lambda m: html.escape(attributes.get(m.group(1), "")), label)
            self.notes = [f"{key}: {value.strip()}" for key, value in attributes.items()]
        self.lines = label_text(label, self.style.get("html") == "1" or "<" in label)
        self.geometry = (0.0, 0.0, 0.0, 0.0)
        for child in element:
            if local(child.tag) == "mxGeometry":
                self.geometry = tuple(_number(child.get(k)) for k in ("x", "y", "width", "height"))  # type: ignore[assignment]


def _number(text: str | None) -> float:
    try:
        value = float(text or 0)
    except ValueError:
        return 0.0
    return value if value == value and abs(value) < 1e12 else 0.0


class _Reading:
    """The cells of one page and what they become."""

    def __init__(self, host_is_orgmodel: bool) -> None:
        self.own = host_is_orgmodel
        self.cells: dict[str, _Cell] = {}
        self.left_out: list[tuple[Any, Text]] = []
        self.unclassified: list[str] = []
        self.reporting_from_tree = False
        self.contained = 0
        self.spaced_out = 0  # cells whose label held control characters

    def read_cells(self, graph_model: ET.Element) -> None:
        root = next((child for child in graph_model if local(child.tag) == "root"), None)
        if root is None:
            return
        for element in root:
            name = local(element.tag)
            if name == "mxCell":
                cell = _Cell(element, None)
            elif name in ("UserObject", "object"):
                inner = next((child for child in element if local(child.tag) == "mxCell"), None)
                if inner is None:
                    continue
                cell = _Cell(inner, element)
            else:
                continue
            if cell.id and cell.id not in self.cells:
                self.cells[cell.id] = cell

    def build(self, name: str) -> OrgModel:
        model = OrgModel(name)
        cells = self.cells
        unit_of: dict[str, str] = {}  # cell id -> unit id
        taken: set[str] = set()
        shapes: dict[str, tuple[float, float, float, float]] = {}
        absolute: dict[str, tuple[float, float]] = {}

        def origin(cell_id: str | None, depth: int = 0) -> tuple[float, float]:
            cell = cells.get(cell_id or "")
            if cell is None or not cell.vertex or depth > 100:
                return (0.0, 0.0)
            if cell.id not in absolute:
                px, py = origin(cell.parent, depth + 1)
                absolute[cell.id] = (px + cell.geometry[0], py + cell.geometry[1])
            return absolute[cell.id]

        fields_of: dict[str, dict[str, Any]] = {}
        for cell in cells.values():
            if not cell.vertex or (cell.parent in cells and cells[cell.parent].edge):
                continue
            if not cell.lines:
                continue
            uid = cell.id[2:] if self.own and cell.id.startswith("u-") else cell.id if self.own else fresh_id(cell.lines[0], taken)
            if check_id(uid) or uid in taken and self.own:
                uid = fresh_id(cell.lines[0], taken)
            taken.add(uid)
            unit_of[cell.id] = uid
            name, notes = cell.lines[0][:200], "\n".join(cell.lines[1:] + cell.notes)
            if control_character(name + notes):  # invisible debris: a space each, said once for all
                self.spaced_out += 1
                name, notes = " ".join(spaced_out(name).split()) or uid, spaced_out(notes)
            fields: dict[str, Any] = {"name": name}
            if notes:
                fields["notes"] = notes
            fill = color_value(cell.style.get("fillColor"))
            office = _OFFICE_BY_STROKE.get((cell.style.get("strokeColor") or "").lower()) if self.own else None
            if fill and not (self.own and fill.lower() == office_colors(office)[1].lower()):
                fields["color"] = fill  # OrgModel's own office fill is no colour of the unit's
            if office is not None:
                fields["office"] = office
            else:
                leave_unclassified(fields)
                self.unclassified.append(fields["name"])
            fields_of[uid] = fields
            x, y = origin(cell.id)
            shapes[uid] = (x, y, cell.geometry[2], cell.geometry[3])
        positions = scaled_positions(shapes) if not self.own else {uid: shape[:2] for uid, shape in shapes.items()}
        for uid, fields in fields_of.items():
            x, y = positions[uid]
            model.add_unit(Unit(uid, x=x, y=y, **fields))
        self._add_lines(model, unit_of, shapes)
        return model

    def _add_lines(self, model: OrgModel, unit_of: dict[str, str], shapes: dict[str, tuple[float, float, float, float]]) -> None:
        solid: list[tuple[str, str, str]] = []
        dashed: list[tuple[str, str, str]] = []
        for cell in self.cells.values():
            if not cell.edge:
                continue
            source, target = unit_of.get(cell.source or ""), unit_of.get(cell.target or "")
            if source is None or target is None or source == target:
                self.left_out.append((tr("connector {id}", id=cell.id), tr("does not join two shapes with text")))
                continue
            if self.own:
                reporting = cell.style.get("endArrow") == "none" and cell.style.get("dashed") != "1"
                (solid if reporting else dashed).append((cell.id, source, target))
            else:
                (dashed if cell.style.get("dashed") == "1" else solid).append((cell.id, source, target))
        if self.own or _top_down_tree(solid, shapes):
            self.reporting_from_tree = bool(solid) and not self.own
            for cell_id, parent, child in solid:
                self._report(model, cell_id, child, parent)
        else:
            dashed = solid + dashed
        for cell_id, source, target in dashed:
            if model.has_dependency(source, target):
                self.left_out.append((tr("connector {id}", id=cell_id), tr("duplicate dependency")))
                continue
            model.add_dependency(source, target)
        # Shapes inside a container (a swimlane, a group with a title) report to it.
        for cell in self.cells.values():
            child = unit_of.get(cell.id)
            parent = self._container_unit(cell, unit_of)
            if child is None or parent is None or model.parent(child) is not None:
                continue
            if self._report(model, cell.id, child, parent):
                self.contained += 1

    def _container_unit(self, cell: _Cell, unit_of: dict[str, str]) -> str | None:
        parent, depth = self.cells.get(cell.parent or ""), 0
        while parent is not None and parent.vertex and depth < 100:
            if parent.id in unit_of:
                return unit_of[parent.id]
            parent, depth = self.cells.get(parent.parent or ""), depth + 1
        return None

    def _report(self, model: OrgModel, cell_id: str, child: str, parent: str) -> bool:
        done, why = report_to(model, child, parent)
        if why is not None:
            self.left_out.append((tr("connector {id}", id=cell_id), why))
        return done

    def messages(self) -> list[str]:
        lines: list[str] = []
        if self.reporting_from_tree:
            lines.append(tr("the connectors draw a top-down tree: read as reporting lines (the lower shape reports to the upper)"))
        if self.contained:
            lines.append(tr("{count:,} shapes inside containers report to their container", count=self.contained))
        if self.spaced_out:
            lines.append(tr("labels with control characters (invisible), each replaced by a space: {count:,}", count=self.spaced_out))
        return lines + closing_lines(self.unclassified, self.left_out)


def _top_down_tree(edges: list[tuple[str, str, str]], shapes: dict[str, tuple[float, float, float, float]]) -> bool:
    """Whether ``edges`` (cell, source, target) draw an org chart: each shape entered at
    most once, every connector going down from the upper shape to the lower one."""
    if not edges:
        return False
    entered: set[str] = set()
    for _, source, target in edges:
        if target in entered:
            return False
        entered.add(target)
        sx, sy, sw, sh = shapes[source]
        tx, ty, tw, th = shapes[target]
        if sy + sh / 2 >= ty + th / 2:
            return False
    return True
