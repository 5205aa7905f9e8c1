"""Mutations for ``benchmarks/fuzz_readers.py``: each takes a ``random.Random`` and the bytes of
a seed file and returns a mutant, in the manner of its format.

- every format: bit flips, truncation, inserted or deleted or repeated runs of bytes;
- XML (GraphML, draw.io, ArchiMate, the parts of an xlsx): elements deleted, duplicated,
  moved or nested thousands deep, attributes and text set to odd values (huge or negative
  numbers, NaN, odd Unicode, long strings), entity and DOCTYPE tricks, encodings;
- CSV: delimiter, quoting, encoding and BOM, line ends, columns added, removed or swapped,
  cells set to odd values, cycles and duplicates;
- xlsx: one part of the zip mutated as XML or bytes, then zipped again (or the zip itself);
- JSON (.orgmodel): values swapped for other types, keys dropped or added, huge values,
  ids made to collide, deep nesting.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import random
import re
import urllib.parse
import zipfile
import zlib
from collections.abc import Callable
from xml.etree import ElementTree as ET

ODD_TEXT = [
    "", " ", "-1", "0", "-0", "1e308", "1e400", "-1e400", "NaN", "nan", "inf", "-Infinity", "1" * 5000,
    "9" * 30, "0x1F", "1,5", "1.000.000", "١٢٣", "①", "12abc", "true", "null", "None", "front", "back", "middle",
    "FRONT ", "Arka Ofis", "\u202eevil", "\ufeffbom", "ﬁ", "e\u0301" * 50, "😀" * 20, "\u200b", "İ", "ı",
    "x" * 70_000, "a\tb", "line\nbreak", "<b>html</b>", "&amp;", "%name%", "=cmd|' /C calc'!A0", "\\", "'", '"',
    "\x1b[31mred", "\x7f", "𝔘𝔫𝔦𝔱", "2147483648", "-2147483649", "18446744073709551616", "0.1e-400", "1_000",
]
ODD_BYTES = [b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc3", b"\r", b"\n", b"\r\n", b'"', b"'",
             b",", b";", b"\t", b"<", b">", b"&", b"]]>", b"<!--", b"\\u0000", b"\\ud800", b"{", b"}", b"[", b"]", b":"]


def odd_text(rng: random.Random) -> str:
    value = rng.choice(ODD_TEXT)
    if rng.random() < 0.1:
        value = str(rng.choice([10 ** rng.randint(15, 400), -10 ** rng.randint(15, 320), rng.random() * 10 ** rng.randint(-300, 308)]))
    return value


# ---------------------------------------------------------------------------- bytes


def flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)] if data else data


def insert(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    piece = rng.choice(ODD_BYTES) * rng.choice([1, 1, 2, 50, 4000])
    return data[:at] + piece + data[at:]


def delete(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 200):]


def repeat(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    piece = data[at: at + rng.randint(1, 400)]
    return data[:at] + piece * rng.choice([2, 3, 50, 1000]) + data[at:]


BYTE_MUTATIONS = [flip, truncate, insert, delete, repeat]


def byte_mutation(rng: random.Random, data: bytes) -> bytes:
    return rng.choice(BYTE_MUTATIONS)(rng, data)


# ---------------------------------------------------------------------------- XML


def _namespaces(data: bytes) -> None:
    """Register the seed's prefixes, so that ``xsi:type="archimate:…"`` values keep meaning."""
    try:
        for _, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
            if prefix and not re.match(r"ns\d+$", prefix):
                ET.register_namespace(prefix, uri)
    except (ET.ParseError, ValueError):
        pass


