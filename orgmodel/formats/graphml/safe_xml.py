"""Parse an untrusted XML file without letting it cost more than a bounded amount.

:mod:`defusedxml` refuses DTDs, entities and external references; on top of that a file
over :data:`MAX_BYTES`, elements nested deeper than :data:`MAX_DEPTH` or more than
:data:`MAX_MARKUP` comments and processing instructions are refused, and every way the
parse can fail becomes one :class:`GraphMLError` with a plain reason.
"""

from __future__ import annotations

import io
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET

from orgmodel.formats.file_errors import cannot_read, special_file
from orgmodel.formats.graphml.schema import NS, GraphMLError
from orgmodel.formats.importing import ImportFileError
from orgmodel.i18n import tr

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 1000
MAX_MARKUP = 10_000  # processing instructions and comments together


def local(tag: Any) -> str:
    """The tag without its namespace: ``{http://…}node`` is ``node`` (comments give "")."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    """The namespace of a tag, "" when it has none."""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def parse(source: str, path: str | os.PathLike[str], error: type[ImportFileError] = GraphMLError,
          roots: tuple[str, ...] | None = None) -> ET.Element:
    """The root element, or an ``error`` (a :class:`GraphMLError` by default) with one plain
    reason. ``roots``: the root elements another format accepts (``("mxfile", ...)``);
    without it the root must be GraphML's."""
    file = Path(path)
    _check_file(source, file, error, roots is None)
    return _parse_events(source, _start_elements(source, os.fspath(file), error), error, roots)


def parse_bytes(source: str, data: bytes, error: type[ImportFileError], roots: tuple[str, ...]) -> ET.Element:
    """Like :func:`parse` for XML held in memory (a compressed draw.io page), same limits."""
    if len(data) > MAX_BYTES:
        raise error(source, tr("file too large ({size:.0f} MB; the limit is {limit} MB)",
                               size=len(data) / 1024 / 1024, limit=MAX_BYTES // 1024 // 1024))
    return _parse_events(source, _start_elements(source, io.BytesIO(data), error), error, roots)


def _parse_events(source: str, elements: Iterator[ET.Element], error: type[ImportFileError],
                  roots: tuple[str, ...] | None) -> ET.Element:
    root: ET.Element | None = None
    try:
        for element in elements:
            if root is None:
                root = element
                if roots is None:
                    _check_root(source, root)
                elif local(root.tag) not in roots:
                    raise error(source, tr("unexpected root element <{element}>", element=local(root.tag)))
    except _PARSE_ERRORS as problem:
        raise error(source, _reason(problem, root is not None, roots is None)) from None
    if root is None:
        raise error(source, tr("not a GraphML file: no XML element found") if roots is None else tr("no XML element found"))
    return root


def _check_file(source: str, file: Path, failure: type[ImportFileError], graphml: bool) -> None:
    """Refuse what is no XML file at all before the parser sees it."""
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise failure(source, tr("no such file")) from None
    except OSError as error:
        raise failure(source, cannot_read(error)) from None
    if file.is_dir():
        raise failure(source, tr("is a folder, not a GraphML file") if graphml else tr("is a folder"))
    special = special_file(file)
    if special:
        raise failure(source, special)
    if size > MAX_BYTES:
        raise failure(
            source,
            tr("file too large ({size:.0f} MB; the limit is {limit} MB)", size=size / 1024 / 1024, limit=MAX_BYTES // 1024 // 1024),
        )
    if size == 0:
        raise failure(source, tr("empty file, not GraphML") if graphml else tr("empty file"))
    try:
        with open(file, "rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise failure(source, cannot_read(error)) from None
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise failure(source, tr("not an XML file (binary data or UTF-16 text without a byte order mark)"))


def _start_elements(source: str, file: Any, failure: type[ImportFileError]) -> Iterator[ET.Element]:
    """Every element as it opens, while nesting and markup stay within the limits."""
    depth = markup = 0
    events = DET.iterparse(file, events=("start", "end", "comment", "pi"), forbid_dtd=True,
                           forbid_entities=True, forbid_external=True)
    for event, element in events:
        if event == "start":
            yield element
            depth += 1
            if depth > MAX_DEPTH:
                raise failure(source, tr("elements nested deeper than {limit} levels", limit=MAX_DEPTH))
        elif event == "end":
            depth -= 1
        else:
            markup += 1
            if markup > MAX_MARKUP:
                raise failure(
                    source, tr("more than {limit:,} comments or processing instructions", limit=MAX_MARKUP)
                )


def _check_root(source: str, root: ET.Element) -> None:
    if local(root.tag) != "graphml":
        raise GraphMLError(source, tr("not a GraphML file: the root element is <{element}>", element=local(root.tag)))
    if namespace(root.tag) not in ("", NS):
        raise GraphMLError(
            source,
            tr(
                "not a GraphML file: the root element is in the namespace {namespace!r}",
                namespace=namespace(root.tag),
            ),
        )


#: Everything the parser raises for a bad or hostile file (a GraphMLError of ours passes).
_PARSE_ERRORS = (ET.ParseError, LookupError, UnicodeError, RecursionError, MemoryError, OSError, ValueError)


def _reason(error: BaseException, found_root: bool, graphml: bool = True) -> str:
    """The plain reason for one of :data:`_PARSE_ERRORS` (a Text)."""
    if isinstance(error, defusedxml.DTDForbidden):
        return tr("refused: the file contains a DTD (<!DOCTYPE>), which GraphML does not need")
    if isinstance(error, defusedxml.EntitiesForbidden):
        return tr("refused: the file declares XML entities")
    if isinstance(error, defusedxml.ExternalReferenceForbidden):
        return tr("refused: the file refers to external resources")
    if isinstance(error, defusedxml.DefusedXmlException):
        return tr("refused: {reason}", reason=str(error))
    if isinstance(error, ET.ParseError):
        line, column = error.position
        reason = str(error).split(":", 1)[0].strip() or tr("invalid XML")
        if "no element found" in reason:
            if not found_root:
                return tr("not a GraphML file: no XML element found") if graphml else tr("no XML element found")
            reason = tr("the file ends too early (truncated)")
        if "unclosed token" in reason:
            reason = tr("the file ends too early (unclosed token)")
        return tr("not valid XML: {reason} (line {line}, column {column})", reason=reason, line=line, column=column + 1)
    if isinstance(error, (LookupError, UnicodeError)):
        return tr("not valid XML: unknown or wrong text encoding ({reason})", reason=str(error))
    if isinstance(error, RecursionError):
        return tr("elements nested too deeply")
    if isinstance(error, MemoryError):
        return tr("not enough memory to read the file")
    if isinstance(error, OSError):
        return cannot_read(error)
    # ValueError from expat: e.g. "multi-byte encodings are not supported"
    reason = str(error).splitlines()[0] if str(error) else tr("bad encoding")
    return tr("not valid XML: {reason}", reason=reason)
