"""One entry point for every format OrgModel reads or writes, chosen by file extension.

=============  ====  =====  ===========================================================
format         read  write  keeps / drops
=============  ====  =====  ===========================================================
.orgmodel      yes   yes    everything (the native format; unknown keys too)
.csv / .xlsx   yes   yes    the unit fields, reporting lines and dependencies; drops
(.tsv, .txt)                positions, colours, dependency weights/labels, unknown keys
.graphml       yes   yes    every field, reporting lines, dependencies with weights,
                            labels and positions (yEd and Gephi read it)
.drawio        yes   yes    names, offices (colours), positions, both kinds of line
.archimate     yes   no     Archi models: organisational elements, their relations
.xml           yes   no     draw.io, ArchiMate exchange format or GraphML, by content
=============  ====  =====  ===========================================================

Whatever the format, :func:`read_any` gives every unit a place: those the file gave none
stand clear of the ones it did (``orgmodel.layout.place_unplaced``). An import that
brings no unit at all is an error (:func:`orgmodel.formats.importing.require_units`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from orgmodel.errors import (
    DependencyError, DuplicateUnitError, FieldError, ModelFileError, OrgModelError, Problem, ReportingCycleError, UnknownUnitError,
)
from orgmodel.formats.atomic import SaveError, write_file
from orgmodel.formats.file_errors import special_file
from orgmodel.formats.importing import ImportOptions, require_units
from orgmodel.formats.xml_writing import xml_bytes
from orgmodel.i18n import Text, tr
from orgmodel.model import OrgModel

if TYPE_CHECKING:
    from orgmodel.formats.spreadsheet import ImportPlan

READABLE = (".orgmodel", ".json", ".csv", ".tsv", ".txt", ".xlsx", ".graphml", ".drawio", ".xml", ".archimate")
WRITABLE = (".orgmodel", ".json", ".csv", ".xlsx", ".graphml", ".drawio")


def _extension(path: str, allowed: tuple[str, ...], verb: str) -> str:
    """The lower-case extension of ``path`` if it is ``allowed`` for ``verb`` ("read",
    "write" or "merge"), else a :class:`ModelFileError` saying which ones are."""
    extension = os.path.splitext(path)[1].lower()
    if extension not in allowed:
        use = ", ".join(allowed)
        if verb == "read":
            message = (
                tr("cannot read {extension}: use {extensions}", extension=extension, extensions=use)
                if extension
                else tr("cannot read a file without extension: use {extensions}", extensions=use)
            )
        elif verb == "write":
            message = (
                tr("cannot write {extension}: use {extensions}", extension=extension, extensions=use)
                if extension
                else tr("cannot write a file without extension: use {extensions}", extensions=use)
            )
        else:
            message = (
                tr("cannot merge {extension}: use {extensions}", extension=extension, extensions=use)
                if extension
                else tr("cannot merge a file without extension: use {extensions}", extensions=use)
            )
        raise ModelFileError(path, [Problem("", message)])
    return extension


def read_any(path: str, options: ImportOptions | None = None) -> tuple[OrgModel, list[str]]:
    """A model from any readable format, with the messages a person should see (rejected
    spreadsheet rows, GraphML warnings), as translatable Texts. Every unit has a place:
    those the file gave none get one (:func:`orgmodel.layout.place_unplaced`), clear of
    the ones it did, so that no picture or editor shows them stacked on one spot.

    An import (any format but the native one) that brings no unit raises
    :class:`ModelFileError` with the messages that say why."""
    from orgmodel.layout.placement import place_unplaced

    options = options or ImportOptions()
    special = special_file(path)
    if special:  # before any reader opens it: a FIFO would hang, /dev/zero never end
        raise ModelFileError(path, [Problem("", special)])
    kind = import_kind(path)
    try:
        model, messages = _read(path, kind, options)
    except (FieldError, DuplicateUnitError, ReportingCycleError, DependencyError, UnknownUnitError) as error:
        # A value the model refused while a reader built it: the message names the unit and
        # field, this names the file (it printed as "orgmodel: unit 'x', name: …" before).
        raise ModelFileError(path, [Problem("", error.text())]) from None
    if kind != "native":
        require_units(path, model, messages)
        messages = [*messages, *_unstack(model)]
    place_unplaced(model)
    return model, messages


def _unstack(model: OrgModel) -> list[Text]:
    """An imported drawing whose positions put cards on top of each other (shapes of several
    sizes, several views or pages) would show lines under cards and names hidden: its
    positions are dropped and every unit laid out anew (:func:`read_any` places them),
    and the person is told."""
    from orgmodel.appearance import CARD_HEIGHT, CARD_WIDTH
    from orgmodel.layout.placement import first_overlap

    placed = {unit.id: (unit.x, unit.y) for unit in model.units() if unit.x is not None and unit.y is not None}
    pair = first_overlap(placed, CARD_WIDTH, CARD_HEIGHT)
    if pair is None:
        return []
    model.move_units({uid: (None, None) for uid in placed})
    a, b = (model.unit(uid).name for uid in pair)
    return [tr("positions in the file put cards on top of each other (“{a}” and “{b}”): every unit laid out anew", a=a, b=b)]


def import_kind(path: str) -> str:
    """Which reader a readable file needs: native, spreadsheet, graphml, drawio or
    archimate; an ``.xml`` file is told apart by its first element. The ``.bak`` copy of
    a native file a save kept is native too."""
    from orgmodel.formats.native import is_backup

    if is_backup(path):
        return "native"
    extension = _extension(path, READABLE, "read")
    if extension in (".orgmodel", ".json"):
        return "native"
    if extension in (".csv", ".tsv", ".txt", ".xlsx"):
        return "spreadsheet"
    if extension in (".graphml", ".drawio", ".archimate"):
        return extension[1:]
    if special_file(path):
        return "drawio"  # the reader says why the file cannot be read
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "drawio"  # the reader says why the file cannot be read
    if b"<graphml" in head:
        return "graphml"
    if b"archimate" in head.lower() and b"<mxfile" not in head:
        return "archimate"
    return "drawio"


def import_choices(path: str) -> tuple[list[str], bool]:
    """What a person may choose before ``path`` is imported: the names of its draw.io pages
    (when it has several) and whether a GraphML file has undirected edges. A file that
    cannot be read answers ``([], False)``; reading it then says why."""
    try:
        kind = import_kind(path)
        if kind == "drawio":
            from orgmodel.formats.drawio_read import page_names

            return page_names(path), False
        if kind == "graphml":
            from orgmodel.formats.graphml.walk import has_undirected_edges

            return [], has_undirected_edges(path)
    except OrgModelError:
        pass
    return [], False


def _read(path: str, kind: str, options: ImportOptions) -> tuple[OrgModel, list[str]]:
    if kind == "native":
        from orgmodel.formats.native import load

        return load(path), []
    if kind == "spreadsheet":
        from orgmodel.formats.spreadsheet import import_model

        model, plan = import_model(path, dict(options.columns), options.sheet)
        return model, plan.messages()
    if kind == "drawio":
        from orgmodel.formats.drawio_read import read_drawio

        return read_drawio(path, options.page)
    if kind == "archimate":
        from orgmodel.formats.archimate import read_archimate

        return read_archimate(path)
    from orgmodel.formats.graphml import read_graphml

    return read_graphml(path, options.undirected)


def write_any(model: OrgModel, path: str) -> None:
    """Write ``model`` in the format of ``path``'s extension, atomically (the old file is
    kept whole on any failure). Raises :class:`ModelFileError` for an extension it cannot
    write, :class:`SaveError` when a native file or a spreadsheet cannot be written, and
    :class:`ModelFileError` (``cannot write: <reason>``) for GraphML and draw.io."""
    extension = _extension(path, WRITABLE, "write")
    if extension in (".orgmodel", ".json"):
        from orgmodel.formats.native import save

        save(model, path)
    elif extension == ".csv":
        from orgmodel.formats.spreadsheet import write_csv

        write_csv(model, path)
    elif extension == ".xlsx":
        from orgmodel.formats.spreadsheet import write_xlsx

        write_xlsx(model, path)
    else:
        if extension == ".graphml":
            from orgmodel.formats.graphml import to_element
        else:
            from orgmodel.formats.drawio import to_element
        try:
            write_file(path, xml_bytes(to_element(model)))
        except SaveError as error:
            # These two have always said it this way; the spreadsheets say "cannot save …".
            raise ModelFileError(path, [Problem("", tr("cannot write: {reason}", reason=error.reason))]) from None


def merge_spreadsheet(base: OrgModel, path: str, sheet: str | None = None) -> ImportPlan:
    """Plan a spreadsheet merge into ``base`` by id (nothing deleted); returns the plan.
    ``sheet``: a workbook's sheet (see :func:`~orgmodel.formats.spreadsheet.read_rows`)."""
    _extension(path, (".csv", ".xlsx"), "merge")
    from orgmodel.formats.spreadsheet import guess_mapping, plan_import, read_rows

    notices: list[str] = []
    headers, rows = read_rows(path, sheet, notices)
    plan = plan_import(headers, rows, guess_mapping(headers), base)
    plan.notices[:0] = notices
    return plan