def _tree_mutation(rng: random.Random, root: ET.Element) -> None:
    elements = list(root.iter())
    parents = {child: parent for parent in elements for child in parent}
    target = rng.choice(elements)
    parent = parents.get(target)
    kind = rng.randrange(9)
    if kind == 0 and parent is not None:  # delete
        parent.remove(target)
    elif kind == 1 and parent is not None:  # duplicate
        for _ in range(rng.choice([1, 1, 2, 500])):
            parent.insert(list(parent).index(target), _copy(target))
    elif kind == 2 and target.attrib:  # odd attribute value
        target.set(rng.choice(list(target.attrib)), odd_text(rng))
    elif kind == 3:  # odd text
        target.text = odd_text(rng)
    elif kind == 4 and parent is not None:  # deep nesting
        depth = rng.choice([50, 1000, 5000, 30000])
        outer = node = ET.Element(target.tag, target.attrib)
        for _ in range(depth):
            node = ET.SubElement(node, target.tag, target.attrib)
        node.append(_copy(target))
        parent.insert(list(parent).index(target), outer)
    elif kind == 5 and parent is not None:  # move to another parent
        parent.remove(target)
        rng.choice(list(root.iter())).append(target)  # the target's own subtree is out of the tree now
    elif kind == 6 and target.attrib:  # drop an attribute
        del target.attrib[rng.choice(list(target.attrib))]
    elif kind == 7:  # swap an attribute's value with another element's
        other = rng.choice(elements)
        if other.attrib and target.attrib:
            a, b = rng.choice(list(target.attrib)), rng.choice(list(other.attrib))
            target.attrib[a], other.attrib[b] = other.attrib[b], target.attrib[a]
    else:  # rename or add attribute
        target.set(rng.choice(["id", "source", "target", "parent", "x", "y", "width", "key", "for", "identifier",
                               "xsi:type", "{http://www.w3.org/2001/XMLSchema-instance}type", "vertex", "edge",
                               "attr.type", "value", "style"]), odd_text(rng))


def _copy(element: ET.Element) -> ET.Element:
    return ET.fromstring(ET.tostring(element))


def structural_xml(rng: random.Random, data: bytes) -> bytes:
    """Parse, mutate the tree once or a few times, write it back (odd characters escaped or
    not, as ElementTree writes them)."""
    _namespaces(data)
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError):
        return byte_mutation(rng, data)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        _tree_mutation(rng, root)
    try:
        text = ET.tostring(root, encoding="unicode")
    except (ValueError, TypeError, RecursionError):
        return byte_mutation(rng, data)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode("utf-8", "surrogatepass")


ENTITY_TRICKS = [
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/none.dtd">',
    '<?xml-stylesheet href="x"?>', "<!-- " + "-" * 10 + " -->", "<![CDATA[<b>]]>", "&e;", "&#0;", "&#xD800;", "&#x10FFFF;",
    "&unknown;",
]


def textual_xml(rng: random.Random, data: bytes) -> bytes:
    """Mutations of the XML text itself: entities, declarations, encodings, tags cut."""
    text = data.decode("utf-8", "replace")
    kind = rng.randrange(6)
    if kind == 0:  # a DOCTYPE or processing instruction after the declaration
        at = text.index("?>") + 2 if text.startswith("<?xml") and "?>" in text else 0
        return (text[:at] + rng.choice(ENTITY_TRICKS) + text[at:]).encode("utf-8")
    if kind == 1:  # an entity or character reference inside a value
        spots = [m.end() for m in re.finditer(r'="', text)] or [0]
        at = rng.choice(spots)
        return (text[:at] + rng.choice(ENTITY_TRICKS[-5:]) + text[at:]).encode("utf-8")
    if kind == 2:  # another declared (or actual) encoding
        encoding = rng.choice(["utf-16", "latin-1", "cp1254", "utf-8"])
        body = re.sub(r"^<\?xml[^>]*\?>", "", text)
        declared = rng.choice(["UTF-8", "UTF-16", "ISO-8859-1", "windows-1254", "bogus"])
        try:
            return f'<?xml version="1.0" encoding="{declared}"?>{body}'.encode(encoding, "replace")
        except LookupError:
            return data
    if kind == 3:  # a tag cut in half
        tags = [m.start() for m in re.finditer(r"<[A-Za-z]", text)] or [0]
        at = rng.choice(tags)
        return (text[:at] + text[at + rng.randint(1, 12):]).encode("utf-8")
    if kind == 4:  # a closing tag removed or doubled
        closes = [m for m in re.finditer(r"</[^>]+>", text)]
        if not closes:
            return data
        m = rng.choice(closes)
        return (text[: m.start()] + (m.group() * 2 if rng.random() < 0.5 else "") + text[m.end():]).encode("utf-8")
    # a number attribute made huge or odd
    numbers = list(re.finditer(r'="(-?\d+(?:\.\d+)?)"', text))
    if not numbers:
        return data
    m = rng.choice(numbers)
    return (text[: m.start(1)] + odd_text(rng).replace('"', "&quot;").replace("<", "&lt;").replace("&", "&amp;") + text[m.end(1):]).encode("utf-8")


def xml_mutation(rng: random.Random, data: bytes) -> bytes:
    r = rng.random()
    if r < 0.55:
        return structural_xml(rng, data)
    if r < 0.8:
        return textual_xml(rng, data)
    return byte_mutation(rng, data)


def drawio_mutation(rng: random.Random, data: bytes) -> bytes:
    """draw.io: a compressed page is opened, mutated and packed again half of the time."""
    text = data.decode("utf-8", "replace")
    pages = list(re.finditer(r"(<diagram[^>]*>)([A-Za-z0-9+/=\s]{16,})(</diagram>)", text))
    if pages and rng.random() < 0.5:
        m = rng.choice(pages)
        try:
            raw = zlib.decompress(base64.b64decode(m.group(2)), -zlib.MAX_WBITS)
            inner = urllib.parse.unquote(raw.decode("ascii")).encode("utf-8")
        except (ValueError, zlib.error, UnicodeDecodeError):
            return xml_mutation(rng, data)
        inner = xml_mutation(rng, inner) if rng.random() < 0.8 else byte_mutation(rng, inner)
        inner = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", inner)
        deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        quoted = urllib.parse.quote(inner.decode("utf-8", "replace"), safe="").encode("ascii")
        packed = deflate.compress(quoted) + deflate.flush()
        if rng.random() < 0.2:
            packed = flip(rng, packed)
        return (text[: m.start(2)] + base64.b64encode(packed).decode("ascii") + text[m.end(2):]).encode("utf-8")
    return xml_mutation(rng, data)


# ---------------------------------------------------------------------------- CSV


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def csv_mutation(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.2:
        return byte_mutation(rng, data)
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:2000], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter)) or [["id", "name"]]
    width = max(len(r) for r in rows) or 1
    header = rows[0]
    for _ in range(rng.choice([1, 1, 2, 3])):
        kind = rng.randrange(10)
        rows = rows or [["id", "name"]]
        r = rng.randrange(len(rows))
        if kind == 0:  # odd cell
            row = rows[r] or [""]
            row[rng.randrange(len(row))] = odd_text(rng)
            rows[r] = row
        elif kind == 1:  # column dropped
            c = rng.randrange(width)
            rows = [row[:c] + row[c + 1:] for row in rows]
        elif kind == 2:  # column added or duplicated
            c = rng.randrange(width)
            name = rng.choice(header) if header and rng.random() < 0.5 else odd_text(rng)[:40]
            rows = [row[:c] + [name if i == 0 else odd_text(rng)[:30]] + row[c:] for i, row in enumerate(rows)]
        elif kind == 3 and header:  # header renamed
            header[rng.randrange(len(header))] = rng.choice(["id", "name", "office", "reports_to", "parent", "depends_on",
                                                             "revenue", "cost", "headcount", "Name", "", odd_text(rng)[:30]])
        elif kind == 4:  # row repeated (duplicate ids)
            rows[r:r] = [list(rows[r])] * rng.choice([1, 2, 1000])
        elif kind == 5 and len(rows) > 2 and "reports_to" in header:  # a loop
            c = header.index("reports_to")
            a, b = rng.sample(range(1, len(rows)), 2)
            if len(rows[a]) > c and len(rows[b]) > c and rows[b]:
                rows[a][c] = rows[b][0]
                rows[b][c] = rows[a][0]
        elif kind == 6:  # ragged row
            rows[r] = rows[r][: rng.randrange(len(rows[r]) + 1)] + [odd_text(rng)[:20]] * rng.choice([0, 1, 5, 2000])
        elif kind == 7:  # empty rows
            rows[r:r] = [[]] * rng.choice([1, 10, 5000])
        elif kind == 8 and rows[r]:  # a cell holding the delimiter, a quote or a line break
            row = rows[r]
            row[rng.randrange(len(row))] += rng.choice(['"', delimiter, "\n", "\r", '""', "\x00"])
        else:  # the header only, or no header
            rows = rows[:1] if rng.random() < 0.5 else rows[1:]
    out = io.StringIO()
    new_delimiter = rng.choice([delimiter] * 6 + [",", ";", "\t", "|", " "])
    quoting = rng.choice([csv.QUOTE_MINIMAL] * 4 + [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])
    csv.writer(out, delimiter=new_delimiter, quoting=quoting, lineterminator=rng.choice(["\n", "\r\n", "\r"])).writerows(rows)
    text = out.getvalue()
    if rng.random() < 0.1:  # a stray unbalanced quote
        at = rng.randrange(len(text) + 1)
        text = text[:at] + '"' + text[at:]
    encoding = rng.choice(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-le", "cp1254", "latin-1", "utf-32", "cp1252"])
    encoded = text.encode(encoding, "replace" if encoding != "utf-8" else "surrogatepass")
    if rng.random() < 0.05:
        encoded = b"\xef\xbb\xbf" + encoded
    return encoded


# ---------------------------------------------------------------------------- xlsx


def xlsx_mutation(rng: random.Random, data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            parts = {info.filename: source.read(info) for info in source.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return byte_mutation(rng, data)
    if rng.random() < 0.1:
        return byte_mutation(rng, data)
    names = list(parts)
    weights = [6 if "worksheets/" in n else 4 if "sharedStrings" in n else 3 if n.endswith("workbook.xml") else 1 for n in names]
    for _ in range(rng.choice([1, 1, 2])):
        name = rng.choices(names, weights)[0]
        kind = rng.random()
        if kind < 0.8 and name.endswith((".xml", ".rels")):
            parts[name] = xml_mutation(rng, parts[name])
        elif kind < 0.9:
            parts[name] = byte_mutation(rng, parts[name])
        elif kind < 0.95:
            del parts[name]
            names.remove(name)
            weights = weights[: len(names)]
            if not names:
                break
        else:
            parts[name + rng.choice(["", "x"])] = parts[name]
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if rng.random() < 0.1 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as target:
        for name, body in parts.items():
            target.writestr(name, body)
    return out.getvalue()


# ---------------------------------------------------------------------------- JSON


def _odd_json(rng: random.Random) -> object:
    return rng.choice([None, True, False, 0, -1, 1.5, 10 ** rng.randint(16, 320), -(10 ** 308), 1e308, 5e-324, "", "x",
                       odd_text(rng), [], {}, [1, 2], {"a": 1}, [[[[[]]]]], "\ud800", {"id": "s"}, 2 ** 63, 2 ** 64])


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value[:50]):
            out += _paths(child, (*path, i))
    return out


def _plausible(rng: random.Random, document: dict) -> None:
    """Values a valid model may hold, at their edges: huge whole revenues, odd names, far
    positions, new dependencies and reporting lines between existing units."""
    units = [u for u in document["units"] if isinstance(u, dict) and isinstance(u.get("id"), str)]
    if not units:
        return
    for _ in range(rng.choice([1, 2, 5])):
        unit = rng.choice(units)
        kind = rng.randrange(6)
        if kind == 0:
            unit[rng.choice(["revenue", "cost"])] = rng.choice([10 ** rng.randint(10, 308), 1e308, 1.7976931348623157e308,
                                                                 2 ** 53 + 1, 0.005, 1e-300, 12.345])
        elif kind == 1:
            unit[rng.choice(["name", "notes"])] = odd_text(rng) or "x"
        elif kind == 2:
            unit["x"], unit["y"] = rng.choice([(1e7, -1e7), (2.2e9, 0.0), (1e300, 1e300), (-0.0, 5e-324), (1e15, 1e15)])
        elif kind == 3:
            a, b = rng.choice(units)["id"], rng.choice(units)["id"]
            if a != b:
                document.setdefault("dependencies", []).append({"from": a, "to": b, **({"group": "g"} if rng.random() < 0.3 else {})})
        elif kind == 4:
            unit["office"] = rng.choice(["front", "middle", "back", None])
            unit["revenue_generating"] = rng.choice([True, False])
        else:
            unit[rng.choice(["headcount", "automation_potential", "automation_ease"])] = rng.choice([0, 1, 0.5, 10 ** 15, 2 ** 63])


def json_mutation(rng: random.Random, data: bytes) -> bytes:
    r = rng.random()
    if r < 0.25:
        return byte_mutation(rng, data)
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return byte_mutation(rng, data)
    if not isinstance(document, (dict, list)):
        return byte_mutation(rng, data)
    paths = [()]
    if rng.random() < 0.5 and isinstance(document, dict) and isinstance(document.get("units"), list):
        _plausible(rng, document)  # still a valid model, most of the time: odd but allowed values
        paths = []
    for _ in range(0 if not paths else rng.choice([1, 1, 2, 3])):
        paths = _paths(document)[1:]
        if not paths:
            break
        path = rng.choice(paths)
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        kind = rng.randrange(7)
        if kind in (0, 1):  # type swap / odd value
            parent[key] = _odd_json(rng)
        elif kind == 2:  # missing
            del parent[key]
        elif kind == 3 and isinstance(parent, dict):  # unknown key
            parent[rng.choice(["zz", "x", "parent", "revenue", "group", "weight", "from", "to", "office", "id"])] = _odd_json(rng)
        elif kind == 4 and isinstance(parent, list):  # duplicated item
            parent[key:key] = [json.loads(json.dumps(parent[key]))] * rng.choice([1, 1, 300])
        elif kind == 5:  # deep nesting
            value: object = parent[key]
            for _ in range(rng.choice([100, 1000, 3000, 100_000])):
                value = [value]
            parent[key] = value
        else:  # ids made to collide, or to point elsewhere
            if isinstance(document, dict) and isinstance(document.get("units"), list) and document["units"]:
                units = [u for u in document["units"] if isinstance(u, dict)]
                if len(units) >= 2:
                    a, b = rng.sample(units, 2)
                    field = rng.choice(["id", "parent", "name"])
                    a[field] = b.get("id")
    try:
        text = json.dumps(document, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
    except (ValueError, RecursionError, OverflowError):
        return byte_mutation(rng, data)
    return text.encode("utf-8", "surrogatepass")


#: The mutation of each category.
MUTATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "csv": csv_mutation,
    "xlsx": xlsx_mutation,
    "graphml": xml_mutation,
    "drawio": drawio_mutation,
    "archimate": xml_mutation,
    "native": json_mutation,
}


def mutant(rng: random.Random, category: str, data: bytes) -> bytes:
    """One mutant of ``data`` for ``category``; sometimes mutated twice over."""
    out = data
    for _ in range(2 if rng.random() < 0.15 else 1):
        try:
            out = MUTATORS[category](rng, out)
        except Exception:  # noqa: BLE001 (a seed the format mutation cannot take apart)
            out = byte_mutation(rng, out)
    return out
